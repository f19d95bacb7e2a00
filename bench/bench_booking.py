"""Booking: network availability on a generated territory (10k and ~1M bookings, SQLite and
PostgreSQL, with the query plan) against the bare indexed query reading the same day's bookings
(the floor, issue 16 target 3: median <= 3x, p95 <= 5x). Booking creation over HTTP is in
bench_http.

Run with `make bench` or `python -m bench bench_booking`. Set BENCH_POSTGRES_URL to use another
PostgreSQL database than postgresql://postgres@127.0.0.1:5432/bench (created when missing, kept
while its data version holds); BENCH_SKIP_POSTGRES=1 leaves it out; BENCH_QUICK=1 measures the
10k data set only.
"""
from __future__ import annotations

import os
from datetime import timedelta

from bench import booking_data as data, targets
from bench.serve import quick
from bench.timing import sample, summary
from core.timeutil import today_at

PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/bench")
BIG_DAYS, SMALL_DAYS = data.BIG_DAYS, data.SMALL_DAYS
_days = data.days_of


def _target_day():
    day = today_at("Europe/Paris") + timedelta(days=1)
    while day.weekday() > 4:
        day += timedelta(days=1)
    return day


def _floor_sql(dialect: str) -> str:
    return ("SELECT resource_id, starts_at, ends_at FROM booking_booking WHERE site_id IN "
            "(SELECT id FROM site) AND starts_at < :end AND starts_at > :low AND ends_at > :start "
            "AND status IN ('held', 'confirmed', 'checked_in')")


def _measure(app, day, repeat=60, frozen=True, floor=False):
    """Time the network search (or, `floor`, the bare indexed query reading the same day's
    bookings for all sites); `frozen` moves start-up objects out of the collector's way first
    (gc.freeze(), as deploy/gunicorn.conf.py does in each worker)."""
    import gc

    from sqlalchemy import text

    from core.extensions import db
    from plugins.booking.availability import network
    from plugins.booking.slots import to_utc
    from datetime import time

    with app.test_request_context("/booking"):
        start = to_utc(day, time(0), "Europe/Paris")
        end = start + timedelta(days=1)
        if db.engine.dialect.name == "sqlite":
            start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
        bounds = {"start": start, "end": end, "low": start - timedelta(days=1)}
        sql = text(_floor_sql(db.engine.dialect.name))
        if floor:
            def call():
                return db.session.execute(sql, bounds).all()
        else:
            def call():
                return network(day)
        result = call()
        free = 0 if floor else sum(len(r.free) for site in result for r in site.resources)
        if frozen:
            gc.collect()
            gc.freeze()
        try:
            times = sample(call, repeat=repeat)
        finally:
            gc.unfreeze()
        db.session.remove()
    return times, len(result), free


def _plan(app, day) -> str:
    """The plan of the availability query; refuses a full scan of the bookings."""
    from sqlalchemy import text

    from core.extensions import db
    from plugins.booking.slots import to_utc
    from datetime import time

    start, end = to_utc(day, time(0), "Europe/Paris"), to_utc(day + timedelta(days=1), time(0), "Europe/Paris")
    with app.app_context():
        dialect = db.engine.dialect.name
        fmt = (lambda v: v.replace(tzinfo=None).isoformat(" ")) if dialect == "sqlite" else (lambda v: v)
        sql = _floor_sql(dialect)
        prefix = "EXPLAIN QUERY PLAN " if dialect == "sqlite" else "EXPLAIN "
        rows = db.session.execute(text(prefix + sql), {"end": fmt(end), "low": fmt(start - timedelta(days=1)),
                                                       "start": fmt(start)}).all()
        db.session.remove()
    plan = " | ".join(str(r[-1]) for r in rows)
    scan = ("SCAN booking_booking" in plan) or ("Seq Scan on booking_booking" in plan)
    return f"{'FULL SCAN (bad)' if scan else 'index-backed'}: {plan}"


def availability(label, small_app, big_app, day):
    small, _, _ = _measure(small_app, day)
    s = summary(small)
    print(f"[{label}] availability for {day} (gc.freeze() after start-up, as in the workers):")
    print(f"  10k bookings : median {s['median'] * 1000:6.2f} ms  p95 {s['p95'] * 1000:6.2f} ms")
    if big_app is None:
        app, name, measured = small_app, "10k", s
        floor = summary(_measure(small_app, day, floor=True)[0])
    else:
        big, sites, free = _measure(big_app, day)
        b = summary(big)
        print(f"  ~1M bookings : median {b['median'] * 1000:6.2f} ms  p95 {b['p95'] * 1000:6.2f} ms "
              f"across {sites} sites ({free} free slots)")
        targets.at_most(f"3. availability growth 10k -> 1M ({label})", b["median"] / s["median"], 2.0)
        app, name, measured = big_app, "1M", b
        floor = summary(_measure(big_app, day, floor=True)[0])
    print(f"  floor, the bare indexed query of the day's bookings ({name}): median {floor['median'] * 1000:6.2f} ms"
          f"  p95 {floor['p95'] * 1000:6.2f} ms")
    targets.at_most(f"3. availability median / floor ({label}, {name})", measured["median"] / floor["median"], 3.0,
                    f"{measured['median'] * 1000:.1f} / {floor['median'] * 1000:.1f} ms")
    targets.at_most(f"3. availability p95 / floor p95 ({label}, {name})", measured["p95"] / floor["p95"], 5.0,
                    f"{measured['p95'] * 1000:.1f} / {floor['p95'] * 1000:.1f} ms")
    print(f"  plan: {_plan(app, day)}")


def _count(app):
    from sqlalchemy import func, select

    from core.extensions import db
    from plugins.booking.models import Booking

    with app.app_context():
        n = db.session.scalar(select(func.count()).select_from(Booking))
        db.session.remove()
    return n


def main():
    day = _target_day()
    small_path = data.sqlite_database("booking-10k", _days(SMALL_DAYS))
    small_app = data.make_app(f"sqlite:///{small_path}", data.DATA)
    big_app = None
    if not quick():
        big_path = data.sqlite_database("booking-1m", _days(BIG_DAYS))
        big_app = data.make_app(f"sqlite:///{big_path}", data.DATA)
    print(f"SQLite data: {', '.join(f'{_count(a):,}' for a in (small_app, big_app) if a)} bookings, "
          f"100 sites, 2,000 resources")
    availability("SQLite", small_app, big_app, day)
    if not os.environ.get("BENCH_SKIP_POSTGRES"):
        _postgres(day)


def _postgres(day):
    small_url, big_url = PG_URL + "_10k", PG_URL
    try:
        data.postgres_database(small_url, _days(SMALL_DAYS))
        if not quick():
            data.postgres_database(big_url, _days(BIG_DAYS))
    except Exception as exc:  # no server: say so, do not fail the SQLite figures
        print(f"[PostgreSQL] skipped: {exc.__class__.__name__}: {exc}")
        return False
    small_app = data.make_app(small_url, data.DATA)
    big_app = None if quick() else data.make_app(big_url, data.DATA)
    print(f"PostgreSQL data: {', '.join(f'{_count(a):,}' for a in (small_app, big_app) if a)} bookings")
    availability("PostgreSQL", small_app, big_app, day)
    return True
