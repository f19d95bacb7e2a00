"""E-mails about bookings, each with its .ics attachment, queued in the booking's transaction."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import force_locale

from core.mail import queue_mail
from core.plugins import hooks
from core.urls import external_url as _link


def booking_mail(booking, template: str, **extra) -> None:
    """Queue a confirmation, hold, reminder or cancellation e-mail to the booking's member."""
    from plugins.booking.calendar import booking_ics

    member, site = booking.member, booking.resource.site
    if "amount_due" not in extra:  # a sentence: in the member's language, not the actor's
        with force_locale(member.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
            extra["amount_due"] = hooks(site).booking_amount_due(booking=booking)
    zone = ZoneInfo(site.timezone)
    queue_mail(member.email, template, locale=member.locale,
               attachments=[(f"booking-{booking.id}.ics", "text/calendar", booking_ics(booking))],
               booking=booking, site=site, member=member, start=booking.starts_at.astimezone(zone),
               end=booking.ends_at.astimezone(zone),
               link=_link("booking.show", booking_id=booking.id), **extra)


def waitlist_offer_mail(entry, resource) -> None:
    zone = ZoneInfo(entry.site.timezone)
    queue_mail(entry.member.email, "booking_waitlist_offer", locale=entry.member.locale, entry=entry,
               resource=resource, site=entry.site, start=entry.starts_at.astimezone(zone),
               end=entry.ends_at.astimezone(zone), expires=entry.offer_expires_at.astimezone(zone),
               link=_link("booking.waitlist_accept_page", entry_id=entry.id))
