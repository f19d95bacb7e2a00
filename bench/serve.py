"""Serving an app under gunicorn with the production settings (deploy/gunicorn.conf.py, 2 workers)
and loading it with wrk (50 connections), or with Python threads where wrk is not installed.

Every HTTP figure of `make bench` comes from here, so the baselines (bare Flask, the minimal
booking write) and the platform are served and loaded the same way in the same run.
"""
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
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONF = ROOT / "deploy" / "gunicorn.conf.py"
LUA = Path(__file__).resolve().parent / "wrk.lua"
WORKERS, CONNECTIONS, THREADS = 2, 50, 2


def quick() -> bool:
    return bool(os.environ.get("BENCH_QUICK"))


def duration() -> int:
    """Seconds of load per measurement: short in quick mode."""
    return int(os.environ.get("BENCH_SECONDS") or (3 if quick() else 10))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Load:
    requests: int
    seconds: float
    p50: float  # seconds
    p95: float
    statuses: dict[int, int] = field(default_factory=dict)
    errors: int = 0  # socket errors (connect, read, write, timeout)
    repeats: int = 0  # bodies sent again once every one had been sent

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def status_text(self) -> str:
        text = ", ".join(f"{n:,} x {s}" for s, n in sorted(self.statuses.items()))
        return text + (f", {self.errors} socket errors" if self.errors else "")


class Server:
    """`with Server("core:create_app()", env) as server:` gunicorn on a free port."""

    def __init__(self, target: str, env: dict, workers: int = WORKERS):
        self.target, self.workers = target, workers
        self.port = free_port()
        self.env = dict(env, GUNICORN_BIND=f"127.0.0.1:{self.port}", GUNICORN_WORKERS=str(workers),
                        PYTHONPATH=str(ROOT))
        self.process = None

    def __enter__(self):
        self._log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", str(CONF), "--log-level", "warning", self.target],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=self._log)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            if len(self._children()) >= self.workers and self._answers():
                time.sleep(0.5)
                return self
            time.sleep(0.2)
        self.__exit__(None, None, None)
        self._log.seek(0)
        raise RuntimeError(f"gunicorn did not start: {self._log.read().decode()[-3000:]}")

    def _answers(self) -> bool:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
            conn.request("GET", "/bench-probe-404")
            conn.getresponse().read()
            conn.close()
            return True
        except OSError:
            return False

    def settle(self) -> None:
        """Wait until the requests a finished load left queued are answered (a probe sent now
        is answered after them), so they do not count in the next measurement."""
        for _ in range(100):
            if self._answers():
                return
            time.sleep(0.5)

    def warm_up(self, paths=(), headers=None, bodies=()) -> None:
        """A few requests of each kind first, so each worker has compiled its templates and
        loaded its catalogues before anything is timed."""
        for _ in range(2 * self.workers):
            for path in paths:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                conn.request("GET", path, headers=headers or {})
                conn.getresponse().read()
                conn.close()
        for path, token, body in bodies:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            conn.request("POST", path, json.dumps(body), {"Content-Type": "application/json",
                                                         "Authorization": f"Bearer {token}"})
            conn.getresponse().read()
            conn.close()

    def _children(self) -> list[str]:
        try:
            return Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        except OSError:
            return []

    def peak_rss_mb(self) -> list[float]:
        peaks = []
        for pid in self._children():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peaks.append(int(line.split()[1]) / 1024)
            except OSError:
                pass
        return peaks

    def errors_logged(self) -> str:
        self._log.seek(0)
        return self._log.read().decode(errors="replace")

    def __exit__(self, *exc):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def load(port: int, path: str, *, seconds: int | None = None, headers: dict | None = None,
         bodies: list[tuple[str, dict]] | None = None) -> Load:
    """GET `path` (with `headers`), or POST each of `bodies` ((token, JSON body)) to it, from
    CONNECTIONS connections for `seconds`."""
    seconds = seconds or duration()
    if shutil.which("wrk"):
        return _wrk(port, path, seconds, headers or {}, bodies)
    return _threads(port, path, seconds, headers or {}, bodies)


def _wrk(port, path, seconds, headers, bodies) -> Load:
    env = dict(os.environ, BENCH_WRK_THREADS=str(THREADS))
    with tempfile.NamedTemporaryFile("w", suffix=".tsv") as file:
        if bodies is not None:
            for token, body in bodies:
                file.write(f"{token}\t{json.dumps(body)}\n")
            file.flush()
            env["BENCH_WRK_BODIES"] = file.name
        command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "30s",
                   "-s", str(LUA)]
        for name, value in headers.items():
            command += ["-H", f"{name}: {value}"]
        result = subprocess.run(command + [f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True,
                                env=env, timeout=seconds + 120)
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("BENCH_JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk failed: {result.stdout[-2000:]} {result.stderr[-2000:]}")
    out = json.loads(line.split(" ", 1)[1])
    return Load(out["requests"], out["seconds"], out["p50"] / 1000, out["p95"] / 1000,
                {int(k): v for k, v in out["statuses"].items()},
                out["connect_errors"] + out["read_errors"] + out["write_errors"] + out["timeouts"],
                out["repeats"])


def _threads(port, path, seconds, headers, bodies) -> Load:
    """The fallback: CONNECTIONS Python threads (their GIL caps the rate near 3,000 req/s)."""
    latencies, statuses, lock = [], {}, threading.Lock()
    stop_at = time.perf_counter() + seconds
    errors = [0]
    counter = iter(range(10**9))

    def client():
        while time.perf_counter() < stop_at:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            start = time.perf_counter()
            try:
                if bodies is not None:
                    token, body = bodies[next(counter) % len(bodies)]
                    conn.request("POST", path, json.dumps(body), {
                        "Content-Type": "application/json", "Authorization": f"Bearer {token}"})
                else:
                    conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except OSError:
                status = None
            finally:
                conn.close()
            with lock:
                latencies.append(time.perf_counter() - start)
                if status is None:
                    errors[0] += 1
                else:
                    statuses[status] = statuses.get(status, 0) + 1

    began = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(CONNECTIONS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    ordered = sorted(latencies) or [0.0]
    return Load(len(latencies), elapsed, ordered[len(ordered) // 2], ordered[int(len(ordered) * 0.95) - 1],
                statuses, errors[0])


def loader_name() -> str:
    return f"wrk -t{THREADS} -c{CONNECTIONS}" if shutil.which("wrk") else f"{CONNECTIONS} Python threads"
