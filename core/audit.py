"""The audit log: who did what, when, to what. Rows are only ever added."""
from __future__ import annotations

import re

from sqlalchemy import JSON, ForeignKey, String, cast, select
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


def forget(value: str, replacement: str) -> int:
    """Entries whose details name `value` (an erased member's address, written down when they
    were invited) name `replacement` instead: the log keeps what was done, not to whom.
    Returns how many entries changed."""
    # The address alone, not inside another ("ann@x.org" in "joann@x.org" is someone else).
    alone = re.compile(r"(?<![\w.%+-])" + re.escape(value) + r"(?![\w.-])", re.IGNORECASE)

    def scrub(item):
        if isinstance(item, str):
            return alone.sub(replacement, item)
        if isinstance(item, dict):
            return {key: scrub(v) for key, v in item.items()}
        if isinstance(item, list):
            return [scrub(v) for v in item]
        return item

    changed = 0
    for entry in db.session.scalars(select(AuditEntry).where(
            cast(AuditEntry.details, String).contains(value, autoescape=True))):
        scrubbed = scrub(entry.details)
        if scrubbed != entry.details:
            entry.details = scrubbed  # a new object: the JSON column sees the change
            changed += 1
    return changed
