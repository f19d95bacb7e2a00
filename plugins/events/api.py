"""The JSON API: upcoming events and one event. Without a token, public events only; with a
bearer token (`Authorization: Bearer ...`), also what its holder may see on the pages (members'
events, their partner's staff events) and their own registration."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import Blueprint, jsonify, request
from flask_babel import gettext as _, ngettext

from core.api.base import ApiError, optional_token_user
from core.api.openapi import error_responses, ok
from core.db import utcnow
from core.errors import NotFound
from core.modules.service import is_enabled
from core.sites.service import site_by_slug
from core.timeutil import YEARS_AWAY, local_to_utc, within_reach
from core.urls import external_url
from plugins.billing import price_with_vat

from . import service

api = Blueprint("events_api", __name__, url_prefix="/api/v1")
MAX_DAYS = 366  # the widest window asked at once


def _caller():
    return optional_token_user()


def _day(name: str) -> date | None:
    value = request.args.get(name, "").strip()
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, _("%(value)s is not a date (YYYY-MM-DD).", value=value[:40]), "bad_date") from None
    if not within_reach(day):  # a valid date, but year 1 or 9999 overflows on its way to UTC
        raise ApiError(400, ngettext("%(value)s is too far from today: give a date within %(num)d year.",
                                     "%(value)s is too far from today: give a date within %(num)d years.", YEARS_AWAY,
                                     value=value), "bad_date")
    return day


def _midnight(day: date, later: int = 0) -> datetime:
    """The instant a day (or `later` days after it) starts in the territory's time."""
    return local_to_utc(day + timedelta(days=later), time(0, 0), service.territory_tz())


def event_json(event, user=None) -> dict:
    tz = service.tz_of(event)
    registration = service.registration_of(event, user.email) if user is not None else None
    seated = registration is not None and registration.status == "confirmed"
    return {"id": event.id, "title": event.title, "description": event.description,
            "site": event.site.slug if event.site is not None else None, "online": event.is_online,
            "online_url": event.online_url if event.is_online and seated else None,
            "starts_at": local_iso(event.starts_at, tz), "ends_at": local_iso(event.ends_at, tz),
            "capacity": event.capacity, "seats_left": event.seats_left, "audience": event.audience,
            "status": event.status,
            "price_cents": price_with_vat(event.price_cents, event.vat_rate_bp) if event.is_paid else 0,
            "url": external_url("events.show", event_id=event.id),
            "registration": registration.status if registration is not None else None}


def local_iso(instant: datetime, tz: str) -> str:
    return instant.astimezone(ZoneInfo(tz)).isoformat(timespec="minutes")


@api.get("/events")
def list_events():
    """Upcoming events, soonest first: `site` (a slug), `from` and `to` (days, in the territory's time)."""
    user = _caller()
    site = None
    slug = request.args.get("site", "").strip()
    if slug:
        site = site_by_slug(slug[:80])
        if site is None or not site.is_published or not is_enabled("events", site):
            raise ApiError(404, _("No site by this name offers events."), "not_found")
    start, end = _day("from"), _day("to")
    if start and end and end < start:
        raise ApiError(400, _("The end must come after the start."), "bad_range")
    if start and end and (end - start).days > MAX_DAYS:
        raise ApiError(400, ngettext("Ask for at most %(num)d day at once.", "Ask for at most %(num)d days at once.",
                                     MAX_DAYS), "bad_range")
    now = utcnow()
    if start is not None:
        now = max(now, _midnight(start))
    until = _midnight(end, 1) if end is not None else None
    events = [e for e in service.upcoming(user, site, now=now)
              if (until is None or e.starts_at < until) and (start is None or e.starts_at >= now)]
    return jsonify([event_json(e, user) for e in events])


@api.get("/events/<int:event_id>")
def get_event(event_id):
    user = _caller()
    try:
        event = service.get_event(event_id, user)
    except NotFound:
        event = None
    if event is None or not service.listed_to(user, event):
        raise ApiError(404, _("There is no such event."), "not_found")
    return jsonify(event_json(event, user))


EVENT = {"type": "object",
         "required": ["id", "title", "site", "online", "starts_at", "ends_at", "capacity", "seats_left", "audience",
                      "status", "price_cents", "url"],
         "properties": {"id": {"type": "integer"}, "title": {"type": "string"}, "description": {"type": "string"},
                        "site": {"type": ["string", "null"], "description": "the site's slug; null online"},
                        "online": {"type": "boolean"},
                        "online_url": {"type": ["string", "null"],
                                       "description": "the meeting's link, to a registered token holder only"},
                        "starts_at": {"type": "string", "description": "ISO 8601 with the site's offset"},
                        "ends_at": {"type": "string"}, "capacity": {"type": "integer"},
                        "seats_left": {"type": "integer"},
                        "audience": {"type": "string", "enum": ["public", "members", "partner"]},
                        "status": {"type": "string", "enum": ["scheduled", "cancelled"]},
                        "price_cents": {"type": "integer", "description": "the ticket, VAT included; 0: free"},
                        "url": {"type": "string"},
                        "registration": {"type": ["string", "null"],
                                         "description": "the token holder's: held, confirmed, waiting, pending..."}}}
OPTIONAL_TOKEN = [{}, {"bearer": []}]
OPENAPI = {
    "schemas": {"Event": EVENT},
    "paths": {
        "/events": {"get": {
            "summary": "Upcoming events (public ones; with a token, also members' and your partner's)",
            "operationId": "listEvents", "security": OPTIONAL_TOKEN,
            "parameters": [{"name": "site", "in": "query", "schema": {"type": "string"}},
                           {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}},
                           {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}}],
            "responses": {**ok({"type": "array", "items": {"$ref": "#/components/schemas/Event"}}),
                          **error_responses(400, 401, 404)}}},
        "/events/{event_id}": {"get": {
            "summary": "One event", "operationId": "getEvent", "security": OPTIONAL_TOKEN,
            "parameters": [{"name": "event_id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "responses": {**ok({"$ref": "#/components/schemas/Event"}), **error_responses(401, 404)}}},
    },
}
