"""schema.org `Event` descriptions of events, for search engines (JSON-LD in the pages)."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import current_app

from core.urls import external_url, public_url

from .service import tz_of


def event(item) -> dict:
    zone_start = item.starts_at.astimezone(ZoneInfo(tz_of(item)))
    zone_end = item.ends_at.astimezone(ZoneInfo(tz_of(item)))
    url = external_url("events.show", event_id=item.id)
    if item.site is not None:
        site = item.site
        location = {"@type": "Place", "name": site.name, "address": {
            "@type": "PostalAddress", "streetAddress": site.address, "postalCode": site.postcode,
            "addressLocality": site.commune, "addressCountry": "FR"},
            "geo": {"@type": "GeoCoordinates", "latitude": site.latitude, "longitude": site.longitude}}
        mode = "https://schema.org/OfflineEventAttendanceMode"
    else:
        location = {"@type": "VirtualLocation", "url": url}  # the meeting's link is for registrants
        mode = "https://schema.org/OnlineEventAttendanceMode"
    territory = current_app.config["TERRITORY"].territory
    return {
        "@context": "https://schema.org", "@type": "Event", "name": item.title, "description": item.description,
        "url": url, "startDate": zone_start.isoformat(), "endDate": zone_end.isoformat(),
        "eventStatus": "https://schema.org/EventCancelled" if item.status == "cancelled"
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": mode, "location": location, "isAccessibleForFree": True,
        "maximumAttendeeCapacity": item.capacity, "remainingAttendeeCapacity": item.seats_left,
        "organizer": {"@type": "Organization", "name": territory.name, "url": public_url()},
    }

