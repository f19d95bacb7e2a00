"""Booking's JSON API: resources, availability, bookings; errors as {"error": {code, message}}."""
from __future__ import annotations

from flask import Blueprint, g, jsonify, request
from flask_babel import gettext as _

from core.api import paging
from core.api.base import ApiError, json_body, token_required
from core.api.openapi import error_responses, ok
from core.db import done_reading, find, reads_first, utcnow
from core.extensions import db
from core.pagecache import kept_for_visitors
from core.modules.guard import reachable_when_off
from core.sites.service import site_by_slug
from plugins.booking import availability, resources as resource_service, service
from plugins.booking.errors import BookingError
from plugins.booking.models import KINDS, Booking
from plugins.booking.slots import PERIODS, local_iso, parse_day, parse_local

api = Blueprint("booking_api", __name__, url_prefix="/api/v1")


def resource_json(resource) -> dict:
    return {"id": resource.id, "site": resource.site.slug, "kind": resource.kind, "name": resource.name,
            "group": resource.group_name, "seats": resource.seats, "equipment": list(resource.equipment or []),
            "accessible": resource.accessible, "photos": list(resource.photos or []),
            "approval_required": resource.approval_required}


def booking_json(booking) -> dict:
    tz = booking.resource.site.timezone
    return {"id": booking.id, "status": booking.status, "resource": booking.resource_id,
            "site": booking.resource.site.slug, "start": local_iso(booking.starts_at, tz),
            "end": local_iso(booking.ends_at, tz),
            "hold_expires_at": local_iso(booking.hold_expires_at, tz) if booking.hold_expires_at else None,
            "payment_url": service.payment_url(booking),
            # Who pays: "member", "credits", "membership", "partner" (a convention)...; null: free.
            "payer": {"kind": booking.payer_kind, "reference": booking.payer_reference} if booking.payer_kind else None,
            # Why it ended: who cancelled ("member", "manager", "site_closed", "hold_expired", ...)
            # and the team's note, as the booking's page shows them.
            "cancelled": {"reason": booking.cancel_reason, "note": booking.cancel_note or None}
            if booking.cancel_reason else None}


@api.get("/sites/<site_slug>/resources")
def site_resources(site_slug):
    site = site_by_slug(site_slug)
    if site is None or not site.is_published:
        raise ApiError(404, _("There is no such site."), "not_found")
    return jsonify([resource_json(r) for r in resource_service.resources_of(site)])


@api.get("/availability")
@kept_for_visitors  # a caller without a token may read a place taken up to 5 s late; POST /bookings says 409
def get_availability():
    args = request.args
    try:
        day = parse_day(args.get("date", ""))
    except BookingError as exc:
        raise ApiError(400, str(exc), exc.code) from None
    kind, period = args.get("kind") or None, args.get("period") or None
    if kind is not None and kind not in KINDS:
        raise ApiError(400, _("kind must be one of %(values)s.", values=", ".join(KINDS)), "bad_request")
    if period is not None and period not in PERIODS:
        raise ApiError(400, _("period must be one of %(values)s.", values=", ".join(PERIODS)), "bad_request")
    out = []
    for entry in availability.network(day, kind, period, site_slug=args.get("site") or None):
        out.append({"site": entry.site.slug, "name": entry.site.name, "resources": [
            {"id": r.resource.id, "kind": r.resource.kind, "name": r.resource.name,
             "free": [s.as_json for s in r.free]} for r in entry.resources]})
    return jsonify({"date": day.isoformat(), "sites": out})


@api.post("/bookings")
@reads_first
@token_required
def create_booking():
    data = json_body()
    # A BookingError goes to the core's handler: JSON with its status and code.
    place = service.find_place(data.get("resource"))
    if not isinstance(data.get("start"), str) or not isinstance(data.get("end"), str):
        raise BookingError(_("Give start and end as local ISO times."), "bad_time")
    starts_at, ends_at = parse_local(data["start"], place.timezone), parse_local(data["end"], place.timezone)
    now = utcnow()
    # A slot already taken (most refusals at a rush) is refused without waiting for the write lock,
    # and before the place is loaded as an object.
    service.refuse_early(place, g.api_user, starts_at, ends_at, now)
    resource = service.get_resource(place.id)
    done_reading()
    booking = service.book(resource, g.api_user, starts_at, ends_at, g.api_user, now=now, previewed=True)
    answer = booking_json(booking)  # before the commit expires the objects it reads
    db.session.commit()
    return jsonify(answer), 201


@api.get("/bookings")
@reachable_when_off  # a member's own bookings, as on the pages: kept where booking is switched off (switching)
@token_required
def my_bookings():
    limit, after = paging.limit_arg(), paging.instant_cursor_arg()
    page, more = service.bookings_page(g.api_user, limit, after)
    response = jsonify([booking_json(b) for b in page])
    if more:
        last = page[-1]
        paging.link_next(response, "booking_api.my_bookings", paging.instant_cursor(last.starts_at, last.id), limit)
    return response


@api.post("/bookings/<int:booking_id>/cancel")
@reachable_when_off  # its member only, even where booking is switched off since (as the page's cancel)
@token_required
def cancel_booking(booking_id):
    booking = find(Booking, booking_id)
    if booking is None or booking.member_id != g.api_user.id:
        raise ApiError(404, _("There is no such booking."), "not_found")
    booking = service.cancel(booking.id, g.api_user, "member")
    db.session.commit()
    return jsonify(booking_json(booking))


BOOKING = {"type": "object", "required": ["id", "status", "resource", "site", "start", "end"],
           "properties": {"id": {"type": "integer"},
                          "status": {"type": "string", "enum": ["held", "confirmed", "checked_in", "cancelled",
                                                                "expired", "no_show"]},
                          "resource": {"type": "integer"}, "site": {"type": "string"},
                          "start": {"type": "string"}, "end": {"type": "string"},
                          "hold_expires_at": {"type": ["string", "null"]},
                          "payment_url": {"type": ["string", "null"]},
                          "payer": {"type": ["object", "null"], "properties": {
                              "kind": {"type": "string"}, "reference": {"type": ["string", "null"]}}},
                          "cancelled": {"type": ["object", "null"], "properties": {
                              "reason": {"type": "string"}, "note": {"type": ["string", "null"]}}}}}
RESOURCE = {"type": "object", "required": ["id", "site", "kind", "name"],
            "properties": {"id": {"type": "integer"}, "site": {"type": "string"},
                           "kind": {"type": "string", "enum": list(KINDS)}, "name": {"type": "string"},
                           "group": {"type": "string"}, "seats": {"type": "integer"},
                           "equipment": {"type": "array", "items": {"type": "string"}},
                           "accessible": {"type": "boolean"}, "photos": {"type": "array", "items": {"type": "string"}},
                           "approval_required": {"type": "boolean"}}}
SLOT = {"type": "object", "properties": {"period": {"type": "string"}, "start": {"type": "string"},
                                         "end": {"type": "string"}}}
AVAILABILITY = {"type": "object", "required": ["date", "sites"], "properties": {
    "date": {"type": "string", "format": "date"},
    "sites": {"type": "array", "items": {"type": "object", "properties": {
        "site": {"type": "string"}, "name": {"type": "string"},
        "resources": {"type": "array", "items": {"type": "object", "properties": {
            "id": {"type": "integer"}, "kind": {"type": "string"}, "name": {"type": "string"},
            "free": {"type": "array", "items": {"$ref": "#/components/schemas/Slot"}}}}}}}}}}


def _param(name, schema, required=False, where="query"):
    return {"name": name, "in": where, "required": required, "schema": schema}


OPENAPI = {
    "schemas": {"Booking": BOOKING, "Resource": RESOURCE, "Slot": SLOT, "Availability": AVAILABILITY},
    "paths": {
        "/sites/{site_slug}/resources": {"get": {
            "summary": "A site's bookable resources", "operationId": "listResources", "security": [],
            "parameters": [_param("site_slug", {"type": "string"}, True, "path")],
            "responses": {**ok({"type": "array", "items": {"$ref": "#/components/schemas/Resource"}}),
                          **error_responses(404)}}},
        "/availability": {"get": {
            "summary": "Free slots on a date, per site and resource, as local ISO times",
            "operationId": "getAvailability", "security": [],
            "description": "Without an Authorization header the answer may be up to a few seconds old (each "
                           "server keeps it 5 s by default); with a token it is computed for the request. "
                           "POST /bookings refuses a slot taken meanwhile (409).",
            "parameters": [_param("date", {"type": "string", "format": "date"}, True),
                           _param("site", {"type": "string"}),
                           _param("kind", {"type": "string", "enum": list(KINDS)}),
                           _param("period", {"type": "string", "enum": list(PERIODS)})],
            "responses": {**ok({"$ref": "#/components/schemas/Availability"}), **error_responses(400)}}},
        "/bookings": {
            "get": {"summary": "The caller's bookings, latest first, a page at a time", "operationId": "listBookings",
                    "description": "The first page holds the latest `limit` bookings (by start, then id). When "
                                   'more follow, the answer\'s `Link` header gives the next page\'s address '
                                   '(rel="next"), with its `cursor`; the last page has none. A booking made '
                                   "while paging does not shift the pages.",
                    "parameters": paging.parameters(),
                    "responses": {**ok({"type": "array", "items": {"$ref": "#/components/schemas/Booking"}},
                                       headers=paging.LINK_HEADER),
                                  **error_responses(400, 401)}},
            "post": {"summary": "Book a resource", "operationId": "createBooking",
                     "description": "start and end are local ISO times at the resource's site. A desk or an "
                                    "office is booked for one of the site's half-days or its whole day, with the "
                                    "times GET /availability gives (any other hours: 422, code not_by_the_hour); "
                                    "a room for any hours within the opening.",
                     "requestBody": {"required": True, "content": {"application/json": {"schema": {
                         "type": "object", "required": ["resource", "start", "end"],
                         "properties": {"resource": {"type": "integer"}, "start": {"type": "string"},
                                        "end": {"type": "string"}}}}}},
                     "responses": {**ok({"$ref": "#/components/schemas/Booking"}, "Booked", 201),
                                   **error_responses(400, 401, 403, 404, 409, 415, 422)}}},
        "/bookings/{booking_id}/cancel": {"post": {
            "summary": "Cancel one of the caller's bookings", "operationId": "cancelBooking",
            "parameters": [_param("booking_id", {"type": "integer"}, True, "path")],
            "responses": {**ok({"$ref": "#/components/schemas/Booking"}), **error_responses(401, 404, 422)}}},
    },
}
