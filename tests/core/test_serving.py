"""Production serving: gunicorn runs `core:create_app()` on the same configuration and database."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import _free_port

ROOT = Path(__file__).resolve().parents[2]


def test_gunicorn_serves_the_app_factory(tmp_path, sqlite_template):
    import shutil

    database = tmp_path / "prod.db"
    shutil.copy(sqlite_template, database)
    port = _free_port()
    env = dict(os.environ, TIERSLIEUX_CONFIG=str(ROOT / "tests" / "territory.toml"),
               DATABASE_URL=f"sqlite:///{database}", TIERSLIEUX_INSTANCE=str(tmp_path),
               TIERSLIEUX_ENV="production", TIERSLIEUX_SECRET_KEY="a-production-secret",
               TIERSLIEUX_PUBLIC_URL="https://127.0.0.1",  # the address the proxy serves
               REDIS_URL="redis://127.0.0.1:6379/0")  # reached by sign-in limits only: not here
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--no-control-socket", "-w", "2",
                               "-b", f"127.0.0.1:{port}", "core:create_app()"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/sites",
                                                 headers={"X-Forwarded-Proto": "https"})  # as the proxy says
                with urllib.request.urlopen(request, timeout=2) as response:
                    assert response.status == 200 and response.read() == b"[]\n"
                    assert "max-age" in response.headers["Strict-Transport-Security"]
                    break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "gunicorn did not answer in 30 s"
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=10)
