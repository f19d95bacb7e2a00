"""A job's lease renewed while its handler runs (`core.jobs.runner._Renewing`), on SQLite: the
renewal never waits for the write lock the handler's own transaction holds (found by a review;
the test failed before its fix)."""
from __future__ import annotations

import logging
import time

import pytest
from sqlalchemy import event, select

from core import audit
from core.extensions import db
from core.hookspecs import hookimpl
from core.jobs import Job, enqueue, run_pending
from core.plugins import Module

LEASE = 0.6  # seconds, scaled down as in tests/ops/test_jobs_late_and_repeated.py


def _write_then_work():
    audit.record(None, "lease.ran", "lease:1")
    db.session.flush()  # the write reaches the database: SQLite's write lock is now held
    time.sleep(LEASE * 0.6)  # the handler goes on past the first renewal beat (LEASE / 3)


class LeaseJobs:
    MODULE = Module(name="leasejobs", label="Lease jobs")

    @hookimpl
    def job_handlers(self):
        return {"lease.write_then_work": _write_then_work}


EXTRA_PLUGINS = (LeaseJobs(),)


def _short_busy_timeout(app, ms):
    """The engine's busy timeout (30 s) scaled down like the lease, so the test is quick."""
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            return False

        @event.listens_for(db.engine, "connect")
        def _busy(dbapi_connection, _record):
            dbapi_connection.execute(f"PRAGMA busy_timeout={ms}")

        db.session.remove()
        db.engine.dispose()
    return True


def test_a_writing_job_is_not_held_up_by_its_lease_renewal_on_sqlite(app, caplog):
    """The handler runs inside `writing()`: its first write takes SQLite's write lock (BEGIN
    IMMEDIATE) until the "done" mark commits. The renewal thread's beat (LEASE/3) waited for
    that lock on its own connection, and the runner joined the thread before committing: the
    job ended only when the busy timeout (30 s in production) ran out, every other writer
    stopped meanwhile. The beat now gives up at once (the lock held, no other worker can claim
    the job either) and tries again at the next."""
    if not _short_busy_timeout(app, 3000):
        pytest.skip("SQLite's write lock only")
    app.config["JOBS_RUN"] = "worker"
    app.config["JOBS_LEASE_SECONDS"] = LEASE
    with app.app_context():
        enqueue("lease.write_then_work")
        db.session.commit()
        started = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="tierslieux.jobs"):
            assert run_pending() == 1
        took = time.monotonic() - started
        assert db.session.scalar(select(Job.status)) == "done"
        db.session.rollback()
    # The handler itself takes LEASE*0.6 = 0.36 s; a beat that waited for the lock took 3 s more.
    assert took < 1.5, f"job took {took:.1f} s (handler 0.36 s)"
