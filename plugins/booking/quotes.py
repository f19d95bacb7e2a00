"""What a place costs before anyone books it: the price hook asked about an unsaved booking.

`booking_price` (billing answers it) takes a `Booking`; a quote builds one that is never added
to the session (no id, status "quote"), so the price a search shows is the price the booking
gets, computed by the same code. With no plugin answering (billing off at the site), no price.
"""
from __future__ import annotations

from core.plugins import hooks
from plugins.booking.models import Booking, Resource
from plugins.booking.payment import Price


def quote(resource: Resource, starts_at, ends_at, member_id: int | None = None) -> Price | None:
    """The price of booking `resource` over a range, for a member (None: a visitor)."""
    draft = Booking(resource=resource, resource_id=resource.id, site_id=resource.site_id, member_id=member_id,
                    starts_at=starts_at, ends_at=ends_at, status="quote", is_block=False)
    return hooks(resource.site).booking_price(booking=draft)
