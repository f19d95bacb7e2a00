"""How the queue and its workers are doing, read by `/healthz`, `/metrics` and `tierslieux check`."""
from __future__ import annotations

from sqlalchemy import func, select

from core.extensions import db
from core.jobs.models import Job, WorkerBeat


def oldest_due_age(now) -> float | None:
    """Seconds the oldest pending job has waited past its time, or None when none is due."""
    oldest = db.session.scalar(select(func.min(Job.run_at)).where(Job.status == "pending", Job.run_at <= now))
    return (now - oldest).total_seconds() if oldest is not None else None


def last_beat_age(now) -> float | None:
    """Seconds since a worker last looked at the queue (its heartbeat), or None if none ever did."""
    last = db.session.scalar(select(func.max(WorkerBeat.beat_at)))
    return (now - last).total_seconds() if last is not None else None
