"""Occupancy of a site over a week or a month: booked half-days of desks and offices against the
half-days they were open, room hours booked against room hours open, unique members, no-shows,
and revenue (asked of the plugin taking payments).

Counted in SQL: each day's windows (its half-days, its whole local day) are a small derived
table joined to the bookings, so a month costs three queries whatever the number of bookings.
A resource counts on the days before it was retired.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from sqlalchemy import Integer, and_, case, distinct, func, literal, select, union_all

from core.db import UTCDateTime
from core.extensions import db
from core.plugins import hooks
from core.sites.service import opening_intervals
from plugins.booking.models import ROOM_KINDS, Booking, Resource
from plugins.booking.slots import half_days, to_utc

DESK_KINDS = ("desk", "office")  # booked by the half-day
BOOKED = ("confirmed", "checked_in", "no_show")  # a no-show was booked: the place was kept for them


class _Rates:
    """The rates of a day or a period, from its counts (a day's fields, a period's totals)."""

    @property
    def desk_rate(self) -> float | None:
        return self.booked_half_days / self.open_half_days if self.open_half_days else None

    @property
    def arrived_rate(self) -> float | None:
        return self.arrived_half_days / self.open_half_days if self.open_half_days else None

    @property
    def room_rate(self) -> float | None:
        return self.booked_room_minutes / self.open_room_minutes if self.open_room_minutes else None


@dataclass
class DayFigures(_Rates):
    day: date
    open_half_days: int = 0
    booked_half_days: int = 0
    arrived_half_days: int = 0
    open_room_minutes: int = 0
    booked_room_minutes: int = 0
    members: int = 0
    no_shows: int = 0
    revenue_cents: int | None = None


@dataclass
class Occupancy(_Rates):
    """A period's figures, day by day and in total (`members` counts each member once)."""

    first: date
    last: date
    days: list[DayFigures] = field(default_factory=list)
    members: int = 0
    currency: str | None = None  # None: nobody reported revenue (payments switched off)

    def total(self, name: str) -> int:
        return sum(getattr(d, name) or 0 for d in self.days)

    @property
    def open_half_days(self) -> int:
        return self.total("open_half_days")

    @property
    def booked_half_days(self) -> int:
        return self.total("booked_half_days")

    @property
    def arrived_half_days(self) -> int:
        return self.total("arrived_half_days")

    @property
    def open_room_minutes(self) -> int:
        return self.total("open_room_minutes")

    @property
    def booked_room_minutes(self) -> int:
        return self.total("booked_room_minutes")

    @property
    def open_room_hours(self) -> float:
        return self.open_room_minutes / 60

    @property
    def booked_room_hours(self) -> float:
        return self.booked_room_minutes / 60

    @property
    def no_shows(self) -> int:
        return self.total("no_shows")

    @property
    def revenue_cents(self) -> int | None:
        return None if self.currency is None else self.total("revenue_cents")


def week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def month_of(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def _minutes(opens: time, closes: time) -> int:
    return (closes.hour * 60 + closes.minute) - (opens.hour * 60 + opens.minute)


def _in_service(retired_at, day: date, tz: ZoneInfo) -> bool:
    return retired_at is None or retired_at.astimezone(tz).date() > day


def _windows(rows: list[tuple[int, datetime, datetime]]):
    """A derived table (w, s, e) of numbered UTC ranges, portable to SQLite and PostgreSQL."""
    parts = [select(literal(i, Integer).label("w"), literal(s, UTCDateTime()).label("s"),
                    literal(e, UTCDateTime()).label("e")) for i, s, e in rows]
    return (union_all(*parts) if len(parts) > 1 else parts[0]).cte("windows")


def _duration_minutes():
    """Minutes between a booking's start and end, in the database's own date arithmetic."""
    if db.session.get_bind().dialect.name == "sqlite":
        return (func.julianday(Booking.ends_at) - func.julianday(Booking.starts_at)) * 1440
    return func.extract("epoch", Booking.ends_at - Booking.starts_at) / 60


def occupancy(site, first: date, last: date) -> Occupancy:
    """The figures of a site from `first` to `last` (local dates, inclusive)."""
    tz = ZoneInfo(site.timezone)
    result = Occupancy(first, last)
    span = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    resources = db.session.execute(select(Resource.kind, Resource.retired_at)
                                   .where(Resource.site_id == site.id)).all()
    half_windows, day_windows = [], []
    for n, day in enumerate(span):
        figures = DayFigures(day)
        desks = sum(1 for kind, retired in resources if kind in DESK_KINDS and _in_service(retired, day, tz))
        rooms = sum(1 for kind, retired in resources if kind in ROOM_KINDS and _in_service(retired, day, tz))
        parts = half_days(site, day)
        for h, name in enumerate(("morning", "afternoon")):
            if name in parts:
                figures.open_half_days += desks
                half_windows.append((2 * n + h, to_utc(day, parts[name][0], site.timezone),
                                     to_utc(day, parts[name][1], site.timezone)))
        figures.open_room_minutes = rooms * sum(_minutes(o, c) for o, c in opening_intervals(site, day))
        day_windows.append((n, to_utc(day, time(0), site.timezone),
                            to_utc(day + timedelta(days=1), time(0), site.timezone)))
        result.days.append(figures)
    start, end = day_windows[0][1], day_windows[-1][2]
    booked = [Booking.site_id == site.id, Booking.is_block.is_(False), Booking.status.in_(BOOKED),
              Booking.starts_at >= start, Booking.starts_at < end]

    if half_windows:
        w = _windows(half_windows)
        rows = db.session.execute(
            select(w.c.w, func.count(), func.sum(case((Booking.status == "checked_in", 1), else_=0)))
            .select_from(w).join(Booking, and_(Booking.starts_at < w.c.e, Booking.ends_at > w.c.s))
            .join(Resource, Resource.id == Booking.resource_id)
            .where(Resource.kind.in_(DESK_KINDS), *booked).group_by(w.c.w))
        for window, count, arrived in rows:
            figures = result.days[window // 2]
            figures.booked_half_days += count
            figures.arrived_half_days += int(arrived or 0)

    w = _windows(day_windows)
    rows = db.session.execute(
        select(w.c.w, func.count(distinct(Booking.member_id)),
               func.sum(case((Booking.status == "no_show", 1), else_=0)),
               func.sum(case((Resource.kind.in_(ROOM_KINDS), _duration_minutes()), else_=0)))
        .select_from(w).join(Booking, and_(Booking.starts_at >= w.c.s, Booking.starts_at < w.c.e))
        .join(Resource, Resource.id == Booking.resource_id).where(*booked).group_by(w.c.w))
    for window, members, no_shows, minutes in rows:
        figures = result.days[window]
        figures.members, figures.no_shows = members, int(no_shows or 0)
        figures.booked_room_minutes = round(float(minutes or 0))

    result.members = db.session.scalar(select(func.count(distinct(Booking.member_id))).where(*booked)) or 0
    bounds = [s for _n, s, _e in day_windows] + [end]
    parts = hooks(site).booking_revenue(site=site, bounds=bounds)  # each paying plugin's part
    if parts:
        result.currency = parts[0][0]
        for figures, cents in zip(result.days, map(sum, zip(*(amounts for _currency, amounts in parts)))):
            figures.revenue_cents = cents
    return result


def csv_header() -> list[str]:
    """The export's column names, in the manager's language like the page's table."""
    return [_("Day"), _("Half-days open"), _("Desks and offices booked (half-days)"),
            _("Desks and offices used (arrivals)"), _("Desks booked"), _("Room hours open"),
            _("Rooms booked (hours)"), _("Rooms booked"), _("Members"), _("No-shows"), _("Revenue excluding VAT")]


def csv_rows(figures: Occupancy):
    """The export's lines, one a day then the period's total; numbers as Decimals for csv_text."""
    from decimal import Decimal

    def dec(value, places="0.01"):
        return "" if value is None else Decimal(str(value)).quantize(Decimal(places))

    def line(label, f):
        return [label, f.open_half_days, f.booked_half_days, f.arrived_half_days, dec(f.desk_rate, "0.0001"),
                dec(f.total("open_room_minutes") / 60 if isinstance(f, Occupancy) else f.open_room_minutes / 60),
                dec(f.total("booked_room_minutes") / 60 if isinstance(f, Occupancy)
                    else f.booked_room_minutes / 60),
                dec(f.room_rate, "0.0001"), f.members, f.no_shows,
                "" if f.revenue_cents is None else Decimal(f.revenue_cents).scaleb(-2)]

    for day in figures.days:
        yield line(day.day.isoformat(), day)
    yield line(_("Total"), figures)
