"""The territory's impact report over 10,000 and 1,000,000 check-ins, against a bare aggregate
query on the same database in the same run.

The report (plugins.impact.service.group_report: totals, a 12-month series, members counted and
seen, top communes) never reads the days: it sums the monthly rows the job keeps. The data:
2,000 members at 5 sites, 3 partners, days spread over 5 years, loaded in bulk with the same
function the demo uses (service.bulk_load). Run with `make bench` or `python -m bench bench_impact`.
"""
from __future__ import annotations

import os
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench.timing import sample, summary

ROOT = Path(__file__).resolve().parents[1]
MEMBERS = 2_000
YEARS = 5


def _app(folder: str):
    import flask_migrate

    from core import create_app

    os.environ["TIERSLIEUX_INSTANCE"] = folder
    app = create_app(ROOT / "examples" / "territories" / "aveyron-lot-cantal.toml", {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.db", "SECRET_KEY": "bench",
        "JOBS_RUN": "worker", "RATELIMIT_ENABLED": False})
    with app.app_context():
        from sqlalchemy import event

        from core.extensions import db

        flask_migrate.upgrade(revision="heads")
        # A throwaway file: no fsync per transaction while loading.
        event.listen(db.engine, "connect", lambda connection, _record: connection.execute("PRAGMA synchronous=OFF"))
        db.engine.dispose()
    return app


def _load(app, checkins: int, end: date) -> float:
    from sqlalchemy import insert

    from core import geo
    from core.accounts.models import User
    from core.demo import seed
    from core.extensions import db
    from plugins.impact import service

    started = time.perf_counter()
    with app.app_context():
        seed()  # the demo's sites (and its impact days: removed, the bench loads its own)
        for table in ("impact_total", "impact_reach", "impact_month", "impact_day"):
            db.session.execute(db.text(f"DELETE FROM {table}"))
        sites = [row[0] for row in db.session.execute(db.text("SELECT id FROM site ORDER BY id"))]
        homes = [c for c in (geo.resolve(n) for n in ("Maurs", "Figeac", "Aubin", "Cajarc", "Laroquebrou")) if c]
        db.session.execute(insert(User), [{"email": f"bench{n}@bench.invalid", "display_name": f"Bench {n}",
                                           "role": "member", "session_version": 1, "is_disabled": False}
                                          for n in range(MEMBERS)])
        ids = [row[0] for row in db.session.execute(db.text("SELECT id FROM user_account WHERE email LIKE "
                                                            "'bench%@bench.invalid' ORDER BY id"))]
        rng = random.Random(13)
        first = end - timedelta(days=365 * YEARS)
        span = (end - first).days
        seen, days = set(), []
        while len(days) < checkins:
            member = ids[rng.randrange(MEMBERS)]
            day = first + timedelta(days=rng.randrange(span))
            if (member, day) in seen:
                continue
            seen.add((member, day))
            km = 20.0 + member % 60
            days.append({"member_id": member, "site_id": sites[member % len(sites)], "partner_id": member % 4,
                         "day": day, "counted": member % 10 != 0, "home_code": homes[member % len(homes)][0].code,
                         "mode": "petrol", "km": km, "co2e_kg": km * 0.2176, "cents": round(km * 63.6),
                         "hours": km / 50})
        service.bulk_load(days)
        db.session.commit()
    return time.perf_counter() - started


def _measure(app, end: date):
    from sqlalchemy import func, select

    from core.extensions import db
    from plugins.impact import service
    from plugins.impact.models import ImpactTotal

    start = service.month_of(end - timedelta(days=330))
    with app.test_request_context():
        def territory():
            report = service.group_report("territory", None, start, end)
            assert report.totals.days > 0
            db.session.rollback()

        def bare():
            db.session.execute(select(func.sum(ImpactTotal.days), func.sum(ImpactTotal.km))
                               .where(ImpactTotal.month >= start, ImpactTotal.month <= end)).one()
            db.session.rollback()

        return sample(territory, repeat=100), sample(bare, repeat=100)


def main():
    end = date(2026, 11, 30)
    results = {}
    for checkins in (10_000, 1_000_000):
        with tempfile.TemporaryDirectory() as folder:
            app = _app(folder)
            built = _load(app, checkins, end)
            report, bare = _measure(app, end)
            results[checkins] = (summary(report), summary(bare))
            r, b = results[checkins]
            print(f"territory report, {checkins:>9,} check-ins (built in {built:5.1f} s)  "
                  f"p95 {r['p95'] * 1000:7.2f} ms = {r['p95'] / b['p95']:5.1f}x a bare SUM over impact_total "
                  f"(p95 {b['p95'] * 1000:.2f} ms)")
            with app.app_context():
                from core.extensions import db

                db.engine.dispose()
    (small, small_bare), (large, large_bare) = ((r["p95"], b["p95"]) for r, b in results.values())
    print(f"growth from 10,000 to 1,000,000 check-ins (target < 2x): p95 {large / small:4.2f}x; "
          f"as a ratio to the bare query of each run {(large / large_bare) / (small / small_bare):4.2f}x; "
          f"p95 at 1,000,000: {large * 1000:.1f} ms (target < 100 ms)")
