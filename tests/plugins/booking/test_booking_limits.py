"""A member's limits and a room's buffer hold under parallel requests (issue 8, items 7 and
17): rules checked in Python run under row locks (the resource's, the member's), so requests
sent together are checked one after the other, on PostgreSQL as on SQLite. Also: one place of
a kind per member per period, and unpaid holds of a slot that keep lapsing are throttled."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from booking_dates import next_weekday
from core.extensions import db
from devtools.races import call_together
from plugins.booking.models import Booking
from test_booking_races import _post


def _count(app, *where):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Booking).where(*where))


def _rules(app, site="figeac", kind="", **values):
    from core.sites.service import site_by_slug
    from plugins.booking.rules import save_rules

    with app.app_context():
        save_rules(site_by_slug(site).id, kind, **values)
        db.session.commit()


def test_a_room_buffer_holds_when_adjacent_bookings_are_sent_together(app, live_server, make_site, make_resource,
                                                                      make_user, api_token):
    make_site("figeac")
    room = make_resource("figeac", "room", "Salle 1")  # rooms keep 15 minutes free between bookings
    first, second = api_token(make_user()), api_token(make_user())
    for week in range(1, 5):
        day = next_weekday(1, weeks_ahead=week)
        results = call_together([
            lambda: _post(f"{live_server}/api/v1/bookings", first, {"resource": room, "start": f"{day}T09:00",
                                                                     "end": f"{day}T10:00"}),
            lambda: _post(f"{live_server}/api/v1/bookings", second, {"resource": room, "start": f"{day}T10:00",
                                                                      "end": f"{day}T11:00"})])
        assert sorted(status for status, _ in results) == [201, 409], results
    assert _count(app, Booking.status == "confirmed") == 4


def test_max_per_week_holds_when_ten_bookings_are_sent_together(app, live_server, make_site, make_resource,
                                                                make_user, api_token):
    make_site("figeac")
    desk = make_resource("figeac", "desk", "Poste 1")
    _rules(app, max_per_week=1)
    token = api_token(make_user())
    monday = next_weekday(0, weeks_ahead=2, avoid_holidays=False)
    slots = [(monday + timedelta(days=d), hours) for d in range(5) for hours in (("08:30", "12:30"), ("13:30", "18:00"))]
    results = call_together([
        lambda d=d, h=h: _post(f"{live_server}/api/v1/bookings", token, {
            "resource": desk, "start": f"{d}T{h[0]}", "end": f"{d}T{h[1]}"}) for d, h in slots])
    assert [status for status, _ in results].count(201) == 1, results
    assert _count(app, Booking.status.in_(("held", "confirmed"))) == 1


def test_one_member_holds_one_desk_per_period_even_when_asking_for_ten_at_once(app, live_server, make_site,
                                                                               make_resource, make_user, api_token):
    make_site("figeac")
    desks = [make_resource("figeac", "desk", f"Poste {n}") for n in range(10)]
    token = api_token(make_user())
    day = next_weekday()
    results = call_together([lambda r=r: _post(f"{live_server}/api/v1/bookings", token, {
        "resource": r, "start": f"{day}T08:30", "end": f"{day}T12:30"}) for r in desks])
    statuses = [status for status, _ in results]
    assert statuses.count(201) == 1, results
    assert all(b["error"]["code"] == "period_limit" for s, b in results if s != 201), results
    # The afternoon is another period; another member may take another desk that morning.
    assert _post(f"{live_server}/api/v1/bookings", token, {"resource": desks[0], "start": f"{day}T13:30",
                                                            "end": f"{day}T18:00"})[0] == 201
    assert _post(f"{live_server}/api/v1/bookings", api_token(make_user()), {
        "resource": desks[9] if statuses[9] != 201 else desks[8], "start": f"{day}T08:30",
        "end": f"{day}T12:30"})[0] == 201


def test_the_per_period_limit_is_a_site_rule(app, client, make_site, make_resource, make_user, api_token):
    make_site("figeac")
    desks = [make_resource("figeac", "desk", f"Poste {n}") for n in range(3)]
    _rules(app, kind="desk", max_per_period=2)
    token = api_token(make_user())
    day = next_weekday()
    replies = [client.post("/api/v1/bookings", json={"resource": r, "start": f"{day}T08:30", "end": f"{day}T12:30"},
                           headers={"Authorization": f"Bearer {token}"}) for r in desks]
    assert [r.status_code for r in replies] == [201, 201, 422]


def test_a_slot_whose_holds_lapse_unpaid_three_times_a_day_cannot_be_held_again(app, client, make_site,
                                                                                 make_resource, make_user, api_token):
    from core.db import utcnow

    make_site("figeac")
    desk = make_resource("figeac", "desk", "Poste 1")
    member = make_user()
    token = api_token(member)
    day = next_weekday()
    body = {"resource": desk, "start": f"{day}T08:30", "end": f"{day}T12:30"}
    for _ in range(3):
        assert client.post("/api/v1/bookings", json=body, headers={"Authorization": f"Bearer {token}"}).status_code == 201
        with app.app_context():  # the hold lapsed unpaid (what the sweep or an expired checkout does)
            row = db.session.scalar(select(Booking).where(Booking.status.in_(("held", "confirmed"))))
            row.status, row.hold_reason, row.cancel_reason, row.cancelled_at = ("expired", "payment", "hold_expired",
                                                                                 utcnow())
            db.session.commit()
    again = client.post("/api/v1/bookings", json=body, headers={"Authorization": f"Bearer {token}"})
    assert again.status_code == 422 and again.json["error"]["code"] == "hold_throttled"
    other = client.post("/api/v1/bookings", json=body, headers={"Authorization": f"Bearer {api_token(make_user())}"})
    assert other.status_code == 201  # only that member is held back
