"""The network's availability (`availability.network`): bookings read as integer seconds, the
resources and rules kept per process and still right after a change."""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from booking_dates import next_weekday
from core.accounts.models import User
from core.db import epoch_seconds
from core.extensions import db
from core.sites.service import site_by_slug
from plugins.booking import availability, service
from plugins.booking.models import Booking, Resource
from plugins.booking.resources import retire_resource
from plugins.booking.rules import save_rules
from plugins.booking.slots import to_utc


def _free(app, day, resource_id) -> list[tuple[str, str]]:
    """(period, local start "HH:MM") of a resource's free slots that day."""
    with app.test_request_context("/"):
        for entry in availability.network(day):
            for item in entry.resources:
                if item.resource.id == resource_id:
                    return [(s.period, s.local_start.strftime("%H:%M")) for s in item.free]
    return None


def _book(app, member, resource_id, start, end):
    with app.app_context():
        booking = service.book(db.session.get(Resource, resource_id), db.session.get(User, member.id), start, end)
        db.session.commit()
        return booking.id


def test_a_booking_ending_a_fraction_of_a_second_into_a_slot_keeps_that_slot_taken(app, make_site, make_resource,
                                                                                    make_user):
    make_site("figeac")
    room = make_resource("figeac", "room", "Salle")
    day = next_weekday()
    with app.app_context():
        save_rules(site_by_slug("figeac").id, "room", buffer_minutes=0)
        db.session.commit()
    start = to_utc(day, time(8, 30), "Europe/Paris")
    booking_id = _book(app, make_user(), room, start, start + timedelta(hours=1, microseconds=400_000))
    with app.app_context():
        stored = db.session.get(Booking, booking_id)
        # Stored widened to whole seconds, so the search's integer seconds never shorten it.
        assert (stored.starts_at, stored.ends_at) == (start, start + timedelta(hours=1, seconds=1))
    hours = [at for period, at in _free(app, day, room) if period == "hour"]
    assert "08:30" not in hours and "09:30" not in hours
    assert "10:30" in hours


def test_epoch_seconds_reads_an_instant_as_seconds_since_1970(app, make_site, make_resource, make_user):
    make_site("figeac")
    desk = make_resource("figeac", "desk")
    start = to_utc(next_weekday(), time(8, 30), "Europe/Paris")
    booking_id = _book(app, make_user(), desk, start, start + timedelta(hours=4))
    with app.app_context():
        from sqlalchemy import select
        row = db.session.execute(select(epoch_seconds(Booking.starts_at), epoch_seconds(Booking.ends_at))
                                 .where(Booking.id == booking_id)).one()
    assert tuple(row) == (int(start.timestamp()), int(start.timestamp()) + 4 * 3600)
    assert datetime.fromtimestamp(row[0], timezone.utc) == start


def test_a_booked_slot_is_taken_until_its_hold_lapses_or_it_is_cancelled(app, make_site, make_resource, make_user):
    make_site("figeac")
    desk = make_resource("figeac", "desk")
    day = next_weekday()
    member = make_user()
    morning = to_utc(day, time(8, 30), "Europe/Paris"), to_utc(day, time(12, 30), "Europe/Paris")
    assert [p for p, _ in _free(app, day, desk)] == ["morning", "afternoon", "day"]
    booking_id = _book(app, member, desk, *morning)
    assert [p for p, _ in _free(app, day, desk)] == ["afternoon"]
    with app.app_context():  # a hold whose time ran out frees the slot
        booking = db.session.get(Booking, booking_id)
        booking.status, booking.hold_expires_at = "held", datetime.now(timezone.utc) - timedelta(minutes=1)
        db.session.commit()
    assert [p for p, _ in _free(app, day, desk)] == ["morning", "afternoon", "day"]
    with app.app_context():
        booking = db.session.get(Booking, booking_id)
        booking.hold_expires_at = datetime.now(timezone.utc) + timedelta(minutes=10)
        db.session.commit()
    assert [p for p, _ in _free(app, day, desk)] == ["afternoon"]
    with app.app_context():
        service.cancel(booking_id, db.session.get(User, member.id))
        db.session.commit()
    assert [p for p, _ in _free(app, day, desk)] == ["morning", "afternoon", "day"]


def test_a_new_resource_a_retired_one_and_a_new_buffer_are_seen_at_once(app, make_site, make_resource, make_user):
    make_site("figeac")
    room = make_resource("figeac", "room", "Salle")
    day = next_weekday()
    assert _free(app, day, room)  # the cache now holds the network's resources and rules
    desk = make_resource("figeac", "desk", "Poste 2")
    assert [p for p, _ in _free(app, day, desk)] == ["morning", "afternoon", "day"]
    with app.app_context():
        retire_resource(site_by_slug("figeac"), db.session.get(Resource, desk), None)
        db.session.commit()
    assert _free(app, day, desk) is None

    start = to_utc(day, time(8, 30), "Europe/Paris")
    _book(app, make_user(), room, start, start + timedelta(hours=1))
    hours = [at for period, at in _free(app, day, room) if period == "hour"]
    assert hours[0] == "10:30"  # a room keeps 15 minutes between bookings by default
    with app.app_context():
        save_rules(site_by_slug("figeac").id, "room", buffer_minutes=0)
        db.session.commit()
    hours = [at for period, at in _free(app, day, room) if period == "hour"]
    assert hours[0] == "09:30"
