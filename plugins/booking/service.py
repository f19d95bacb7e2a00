"""Booking rules in action: book, hold, confirm, cancel, check in; compare-and-set throughout.

Plain functions taking values and returning values or raising a `BookingError`. They flush,
never commit: the caller (a view, the API, a CLI command, a job) owns the transaction. Other
plugins hear of each change through booking's event hooks, called inside that transaction, so
their follow-ups (an order, a credit used, a refund job) commit or roll back with it.
"""
from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from functools import cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from sqlalchemy import bindparam, exc as sa_exc, or_, select, update
from sqlalchemy.orm import joinedload

from core.accounts.models import User
from core.db import as_id, find, insert_now, lock_row, lock_rows, read, utcnow
from core.extensions import db
from core.modules.service import is_enabled
from core.plugins import hooks
from core.sites.access import can_see
from core.sites.models import Site
from core.sites.service import closure_between, site_row
from plugins.booking import notify, waitlist
from plugins.booking.switching import settling_hooks
from plugins.booking.errors import BookingError, NotFound, SlotTaken
from plugins.booking.models import ACTIVE, Booking, Resource
from plugins.booking.rules import can_cancel, check, effective_rules
from plugins.booking.slots import closed_by, within_opening

DEFAULT_HOLD_MINUTES = 30
# Once approved, a booking still to be paid online is held this long (at most until it starts).
APPROVED_PAYMENT_HOURS = 24


def is_overlap_error(exc: Exception) -> bool:
    """True when the database refused an overlapping active booking (either database)."""
    orig = getattr(exc, "orig", exc)
    sqlstate = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return sqlstate == "23P01" or "booking_overlap" in str(orig)


def get_resource(resource_id, site=None) -> Resource:
    """A bookable resource by id; 404 (NotFound) when unknown, at another site, or module off."""
    # Its site's hours only when asked: booking reads them from the cached site rows.
    number = as_id(resource_id)
    resource = db.session.scalar(_resource_query(), {"id": number}) if number else None
    if resource is None or (site is not None and resource.site_id != site.id) \
            or not is_enabled("booking", resource.site):
        raise NotFound(_("There is no such resource."))
    return resource


class Place(NamedTuple):
    """A resource as `refuse_early` needs it, read as a row (`find_place`)."""
    id: int
    site_id: int
    timezone: str
    is_retired: bool


def find_place(resource_id) -> Place:
    """The resource `resource_id` as a row; 404 (NotFound) as `get_resource`. For a request
    that refuses most of the time (a slot taken, at a rush): loading the object and its site
    costs the ORM five times what reading their columns does, and a refusal needs neither."""
    number = as_id(resource_id)
    row = read(_place_query(), {"id": number}).first() if number else None
    if row is None or not is_enabled("booking", _site_of(row.site_id)):
        raise NotFound(_("There is no such resource."))
    return Place(row.id, row.site_id, row.timezone, row.retired_at is not None)


def _site_of(site_id: int):
    """The site's cached row, or, for a site this process has not read since it was made, the
    object (from the session's identity map where the resource's own load brought it)."""
    return site_row(site_id) or db.session.get(Site, site_id)


@cache
def _place_query():
    return select(Resource.id, Resource.site_id, Site.timezone, Resource.retired_at).join(Resource.site) \
        .where(Resource.id == bindparam("id"))


def get_booking(booking_id) -> Booking:
    booking = find(Booking, booking_id)
    if booking is None or not is_enabled("booking", booking.resource.site):
        raise NotFound(_("There is no such booking."))
    return booking


def expire_holds_where(now, *conditions, skip_locked=False) -> list[int]:
    """Mark held rows past their expiry (and matching `conditions`) as expired, each by
    compare-and-set; return the ids this transaction expired.

    Each hold's member is locked before its row changes: a payment being fulfilled holds the
    member, then the order, then the booking, and expiring the hold (booking, then its order
    through `booking_cancelled`) without the member's lock first would deadlock with it on
    PostgreSQL. Members are taken in id order. `skip_locked`: a member busy in another
    transaction keeps their lapsed hold for now (the next sweep, or the next booking over it),
    so this never waits for a member's row.
    """
    rows = db.session.execute(select(Booking.id, Booking.member_id)
                              .where(Booking.status == "held", Booking.hold_expires_at < now, *conditions)
                              .order_by(Booking.member_id, Booking.id)).all()
    return _expire(rows, now, skip_locked)


def _expire(rows, now, skip_locked: bool) -> list[int]:
    """`expire_holds_where`'s writes, for the (booking id, member id) rows it read."""
    expired, locked = [], {None: True}
    for booking_id, member_id in rows:
        if member_id not in locked:
            locked[member_id] = lock_row(User, member_id, skip_locked=skip_locked)
        if not locked[member_id]:
            continue
        result = db.session.execute(update(Booking).where(Booking.id == booking_id, Booking.status == "held",
                                                          Booking.hold_expires_at < now)
                                    .values(status="expired", cancelled_at=now, cancel_reason="hold_expired"))
        if result.rowcount:
            expired.append(booking_id)
    return expired


def release_expired_holds(resource_id: int, starts_at, ends_at, now) -> list[int]:
    """Expire the lapsed holds overlapping a range, so they never block a new booking.

    Skipping a busy member: this runs under the resource's and the booker's locks, and waiting
    here for another member, who may be waiting for this resource (`book_any` trying its next
    candidate), would close a circle. Their hold, left as it is, refuses the insert: "just
    taken, choose another", the right answer while that member is paying for it.
    """
    rows = read(_lapsed_holds_over(), {"resource_id": resource_id, "starts_at": starts_at,
                                       "ends_at": ends_at, "now": now}).all()
    return _expire(rows, now, skip_locked=True)


# The reads every booking makes, built once with bound parameters (issue 16): building a
# statement costs more Python than the database takes to answer it. Functions, not module
# constants, so the mappers are complete when they are first built.

@cache
def _lapsed_holds_over():
    """`expire_holds_where`'s read for `release_expired_holds`: the lapsed holds over a range."""
    return (select(Booking.id, Booking.member_id)
            .where(Booking.status == "held", Booking.hold_expires_at < bindparam("now"),
                   Booking.resource_id == bindparam("resource_id"), Booking.starts_at < bindparam("ends_at"),
                   Booking.ends_at > bindparam("starts_at"))
            .order_by(Booking.member_id, Booking.id))


@cache
def _taken_query():
    """`is_free`'s read."""
    return select(Booking.id).where(
        Booking.resource_id == bindparam("resource_id"),
        *Booking.occupying(bindparam("starts_at"), bindparam("ends_at"), bindparam("now"),
                           since=bindparam("since"))).limit(1)


@cache
def _resource_query():
    """`get_resource`'s statement with its site, built once (`session.get` builds it anew each
    time, and every booking asks it)."""
    return (select(Resource).options(joinedload(Resource.site).lazyload(Site.opening_hours))
            .where(Resource.id == bindparam("id")))


def tell_expired(ids) -> None:
    """Other plugins learn which holds lapsed (billing stops waiting), in the same transaction."""
    for booking_id in ids:
        booking = db.session.get(Booking, booking_id)
        settling_hooks(booking).booking_cancelled(booking=booking, actor=None, reason="hold_expired")


def slot_taken() -> SlotTaken:
    return SlotTaken(_("This slot has just been taken. Please choose another one."))


def refuse_early(resource: Resource | Place, actor, starts_at, ends_at, now, *, is_block=False) -> None:
    """The refusals that need no lock: an unseen site, a retired resource, a bad range, a closed
    site, and a slot already taken, the most common (everyone wants Tuesday morning), said by
    one indexed query before the locks, the rules and the other plugins' questions. A preview
    only: `store` has the last word, and the database refuses an overlap at the insert.

    :raises BookingError: NotFound, SlotTaken or another refusal.
    """
    site = _site_of(resource.site_id)
    if not can_see(site, actor):  # an unpublished site, booked through the API by resource id
        raise NotFound(_("There is no such resource."))
    if resource.is_retired:
        raise BookingError(_("This resource is no longer offered."), "retired")
    if ends_at <= starts_at:
        raise BookingError(_("The end must come after the start."), "bad_range")
    if not is_block:
        if not within_opening(site, starts_at, ends_at):
            raise BookingError(_("The site is not open at that time."), "closed")
        if not is_free(resource.id, starts_at, ends_at, now):
            raise slot_taken()


_INSTANT = timedelta(microseconds=1)  # a booking ending at midnight does not reach the next day


def _validate(booking: Booking, actor, now, previewed=False) -> None:
    resource, site = booking.resource, booking.resource.site
    if not previewed:  # else the caller has just called refuse_early
        refuse_early(resource, actor, booking.starts_at, booking.ends_at, now, is_block=booking.is_block)
    if not booking.is_block:
        lock_for_rules(booking)
        # Asked again under the lock, from the database: the opening check above read the site's
        # cached row, and a closure confirmed meanwhile waits on this resource's lock
        # (`closures.cancel_for_closure`), so one of the two always sees the other.
        zone = ZoneInfo(site.timezone)
        first, last = booking.starts_at.astimezone(zone).date(), (booking.ends_at - _INSTANT).astimezone(zone).date()
        refusal = closed_by(closure_between(site.id, first, last))
        if refusal is not None:
            raise refusal
        check(effective_rules(site.id, resource.kind), booking, now)
        for reason in hooks(site).validate_booking(booking=booking, actor=actor):
            if reason:
                raise BookingError(reason, "refused")


def lock_for_rules(booking: Booking) -> None:
    """Lock the resource's row and the member's row until the transaction ends, so the rules
    checked in Python (a room's buffer, a member's limits) see every booking committed before,
    and parallel requests are checked one after the other. PostgreSQL only: on SQLite the
    writing transaction (BEGIN IMMEDIATE) already serialises writers (`core.db.lock_row`)."""
    if booking.member_id:
        lock_rows((Resource, booking.resource_id), (User, booking.member_id))
    else:
        lock_row(Resource, booking.resource_id)


def _real(user):
    return user._get_current_object() if hasattr(user, "_get_current_object") else user


def prepare(resource: Resource, member, starts_at: datetime, ends_at: datetime, actor=None,
            *, now=None, series_id=None, is_block=False, note="", previewed=False) -> Booking:
    """Build and validate a booking, asking other plugins who pays and how much; not stored.
    `previewed`: the caller has just called `refuse_early` for it.

    :raises BookingError: a broken rule.
    """
    now = now or utcnow()
    member, actor = _real(member), _real(actor)  # views pass flask_login's current_user proxy
    booking = Booking(resource=resource, resource_id=resource.id, site_id=resource.site_id,
                      member_id=getattr(member, "id", None), member=member,
                      created_by_id=getattr(actor or member, "id", None), starts_at=starts_at, ends_at=ends_at,
                      series_id=series_id, is_block=is_block, note=note, checkin_code=secrets.token_hex(4),
                      status="confirmed")
    _validate(booking, actor or member, now, previewed)
    site = resource.site
    if not is_block:
        payer = hooks(site).booking_payer(booking=booking)
        price = hooks(site).booking_price(booking=booking)
        if payer is not None:
            booking.payer_kind, booking.payer_reference = payer.kind, payer.reference
        if price is not None:
            booking.price_cents, booking.currency = price.amount_cents, price.currency
        manager_booked = actor is not None and actor.id != getattr(member, "id", None) and actor.manages(site)
        approval = resource.approval_required or effective_rules(site.id, resource.kind).approval_required
        if approval and not manager_booked:
            booking.status, booking.hold_reason, booking.hold_expires_at = "held", "approval", starts_at
        elif payer is not None and payer.needs_payment:
            minutes = payer.hold_minutes or DEFAULT_HOLD_MINUTES
            booking.status, booking.hold_reason = "held", "payment"
            booking.hold_expires_at = min(now + timedelta(minutes=minutes), starts_at)
    return booking


def is_free(resource_id: int, starts_at, ends_at, now) -> bool:
    """No active, unexpired booking overlaps the range (a preview; the database has the last word)."""
    return read(_taken_query(), {"resource_id": resource_id, "starts_at": starts_at, "ends_at": ends_at,
                                 "now": now, "since": starts_at - timedelta(days=1)}).scalar() is None


def store(booking: Booking, now=None, *, then_other: bool = True) -> Booking:
    """Insert a prepared booking after freeing expired holds; the database refuses an overlap.

    :param then_other: the caller goes on in this transaction after a refusal (the next place,
        the next day of a series): the insert is made in a savepoint. Without it a refusal
        leaves the transaction to be rolled back, as every refused single booking is (two
        statements fewer on each booking: the savepoint and its release).
    :raises SlotTaken: the slot is taken (409).
    """
    tell_expired(release_expired_holds(booking.resource_id, booking.starts_at, booking.ends_at, now or utcnow()))
    # Translated now: after a refused flush the session must be rolled back before any load.
    taken = slot_taken()
    try:
        if then_other:
            # Added inside the savepoint (begin_nested flushes what is pending first): a refused
            # insert rolls back to it and leaves the transaction usable.
            with db.session.begin_nested():
                db.session.add(booking)
                db.session.flush()
        else:
            insert_now(booking)
    except sa_exc.DBAPIError as exc:
        if is_overlap_error(exc):
            raise taken from None
        raise
    return booking


def new_booking(resource: Resource, member, starts_at: datetime, ends_at: datetime, actor=None,
                *, now=None, then_other: bool = True, **options) -> Booking:
    """Validate and add one booking to the session (not committed): held or confirmed.

    :raises BookingError: a broken rule (422), SlotTaken (409).
    """
    return store(prepare(resource, member, starts_at, ends_at, actor, now=now, **options), now,
                 then_other=then_other)


def announce(booking: Booking) -> None:
    """Mail the member and tell other plugins about a stored booking (same transaction)."""
    if not booking.is_block and booking.member is not None:
        notify.mail_later(booking, "booking_held" if booking.status == "held" else "booking_confirmed")
    hook = hooks(booking.resource.site)
    if booking.status == "held":
        hook.booking_held(booking=booking)
    elif booking.status == "confirmed" and not booking.is_block:
        hook.booking_confirmed(booking=booking)


def book(resource: Resource, member, starts_at: datetime, ends_at: datetime, actor=None, *, now=None,
         previewed=False) -> Booking:
    """Book a resource for a member (or, by a manager, on their behalf); the caller commits.

    :return: the stored `Booking`, "confirmed", or "held" until `hold_expires_at` when a payment
        (`booking_payer(...).needs_payment`) or the manager's approval must complete it.
    :raises BookingError: a broken rule, or another plugin refused it while acting on it.
    """
    # A refusal ends the request, whose transaction is rolled back: no savepoint needed.
    booking = new_booking(resource, member, starts_at, ends_at, actor, now=now, previewed=previewed,
                          then_other=False)
    announce(booking)
    return booking


def book_any(site, kind: str, member, starts_at: datetime, ends_at: datetime, actor=None, *, now=None) -> Booking:
    """Book a free resource of a kind at a site for a member who asked for "a desk" (or an
    office, a room): the platform picks it. Each candidate goes through `new_booking` (the same
    locks, rules and database refusal as `book`); one taken meanwhile by someone else is skipped
    for the next, so two members asking at once for the last two desks both get one, and for
    the last one, one gets it and the other a `SlotTaken`.

    Candidates free at first sight come first, those booked online before those needing the
    manager's approval, then by group and name (a stable choice: the same desk when free).

    :raises NotFound: the site has no resource of that kind.
    :raises SlotTaken: none is free then (409: the member may join the waitlist).
    :raises BookingError: a rule that holds for every resource (the member's limits, closed).
    """
    now = now or utcnow()
    for resource in free_candidates(site, kind, starts_at, ends_at, now):
        booking = None
        try:
            booking = prepare(resource, member, starts_at, ends_at, actor, now=now)
            store(booking, now)
        except SlotTaken:
            continue  # taken meanwhile (the savepoint took the refused row away): the next one
        announce(booking)
        return booking
    raise _all_taken()


def free_candidates(site, kind: str, starts_at: datetime, ends_at: datetime, now) -> list[Resource]:
    """The resources of a kind at a site free at first sight over a range, in the order
    `book_any` tries them: online before approval, then group, name, id. The order does not
    depend on what each request saw, so concurrent requests lock the resources in the same order
    (on PostgreSQL they wait for each other, never deadlock). A preview: `store` has the last word.

    :raises NotFound: the site has no resource of that kind.
    """
    candidates = db.session.scalars(select(Resource).where(
        Resource.site_id == site.id, Resource.kind == kind, Resource.retired_at.is_(None))).all()
    if not candidates or not is_enabled("booking", site):
        raise NotFound(_("There is no such place at this site."))
    busy = set(db.session.scalars(select(Booking.resource_id).where(  # one query for all of them
        Booking.resource_id.in_([r.id for r in candidates]), *Booking.occupying(starts_at, ends_at, now))))
    return sorted((r for r in candidates if r.id not in busy),
                  key=lambda r: (r.approval_required, r.group_name or "", r.name, r.id))


def refuse_when_full(site, kind: str, starts_at: datetime, ends_at: datetime, now) -> None:
    """`book_any`'s refusal that needs no lock: every place of the kind is taken then.

    :raises NotFound: the site has no resource of that kind.
    :raises SlotTaken: none is free at first sight.
    """
    if not free_candidates(site, kind, starts_at, ends_at, now):
        raise _all_taken()


def _all_taken() -> SlotTaken:
    return SlotTaken(_("Every place of this kind is taken then. You may join the waitlist."))


def block(resource: Resource, starts_at, ends_at, actor, note="") -> Booking:
    """A manager takes a resource out of service for a time (maintenance): a booking with no member."""
    return new_booking(resource, None, starts_at, ends_at, actor, is_block=True, note=note)


def payment_url(booking: Booking) -> str | None:
    if booking.status != "held" or booking.hold_reason != "payment":
        return None
    return hooks(booking.resource.site).booking_payment_url(booking=booking)


def amount_due(booking: Booking) -> str | None:
    """What the member still has to pay and how (asked of the plugin taking payments)."""
    if booking.is_block or booking.status not in ACTIVE:
        return None
    return hooks(booking.resource.site).booking_amount_due(booking=booking)


def cancellation_preview(booking: Booking, reason: str = "member", now=None) -> tuple[bool, str | None]:
    """Whether `reason`'s canceller may cancel `booking` now, and what it would give back (asked of
    the plugin taking payments; the same rules as `cancel`)."""
    if booking.status not in ("held", "confirmed"):
        return False, None
    if reason == "member" and booking.status == "confirmed" and \
            not can_cancel(effective_rules(booking.site_id, booking.resource.kind), booking, now or utcnow()):
        return False, None
    return True, settling_hooks(booking).booking_refund_preview(booking=booking, reason=reason)


def upcoming_and_past(member, now=None, page: int = 1, per_page: int = 20) -> tuple[list[Booking], list[Booking], bool]:
    """A member's active bookings not yet over (the soonest first); one page of the others, over
    or closed (the most recent first); and whether there is an older page."""
    now = now or utcnow()
    upcoming = db.session.scalars(select(Booking).where(
        Booking.member_id == member.id, Booking.ends_at > now, Booking.status.in_(ACTIVE))
        .order_by(Booking.starts_at, Booking.id)).all()
    past = db.session.scalars(select(Booking).where(
        Booking.member_id == member.id, or_(Booking.ends_at <= now, Booking.status.not_in(ACTIVE)))
        .order_by(Booking.starts_at.desc(), Booking.id.desc())
        .offset((max(page, 1) - 1) * per_page).limit(per_page + 1)).all()
    return upcoming, past[:per_page], len(past) > per_page


def why_member_pays(booking: Booking) -> str | None:
    """Why the member pays a booking another plugin pays for them at other times (a convention
    past its cap), asked of the plugins."""
    return hooks(booking.resource.site).booking_why_member_pays(booking=booking)


def payer_label(booking: Booking) -> str | None:
    """Who pays when it is not the member ("Paid by <partner>"), asked of the plugin paying."""
    if booking.is_block or booking.payer_kind in (None, "member"):
        return None
    return hooks(booking.resource.site).booking_payer_label(booking=booking)


def set_status(booking_id: int, from_statuses, **values) -> bool:
    """Compare-and-set: change a booking only if its status is still one of `from_statuses`."""
    result = db.session.execute(update(Booking).where(Booking.id == booking_id, Booking.status.in_(from_statuses))
                                .values(**values).execution_options(synchronize_session=False))
    return result.rowcount == 1


def confirm(booking_id: int, actor=None) -> Booking | None:
    """Confirm a held booking (payment done, manager approved); compare-and-set.

    A hold past its expiry can still be confirmed while its row is "held": nobody else could
    take the slot without first marking it expired.

    :return: the confirmed booking, or None when it was not held any more (cancelled, expired,
        already confirmed): the caller then refunds or ignores.
    """
    if not set_status(booking_id, ["held"], status="confirmed", hold_expires_at=None):
        return None
    booking = db.session.get(Booking, booking_id)
    db.session.refresh(booking)
    notify.mail_later(booking, "booking_confirmed")
    hooks(booking.resource.site).booking_confirmed(booking=booking)
    return booking


def extend_hold(booking_id: int, until: datetime) -> bool:
    """Keep a held booking held until `until` (e.g. a checkout session's expiry); compare-and-set."""
    return set_status(booking_id, ["held"], hold_expires_at=until)


def approve(booking_id: int, actor, *, now=None) -> Booking | None:
    """A manager approves a booking held for approval. Approval and payment compose: when the
    payer still has to pay online, the booking stays held, now for its payment (until
    `APPROVED_PAYMENT_HOURS` later, at most its start), and the member is mailed what to pay
    and where; otherwise (credits, a convention, on site, free) it is confirmed as before.

    :return: the booking, or None when it was not waiting for approval any more.
    :raises BookingError: another plugin refused it (e.g. the credits were spent meanwhile).
    """
    now = now or utcnow()
    booking = find(Booking, booking_id)
    if booking is None or booking.status != "held" or booking.hold_reason != "approval":
        return None
    if booking.member_id:  # before the booking and the member's orders change (the lock order)
        lock_row(User, booking.member_id)
        db.session.refresh(booking)  # as it is now that nobody else changes it
        if booking.status != "held" or booking.hold_reason != "approval":
            return None
    payer = hooks(booking.resource.site).booking_payer(booking=booking)  # asked again: credits may be gone
    booking.payer_kind = payer.kind if payer is not None else None
    booking.payer_reference = payer.reference if payer is not None else None
    db.session.flush()
    if payer is None or not payer.needs_payment:
        return confirm(booking_id, actor)
    until = min(now + timedelta(hours=APPROVED_PAYMENT_HOURS), booking.starts_at)
    # Compare-and-set on the reason too: of two managers approving at once, one goes on.
    moved = db.session.execute(update(Booking).where(Booking.id == booking_id, Booking.status == "held",
                                                     Booking.hold_reason == "approval")
                               .values(hold_reason="payment", hold_expires_at=until)
                               .execution_options(synchronize_session=False))
    if moved.rowcount != 1:
        return None
    db.session.refresh(booking)
    notify.mail_later(booking, "booking_approved", payment_link=payment_url(booking))
    hooks(booking.resource.site).booking_held(booking=booking)
    return booking


def cancel(booking_id: int, actor=None, reason: str = "member", *, now=None, enforce_deadline=True,
           offer: bool = True, note: str = "", mail: bool = True) -> Booking:
    """Cancel an active booking; compare-and-set. Members must respect the cancellation deadline.

    :param reason: "member", "manager", "site_closed", "hold_expired", "payment_failed",
        "approval_refused", "account_erased" (the member's own choice too: `MEMBERS_CHOICE`),
        "employer" (the employer paying it ended the member's cover: conventions).
    :param note: why, in the manager's words (or the closure's reason), told to the member in the
        cancellation e-mail and kept on the booking (`cancel_note`) for its page and the manager's day.
    :param offer: offer the freed place to the waitlist now; False for a caller that takes the
        resource again in the same transaction and offers what is left itself (`rooms.move_room`),
        or that closes the day (`closures`).
    :param mail: False for a caller that tells the member itself, once for several bookings
        (conventions, ending an employee's cover, sends one e-mail listing what it cancelled).
    :raises BookingError: past the deadline, or not active any more.
    """
    now = now or utcnow()
    booking = find(Booking, booking_id)
    if booking is None:
        raise NotFound(_("There is no such booking."))
    rules = effective_rules(booking.site_id, booking.resource.kind)
    # A member who has arrived cannot cancel (their arrival would leave the figures, and the rest
    # of the slot go to the waitlist while they sit there); the page shows no button, the POST
    # and the API were let through. Compared and set below too: a check-in racing this.
    cancellable = ("held", "confirmed") if reason == "member" else ACTIVE
    if reason == "member" and booking.status == "checked_in":
        raise BookingError(_("You have arrived: this booking can no longer be cancelled."), "checked_in")
    if enforce_deadline and reason == "member" and booking.status == "confirmed" \
            and not can_cancel(rules, booking, now):
        raise BookingError(_("This booking can no longer be cancelled: the deadline has passed."), "deadline")
    if booking.member_id is not None:
        # The member's row first, as booking and billing take their locks (member, then the
        # booking, then its orders): a payment fulfilled while the member cancels locks its
        # order and then confirms the booking, the other way round, and on PostgreSQL the two
        # would each wait for the other until one is killed as a deadlock.
        lock_row(User, booking.member_id)
    note = note.strip()[:500]  # the column's length: a closure's reason or the manager's form fit in it
    if not set_status(booking.id, cancellable, status="cancelled", cancelled_at=now, cancel_reason=reason,
                      cancel_note=note):
        raise BookingError(_("This booking is not active any more."), "not_active")
    db.session.refresh(booking)
    if mail and booking.member is not None:
        # What is given back, asked now: once `booking_cancelled` has refunded, nothing is left
        # to say. The e-mail tells it, so a refund that comes with a cancellation needs no mail
        # of its own (billing mails only the refunds made apart from one).
        notify.mail_later(booking, "booking_cancelled", note=note,
                          refund=notify.refund_words(booking, reason))
    if offer and is_enabled("booking", booking.resource.site):  # nobody may book there meanwhile
        waitlist.offer_freed(booking, now)
    if not booking.is_block:
        settling_hooks(booking).booking_cancelled(booking=booking, actor=actor, reason=reason)
    return booking


def awaiting_payment(member_id: int, site_id: int) -> list[Booking]:
    """A member's bookings at a site held until they pay, the soonest first."""
    return db.session.scalars(select(Booking).where(
        Booking.member_id == member_id, Booking.site_id == site_id, Booking.status == "held",
        Booking.hold_reason == "payment").order_by(Booking.starts_at)).all()


def has_booked_at(member_id: int, site_id: int) -> bool:
    """Whether a member has ever booked at a site (any status: they are one of its members)."""
    return db.session.scalar(select(Booking.id).where(Booking.member_id == member_id, Booking.site_id == site_id,
                                                      Booking.is_block.is_(False)).limit(1)) is not None


def members_present(site_id: int, starts_at, ends_at) -> list[int]:
    """The members with an active booking at a site overlapping [starts_at, ends_at) (UTC
    instants), each once, in id order: who works there in that time (the directory's "who is
    here this week", among members who chose to show it)."""
    return list(db.session.scalars(select(Booking.member_id).where(
        Booking.site_id == site_id, Booking.status.in_(ACTIVE), Booking.is_block.is_(False),
        Booking.member_id.is_not(None), Booking.starts_at < ends_at, Booking.ends_at > starts_at)
        .distinct().order_by(Booking.member_id)))


def cancel_future_bookings(member, reason: str, actor=None, *, now=None) -> list[int]:
    """Cancel a member's bookings not yet over and not arrived at, each through `cancel` (so
    other plugins refund and credit as for any cancellation: for "account_erased", the late
    rules of a member's own cancellation), e.g. when the member erases their account. Past
    bookings, and one the member has checked in to, stay as they were (occupancy figures; a day
    worked and then refunded by erasing the account, before).

    :return: the ids cancelled.
    """
    now = now or utcnow()
    ids = db.session.scalars(select(Booking.id).where(Booking.member_id == member.id,
                                                      Booking.status.in_(("held", "confirmed")),
                                                      Booking.ends_at > now)).all()
    cancelled = []
    for booking_id in ids:
        try:
            with db.session.begin_nested():
                cancel(booking_id, actor, reason, now=now, enforce_deadline=False)
            cancelled.append(booking_id)
        except BookingError:
            pass  # no longer active (cancelled meanwhile)
    return cancelled


def bookings_of(member, upcoming_only=False, now=None, limit: int | None = None) -> list[Booking]:
    """A member's bookings, latest first; or those not over yet, soonest first (the first
    `limit`: a member with a year's series has a hundred)."""
    if upcoming_only and limit is not None:  # every member's home
        return db.session.scalars(_next_bookings_query(), {"member_id": member.id, "now": now or utcnow(),
                                                           "limit": limit}).all()
    query = select(Booking).where(Booking.member_id == member.id)
    if upcoming_only:
        query = query.where(Booking.ends_at > (now or utcnow()), Booking.status.in_(ACTIVE))
    return db.session.scalars(query.order_by(Booking.starts_at.desc() if not upcoming_only
                                             else Booking.starts_at).limit(limit)).all()


def bookings_page(member, limit: int, after: tuple[datetime, int] | None = None) -> tuple[list[Booking], bool]:
    """A page of a member's bookings, latest first (the API's list): the first `limit` after
    the (start, id) `after`, and whether more follow. The id breaks ties between bookings
    starting together, so each booking is on exactly one page."""
    query = select(Booking).where(Booking.member_id == member.id)
    if after is not None:
        starts_at, booking_id = after
        query = query.where(or_(Booking.starts_at < starts_at,
                                (Booking.starts_at == starts_at) & (Booking.id < booking_id)))
    found = db.session.scalars(query.order_by(Booking.starts_at.desc(), Booking.id.desc()).limit(limit + 1)).all()
    return found[:limit], len(found) > limit


@cache
def _next_bookings_query():
    """The first bookings not over yet, built once with bound parameters."""
    return select(Booking).where(Booking.member_id == bindparam("member_id"), Booking.ends_at > bindparam("now"),
                                 Booking.status.in_(ACTIVE)).order_by(Booking.starts_at).limit(bindparam("limit"))
