"""E-mails to registrants, queued in the transaction of the change (core.mail)."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import current_app, has_request_context
from flask_babel import get_locale

from core.mail import queue_mail
from core.urls import external_url

from .calendar import registration_ics

# Mails that carry the event for the registrant's calendar.
WITH_CALENDAR = ("events_registered", "events_promoted", "events_reminder", "events_link", "events_moved",
                 "events_cancelled")


def _locale(registration) -> str:
    """The member's language, else the one the registration was made in, else the request's."""
    if registration.user is not None and registration.user.locale:
        return registration.user.locale
    if registration.locale:
        return registration.locale
    if has_request_context() and get_locale() is not None:
        return str(get_locale())
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def registration_mail(registration, template: str, **extra) -> None:
    event = registration.event
    zone = ZoneInfo(event.site.timezone if event.site is not None
                    else current_app.config["TERRITORY"].territory.timezone)
    attachments = []
    if template in WITH_CALENDAR and registration.status == "confirmed":
        attachments.append((f"event-{event.id}.ics", "text/calendar", registration_ics(registration)))
    queue_mail(registration.email, template, locale=_locale(registration), attachments=attachments,
               registration=registration, event=event, site=event.site, start=event.starts_at.astimezone(zone),
               end=event.ends_at.astimezone(zone), link=external_url("events.registration", token=registration.token),
               confirm_link=external_url("events.confirm", token=registration.token),
               event_link=external_url("events.show", event_id=event.id), **extra)
