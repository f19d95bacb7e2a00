"""The waitlist: members wait for a full slot; a freed place is offered to the first, for a while."""
from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from sqlalchemy import select, update

from core.accounts.models import User
from core.db import lock_row, utcnow
from core.extensions import db
from core.modules.service import is_enabled
from core.sites.service import closure_between
from plugins.booking import notify
from plugins.booking.errors import BookingError, NotFound
from plugins.booking.models import ACTIVE, Booking, Resource, WaitlistEntry
from plugins.booking.rules import check_period
from plugins.booking.slots import closed_by

OFFER_MINUTES = 120


def join(site, kind: str, member, starts_at, ends_at, now=None) -> WaitlistEntry:
    """Wait for a place of `kind` at `site` for that range (once: joining again returns the entry).

    :raises BookingError: a range no freed place could ever fill: past, reversed, on a day a
        closure covers (saying so, with its reason), outside the site's opening hours, a desk's
        or an office's by the hour (`rules.check_period`), or of a kind the site does not offer.
    """
    from core.sites.service import site_row
    from plugins.booking.slots import within_opening

    now = now or utcnow()
    if ends_at <= starts_at:
        raise BookingError(_("The end must come after the start."), "bad_range")
    if starts_at <= now:
        raise BookingError(_("This time has passed: choose one still to come."), "past")
    offered = db.session.scalar(select(Resource.id).where(Resource.site_id == site.id, Resource.kind == kind,
                                                          Resource.retired_at.is_(None))
                                .order_by(Resource.id).limit(1))
    if offered is None:
        raise BookingError(_("This site has no place of this kind."), "no_such_kind")
    # A place of the kind, then the member, as a booking takes them. A closure being confirmed
    # locks every resource of its site before it ends the waitlist of its days
    # (`closures.cancel_for_closure`): whichever comes first, the other sees it. The member's row:
    # two clicks at once make one entry (PostgreSQL reads before it writes).
    lock_row(Resource, offered)
    lock_row(User, member.id)
    refuse_closed(site, starts_at, ends_at)
    if not within_opening(site_row(site.id) or site, starts_at, ends_at):
        raise BookingError(_("The site is not open at that time."), "closed")
    check_period(site, kind, starts_at, ends_at)
    exists = db.session.scalar(select(WaitlistEntry).where(
        WaitlistEntry.site_id == site.id, WaitlistEntry.kind == kind, WaitlistEntry.member_id == member.id,
        WaitlistEntry.starts_at == starts_at, WaitlistEntry.ends_at == ends_at,
        WaitlistEntry.status.in_(["waiting", "offered"])))
    if exists is not None:
        return exists
    entry = WaitlistEntry(site_id=site.id, kind=kind, member_id=member.id, starts_at=starts_at, ends_at=ends_at)
    db.session.add(entry)
    db.session.flush()
    return entry


def refuse_closed(site, starts_at, ends_at) -> None:
    """Refuse to wait on a day a closure covers, saying so (read from the database: one confirmed
    a moment ago counts, which the site's cached row may not know yet)."""
    zone = ZoneInfo(site.timezone)
    first, last = starts_at.astimezone(zone).date(), (ends_at - timedelta(microseconds=1)).astimezone(zone).date()
    refusal = closed_by(closure_between(site.id, first, last))
    if refusal is not None:
        raise refusal


def offer_freed(booking: Booking, now=None) -> WaitlistEntry | None:
    """Offer a freed resource to the first member waiting for a slot it covers (in the caller's
    transaction); they have OFFER_MINUTES to take it, by e-mail link.

    Only a slot the resource is still free for: an event's room moved by an hour is given back
    and taken again in one transaction, and an expired offer's place may have been booked since
    it was made (offers hold nothing); offering those would send a member to a place that is taken.
    """
    now = now or utcnow()
    if booking.ends_at <= now:
        return None
    taken = select(Booking.id).where(Booking.resource_id == booking.resource_id, Booking.status.in_(ACTIVE),
                                     Booking.starts_at < WaitlistEntry.ends_at,
                                     Booking.ends_at > WaitlistEntry.starts_at)
    passed = []  # offered meanwhile by another place freed at the same moment: the next in line
    while True:
        entry = db.session.scalar(select(WaitlistEntry).where(
            WaitlistEntry.site_id == booking.site_id, WaitlistEntry.kind == booking.resource.kind,
            WaitlistEntry.status == "waiting", WaitlistEntry.starts_at >= booking.starts_at,
            WaitlistEntry.ends_at <= booking.ends_at, WaitlistEntry.starts_at > now, ~taken.exists(),
            WaitlistEntry.id.not_in(passed)).order_by(WaitlistEntry.created_at, WaitlistEntry.id).limit(1))
        if entry is None:
            return None
        expires = min(now + timedelta(minutes=OFFER_MINUTES), entry.starts_at)
        result = db.session.execute(update(WaitlistEntry).where(WaitlistEntry.id == entry.id,
                                                                WaitlistEntry.status == "waiting")
                                    .values(status="offered", offered_resource_id=booking.resource_id,
                                            offer_expires_at=expires).execution_options(synchronize_session=False))
        if result.rowcount == 1:
            break
        passed.append(entry.id)
    db.session.refresh(entry)
    notify.waitlist_offer_mail(entry, booking.resource)
    return entry


def accept(entry_id: int, member, now=None) -> Booking:
    """Take an offered place: book it (it may have gone, if someone booked it meanwhile)."""
    from plugins.booking.service import book

    now = now or utcnow()
    entry = db.session.get(WaitlistEntry, entry_id) if 0 < entry_id < 2 ** 63 else None
    if entry is None or entry.member_id != member.id or not is_enabled("booking", entry.site):
        raise NotFound(_("There is no such offer."))  # booking switched off there: as its page says
    if entry.status != "offered" or entry.offer_expires_at < now:
        raise BookingError(_("This offer has expired."), "offer_expired")
    resource = db.session.get(Resource, entry.offered_resource_id)
    booking = book(resource, member, entry.starts_at, entry.ends_at, now=now)
    db.session.execute(update(WaitlistEntry).where(WaitlistEntry.id == entry.id, WaitlistEntry.status == "offered")
                       .values(status="booked"))
    return booking


def expire_offers(now=None) -> int:
    """Offers past their time go back: the entry expires and the place goes to the next in line."""
    now = now or utcnow()
    expired = db.session.scalars(select(WaitlistEntry).where(WaitlistEntry.status == "offered",
                                                             WaitlistEntry.offer_expires_at < now)).all()
    count = 0
    for entry in expired:
        result = db.session.execute(update(WaitlistEntry).where(WaitlistEntry.id == entry.id,
                                                                WaitlistEntry.status == "offered")
                                    .values(status="expired"))
        if result.rowcount:
            count += 1
            resource = db.session.get(Resource, entry.offered_resource_id)
            offer_freed(SimpleNamespace(resource=resource, resource_id=resource.id, site_id=entry.site_id,
                                        starts_at=entry.starts_at, ends_at=entry.ends_at), now)
    return count
