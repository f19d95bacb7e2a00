"""Holds through the hooks: a payer that needs payment holds the slot; confirm, extend, cancel are
compare-and-set; an expired hold never blocks; events reach other plugins in the transaction."""
from __future__ import annotations

import sys
import types
from datetime import timedelta

import pytest

from booking_dates import next_weekday
from core.accounts.models import User
from core.db import utcnow
from core.extensions import db
from core.hookspecs import hookimpl
from plugins.booking import service
from plugins.booking.errors import BookingError, SlotTaken
from plugins.booking.payment import Payer, Price
from plugins.booking.slots import range_for

EVENTS = []


def _payer_plugin():
    """A stand-in for billing: members pay 12 EUR, a 15-minute hold, a checkout URL; records events."""
    module = types.ModuleType("fake_billing_for_booking_tests")

    @hookimpl
    def booking_payer(booking):
        return Payer(kind="member", needs_payment=True, hold_minutes=15)

    @hookimpl
    def booking_price(booking):
        return Price(amount_cents=1200)

    @hookimpl
    def booking_payment_url(booking):
        return f"https://pay.example/{booking.id}"

    @hookimpl
    def validate_booking(booking, actor):
        return "No bookings on the 13th." if booking.starts_at.day == 13 else None

    for name in ("booking_held", "booking_confirmed", "booking_checked_in"):
        def event(booking, _name=name):
            EVENTS.append((_name, booking.id, booking.status))
        setattr(module, name, hookimpl(specname=name)(event))  # pluggy reads the spec's name

    @hookimpl
    def booking_cancelled(booking, actor, reason):
        EVENTS.append(("booking_cancelled", booking.id, reason))

    for name, value in list(locals().items()):
        if callable(value) and name.startswith(("booking_", "validate_")):
            setattr(module, name, value)
    return module


@pytest.fixture
def paying_app(app):
    plugin = _payer_plugin()
    sys.modules[plugin.__name__] = plugin
    app.extensions["tierslieux"].pm.register(plugin, name="fake-billing")
    EVENTS.clear()
    yield app
    app.extensions["tierslieux"].pm.unregister(name="fake-billing")


def _hold(app, member, resource_id, day, now=None):
    with app.app_context():
        resource = service.get_resource(resource_id)
        booking = service.book(resource, db.session.get(User, member.id), *range_for(resource.site, day, "morning"),
                               now=now)
        db.session.commit()
        return booking.id, booking.status, booking.hold_expires_at, booking.price_cents


def test_a_booking_that_needs_payment_is_held_then_confirmed_once(paying_app, site_with_desk, make_user):
    day = next_weekday()
    booking_id, status, expires, price = _hold(paying_app, make_user(), site_with_desk, day)
    assert (status, price) == ("held", 1200)
    assert timedelta(minutes=14) < expires - utcnow() <= timedelta(minutes=15)
    with paying_app.test_request_context():
        assert service.payment_url(service.get_booking(booking_id)) == f"https://pay.example/{booking_id}"
        assert service.confirm(booking_id).status == "confirmed"
        assert service.confirm(booking_id) is None  # compare-and-set: the second call changes nothing
    assert [e[0] for e in EVENTS] == ["booking_held", "booking_confirmed"]


def test_an_expired_hold_never_blocks_the_slot(paying_app, site_with_desk, make_user):
    day = next_weekday()
    long_ago = utcnow() - timedelta(hours=1)
    first, _, _, _ = _hold(paying_app, make_user(), site_with_desk, day, now=long_ago)
    second, status, _, _ = _hold(paying_app, make_user(), site_with_desk, day)
    assert status == "held"
    with paying_app.app_context():
        from plugins.booking.models import Booking

        assert db.session.get(Booking, first).status == "expired"
        assert service.confirm(first) is None  # the payment came too late: billing refunds
    assert ("booking_cancelled", first, "hold_expired") in EVENTS


def test_a_live_hold_blocks_and_can_be_extended(paying_app, site_with_desk, make_user):
    day = next_weekday()
    booking_id, _, _, _ = _hold(paying_app, make_user(), site_with_desk, day)
    with pytest.raises(SlotTaken):
        _hold(paying_app, make_user(), site_with_desk, day)
    with paying_app.app_context():
        until = utcnow() + timedelta(hours=1)
        assert service.extend_hold(booking_id, until) is True
        from plugins.booking.models import Booking

        assert abs(db.session.get(Booking, booking_id).hold_expires_at - until) < timedelta(seconds=1)


def test_cancel_racing_confirm_leaves_one_outcome(paying_app, site_with_desk, make_user):
    booking_id, _, _, _ = _hold(paying_app, make_user(), site_with_desk, next_weekday())
    with paying_app.app_context():
        service.cancel(booking_id, None, "payment_failed")
        db.session.commit()
        assert service.confirm(booking_id) is None
        with pytest.raises(BookingError):
            service.cancel(booking_id, None, "payment_failed")
            db.session.commit()
    assert ("booking_cancelled", booking_id, "payment_failed") in EVENTS


def test_validate_booking_hook_can_refuse(paying_app, site_with_desk, make_user):
    from core.sites.service import is_public_holiday

    day = next_weekday()
    while day.day != 13 or day.weekday() > 4 or is_public_holiday(day):
        day += timedelta(days=1)
    with pytest.raises(BookingError) as err:
        _hold(paying_app, make_user(), site_with_desk, day)
    assert err.value.code == "refused"


def test_sweep_command_expires_holds(paying_app, runner, site_with_desk, make_user):
    _hold(paying_app, make_user(), site_with_desk, next_weekday(), now=utcnow() - timedelta(hours=2))
    result = runner.invoke(args=["booking", "sweep"])
    assert result.exit_code == 0, result.output
    assert "holds_expired: 1" in result.output
    assert EVENTS[-1][0] == "booking_cancelled" and EVENTS[-1][2] == "hold_expired"


def test_the_sweep_leaves_a_busy_members_lapsed_hold_to_its_next_run(paying_app, site_with_desk, make_user):
    """The sweep never waits for a member another transaction holds (a payment being
    fulfilled, a booking): that hold lapses at the next run, and the other holds now. On
    SQLite writers already take turns, so both lapse at once."""
    import threading

    from sqlalchemy import select

    from core.db import lock_row
    from plugins.booking.models import Booking
    from plugins.booking.sweep import expire_holds

    busy, idle = make_user(), make_user()
    lapsed = utcnow() - timedelta(hours=2)
    busy_hold = _hold(paying_app, busy, site_with_desk, next_weekday(), now=lapsed)[0]
    idle_hold = _hold(paying_app, idle, site_with_desk, next_weekday(2), now=lapsed)[0]
    with paying_app.app_context():
        postgresql = db.engine.dialect.name == "postgresql"
    locked, release, swept = threading.Event(), threading.Event(), []

    def hold_the_member():
        with paying_app.app_context():
            lock_row(User, busy.id)
            locked.set()
            release.wait(10)
            db.session.rollback()

    holder = threading.Thread(target=hold_the_member)
    holder.start()
    try:
        assert locked.wait(10)
        with paying_app.app_context():
            swept.append(expire_holds())
            db.session.commit()
    finally:
        release.set()
        holder.join()
    with paying_app.app_context():
        swept.append(expire_holds())
        db.session.commit()
        statuses = dict(db.session.execute(select(Booking.id, Booking.status)
                                           .where(Booking.id.in_((busy_hold, idle_hold)))).all())
    assert swept == ([1, 1] if postgresql else [2, 0])
    assert statuses == {busy_hold: "expired", idle_hold: "expired"}


def test_booking_over_a_lapsed_hold_never_waits_for_its_member(paying_app, site_with_desk, make_resource, make_user):
    """Member B's hold on desk 1 has lapsed, unswept. B asks for "any desk": desk 0, their
    first candidate, is taken at that moment, so B's transaction holds B's row and goes on
    to desk 1. Meanwhile A books desk 1: A holds desk 1 and A's row, and expiring B's lapsed
    hold wanted B's row while B waited for desk 1 (a deadlock on PostgreSQL). Freeing a
    lapsed hold now skips a member busy elsewhere: A is told the slot was just taken, and B
    gets desk 1. Each side is held back at the exact moment."""
    import threading

    from sqlalchemy.orm import Session

    from core.sites.service import site_by_slug
    from devtools.races import locks, run_together, watching_statements
    from plugins.booking.models import Booking

    app, desk_1 = paying_app, site_with_desk
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("the locks that could close this circle are PostgreSQL's (SQLite's writers take turns)")
        engine = db.engine
    desk_0 = make_resource("figeac", "desk", "Poste 0", group_name="Open space")
    a, b, c = make_user(), make_user(), make_user()
    day = next_weekday()
    _hold(app, b, desk_1, day, now=utcnow() - timedelta(hours=2))
    with app.app_context():
        site = site_by_slug("figeac")
        site_id, (starts, ends) = site.id, range_for(site, day, "morning")
    role = threading.local()
    b_locked, desk_1_locked, taken = threading.Event(), threading.Event(), []

    def before(_conn, _cursor, statement, *_args):
        name = getattr(role, "name", None)
        if name == "a" and locks(statement, "user_account"):
            b_locked.wait(3)
        elif name == "b" and locks(statement, "booking_resource") and not taken:
            desk_1_locked.wait(3)
            taken.append(c.id)  # desk 0 goes to C now, in C's own transaction
            with Session(engine) as other:
                other.add(Booking(resource_id=desk_0, site_id=site_id, member_id=c.id, starts_at=starts, ends_at=ends,
                                  status="confirmed", checkin_code="c0ffee00"))
                other.commit()

    def after(_conn, _cursor, statement, *_args):
        name = getattr(role, "name", None)
        if name == "b" and locks(statement, "user_account"):
            b_locked.set()
        elif name == "a" and locks(statement, "booking_resource"):
            desk_1_locked.set()

    def book(name, member, booking_call):
        role.name = name
        with app.app_context():
            try:
                booking = booking_call(db.session.get(User, member.id))
                db.session.commit()
                return booking.resource_id
            except Exception as exc:  # noqa: BLE001 - the outcome is what is compared
                db.session.rollback()
                return exc

    with watching_statements(app, before, after):
        results = run_together(lambda call: call(), [
            lambda: book("a", a, lambda member: service.book(service.get_resource(desk_1), member, starts, ends)),
            lambda: book("b", b, lambda member: service.book_any(site_by_slug("figeac"), "desk", member, starts, ends))])
    assert isinstance(results[0], SlotTaken) and results[1] == desk_1, results


def test_approval_required_holds_until_a_manager_confirms(app, make_site, make_resource, make_user):
    make_site("figeac")
    office = make_resource("figeac", "office", "Bureau", approval_required=True)
    booking_id, status, _, _ = _hold(app, make_user(), office, next_weekday())
    assert status == "held"
    with app.app_context():
        assert service.confirm(booking_id).status == "confirmed"
