"""`GET /api/v1/events` and `/api/v1/events/<id>`: public events to anyone, members' and a
partner's staff events to a token that may see them; bad input answers 400 with a message in
the asker's language, never 500."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.db import utcnow

EN = {"Accept-Language": "en"}


def _bearer(secret):
    return {"Authorization": f"Bearer {secret}"}


def test_the_list_gives_public_events_and_with_a_token_members_ones(client, make_event, make_user, api_token):
    public = make_event(title="Journée d'information", days=5, capacity=40)
    members = make_event(title="Petit-déjeuner des membres", audience="members", days=6)
    later = make_event(title="Atelier lointain", days=40)
    anonymous = client.get("/api/v1/events")
    assert anonymous.status_code == 200
    assert [e["id"] for e in anonymous.json] == [public, later]
    first = anonymous.json[0]
    assert first["site"] == "figeac" and first["seats_left"] == 40 and first["price_cents"] == 0
    assert first["starts_at"].endswith(("+01:00", "+02:00")) and first["registration"] is None
    assert first["url"].endswith(f"/events/{public}")

    token = api_token(make_user())
    listed = client.get("/api/v1/events", headers=_bearer(token)).json
    assert [e["id"] for e in listed] == [public, members, later]
    day = (utcnow() + timedelta(days=10)).date().isoformat()
    assert [e["id"] for e in client.get(f"/api/v1/events?to={day}", headers=_bearer(token)).json] == [public, members]
    assert [e["id"] for e in client.get(f"/api/v1/events?from={day}").json] == [later]
    assert [e["id"] for e in client.get("/api/v1/events?site=figeac").json] == [public, later]


def test_one_event_and_the_holders_registration_and_online_link(app, client, auth, make_event, make_user, api_token):
    online = make_event(site=None, online_url="https://visio.example.org/salle-7", audience="members")
    person = make_user()
    token = api_token(person)
    assert client.get(f"/api/v1/events/{online}").status_code == 404  # members' event, no token
    seen = client.get(f"/api/v1/events/{online}", headers=_bearer(token)).json
    assert seen["online"] is True and seen["online_url"] is None and seen["registration"] is None
    auth.login(person)
    client.post(f"/events/{online}/register")
    seen = client.get(f"/api/v1/events/{online}", headers=_bearer(token)).json
    assert seen["registration"] == "confirmed" and seen["online_url"] == "https://visio.example.org/salle-7"


def test_a_partners_event_is_listed_to_its_staff_only(app, client, make_event, make_user, api_token, lot_staff):
    partner_id, staff = lot_staff
    outsider = make_user()
    event_id = make_event(audience="partner", partner_id=partner_id)
    assert [e["id"] for e in client.get("/api/v1/events", headers=_bearer(api_token(staff))).json] == [event_id]
    assert client.get("/api/v1/events", headers=_bearer(api_token(outsider))).json == []
    assert client.get(f"/api/v1/events/{event_id}", headers=_bearer(api_token(outsider))).status_code == 404


@pytest.mark.parametrize("query", ["from=demain", "to=2026-13-45", "from=2030-01-10&to=2030-01-01",
                                   "from=2030-01-01&to=2032-01-01", "from=0001-01-01", "to=9999-12-31",
                                   "from=9999-12-31", "from=%00", "to=" + "9" * 500])
def test_bad_input_answers_400_with_a_message(client, make_event, query):
    make_event()
    response = client.get(f"/api/v1/events?{query}")
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.json["error"]["code"] in ("bad_date", "bad_range", "bad_request")
    assert response.json["error"]["message"]
    english = client.get(f"/api/v1/events?{query}", headers=EN).json["error"]["message"]
    assert english != response.json["error"]["message"]  # French first, English when asked
    far = any(day in query for day in ("0001-01-01", "9999-12-31"))  # valid dates: too far, not "not a date"
    assert ("too far from today" in english) == far, english


def test_an_unknown_site_or_event_or_token_is_refused(client, make_event):
    event_id = make_event()
    assert client.get("/api/v1/events?site=nulle-part").status_code == 404
    assert client.get(f"/api/v1/events/{event_id + 1000}").status_code == 404
    assert client.get("/api/v1/events/99999999999999999999").status_code == 404
    refused = client.get("/api/v1/events", headers={"Authorization": "Bearer faux"})
    assert refused.status_code == 401 and refused.json["error"]["code"] == "unauthorized"


def test_the_events_paths_are_in_the_openapi_document(client):
    document = client.get("/api/v1/openapi.json").json
    assert "/events" in document["paths"] and "/events/{event_id}" in document["paths"]
    assert "Event" in document["components"]["schemas"]


def test_the_widest_window_is_told_with_its_plural(client, make_event, monkeypatch):
    """Said with gettext, a window of one day read "au plus 1 jours"."""
    from plugins.events import api

    make_event()
    for days, french, english in ((1, "Demandez au plus 1 jour à la fois.", "Ask for at most 1 day at once."),
                                  (30, "Demandez au plus 30 jours à la fois.", "Ask for at most 30 days at once.")):
        monkeypatch.setattr(api, "MAX_DAYS", days)
        query = f"from=2030-01-01&to={(date(2030, 1, 1) + timedelta(days=days + 1)).isoformat()}"
        assert client.get(f"/api/v1/events?{query}").json["error"]["message"] == french
        assert client.get(f"/api/v1/events?{query}", headers=EN).json["error"]["message"] == english
