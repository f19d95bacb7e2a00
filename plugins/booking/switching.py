"""Booking switched off at a site: what its members keep.

Switching booking off at a site refuses new bookings there and closes the manager's pages, but
the bookings members already hold stay valid: a member still sees their own booking and may
cancel it (by the usual rules), and what they paid comes back as for any cancellation. Members
are never left with a booking listed as confirmed that they can neither open nor cancel.
Switched off for the whole territory, the same holds everywhere: a member's list of bookings, a
booking's page, its calendar file, its cancellation, their private calendar feed, and the API's
list of their bookings and its cancellation stay open (`@reachable_when_off`), and the menu and
home page keep their entry while they hold a booking (`kept_nav_items`,
`kept_dashboard_widgets`); every other page of booking is closed.
"""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func, select

from core.db import utcnow
from core.extensions import db
from core.modules.service import is_enabled
from core.plugins import registry
from plugins.booking.models import ACTIVE, Booking


def upcoming_count(site=None, now=None) -> int:
    """Members' active bookings not yet over, at a site or (None) anywhere."""
    query = select(func.count()).select_from(Booking).where(
        Booking.status.in_(ACTIVE), Booking.ends_at > (now or utcnow()), Booking.is_block.is_(False),
        Booking.member_id.is_not(None))
    if site is not None:
        query = query.where(Booking.site_id == site.id)
    return db.session.scalar(query) or 0


def switch_off_impact(site=None, now=None) -> list[str]:
    """The sentences of the confirmation page before booking goes off there."""
    count = upcoming_count(site, now)
    said = [_("New bookings at this site will be refused.") if site is not None
            else _("New bookings will be refused at every site.")]
    if count:
        said.insert(0, ngettext("%(num)d upcoming booking stays valid: its member can still see and cancel it.",
                                "%(num)d upcoming bookings stay valid: members can still see and cancel them.",
                                count))
    else:
        said.insert(0, _("No upcoming booking at this site.") if site is not None else _("No upcoming booking."))
    return said


def holds_bookings(user) -> bool:
    """Whether `user` has any booking of their own (to find them while booking is off)."""
    return db.session.scalar(select(Booking.id).where(Booking.member_id == user.id).limit(1)) is not None


def own_booking_open(booking, user) -> bool:
    """Whether `user` may open `booking`'s page: its member always (read and cancel, even where
    booking was switched off at its site since), a manager of its site only while booking is on
    there (the manager's side of a switched-off module stays closed)."""
    if booking.member_id is not None and booking.member_id == getattr(user, "id", None):
        return True
    site = booking.resource.site
    return bool(getattr(user, "manages", None) and user.manages(site)) and is_enabled("booking", site)


def settling_hooks(booking):
    """The hooks that settle an existing booking (its refund preview, its cancellation): every
    offered plugin's, whatever the switches, as for `site_closed`. What was paid before a switch
    is still owed, whichever went off (booking taking billing along, at a site or territory-wide,
    or billing alone), as the refund jobs run whatever the switches (docs/plugins.md,
    "Transactions and jobs"); a plugin holding nothing of the booking does nothing."""
    return registry().pm.hook  # as `core.sites.service` asks `site_closed`
