"""Enqueueing jobs, and the one place that listens to SQLAlchemy's commit and rollback.

`enqueue` adds a row to the caller's transaction: it exists if and only if the change that
caused it commits. What happens after the commit depends on `JOBS_RUN`:

- "worker" (production): nothing here; `tierslieux worker` processes poll the table.
- "thread" (the demo): an in-process worker thread, woken by the commit.
- "inline" (tests): the jobs the transaction enqueued run right after it, in a fresh session,
  so a test sees their effects deterministically (a failure stays queued, never raises).
"""
from __future__ import annotations

from datetime import datetime
from functools import cache

from flask import current_app, has_app_context
from sqlalchemy import event, insert, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from core.db import utcnow
from core.extensions import db
from core.jobs.models import Job
from core.ops.logs import current_request_id

INFO_KEY = "jobs_enqueued"


@cache
def _insert(dialect: str, keyed: bool):
    """The INSERT of a job row, built once (every booking enqueues two): a Core statement on
    the table, its Python defaults (status, attempts, created_at) filled in as the ORM's were,
    without a unit of work for one row."""
    table = Job.__table__
    if not keyed:
        return insert(table).returning(table.c.id)
    dialect_insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    return dialect_insert(table).on_conflict_do_nothing(index_elements=["key"]).returning(table.c.id)


def enqueue(name: str, *, key: str | None = None, run_at: datetime | None = None,
            max_attempts: int | None = None, **args) -> int:
    """Record a job in the current transaction; run once it commits. Returns the job's id.

    :param name: a handler name given by some plugin's `job_handlers` hook.
    :param key: makes the job unique: enqueueing the same key again returns the first job.
    :param args: JSON-serialisable keyword arguments for the handler (ids, not objects).
    """
    values = {"name": name, "key": key, "args": args, "run_at": run_at or utcnow(),
              "request_id": current_request_id()}
    if max_attempts is not None:
        values["max_attempts"] = max_attempts
    db.session.flush()  # what is pending first, as adding the row and flushing it did
    # On the session's connection: a statement on the table needs none of the ORM's handling.
    connection = db.session.connection()
    dialect = connection.dialect.name
    if key is None:
        job_id = connection.execute(_insert(dialect, keyed=False), values).scalar_one()
    else:
        # One statement, and no savepoint: a concurrent enqueue of the same key makes no error,
        # only no row (both databases know ON CONFLICT DO NOTHING ... RETURNING).
        job_id = connection.execute(_insert(dialect, keyed=True), values).scalar()
        if job_id is None:
            return db.session.scalar(select(Job.id).where(Job.key == key))
    db.session.info.setdefault(INFO_KEY, []).append(job_id)
    return job_id


@event.listens_for(Session, "after_commit")
def _after_commit(session):
    if session.in_nested_transaction():  # a SAVEPOINT released: the real commit is to come
        return
    ids = session.info.pop(INFO_KEY, None)
    if not ids or not has_app_context():
        return
    mode = current_app.config.get("JOBS_RUN", "worker")
    if mode == "inline":
        from core.jobs.runner import run_inline

        run_inline(current_app._get_current_object(), ids)
    elif mode == "thread":
        from core.jobs.runner import wake_thread

        wake_thread(current_app._get_current_object())


@event.listens_for(Session, "after_rollback")
def _after_rollback(session):
    # Rolled-back rows are gone; a released SAVEPOINT's ids may still commit with the rest.
    if not session.in_nested_transaction():
        session.info.pop(INFO_KEY, None)
