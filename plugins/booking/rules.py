"""Booking rules per site and kind of resource, with site defaults and the platform's defaults."""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import timedelta
from functools import cache
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import and_, bindparam, func, select

from core.cache import cached, watch
from core.db import lock_row, read
from core.sites.models import Site
from core.sites.service import site_row
from core.extensions import db
from plugins.booking.errors import BookingError
from plugins.booking.models import ACTIVE, KINDS, ROOM_KINDS, Booking, Resource, Rule
from plugins.booking.slots import half_days, to_utc


@dataclass(frozen=True)
class Rules:
    min_minutes: int = 60
    max_minutes: int = 24 * 60
    max_days_ahead: int = 90
    min_notice_minutes: int = 0
    cancel_deadline_minutes: int = 60
    buffer_minutes: int = 0
    max_per_week: int | None = None
    approval_required: bool = False
    # Active bookings of one kind a member may hold at once at a site (overlapping one period).
    max_per_period: int | None = 1


# A member whose holds of a slot lapsed unpaid this many times in a day may not hold it again
# until a day has passed since the first of them (no renewing a hold forever without paying).
LAPSED_HOLDS_LIMIT = 3
LAPSED_HOLDS_WINDOW = timedelta(hours=24)


RULE_FIELDS = [f.name for f in fields(Rules)]
ROOM_DEFAULTS = {"buffer_minutes": 15}

# What a manager may set, per number rule (the form's bounds, checked again by `save_rules`).
# Past these a rule means nothing a telecentre needs, and dates computed from it fall outside
# what Python and the databases hold (a notice of 10^14 minutes is an error, not a policy).
DAY = 24 * 60
LIMITS = {
    "min_minutes": (15, 31 * DAY),
    "max_minutes": (15, 31 * DAY),
    "max_days_ahead": (1, 730),
    "min_notice_minutes": (0, 30 * DAY),
    "cancel_deadline_minutes": (0, 30 * DAY),
    "buffer_minutes": (0, DAY),
    "max_per_week": (1, 500),
    "max_per_period": (1, 100),
}


def _merge(rows: dict, kind: str) -> Rules:
    values = dict(ROOM_DEFAULTS) if kind in ROOM_KINDS else {}
    for level in ("", kind):
        row = rows.get(level)
        if row is not None:
            values.update({name: getattr(row, name) for name in RULE_FIELDS if getattr(row, name) is not None})
    # A value stored before the limits existed is read within them.
    for name, (low, high) in LIMITS.items():
        if values.get(name) is not None:
            values[name] = min(max(values[name], low), high)
    return Rules(**values)


_DEFAULTS = {kind: _merge({}, kind) for kind in KINDS}  # a site without rules of its own

# Rules change a few times a year and are read by every booking (twice): kept per process.
watch(Rule, "rules")


def rules_by_site():
    """Effective rules of every site and kind, read in one query and kept per process: a function
    (site_id, kind) -> Rules (the network's search asks it hundreds of times)."""
    def read():
        stored: dict[int, dict] = {}
        for row in db.session.scalars(select(Rule)):
            stored.setdefault(row.site_id, {})[row.kind] = row
        return {site_id: {kind: _merge(rows, kind) for kind in KINDS} for site_id, rows in stored.items()}

    merged = cached("rules", "every site", read)
    return lambda site_id, kind: merged.get(site_id, _DEFAULTS)[kind]


def effective_rules(site_id: int, kind: str) -> Rules:
    """Platform defaults, overridden by the site's defaults, overridden by the kind's rules."""
    return rules_by_site()(site_id, kind)


def save_rules(site_id: int, kind: str, **values) -> Rule:
    """Store a site's rules for one kind ("" for the site's defaults); None means inherit.

    :raises BookingError: a number outside `LIMITS`, or a minimum duration above the maximum
        once merged with the rules it inherits or passes on (nothing could be booked).
    """
    for name, (low, high) in LIMITS.items():
        value = values.get(name)
        if value is not None and not low <= value <= high:
            raise BookingError(_("A booking rule must be between %(low)d and %(high)d.", low=low, high=high),
                               "rule_out_of_range")
    # The site's row first: two saves at once both read "no rule for this kind" (the second
    # insert a unique-key 500), or each checked min <= max against the other's old values.
    lock_row(Site, site_id)
    stored = {row.kind: row for row in db.session.scalars(select(Rule).where(Rule.site_id == site_id)
                                                          .execution_options(populate_existing=True))}
    row = stored.get(kind)
    if row is None:
        row = Rule(site_id=site_id, kind=kind)
        db.session.add(row)
        stored[kind] = row
    for name in RULE_FIELDS:
        if name in values:
            setattr(row, name, values[name])
    for each in KINDS if kind == "" else (kind,):
        merged = _merge(stored, each)
        if merged.min_minutes > merged.max_minutes:
            raise BookingError(_("With these rules the minimum duration would be above the maximum: "
                                 "nothing could be booked."), "rule_min_above_max")
    return row


# Only rooms are booked by the hour. Desks and offices go by the site's half-days or its whole
# day: what the search, the week and the forms offer, and what billing sells (half-day and day
# passes); a crafted form or an API call naming other hours must not get round it.
def check_period(site, kind: str, starts_at, ends_at) -> None:
    """Raise a BookingError when a place that is not a room is asked for anything but one of
    its site's half-days or its whole day that date (`slots.half_days`).

    :param site: the site (its hours are read from the cached row when there is one).
    """
    if kind in ROOM_KINDS:
        return
    site = site_row(site.id) or site
    day = starts_at.astimezone(ZoneInfo(site.timezone)).date()
    for opens, closes in half_days(site, day).values():
        if (starts_at, ends_at) == (to_utc(day, opens, site.timezone), to_utc(day, closes, site.timezone)):
            return
    raise BookingError(_("A desk or an office is booked for the morning, the afternoon or the whole day, "
                         "not by the hour."), "not_by_the_hour")


def check(rules: Rules, booking: Booking, now, approval_default: bool = False) -> None:
    """Raise a BookingError when a booking breaks its resource's rules."""
    check_period(booking.resource.site, booking.resource.kind, booking.starts_at, booking.ends_at)
    minutes = (booking.ends_at - booking.starts_at).total_seconds() / 60
    if minutes < rules.min_minutes:
        raise BookingError(ngettext("A booking here lasts at least %(num)d minute.", "A booking here lasts at least %(num)d minutes.", rules.min_minutes), "too_short")
    if minutes > rules.max_minutes:
        raise BookingError(ngettext("A booking here lasts at most %(num)d minute.", "A booking here lasts at most %(num)d minutes.", rules.max_minutes), "too_long")
    if booking.starts_at < now + timedelta(minutes=rules.min_notice_minutes):
        raise BookingError(_("This slot has started or is too close to book now."), "too_late")
    if booking.starts_at > now + timedelta(days=rules.max_days_ahead):
        raise BookingError(ngettext("You can book at most %(num)d day ahead.", "You can book at most %(num)d days ahead.", rules.max_days_ahead), "too_far")
    if rules.max_per_week and booking.member_id:
        tz = ZoneInfo(booking.resource.site.timezone)
        local = booking.starts_at.astimezone(tz)
        monday = (local - timedelta(days=local.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
        count = db.session.scalar(select(func.count()).select_from(Booking).where(
            Booking.member_id == booking.member_id, Booking.status.in_(ACTIVE),
            Booking.site_id == booking.site_id,
            Booking.starts_at >= monday, Booking.starts_at < monday + timedelta(days=7)))
        if count >= rules.max_per_week:
            raise BookingError(ngettext("You already have %(num)d booking that week here, the most allowed.",
                                        "You already have %(num)d bookings that week here, the most allowed.",
                                        rules.max_per_week), "weekly_limit")
    if booking.member_id:
        _check_member_limits(rules, booking, now)
    if rules.buffer_minutes:
        gap = timedelta(minutes=rules.buffer_minutes)
        clash = db.session.scalar(select(Booking.id).where(
            Booking.resource_id == booking.resource_id, Booking.status.in_(ACTIVE),
            Booking.starts_at < booking.ends_at + gap, Booking.ends_at > booking.starts_at - gap,
            Booking.starts_at > booking.starts_at - timedelta(days=1)).limit(1))
        if clash is not None:
            from plugins.booking.errors import SlotTaken

            raise SlotTaken(ngettext("This room needs %(num)d minute free between bookings.", "This room needs %(num)d minutes free between bookings.", rules.buffer_minutes))


@cache
def _member_counts():
    """`_check_member_limits`' statement, built once with bound parameters (every booking sends it).

    Both counts in one statement: the member's other places of this kind at that time, and
    their holds of it that lapsed unpaid lately."""
    same_time = (Booking.member_id == bindparam("member_id"), Booking.site_id == bindparam("site_id"),
                 Booking.starts_at < bindparam("ends_at"), Booking.ends_at > bindparam("starts_at"),
                 Booking.starts_at > bindparam("since"))
    held = and_(Resource.kind == bindparam("kind"), Booking.status.in_(ACTIVE),
                Booking.resource_id != bindparam("resource_id"),  # the same one: the slot is taken (409)
                (Booking.status != "held") | (Booking.hold_expires_at >= bindparam("now")))
    unpaid = and_(Booking.status.in_(("expired", "cancelled")), Booking.hold_reason == "payment",
                  Booking.cancel_reason.in_(("hold_expired", "payment_failed")),
                  Booking.cancelled_at > bindparam("lapsed_since"))
    return select(func.count().filter(held), func.count().filter(unpaid)).select_from(Booking).join(Resource) \
        .where(*same_time)


def _check_member_limits(rules: Rules, booking: Booking, now) -> None:
    """One member, one place per period: the member's row is locked by the caller (see
    service.lock_for_rules), so parallel requests are counted one after the other."""
    count, lapsed = read(_member_counts(), {
        "member_id": booking.member_id, "site_id": booking.site_id, "starts_at": booking.starts_at,
        "ends_at": booking.ends_at, "since": booking.starts_at - timedelta(days=1),
        "kind": booking.resource.kind, "resource_id": booking.resource_id, "now": now,
        "lapsed_since": now - LAPSED_HOLDS_WINDOW}).one()
    if rules.max_per_period and count >= rules.max_per_period:
        raise BookingError(_("You already have a booking of this kind at that time here."), "period_limit")
    if lapsed >= LAPSED_HOLDS_LIMIT:
        raise BookingError(ngettext("You let this slot go unpaid %(num)d time today: you can hold it again tomorrow.",
                                    "You let this slot go unpaid %(num)d times today: you can hold it again tomorrow.",
                                    LAPSED_HOLDS_LIMIT), "hold_throttled")


def can_cancel(rules: Rules, booking: Booking, now) -> bool:
    return booking.starts_at - timedelta(minutes=rules.cancel_deadline_minutes) > now
