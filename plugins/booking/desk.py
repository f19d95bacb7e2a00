"""A site manager's day at the desk: who is expected by period, what waits for them (requests to
approve, payments due on site), the members they book for; plain functions, no Flask."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

from flask_babel import gettext as _, lazy_gettext as _l
from sqlalchemy import func, select

from core.accounts.models import User
from plugins.booking.errors import BookingError
from core.db import utcnow
from core.extensions import db
from core.modules.service import is_enabled
from core.plugins import hooks
from core.sites.service import closure_on, is_public_holiday, managed_sites, opening_intervals
from plugins.booking.models import Booking
from plugins.booking.service import amount_due
from plugins.booking.slots import half_days, to_utc, usual_half_days

PRESENT = ("confirmed", "checked_in")  # a held booking owes nothing yet
GROUPS = {"morning": _l("Morning"), "afternoon": _l("Afternoon"), "day": _l("Whole day"),
          "hours": _l("By the hour"), "blocks": _l("Maintenance")}


@dataclass
class Group:
    key: str
    label: object
    bookings: list = field(default_factory=list)


def period_of(booking: Booking, site, parts: dict) -> str:
    """"morning", "afternoon" or "day" when a booking is exactly that half-day or day of its
    site (`parts`: `slots.half_days` of its day), else "hours"."""
    day = booking.starts_at.astimezone(ZoneInfo(site.timezone)).date()
    for name in ("morning", "afternoon", "day"):
        if name in parts and (booking.starts_at, booking.ends_at) == (
                to_utc(day, parts[name][0], site.timezone), to_utc(day, parts[name][1], site.timezone)):
            return name
    return "hours"


def bookings_between(site, first: date, last: date, *where) -> list[Booking]:
    """A site's bookings starting between two local dates (inclusive), in order; `where`: more
    conditions."""
    start, end = to_utc(first, time(0), site.timezone), to_utc(last + timedelta(days=1), time(0), site.timezone)
    return db.session.scalars(select(Booking).where(Booking.site_id == site.id, Booking.starts_at >= start,
                                                    Booking.starts_at < end, *where)
                              .order_by(Booking.starts_at)).all()


def expected(site, day: date, bookings: list[Booking]) -> list[Group]:
    """The day's bookings grouped by period (then by the hour, then maintenance), empty groups left out."""
    # A closed day has no half-days: what still stands on it (booked before the closure, or
    # started already when it was added) is filed by the weekday's usual hours, not "By the hour".
    parts = half_days(site, day) or usual_half_days(site, day)
    groups = {key: Group(key, label) for key, label in GROUPS.items()}
    for booking in bookings:
        key = "blocks" if booking.is_block else period_of(booking, site, parts)
        groups[key].bookings.append(booking)
    return [g for g in groups.values() if g.bookings]


def closed_notice(site, day: date) -> str | None:
    """Why the site is closed on a day, for its manager's day; None when it opens."""
    if opening_intervals(site, day):
        return None
    closure = closure_on(site, day)
    if closure is not None:
        return _("Closed: %(reason)s", reason=closure.reason) if closure.reason else _("Closed that day.")
    if site.closed_on_public_holidays and is_public_holiday(day):
        return _("Closed: public holiday.")
    return _("Closed: no opening hours on this day of the week.")


def awaiting_approval(site_ids: list[int], now=None) -> int:
    """Bookings of these sites waiting for a manager's approval, not yet started."""
    if not site_ids:
        return 0
    return db.session.scalar(select(func.count()).select_from(Booking).where(
        Booking.site_id.in_(site_ids), Booking.status == "held", Booking.hold_reason == "approval",
        Booking.starts_at > (now or utcnow()))) or 0


def payments_due(site, bookings: list[Booking]) -> dict[int, str]:
    """{booking id: what is still to pay} for those of the bookings the member pays themselves
    (asked of the plugin taking payments; nothing without one)."""
    return {b.id: due for b in bookings if b.member_id and b.payer_kind == "member" and b.status in PRESENT
            and (due := amount_due(b))}


def desk_links(bookings: list[Booking]) -> dict[int, list]:
    """{booking id: [NavItem]} other plugins add beside a booking (record its payment...)."""
    out = {}
    for booking in bookings:
        if booking.is_block or booking.member_id is None:
            continue
        links = [item for result in hooks(booking.resource.site).booking_desk_links(booking=booking) if result
                 for item in result]
        if links:
            out[booking.id] = links
    return out


def desk_sites(user) -> list:
    """The sites whose day this user keeps (booking switched on there)."""
    if not getattr(user, "is_authenticated", False) or not (user.is_site_manager or user.is_territory_admin):
        return []
    return [site for site in managed_sites(user) if is_enabled("booking", site)]


def to_handle(site, day: date, now=None) -> int:
    """Requests to approve at a site, plus today's payments due on site: the badge's count."""
    # Every page of a manager shows it: only today's bookings that may owe something are read
    # (the member pays, still present), not the whole day's.
    todays = bookings_between(site, day, day, Booking.payer_kind == "member", Booking.member_id.is_not(None),
                              Booking.status.in_(PRESENT))
    # Asked once for the whole list (`booking_owing`), not a sentence per booking.
    owing = (hooks(site).booking_owing(bookings=todays) or ()) if todays else ()
    return awaiting_approval([site.id], now) + len(owing)


def member_named(site, text: str):
    """The active member a manager means by `text`: an e-mail address, or the name of one of
    the members who booked at the site (case and spaces aside).

    :raises BookingError: nobody, or several members of that name (the address tells them apart).
    """
    text = " ".join(text.split())
    if "@" in text:
        member = User.by_email(text)
    else:
        named = [email for name, email in site_members(site) if name.casefold() == text.casefold()]
        if len(named) > 1:
            raise BookingError(_("Several members who booked here are called %(name)s: type the address of the "
                                 "one you mean.", name=text))
        member = User.by_email(named[0]) if named else None
    if member is None or not member.is_active:
        raise BookingError(_("No member has this address, nor this name among those who booked here: type "
                             "their e-mail address."))
    return member


def site_members(site, limit: int = 500) -> list[tuple[str, str]]:
    """(name, e-mail) of the members who have booked at a site, for the manager's member picker."""
    rows = db.session.execute(
        select(User.display_name, User.email).where(User.id.in_(
            select(Booking.member_id).where(Booking.site_id == site.id, Booking.member_id.is_not(None))))
        .order_by(User.display_name).limit(limit)).all()
    return [(name, email) for name, email in rows]

