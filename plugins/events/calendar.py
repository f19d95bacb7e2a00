"""iCalendar (RFC 5545) documents: one event for a registrant, a site's events feed.

Times are written in UTC (a DTSTART with "Z" needs no VTIMEZONE); calendars show them in the
reader's zone.

A site's feed at its public address holds what a visitor sees (public events): anyone with the
address reads it. A member's own address for it opens with the secret of their private calendar
address (booking's, one per member: `plugins.booking.feed_member`), since calendar apps cannot
sign in, and holds what that member sees there; renewing their address revokes it too. Where
booking is not offered there are no such secrets: the public feed only."""
from __future__ import annotations

from flask import current_app
from icalendar import Calendar, Event as VEvent

from core.db import utcnow
from core.plugins import registry
from core.urls import external_url
from plugins.booking import feed_member, member_feed_token


def private_feeds() -> bool:
    """Whether members have private calendar addresses here (booking offered, on or off: an
    address made before still opens while booking is switched off, as their bookings' feed)."""
    return "booking" in registry().modules


def feed_reader(token: str):
    """The member whose private address `token` is, or None (unknown, renewed, account closed)."""
    return feed_member(token) if private_feeds() else None


def member_feed_url(user, site) -> str | None:
    """A signed-in `user`'s own address of `site`'s events feed, or None before they have a
    private address."""
    token = member_feed_token(user) if private_feeds() else None
    return external_url("events.member_feed", site_slug=site.slug, token=token) if token else None


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
