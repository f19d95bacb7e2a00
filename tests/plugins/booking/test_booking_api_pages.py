"""GET /api/v1/bookings a page at a time: `limit`, an opaque `cursor`, the next page's address in
a `Link` header; stable while bookings are made; bad parameters a JSON 400, never a 500."""
from __future__ import annotations

import base64
import re
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, parse_qsl, urlsplit

from core.accounts.models import User
from core.api.paging import DEFAULT_LIMIT, MAX_LIMIT
from core.extensions import db
from plugins.booking.models import Booking, Resource

BASE = datetime(2029, 3, 5, 8, 30, tzinfo=timezone.utc)


def _auth(token):
    return {"Authorization": f"Bearer {token}"}


def _rows(app, member, resource_id, starts) -> list[int]:
    """The member's past bookings (cancelled: they hold no slot, so several may start together)."""
    with app.app_context():
        resource = db.session.get(Resource, resource_id)
        person = db.session.get(User, member.id)
        made = [Booking(resource_id=resource.id, site_id=resource.site_id, member_id=person.id, starts_at=start,
                        ends_at=start + timedelta(hours=4), status="cancelled", checkin_code="x")
                for start in starts]
        db.session.add_all(made)
        db.session.commit()
        return [b.id for b in made]


def _next(response) -> str | None:
    """The path and query of the Link rel="next", None on the last page."""
    link = response.headers.get("Link")
    if link is None:
        return None
    url = urlsplit(re.fullmatch(r'<([^>]+)>; rel="next"', link)[1])
    return f"{url.path}?{url.query}"


def test_the_bookings_come_a_page_at_a_time_latest_first_each_once(app, client, site_with_desk, make_user,
                                                                   api_token):
    member = make_user()
    token = api_token(member)
    starts = [BASE + timedelta(days=d) for d in (0, 1, 1, 1, 2, 3, 5)]  # three start together
    ids = _rows(app, member, site_with_desk, starts)
    latest_first = [i for _start, i in sorted(zip(starts, ids), reverse=True)]
    _rows(app, make_user(), site_with_desk, starts)  # someone else's: never listed

    first = client.get("/api/v1/bookings?limit=3", headers=_auth(token))
    assert first.status_code == 200 and [b["id"] for b in first.json] == latest_first[:3]
    assert "limit=3" in _next(first) and "cursor=" in _next(first)
    # A booking made while the client pages, before those it has: an offset would give one twice.
    _rows(app, member, site_with_desk, [BASE + timedelta(days=9)])
    second = client.get(_next(first), headers=_auth(token))
    third = client.get(_next(second), headers=_auth(token))
    assert [b["id"] for b in second.json] == latest_first[3:6]
    assert [b["id"] for b in third.json] == latest_first[6:] and _next(third) is None


def test_the_list_has_a_default_and_a_largest_page(app, client, site_with_desk, make_user, api_token):
    member = make_user()
    token = api_token(member)
    _rows(app, member, site_with_desk, [BASE + timedelta(hours=h) for h in range(MAX_LIMIT + 1)])
    plain = client.get("/api/v1/bookings", headers=_auth(token))
    assert len(plain.json) == DEFAULT_LIMIT and f"limit={DEFAULT_LIMIT}" in _next(plain)
    largest = client.get(f"/api/v1/bookings?limit={MAX_LIMIT}", headers=_auth(token))
    assert len(largest.json) == MAX_LIMIT and _next(largest) is not None
    last = client.get(_next(largest), headers=_auth(token))
    assert len(last.json) == 1 and _next(last) is None


def _cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def test_a_bad_limit_or_cursor_is_a_json_400_in_the_callers_language(app, client, site_with_desk, make_user,
                                                                      api_token):
    member = make_user(locale="fr")
    token = api_token(member)
    _rows(app, member, site_with_desk, [BASE])
    for limit in ("0", "-1", "abc", "1.5", "1e2", str(MAX_LIMIT + 1), "9" * 30, "٣"):
        response = client.get(f"/api/v1/bookings?limit={limit}", headers=_auth(token))
        assert response.status_code == 400 and response.json["error"]["code"] == "bad_request", limit
        assert response.json["error"]["message"] == f"limit doit être un nombre entier de 1 à {MAX_LIMIT}.", limit
    for cursor in ("x", "!!!", "é", _cursor("[1, 2]"), _cursor('["2029-03-05T08:30:00", 1]'),
                   _cursor('["2029-03-05T08:30:00+02:00", 1]'), _cursor('["2029-03-05T08:30:00+00:00", 1.0]'),
                   _cursor('["2029-03-05T08:30:00+00:00", true]'), _cursor(f'["2029-03-05T08:30:00+00:00", {2**40}]'),
                   _cursor('["2029-03-05T08:30:00+00:00", 1, 2]'), _cursor("[" * 5000), _cursor('{"a": 1, "b": 2}'),
                   _cursor('["10000-01-01T00:00:00+00:00", 1]')):
        response = client.get(f"/api/v1/bookings?cursor={cursor}", headers=_auth(token))
        assert response.status_code == 400 and response.json["error"]["code"] == "bad_request", cursor
        assert "curseur" in response.json["error"]["message"], cursor


def test_the_openapi_document_describes_the_pages(client):
    listing = client.get("/api/v1/openapi.json").get_json()["paths"]["/bookings"]["get"]
    assert {p["name"]: p["schema"].get("maximum") for p in listing["parameters"]} == {"limit": MAX_LIMIT,
                                                                                     "cursor": None}
    assert "Link" in listing["responses"]["200"]["headers"] and "400" in listing["responses"]


def test_the_next_page_keeps_any_other_parameter_whatever_its_name(app, client, site_with_desk, make_user,
                                                                    api_token):
    """The Link repeats the request's other parameters: one named like `external_url`'s own
    argument was a TypeError (a 500), and `_anchor` would have become the address's fragment."""
    member = make_user()
    token = api_token(member)
    _rows(app, member, site_with_desk, [BASE, BASE + timedelta(days=1)])
    first = client.get("/api/v1/bookings?limit=1&endpoint=x&_anchor=top&tag=a&tag=b", headers=_auth(token))
    assert first.status_code == 200, first.get_data(as_text=True)[:300]
    link = re.fullmatch(r'<([^>]+)>; rel="next"', first.headers["Link"])[1]
    url = urlsplit(link)
    assert (url.scheme, url.netloc, url.fragment) == ("http", urlsplit(app.config["PUBLIC_URL"]).netloc, "")
    assert sorted(parse_qsl(url.query)) == sorted([("endpoint", "x"), ("tag", "a"), ("tag", "b"), ("limit", "1"),
                                                   ("cursor", parse_qs(url.query)["cursor"][0])])
    second = client.get(_next(first), headers=_auth(token))
    assert second.status_code == 200 and len(second.json) == 1 and _next(second) is None


def test_a_cursor_at_the_ends_of_time_is_read_as_any_other(app, client, site_with_desk, make_user, api_token):
    member = make_user()
    token = api_token(member)
    _rows(app, member, site_with_desk, [BASE])
    for at, listed in (("0001-01-01T00:00:00+00:00", 0), ("9999-12-31T23:59:59+00:00", 1)):
        cursor = _cursor(f'["{at}", 1]')
        response = client.get(f"/api/v1/bookings?cursor={cursor}", headers=_auth(token))
        assert response.status_code == 200 and len(response.json) == listed, (at, response.get_data(as_text=True))


def test_a_members_bookings_are_indexed_by_start_and_the_migration_goes_down_and_up(app, make_user):
    """The pages read a member's bookings by (start, id): booking's migration 0004 adds an index
    on (member_id, starts_at), which the page's query reads (SQLite's plan names it; the
    temporary sort it spared is gone), and takes it away going down. `db check`
    (`tests/core/test_cli.py`) keeps the models' index and the migration's the same."""
    import flask_migrate
    from sqlalchemy import event, inspect

    from plugins.booking.service import bookings_page

    def indexes():
        db.session.remove()
        db.engine.dispose()
        return {i["name"]: i["column_names"] for i in inspect(db.engine).get_indexes("booking_booking")}

    member = make_user()
    with app.app_context():
        assert indexes()["ix_booking_booking_member_starts"] == ["member_id", "starts_at"]
        if db.engine.dialect.name == "sqlite":
            statements = []

            def keep(conn, cursor, statement, parameters, context, executemany):
                if "FROM booking_booking" in statement and "LIMIT" in statement:
                    statements.append((statement, parameters))

            event.listen(db.engine, "before_cursor_execute", keep)
            try:
                bookings_page(db.session.get(User, member.id), 10, (BASE, 10))
            finally:
                event.remove(db.engine, "before_cursor_execute", keep)
            [(statement, parameters)] = statements
            plan = " ".join(row[-1] for row in db.session.connection().exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, parameters))
            assert "ix_booking_booking_member_starts" in plan and "TEMP B-TREE" not in plan, plan
            db.session.remove()
            db.engine.dispose()
        # The index on the member alone went with 0005: the new one serves queries by member.
        assert "ix_booking_booking_member_id" not in indexes()
        flask_migrate.downgrade(revision="0003_booking_cancel_note")
        assert "ix_booking_booking_member_starts" not in indexes()
        assert indexes()["ix_booking_booking_member_id"] == ["member_id"]
        flask_migrate.upgrade(revision="heads")
        assert indexes()["ix_booking_booking_member_starts"] == ["member_id", "starts_at"]
        assert "ix_booking_booking_member_id" not in indexes()
