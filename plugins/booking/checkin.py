"""Arrivals: a member checks in by the booking page's link or with the day's code shown at the
site (derived from the secret key, so nothing is stored)."""
from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _

from core.db import utcnow
from core.extensions import db
from core.plugins import hooks
from plugins.booking.errors import BookingError, NotFound
from plugins.booking.models import Booking
from plugins.booking.service import find, set_status

CHECKIN_EARLY = timedelta(minutes=30)


def site_code(site, instant) -> str:
    """Six digits for a site and the local day of an instant; changes every day."""
    day = instant.astimezone(ZoneInfo(site.timezone)).date().isoformat()
    digest = hmac.new(current_app.config["SECRET_KEY"].encode(), f"checkin:{site.id}:{day}".encode(),
                      hashlib.sha256).hexdigest()
    return f"{int(digest[:12], 16) % 1_000_000:06d}"


def check_in(booking_id: int, member, *, code: str | None = None, now=None) -> Booking:
    """A member marks their arrival, from 30 minutes before the start until the end."""
    now = now or utcnow()
    booking = find(Booking, booking_id)
    if booking is None or booking.member_id != getattr(member, "id", None):
        raise NotFound(_("There is no such booking."))
    if code is not None:
        if code.strip() != site_code(booking.resource.site, booking.starts_at):
            raise BookingError(_("This is not today's code for this site."), "bad_code")
    if not (booking.starts_at - CHECKIN_EARLY <= now < booking.ends_at):
        raise BookingError(_("You can check in from 30 minutes before your booking until its end."), "not_now")
    if not set_status(booking.id, ["confirmed"], status="checked_in", checked_in_at=now):
        raise BookingError(_("This booking cannot be checked in."), "not_active")
    db.session.refresh(booking)
    hooks(booking.resource.site).booking_checked_in(booking=booking)
    return booking
