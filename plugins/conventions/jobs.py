"""Conventions' jobs: a daily one (statuses, notices of conventions ending) and a monthly one on
the 1st, which queues one job per convention for the past month's statement and invoice. Each
schedules its next run with a unique key, so scheduling twice is harmless; `schedule()` starts
the chain (a convention signed, or `tierslieux conventions schedule`, also run by the demo
seeding). While the module is off the jobs only keep the chain going."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from core.extensions import db
from core.jobs import Job, enqueue
from core.timeutil import today_at
from core.uploads import delete_document

from . import document, invoicing, service

DAILY = "conventions.daily"
MONTHLY = "conventions.monthly"


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), ZoneInfo(service.territory_tz())).astimezone(ZoneInfo("UTC"))


def first_of_next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def schedule(today: date | None = None) -> None:
    """Enqueue the next daily and monthly runs (in the caller's transaction)."""
    today = today or today_at(service.territory_tz())
    tomorrow = today + timedelta(days=1)
    enqueue(DAILY, key=f"{DAILY}:{tomorrow}", run_at=_at(tomorrow, 4), day=tomorrow.isoformat())
    first = first_of_next_month(today)
    enqueue(MONTHLY, key=f"{MONTHLY}:{first:%Y-%m}", run_at=_at(first, 5), first=first.isoformat())


def scheduled() -> list[tuple[str, datetime]]:
    """The conventions' jobs waiting to run: (name, when, UTC)."""
    return [tuple(row) for row in db.session.execute(select(Job.name, Job.run_at).where(
        Job.name.in_((DAILY, MONTHLY)), Job.status == "pending").order_by(Job.run_at))]


def _on() -> bool:
    from core.modules.service import is_enabled

    return is_enabled("conventions")


def daily(day: str) -> None:
    today = date.fromisoformat(day)
    if _on():
        service.sweep_statuses(today)
        service.notify_ending(today)
    schedule(today)


def monthly(first: str) -> None:
    first_day = date.fromisoformat(first)
    previous = (first_day - timedelta(days=1)).strftime("%Y-%m")
    if _on():
        invoicing.issue_month(previous, today=first_day)
    schedule(first_day)


HANDLERS = {DAILY: daily, MONTHLY: monthly, invoicing.STATEMENT_JOB: invoicing.statement_job,
            service.CAP_ALERT: service.mail_cap_alert,
            document.RENDER: document.render_job, service.DELETE_SIGNED_COPY: delete_document}
