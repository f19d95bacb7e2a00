"""Slots of a site's day in its local time (half-days, day, hours) and local <-> UTC instants."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from flask_babel import gettext as _, lazy_gettext as _l, ngettext

from core.sites.service import closure_on, opening_intervals, site_row
from core.timeutil import YEARS_AWAY, within_reach
from plugins.booking.errors import BookingError
from plugins.booking.models import ROOM_KINDS

PERIODS = {"morning": _l("Morning"), "afternoon": _l("Afternoon"), "day": _l("Whole day")}
NOON = time(13, 0)


@dataclass(frozen=True)
class Slot:
    period: str  # morning, afternoon, day, or "hour"
    starts_at: datetime  # aware UTC
    ends_at: datetime
    tz: str

    @property
    def local_start(self) -> datetime:
        return self.starts_at.astimezone(ZoneInfo(self.tz))

    @property
    def local_end(self) -> datetime:
        return self.ends_at.astimezone(ZoneInfo(self.tz))

    @cached_property
    def as_json(self) -> dict:
        """The API's view of the slot, in local ISO times; made once per slot (the network's
        slots are kept per process, and the API lists each of them for every free resource)."""
        return {"period": self.period, "start": local_iso(self.starts_at, self.tz),
                "end": local_iso(self.ends_at, self.tz)}


def to_utc(day: date, at: time, tz: str) -> datetime:
    return datetime.combine(day, at, tzinfo=ZoneInfo(tz)).astimezone(timezone.utc)


def half_days(site, day: date) -> dict[str, tuple[time, time]]:
    """The site's morning, afternoon and whole day on a date, as local times; {} when closed.

    With a lunch break the morning is the first interval and the afternoon the last; a day
    opened in one stretch is split at 13:00.
    """
    return split_day(opening_intervals(site, day))


def usual_half_days(site, day: date) -> dict[str, tuple[time, time]]:
    """The half-days the site's hours give that weekday, closures and public holidays ignored:
    how bookings made before a closure was added were cut (the manager's day files them so)."""
    return split_day([(h.opens, h.closes) for h in site.opening_hours if h.weekday == day.weekday()])


def split_day(intervals: list[tuple[time, time]]) -> dict[str, tuple[time, time]]:
    if not intervals:
        return {}
    out = {"day": (intervals[0][0], intervals[-1][1])}
    if len(intervals) >= 2:
        out["morning"], out["afternoon"] = intervals[0], intervals[-1]
    else:
        opens, closes = intervals[0]
        if closes <= NOON:
            out["morning"] = (opens, closes)
        elif opens >= NOON:
            out["afternoon"] = (opens, closes)
        else:
            out["morning"], out["afternoon"] = (opens, NOON), (NOON, closes)
    return out


def day_slots(site, day: date, kind: str, period: str | None = None) -> list[Slot]:
    """Bookable slots of one local day: half-days and day for every kind, hours for rooms."""
    tz = site.timezone
    parts = half_days(site, day)
    slots = [Slot(name, to_utc(day, parts[name][0], tz), to_utc(day, parts[name][1], tz), tz)
             for name in ("morning", "afternoon", "day") if name in parts and period in (None, name)]
    if kind in ROOM_KINDS and period is None:
        for opens, closes in opening_intervals(site, day):
            hour = datetime.combine(day, opens)
            while (hour + timedelta(hours=1)).time() <= closes and hour.date() == day:
                end = hour + timedelta(hours=1)
                starts_at, ends_at = to_utc(day, hour.time(), tz), to_utc(day, end.time(), tz)
                if starts_at < ends_at:  # 02:00-03:00 the night clocks go forward is no time at all
                    slots.append(Slot("hour", starts_at, ends_at, tz))
                hour = end
    return slots


def _too_far(value) -> BookingError:
    return BookingError(ngettext("%(value)s is too far from today: give a date within %(num)d year.",
                                 "%(value)s is too far from today: give a date within %(num)d years.", YEARS_AWAY,
                                 value=value), "bad_date")


def parse_local(value: str, tz: str) -> datetime:
    """A local ISO time typed or sent by a member, as a UTC instant; refuses DST gaps and
    dates too far away (year 1 or 9999 overflow on the way to UTC)."""
    try:
        parsed = datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise BookingError(_("%(value)s is not a date and time (YYYY-MM-DDTHH:MM).", value=value),
                           "bad_time") from None
    if not within_reach(parsed.date()):
        raise _too_far(value)
    if parsed.tzinfo is not None:
        return parsed.astimezone(timezone.utc)
    local = parsed.replace(tzinfo=ZoneInfo(tz))
    instant = local.astimezone(timezone.utc)
    if instant.astimezone(ZoneInfo(tz)).replace(tzinfo=None) != parsed:
        raise BookingError(_("%(value)s does not exist in local time (clocks change).", value=value),
                           "bad_time")
    return instant


def parse_day(value: str) -> date:
    """A date typed or sent by anyone (a week, a day, an export's bounds), within reach of today."""
    try:
        day = date.fromisoformat(str(value).strip())
    except ValueError:
        raise BookingError(_("%(value)s is not a date (YYYY-MM-DD).", value=value), "bad_date") from None
    if not within_reach(day):
        raise _too_far(value)
    return day


def local_iso(instant: datetime, tz: str) -> str:
    return instant.astimezone(ZoneInfo(tz)).isoformat(timespec="minutes")


def within_opening(site, starts_at: datetime, ends_at: datetime) -> bool:
    """True when a range lies on one local day, between its first opening and last closing."""
    tz = ZoneInfo(site.timezone)
    start, end = starts_at.astimezone(tz), ends_at.astimezone(tz)
    if start.date() != end.date():
        return False
    intervals = opening_intervals(site, start.date())
    if not intervals:
        return False
    if not (intervals[0][0] <= start.time() and end.time() <= intervals[-1][1]):
        return False
    # A range lying wholly in the lunch break books nothing anyone can use.
    return any(start.time() < closes and end.time() > opens for opens, closes in intervals)


def parse_clock(value: str):
    try:
        return time.fromisoformat(str(value).strip())
    except ValueError:
        raise BookingError(_("%(value)s is not a time of day (HH:MM).", value=value), "bad_time") from None


def range_for(site, day: date, period: str, start: str | None = None, end: str | None = None):
    """The UTC range of a half-day, a day, or given local hours at a site on a date."""
    if period == "hours":
        if not start or not end:
            raise BookingError(_("Give the start and end times."), "bad_time")
        opens, closes = parse_clock(start), parse_clock(end)
        return (parse_local(datetime.combine(day, opens).isoformat(), site.timezone),
                parse_local(datetime.combine(day, closes).isoformat(), site.timezone))
    parts = half_days(site, day)
    if period not in parts:
        raise not_open(site, day)
    opens, closes = parts[period]
    return to_utc(day, opens, site.timezone), to_utc(day, closes, site.timezone)


def not_open(site, day: date) -> BookingError:
    """The refusal of a slot on a day the site does not open then, saying why when a closure
    covers it (from `site`'s closures: give the database's when they must be the latest)."""
    return closed_by(closure_on(site, day)) or BookingError(_("The site is not open at that time."), "closed")


def closed_by(closure) -> BookingError | None:
    """The refusal of a day a closure covers, with its reason; None for no closure."""
    if closure is None:
        return None
    if closure.reason:
        return BookingError(_("The site is closed that day (%(reason)s).", reason=closure.reason), "closed")
    return BookingError(_("The site is closed that day."), "closed")


def periods_blocked(booking) -> list[str]:
    """The half-days ("morning", "afternoon") of its site's day that a booking overlaps: a
    booking from 10:30 to 15:30 blocks both, and is priced as a whole day."""
    site = site_row(booking.resource.site_id) or booking.resource.site  # hours and closures, cached
    day = booking.starts_at.astimezone(ZoneInfo(site.timezone)).date()
    parts = half_days(site, day)
    return [name for name in ("morning", "afternoon") if name in parts
            and booking.starts_at < to_utc(day, parts[name][1], site.timezone)
            and booking.ends_at > to_utc(day, parts[name][0], site.timezone)]
