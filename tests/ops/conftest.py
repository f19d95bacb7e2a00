"""Operations tests: real nginx, gunicorn, workers, pg_dump (issue 14).

nginx is Debian's (`apt-get install -y nginx`, which .ci/run does): the tests that need it
are marked `nginx`, skipped where it is missing, and mandatory when CI is set.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time

import pytest

from tests.plugins.booking.conftest import make_resource  # noqa: F401 - fixture

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def pytest_collection_modifyitems(config, items):
    if os.path.exists(NGINX):
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"the deployment tests need nginx at {NGINX} (CI installs it)")
    skip = pytest.mark.skip(reason="nginx is not installed (apt-get install -y nginx)")
    for item in items:
        if "nginx" in item.keywords:
            item.add_marker(skip)


def new_postgres_database(database_url: str, suffix: str) -> str:
    """An empty PostgreSQL database beside the test's (`<name>_<suffix>`, made again each time)."""
    from sqlalchemy import create_engine, text

    base, name = database_url.rsplit("/", 1)
    admin = create_engine(database_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}_{suffix}"'))
        conn.execute(text(f'CREATE DATABASE "{name}_{suffix}"'))
    admin.dispose()
    return f"{base}/{name}_{suffix}"


def wait_port(port: int, process: subprocess.Popen, log=None, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{process.args[0]} exited: " + (log.read_text() if log else ""))
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"nothing listens on {port} after {timeout} s")


@pytest.fixture
def started():
    """Processes a test starts, stopped (SIGTERM, then SIGKILL) whatever happens."""
    processes = []
    yield processes.append
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


@pytest.fixture
def desks_and_members(app, make_site, make_user):
    """The demo's Figeac telecentre with four desks, and three members: their ids."""
    from core.extensions import db
    from core.sites.service import site_by_slug
    from plugins.booking.resources import save_resource
    from tests.ops.ops_writes import SITE

    make_site(SITE, commune="Figeac")
    with app.app_context():
        for n in range(1, 5):
            save_resource(site_by_slug(SITE), None, kind="desk", name=f"Poste {n}", group_name="Open space")
        db.session.commit()
    return [make_user().id for _ in range(3)]
