"""Rooms for other plugins: the meeting rooms of a site, and one taken for an event's duration."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from core.extensions import db
from plugins.booking.errors import BookingError
from plugins.booking.models import Booking, Resource
from plugins.booking.service import block, get_resource


def rooms_at(site) -> list[Resource]:
    """The meeting rooms offered at a site (not retired), by name."""
    return list(db.session.scalars(select(Resource).where(
        Resource.site_id == site.id, Resource.kind == "room", Resource.retired_at.is_(None))
        .order_by(Resource.name, Resource.id)))


def book_room(resource_id, site, starts_at, ends_at, actor, note: str = "") -> Booking:
    """Take a room of `site` for a time on another plugin's behalf (an event): a block with no
    member, stored like any booking, so the database refuses it when the room is taken.

    :raises NotFound: no such room at the site, or booking is off there.
    :raises SlotTaken: the room is taken then (409).
    """
    resource = get_resource(resource_id, site)
    if resource.kind != "room" or resource.is_retired:
        raise BookingError(_("This resource is no longer offered."), "retired")
    return block(resource, starts_at, ends_at, actor, note=note[:255])


def move_room(booking_id, resource_id, site, starts_at, ends_at, actor, note: str = "") -> Booking | None:
    """Give back the room block `booking_id` holds (None: none held) and take room `resource_id`
    (None: none) of `site` for a new time, in the caller's transaction.

    The waitlist is offered what was given back only once the new block is in place: an event
    moved by an hour in the same room frees only the hour it left, and a member must not be
    offered the hour it now takes.

    :raises NotFound: no such room at the site, or booking is off there.
    :raises SlotTaken: the room is taken then (the caller's transaction rolls back).
    """
    from plugins.booking import waitlist
    from plugins.booking.service import cancel

    given_back = None
    if booking_id is not None:
        try:
            given_back = cancel(booking_id, actor, reason="manager", enforce_deadline=False, offer=False)
        except BookingError:
            pass  # already given back (cancelled by the site's manager in booking's pages)
    booking = book_room(resource_id, site, starts_at, ends_at, actor, note=note) if resource_id else None
    if given_back is not None:
        waitlist.offer_freed(given_back)
    return booking
