"""Issue 16's HTTP targets under gunicorn (deploy/gunicorn.conf.py, 2 workers, 50 connections):

1. booking creation (POST /api/v1/bookings) against the least a correct booking write does
   (bench/booking_write_wsgi.py), on the 10k data set, SQLite and PostgreSQL: >= 50 %;
2. the read pages and API (`/` signed in, `/sites`, a site page, the network search,
   GET /api/v1/sites, GET /api/v1/availability) against bare Flask, on the demo territory: >= 40 %.

Every server of a measurement gets its own copy of the database (a write run leaves no trace).
`BENCH_QUICK=1`: 3-second runs, SQLite reads only; `BENCH_SECONDS` sets the length;
`BENCH_SKIP_POSTGRES=1` leaves PostgreSQL out.
"""
from __future__ import annotations

import os
import tempfile
from datetime import timedelta
from pathlib import Path

from bench import booking_data as data, serve, targets
from bench.serve import Server, load

PG_BASE = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/bench").rsplit("/", 1)[0]
MEMBERS = 128  # consecutive bodies have distinct members (no lock queue on one member's row)
BODIES = 60_000
DEMO_EMAIL, DEMO_PASSWORD = "camille.martin@demo.tierslieux.fr", "telecentre-2012"


def _env(url: str, folder: Path, **extra) -> dict:
    return dict(os.environ, TIERSLIEUX_CONFIG=str(data.CONFIG), DATABASE_URL=url, TIERSLIEUX_INSTANCE=str(folder),
                TIERSLIEUX_SECRET_KEY="bench", TIERSLIEUX_LOG_FORMAT="text", RATELIMIT_ENABLED="0", **extra)


def _print(name: str, result, base_rate: float | None = None, peaks=()) -> None:
    share = f" = {result.rate / base_rate:6.1%}" if base_rate else ""
    rss = f"  RSS/worker {', '.join(f'{p:.0f}' for p in peaks)} MB" if peaks else ""
    repeats = f"  ({result.repeats} body lists sent again)" if result.repeats else ""
    print(f"  {name:<36} {result.rate:8.1f} req/s{share}  median {result.p50 * 1000:6.1f} ms  "
          f"p95 {result.p95 * 1000:6.1f} ms  [{result.status_text()}]{rss}{repeats}")


# -- target 1: booking creation ---------------------------------------------------------------

def _members_and_bodies(url: str, folder: Path) -> tuple[int, list[tuple[str, dict]]]:
    """MEMBERS members with API tokens, and BODIES distinct POST bodies: each (day, half-day)
    books every desk of the network once; desks of one member never share a site and half-day
    (no per-member limit refuses them). The data set's own bookings make the first days' 409s."""
    from core.accounts.service import create_user
    from core.api.tokens import create_token
    from core.extensions import db
    from core.sites.service import is_public_holiday
    from core.timeutil import today_at
    from plugins.booking.models import Resource

    app = data.make_app(url, folder)
    with app.app_context():
        users = [create_user(f"http{i}@bench.example", None, f"HTTP {i}") for i in range(MEMBERS)]
        db.session.flush()
        tokens = [create_token(user, "bench") for user in users]
        db.session.commit()
        member_id = users[0].id
        desks: dict[int, list[int]] = {}
        for rid, site_id in db.session.execute(db.select(Resource.id, Resource.site_id)
                                               .where(Resource.kind == "desk").order_by(Resource.id)):
            desks.setdefault(site_id, []).append(rid)
        db.session.remove()
        db.engine.dispose()
    sites = sorted(desks)
    per_block = [desks[s][d] for d in range(min(len(v) for v in desks.values())) for s in sites]
    days = [d for d in data.weekdays(today_at("Europe/Paris") + timedelta(days=1), 60) if not is_public_holiday(d)]
    bodies = []
    for day in days:
        for half in (("08:30", "12:30"), ("13:30", "18:00")):
            for k, resource in enumerate(per_block):
                bodies.append((tokens[k % MEMBERS], {"resource": resource, "start": f"{day}T{half[0]}",
                                                     "end": f"{day}T{half[1]}"}))
                if len(bodies) == BODIES:
                    return member_id, bodies
    return member_id, bodies


def booking_creation(label: str, source_url: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        with data.scratch_copy(source_url, folder) as prepared:
            member_id, bodies = _members_and_bodies(prepared, folder)
            bodies, warm = bodies[:-2 * serve.WORKERS * 3], bodies[-2 * serve.WORKERS * 3:]
            results = {}
            for name, target in (("minimal booking write", "bench.booking_write_wsgi:app"),
                                 ("POST /api/v1/bookings", "core:create_app()")):
                with data.scratch_copy(prepared, folder) as url:
                    with Server(target, _env(url, folder, BENCH_MEMBER_ID=str(member_id))) as server:
                        server.warm_up(bodies=[("/api/v1/bookings", t, b) for t, b in warm])
                        results[name] = (load(server.port, "/api/v1/bookings", bodies=bodies), server.peak_rss_mb())
                        logged = server.errors_logged()
                    if "Traceback" in logged:
                        print(f"  {name}: errors logged by the server:\n{logged[-3000:]}")
    base = results["minimal booking write"][0]
    print(f"[{label}] booking creation, 10k data set, gunicorn {serve.WORKERS} workers, {serve.loader_name()}, "
          f"{serve.duration()} s:")
    for name, (result, peaks) in results.items():
        _print(name, result, base.rate, peaks)
    mine, peaks = results["POST /api/v1/bookings"]
    bad = sum(n for s, n in mine.statuses.items() if s not in (201, 409)) + mine.errors
    targets.at_least(f"1. booking creation / minimal write ({label})", mine.rate / base.rate, 0.5,
                     f"{mine.rate:.0f} / {base.rate:.0f} req/s, {bad} errors besides 409")
    if peaks:
        targets.at_most(f"4. peak RSS per worker / 150 MB ({label})", max(peaks) / 150, 1.0, f"{max(peaks):.0f} MB")


# -- target 2: read pages and API ------------------------------------------------------------

def _seed_demo(url: str) -> None:
    import flask_migrate

    from core.demo import seed
    from core.extensions import db

    app = data.make_app(url, data.DATA)
    with app.app_context():
        flask_migrate.upgrade(revision="heads")
        seed()
        db.session.commit()
        db.session.remove()
        db.engine.dispose()


def demo_database(dialect: str) -> str:
    """The demo territory (five sites, their resources and bookings), built once per data version."""
    if dialect == "sqlite":
        data.DATA.mkdir(exist_ok=True)
        path = data.DATA / f"demo-{data.data_version()}.db"
        if not path.exists():
            for stale in data.DATA.glob("demo-*.db"):
                stale.unlink()
            tmp = data.DATA / "demo.building.db"
            tmp.unlink(missing_ok=True)
            _seed_demo(f"sqlite:///{tmp}")
            tmp.rename(path)
        return f"sqlite:///{path}"
    url = f"{PG_BASE}/bench_demo"
    data.postgres_database(url, [], fill=_seed_demo)
    return url


def _session_cookie(url: str, folder: Path) -> str:
    """The session cookie of a signed-in demo member, signed with the servers' key."""
    app = data.make_app(url, folder)
    app.config.update(WTF_CSRF_ENABLED=False, SECRET_KEY="bench", SERVER_NAME=None)
    client = app.test_client()
    response = client.post("/login", data={"email": DEMO_EMAIL, "password": DEMO_PASSWORD})
    assert response.status_code in (302, 303), response.status_code
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    with app.app_context():
        from core.extensions import db

        db.session.remove()
        db.engine.dispose()
    return f"{app.config['SESSION_COOKIE_NAME']}={cookie.value}"


def read_pages(label: str, source_url: str) -> None:
    from core.timeutil import today_at

    day = today_at("Europe/Paris") + timedelta(days=1)
    while day.weekday() > 4:
        day += timedelta(days=1)
    pages = [("GET / (signed in)", "/", True), ("GET /sites", "/sites", False),
             ("GET /sites/<slug>", "/sites/decazeville-chrysalis", False),
             ("GET /booking (network search)", f"/booking?date={day}", False),
             ("GET /api/v1/sites", "/api/v1/sites", False),
             ("GET /api/v1/availability", f"/api/v1/availability?date={day}", False)]
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        with data.scratch_copy(source_url, folder) as url:
            cookie = _session_cookie(url, folder)
            with Server("bench.booking_bare_wsgi:app", _env(url, folder)) as server:
                server.warm_up(["/"])
                bare = [load(server.port, "/")]
            results = {}
            with Server("core:create_app()", _env(url, folder)) as server:
                for name, path, signed_in in pages:
                    headers = {"Cookie": cookie} if signed_in else {}
                    server.warm_up([path], headers)
                    results[name] = load(server.port, path, headers=headers)
                    server.settle()
                logged = server.errors_logged()
            # The same public pages and API answers made at every request (core/pagecache.py off),
            # for the record.
            # And the least a member's page costs: a signed-in page that does nothing.
            rendered = {}
            floor = ("GET a signed-in page that does nothing (the floor of a member's page)", "/__bench/signed-in")
            with Server("bench.signed_floor_wsgi:app", _env(url, folder, TIERSLIEUX_PAGE_CACHE_SECONDS="0")) as server:
                for name, path, signed_in in pages:
                    if signed_in:
                        continue
                    server.warm_up([path])
                    rendered[f"{name} (not kept)"] = load(server.port, path)
                    server.settle()
                server.warm_up([floor[1]], {"Cookie": cookie})
                rendered[floor[0]] = load(server.port, floor[1], headers={"Cookie": cookie})
                logged += server.errors_logged()
            with Server("bench.booking_bare_wsgi:app", _env(url, folder)) as server:
                server.warm_up(["/"])
                bare.append(load(server.port, "/"))
    if "Traceback" in logged:
        print(f"  errors logged by the server:\n{logged[-3000:]}")
    base_rate = sum(b.rate for b in bare) / len(bare)
    print(f"[{label}] read pages, demo territory, gunicorn {serve.WORKERS} workers, {serve.loader_name()}, "
          f"{serve.duration()} s each; bare Flask before and after: "
          f"{', '.join(f'{b.rate:.0f}' for b in bare)} req/s")
    for name, result in results.items():
        _print(name, result, base_rate)
    print("  the same answers made at every request (PAGE_CACHE_SECONDS=0), not a target:")
    for name, result in rendered.items():
        _print(name, result, base_rate)
    for name, result in results.items():
        bad = sum(n for s, n in result.statuses.items() if s != 200) + result.errors
        targets.at_least(f"2. {name} / bare Flask ({label})", result.rate / base_rate, 0.4,
                         f"{result.rate:.0f} req/s" + (f", {bad} not 200" if bad else ""))


def main():
    quick = serve.quick()
    print(f"load: {serve.loader_name()}, {serve.duration()} s per measurement{' (quick mode)' if quick else ''}")
    small = data.sqlite_database("booking-10k", data.days_of(data.SMALL_DAYS))
    booking_creation("SQLite", f"sqlite:///{small}")
    read_pages("SQLite", demo_database("sqlite"))
    if os.environ.get("BENCH_SKIP_POSTGRES"):
        return
    try:
        url = f"{PG_BASE}/bench_10k"
        data.postgres_database(url, data.days_of(data.SMALL_DAYS))
    except Exception as exc:  # no server: say so, keep the SQLite figures
        print(f"[PostgreSQL] skipped: {exc.__class__.__name__}: {exc}")
        return
    booking_creation("PostgreSQL", url)
    if not quick:
        read_pages("PostgreSQL", demo_database("postgresql"))
