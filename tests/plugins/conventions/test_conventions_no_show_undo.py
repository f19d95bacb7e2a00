"""Taking back a no-show (the member came late) spends its day again. A convention that does not
count no-shows had given that day back to the employee's caps and its budget, and it may have
been booked since: the undo is checked under the convention's lock, as a booking is, and refused
past a cap (whatever `past_cap` says: a late arrival does not change who pays)."""
from __future__ import annotations

from datetime import time, timedelta

import pytest
from sqlalchemy import func, select

from conventions_helpers import next_weekday, set_convention
from core.accounts.models import User
from core.extensions import db
from core.sites.service import site_by_slug
from plugins.booking import checkin, service
from plugins.booking.errors import BookingError, Refused
from plugins.booking.models import Booking
from plugins.booking.slots import range_for, to_utc
from plugins.conventions.models import Authorisation, Convention, Use

TUESDAY = next_weekday(1)


def _at(day, hour, minute=0):
    return to_utc(day, time(hour, minute), "Europe/Paris")


def _book(app, person_id, desk, day, period="day", now=None) -> int:
    with app.test_request_context(method="POST"):
        resource = service.get_resource(desk)
        booking = service.book(resource, db.session.get(User, person_id), *range_for(resource.site, day, period),
                               now=now or _at(TUESDAY, 7))
        db.session.commit()
        assert booking.payer_kind == "partner", booking.payer_kind
        return booking.id


def _no_show(app, booking_id, manager_id, now):
    with app.test_request_context(method="POST"):
        checkin.mark_no_show(booking_id, site_by_slug("figeac"), db.session.get(User, manager_id), now=now)
        db.session.commit()


def _undo(app, booking_id, manager_id, now):
    with app.test_request_context(method="POST"):
        booking = checkin.undo_no_show(booking_id, site_by_slug("figeac"), db.session.get(User, manager_id), now=now)
        db.session.commit()
        return booking.status


def _spent(app, convention_id) -> int:
    """The half-days the convention pays for, as its caps and statements read them."""
    from plugins.conventions.service import _spent

    with app.app_context():
        return _spent(db.session.get(Convention, convention_id), Use.halfdays)


@pytest.mark.parametrize("past_cap", ["refuse", "member_pays"])
def test_a_no_show_taken_back_past_the_weekly_cap_is_refused_and_stays(app, world, past_cap):
    """1.5 days a week: Tuesday's day was a no-show (not counted), Wednesday booked on the day
    it gave back; taking Tuesday back made 2 days paid that week."""
    set_convention(app, world.convention_id, no_show_counts=False, past_cap=past_cap)
    desk = world.desks["figeac"][0]
    tuesday = _book(app, world.employee.id, desk, TUESDAY)
    _no_show(app, tuesday, world.admin.id, _at(TUESDAY, 9, 30))
    _book(app, world.employee.id, desk, TUESDAY + timedelta(days=1), now=_at(TUESDAY, 9, 35))
    assert _spent(app, world.convention_id) == 2
    with pytest.raises(Refused) as refused:
        _undo(app, tuesday, world.admin.id, _at(TUESDAY, 9, 40))
    assert str(refused.value).startswith("Cette absence ne peut pas être annulée : la convention de Conseil "
                                         "départemental du Lot a payé depuis tous les jours qu'elle accorde à")
    with app.app_context():
        assert db.session.get(Booking, tuesday).status == "no_show"
    assert _spent(app, world.convention_id) == 2  # never past the 3 half-days of the week


def test_a_no_show_taken_back_within_the_cap_spends_its_day_again(app, world):
    set_convention(app, world.convention_id, no_show_counts=False)
    tuesday = _book(app, world.employee.id, world.desks["figeac"][0], TUESDAY)
    _no_show(app, tuesday, world.admin.id, _at(TUESDAY, 9, 30))
    assert _spent(app, world.convention_id) == 0
    assert _undo(app, tuesday, world.admin.id, _at(TUESDAY, 9, 40)) == "confirmed"
    assert _spent(app, world.convention_id) == 2


def test_a_no_show_that_counts_is_taken_back_whatever_the_caps(app, world):
    """Counted as a day used, the no-show gave nothing back: taking it back spends nothing more."""
    set_convention(app, world.convention_id, no_show_counts=True, week_cap=2)
    tuesday = _book(app, world.employee.id, world.desks["figeac"][0], TUESDAY)
    _no_show(app, tuesday, world.admin.id, _at(TUESDAY, 9, 30))
    assert _spent(app, world.convention_id) == 2  # the week's cap, reached by the no-show
    assert _undo(app, tuesday, world.admin.id, _at(TUESDAY, 9, 40)) == "confirmed"
    assert _spent(app, world.convention_id) == 2


def test_the_manager_is_told_why_on_the_days_page(app, client, auth, world, make_user):
    """Through the manager's button, on the day itself: the reason, in French, and a 409."""
    from core.timeutil import today_at

    set_convention(app, world.convention_id, no_show_counts=False, week_cap=1)
    today = today_at("Europe/Paris")
    desk = world.desks["figeac"][0]
    try:
        with app.test_request_context():
            morning = range_for(service.get_resource(desk).site, today, "morning")
    except BookingError:
        pytest.skip("the site is closed today (a weekend, a public holiday): the button is for the day itself")
    with app.test_request_context(method="POST"):  # this morning a no-show, then the afternoon booked
        resource = service.get_resource(desk)
        member = db.session.get(User, world.employee.id)
        booking = service.book(resource, member, *morning, now=morning[0] - timedelta(hours=1))
        db.session.commit()
        morning_id = booking.id
        checkin.mark_no_show(morning_id, resource.site, db.session.get(User, world.admin.id), now=morning[0])
        service.book(service.get_resource(world.desks["figeac"][1]), member,
                     *range_for(resource.site, today, "afternoon"), now=morning[0])
        db.session.commit()
    manager = make_user(role="site-manager", sites=["figeac"])
    auth.login(manager)
    response = client.post(f"/booking/manage/figeac/bookings/{morning_id}/undo-no-show")
    assert response.status_code == 409
    assert "Cette absence ne peut pas être annulée" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Booking, morning_id).status == "no_show"


def test_two_no_shows_taken_back_at_once_never_spend_past_the_budget(app, app_factory, world, make_user):
    """Two employees' no-shows (not counted) gave their half-days back to the budget, and a
    colleague booked a day on them. Both taken back at once: each read the budget before the
    other's undo committed, and both went through, one half-day past the budget. Each side is
    held at its reading of the budget until the other is there too (PostgreSQL: with the
    convention's lock the second never gets there before the first commits; SQLite's writers
    take turns)."""
    from devtools.races import call_together, committed, held_until_both_reach, watching_statements

    set_convention(app, world.convention_id, no_show_counts=False, week_cap=None, budget_halfdays=3)
    second, colleague = make_user(email="second@lot.fr"), make_user(email="collegue@lot.fr")
    with app.app_context():
        starts = db.session.get(Convention, world.convention_id).starts_on
        for person in (second, colleague):
            db.session.add(Authorisation(convention_id=world.convention_id, user_id=person.id, status="approved",
                                         valid_from=starts))
        db.session.commit()
    desks = world.desks["figeac"]
    no_shows = [_book(app, person.id, desk, TUESDAY, "morning") for person, desk in ((world.employee, desks[0]),
                                                                                     (second, desks[1]))]
    for booking_id in no_shows:
        _no_show(app, booking_id, world.admin.id, _at(TUESDAY, 9, 30))
    _book(app, colleague.id, desks[0], TUESDAY + timedelta(days=1), now=_at(TUESDAY, 9, 35))
    assert _spent(app, world.convention_id) == 2

    racing = app_factory(JOBS_RUN="worker")

    def undo(booking_id):
        return committed(racing, lambda: checkin.undo_no_show(
            booking_id, site_by_slug("figeac"), db.session.get(User, world.admin.id), now=_at(TUESDAY, 9, 40)),
            BookingError)

    with watching_statements(racing, held_until_both_reach("SELECT coalesce(sum(conventions_use.")):
        results = call_together([undo(booking_id) for booking_id in no_shows])
    assert sorted(results, key=str) == [409, "ok"], results
    assert _spent(app, world.convention_id) == 3  # the budget, not one half-day more
    with app.app_context():
        statuses = sorted(db.session.scalars(select(Booking.status).where(Booking.id.in_(no_shows))))
        assert statuses == ["confirmed", "no_show"]
        assert db.session.scalar(select(func.count()).select_from(Use)) == 3
