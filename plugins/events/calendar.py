"""iCalendar (RFC 5545) documents: one event for a registrant, a site's events feed.

Times are written in UTC (a DTSTART with "Z" needs no VTIMEZONE); calendars show them in the
reader's zone."""
from __future__ import annotations

from flask import current_app
from icalendar import Calendar, Event as VEvent

from core.db import utcnow
from core.urls import external_url


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Tiers-Lieux//Events//FR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    return cal


def _vevent(event, now, registration=None) -> VEvent:
    item = VEvent()
    host = current_app.config.get("SERVER_NAME") or "tierslieux"
    item.add("uid", f"event-{event.id}@{host}")
    item.add("dtstamp", now)
    item.add("sequence", event.sequence)  # raised at each change mailed: calendars replace their copy
    item.add("dtstart", event.starts_at)
    item.add("dtend", event.ends_at)
    item.add("summary", event.title)
    description = event.description
    if event.site is not None:
        site = event.site
        item.add("location", f"{site.name}, {site.address}, {site.postcode} {site.commune}")
    elif registration is not None and registration.status == "confirmed":
        item.add("location", event.online_url)  # the link: for registered people only
        description = f"{description}\n\n{event.online_url}".strip()
    item.add("description", description)
    item.add("url", external_url("events.show", event_id=event.id))
    item.add("status", "CANCELLED" if event.status == "cancelled" else "CONFIRMED")
    return item


def registration_ics(registration) -> bytes:
    now = utcnow()
    cal = _calendar(registration.event.title)
    cal.add_component(_vevent(registration.event, now, registration))
    return cal.to_ical()


def feed(events, name: str) -> bytes:
    now = utcnow()
    cal = _calendar(name)
    for event in events:
        cal.add_component(_vevent(event, now))
    return cal.to_ical()
