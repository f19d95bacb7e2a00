"""Waitlist offers, check-in (link or site code), no-shows freeing the slot, reminders."""
from __future__ import annotations

from datetime import timedelta

import pytest

from booking_dates import next_weekday
from core.accounts.models import User
from core.extensions import db
from plugins.booking import checkin, service, sweep, waitlist
from plugins.booking.checkin import site_code
from plugins.booking.errors import BookingError
from plugins.booking.models import Booking, WaitlistEntry
from plugins.booking.slots import range_for


def _book(app, person, resource_id, day, period="morning"):
    with app.app_context():
        resource = service.get_resource(resource_id)
        booking = service.book(resource, db.session.get(User, person.id), *range_for(resource.site, day, period))
        db.session.commit()
        return booking.id


def _queue(app, resource_id, day, holder, *waiting) -> tuple[int, list[int]]:
    """A booked slot and members waiting for it, in order."""
    booking_id = _book(app, holder, resource_id, day)
    with app.test_request_context():
        resource = service.get_resource(resource_id)
        start, end = range_for(resource.site, day, "morning")
        entries = [waitlist.join(resource.site, "desk", db.session.get(User, p.id), start, end).id
                   for p in waiting]
        db.session.commit()
        return booking_id, entries


def test_first_waiting_member_is_offered_a_freed_place_by_email(app, site_with_desk, make_user, mailbox):
    holder, first, second = make_user(), make_user(), make_user()
    booking_id, (entry_1, _) = _queue(app, site_with_desk, next_weekday(), holder, first, second)
    mailbox.clear()
    with app.test_request_context():
        service.cancel(booking_id, None, "manager")
        db.session.commit()
        entry = db.session.get(WaitlistEntry, entry_1)
        assert entry.status == "offered" and entry.offered_resource_id == site_with_desk
    mailbox.wait_for(2)
    assert len(mailbox.to(first.email)) == 1 and not mailbox.to(second.email)
    with app.test_request_context():
        booking = waitlist.accept(entry_1, db.session.get(User, first.id))
        assert booking.status == "confirmed" and booking.member_id == first.id


def test_a_waiting_member_takes_the_offered_place_through_its_page(app, client, auth, site_with_desk, make_user):
    holder, first = make_user(), make_user()
    booking_id, (entry_id,) = _queue(app, site_with_desk, next_weekday(), holder, first)
    with app.test_request_context():
        service.cancel(booking_id, None, "manager")
        db.session.commit()
    auth.login(first)
    assert client.get(f"/booking/waitlist/{entry_id}").status_code == 200
    taken = client.post(f"/booking/waitlist/{entry_id}", headers={"Accept-Language": "en"})
    with app.app_context():
        booking = db.session.query(Booking).filter_by(member_id=first.id).one()
        assert booking.status == "confirmed" and taken.status_code == 303
        assert taken.headers["Location"] == f"/booking/{booking.id}"
    assert "Your booking is confirmed." in client.get(taken.headers["Location"], headers={
        "Accept-Language": "en"}).get_data(as_text=True)


def test_an_offer_cannot_be_taken_once_booking_is_switched_off_at_its_site(app, runner, site_with_desk, make_user):
    """Its page answered 404, but the form's POST still booked the place at a site where the
    manager had switched booking off."""
    from core.errors import NotFound

    holder, first = make_user(), make_user()
    booking_id, (entry_id,) = _queue(app, site_with_desk, next_weekday(), holder, first)
    with app.test_request_context():
        service.cancel(booking_id, None, "manager")
        db.session.commit()
        assert db.session.get(WaitlistEntry, entry_id).status == "offered"
    assert runner.invoke(args=["modules", "disable", "booking", "--site", "figeac"]).exit_code == 0
    with app.test_request_context(method="POST"):
        with pytest.raises(NotFound):
            waitlist.accept(entry_id, db.session.get(User, first.id))


def test_an_expired_offer_goes_to_the_next_member(app, site_with_desk, make_user):
    holder, first, second = make_user(), make_user(), make_user()
    booking_id, (e1, e2) = _queue(app, site_with_desk, next_weekday(), holder, first, second)
    with app.test_request_context():
        service.cancel(booking_id, None, "manager")
        later = db.session.get(WaitlistEntry, e1).offer_expires_at + timedelta(minutes=1)
        assert waitlist.expire_offers(later) == 1
        assert db.session.get(WaitlistEntry, e2).status == "offered"
        with pytest.raises(BookingError):
            waitlist.accept(e1, db.session.get(User, first.id))


def test_an_expired_offer_whose_place_was_booked_meanwhile_is_offered_to_no_one(app, site_with_desk, make_user):
    """An offer holds nothing: someone may book the place while it runs. When it expired, the
    place went to the next member anyway, who was then sent to a desk already taken."""
    holder, first, second, passer_by = make_user(), make_user(), make_user(), make_user()
    day = next_weekday()
    booking_id, (e1, e2) = _queue(app, site_with_desk, day, holder, first, second)
    with app.test_request_context():
        service.cancel(booking_id, None, "manager")
        db.session.commit()
    _book(app, passer_by, site_with_desk, day)  # the only desk, booked while the offer ran
    with app.test_request_context():
        later = db.session.get(WaitlistEntry, e1).offer_expires_at + timedelta(minutes=1)
        assert waitlist.expire_offers(later) == 1
        db.session.commit()
        assert db.session.get(WaitlistEntry, e2).status == "waiting"


def test_check_in_with_the_sites_code_then_no_show_for_the_others(app, site_with_desk, make_resource, make_user):
    other_desk = make_resource("figeac", "desk", "Poste 2")
    day = next_weekday()
    comer, absent = make_user(), make_user()
    came = _book(app, comer, site_with_desk, day)
    missed = _book(app, absent, other_desk, day)
    with app.app_context():
        booking = db.session.get(Booking, came)
        during = booking.starts_at + timedelta(minutes=10)
        with pytest.raises(BookingError):
            checkin.check_in(came, db.session.get(User, comer.id), code="000000x", now=during)
        with pytest.raises(BookingError):
            checkin.check_in(came, db.session.get(User, comer.id), now=booking.starts_at - timedelta(hours=2))
        code = site_code(booking.resource.site, booking.starts_at)
        assert checkin.check_in(came, db.session.get(User, comer.id), code=code, now=during).status == "checked_in"
        late = booking.starts_at + timedelta(minutes=61)
        assert sweep.mark_no_shows(late) == 1
        assert db.session.get(Booking, missed).status == "no_show"
        assert db.session.get(Booking, came).status == "checked_in"
        # The rest of the slot is free again (a desk is booked by half-days: nobody books the
        # rest of one started, but nothing blocks it)
        assert service.is_free(other_desk, late + timedelta(minutes=5), booking.ends_at, late)


def test_check_in_link_from_the_booking_page(client, auth, app, site_with_desk, make_user):
    member = make_user()
    booking_id = _book(app, member, site_with_desk, next_weekday())
    auth.login(member)
    page = client.get(f"/booking/{booking_id}").get_data(as_text=True)
    assert f"/booking/{booking_id}/check-in" not in page  # days ahead: offered from 30 minutes before
    too_early = client.post(f"/booking/{booking_id}/check-in")
    assert too_early.status_code == 422


def test_reminders_are_sent_once_with_an_ics(app, site_with_desk, make_user, mailbox):
    member = make_user()
    booking_id = _book(app, member, site_with_desk, next_weekday())
    mailbox.wait_for(1)
    mailbox.clear()
    with app.test_request_context():
        starts = db.session.get(Booking, booking_id).starts_at
        assert sweep.send_reminders(starts - timedelta(hours=3)) == 1
        db.session.commit()
        assert sweep.send_reminders(starts - timedelta(hours=2)) == 0
    message = mailbox.wait_for(1)[0]
    assert [p.get_content_type() for p in message.iter_attachments()] == ["text/calendar"]
