"""Telling a site's managers what waits for them: a booking to approve, a payment due on site.

One e-mail per event and manager: the booking's transaction records a job keyed by the event
(booking's own `booking_held` / `booking_confirmed` hooks), and the job, once that commits,
mails each manager of the site if the booking still waits for them.
"""
from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import force_locale

from core.db import find
from core.jobs import enqueue
from core.mail import queue_mail
from core.urls import external_url
from plugins.booking.models import Booking
from plugins.booking.service import amount_due

ALERT_JOB = "booking.alert_managers"


def booking_held(booking: Booking) -> None:
    if booking.hold_reason == "approval" and not booking.is_block:
        enqueue(ALERT_JOB, key=f"alert:approval:{booking.id}", booking_id=booking.id, event="approval")


def booking_confirmed(booking: Booking) -> None:
    # Only a member paying themselves may owe something on site; the job asks what exactly.
    if booking.payer_kind == "member" and not booking.is_block:
        enqueue(ALERT_JOB, key=f"alert:payment:{booking.id}", booking_id=booking.id, event="payment")


def alert_managers(booking_id: int, event: str) -> None:
    """The job: mail the site's managers about a booking still waiting for them (flushes)."""
    booking = find(Booking, booking_id)
    if booking is None or booking.member is None:
        return
    site = booking.resource.site
    if event == "approval":
        if booking.status != "held" or booking.hold_reason != "approval":
            return  # approved or refused before the job ran
        due = None
    else:
        due = amount_due(booking)
        if booking.status not in ("confirmed", "checked_in") or not due:
            return
    zone = ZoneInfo(site.timezone)
    day = booking.starts_at.astimezone(zone).date().isoformat()
    link = external_url("booking_manage.day", site_slug=site.slug, day=day)
    for manager in site.managers:
        if manager.is_active and manager.is_site_manager:
            if due:  # the sentence in the manager's language
                with force_locale(manager.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
                    due = amount_due(booking)
            queue_mail(manager.email, f"booking_manager_{event}", locale=manager.locale, booking=booking,
                       site=site, member=booking.member, manager=manager, start=booking.starts_at.astimezone(zone),
                       end=booking.ends_at.astimezone(zone), amount_due=due, link=link)
