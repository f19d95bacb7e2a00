"""Scale out: two gunicorn instances and two workers on one PostgreSQL and one Redis serve one
territory; bookings raced across both servers give one booking per slot, and each job runs
once (issue 14, item 6)."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.extensions import db
from core.jobs.models import Job, WorkerBeat
from devtools.ports import free_port
from plugins.booking.models import Booking
from tests.ops.conftest import wait_port
from tests.plugins.booking.booking_dates import next_weekday
from tests.plugins.conventions.conventions_helpers import post_json

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = 8


@pytest.mark.slow
def test_two_app_servers_and_two_workers_keep_one_booking_per_slot(app, database_url, tmp_path, smtp_server,
                                                                   make_site, make_resource, make_user,
                                                                   api_token, mailbox, started):
    if not database_url.startswith("postgresql"):
        pytest.skip("scaling out is on PostgreSQL (TEST_DATABASE_URL)")
    make_site("figeac")
    desk = make_resource("figeac", "desk", "Poste 1")
    members = [make_user() for _ in range(CLIENTS)]
    tokens = [api_token(member) for member in members]

    env = {**os.environ, "TIERSLIEUX_CONFIG": str(ROOT / "tests" / "territory.toml"), "DATABASE_URL": database_url,
           "REDIS_URL": os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0"),
           "TIERSLIEUX_INSTANCE": str(tmp_path), "TIERSLIEUX_SECRET_KEY": "one-secret-for-every-server",
           "TIERSLIEUX_PUBLIC_URL": "http://127.0.0.1", "MAIL_SERVER": smtp_server.hostname,
           "MAIL_PORT": str(smtp_server.port), "TIERSLIEUX_JOBS": "worker", "PYTHONPATH": str(ROOT),
           "PYTHONUNBUFFERED": "1"}
    ports = [free_port(), free_port()]
    servers = []
    for port in ports:
        server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--no-control-socket", "--workers", "1",
                                   "--bind", f"127.0.0.1:{port}", "core:create_app()"], cwd=ROOT, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        started(server)
        servers.append(server)
    for n in range(2):
        with open(tmp_path / f"worker{n}.log", "w") as log:
            started(subprocess.Popen([str(Path(sys.executable).parent / "tierslieux"), "worker", "--interval", "0.2"],
                                     cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
    for port, server in zip(ports, servers):
        wait_port(port, server)

    # Both servers healthy once both workers have beaten.
    deadline = time.monotonic() + 120  # generous: starting six Pythons on a busy machine
    while True:
        with app.app_context():
            beats = db.session.scalar(select(func.count()).select_from(WorkerBeat))
            db.session.remove()
        if beats == 2:
            break
        assert time.monotonic() < deadline, (f"{beats} worker(s) beat", (tmp_path / "worker0.log").read_text())
        time.sleep(0.1)
    for port in ports:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=60) as response:
            assert response.status == 200

    # Every client at once, half on each server, for one slot.
    day = next_weekday()
    body = {"resource": desk, "start": f"{day}T08:30", "end": f"{day}T12:30"}
    barrier = threading.Barrier(CLIENTS)
    results = [None] * CLIENTS

    def race(index):
        barrier.wait()
        results[index] = post_json(f"http://127.0.0.1:{ports[index % 2]}/api/v1/bookings", tokens[index], body)

    threads = [threading.Thread(target=race, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    statuses = sorted(status for status, _ in results)
    assert statuses.count(201) == 1 and statuses.count(409) == CLIENTS - 1, results
    winner = members[next(i for i, (status, _) in enumerate(results) if status == 201)]

    # The workers send the winner's confirmation once between them, and leave nothing behind.
    deadline = time.monotonic() + 120  # generous: starting six Pythons on a busy machine
    while True:
        with app.app_context():
            left = db.session.scalar(select(func.count()).select_from(Job).where(Job.status != "done"))
            db.session.remove()
        if left == 0 and mailbox.to(winner.email):
            break
        assert time.monotonic() < deadline, f"{left} job(s) not done"
        time.sleep(0.1)
    time.sleep(0.5)  # a second sending, were there one, would arrive now
    assert len(mailbox.to(winner.email)) == 1
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Booking)) == 1
        db.session.remove()
