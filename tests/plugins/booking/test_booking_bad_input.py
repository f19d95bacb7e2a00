"""Bad input answers 4xx with a clear message, never a 500: control characters in single-line
fields (they broke every booking's e-mail), dates far away (they overflowed), NUL bytes in paths."""
from __future__ import annotations

from booking_dates import next_weekday
from core.sites.service import site_by_slug

INJECTION = "Poste 6\nBcc: x@evil"


def test_a_resource_name_with_a_line_break_is_refused(app, client, auth, site_with_desk, make_user):
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    response = client.post("/booking/manage/figeac/resources/new", data={"kind": "desk", "name": INJECTION, "seats": 1},
                           headers={"Accept-Language": "fr"})
    assert response.status_code == 400
    assert "doit tenir sur une ligne" in response.get_data(as_text=True)
    with app.app_context():
        from plugins.booking.resources import resources_of

        assert [r.name for r in resources_of(site_by_slug("figeac"))] == ["Poste 1"]
    described = client.post("/booking/manage/figeac/resources/new", data={
        "kind": "desk", "name": "Poste 7", "seats": 1, "description": "Près de la fenêtre.\r\nÉcran 27 pouces."})
    assert described.status_code == 303  # a text area keeps its line breaks


def test_api_bodies_with_control_characters_are_refused(client, site_with_desk, make_user, api_token):
    headers = {"Authorization": f"Bearer {api_token(make_user())}"}
    day = next_weekday()
    for body in ({"resource": site_with_desk, "start": f"{day}T09:00\r\nX-Evil: 1", "end": f"{day}T12:00"},
                 {"resource": site_with_desk, "start": f"{day}T09:00", "end": f"{day}T12:00", "note\n": "x"},
                 {"resource": site_with_desk, "start": f"{day}T09:00", "end": f"{day}T12:00", "tags": ["a\tb"]}):
        response = client.post("/api/v1/bookings", json=body, headers=headers)
        assert response.status_code == 400 and response.json["error"]["code"] == "bad_request"


def test_far_dates_answer_a_clear_4xx_everywhere(client, auth, site_with_desk, make_user, api_token):
    headers = {"Authorization": f"Bearer {api_token(make_user())}", "Accept-Language": "fr"}
    for week in ("9999-12-31", "0001-01-01"):
        page = client.get(f"/booking/sites/figeac?week={week}", headers={"Accept-Language": "fr"})
        assert page.status_code == 422 and "trop loin" in page.get_data(as_text=True)
    assert client.get("/booking?date=9999-12-31").status_code == 400
    assert client.get("/api/v1/availability?date=0001-01-01").status_code == 400
    for start, end in (("0001-01-01T00:05", "0001-01-01T01:05"),
                       ("9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59-14:00")):
        response = client.post("/api/v1/bookings", json={"resource": site_with_desk, "start": start, "end": end},
                               headers=headers)
        assert response.status_code == 422 and "trop loin" in response.json["error"]["message"]
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    for url in ("/booking/manage/figeac?day=9999-12-31", "/booking/manage/figeac/week?day=9999-12-31",
                "/booking/manage/figeac/week?day=0001-01-01", "/booking/manage/figeac/export.csv?from=9999-12-25",
                "/booking/manage/figeac/export.csv?from=2026-01-01&to=9999-12-31"):
        response = client.get(url, headers={"Accept-Language": "fr"})
        assert response.status_code == 422, url
        assert "trop loin" in response.get_data(as_text=True)
    booked = client.post("/booking/manage/figeac/book", data={"member_email": "x@example.org", "resource": site_with_desk,
                                                              "date": "9999-12-31", "period": "morning"})
    assert 400 <= booked.status_code < 500


def test_a_nul_byte_in_a_path_segment_is_a_400(app, client):
    """On PostgreSQL the NUL reached the database and failed there (a 500)."""
    for path in ("/sites/a%00b", "/api/v1/sites/a%00b/resources", "/booking/feed/a%00b.ics",
                 "/booking/sites/a%00b", "/billing/sites/a%00b/prices"):
        assert client.get(path).status_code == 400, path
