"""What the core adds to a request: session, module guard, hook views, layout, against bare Flask.

Both run in process through the test client on one SQLite file, so the ratio shows the cost of
the platform's plumbing (not of the network). Run with `make bench` or `python -m bench bench_core`.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from flask import Flask

from bench.timing import report, sample

ROOT = Path(__file__).resolve().parents[1]


def _platform_app(folder: str):
    import flask_migrate

    from core import create_app
    from core.demo import seed
    from core.extensions import db

    os.environ["TIERSLIEUX_INSTANCE"] = folder
    app = create_app(ROOT / "examples" / "territories" / "aveyron-lot-cantal.toml", {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.db", "SECRET_KEY": "bench",
        "JOBS_RUN": "worker", "RATELIMIT_ENABLED": False,
        # The plumbing of a request that is handled (core/pagecache.py would answer the visitors'
        # pages from its copy), and a sign-in through the form without its token.
        "PAGE_CACHE_SECONDS": 0, "WTF_CSRF_ENABLED": False})
    with app.app_context():
        flask_migrate.upgrade(revision="heads")
        seed()
        db.session.remove()
    return app


def main():
    bare = Flask("bare")

    @bare.get("/")
    def hello():
        return "hello"

    bare_client = bare.test_client()
    baseline = sample(lambda: bare_client.get("/"), repeat=300)
    with tempfile.TemporaryDirectory() as folder:
        app = _platform_app(folder)
        client = app.test_client()
        report("GET /api/v1/sites (JSON, 5 sites)", sample(lambda: client.get("/api/v1/sites"), repeat=300),
               baseline, "bare Flask")
        report("GET /sites (page, anonymous)", sample(lambda: client.get("/sites"), repeat=200), baseline,
               "bare Flask")
        signed = client.post("/login", data={"email": "camille.martin@demo.tierslieux.fr", "password": "telecentre-2012"})
        assert signed.status_code == 303, signed.status_code  # else the next line would time a visitor
        report("GET / (home, signed in: widgets)", sample(lambda: client.get("/"), repeat=200), baseline,
               "bare Flask")
        with app.app_context():
            from core.extensions import db

            db.engine.dispose()
