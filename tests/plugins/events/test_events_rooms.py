"""An event's room, through booking's public API: taken for the event's duration like any
booking, refused when taken, moved with the event and given back when it is cancelled."""
from __future__ import annotations

from datetime import time, timedelta

import pytest
from sqlalchemy import select

from core.accounts.models import User
from core.extensions import db
from plugins.booking import ACTIVE, Booking, SlotTaken
from plugins.events import service
from plugins.events.models import Event, Registration


@pytest.fixture
def room(app, world):
    from core.sites.service import site_by_slug
    from plugins.booking.resources import save_resource

    with app.app_context():
        resource = save_resource(site_by_slug("figeac"), None, kind="room", name="Salle Champollion", seats=30)
        db.session.commit()
        return resource.id


def _active_bookings(app, room_id):
    with app.app_context():
        return db.session.execute(select(Booking.starts_at, Booking.ends_at, Booking.is_block).where(
            Booking.resource_id == room_id, Booking.status.in_(ACTIVE))).all()


def test_an_event_books_its_room_for_its_duration_and_a_second_event_then_is_refused(app, make_event, room):
    event_id = make_event(room_id=room)
    with app.app_context():
        event = db.session.get(Event, event_id)
        starts, ends = event.starts_at, event.ends_at
        assert event.room_booking_id is not None
    assert _active_bookings(app, room) == [(starts, ends, True)]
    with pytest.raises(SlotTaken):
        make_event(room_id=room, title="Atelier en même temps", start=time(11, 0), end=time(13, 0))
    make_event(room_id=room, title="Atelier l'après-midi", start=time(14, 0), end=time(16, 0))
    assert len(_active_bookings(app, room)) == 2


def test_moving_an_event_moves_its_room_and_cancelling_it_frees_the_room(app, client, auth, make_user, make_event,
                                                                          room, world, mailbox):
    event_id = make_event(room_id=room)
    person = make_user()
    auth.login(person)
    client.post(f"/events/{event_id}/register")
    auth.logout()
    with app.test_request_context():
        event = db.session.get(Event, event_id)
        manager = db.session.get(User, world.manager.id)
        later = event.starts_at + timedelta(hours=4), event.ends_at + timedelta(hours=4)
        service.save_event(manager, event, site=event.site, title=event.title, description=event.description,
                           online_url="", starts_at=later[0], ends_at=later[1], capacity=event.capacity,
                           audience=event.audience, room_id=room)
        db.session.commit()
    assert _active_bookings(app, room) == [(later[0], later[1], True)]
    auth.login(world.manager)
    assert client.post(f"/events/manage/{event_id}/cancel").status_code == 303
    assert _active_bookings(app, room) == []
    mailbox.wait_for(3)
    assert len(mailbox.to(person.email)) == 3  # registered, told of the new time, then of the cancellation
    with app.app_context():
        assert db.session.get(Event, event_id).status == "cancelled"
        assert db.session.scalar(select(Registration.status)) == "confirmed"  # kept for the record
    assert client.post(f"/events/{event_id}/register").status_code == 422


def test_an_event_moved_in_its_room_offers_the_waitlist_only_the_time_it_left(app, make_event, make_user, room, world):
    """Moving an event gave its room back, which offered it to the first member waiting, and then
    took it again in the same transaction: the member was sent to a room taken for the hour they
    wanted. Only the time the event left is offered now."""
    from core.timeutil import today_at
    from plugins.booking import waitlist
    from plugins.booking.models import WaitlistEntry

    days = next(d for d in range(7, 14) if (today_at("Europe/Paris") + timedelta(days=d)).weekday() < 5)
    event_id = make_event(room_id=room, days=days)  # 09:30-12:00
    first, second = make_user(), make_user()
    with app.test_request_context():
        event = db.session.get(Event, event_id)
        starts, ends, site = event.starts_at, event.ends_at, event.site
        hour = timedelta(hours=1)
        still_taken = waitlist.join(site, "room", db.session.get(User, first.id), ends - hour, ends).id
        left = waitlist.join(site, "room", db.session.get(User, second.id), starts, starts + hour).id
        db.session.commit()
        service.save_event(db.session.get(User, world.manager.id), event, site=site, title=event.title,
                           description=event.description, online_url="", starts_at=starts + hour,
                           ends_at=ends + hour, capacity=event.capacity, audience=event.audience, room_id=room)
        db.session.commit()
    assert _active_bookings(app, room) == [(starts + hour, ends + hour, True)]
    with app.app_context():
        assert db.session.get(WaitlistEntry, still_taken).status == "waiting"  # first in line, but the room is taken
        offered = db.session.get(WaitlistEntry, left)
        assert (offered.status, offered.offered_resource_id) == ("offered", room)
