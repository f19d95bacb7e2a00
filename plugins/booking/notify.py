"""E-mails about bookings, each with its .ics attachment.

A request that changes a booking only enqueues `MAIL_JOB` (one row, in its transaction, so the
mail exists if and only if the change commits); the job renders the templates and the .ics,
which cost a booking request a quarter of its time when done inline (bench/README.md)."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import force_locale

from core.extensions import db
from core.jobs import enqueue
from core.mail import queue_mail
from core.plugins import hooks
from core.urls import external_url as _link
from plugins.booking.models import ACTIVE, Booking
from plugins.booking.switching import settling_hooks

MAIL_JOB = "booking.mail"


def mail_later(booking, template: str, **extra) -> None:
    """Have `MAIL_JOB` send the member this e-mail once the transaction commits.

    :param extra: JSON values for the template (a payment link), beside the booking's own.
    """
    enqueue(MAIL_JOB, booking_id=booking.id, template=template, extra=extra)


def refund_words(booking, reason: str) -> str | None:
    """What cancelling `booking` for `reason` gives back, in its member's language (the
    payment plugin's `booking_refund_preview`, as the confirmation page says it, asked of the
    hooks that settle it: the territory's where booking was switched off at its site since)."""
    with force_locale(booking.member.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
        words = settling_hooks(booking).booking_refund_preview(booking=booking, reason=reason)
    return str(words) if words else None


def send_mail_job(booking_id: int, template: str, extra: dict) -> None:
    """MAIL_JOB: render and queue the e-mail, from the booking as it is now."""
    booking = db.session.get(Booking, booking_id)
    if booking is None or booking.member is None or booking.member.erased_at is not None:
        return  # erased: booking detaches their bookings, and an erased row is never written to
    if template == "booking_held" and booking.status != "held":
        return  # paid or approved before the job ran: the confirmation says it all
    booking_mail(booking, template, **extra)


def booking_mail(booking, template: str, **extra) -> None:
    """Queue a confirmation, hold, reminder or cancellation e-mail to the booking's member
    (jobs call it; requests use `mail_later`)."""
    from plugins.booking.calendar import booking_ics

    member, site = booking.member, booking.resource.site
    if booking.status not in ACTIVE:
        extra["amount_due"] = None  # a cancelled booking is owed nothing (it said "To pay on site")
    elif "amount_due" not in extra:  # a sentence: in the member's language, not the actor's
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
