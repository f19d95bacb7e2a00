"""A real process of the app for crash tests: `python serve.py web PORT` or `python serve.py worker`.

Its settings (database, SMTP, Stripe, job lease) come as JSON in CRASH_APP_SETTINGS, so the
process is the app the test configured; the test kills it with SIGKILL where it wants.
"""
from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from core import create_app  # noqa: E402
from core.jobs import runner  # noqa: E402


def main():
    role = sys.argv[1]
    settings = json.loads(os.environ["CRASH_APP_SETTINGS"])
    app = create_app(ROOT / "tests" / "territory.toml", settings)
    if role == "web":
        from werkzeug.serving import make_server

        server = make_server("127.0.0.1", int(sys.argv[2]), app, threaded=True)
        print("ready", flush=True)
        server.serve_forever()
    elif role == "worker":
        print("ready", flush=True)
        runner.work(app, threading.Event(), interval=0.2)
    elif role == "worker-once":
        with app.app_context():
            print(f"done {runner.run_pending()}", flush=True)


if __name__ == "__main__":
    main()
