"""A generated territory for the booking bench: 100 sites, 2,000 resources, bookings in bulk.

SQLite files are cached under bench/.data/ (git-ignored); PostgreSQL goes to the `bench`
database. Rows are written with executemany / COPY, the overlap triggers set aside meanwhile
(the data is overlap-free by construction).
"""
from __future__ import annotations

import hashlib
import os
import random
import shutil
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / ".data"
CONFIG = ROOT / "examples" / "territories" / "aveyron-lot-cantal.toml"
SITES, RESOURCES_PER_SITE = 100, 20
PARIS = ZoneInfo("Europe/Paris")
HALVES = {"morning": (time(8, 30), time(12, 30)), "afternoon": (time(13, 30), time(18, 0)),
          "day": (time(8, 30), time(18, 0))}


BIG_DAYS, SMALL_DAYS = 520, 5  # two years of weekdays x 2,000 resources ~ 1,040,000 bookings
GENERATOR = 2  # bump when the generated rows change


def data_version() -> str:
    """The generator's version and the migrations' file names: a cached database built by
    another version, or before a migration was added, is built again."""
    names = sorted(p.name for pattern in ("core/migrations/versions/*.py", "plugins/*/migrations/versions/*.py",
                                          "examples/*/migrations/versions/*.py") for p in ROOT.glob(pattern))
    return f"{GENERATOR}-{hashlib.sha1(' '.join(names).encode()).hexdigest()[:10]}"


def make_app(url: str, folder: Path):
    from core import create_app

    os.environ["TIERSLIEUX_INSTANCE"] = str(folder)
    return create_app(CONFIG, {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "JOBS_RUN": "worker",
                               "RATELIMIT_ENABLED": False, "SERVER_NAME": "bench.local"})


def days_of(count: int) -> list[date]:
    """The data set's weekdays: from today for the small one, from a year ago for the big one
    (so the day measured, tomorrow, is in the middle of it)."""
    from core.timeutil import today_at

    first = today_at("Europe/Paris") - timedelta(days=365 if count > 10 else 0)
    return list(weekdays(first, count))


def weekdays(first: date, count: int):
    day = first
    while count:
        if day.weekday() < 5:
            yield day
            count -= 1
        day += timedelta(days=1)


def _utc(day, at):
    return datetime.combine(day, at, tzinfo=PARIS).astimezone(timezone.utc)


def booking_rows(days: list[date], resource_ids: list[int], site_of: dict[int, int], member_id: int):
    """One booking per resource per day (morning, afternoon or whole day), overlap-free."""
    rng = random.Random(42)
    now = datetime.now(timezone.utc)
    for day in days:
        for resource_id in resource_ids:
            period = rng.choice(("morning", "afternoon", "day"))
            opens, closes = HALVES[period]
            yield (resource_id, site_of[resource_id], member_id, member_id, _utc(day, opens), _utc(day, closes),
                   "confirmed", False, "", f"{resource_id:08x}"[:8], now)


def _fill(conn, dialect: str, days: list[date]):
    """Sites, resources and bookings through the DBAPI connection."""
    now = datetime.now(timezone.utc)
    cur = conn.cursor()
    ph = "?" if dialect == "sqlite" else "%s"
    fix = (lambda v: v.replace(tzinfo=None) if isinstance(v, datetime) else v) if dialect == "sqlite" else (lambda v: v)
    rng = random.Random(7)
    sites = [(f"site-{i:03d}", f"Tiers-lieu {i:03d}", "telecentre", "Le bourg", "12000", f"Commune {i}", "12",
              43.8 + rng.random() * 1.5, 1.5 + rng.random() * 1.5, "Europe/Paris", "", "[]", True, True, fix(now))
             for i in range(SITES)]
    cur.executemany(f"INSERT INTO site (slug, name, kind, address, postcode, commune, departement, latitude, "
                    f"longitude, timezone, description, amenities, closed_on_public_holidays, is_published, "
                    f"created_at) VALUES ({', '.join([ph] * 15)})", sites)
    cur.execute("SELECT id FROM site ORDER BY id")
    site_ids = [r[0] for r in cur.fetchall()]
    hours = [(sid, d, o, c) for sid in site_ids for d in range(5)
             for o, c in ((time(8, 30), time(12, 30)), (time(13, 30), time(18, 0)))]
    if dialect == "sqlite":
        hours = [(s, d, o.isoformat(), c.isoformat()) for s, d, o, c in hours]
    cur.executemany(f"INSERT INTO site_opening_hours (site_id, weekday, opens, closes) VALUES ({ph}, {ph}, {ph}, {ph})",
                    hours)
    kinds = ["desk"] * 16 + ["office"] * 2 + ["room", "visio"]
    resources = [(sid, kinds[n], f"{kinds[n]} {n}", "Open space" if kinds[n] == "desk" else "", 1, "[]", True, "[]",
                  "", False, fix(now)) for sid in site_ids for n in range(RESOURCES_PER_SITE)]
    cur.executemany(f"INSERT INTO booking_resource (site_id, kind, name, group_name, seats, equipment, accessible, "
                    f"photos, description, approval_required, created_at) VALUES ({', '.join([ph] * 11)})", resources)
    cur.execute("SELECT id, site_id FROM booking_resource ORDER BY id")
    site_of = dict(cur.fetchall())
    cur.execute(f"INSERT INTO user_account (email, display_name, role, is_disabled, session_version, created_at) "
                f"VALUES ({ph}, {ph}, {ph}, {ph}, {ph}, {ph})",
                ("bench@example.org", "Bench", "member", False, 1, fix(now)))
    cur.execute("SELECT id FROM user_account WHERE email = 'bench@example.org'")
    member_id = cur.fetchone()[0]
    columns = ("resource_id, site_id, member_id, created_by_id, starts_at, ends_at, status, is_block, note, "
               "checkin_code, created_at")
    rows = booking_rows(days, list(site_of), site_of, member_id)
    if dialect == "sqlite":
        batch = []
        for row in rows:
            batch.append(tuple(fix(v) for v in row))
            if len(batch) == 50_000:
                cur.executemany(f"INSERT INTO booking_booking ({columns}) VALUES ({', '.join([ph] * 11)})", batch)
                batch = []
        if batch:
            cur.executemany(f"INSERT INTO booking_booking ({columns}) VALUES ({', '.join([ph] * 11)})", batch)
    else:
        with cur.copy(f"COPY booking_booking ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    cur.close()


def build(url: str, folder: Path, days: list[date]):
    """Migrate an empty database and fill it; returns the app."""
    import flask_migrate
    from sqlalchemy import text

    from core.extensions import db

    app = make_app(url, folder)
    with app.app_context():
        flask_migrate.upgrade(revision="heads")
        dialect = db.engine.dialect.name
        raw = db.engine.raw_connection()
        try:
            if dialect == "sqlite":
                raw.execute("DROP TRIGGER booking_no_overlap_INSERT")
                raw.execute("BEGIN")
            _fill(raw, dialect, days)
            if dialect == "sqlite":
                raw.execute("COMMIT")
            else:
                raw.commit()
        finally:
            raw.close()
        with db.engine.begin() as conn:
            if dialect == "sqlite":
                conn.exec_driver_sql(_trigger_sql())
                conn.exec_driver_sql("ANALYZE")
            else:
                conn.execute(text("ANALYZE"))
        db.engine.dispose()
    return app


def _trigger_sql() -> str:
    import importlib.util

    path = ROOT / "plugins" / "booking" / "migrations" / "versions" / "0001_booking.py"
    spec = importlib.util.spec_from_file_location("booking_0001", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SQLITE_TRIGGER.format(event="INSERT")


def sqlite_database(name: str, days: list[date]):
    """The cached SQLite file for a data set (built once per data version)."""
    DATA.mkdir(exist_ok=True)
    path = DATA / f"{name}-{data_version()}.db"
    if not path.exists():
        for stale in DATA.glob(f"{name}-*.db"):
            stale.unlink()
        tmp = DATA / f"{name}.building.db"
        tmp.unlink(missing_ok=True)
        build(f"sqlite:///{tmp}", DATA, days)
        tmp.rename(path)
    return path


def _postgres_version(url: str) -> str | None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version FROM bench_meta")).scalar()
    except Exception:  # no table: never built, or built before versions were kept
        return None
    finally:
        engine.dispose()


def ensure_postgres_database(url: str) -> None:
    from sqlalchemy import create_engine, text

    name = url.rsplit("/", 1)[1]
    admin = create_engine(url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar():
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()


def postgres_database(url: str, days: list[date], fill=None):
    """The PostgreSQL bench database at `url`, rebuilt from scratch (COPY) only when it was built
    by another data version; `fill(app)` fills it instead of the generated bookings."""
    from sqlalchemy import create_engine, text

    ensure_postgres_database(url)
    version = data_version() + ("" if fill is None else "-" + fill.__name__) + f"-{len(days)}"
    if _postgres_version(url) == version:
        return
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    if fill is None:
        build(url, DATA, days)
    else:
        fill(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE bench_meta (version text)"))
        conn.execute(text("INSERT INTO bench_meta VALUES (:v)"), {"v": version})
    engine.dispose()


@contextmanager
def scratch_copy(url: str, folder: Path):
    """A throw-away copy of a bench database (a run that writes leaves the cached one as it was):
    a copied file for SQLite, `CREATE DATABASE ... TEMPLATE` for PostgreSQL."""
    from sqlalchemy import create_engine, text

    if url.startswith("sqlite:///"):
        copy = folder / f"scratch-{os.getpid()}-{random.randrange(10**9)}.db"
        shutil.copy(url.removeprefix("sqlite:///"), copy)
        try:
            yield f"sqlite:///{copy}"
        finally:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{copy}{suffix}").unlink(missing_ok=True)
        return
    base, name = url.rsplit("/", 1)
    scratch = f"{name}_scratch"
    admin = create_engine(base + "/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{scratch}" TEMPLATE "{name}"'))
        yield f"{base}/{scratch}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)'))
        admin.dispose()
