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
