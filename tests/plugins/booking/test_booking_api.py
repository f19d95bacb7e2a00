"""The JSON API: resources, availability as local ISO times, create (201/409), list, cancel, errors."""
from __future__ import annotations

from booking_dates import next_weekday


def _auth(token):
    return {"Authorization": f"Bearer {token}"}


def test_site_resources_are_listed(client, site_with_desk):
    body = client.get("/api/v1/sites/figeac/resources").get_json()
    assert [r["name"] for r in body] == ["Poste 1"] and body[0]["kind"] == "desk"
    assert client.get("/api/v1/sites/nowhere/resources").status_code == 404


def test_availability_gives_free_slots_in_local_time(client, site_with_desk, make_user, api_token):
    day = next_weekday()
    body = client.get(f"/api/v1/availability?date={day}&kind=desk&period=morning").get_json()
    slots = body["sites"][0]["resources"][0]["free"]
    assert slots == [{"period": "morning", "start": slots[0]["start"], "end": slots[0]["end"]}]
    assert slots[0]["start"].startswith(f"{day}T08:30+0")
    token = api_token(make_user())
    client.post("/api/v1/bookings", json={"resource": site_with_desk, "start": f"{day}T08:30",
                                          "end": f"{day}T12:30"}, headers=_auth(token))
    body = client.get(f"/api/v1/availability?date={day}&site=figeac").get_json()
    periods = [s["period"] for s in body["sites"][0]["resources"][0]["free"]]
    assert periods == ["afternoon"]


def test_availability_refuses_bad_parameters(client, site_with_desk):
    assert client.get("/api/v1/availability?date=tomorrow").status_code == 400
    assert client.get("/api/v1/availability").status_code == 400
    assert client.get("/api/v1/availability?date=2027-01-05&kind=sofa").status_code == 400
    assert client.get("/api/v1/availability?date=2027-01-05&period=night").status_code == 400


def test_create_list_and_cancel_a_booking(client, site_with_desk, make_user, api_token):
    token = api_token(make_user())
    day = next_weekday()
    created = client.post("/api/v1/bookings", json={"resource": site_with_desk, "start": f"{day}T08:30",
                                                    "end": f"{day}T12:30"}, headers=_auth(token))
    assert created.status_code == 201
    body = created.get_json()
    assert {k: body[k] for k in ("status", "resource", "site")} == {"status": "confirmed",
                                                                     "resource": site_with_desk, "site": "figeac"}
    assert body["start"].startswith(f"{day}T08:30")
    again = client.post("/api/v1/bookings", json={"resource": site_with_desk, "start": f"{day}T09:00",
                                                  "end": f"{day}T12:30"}, headers=_auth(token))
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "slot_taken"
    assert [b["id"] for b in client.get("/api/v1/bookings", headers=_auth(token)).get_json()] == [body["id"]]
    other = api_token(make_user())
    assert client.post(f"/api/v1/bookings/{body['id']}/cancel", headers=_auth(other)).status_code == 404
    cancelled = client.post(f"/api/v1/bookings/{body['id']}/cancel", headers=_auth(token))
    assert cancelled.status_code == 200 and cancelled.get_json()["status"] == "cancelled"


def test_bad_booking_input_is_a_clear_4xx_never_a_500(client, site_with_desk, make_user, api_token):
    token = api_token(make_user())
    day = next_weekday()
    cases = [
        ({"resource": site_with_desk, "start": f"{day}T12:00", "end": f"{day}T10:00"}, 422, "bad_range"),
        ({"resource": site_with_desk, "start": f"{day}T10:00", "end": f"{day}T10:00"}, 422, "bad_range"),
        ({"resource": site_with_desk, "start": f"{day}T19:00", "end": f"{day}T20:00"}, 422, "closed"),
        ({"resource": site_with_desk, "start": "yesterday", "end": f"{day}T10:00"}, 422, "bad_time"),
        ({"resource": site_with_desk, "start": 5, "end": None}, 422, "bad_time"),
        ({"resource": 9999, "start": f"{day}T08:30", "end": f"{day}T12:30"}, 404, "not_found"),
        ({"resource": "abc", "start": f"{day}T08:30", "end": f"{day}T12:30"}, 404, "not_found"),
        ({"resource": site_with_desk, "start": "2027-03-28T02:30", "end": "2027-03-28T03:30"}, 422, "bad_time"),
    ]
    for body, status, code in cases:
        response = client.post("/api/v1/bookings", json=body, headers=_auth(token))
        assert (response.status_code, response.get_json()["error"]["code"]) == (status, code), body
    assert client.post("/api/v1/bookings", data="x", headers=_auth(token)).status_code == 415
    assert client.post("/api/v1/bookings", json=[1], headers=_auth(token)).status_code == 400
    assert client.post("/api/v1/bookings", json={}).status_code == 401


def test_openapi_document_lists_booking_paths(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    for path in ("/sites/{site_slug}/resources", "/availability", "/bookings", "/bookings/{booking_id}/cancel"):
        assert path in doc["paths"]
    assert "Booking" in doc["components"]["schemas"]


def test_huge_ids_are_not_found_rather_than_crashing(client, site_with_desk, make_user, api_token, auth):
    token = api_token(make_user())
    huge = 2 ** 63
    response = client.post("/api/v1/bookings", json={"resource": huge, "start": "", "end": ""},
                           headers=_auth(token))
    assert response.status_code == 404
    assert client.post(f"/api/v1/bookings/{huge}/cancel", headers=_auth(token)).status_code == 404
    auth.login(make_user())
    assert client.get(f"/booking/{huge}").status_code == 404
    assert client.post(f"/booking/{huge}/cancel").status_code == 404
    assert client.post(f"/booking/{huge}/check-in").status_code == 404


def test_a_site_open_at_night_lists_no_hour_the_clocks_skip(client, make_site, make_resource):
    """A coworking open day and night: the "hour" 02:00-03:00 of the night clocks go forward was
    listed as free, from 03:00+02:00 to 03:00+02:00, and could not be booked."""
    from datetime import date, time, timedelta

    make_site("nuit", hours={d: [(time(0, 0), time(23, 59))] for d in range(7)})
    make_resource("nuit", "room", "Salle de nuit")
    year = date.today().year + (1 if date.today().month >= 3 else 0)
    day = date(year, 3, 31) - timedelta(days=(date(year, 3, 31).weekday() + 1) % 7)  # last Sunday of March
    body = client.get(f"/api/v1/availability?date={day}&site=nuit&kind=room").get_json()
    hours = [(slot["start"], slot["end"]) for slot in body["sites"][0]["resources"][0]["free"]]
    assert hours and all(start < end for start, end in hours), hours
    assert f"{day}T01:00+01:00" in {start for start, _end in hours}  # the hours around it are there
    assert f"{day}T03:00+02:00" in {start for start, _end in hours}
