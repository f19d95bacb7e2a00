"""How long data no longer needed is kept (the GDPR's storage limitation, which the CNIL asks
every service to set and apply): `tierslieux retention purge`, daily from cron, deletes or
anonymises what has outlived its period.

The core keeps e-mails (`[retention] mails_days`, from when they were written) and the audit log
(`[retention] audit_days`); each plugin purges its own rows through the `purge_expired` hook,
its periods in its own table. Invoices, credit notes and the orders they stand on are not
purged: the law keeps them ten years (and an erased member's are already detached from them).
Bookings stay as the figures are made of them; a member's own are erased with their account.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import delete

from core.audit import AuditEntry
from core.extensions import db
from core.hookspecs import hookimpl
from core.mail import MailMessage
from core.plugins import registry


def purge(now: datetime) -> dict[str, int]:
    """Every plugin's expired rows, in one transaction the caller commits (or rolls back for
    a dry run). Called territory-wide, whatever the modules' switches: a module switched off
    keeps its data, and its periods still run. Returns how many rows went, by kind."""
    counts: dict[str, int] = {}
    for result in registry().pm.hook.purge_expired(now=now):
        counts.update(result or {})
    return counts


@hookimpl
def purge_expired(now):
    periods = current_app.config["TERRITORY"].retention
    # Every mail written before the period, sent or not: one refused for good, or whose job
    # died after its retries, is an operator's to look at within the period, not kept for ever.
    mails = db.session.execute(delete(MailMessage).where(
        MailMessage.created_at < now - timedelta(days=periods.mails_days))).rowcount
    entries = db.session.execute(delete(AuditEntry).where(
        AuditEntry.at < now - timedelta(days=periods.audit_days))).rowcount
    return {"e-mails": mails, "audit entries": entries}
