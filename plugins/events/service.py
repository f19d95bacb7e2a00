"""Events' rules: who may see and join an event, seats and the waitlist, attendance.

Plain functions; they flush, never commit: the caller (a view, a job) owns the transaction.
Seats are counted on the event's row and taken by compare-and-set (`seats_taken < capacity`
in the UPDATE's WHERE), so of parallel registrations for the last seat the database lets one
through and the others join the waitlist, on SQLite and PostgreSQL alike.
"""
from __future__ import annotations

import secrets
from datetime import timedelta
from functools import cache

from flask import current_app, has_request_context
from flask_babel import get_locale, gettext as _
from sqlalchemy import bindparam, func, or_, select, update
from sqlalchemy.orm import lazyload

from core import audit
from core.accounts.models import User
from core.db import as_id, find, is_unique_violation, lock_row, utcnow
from core.errors import Forbidden, NotFound
from core.extensions import db
from core.jobs import enqueue
from core.modules.service import is_enabled
from core.plugins import plugin_config
from core.sites.service import managed_sites
from core.timeutil import utc_to_local
from plugins.billing import (cancel_item_checkout, cancel_notice_hours, kept_item_order, refund_item, sells_online,
                              vat_rate_bp)
from plugins.conventions import is_employee_of, partner_ids_of, partner_names

from . import notify, rooms
from .errors import EventsError
from .models import AUDIENCES, HELD, SEATED, Event, Registration

ACTIVE = ("pending", HELD, "confirmed", "waiting")
SELLER = "events"  # the name billing knows events' tickets by
FIRST_HOLD = timedelta(minutes=15)  # a seat of a paid event, held while the member opens the payment page
OFFER_HOLD = timedelta(hours=24)  # a seat offered to the first of the waitlist, to pay within a day
PAYMENT_GRACE = timedelta(minutes=5)  # the hold outlives the payment page by this much
RELEASE_JOB = "events.release_holds"
CHANGED_JOB = "events.tell_changed"


def territory_tz() -> str:
    return current_app.config["TERRITORY"].territory.timezone


def tz_of(event: Event) -> str:
    return event.site.timezone if event.site is not None else territory_tz()


def is_on(event: Event) -> bool:
    return is_enabled("events", event.site)


def referent_partners(user) -> list[int]:
    """The partners whose staff's events `user` runs: those they are référent of (conventions'
    `partner_ids_of`), while conventions is on."""
    if not getattr(user, "is_authenticated", False) or not is_enabled("conventions"):
        return []
    return list(partner_ids_of(user))


def invitable_partners(user, event=None) -> dict[int, str]:
    """The partners, by id and name, whose staff `user` may invite to an event (`event`, when
    editing one): every partner for the territory's administrators; for a site's team, those
    listed publicly or working with its sites (conventions' rule: an unlisted partner stays
    unnamed to other sites' teams), its own as a référent, and the event's own."""
    everyone = partner_names()
    if user.is_territory_admin:
        return everyone
    allowed = (set(partner_names(managed_sites(user))) | set(referent_partners(user))
               | {getattr(event, "partner_id", None)})
    return {i: name for i, name in everyone.items() if i in allowed}


def can_manage(user, event_or_site) -> bool:
    """A site's managers run its events; online events (no site) are the territory admin's; an
    event for a partner's staff is also run by that partner's référents."""
    if not getattr(user, "is_authenticated", False):
        return False
    site = event_or_site.site if isinstance(event_or_site, Event) else event_or_site
    if user.is_territory_admin if site is None else user.manages(site):
        return True
    return (isinstance(event_or_site, Event) and event_or_site.audience == "partner"
            and event_or_site.partner_id in referent_partners(user))


def may_attend(user, event: Event) -> bool:
    """Public: anyone; members: a signed-in account; partner: that partner's staff (and managers)."""
    if event.audience == "public":
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    if event.audience == "members":
        return True
    return is_employee_of(user, event.partner_id) or can_manage(user, event)


def get_event(event_id, user=None) -> Event:
    """An event someone may see; NotFound otherwise (unknown, module off, a partner's event)."""
    event = find(Event, event_id)
    if event is None or not is_on(event) or (event.site is not None and not event.site.is_published
                                             and not can_manage(user, event)) \
            or (event.audience == "partner" and not may_attend(user, event)):
        raise NotFound(_("There is no such event."))
    return event


def listed_to(user, event: Event) -> bool:
    """Whether the lists (pages and API) show `event` to `user`: those who may attend it, so a
    members' event is hidden from visitors and a partner's from all but its staff and managers.
    For a visitor it depends on nothing but being signed in: the visitors' kept page is shared."""
    return may_attend(user, event)


def upcoming(user, site=None, limit: int | None = None, now=None) -> list[Event]:
    """Scheduled events not over yet that `user` may see (`listed_to`; None: a visitor),
    soonest first (at a site when given)."""
    query = select(Event).where(Event.status == "scheduled", Event.ends_at > (now or utcnow()))
    if site is not None:
        # Each event's site is the caller's (in the session: read by its key, without SQL), not
        # joined again with its opening hours: a site's page read them twice.
        query = query.where(Event.site_id == site.id).options(lazyload(Event.site))
    out = []
    # Whether an event is listed depends on its audience, partner and site only (`may_attend`):
    # asked once per such triple, not per event (a partner's event read whom the reader works
    # for, three statements, each time: a member's feed, fetched every few minutes).
    listed: dict[tuple, bool] = {}
    for event in db.session.scalars(query.order_by(Event.starts_at, Event.id)):
        if not is_on(event) or (event.site is not None and not event.site.is_published):
            continue
        key = (event.audience, event.partner_id, event.site_id)
        if key not in listed:
            listed[key] = listed_to(user, event)
        if not listed[key]:
            continue
        out.append(event)
        if limit is not None and len(out) >= limit:
            break
    return out


def managed_events(user) -> list[Event]:
    events = db.session.scalars(select(Event).order_by(Event.starts_at.desc(), Event.id.desc()))
    return [e for e in events if can_manage(user, e)]


# --------------------------------------------------------------------------------------------
# Creating and changing events
# --------------------------------------------------------------------------------------------


def save_event(actor, event: Event | None, *, site, title: str, description: str, online_url: str, starts_at,
               ends_at, capacity: int, audience: str, partner_id=None, room_id=None, price_cents: int = 0,
               now=None) -> Event:
    """Create (event None) or change an event; books its room through booking's public API.

    :raises Forbidden: the actor does not manage the site (or, online, is not the territory admin).
    :raises EventsError: a time, a capacity, an audience or a price that does not hold (a paid
        event is at a site selling online through billing; its price is fixed once people registered).
    :raises plugins.booking.SlotTaken: the room is taken then.
    """
    now = now or utcnow()
    runs_site = can_manage(actor, site)
    for_staff = audience == "partner" and partner_id in referent_partners(actor)
    if not (runs_site or for_staff) or (event is not None and not can_manage(actor, event)):
        raise Forbidden(_("You do not run events there."))
    if not runs_site:  # a référent: an event for their staff, free, at a site open to events or online
        if site is not None and not (site.is_published and is_enabled("events", site)):
            raise Forbidden(_("You do not run events there."))
        if event is not None and room_id is None and (site, starts_at, ends_at) == (event.site, event.starts_at,
                                                                                   event.ends_at):
            room_id = event.room_id  # their form has no room: the one the site's team booked stays
        if (room_id and room_id != getattr(event, "room_id", None)) or price_cents:
            raise EventsError(_("Only the site's team books a room or sells tickets for an event."), "referent")
    if ends_at <= starts_at:
        raise EventsError(_("The end must come after the start."), "bad_range")
    if (event is None or starts_at != event.starts_at) and starts_at <= now:
        raise EventsError(_("The event must start in the future."), "past")
    if audience not in AUDIENCES:
        raise EventsError(_("Choose who the event is for."), "audience")
    if audience == "partner" and not partner_id:
        raise EventsError(_("Choose the partner whose staff is invited."), "partner")
    if audience == "partner" and partner_id != getattr(event, "partner_id", None) \
            and partner_id not in invitable_partners(actor, event):  # the form offers no other; a crafted call
        raise EventsError(_("You may not invite this partner's staff."), "partner", status=403)
    if site is None and not online_url.startswith(("https://", "http://")):
        raise EventsError(_("An online event needs the link of its meeting (https://...)."), "online_url")
    if event is not None:  # a seat taken meanwhile: counted under the event's lock
        lock_row(Event, event.id)  # not the actor's: the event's lock is enough here
        db.session.refresh(event)
    if capacity < 1 or (event is not None and capacity < event.seats_taken):
        raise EventsError(_("The capacity cannot be less than the seats already taken (%(n)d).",
                            n=event.seats_taken if event else 1), "capacity")
    _check_price(event, site, price_cents)
    created = event is None
    if created:
        event = Event(created_by_id=actor.id, seats_taken=0, status="scheduled")
        db.session.add(event)
    elif event.status != "scheduled":
        raise EventsError(_("This event is cancelled."), "cancelled")
    moved = created or (starts_at, ends_at, site, room_id) != (event.starts_at, event.ends_at, event.site,
                                                              event.room_id)
    changes = [] if created else changes_of(event, site, starts_at, ends_at, online_url if site is None else "")
    event.site, event.site_id = site, getattr(site, "id", None)
    event.title, event.description, event.online_url = title, description, online_url if site is None else ""
    event.starts_at, event.ends_at, event.capacity = starts_at, ends_at, capacity
    event.audience, event.partner_id = audience, partner_id if audience == "partner" else None
    if created or price_cents != event.price_cents:
        event.price_cents, event.vat_rate_bp = price_cents, vat_rate_bp() if price_cents else 0
    db.session.flush()
    if moved:
        rooms.move(event, room_id if site is not None else None, actor)
        schedule_reminder(event)
    promote(event, now)  # a larger capacity seats the waitlist
    if changes:
        tell_registrants(event, changes)
    audit.record(actor, "events.created" if created else "events.changed", f"events_event:{event.id}")
    return event


def sells_tickets(site) -> bool:
    """Whether a paid event can be held at `site`: billing is on there and sells online."""
    return site is not None and is_enabled("billing", site) and sells_online(site)


def _check_price(event: Event | None, site, price_cents: int) -> None:
    if price_cents < 0:
        raise EventsError(_("The price cannot be negative."), "price")
    if event is not None and price_cents != event.price_cents and db.session.scalar(
            select(Registration.id).where(Registration.event_id == event.id).limit(1)) is not None:
        raise EventsError(_("The price cannot change once people have registered."), "price")
    if price_cents and not sells_tickets(site):
        raise EventsError(_("Tickets are sold online at a site taking online payment: this event must be free."),
                          "price")


def changes_of(event: Event, site, starts_at, ends_at, online_url: str) -> list[str]:
    """What registrants must be told of a change: "time", "place" (the site, or online), "link"."""
    changes = []
    if (starts_at, ends_at) != (event.starts_at, event.ends_at):
        changes.append("time")
    if getattr(site, "id", None) != event.site_id:
        changes.append("place")
    elif site is None and online_url != event.online_url:
        changes.append("link")
    return changes


def tell_registrants(event: Event, changes: list[str]) -> None:
    """The event moved or is cancelled: raise its iCalendar SEQUENCE (calendars replace their
    copy) and enqueue the job mailing each registrant, keyed by the sequence: of two quick
    changes, the later job tells the latest state and the earlier one sends nothing."""
    event.sequence += 1
    db.session.flush()
    enqueue(CHANGED_JOB, key=f"{CHANGED_JOB}:{event.id}:{event.sequence}", event_id=event.id,
            sequence=event.sequence, changes=changes)


def tell_changed(event_id: int, sequence: int, changes: list[str]) -> int:
    """The job: one mail per registrant (seated, held or waiting), with the new .ics for those
    seated. :return: how many were mailed (0 when a later change superseded this one)."""
    event = db.session.get(Event, event_id)
    if event is None or event.sequence != sequence:
        return 0
    template = "events_cancelled" if event.status == "cancelled" else "events_moved"
    sent = 0
    for registration in registrations(event, (SEATED, HELD, "waiting")):
        if registration.email and not registration.email.startswith("erased:"):
            notify.registration_mail(registration, template, changes=changes)
            sent += 1
    return sent


def schedule_reminder(event: Event) -> None:
    """The reminder job, the day before; keyed by the start, so a moved event gets a new one and
    the old job, finding the start changed, sends nothing."""
    enqueue("events.remind", key=f"events.remind:{event.id}:{event.starts_at.isoformat()}",
            run_at=event.starts_at - timedelta(days=1), event_id=event.id, starts_at=event.starts_at.isoformat())


def cancel_event(actor, event: Event, now=None) -> Event:
    if not can_manage(actor, event):
        raise Forbidden(_("You do not run events there."))
    if event.is_paid:
        # The registrants' rows first, in id order, then the event's (the order of a member
        # cancelling their ticket, and of a seat's release): taking the event first, then each
        # registrant, deadlocked with them on PostgreSQL.
        for user_id in db.session.scalars(select(Registration.user_id).distinct().where(
                Registration.event_id == event.id, Registration.user_id.is_not(None),
                Registration.status.in_((HELD, "confirmed", "waiting"))).order_by(Registration.user_id)).all():
            lock_row(User, user_id)
    result = db.session.execute(update(Event).where(Event.id == event.id, Event.status == "scheduled")
                                .values(status="cancelled"))
    if not result.rowcount:
        raise EventsError(_("This event is cancelled."), "cancelled")
    db.session.refresh(event)
    rooms.move(event, None, actor)
    for registration in db.session.scalars(select(Registration).where(
            Registration.event_id == event.id, Registration.status.in_((HELD, "confirmed", "waiting")))
            .order_by(Registration.user_id, Registration.id)).all():
        if event.is_paid:  # the organiser cancels: every ticket paid is refunded in full
            lock_registrant(registration)
            cancel_item_checkout(SELLER, ticket_reference(registration))
            refund_item(SELLER, ticket_reference(registration), "event cancelled", actor=actor)
    tell_registrants(event, ["cancelled"])
    audit.record(actor, "events.cancelled", f"events_event:{event.id}")
    return event


# --------------------------------------------------------------------------------------------
# Registrations
# --------------------------------------------------------------------------------------------


def _open(event: Event, now) -> None:
    if event.status != "scheduled":
        raise EventsError(_("This event is cancelled."), "cancelled")
    if event.starts_at <= now:
        raise EventsError(_("Registration is closed: the event has started."), "closed")


def registration_of(event: Event, email: str) -> Registration | None:
    return db.session.scalar(select(Registration).where(Registration.event_id == event.id,
                                                        Registration.email == email.strip().lower()))


def registration_by_token(token: str, kept: bool = False) -> Registration:
    """The registration a link's secret names. `kept`: also where events are switched off since
    (its holder still reads, cancels or forgets it); otherwise only where events are on."""
    registration = db.session.scalar(select(Registration).where(Registration.token == (token or "")[:64]))
    if registration is None or not (kept or is_on(registration.event)):
        raise NotFound(_("This link is not valid."))
    return registration


def _row(event: Event, email: str, name: str, user, now) -> tuple[Registration, bool]:
    """The registration of an address for an event, made pending (new, or one cancelled before);
    False with the existing one when it is still active."""
    email = email.strip().lower()
    locale = str(get_locale()) if has_request_context() and get_locale() is not None else None
    existing = registration_of(event, email)
    if existing is not None and existing.status in ACTIVE:
        return existing, False
    if existing is not None:
        won = db.session.execute(update(Registration).where(
            Registration.id == existing.id, Registration.status == "cancelled").values(
            status="pending", cancelled_at=None, attended=None, reminded_at=None, queued_at=now,
            user_id=getattr(user, "id", None), name=name, locale=locale))
        db.session.refresh(existing)
        return existing, bool(won.rowcount)
    registration = Registration(event_id=event.id, event=event, email=email, name=name,
                                user_id=getattr(user, "id", None), status="pending",
                                token=secrets.token_urlsafe(32), queued_at=now, locale=locale)
    try:
        with db.session.begin_nested():
            db.session.add(registration)
    except Exception as exc:  # the same address registering twice at once
        if not is_unique_violation(exc):
            raise
        return registration_of(event, email), False
    return registration, True


def register_member(event: Event, user, now=None) -> Registration:
    """A signed-in member registers: a seat, or a place in the waitlist; mailed either way."""
    now = now or utcnow()
    _open(event, now)
    if not may_attend(user, event):
        raise EventsError(_("This event is not open to you."), "audience", status=403)
    if event.is_paid and not sells_tickets(event.site):
        raise EventsError(_("Tickets for this event cannot be sold at the moment."), "no_sale", status=409)
    release_expired(event.id, now)  # seats whose payment lapsed are free again
    registration, new = _row(event, user.email, user.display_name, user, now)
    if new:
        _seat(registration, now)
    elif registration.status == "pending" and _claim(registration, user):
        # A visitor's request made with this member's address and never confirmed (by them, or by
        # someone else typing it): signed in, the member proves the address is theirs, so it takes
        # its seat now instead of leaving them with "check your mailbox" and no button.
        _seat(registration, now)
    return registration


def _claim(registration: Registration, user) -> bool:
    """The member's own name and account on a pending registration of their address."""
    won = db.session.execute(update(Registration).where(
        Registration.id == registration.id, Registration.status == "pending").values(
        user_id=user.id, name=user.display_name))
    db.session.refresh(registration)
    return bool(won.rowcount)


def request_visitor(event: Event, name: str, email: str, now=None) -> Registration:
    """A visitor gives a name and an address for a public event: mailed a link to confirm it.
    An address already registered is mailed its registration's link (the page says the same)."""
    now = now or utcnow()
    _open(event, now)
    if event.audience != "public" or event.is_paid:  # a ticket is bought with an account
        raise EventsError(_("Sign in to register for this event."), "members_only", status=403)
    registration, new = _row(event, email, name.strip(), None, now)
    template = "events_confirm" if registration.status == "pending" else "events_link"
    notify.registration_mail(registration, template)
    return registration


def confirm_visitor(token: str, now=None) -> Registration:
    """The visitor followed the link: the registration takes a seat or joins the waitlist."""
    now = now or utcnow()
    registration = registration_by_token(token)
    if registration.status != "pending":
        return registration
    _open(registration.event, now)
    _seat(registration, now)
    return registration


def _paid_before(registration: Registration) -> bool:
    """A seat just held for a member who paid this ticket and cancelled too late for a refund:
    that payment still stands, so the seat is theirs at once. Billing refused a second order for
    the same ticket ("paid already"), and each try held a seat for nothing."""
    kept = kept_item_order(SELLER, ticket_reference(registration))
    return kept is not None and ticket_paid(registration, kept)


def _take_seat(event_id: int) -> bool:
    result = db.session.execute(update(Event).where(
        Event.id == event_id, Event.status == "scheduled", Event.seats_taken < Event.capacity)
        .values(seats_taken=Event.seats_taken + 1))
    return bool(result.rowcount)


def _give_seat(event_id: int) -> None:
    db.session.execute(update(Event).where(Event.id == event_id, Event.seats_taken > 0)
                       .values(seats_taken=Event.seats_taken - 1))


def _seat(registration: Registration, now) -> None:
    """A pending registration takes a seat (held until paid, for a paid event), or else waits
    its turn; the member is mailed (a held seat's mail comes with the payment)."""
    event = registration.event
    seated = _take_seat(registration.event_id)
    values = {"status": "waiting", "confirmed_at": None, "queued_at": now}
    if seated and event.is_paid:
        values.update(status=HELD, hold_expires_at=min(now + FIRST_HOLD, event.starts_at))
    elif seated:
        values.update(status=SEATED, confirmed_at=now)
    won = db.session.execute(update(Registration).where(
        Registration.id == registration.id, Registration.status == "pending").values(**values))
    if seated and not won.rowcount:  # confirmed meanwhile by another click: give the seat back
        _give_seat(registration.event_id)
    db.session.refresh(registration)
    db.session.refresh(registration.event)
    if won.rowcount and registration.status == HELD:
        if not _paid_before(registration):  # else seated at once, and mailed so by `ticket_paid`
            schedule_release(registration)
    elif won.rowcount:
        notify.registration_mail(registration, "events_registered" if seated else "events_waiting")


def refund_due(registration: Registration, now=None) -> bool:
    """The refund rule of a paid ticket cancelled by its holder (or by erasing their account): in
    full when cancelled at least billing's cancellation notice (`cancel_notice_hours`, as the
    terms of sale say for bookings) before the start, else nothing. (An organiser's cancellation
    refunds every ticket in full, through `cancel_event`.)"""
    if not registration.event.is_paid or registration.order_id is None:
        return False
    return registration.event.starts_at - (now or utcnow()) >= timedelta(hours=cancel_notice_hours())


def lock_registrant(registration: Registration) -> None:
    """A member's registration: their row first, before the registration and its ticket's
    orders change. Billing fulfils a ticket's payment in that order (the member, the order,
    then the registration); changing the registration first and then closing or refunding its
    order deadlocked with it on PostgreSQL."""
    if registration.user_id is not None:
        lock_row(User, registration.user_id)
        db.session.refresh(registration)  # as it is now that nobody else changes it


def cancel_registration(registration: Registration, now=None) -> Registration:
    """Cancel a registration; a seat it held goes to the first in the waitlist (mailed). A paid
    ticket is refunded by `refund_due`'s rule (`registration.refunded_cents` says how much)."""
    now = now or utcnow()
    lock_registrant(registration)
    if registration.event.ends_at <= now:
        raise EventsError(_("The event is over."), "over")
    was = registration.status
    refund = was == SEATED and refund_due(registration, now)
    won = db.session.execute(update(Registration).where(
        Registration.id == registration.id, Registration.status == was, Registration.status.in_(ACTIVE))
        .values(status="cancelled", cancelled_at=now, hold_expires_at=None))
    if not won.rowcount:
        raise EventsError(_("This registration is already cancelled."), "not_active")
    refunded = 0
    if was == HELD:
        cancel_item_checkout(SELLER, ticket_reference(registration))
    if refund:
        refunded = refund_item(SELLER, ticket_reference(registration), "registration cancelled")
    if was in (SEATED, HELD):
        _give_seat(registration.event_id)
        promote(registration.event, now)
    db.session.refresh(registration)
    registration.refunded_cents = refunded
    return registration


def promote(event: Event, now=None) -> list[Registration]:
    """Seat the waitlist in order while seats are free (before the start); each is mailed.

    Not a paid event's while events are off at its place: paying is off with the module, and an
    offer lapsing unpaid would cost its member their turn. The waitlist keeps it until events are
    switched on again (`promote_switched_on`)."""
    now = now or utcnow()
    promoted = []
    if event.status != "scheduled" or event.starts_at <= now or (event.is_paid and not is_on(event)):
        return promoted
    while True:
        first = db.session.scalar(select(Registration).where(
            Registration.event_id == event.id, Registration.status == "waiting")
            .order_by(Registration.queued_at, Registration.id).limit(1))
        if first is None or not _take_seat(event.id):
            break
        values = {"status": SEATED, "confirmed_at": now}
        if event.is_paid:  # offered: the seat is theirs once paid, within a day
            values = {"status": HELD, "hold_expires_at": min(now + OFFER_HOLD, event.starts_at)}
        won = db.session.execute(update(Registration).where(
            Registration.id == first.id, Registration.status == "waiting").values(**values))
        if not won.rowcount:
            _give_seat(event.id)
            continue
        db.session.refresh(first)
        if event.is_paid and _paid_before(first):
            promoted.append(first)  # seated at once, mailed as registered
            continue
        if event.is_paid:
            schedule_release(first)
        notify.registration_mail(first, "events_offered" if event.is_paid else "events_promoted")
        promoted.append(first)
    db.session.refresh(event)
    return promoted


def promote_switched_on(site=None, now=None) -> None:
    """Events switched on again (at `site`, or territory-wide): the paid events' waitlists there
    are offered the seats given back meanwhile (`promote`), before anyone new registers."""
    now = now or utcnow()
    waiting = select(Registration.event_id).where(Registration.status == "waiting")
    query = select(Event).where(Event.status == "scheduled", Event.starts_at > now, Event.price_cents > 0,
                                Event.seats_taken < Event.capacity, Event.id.in_(waiting))
    if site is not None:
        query = query.where(Event.site_id == site.id)
    for event in db.session.scalars(query.order_by(Event.starts_at, Event.id)).all():
        promote(event, now)


def registrations(event: Event, statuses=(SEATED,)) -> list[Registration]:
    return list(db.session.scalars(select(Registration).where(
        Registration.event_id == event.id, Registration.status.in_(statuses))
        .order_by(Registration.queued_at, Registration.id)))


def mine(user, now=None) -> list[Registration]:
    """The member's registrations to events not over yet, soonest first (their home's panel)."""
    return list(db.session.scalars(_mine_query(), {"user_id": user.id, "now": now or utcnow()}))


@cache
def _mine_query():
    """`mine`'s statement, built once with bound parameters (every member's home asks it)."""
    return select(Registration).join(Event).where(
        Registration.user_id == bindparam("user_id"), Registration.status.in_((HELD, "confirmed", "waiting")),
        Event.ends_at > bindparam("now")).order_by(Event.starts_at)


# --------------------------------------------------------------------------------------------
# The day: attendance, reminders
# --------------------------------------------------------------------------------------------


def take_attendance(actor, event: Event, present_ids, now=None) -> int:
    """The manager ticks who came, from the day of the event on; the others are no-shows."""
    now = now or utcnow()
    if not can_manage(actor, event):
        raise Forbidden(_("You do not run events there."))
    if utc_to_local(now, tz_of(event)).date() < utc_to_local(event.starts_at, tz_of(event)).date():
        raise EventsError(_("The attendance is taken on the day of the event."), "too_early")
    present = {number for number in map(as_id, present_ids) if number}  # "²" is a digit int() refuses
    rows = registrations(event)
    for registration in rows:
        registration.attended = registration.id in present
    db.session.flush()
    audit.record(actor, "events.attendance", f"events_event:{event.id}", present=len(present & {r.id for r in rows}))
    return sum(1 for r in rows if r.attended)


def remind(event_id: int, starts_at: str) -> int:
    """The job, the day before: mail each seated registrant once. Nothing if the event moved or
    was cancelled (its new start has its own job), nor once it has begun: run late (workers
    down, retries), "tomorrow" would be about an event that is over."""
    event = db.session.get(Event, event_id)
    if (event is None or event.status != "scheduled" or event.starts_at.isoformat() != starts_at
            or event.starts_at <= utcnow()):
        return 0
    sent = 0
    for registration in registrations(event):
        if registration.reminded_at is None and registration.email:
            registration.reminded_at = utcnow()
            notify.registration_mail(registration, "events_reminder")
            sent += 1
    db.session.flush()
    return sent


# --------------------------------------------------------------------------------------------
# Personal data
# --------------------------------------------------------------------------------------------


def _registrations_of_member(user):
    """A member's registrations: those made signed in, and those made as a visitor with the
    account's address (confirmed from that mailbox, shown to the member as their own)."""
    return select(Registration).where(or_(Registration.user_id == user.id,
                                          Registration.email == (user.email or "").strip().lower()))


def export(user) -> list[dict]:
    rows = [r for r in db.session.scalars(_registrations_of_member(user).order_by(Registration.id))
            if r.user_id == user.id or r.status != "pending"]  # not a visitor's unconfirmed typing
    return [{"event": r.event.title, "starts_at": r.event.starts_at.isoformat(), "status": r.status,
             "attended": r.attended, "registered_at": r.created_at.isoformat()} for r in rows]


def forget_visitor(registration: Registration, now=None) -> None:
    """A visitor (no account) deletes their details from a registration, from its link: it is
    cancelled first when the event is still to come (its seat goes to the waitlist), then kept
    without name nor address, as an erased member's; the outbox forgets the address when no
    other registration uses it. Visitors had no way to do this; an account's erasure does it.

    :raises NotFound: a member's registration (their account's erasure does it).
    """
    from core import mail

    now = now or utcnow()
    if registration.user_id is not None:
        raise NotFound(_("This link is not valid."))
    lock_row(Registration, registration.id)
    db.session.refresh(registration)
    if registration.status in ACTIVE and registration.event.starts_at > now:
        cancel_registration(registration, now)
    address = registration.email
    _anonymise(registration)
    db.session.flush()
    if address and not address.startswith("erased:") and User.by_email(address) is None and db.session.scalar(
            select(func.count()).select_from(Registration).where(Registration.email == address)) == 0:
        mail.forget(address)  # nobody else's: no account, no other registration has it


def erase(user, now=None) -> None:
    """Registrations for events to come are cancelled (their seats go to the waitlist) by the
    member's own rule: a ticket is refunded only when cancelled in time (it was refunded whatever
    the time, a way round the rule by erasing the account, as for bookings). The rest, an event
    under way included, stay, detached and nameless, in the attendance figures."""
    now = now or utcnow()
    for registration in db.session.scalars(_registrations_of_member(user).order_by(Registration.id)).all():
        if registration.status in ACTIVE and registration.event.starts_at > now:
            cancel_registration(registration, now)
        _anonymise(registration)
    db.session.flush()


def purge(now) -> int:
    """Visitors' registrations (no account) lose their name and address once the event has
    been over for the territory's period (`visitor_days`): they only count in the figures."""
    cutoff = now - timedelta(days=plugin_config("events").visitor_days)
    expired = db.session.scalars(select(Registration).join(Event).where(
        Registration.user_id.is_(None), Registration.email.not_like("erased:%"), Event.ends_at < cutoff)).all()
    for registration in expired:
        _anonymise(registration)
    db.session.flush()
    return len(expired)


def _anonymise(registration: Registration) -> None:
    """Kept for the attendance figures, with nobody behind it: no account, name nor address,
    and a new token (the old link dies)."""
    registration.user_id, registration.name = None, ""
    registration.email, registration.token = f"erased:{registration.id}", secrets.token_urlsafe(32)


# --------------------------------------------------------------------------------------------
# Tickets: a paid event's seat is held until billing says it is paid (`tickets`)
# --------------------------------------------------------------------------------------------


def ticket_reference(registration: Registration) -> str:
    """The key billing keeps for a registration's ticket (`seller_reference`)."""
    return f"registration:{registration.id}"


def schedule_release(registration: Registration) -> None:
    """The job releasing the seat when its hold lapses; keyed by the expiry, so an extended
    hold gets a new job and the old one, finding nothing expired, does nothing."""
    at = registration.hold_expires_at
    enqueue(RELEASE_JOB, key=f"{RELEASE_JOB}:{registration.id}:{at.isoformat()}", run_at=at,
            event_id=registration.event_id)


def extend_hold(registration: Registration, until, order_id: int) -> bool:
    """Keep a held seat while its payment page can be paid (never shortened); compare-and-set
    on the status: False when the hold was released meanwhile."""
    until = max(until + PAYMENT_GRACE, registration.hold_expires_at or until)
    won = db.session.execute(update(Registration).where(Registration.id == registration.id,
                                                        Registration.status == HELD)
                             .values(hold_expires_at=until, order_id=order_id))
    db.session.refresh(registration)
    if won.rowcount:
        schedule_release(registration)
    return bool(won.rowcount)


def release(registration: Registration, now=None) -> bool:
    """A held seat whose payment lapsed (or failed) is given back, its checkout closed, and the
    waitlist seated; False when it was not held any more (paid or released meanwhile)."""
    now = now or utcnow()
    lock_registrant(registration)
    won = db.session.execute(update(Registration).where(Registration.id == registration.id,
                                                        Registration.status == HELD)
                             .values(status="cancelled", cancelled_at=now, hold_expires_at=None))
    if not won.rowcount:
        return False
    cancel_item_checkout(SELLER, ticket_reference(registration))
    _give_seat(registration.event_id)
    db.session.refresh(registration)
    promote(registration.event, now)
    return True


def release_expired(event_id: int, now=None) -> int:
    """Release the event's holds past their expiry (the job, and each new registration)."""
    now = now or utcnow()
    rows = db.session.scalars(select(Registration).where(
        Registration.event_id == event_id, Registration.status == HELD, Registration.hold_expires_at < now)
        .order_by(Registration.user_id, Registration.id)).all()
    # Every holder's row before any seat is given back: releasing the first takes the event's
    # row, and locking the second holder after it deadlocked with that holder cancelling (their
    # row, then the event's) on PostgreSQL.
    for user_id in sorted({r.user_id for r in rows if r.user_id is not None}):
        lock_row(User, user_id)
    return sum(1 for registration in rows if release(registration, now))


def ticket_paid(registration: Registration, order_id: int, now=None) -> bool:
    """Billing says the ticket is paid: the held seat becomes a seat (mailed with the .ics).
    True also when this very order confirmed it already; False when the seat is not held any
    more (released, cancelled, the event cancelled): billing then refunds the payment."""
    now = now or utcnow()
    if registration.status == SEATED and registration.order_id == order_id:
        return True
    won = db.session.execute(update(Registration).where(
        Registration.id == registration.id, Registration.status == HELD,
        Registration.event_id.in_(select(Event.id).where(Event.status == "scheduled")))
        .values(status=SEATED, confirmed_at=now, hold_expires_at=None, order_id=order_id))
    db.session.refresh(registration)
    if not won.rowcount:
        return False
    notify.registration_mail(registration, "events_registered")
    return True
