"""Figures per event and per site: registrations, waitlist, attendance and no-shows."""
from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from sqlalchemy import func, select

from core.extensions import db

from . import service
from .models import Event, Registration


@dataclass
class Line:
    label: str
    event: Event | None = None
    registered: int = 0  # seats held
    waiting: int = 0
    cancelled: int = 0
    attended: int = 0
    no_shows: int = 0  # seated, marked absent
    unrecorded: int = 0  # seated, attendance not taken
    events: int = 0


def by_event(user) -> list[Line]:
    events = service.managed_events(user)
    counts = {}
    if events:
        for event_id, status, attended, n in db.session.execute(
                select(Registration.event_id, Registration.status, Registration.attended, func.count())
                .where(Registration.event_id.in_([e.id for e in events]))
                .group_by(Registration.event_id, Registration.status, Registration.attended)):
            counts.setdefault(event_id, []).append((status, attended, n))
    lines = []
    for event in events:
        line = Line(event.title, event, events=1)
        for status, attended, n in counts.get(event.id, []):
            if status == "confirmed":
                line.registered += n
                line.attended += n if attended is True else 0
                line.no_shows += n if attended is False else 0
                line.unrecorded += n if attended is None else 0
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
        for name in ("registered", "waiting", "cancelled", "attended", "no_shows", "unrecorded", "events"):
            setattr(total, name, getattr(total, name) + getattr(line, name))
    return [sites[k] for k in sorted(sites)]


def _counts(line: Line) -> list:
    return [line.registered, line.waiting, line.cancelled, line.attended, line.no_shows, line.unrecorded]


def _count_header() -> list[str]:
    return [_("Registered"), _("Waitlist"), _("Cancellations"), _("Present"), _("No-shows"), _("Not recorded")]


def event_header() -> list[str]:
    return [_("Event"), _("Venue"), _("Start"), _("Seats")] + _count_header()


def site_header() -> list[str]:
    return [_("Venue"), _("Events")] + _count_header()


def event_rows(lines: list[Line]):
    for line in lines:
        event = line.event
        place = event.site.name if event.site is not None else _("Online")
        start = event.starts_at.astimezone(ZoneInfo(service.tz_of(event))).strftime("%Y-%m-%d %H:%M")
        yield [line.label, place, start, event.capacity] + _counts(line)


def site_rows(lines: list[Line]):
    for line in lines:
        yield [line.label, line.events] + _counts(line)

