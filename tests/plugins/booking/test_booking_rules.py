"""Booking rules through the service: ranges, opening hours, notice, duration, weekly limit."""
from __future__ import annotations

from datetime import time, timedelta

import pytest

from booking_dates import next_weekday
from core.accounts.models import User
from core.extensions import db
from core.sites.service import site_by_slug
from plugins.booking import service
from plugins.booking.errors import BookingError, SlotTaken
from plugins.booking.rules import effective_rules, save_rules
from plugins.booking.slots import range_for, to_utc


def _book(app, person, resource_id, day, period="morning", **kw):
    with app.app_context():
        resource = service.get_resource(resource_id)
        start, end = range_for(resource.site, day, period)
        booking = service.book(resource, db.session.get(User, person.id), start, end, **kw)
        db.session.commit()
        return booking.id, booking.status


def test_free_slot_is_confirmed_at_once_without_billing(app, site_with_desk, make_user):
    member = make_user()
    _id, status = _book(app, member, site_with_desk, next_weekday())
    assert status == "confirmed"


def test_overlapping_booking_is_refused(app, site_with_desk, make_user):
    day = next_weekday()
    _book(app, make_user(), site_with_desk, day, "morning")
    with pytest.raises(SlotTaken):
        _book(app, make_user(), site_with_desk, day, "day")


def test_back_to_back_slots_and_other_resources_succeed(app, site_with_desk, make_resource, make_user):
    day = next_weekday()
    other = make_resource("figeac", "desk", "Poste 2")
    _book(app, make_user(), site_with_desk, day, "morning")
    assert _book(app, make_user(), site_with_desk, day, "afternoon")[1] == "confirmed"
    assert _book(app, make_user(), other, day, "morning")[1] == "confirmed"


def test_cancelled_booking_does_not_block(app, site_with_desk, make_user):
    day = next_weekday()
    booking_id, _ = _book(app, make_user(), site_with_desk, day)
    with app.app_context():
        service.cancel(booking_id, None, "manager")
        db.session.commit()
    assert _book(app, make_user(), site_with_desk, day)[1] == "confirmed"


@pytest.mark.parametrize("start,end,code", [("10:00", "09:00", "bad_range"), ("10:00", "10:00", "bad_range"),
                                             ("06:00", "08:00", "closed"), ("19:00", "20:00", "closed")])
def test_bad_ranges_are_refused_with_a_reason(app, site_with_desk, make_user, start, end, code):
    member = make_user()
    with app.app_context():
        resource = service.get_resource(site_with_desk)
        day = next_weekday()
        with pytest.raises(BookingError) as err:
            s, e = range_for(resource.site, day, "hours", start, end)
            service.book(resource, db.session.get(User, member.id), s, e)
        assert err.value.code == code


def test_closed_day_and_retired_resource_are_refused(app, site_with_desk, make_user):
    member = make_user()
    with app.app_context():
        resource = service.get_resource(site_with_desk)
        saturday = next_weekday(5)
        with pytest.raises(BookingError):
            range_for(resource.site, saturday, "morning")
        from plugins.booking.resources import retire_resource

        retire_resource(resource.site, resource, None)
        db.session.commit()
        s, e = range_for(resource.site, next_weekday(), "morning")
        with pytest.raises(BookingError) as err:
            service.book(resource, db.session.get(User, member.id), s, e)
        assert err.value.code == "retired"


def test_notice_ahead_duration_and_weekly_limit(app, site_with_desk, make_user):
    member = make_user()
    with app.app_context():
        site = site_by_slug("figeac")
        save_rules(site.id, "", max_days_ahead=20, max_per_week=1)
        save_rules(site.id, "desk", min_minutes=250)  # the morning is 4 hours, the afternoon 4 and a half
        db.session.commit()
        rules = effective_rules(site.id, "desk")
        assert (rules.max_days_ahead, rules.max_per_week, rules.min_minutes) == (20, 1, 250)
        resource = service.get_resource(site_with_desk)
        user = db.session.get(User, member.id)
        far = next_weekday(1, weeks_ahead=4)
        with pytest.raises(BookingError) as err:
            service.book(resource, user, *range_for(site, far, "afternoon"))
        assert err.value.code == "too_far"
        day = next_weekday(1)
        with pytest.raises(BookingError) as err:
            service.book(resource, user, *range_for(site, day, "morning"))
        assert err.value.code == "too_short"
        service.book(resource, user, *range_for(site, day, "afternoon"))
        with pytest.raises(BookingError) as err:
            service.book(resource, user, *range_for(site, day + timedelta(days=1), "afternoon"))
        assert err.value.code == "weekly_limit"
        with pytest.raises(BookingError) as err:
            service.book(resource, user, *range_for(site, day - timedelta(days=14), "afternoon"))
        assert err.value.code == "too_late"


def test_cancellation_deadline_applies_to_members(app, site_with_desk, make_user):
    member = make_user()
    with app.app_context():
        site = site_by_slug("figeac")
        save_rules(site.id, "", cancel_deadline_minutes=60 * 24 * 30)
        db.session.commit()
        resource = service.get_resource(site_with_desk)
        booking = service.book(resource, db.session.get(User, member.id), *range_for(site, next_weekday(), "morning"))
        with pytest.raises(BookingError) as err:
            service.cancel(booking.id, None, "member")
            db.session.commit()
        assert err.value.code == "deadline"
        assert service.cancel(booking.id, None, "manager").status == "cancelled"


def test_a_member_who_has_arrived_cannot_cancel_by_page_or_api(app, client, auth, site_with_desk, make_user,
                                                                api_token):
    """The page shows no button once checked in, but the POST and the API cancelled it, at any
    time: the arrival left the occupancy figures and the rest of the slot went to the waitlist."""
    from sqlalchemy import update

    from plugins.booking.models import Booking

    member = make_user()
    with app.app_context():
        site = site_by_slug("figeac")
        resource = service.get_resource(site_with_desk)
        booking = service.book(resource, db.session.get(User, member.id), *range_for(site, next_weekday(), "morning"))
        db.session.execute(update(Booking).where(Booking.id == booking.id).values(status="checked_in"))
        db.session.commit()
        booking_id = booking.id
    token = api_token(member)
    api = client.post(f"/api/v1/bookings/{booking_id}/cancel", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 422 and api.get_json()["error"]["code"] == "checked_in", api.get_json()
    auth.login(member)
    page = client.post(f"/booking/{booking_id}/cancel", headers={"Accept-Language": "en"})
    assert page.status_code in (303, 422)
    with app.app_context():
        assert db.session.get(Booking, booking_id).status == "checked_in"
        assert service.cancel(booking_id, None, "manager").status == "cancelled"  # the site's team may


def test_room_buffer_keeps_a_gap(app, make_site, make_resource, make_user):
    make_site("figeac")
    room = make_resource("figeac", "room", "Salle")
    member = make_user()
    with app.app_context():
        site = site_by_slug("figeac")
        resource = service.get_resource(room)
        user = db.session.get(User, member.id)
        day = next_weekday()
        service.book(resource, user, to_utc(day, time(9), site.timezone), to_utc(day, time(10), site.timezone))
        with pytest.raises(SlotTaken):
            service.book(resource, user, to_utc(day, time(10), site.timezone), to_utc(day, time(11), site.timezone))
        assert service.book(resource, user, to_utc(day, time(10, 15), site.timezone),
                            to_utc(day, time(11, 15), site.timezone)).status == "confirmed"


def test_a_price_shown_to_consumers_includes_vat_rounded_as_on_the_invoice():
    from plugins.billing.vat import vat_of
    from plugins.booking import Price

    assert Price(1250).ttc_cents == 1500  # 12,50 € HT at 20 % is 15,00 € TTC
    assert Price(833, vat_rate_bp=2000).vat_cents == 167  # 166.6 rounds half up
    for cents in (-1005, 0, 1, 999, 12_345):
        for rate in (0, 550, 1000, 2000):
            assert Price(cents, vat_rate_bp=rate).vat_cents == vat_of(cents, rate)
