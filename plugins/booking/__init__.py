"""The booking plugin: resources of each site, their availability, bookings, holds and calendars.

Its public API, for other plugins (nothing else of this package is theirs to import; see
docs/plugins.md). The functions flush and never commit: the caller owns the transaction.
"""
from plugins.booking.calendar import booking_ics
from plugins.booking.demo import seed_past_day
from plugins.booking.feeds import feed_member, member_feed_token
from plugins.booking.errors import BookingError, NotFound, Refused, SlotTaken
from plugins.booking.models import ACTIVE, MEMBERS_CHOICE, Booking, Resource
from plugins.booking.payment import Payer, Price, PriceNote
from plugins.booking.rooms import book_room, move_room, rooms_at
from plugins.booking.service import cancel as cancel_booking
from plugins.booking.service import confirm as confirm_booking
from plugins.booking.service import (awaiting_payment, cancel_future_bookings, extend_hold, get_booking,
                                     has_booked_at, members_present)
from plugins.booking.slots import periods_blocked

__all__ = ["ACTIVE", "MEMBERS_CHOICE", "Booking", "awaiting_payment", "BookingError", "NotFound", "Payer", "Price", "PriceNote", "Refused", "Resource", "SlotTaken",
           "booking_ics", "cancel_booking", "feed_member", "member_feed_token", "cancel_future_bookings", "confirm_booking", "extend_hold", "get_booking", "has_booked_at",
           "members_present", "move_room", "periods_blocked", "book_room", "rooms_at", "seed_past_day"]
