"""Two workers counting two check-ins of one site's month at once: each day reaches the totals."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update

from core.extensions import db
from devtools.races import held_until_both_reach, run_together, watching_statements
from impact_dates import next_weekday
from plugins.booking.models import Booking
from plugins.impact import service
from plugins.impact.models import ImpactTotal


def _arrived(app, ids):
    """The bookings checked in at their start, their days not counted yet; their ids."""
    with app.app_context():
        starts_at = db.session.get(Booking, ids[0]).starts_at
        db.session.execute(update(Booking).where(Booking.id.in_(ids)).values(checked_in_at=starts_at))
        db.session.commit()
    return ids


def _counted_at_once(app, ids, held_at: str) -> list:
    """Two workers counting the days at once, each held at `held_at` until both are there."""
    def count(booking_id):
        with app.app_context():
            service.count_day(booking_id)
            db.session.commit()
            return "ok"

    with watching_statements(app, held_until_both_reach(held_at)):
        return run_together(count, ids)


def test_two_days_counted_at_once_both_reach_the_site_total(app, make_user, profile, attend):
    """`add_to_aggregates` read the month's total and wrote back its own sum: the second
    worker's UPDATE waited for the first's lock, then overwrote it with a stale sum, and a
    day was lost from the territory's figures. Both workers are held here until both have
    read the total; it is now read under its lock, so the second waits and adds to it."""
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("SQLite's writers take turns: no two workers read the same total at once")
    first, second, third = make_user(), make_user(), make_user()
    for person in (first, second, third):
        profile(person)
    day = next_weekday()
    attend(first, day)  # counted at once: the month's total exists, one day
    ids = _arrived(app, [attend(person, day, check_in=False) for person in (second, third)])
    with app.app_context():
        assert db.session.scalar(select(ImpactTotal.days)) == 1
    # Neither writes the total before both have read it (at most three seconds: with the fix,
    # the second is waiting for the lock).
    results = _counted_at_once(app, ids, "UPDATE impact_total")
    assert results == ["ok", "ok"], results
    with app.app_context():
        assert db.session.scalar(select(ImpactTotal.days)) == 3


def test_the_first_two_days_of_a_month_counted_at_once_both_reach_a_new_site_total(app, make_user, profile,
                                                                                     attend):
    """No total yet for the month: both workers found none and inserted one, and the second
    failed on the unique key (its job retried, the day counted late). Now it adds to the first's."""
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("SQLite's writers take turns: no two workers miss the same total at once")
    second, third = make_user(), make_user()
    for person in (second, third):
        profile(person)
    ids = _arrived(app, [attend(person, next_weekday(), check_in=False) for person in (second, third)])
    with app.app_context():
        assert db.session.scalar(select(ImpactTotal.days)) is None
    results = _counted_at_once(app, ids, "INSERT INTO impact_total")
    assert results == ["ok", "ok"], results
    with app.app_context():
        assert db.session.scalars(select(ImpactTotal.days)).all() == [2]


def test_the_public_page_switched_twice_at_once_gives_no_error(app):
    """Its first switch inserts the option's row: two at once both inserted (a 500)."""
    from devtools.races import call_together
    from plugins.impact.models import ImpactOption

    def switch():
        with app.test_request_context(method="POST"):
            service.set_public_page(True)
            db.session.commit()
            return "ok"

    assert call_together([switch] * 6) == ["ok"] * 6
    with app.app_context():
        assert db.session.get(ImpactOption, "public_territory").value == "1"


def _counted_day(member_id, site_id, when):
    return {"member_id": member_id, "site_id": site_id, "partner_id": 0, "day": when, "counted": True,
            "home_code": "46102", "mode": "petrol", "km": 10.0, "co2e_kg": 2.0, "cents": 500, "hours": 0.2}


def test_two_members_withdrawing_their_consent_at_once_never_deadlock(app, make_user, make_site):
    """Their days' totals were locked in the days' order: two members with days at two months,
    in opposite orders, each waited for the other's (held here at the second lock)."""
    import re
    import threading

    import pytest
    from sqlalchemy import select

    from core.accounts.models import User
    from core.db import lock_row
    from devtools.races import run_together, watching_statements
    from plugins.impact.models import ImpactTotal

    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("SQLite's writers take turns")
    from core.sites.service import site_by_slug

    make_site("capdenac")
    first, second = make_user(), make_user()
    with app.app_context():
        site_id = site_by_slug("capdenac").id
        # first came in January then February; second's February day was loaded before its January one
        service.bulk_load([_counted_day(first.id, site_id, date(2025, 1, 6)),
                           _counted_day(first.id, site_id, date(2025, 2, 3)),
                           _counted_day(second.id, site_id, date(2025, 2, 4)),
                           _counted_day(second.id, site_id, date(2025, 1, 7))])
        db.session.commit()

    seen = threading.local()
    both = threading.Barrier(2)

    def before(_conn, _cursor, statement, *_args):
        # each worker held at its second total's lock until the other has its first one
        if re.search(r"FROM impact_total .*FOR UPDATE", statement, re.S):
            seen.n = getattr(seen, "n", 0) + 1
            if seen.n == 2:
                try:
                    both.wait(3)
                except threading.BrokenBarrierError:
                    pass

    def withdraw(member_id):
        with app.app_context():
            lock_row(User, member_id)  # as save_profile does
            service.uncount(member_id)
            db.session.commit()
            return "ok"

    with watching_statements(app, before):
        results = run_together(withdraw, [first.id, second.id])
    assert results == ["ok", "ok"], results
    with app.app_context():
        assert db.session.scalars(select(ImpactTotal.days)).all() == [0, 0]


def test_a_day_counted_while_the_member_withdraws_is_not_left_in_the_totals(app, make_user, profile, attend):
    """count_day read the member's consent without their row's lock: a withdrawal committed
    between that read and the day's insert left the day in the totals."""
    import threading

    import pytest
    from sqlalchemy import select

    from devtools.races import call_together, watching_statements
    from plugins.impact.models import ImpactTotal
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("SQLite's writers take turns")
    from sqlalchemy import update

    from plugins.booking.models import Booking

    member = make_user()
    profile(member)
    booking_id = attend(member, next_weekday(), check_in=False)
    with app.app_context():
        starts_at = db.session.get(Booking, booking_id).starts_at
        db.session.execute(update(Booking).where(Booking.id == booking_id).values(checked_in_at=starts_at))
        db.session.commit()
    withdrawn, reached = threading.Event(), threading.Event()

    def before(_conn, _cursor, statement, *_args):
        if statement.lstrip().startswith("INSERT INTO impact_day") and threading.current_thread().name == "count":
            reached.set()
            withdrawn.wait(5)

    def count():
        threading.current_thread().name = "count"
        with app.app_context():
            service.count_day(booking_id)
            db.session.commit()
            return "ok"

    def withdraw():
        reached.wait(10)  # count_day has read the consent and is held before its insert
        profile(member, consent=False)
        withdrawn.set()
        return "ok"

    with watching_statements(app, before):
        results = call_together([count, withdraw])
    assert results == ["ok", "ok"], results
    with app.app_context():
        assert sum(db.session.scalars(select(ImpactTotal.days)).all()) == 0
