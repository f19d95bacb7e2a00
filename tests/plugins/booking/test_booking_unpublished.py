"""An unpublished site is invisible and unbookable except to its managers and the territory
admin: pages, API, search and booking (the API booked it with a 201)."""
from __future__ import annotations

import pytest

from booking_dates import next_weekday


@pytest.fixture
def hidden(make_site, make_resource, make_user):
    make_site("montmurat", is_published=False)
    make_site("figeac")
    return {"desk": make_resource("montmurat", "desk", "Poste caché"), "member": make_user(),
            "manager": make_user(role="site-manager", sites=["montmurat"]),
            "other_manager": make_user(role="site-manager", sites=["figeac"]),
            "admin": make_user(role="territory-admin")}


def _book(client, desk, token, day):
    return client.post("/api/v1/bookings", json={"resource": desk, "start": f"{day}T08:30", "end": f"{day}T12:30"},
                       headers={"Authorization": f"Bearer {token}"})


def test_nobody_else_sees_it(client, auth, hidden):
    day = next_weekday()
    assert client.get("/api/v1/sites/montmurat/resources").status_code == 404
    assert [s["slug"] for s in client.get("/api/v1/sites").json] == ["figeac"]
    availability = client.get(f"/api/v1/availability?date={day}&site=montmurat").json
    assert availability["sites"] == []
    assert "Poste caché" not in client.get(f"/booking?date={day}").get_data(as_text=True)
    for person in (None, hidden["member"], hidden["other_manager"]):
        if person:
            auth.login(person)
        assert client.get("/sites/montmurat").status_code == 404
        assert client.get("/booking/sites/montmurat").status_code == 404
        assert "montmurat" not in client.get("/sites").get_data(as_text=True).lower()
        if person:
            auth.logout()


def test_nobody_else_books_it_through_the_api_or_the_page(client, auth, hidden, api_token):
    day = next_weekday()
    refused = _book(client, hidden["desk"], api_token(hidden["member"]), day)
    assert refused.status_code == 404 and refused.json["error"]["code"] == "not_found"
    assert _book(client, hidden["desk"], api_token(hidden["other_manager"]), day).status_code == 404
    auth.login(hidden["member"])
    page = client.post("/booking/sites/montmurat/book", data={"resource": hidden["desk"], "date": day.isoformat(),
                                                              "period": "morning"})
    assert page.status_code == 404
    assert client.get("/api/v1/bookings", headers={"Authorization": f"Bearer {api_token(hidden['member'])}"}).json == []


def test_its_managers_and_the_admin_see_and_book_it(client, auth, hidden, api_token):
    day = next_weekday()
    for person in (hidden["manager"], hidden["admin"]):
        auth.login(person)
        assert client.get("/sites/montmurat").status_code == 200
        assert client.get("/booking/sites/montmurat").status_code == 200
        auth.logout()
    assert _book(client, hidden["desk"], api_token(hidden["manager"]), day).status_code == 201
