"""Booking creation over HTTP under gunicorn (2 workers), 50 concurrent clients, against a bare
Flask endpoint served the same way in the same run; peak resident memory of the workers."""
from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

from bench import booking_data as data
from bench.timing import summary

CLIENTS, PER_CLIENT = 50, 20


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _prepare(url: str, folder: Path) -> tuple[list[str], list[dict]]:
    """Members with API tokens, and one distinct request body per call (a few collide on purpose
    with the data set's bookings: those answer 409)."""
    from core.accounts.service import create_user
    from core.api.tokens import create_token
    from core.extensions import db
    from core.timeutil import today_at
    from plugins.booking.models import Resource

    app = data.make_app(url, folder)
    with app.app_context():
        stamp = int(time.time())  # a PostgreSQL database may be reused between runs
        tokens = [create_token(create_user(f"http{i}.{stamp}@bench.example", None, f"HTTP {i}"), "bench")
                  for i in range(CLIENTS)]
        db.session.commit()
        resources = [r for r, k in db.session.execute(db.select(Resource.id, Resource.kind)) if k == "desk"]
        db.engine.dispose()
    from core.sites.service import is_public_holiday

    days = [d for d in data.weekdays(today_at("Europe/Paris") + timedelta(days=1), 45) if not is_public_holiday(d)]
    bodies = []
    for n in range(CLIENTS * PER_CLIENT):
        day, resource = days[n % len(days)], resources[(n * 7) % len(resources)]
        half = ("08:30", "12:30") if n % 2 else ("13:30", "18:00")
        bodies.append({"resource": resource, "start": f"{day}T{half[0]}", "end": f"{day}T{half[1]}"})
    return tokens, bodies


def _serve(target: str, env: dict, port: int) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--no-control-socket", "-w", "2", "-b",
                               f"127.0.0.1:{port}", "--log-level", "warning", target],
                              cwd=data.ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            time.sleep(1.0)  # both workers up
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError(f"gunicorn did not start: {server.stderr.read().decode()[-2000:]}")


def _workers_peak_mb(master: int) -> list[float]:
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return []
    peaks = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
    return peaks


def _load(port: int, tokens: list[str], bodies: list[dict]):
    """CLIENTS threads, each sending PER_CLIENT POSTs in turn; returns (seconds, latencies, statuses)."""
    latencies, statuses, lock = [], [], threading.Lock()
    barrier = threading.Barrier(CLIENTS + 1)

    def client(i):
        barrier.wait()
        for body in bodies[i * PER_CLIENT:(i + 1) * PER_CLIENT]:
            start = time.perf_counter()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            try:
                conn.request("POST", "/api/v1/bookings", json.dumps(body), {
                    "Content-Type": "application/json", "Authorization": f"Bearer {tokens[i]}"})
                status = conn.getresponse().status
            except OSError:
                status = -1
            finally:
                conn.close()
            with lock:
                latencies.append(time.perf_counter() - start)
                statuses.append(status)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for t in threads:
        t.start()
    barrier.wait()
    began = time.perf_counter()
    for t in threads:
        t.join()
    return time.perf_counter() - began, latencies, statuses


def run(small_db: Path, url: str | None = None):
    """Serve the 10k data set: a copy of the SQLite file, or the PostgreSQL database at `url`."""
    # The SMTP sink runs in its own process: in this one it would wait for the clients' GIL.
    smtp_port = _port()
    smtp = subprocess.Popen([sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{smtp_port}",
                             "-c", "aiosmtpd.handlers.Sink"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        if url is None:
            db_path = folder / "http.db"
            shutil.copy(small_db, db_path)
            url = f"sqlite:///{db_path}"
        tokens, bodies = _prepare(url, folder)
        env = dict(os.environ, TIERSLIEUX_CONFIG=str(data.CONFIG), DATABASE_URL=url,
                   TIERSLIEUX_INSTANCE=str(folder), TIERSLIEUX_SECRET_KEY="bench", MAIL_SERVER="127.0.0.1",
                   MAIL_PORT=str(smtp_port), PYTHONPATH=str(data.ROOT))
        results = {}
        for name, target in (("bare Flask", "bench.booking_bare_wsgi:app"), ("booking", "core:create_app()")):
            port = _port()
            server = _serve(target, env, port)
            try:
                seconds, latencies, statuses = _load(port, tokens, bodies)
                peaks = _workers_peak_mb(server.pid)
            finally:
                server.terminate()
                server.wait(timeout=20)
            results[name] = (len(statuses) / seconds, summary(latencies), statuses, peaks)
    smtp.terminate()
    smtp.wait(timeout=10)
    bare_rps = results["bare Flask"][0]
    print(f"HTTP on {url.split(':')[0]}, gunicorn 2 workers, {CLIENTS} concurrent clients, "
          f"{CLIENTS * PER_CLIENT} POSTs each run:")
    for name, (rps, lat, statuses, peaks) in results.items():
        counts = {s: statuses.count(s) for s in sorted(set(statuses))}
        print(f"  {name:<10}: {rps:7.1f} req/s = {rps / bare_rps:6.1%} of bare Flask  "
              f"median {lat['median'] * 1000:6.1f} ms  p95 {lat['p95'] * 1000:6.1f} ms  statuses {counts}  "
              f"peak RSS per worker {', '.join(f'{p:.0f} MB' for p in peaks) or 'n/a'}")
    bad = [s for s in results["booking"][2] if s not in (201, 409)]
    print(f"  errors other than 409: {len(bad)} (target 0); throughput target >= 30% of bare Flask; "
          f"memory target < 150 MB per worker")
