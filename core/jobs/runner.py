"""Running jobs: claim one, run its handler, mark it done in the same transaction.

Guarantees, on SQLite and PostgreSQL alike:
- a job is claimed by one worker at a time (`FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite's
  write lock serialises claims), and the claim is committed before the handler runs;
- a claim is a lease: a worker that died leaves its job "running" until `locked_until`, then
  any worker takes it back;
- the handler's database changes and the "done" mark commit together, and only while the
  worker still holds the lease (compare-and-set), so a job taken back never applies twice;
- a failure is retried with exponential back-off; after `max_attempts` the job is "dead",
  listed for the territory admin and retried by hand (`tierslieux jobs retry ID`).

Handlers touching outside services (SMTP, Stripe) end their read transaction before the call
and must be idempotent there (Stripe's Idempotency-Key): a crash after the call and before the
commit runs them again.
"""
from __future__ import annotations

import logging
import os
import socket
import threading
import time
import traceback
from datetime import timedelta
from typing import NamedTuple

from flask import current_app
from sqlalchemy import and_, delete, or_, select, update

from core.db import utcnow, writing
from core.extensions import db
from core.jobs.models import Job, WorkerBeat
from core.ops.logs import request_id_of_job
from core.ops.metrics import JOB_FAILURES

log = logging.getLogger("tierslieux.jobs")


class Permanent(Exception):
    """Raised by a handler when retrying cannot help (a message that cannot be built): the job
    goes straight to "dead"."""


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"[:80]


def handlers() -> dict:
    return current_app.extensions["tierslieux"].job_handlers


def _due(now):
    return or_(and_(Job.status == "pending", Job.run_at <= now),
               and_(Job.status == "running", Job.locked_until < now))


class Claimed(NamedTuple):
    id: int
    name: str
    args: dict
    attempts: int
    max_attempts: int
    request_id: str | None = None


def claim(worker: str, ids=None, names=None, skip=()) -> Claimed | None:
    """Take the next due job (of `ids` / `names` when given, not in `skip`) and commit the claim."""
    now = utcnow()
    lease = timedelta(seconds=current_app.config.get("JOBS_LEASE_SECONDS", 300))
    with writing():
        query = select(Job.id).where(_due(now)).order_by(Job.run_at, Job.id).limit(1)
        if ids is not None:
            query = query.where(Job.id.in_(ids))
        if names is not None:
            query = query.where(Job.name.in_(names))
        if skip:
            query = query.where(Job.id.not_in(skip))
        if db.engine.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        job_id = db.session.scalar(query)
        if job_id is None:
            db.session.rollback()
            return None
        taken = db.session.execute(update(Job).where(Job.id == job_id, _due(now)).values(
            status="running", locked_by=worker, locked_until=now + lease, attempts=Job.attempts + 1))
        if taken.rowcount != 1:
            db.session.rollback()
            return None
        job = db.session.execute(select(Job.id, Job.name, Job.args, Job.attempts, Job.max_attempts,
                                        Job.request_id).where(Job.id == job_id)).one()
        # Read before the commit: the handler starts with no transaction open, so one that calls
        # Stripe or SMTP first holds no lock (SQLite's write lock would stop every writer).
        db.session.commit()
        return Claimed(*job)


class _Renewing:
    """Renews a running job's lease every third of it while its handler runs, from a thread with
    its own connection: a handler slower than the lease (a large attachment on a slow link) is
    not taken back and run a second time by another worker while it is still going. A worker
    that dies stops renewing, and its job is taken back a lease later, as before."""

    def __init__(self, job_id: int, worker: str):
        self.app = current_app._get_current_object()
        self.job_id, self.worker = job_id, worker
        self.seconds = self.app.config.get("JOBS_LEASE_SECONDS", 300)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name=f"lease-{job_id}", daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()

    def _run(self) -> None:
        while not self.stop.wait(self.seconds / 3):
            with self.app.app_context():
                try:
                    self._renew()
                except Exception as exc:  # a busy database: the next beat tries again
                    log.warning("job %s: its lease could not be renewed: %s", self.job_id, exc)

    def _renew(self) -> None:
        renew = update(Job).where(Job.id == self.job_id, Job.status == "running", Job.locked_by == self.worker) \
            .values(locked_until=utcnow() + timedelta(seconds=self.seconds))
        with db.engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:
                # Never wait for SQLite's write lock: the handler's own transaction may hold it
                # until after this thread is joined (a wait would last the 30 s busy timeout,
                # every writer stopped behind it). Held, no other worker can claim the job
                # either: the next beat tries again.
                driver = connection.connection.driver_connection
                waits = driver.execute("PRAGMA busy_timeout").fetchone()[0]
                driver.execute("PRAGMA busy_timeout=0")
            try:
                connection.execute(renew)
                connection.commit()
            finally:
                if sqlite:
                    connection.rollback()
                    driver.execute(f"PRAGMA busy_timeout={int(waits)}")


def _backoff(attempts: int) -> timedelta:
    base = current_app.config.get("JOBS_BACKOFF_SECONDS", 10)
    return timedelta(seconds=min(base * 2 ** (attempts - 1), 3600))


def run_claimed(job: Claimed, worker: str) -> bool:
    """Run one claimed job; return True when it is done. Its log lines carry the request id
    of the request that enqueued it."""
    with request_id_of_job(job.request_id):
        return _run_claimed(job, worker)


def _run_claimed(job: Claimed, worker: str) -> bool:
    job_id, name, args, attempts, max_attempts = job.id, job.name, dict(job.args), job.attempts, job.max_attempts
    handler = handlers().get(name)
    try:
        with writing():
            if handler is None:
                raise Permanent(f"no handler named {name!r}")
            if attempts > max_attempts:
                raise Permanent(f"gave up after {max_attempts} attempts (the last one died)")
            with _Renewing(job_id, worker):
                handler(**args)
            done = db.session.execute(update(Job).where(Job.id == job_id, Job.status == "running",
                                                        Job.locked_by == worker)
                                      .values(status="done", finished_at=utcnow(), locked_until=None,
                                              last_error=None))
            if done.rowcount != 1:  # the lease ran out and another worker took the job back
                db.session.rollback()
                log.warning("job %s (%s) lost its lease; its changes were rolled back", job_id, name)
                return False
            db.session.commit()
            return True
    except Exception as exc:
        db.session.rollback()
        permanent = isinstance(exc, Permanent)
        dead = permanent or attempts >= max_attempts
        error = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        (log.error if dead else log.warning)("job %s (%s) failed (attempt %s): %s", job_id, name, attempts, error)
        JOB_FAILURES.labels(name, "yes" if dead else "no").inc()
        with writing():
            db.session.execute(update(Job).where(Job.id == job_id, Job.locked_by == worker).values(
                status="dead" if dead else "pending", locked_until=None, last_error=error[:4000],
                run_at=utcnow() + _backoff(attempts), finished_at=utcnow() if dead else None))
            db.session.commit()
        return False


def run_pending(limit: int | None = None, ids=None, names=None, worker: str | None = None) -> int:
    """Run due jobs until none is left (or `limit`), each at most once; return how many were done."""
    worker = worker or worker_name()
    done = 0
    tried: list[int] = []
    while limit is None or len(tried) < limit:
        job = claim(worker, ids=ids, names=names, skip=tried)
        if job is None:
            break
        tried.append(job.id)
        done += run_claimed(job, worker)
    db.session.remove()
    return done


def run_inline(app, ids) -> None:
    """Tests: run the jobs a transaction enqueued, now, in a fresh app context and session."""
    with app.app_context():
        try:
            run_pending(ids=ids)
        except Exception:  # never let a job break the caller whose transaction committed
            log.exception("running jobs inline failed")


def run_now(job_id: int, wait: float = 5.0) -> str:
    """Run one committed job at once, in a fresh session, for a page that wants its result now.

    If a worker took it first, wait for it a little (`wait` seconds). Returns the job's status.
    """
    app = current_app._get_current_object()
    run_inline(app, [job_id])
    deadline = time.monotonic() + wait
    with app.app_context():
        while True:
            status = db.session.scalar(select(Job.status).where(Job.id == job_id))
            db.session.rollback()
            if status in ("done", "dead") or time.monotonic() > deadline:
                db.session.remove()
                return status
            time.sleep(0.05)


def retry(job_id: int) -> bool:
    """Put a dead (or pending) job back in the queue with fresh attempts."""
    with writing():
        result = db.session.execute(update(Job).where(Job.id == job_id, Job.status.in_(["dead", "pending"]))
                                    .values(status="pending", attempts=0, run_at=utcnow(), finished_at=None))
        db.session.commit()
    return result.rowcount == 1


# --------------------------------------------------------------------------------------------
# The worker loop (`tierslieux worker`, or a thread inside the demo process)
# --------------------------------------------------------------------------------------------


HEARTBEAT_SECONDS = 15  # /healthz fails when no worker beat within HEALTH_HEARTBEAT_MAX_AGE (120 s)


def heartbeat(worker: str) -> None:
    """Record that `worker` is alive and looking at the queue (forgetting workers gone a day)."""
    now = utcnow()
    with writing():
        beat = db.session.execute(update(WorkerBeat).where(WorkerBeat.name == worker).values(beat_at=now))
        if beat.rowcount == 0:
            db.session.add(WorkerBeat(name=worker, started_at=now, beat_at=now))
        db.session.execute(delete(WorkerBeat).where(WorkerBeat.beat_at < now - timedelta(days=1)))
        db.session.commit()


def work(app, stop: threading.Event, wake: threading.Event | None = None, interval: float = 2.0) -> None:
    """Poll for due jobs until `stop` is set; `wake` cuts the wait short after a commit."""
    worker = worker_name()
    last_beat = 0.0
    while not stop.is_set():
        with app.app_context():
            try:
                if time.monotonic() - last_beat >= HEARTBEAT_SECONDS:
                    heartbeat(worker)
                    last_beat = time.monotonic()
                run_pending(worker=worker)
            except Exception:  # the database is down, say: keep polling
                log.exception("worker loop error")
                db.session.remove()
        if wake is not None:
            wake.wait(interval)
            wake.clear()
        else:
            stop.wait(interval)


_threads: dict[int, tuple[threading.Thread, threading.Event, threading.Event]] = {}


def start_thread(app, interval: float = 2.0):
    """Start the in-process worker of `JOBS_RUN = "thread"` (the demo); idempotent per app."""
    if id(app) in _threads:
        return _threads[id(app)]
    stop, wake = threading.Event(), threading.Event()
    thread = threading.Thread(target=work, args=(app, stop, wake, interval), name="tierslieux-jobs", daemon=True)
    _threads[id(app)] = (thread, stop, wake)
    thread.start()
    return _threads[id(app)]


def wake_thread(app) -> None:
    entry = _threads.get(id(app)) or start_thread(app)
    entry[2].set()


def stop_thread(app) -> None:
    entry = _threads.pop(id(app), None)
    if entry:
        entry[1].set()
        entry[2].set()
        entry[0].join(timeout=10)
