"""The room an event takes, through booking's public API: booked for the event's duration,
given back when the event moves or is cancelled (in the event's transaction)."""
from __future__ import annotations

from flask_babel import gettext as _

from plugins.booking import move_room


def move(event, room_id, actor) -> None:
    """Give back the room the event held, then take `room_id` (None: no room) for its times.

    :raises plugins.booking.SlotTaken: the room is taken then (the caller's transaction rolls back).
    """
    booking = move_room(event.room_booking_id, room_id or None, event.site, event.starts_at, event.ends_at, actor,
                        note=_("Event: %(title)s", title=event.title))
    event.room_id, event.room_booking_id = (booking.resource_id, booking.id) if booking else (None, None)
