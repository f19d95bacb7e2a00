"""Upgrades keep data: the first release point's demo database (tests/data/release-0.1.*, built
by tests/data/build_release_dump.py at commit 68c16e7) upgraded to today's migrations keeps its
bookings, invoices, credits and accounts, and the app works on it (issue 14, item 5)."""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import flask_migrate
import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from core.accounts.models import User
from core.extensions import db
from plugins.billing.models import CreditEntry, Invoice, Order
from plugins.booking.models import Booking
from tests.ops.conftest import new_postgres_database

DATA = Path(__file__).resolve().parents[1] / "data"
FACTS = json.loads((DATA / "release-0.1.json").read_text())


def load_release(database_url: str, tmp_path) -> str:
    """The release's database, loaded from its SQL dump into a new database."""
    if database_url.startswith("sqlite"):
        path = tmp_path / "release.db"
        connection = sqlite3.connect(path)
        connection.executescript((DATA / "release-0.1.sqlite.sql").read_text())
        connection.close()
        return f"sqlite:///{path}"
    if shutil.which("psql") is None:
        pytest.fail("psql is needed to load the release's PostgreSQL dump (apt-get install postgresql-client)")
    url = make_url(new_postgres_database(database_url, "release"))
    subprocess.run(["psql", "--quiet", "--set", "ON_ERROR_STOP=1", "--host", url.host or "127.0.0.1",
                    "--port", str(url.port or 5432), "--username", url.username or "postgres",
                    "--dbname", url.database, "--file", str(DATA / "release-0.1.postgresql.sql")],
                   check=True, capture_output=True, env={"PGPASSWORD": str(url.password or ""),
                                                         "PATH": "/usr/bin:/bin"})
    return str(url.render_as_string(hide_password=False))


def test_the_first_release_upgrades_to_head_with_its_data(app_factory, database_url, tmp_path):
    url = load_release(database_url, tmp_path)
    engine = create_engine(url)
    with engine.connect() as conn:
        before = set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    engine.dispose()
    assert before == {"0002_site_photos", "0001_booking", "0001_billing"}

    app = app_factory(SQLALCHEMY_DATABASE_URI=url, JOBS_RUN="worker")
    with app.app_context():
        flask_migrate.upgrade(revision="heads")
        bookings = {str(b.id): [b.member.email, b.status, b.starts_at.isoformat()]
                    for b in db.session.scalars(select(Booking).order_by(Booking.id))}
        assert bookings == FACTS["bookings"]
        invoices = {i.reference: [i.kind, i.total_ttc_cents, i.member_id]
                    for i in db.session.scalars(select(Invoice).order_by(Invoice.id))}
        assert invoices == FACTS["invoices"]
        assert db.session.scalar(select(func.count()).select_from(Order)) == FACTS["orders"]
        assert db.session.scalar(select(func.count()).select_from(CreditEntry)) == FACTS["credit_entries"]
        for email, days in FACTS["credits"].items():
            member = User.by_email(email)
            assert db.session.scalar(select(func.sum(CreditEntry.delta))
                                     .where(CreditEntry.member_id == member.id)) == days
        assert sorted(db.session.scalars(select(User.email))) == FACTS["accounts"]
        db.session.remove()

    # The upgraded database serves today's app: a member of the release signs in and sees a booking.
    browser = app.test_client()
    email = FACTS["bookings"]["6"][0]
    assert browser.post("/login", data={"email": email, "password": "telecentre-2012"}).status_code == 303
    page = browser.get("/booking/mine")
    assert page.status_code == 200
    with app.app_context():
        db.engine.dispose()
