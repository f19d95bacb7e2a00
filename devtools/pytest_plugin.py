"""The test fixtures of Tiers-Lieux, as a pytest plugin (registered through `pytest11`).

Any project with `tierslieux[test]` (or `[dev]`) installed gets them with no conftest to copy:
this repository and a plugin developed in its own. Each test taking `app` gets a fresh database
built by the migrations (never `create_all`): on SQLite a copy of a template migrated once per
run, on PostgreSQL (when TEST_DATABASE_URL is set) the same schema emptied between tests. Tests
taking `app` run once per database.

Settings (pytest ini file, e.g. `[tool.pytest.ini_options]` in pyproject.toml):

- `tierslieux_territory = tests/territory.toml`: the territory file, relative to the ini file
  (default: `devtools/territory.toml`, the core alone);
- `tierslieux_plugins = mypkg.plugin`: plugin modules (one a line) offered and switched on in
  the test app, and migrated with the template database, so their tables exist. Overriding
  the `tierslieux_plugins` fixture does the same from a conftest.

A test module may also offer plugins for itself with `EXTRA_PLUGINS = (plugin, ...)`: they
start switched off and, the template being migrated once, cannot bring tables.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import time
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

import argon2
import flask_migrate
import pytest
from argon2 import PasswordHasher
from flask.testing import FlaskClient
from jinja2 import BytecodeCache
from sqlalchemy import create_engine, text

from core import create_app
from core.accounts import passwords
from core.extensions import db

DEFAULT_TERRITORY = Path(__file__).resolve().parent / "territory.toml"
PASSWORD = "correct horse battery staple"
PG_URL = os.environ.get("TEST_DATABASE_URL")


def _compile_url_builders_once() -> None:
    """Every test builds its app anew, and werkzeug compiles two small Python functions per URL
    rule when a blueprint is registered (ast + compile: two thirds of `create_app`'s time with
    ~140 rules, measured with cProfile). A builder depends only on the rule's text, host or
    subdomain and defaults, so a test process compiles each one once and shares it (each app
    still binds it to its own rule). Production builds one app per process and is not touched.
    If werkzeug renames the method, apps are built the ordinary way."""
    from werkzeug.routing.rules import Rule

    compile_builder = getattr(Rule, "_compile_builder", None)
    if compile_builder is None or getattr(compile_builder, "shared", False):
        return
    builders = {}

    def shared(self, append_unknown=True):
        key = (self.rule, self.subdomain, self.host, self.map.host_matching, self.merge_slashes,
               repr(sorted((self.defaults or {}).items())), append_unknown)
        if key not in builders:
            builders[key] = compile_builder(self, append_unknown)
        return builders[key]

    shared.shared = True
    Rule._compile_builder = shared


_compile_url_builders_once()


class _SharedTemplateCode(BytecodeCache):
    """Jinja's compiled templates, shared by every app a test process builds. Each test's app has
    its own Jinja environment, which parsed and compiled every template it rendered anew (a tenth
    of a page test's time, measured with cProfile on the fuzzing crawl). Jinja keys the code by
    the template's name and file and checks it against the source's checksum, so an edited
    template is compiled again. Production builds one app per process and does not use it."""

    def __init__(self):
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if (code := self.codes.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket):
        self.codes[bucket.key] = bucket.bytecode_to_string()


_TEMPLATE_CODE = _SharedTemplateCode()

# SQLAlchemy keeps each statement's compiled SQL in its engine, keyed by the engine's dialect
# object: every test's new engine compiled every statement it ran anew (a sixth of the time of
# three plugins' test files under cProfile; shared, they ran in 42 s instead of 55-61). The engines a test process makes
# for the apps share one dialect and one compiled cache per kind of database, as one engine of
# a production process does for all its requests. Each engine keeps its own pool, connections
# and events; a dialect of other settings (another class or isolation level) is not shared.
_SHARED_SQL: dict = {}


def _share_compiled_sql(app) -> None:
    from sqlalchemy.util import LRUCache

    with app.app_context():
        for engine in db.engines.values():
            dialect = engine.dialect
            key = (type(dialect), dialect.paramstyle, getattr(dialect, "isolation_level", None),
                   getattr(dialect, "_json_serializer", None), getattr(dialect, "_json_deserializer", None))
            if key not in _SHARED_SQL:
                try:
                    with engine.connect():  # the dialect learns the server's version and features
                        pass
                except Exception:  # noqa: BLE001 (a database a test means to be unreachable: left alone)
                    continue
                _SHARED_SQL[key] = (dialect, LRUCache(20_000))
            engine.dialect, engine._compiled_cache = _SHARED_SQL[key]
            engine.pool._dialect = engine.dialect


# Argon2's defaults cost ~50 ms of CPU a hash by design, and the suite makes thousands of
# accounts and sign-ins (profiled: a third of some tests' set-up). Tests take argon2's cheapest
# profile; production keeps the defaults (core/accounts/passwords.py).
passwords.use_hasher(PasswordHasher.from_parameters(argon2.profiles.CHEAPEST))


def pytest_addoption(parser):
    parser.addini("tierslieux_territory", "Tiers-Lieux: the territory TOML file of the test app",
                  type="paths", default=[])
    parser.addini("tierslieux_plugins", "Tiers-Lieux: plugin modules offered (and migrated) in the "
                  "test app", type="linelist", default=[])


def build_app(database_url: str, mail: tuple[str, int], instance: Path, territory: Path = DEFAULT_TERRITORY,
              plugins=(), **overrides):
    """The app as the fixtures make it, for a test that needs a second one (or a subprocess)."""
    settings = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "MAIL_SERVER": mail[0],
        "MAIL_PORT": mail[1],
        "SERVER_NAME": "tierslieux.test",
        "RATELIMIT_STORAGE_URI": "memory://",
        "WTF_CSRF_ENABLED": False,
        "JOBS_RUN": "inline",  # jobs run right after the commit that enqueued them
        "JOBS_BACKOFF_SECONDS": 0,
        "PAGE_CACHE_SECONDS": 0,  # each test sees its own changes at once (tests/core/test_pagecache.py: on)
    }
    settings.update(overrides)
    os.environ["TIERSLIEUX_INSTANCE"] = str(instance)
    app = create_app(territory, settings, extra_plugins=tuple(plugins))
    app.jinja_env.bytecode_cache = _TEMPLATE_CODE
    _share_compiled_sql(app)
    return app


# ------------------------------------------------------------------------------------------
# What the project tests: its territory and its plugins
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def tierslieux_territory(pytestconfig) -> Path:
    paths = pytestconfig.getini("tierslieux_territory")
    return Path(paths[0]) if paths else DEFAULT_TERRITORY


@pytest.fixture(scope="session")
def tierslieux_plugins(pytestconfig) -> tuple:
    """The plugin modules under test: offered, switched on and migrated in every test app."""
    return tuple(import_module(name) for name in pytestconfig.getini("tierslieux_plugins"))


# ------------------------------------------------------------------------------------------
# Mail: a real SMTP server on localhost
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def smtp_server():
    """A real SMTP server on a free port (`.hostname`, `.port`), keeping what it receives."""
    # Imported here so that this plugin, loaded by every pytest run where tierslieux is
    # installed, never breaks one that lacks the dev extra's aiosmtpd.
    from devtools.smtp_sink import CollectingSink

    sink = CollectingSink().start()
    yield sink
    sink.stop()


@dataclass
class Mailbox:
    sink: object

    @property
    def messages(self):
        with self.sink.lock:
            return list(self.sink.messages)

    def to(self, address):
        return [m for m in self.messages if m["To"] == address]

    def wait_for(self, count=1, timeout=5.0):
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.messages

    def clear(self):
        with self.sink.lock:
            self.sink.messages.clear()


@pytest.fixture
def mailbox(smtp_server):
    """The e-mails the app sent during this test (`.messages`, `.to(address)`, `.wait_for(n)`)."""
    box = Mailbox(smtp_server)
    box.clear()
    yield box
    box.clear()


# ------------------------------------------------------------------------------------------
# Databases
# ------------------------------------------------------------------------------------------


def _backends():
    return ["sqlite", "postgresql"] if PG_URL else ["sqlite"]


def _migrate(url: str, instance: Path, territory: Path, plugins) -> None:
    app = build_app(url, ("127.0.0.1", 25), instance, territory, plugins, SECRET_KEY="migrations")
    with app.app_context():
        flask_migrate.upgrade(revision="heads")
        db.engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory, tierslieux_territory, tierslieux_plugins) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    _migrate(f"sqlite:///{path}", path.parent, tierslieux_territory, tierslieux_plugins)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:  # fold the WAL into the file so a plain copy is complete
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


def _worker_database(url: str, worker: str) -> str:
    """Under pytest-xdist, each worker gets its own database beside TEST_DATABASE_URL's
    (`test_gw0`, `test_gw1`, ...), created if missing: workers never empty each other's tables."""
    if worker in ("", "master"):
        return url
    base, name = url.rsplit("/", 1)
    mine = f"{name}_{worker}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": mine}).scalar():
                conn.execute(text(f'CREATE DATABASE "{mine}"'))
    finally:
        admin.dispose()
    return f"{base}/{mine}"


@pytest.fixture(scope="session")
def postgres_url(request, tmp_path_factory, tierslieux_territory, tierslieux_plugins) -> str:
    # pytest-xdist's worker name ("gw0", ...) when the suite runs in several processes.
    worker = getattr(request.config, "workerinput", {}).get("workerid", "master")
    try:
        url = _worker_database(PG_URL, worker)
        engine = create_engine(url)
        try:
            with engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
                # A commit need not wait for the WAL to reach the disk (about 3 ms each here):
                # only a crash of the PostgreSQL server could lose the last ones, and nothing in
                # the suite crashes the server. Applies to the connections opened from now on.
                name = engine.url.database
                conn.execute(text(f'ALTER DATABASE "{name}" SET synchronous_commit = off'))
        finally:
            engine.dispose()
    except Exception as exc:  # CI sets TEST_DATABASE_URL and must fail loudly if it is down
        pytest.exit(f"TEST_DATABASE_URL={PG_URL} is not reachable: {exc}", returncode=3)
    _migrate(url, tmp_path_factory.mktemp("pg"), tierslieux_territory, tierslieux_plugins)
    _REFERENCE_TABLES[url] = _filled_tables(url)
    _KEPT_SEQUENCES[url] = _kept_sequences(url)
    return url



# Tables the migrations fill (reference data, e.g. the directory's ROME vocabulary) are kept
# between tests, as the SQLite template keeps them; a test that changes one puts it back.
_REFERENCE_TABLES: dict[str, set[str]] = {}


def _filled_tables(url: str, conn=None) -> set[str]:
    """The tables of the public schema holding at least one row (one query)."""
    if conn is None:
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                return _filled_tables(url, conn)
        finally:
            engine.dispose()
    tables = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                               "AND tablename <> 'alembic_version'")).scalars().all()
    if not tables:
        return set()
    probe = " UNION ALL ".join(f"(SELECT '{name}' FROM \"{name}\" LIMIT 1)" for name in tables)
    return set(conn.execute(text(probe)).scalars())


def _empty_postgres(url: str) -> None:
    """Empty the tables a test filled and restart the sequences it used. One query finds the
    tables holding rows (most tests touch a handful of the schema's); they are emptied with
    DELETE, foreign-key triggers off for this transaction (the suite's PostgreSQL user is a
    superuser): a few milliseconds, where `TRUNCATE ... CASCADE` took a quarter to a whole second
    a test, since it rewrites every table referencing those (dozens reference the accounts).
    Only the sequences read since their last restart are restarted (`pg_sequences.last_value`
    is NULL until then), not the sixty of the schema: that and a kept connection made this
    30 ms instead of 70 a test."""
    engine = _ENGINES.get(url) or _ENGINES.setdefault(url, create_engine(url))
    kept_tables, kept_sequences = _REFERENCE_TABLES.get(url, set()), _KEPT_SEQUENCES.get(url, [])
    with engine.begin() as conn:
        filled = _filled_tables(url, conn) - kept_tables
        if filled:
            conn.execute(text("SET LOCAL session_replication_role = replica"))
            for name in sorted(filled):
                conn.execute(text('DELETE FROM "%s"' % name))
        conn.execute(text("SELECT setval(format('%I.%I', schemaname, sequencename)::regclass, 1, false) "
                          "FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL "
                          "AND sequencename <> ALL(:kept)"), {"kept": kept_sequences})


def _kept_sequences(url: str) -> list[str]:
    """The sequences of the reference tables (serial or identity columns): never restarted."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "JOIN pg_depend d ON d.objid = c.oid AND d.deptype IN ('a', 'i') "
                "JOIN pg_class t ON t.oid = d.refobjid "
                "WHERE c.relkind = 'S' AND n.nspname = 'public' AND t.relname = ANY(:kept)"),
                {"kept": sorted(_REFERENCE_TABLES.get(url, set()))}).scalars())
    finally:
        engine.dispose()


# A job failing fails the test, unless the test expects it --------------------------------

# Retried in the background and logged, a failing job goes unseen: boards' weekly digest failed
# on a TypeError for weeks while its test matched another mail. So any job failure (an error, a
# lost lease, the inline runner itself failing) fails the test it happened in, unless the test
# names it: `@pytest.mark.job_failures("mail.send.*ConnectionRefusedError")`, each pattern a
# regular expression searched in the log line ("job 3 (mail.send) failed (attempt 1): ...").
_FAILURE_LINES = (" failed (attempt ", " lost its lease", "running jobs inline failed", "worker loop error")


def pytest_configure(config):
    config.addinivalue_line("markers", "job_failures(*patterns): this test makes jobs fail on purpose; each "
                                       "failure's log line must match one of the patterns (regular expressions)")
    config.addinivalue_line("markers", "one_database: runs on PostgreSQL only when TEST_DATABASE_URL is set "
                                       "(on SQLite otherwise), not on both")


def pytest_collection_modifyitems(config, items):
    """A test marked `one_database` runs once: on PostgreSQL when the suite has it, else on SQLite.
    For the long crawls (every page and form fuzzed as each kind of user: half a minute to a minute
    each, a tenth of the suite's time on two databases): PostgreSQL is production's database, and
    the stricter with bad input (NUL bytes, integer ranges, text lengths)."""
    if not PG_URL:
        return
    kept, dropped = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        once = item.get_closest_marker("one_database") is not None
        (dropped if once and params.get("database_url") == "sqlite" else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


class _JobFailures(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.found: list[str] = []

    def emit(self, record):
        message = record.getMessage()
        if any(line in message for line in _FAILURE_LINES):
            self.found.append(message)


@pytest.fixture(autouse=True)
def _jobs_never_fail_unseen(request):
    """Fail the test in which a job (run inline, by a thread or by `run_pending`) failed and the
    test's `job_failures` marker does not name that failure."""
    handler, logger = _JobFailures(), logging.getLogger("tierslieux.jobs")
    logger.addHandler(handler)
    yield
    logger.removeHandler(handler)
    marker = request.node.get_closest_marker("job_failures")
    expected = [re.compile(pattern) for pattern in (marker.args if marker else ())]
    unexpected = [line for line in handler.found if not any(p.search(line) for p in expected)]
    if unexpected:
        pytest.fail("a job failed unexpectedly (mark the test `job_failures(...)` if on purpose): "
                    + " | ".join(unexpected), pytrace=False)


# One engine a database for emptying it between tests: its pooled connection is kept.
_ENGINES: dict = {}
_KEPT_SEQUENCES: dict[str, list[str]] = {}


@pytest.fixture(params=_backends())
def database_url(request, tmp_path) -> str:
    """A fresh, migrated database: SQLite, then PostgreSQL when TEST_DATABASE_URL is set."""
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("postgres_url")
    _empty_postgres(url)
    return url


# ------------------------------------------------------------------------------------------
# The app
# ------------------------------------------------------------------------------------------


@pytest.fixture
def app_factory(database_url, smtp_server, tmp_path, tierslieux_territory, tierslieux_plugins):
    """`app_factory(plugins=(), **settings)`: an app on this test's database (`app` is one)."""
    made = []

    def make(plugins=(), **overrides):
        app = build_app(database_url, (smtp_server.hostname, smtp_server.port), tmp_path / "instance",
                        tierslieux_territory, tuple(tierslieux_plugins) + tuple(plugins), **overrides)
        # The plugins under test are on, as if the territory listed them in modules.enabled.
        registry = app.extensions["tierslieux"]
        registry.default_enabled |= {plugin.MODULE.name for plugin in tierslieux_plugins}
        made.append(app)
        return app

    yield make
    for app in made:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def app(request, app_factory):
    """The app; a test module may offer more plugins by naming them in `EXTRA_PLUGINS`."""
    return app_factory(plugins=getattr(request.module, "EXTRA_PLUGINS", ()))


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
    """`make_user(role="member", email=None, sites=(), ...)`: a confirmed account (a `Person`)."""
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
def api_token(app):
    """`api_token(person)`: the secret of a new API bearer token of that person (committed)."""
    from core.accounts.models import User
    from core.api.tokens import create_token

    def make(person) -> str:
        with app.app_context():
            secret = create_token(db.session.get(User, person.id), "test")
            db.session.commit()
            return secret

    return make


@pytest.fixture
def make_site(app):
    """`make_site(slug="figeac", name=None, hours=None, **fields)`: a published site; its slug."""
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
            db.session.commit()
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
    """`auth.login(person)` / `auth.logout()` through the real form."""
    return Auth(client)
