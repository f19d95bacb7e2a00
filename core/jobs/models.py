"""The job table: work recorded in the transaction that causes it, run after it commits."""
from __future__ import annotations

from sqlalchemy import JSON, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.db import UTCDateTime, utcnow
from core.extensions import db

STATUSES = ("pending", "running", "done", "dead")


class Job(db.Model):
    __tablename__ = "job"
    __table_args__ = (Index("ix_job_due", "status", "run_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    args: Mapped[dict] = mapped_column(JSON, default=dict)
    # Enqueueing twice with one key gives one job (e.g. one fulfilment per Checkout session).
    key: Mapped[str | None] = mapped_column(String(200), unique=True)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    max_attempts: Mapped[int] = mapped_column(default=8)
    run_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)
    locked_by: Mapped[str | None] = mapped_column(String(80))
    locked_until: Mapped[object | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[object | None] = mapped_column(UTCDateTime)
    # The request that enqueued it (X-Request-ID), carried into the job's log lines.
    request_id: Mapped[str | None] = mapped_column(String(64))

    def __repr__(self):
        return f"<Job {self.id} {self.name} {self.status}>"


class WorkerBeat(db.Model):
    """Each running worker's last sign of life (`/healthz` fails when none is recent)."""

    __tablename__ = "job_worker"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    started_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)
    beat_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)
