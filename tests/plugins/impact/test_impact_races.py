"""Two workers counting two check-ins of one site's month at once: each day reaches the totals."""
from __future__ import annotations

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
