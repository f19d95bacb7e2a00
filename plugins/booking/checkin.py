"""Arrivals: a member checks in by the booking page's link, with the day's code shown at the
site, or by scanning the site's QR code; a manager records an arrival or a no-show from the
site's day. The codes are derived from the secret key, the site and the local day: nothing is
stored, and yesterday's code or another site's never works."""
from __future__ import annotations

import hashlib
import hmac
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import exc as sa_exc, select

from core import audit
from core.db import utcnow
from core.extensions import db
from core.plugins import hooks
from plugins.booking import waitlist
from plugins.booking.errors import BookingError, NotFound, SlotTaken
from plugins.booking.models import Booking
from plugins.booking.service import find, is_overlap_error, lock_for_rules, set_status

CHECKIN_EARLY = timedelta(minutes=30)


def _digest(purpose: str, site, day: date) -> str:
    return hmac.new(current_app.config["SECRET_KEY"].encode(), f"{purpose}:{site.id}:{day.isoformat()}".encode(),
                    hashlib.sha256).hexdigest()


def local_day(site, instant) -> date:
    return instant.astimezone(ZoneInfo(site.timezone)).date()


def site_code(site, instant) -> str:
    """Six digits for a site and the local day of an instant; changes every day."""
    return f"{int(_digest('checkin', site, local_day(site, instant))[:12], 16) % 1_000_000:06d}"


def arrival_token(site, day: date) -> str:
    """The secret in the URL of a site's QR code for one local day."""
    return _digest("arrive", site, day)[:24]


def _mark_arrived(booking: Booking, now, from_statuses=("confirmed",)) -> Booking:
    if not set_status(booking.id, list(from_statuses), status="checked_in", checked_in_at=now):
        raise BookingError(_("This booking cannot be checked in."), "not_active")
    db.session.refresh(booking)
    hooks(booking.resource.site).booking_checked_in(booking=booking)
    return booking


def _in_window(booking: Booking, now) -> bool:
    return booking.starts_at - CHECKIN_EARLY <= now < booking.ends_at


def open_to_check_in(booking: Booking, now=None) -> bool:
    """Whether its member may say they arrived now: a confirmed booking, from 30 minutes before
    its start until its end (the booking's page shows the arrival form only then)."""
    return booking.status == "confirmed" and _in_window(booking, now or utcnow())


def check_in(booking_id: int, member, *, code: str | None = None, now=None) -> Booking:
    """A member marks their arrival, from 30 minutes before the start until the end."""
    now = now or utcnow()
    booking = find(Booking, booking_id)
    if booking is None or booking.member_id != getattr(member, "id", None):
        raise NotFound(_("There is no such booking."))
    if code is not None:
        if code.strip() != site_code(booking.resource.site, booking.starts_at):
            raise BookingError(_("This is not today's code for this site."), "bad_code")
    if not _in_window(booking, now):
        raise BookingError(_("You can check in from 30 minutes before your booking until its end."), "not_now")
    return _mark_arrived(booking, now)


def check_in_at_site(site, member, token: str, *, now=None) -> Booking:
    """A member who scanned the site's QR code checks in to their booking there now.

    :raises BookingError: not today's code of this site, no booking today, or none to check in now.
    """
    now = now or utcnow()
    today = local_day(site, now)
    if not hmac.compare_digest(str(token), arrival_token(site, today)):
        raise BookingError(_("This is not today's code for this site: scan the code shown at the site today."),
                           "bad_code")
    todays = [b for b in db.session.scalars(select(Booking).where(
        Booking.site_id == site.id, Booking.member_id == member.id, Booking.is_block.is_(False),
        Booking.status.in_(("confirmed", "checked_in")), Booking.starts_at > now - timedelta(days=1),
        Booking.starts_at < now + timedelta(days=1)).order_by(Booking.starts_at))
        if local_day(site, b.starts_at) == today]
    if not todays:
        raise BookingError(_("You have no booking today at %(site)s.", site=site.name), "no_booking")
    due = next((b for b in todays if b.status == "confirmed" and b.starts_at - CHECKIN_EARLY <= now < b.ends_at),
               None)
    if due is not None:
        return _mark_arrived(due, now)
    if any(b.status == "checked_in" and now < b.ends_at for b in todays):
        raise BookingError(_("Your arrival is already recorded. Welcome!"), "already")
    raise BookingError(_("You can check in from 30 minutes before your booking until its end."), "not_now")


def _at_site(booking_id: int, site) -> Booking:
    booking = find(Booking, booking_id)
    if booking is None or booking.site_id != site.id or booking.is_block:
        raise NotFound(_("There is no such booking."))
    return booking


def record_arrival(booking_id: int, site, actor, *, now=None) -> Booking:
    """A manager records a member's arrival from the site's day, on the day of the booking."""
    now = now or utcnow()
    booking = _at_site(booking_id, site)
    if local_day(site, now) != local_day(site, booking.starts_at):
        raise BookingError(_("An arrival is recorded on the day of the booking."), "not_today")
    _mark_arrived(booking, now)
    audit.record(actor, "booking.arrival_recorded", f"booking:{booking.id}")
    return booking


def mark_no_show(booking_id: int, site, actor, *, now=None) -> Booking:
    """A manager marks a confirmed booking as a no-show once it has started; the rest of the
    slot is free again and offered to the waitlist."""
    now = now or utcnow()
    booking = _at_site(booking_id, site)
    if now < booking.starts_at:
        raise BookingError(_("A no-show is decided once the booking has started."), "not_started")
    if not set_status(booking.id, ["confirmed"], status="no_show"):
        raise BookingError(_("Only a confirmed booking without arrival can be a no-show."), "not_active")
    db.session.refresh(booking)
    audit.record(actor, "booking.no_show", f"booking:{booking.id}")
    waitlist.offer_freed(booking, now)
    return booking


def undo_no_show(booking_id: int, site, actor, *, now=None) -> Booking:
    """Take back a no-show the same day (the member came late): the booking is confirmed again,
    unless its place was given to someone else meanwhile, or another plugin refuses it
    (`booking_no_show_undone`: a convention it would take past a cap).

    :raises BookingError: not the booking's day, the place taken (SlotTaken), or `Refused`.
    """
    now = now or utcnow()
    booking = _at_site(booking_id, site)
    if booking.status != "no_show" or local_day(site, now) != local_day(site, booking.starts_at):
        raise BookingError(_("A no-show can be taken back only on the day of the booking."), "not_today")
    # The locks a booking takes, in its order (resource, then member), before the row changes:
    # the plugins told below check again what the no-show had given back (a convention's cap)
    # under their own lock, as for a new booking, and the same member's bookings wait meanwhile.
    lock_for_rules(booking)
    taken = _("The place was given to someone else meanwhile.")
    try:
        with db.session.begin_nested():
            changed = set_status(booking.id, ["no_show"], status="confirmed")
    except sa_exc.DBAPIError as exc:
        if is_overlap_error(exc):
            raise SlotTaken(taken) from None
        raise
    if not changed:
        raise BookingError(_("A no-show can be taken back only on the day of the booking."), "not_today")
    db.session.refresh(booking)
    hooks(site).booking_no_show_undone(booking=booking, actor=actor)
    audit.record(actor, "booking.no_show_undone", f"booking:{booking.id}")
    return booking
