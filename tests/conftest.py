"""Fixtures shared by every test: an app on a migrated database, a real SMTP server, users.

Each test gets a fresh database built by the migrations (never `create_all`): on SQLite a copy
of a template migrated once per run, on PostgreSQL (when TEST_DATABASE_URL is set) the same
schema emptied between tests. Tests taking `app` run once per database.
"""
from __future__ import annotations

import email
import os
import shutil
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import flask_migrate
import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import create_engine, text

from flask.testing import FlaskClient

from core import create_app
from core.extensions import db

HERE = Path(__file__).parent
CONFIG = HERE / "territory.toml"
PASSWORD = "correct horse battery staple"
PG_URL = os.environ.get("TEST_DATABASE_URL")


def _backends():
    return ["sqlite", "postgresql"] if PG_URL else ["sqlite"]


# ------------------------------------------------------------------------------------------
# Mail: a real SMTP server on localhost
# ------------------------------------------------------------------------------------------


class _Collect:
    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def smtp_server():
    handler = _Collect()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller
    controller.stop()


@dataclass
class Mailbox:
    handler: _Collect

    @property
    def messages(self):
        with self.handler.lock:
            return list(self.handler.messages)

    def to(self, address):
        return [m for m in self.messages if m["To"] == address]

    def wait_for(self, count=1, timeout=5.0):
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.messages

    def clear(self):
        with self.handler.lock:
            self.handler.messages.clear()


@pytest.fixture
def mailbox(smtp_server):
    box = Mailbox(smtp_server.handler)
    box.clear()
    yield box
    box.clear()


# ------------------------------------------------------------------------------------------
# Databases
# ------------------------------------------------------------------------------------------


def _migrate(url: str, instance: Path) -> None:
    app = create_app(CONFIG, {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "migrations", "TESTING": True},
                     extra_plugins=extra_plugins())
    with app.app_context():
        flask_migrate.upgrade(revision="heads")
        db.engine.dispose()


def extra_plugins():
    """Plugins the test territory offers beyond those installed (none by default)."""
    return ()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    _migrate(f"sqlite:///{path}", path.parent)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:  # fold the WAL into the file so a plain copy is complete
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_url(tmp_path_factory) -> str:
    engine = create_engine(PG_URL)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    except Exception as exc:  # CI sets TEST_DATABASE_URL and must fail loudly if it is down
        pytest.exit(f"TEST_DATABASE_URL={PG_URL} is not reachable: {exc}", returncode=3)
    finally:
        engine.dispose()
    _migrate(PG_URL, tmp_path_factory.mktemp("pg"))
    return PG_URL


def _empty_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        tables = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                   "AND tablename <> 'alembic_version'")).scalars().all()
        if tables:
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=_backends())
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("postgres_url")
    _empty_postgres(url)
    return url


def make_app(database_url, smtp_server, tmp_path, plugins=(), **overrides):
    settings = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "MAIL_SERVER": smtp_server.hostname,
        "MAIL_PORT": smtp_server.port,
        "SERVER_NAME": "tierslieux.test",
        "RATELIMIT_STORAGE_URI": "memory://",
        "WTF_CSRF_ENABLED": False,  # tests/core/test_security.py turns it back on
    }
    settings.update(overrides)
    os.environ["TIERSLIEUX_INSTANCE"] = str(tmp_path / "instance")
    return create_app(CONFIG, settings, extra_plugins=tuple(extra_plugins()) + tuple(plugins))


@pytest.fixture
def app(request, database_url, smtp_server, tmp_path):
    """The app; a test module may offer more plugins by naming them in `EXTRA_PLUGINS`."""
    app = make_app(database_url, smtp_server, tmp_path, plugins=getattr(request.module, "EXTRA_PLUGINS", ()))
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


class ApiCsrfClient(FlaskClient):
    """The test client, with CSRF protection ON for every request under /api/.

    Page tests switch CSRF off to post forms without tokens; the API must work with it on, as
    in production (a blueprint under /api/ that is not exempt answers 400 to every POST).
    """

    def open(self, *args, **kwargs):
        path = args[0] if args and isinstance(args[0], str) else kwargs.get("path", "")
        if not str(path).startswith("/api/"):
            return super().open(*args, **kwargs)
        config = self.application.config
        before = config.get("WTF_CSRF_ENABLED", True)
        config["WTF_CSRF_ENABLED"] = True
        try:
            return super().open(*args, **kwargs)
        finally:
            config["WTF_CSRF_ENABLED"] = before


@pytest.fixture
def client(app):
    app.test_client_class = ApiCsrfClient
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


# ------------------------------------------------------------------------------------------
# Data factories (through the public services, never raw SQL)
# ------------------------------------------------------------------------------------------


@dataclass
class Person:
    id: int
    email: str
    password: str
    role: str


@pytest.fixture
def make_user(app):
    from core.accounts.service import create_user
    from core.sites.service import site_by_slug

    counter = iter(range(1, 10_000))

    def make(role="member", email=None, password=PASSWORD, sites=(), name=None, **extra) -> Person:
        email = email or f"{role}-{next(counter)}@example.org"
        with app.app_context():
            user = create_user(email, password, name or email.split("@")[0], role=role, confirmed=True,
                               sites=[site_by_slug(s) for s in sites])
            for key, value in extra.items():
                setattr(user, key, value)
            db.session.commit()
            return Person(user.id, user.email, password, role)

    return make


@pytest.fixture
def make_site(app):
    from datetime import time as t

    from core.sites.models import Site
    from core.sites.service import save_site, set_hours

    def make(slug="figeac", name=None, hours=None, **fields) -> str:
        with app.app_context():
            site = Site(slug=slug, name=name or slug.title(), address="1 place de la Mairie", postcode="46100",
                        commune=fields.pop("commune", slug.title()), departement=fields.pop("departement", "46"),
                        latitude=fields.pop("latitude", 44.6), longitude=fields.pop("longitude", 2.03), **fields)
            set_hours(site, hours if hours is not None else
                      {d: [(t(8, 30), t(12, 30)), (t(13, 30), t(18, 0))] for d in range(5)})
            save_site(site, None, created=True)
            return slug

    return make


class Auth:
    def __init__(self, client):
        self.client = client

    def login(self, person: Person, remember=False):
        response = self.client.post("/login", data={"email": person.email, "password": person.password,
                                                    "remember": "y" if remember else ""})
        assert response.status_code == 303, response.get_data(as_text=True)[:500]
        return response

    def logout(self):
        return self.client.post("/logout")


@pytest.fixture
def auth(client):
    return Auth(client)
