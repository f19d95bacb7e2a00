"""Local time at a site and UTC instants in the database, daylight-saving included."""
from __future__ import annotations

from datetime import date, datetime, time, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones


def local_to_utc(day: date, at: time, tz: str) -> datetime:
    """The UTC instant of a wall-clock time at a site (fold=0: the first of an ambiguous hour)."""
    return datetime.combine(day, at, tzinfo=ZoneInfo(tz)).astimezone(timezone.utc)


def exists_locally(day: date, at: time, tz: str) -> bool:
    """False for a wall-clock time the clocks skip (02:30 on the last Sunday of March in Paris):
    `local_to_utc` would give an instant an hour off, which the site's clocks never show."""
    return utc_to_local(local_to_utc(day, at, tz), tz).replace(tzinfo=None) == datetime.combine(day, at)


def utc_to_local(instant: datetime, tz: str) -> datetime:
    return instant.astimezone(ZoneInfo(tz))


# Dates typed or sent by anyone are kept within this many years of today: nothing is booked,
# shown or exported further away, and year 1 or 9999 would overflow the conversion to UTC.
YEARS_AWAY = 10


def within_reach(day: date) -> bool:
    """True for a date at most YEARS_AWAY years before or after today."""
    return abs((day - date.today()).days) <= YEARS_AWAY * 366


def today_at(tz: str) -> date:
    return datetime.now(ZoneInfo(tz)).date()


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def is_time_zone(name: str) -> bool:
    """True for an IANA time zone name (zoneinfo would also open a folder name like "America")."""
    return name in _zones()
