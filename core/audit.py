"""The audit log: who did what, when, to what. Rows are only ever added."""
from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.db import UTCDateTime, utcnow
from core.extensions import db


class AuditEntry(db.Model):
    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(200))
    details: Mapped[dict] = mapped_column(JSON, default=dict)

    actor = relationship("User")


def record(actor, action: str, subject: str, **details) -> AuditEntry:
    """Add an entry to the current transaction, so it commits or rolls back with the change."""
    entry = AuditEntry(actor_id=getattr(actor, "id", None), action=action, subject=subject, details=details)
    db.session.add(entry)
    return entry
