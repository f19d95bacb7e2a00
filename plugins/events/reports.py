"""Figures per event and per site: registrations, seats held while paid, waitlist, attendance
and no-shows, and, while billing is on, the ticket revenue.

Registered means a confirmed seat; a seat held while its ticket is being paid is counted apart
("Awaiting payment"): it may still lapse. The ticket revenue is billing's count (its public
`item_revenue`): invoiced excluding VAT, refunds subtracted, as the sites' revenue is counted.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from sqlalchemy import func, select

from core.extensions import db
from core.modules.service import is_enabled
from plugins.billing import item_revenue

from . import service
from .models import HELD, SEATED, Event, Registration


@dataclass
class Line:
    label: str
    event: Event | None = None
    registered: int = 0  # confirmed seats
    held: int = 0  # seats held while their ticket is being paid
    waiting: int = 0
    cancelled: int = 0
    attended: int = 0
    no_shows: int = 0  # seated, marked absent
    unrecorded: int = 0  # seated, attendance not taken
    events: int = 0
    revenue_cents: int | None = None  # None: billing is off, no revenue shown


COUNTED = ("registered", "held", "waiting", "cancelled", "attended", "no_shows", "unrecorded", "events")


def _revenue(event_ids: list[int]) -> dict[int, int]:
    """Ticket revenue per event, from billing (its references are the registrations')."""
    registrations = dict(db.session.execute(select(Registration.id, Registration.event_id).where(
        Registration.event_id.in_(event_ids), Registration.order_id.is_not(None))).all())
    revenue: dict[int, int] = {}
    if registrations:
        for reference, cents in item_revenue(service.SELLER, [f"registration:{i}" for i in registrations]).items():
            event_id = registrations[int(reference.split(":", 1)[1])]
            revenue[event_id] = revenue.get(event_id, 0) + cents
    return revenue


def with_revenue() -> bool:
    """Whether the reports show the ticket revenue: while billing is on."""
    return is_enabled("billing")


def by_event(user, revenue: bool = False) -> list[Line]:
    """One line per event the user manages; with `revenue` (see `with_revenue`), its tickets'."""
    events = service.managed_events(user)
    counts = {}
    if events:
        for event_id, status, attended, n in db.session.execute(
                select(Registration.event_id, Registration.status, Registration.attended, func.count())
                .where(Registration.event_id.in_([e.id for e in events]))
                .group_by(Registration.event_id, Registration.status, Registration.attended)):
            counts.setdefault(event_id, []).append((status, attended, n))
    revenue = _revenue([e.id for e in events]) if events and revenue else None
    lines = []
    for event in events:
        line = Line(event.title, event, events=1)
        if revenue is not None:
            line.revenue_cents = revenue.get(event.id, 0)
        for status, attended, n in counts.get(event.id, []):
            if status == SEATED:
                line.registered += n
                line.attended += n if attended is True else 0
                line.no_shows += n if attended is False else 0
                line.unrecorded += n if attended is None else 0
            elif status == HELD:
                line.held += n
            elif status == "waiting":
                line.waiting += n
            elif status == "cancelled":
                line.cancelled += n
        lines.append(line)
    return lines


def by_site(lines: list[Line]) -> list[Line]:
    sites: dict = {}
    for line in lines:
        event = line.event
        label = event.site.name if event.site is not None else _("Online")
        total = sites.setdefault(label, Line(label))
        for name in COUNTED:
            setattr(total, name, getattr(total, name) + getattr(line, name))
        if line.revenue_cents is not None:
            total.revenue_cents = (total.revenue_cents or 0) + line.revenue_cents
    return [sites[k] for k in sorted(sites)]


def _counts(line: Line, revenue: bool) -> list:
    counts = [line.registered, line.held, line.waiting, line.cancelled, line.attended, line.no_shows,
              line.unrecorded]
    return counts + [Decimal(line.revenue_cents or 0).scaleb(-2)] if revenue else counts


def _count_header(revenue: bool) -> list[str]:
    heads = [_("Registered"), _("Awaiting payment"), _("Waitlist"), _("Cancellations"), _("Present"),
             _("No-shows"), _("Not recorded")]
    return heads + [_("Ticket revenue excluding VAT")] if revenue else heads


def event_header(revenue: bool) -> list[str]:
    return [_("Event"), _("Venue"), _("Start"), _("Seats")] + _count_header(revenue)


def site_header(revenue: bool) -> list[str]:
    return [_("Venue"), _("Events")] + _count_header(revenue)


def event_rows(lines: list[Line], revenue: bool):
    for line in lines:
        event = line.event
        place = event.site.name if event.site is not None else _("Online")
        start = event.starts_at.astimezone(ZoneInfo(service.tz_of(event))).strftime("%Y-%m-%d %H:%M")
        yield [line.label, place, start, event.capacity] + _counts(line, revenue)


def site_rows(lines: list[Line], revenue: bool):
    for line in lines:
        yield [line.label, line.events] + _counts(line, revenue)

