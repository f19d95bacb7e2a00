"""Recurring bookings (every week until a date): planned and shown first, then made all at once.

Made in one transaction; the dates held for payment form the member's basket at the site
(billing pays them with one Checkout session and one invoice, and lets them lapse together)."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask_babel import gettext as _

from core.db import utcnow
from core.extensions import db
from core.ui import long_date
from plugins.booking.errors import BookingError
from plugins.booking.service import announce, is_free, new_booking, prepare
from plugins.booking.slots import to_utc

MAX_OCCURRENCES = 52


@dataclass
class Occurrence:
    day: date
    starts_at: datetime
    ends_at: datetime
    problem: str | None = None  # why this date cannot be booked, None when it can


def plan(resource, member, starts_at: datetime, ends_at: datetime, until: date, actor=None,
         every_days: int = 7, now=None) -> list[Occurrence]:
    """Every date of the series, same local times, each checked against the rules and the slots.

    Nothing is stored.
    """
    now = now or utcnow()
    zone = ZoneInfo(resource.site.timezone)
    first, last = starts_at.astimezone(zone), ends_at.astimezone(zone)
    if until < first.date():
        raise BookingError(_("The last date must come after the first."), "bad_range")
    out = []
    day = first.date()
    while day <= until and len(out) < MAX_OCCURRENCES:
        occ = Occurrence(day, to_utc(day, first.time(), zone.key), to_utc(day, last.time(), zone.key))
        try:
            prepare(resource, member, occ.starts_at, occ.ends_at, actor, now=now)
            if not is_free(resource.id, occ.starts_at, occ.ends_at, now):
                occ.problem = _("Already taken.")
        except BookingError as exc:
            occ.problem = str(exc)
        out.append(occ)
        day += timedelta(days=every_days)
    db.session.rollback()
    return out


def book_series(resource, member, occurrences: list[Occurrence], actor=None, now=None) -> list:
    """Book the chosen dates of a series in one transaction: all of them, or none.

    :raises SlotTaken/BookingError: naming the first date that could not be booked (someone
        took it since the plan was shown); nothing is stored then.
    """
    series_id = secrets.token_hex(8)
    made = []
    for occ in occurrences:
        try:
            made.append(new_booking(resource, member, occ.starts_at, occ.ends_at, actor, now=now,
                                    series_id=series_id))
        except BookingError as exc:
            raise type(exc)(_("%(day)s: %(reason)s", day=long_date(occ.day), reason=str(exc)),
                            exc.code) from None
    for booking in made:
        announce(booking)
    return made

