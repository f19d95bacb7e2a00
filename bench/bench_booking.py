"""Booking: network availability on a generated territory (10k and ~1M bookings, SQLite and
PostgreSQL, with the query plan), and booking creation over HTTP under gunicorn.

Run with `make bench` or `python -m bench bench_booking`. Set BENCH_POSTGRES_URL to use another
PostgreSQL database than postgresql://postgres@127.0.0.1:5432/bench (created when missing);
BENCH_SKIP_POSTGRES=1 or BENCH_SKIP_HTTP=1 leave a part out.
"""
from __future__ import annotations

import os
from datetime import timedelta

from bench import booking_data as data
from bench.timing import sample, summary
from core.timeutil import today_at

PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/bench")
BIG_DAYS, SMALL_DAYS = 520, 5  # two years of weekdays x 2,000 resources ~ 1,040,000 bookings


def _days(count):
    first = today_at("Europe/Paris") - timedelta(days=365 if count > 10 else 0)
    return list(data.weekdays(first, count))


def _target_day():
    day = today_at("Europe/Paris") + timedelta(days=1)
    while day.weekday() > 4:
        day += timedelta(days=1)
    return day


def _measure(app, day, repeat=60, frozen=False):
    """Time the network search; `frozen` moves start-up objects out of the collector's way first
    (gc.freeze(), as a gunicorn worker may do after loading the app)."""
    import gc

    from core.extensions import db
    from plugins.booking.availability import network

    with app.test_request_context("/booking"):
        result = network(day)
        free = sum(len(r.free) for site in result for r in site.resources)
        if frozen:
            gc.collect()
            gc.freeze()
        try:
            times = sample(lambda: network(day), repeat=repeat)
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
        sql = ("SELECT resource_id, starts_at, ends_at FROM booking_booking WHERE site_id IN "
               "(SELECT id FROM site) AND starts_at < :end AND starts_at > :low AND ends_at > :start "
               "AND status IN ('held', 'confirmed', 'checked_in')")
        prefix = "EXPLAIN QUERY PLAN " if dialect == "sqlite" else "EXPLAIN "
        rows = db.session.execute(text(prefix + sql), {"end": fmt(end), "low": fmt(start - timedelta(days=1)),
                                                       "start": fmt(start)}).all()
        db.session.remove()
    plan = " | ".join(str(r[-1]) for r in rows)
    scan = ("SCAN booking_booking" in plan) or ("Seq Scan on booking_booking" in plan)
    return f"{'FULL SCAN (bad)' if scan else 'index-backed'}: {plan}"


def availability(label, small_app, big_app, day):
    small, _, _ = _measure(small_app, day)
    big, sites, free = _measure(big_app, day)
    s, b = summary(small), summary(big)
    print(f"[{label}] availability for {day} across {sites} sites ({free} free slots):")
    print(f"  ~1M bookings : median {b['median'] * 1000:6.2f} ms  p95 {b['p95'] * 1000:6.2f} ms "
          f"(targets 20 / 50 ms)")
    print(f"  10k bookings : median {s['median'] * 1000:6.2f} ms  p95 {s['p95'] * 1000:6.2f} ms")
    print(f"  growth 10k -> 1M: {b['median'] / s['median']:.2f}x (target < 2x)")
    frozen = summary(_measure(big_app, day, frozen=True)[0])
    print(f"  ~1M, gc.freeze() after start-up: median {frozen['median'] * 1000:6.2f} ms  "
          f"p95 {frozen['p95'] * 1000:6.2f} ms (the default p95 is gen-2 collections)")
    print(f"  plan: {_plan(big_app, day)}")


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
    big_path = data.sqlite_database("booking-1m", _days(BIG_DAYS))
    small_app = data.make_app(f"sqlite:///{small_path}", data.DATA)
    big_app = data.make_app(f"sqlite:///{big_path}", data.DATA)
    print(f"SQLite data: {_count(small_app):,} and {_count(big_app):,} bookings, 100 sites, 2,000 resources")
    availability("SQLite", small_app, big_app, day)

    postgres = not os.environ.get("BENCH_SKIP_POSTGRES") and _postgres(day)
    if not os.environ.get("BENCH_SKIP_HTTP"):
        from bench.booking_http import run

        run(small_path)
        if postgres:
            run(small_path, PG_URL + "_10k")


def _postgres(day):
    from sqlalchemy import create_engine, text

    admin = create_engine(PG_URL.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    name = PG_URL.rsplit("/", 1)[1]
    try:
        with admin.connect() as conn:
            if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar():
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # no server: say so, do not fail the SQLite figures
        print(f"[PostgreSQL] skipped: {exc.__class__.__name__}: {exc}")
        return False
    finally:
        admin.dispose()
    small_url, big_url = PG_URL + "_10k", PG_URL
    with create_engine(PG_URL.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT").connect() as conn:
        if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name + "_10k"}).scalar():
            conn.execute(text(f'CREATE DATABASE "{name}_10k"'))
    data.postgres_database(small_url, _days(SMALL_DAYS))
    data.postgres_database(big_url, _days(BIG_DAYS))
    small_app, big_app = data.make_app(small_url, data.DATA), data.make_app(big_url, data.DATA)
    print(f"PostgreSQL data: {_count(small_app):,} and {_count(big_app):,} bookings")
    availability("PostgreSQL", small_app, big_app, day)
    return True
