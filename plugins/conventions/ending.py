"""Ending an employee's cover: what it cancels, told before the référent confirms, then done at once.

From the end, the convention pays no new booking of the employee's (`authorisations_of` reads
approved authorisations only). The bookings it already pays for days after the end, not yet
started, are cancelled through booking's own cancellation ("employer": places freed and offered
to the waitlist, other plugins told, the day given back to the convention, nothing refunded since
the employee paid nothing), and the employee gets one e-mail listing them, not one per booking.

The employee's row is locked before the authorisation changes and their bookings are read. A
booking being made at that moment takes the same row (after its resource's) before the
conventions decide who pays (`service.refusal`, `record_use`): it either commits first, and is
found here and cancelled, or waits, then finds the cover ended and is not paid by it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from flask_babel import gettext as _
from sqlalchemy import select

from core import audit
from core.audit import AuditEntry
from core.accounts.models import User
from core.db import find, lock_row, utcnow
from core.extensions import db
from core.mail import queue_mail
from core.modules.service import is_enabled
from core.timeutil import today_at, utc_to_local
from core.ui import moment
from core.urls import external_url
from plugins.booking import Booking, BookingError, booking_ics, cancel_booking

from . import service
from .errors import ConventionError
from .models import Authorisation

REASON = "employer"  # booking's cancellation reason: not the member's choice, so never counted late
MAIL = "conventions_ended"


@dataclass(frozen=True)
class Ending:
    """What ending a cover did: `cancelled` holds the ids of the bookings cancelled; `already`
    says it had ended before (a confirmation posted twice), and nothing was done."""

    authorisation: Authorisation
    end_on: date | None
    cancelled: tuple[int, ...] = ()
    already: bool = False


def authorisation_for(actor, authorisation_id) -> Authorisation:
    """An employee's authorisation on a convention `actor` manages; 404 otherwise (no hint that
    it exists: another partner's employee, an id that is no number)."""
    auth = find(Authorisation, authorisation_id)
    if auth is None or not service.can_manage(actor, auth.convention):
        raise ConventionError(_("There is no such employee."), "not_found", status=404)
    return auth


def end_date(auth: Authorisation, today: date, asked: date | None = None) -> date:
    """The last day the convention pays for: today, or the day the cover lapsed if that came
    first; or the day asked, today at the latest (days already booked and worked are not taken
    back) and not before the cover started."""
    if asked is None:
        return min(today, auth.valid_until) if auth.valid_until else today
    if asked > today:
        raise ConventionError(_("A cover ends today at the latest: to end it later, come back on the last day "
                                "it pays for."), "bad_dates")
    if asked < auth.valid_from:
        raise ConventionError(_("The end must come after the start."), "bad_dates")
    return asked


def standing(auth: Authorisation, end_on: date, now=None) -> list[Booking]:
    """The employee's bookings this convention pays for days after `end_on` (the day at the
    booking's site), held or confirmed and not yet started, soonest first: what ending the
    cover cancels. Writes nothing."""
    if auth.user_id is None:
        return []
    # No site's day after `end_on` starts before that day's midnight in UTC: a bound for the index.
    earliest = datetime.combine(end_on, time(0), tzinfo=timezone.utc)
    bookings = db.session.scalars(select(Booking).where(
        Booking.member_id == auth.user_id, Booking.payer_kind == "partner",
        Booking.payer_reference == f"convention:{auth.convention_id}", Booking.status.in_(("held", "confirmed")),
        Booking.starts_at > (now or utcnow()), Booking.starts_at >= earliest)
        .order_by(Booking.starts_at, Booking.id))
    return [b for b in bookings if utc_to_local(b.starts_at, b.resource.site.timezone).date() > end_on]


def end(actor, authorisation_id, *, end_on: date | None = None, now=None) -> Ending:
    """End an employee's cover and cancel what the convention pays after its end (flushes).

    Posted twice (a double-click, the page sent again), the second finds the cover ended under
    the employee's lock and does nothing: no booking cancelled twice, no second e-mail.

    :raises ConventionError: not the actor's employee (404), a request still waiting for a
        decision (409), or an end date out of bounds.
    """
    auth = authorisation_for(actor, authorisation_id)
    if auth.user_id is not None:  # before the authorisation and the bookings are read (the module's note)
        lock_row(User, auth.user_id)
        db.session.refresh(auth)
    if auth.status in ("inactive", "refused"):
        return Ending(auth, auth.valid_until, already=True)
    if auth.status != "approved":
        raise ConventionError(_("This request waits for your decision: approve or refuse it."), "decided",
                              status=409)
    now = now or utcnow()
    end_on = end_date(auth, today_at(service.territory_tz()), end_on)
    bookings = standing(auth, end_on, now)
    auth.valid_until, auth.status, auth.decided_by_id, auth.decided_at = end_on, "inactive", actor.id, now
    db.session.flush()
    cancelled = _cancel(actor, bookings)
    audit.record(actor, "conventions.authorisation_inactive", f"conventions_authorisation:{auth.id}",
                 end_on=end_on.isoformat(), cancelled=[b.id for b in cancelled])
    if auth.user is not None:
        _tell_employee(auth, end_on, cancelled)
    return Ending(auth, end_on, tuple(b.id for b in cancelled))


def shorten(actor, auth: Authorisation, valid_until: date, now=None) -> tuple[int, ...]:
    """An approved cover's last day moved earlier (`service.decide`, under the employee's lock,
    before it sets `valid_until`): the bookings the convention pays after the new last day are
    cancelled as ending cancels them, and the employee gets the same single e-mail. Nothing is
    cancelled or sent for a last day moved later, or for no booking after it. Flushes.

    Returns the ids of the bookings cancelled."""
    if auth.status != "approved" or (auth.valid_until is not None and valid_until >= auth.valid_until):
        return ()
    cancelled = _cancel(actor, standing(auth, valid_until, now))
    if cancelled:
        audit.record(actor, "conventions.authorisation_shortened", f"conventions_authorisation:{auth.id}",
                     valid_until=valid_until.isoformat(), cancelled=[b.id for b in cancelled])
        if auth.user is not None:
            _tell_employee(auth, valid_until, cancelled, running=True)
    return tuple(b.id for b in cancelled)


def _cancel(actor, bookings: list[Booking]) -> list[Booking]:
    """Cancel `bookings` through booking ("employer", no e-mail of its own); returns those cancelled.

    One cancelled meanwhile (by the site's team, the member) is skipped. Any other refusal stops
    everything: the caller's transaction is rolled back by the error's handler, and the référent
    told which booking could not be cancelled, rather than the cover ending with it still paid."""
    cancelled = []
    for booking in bookings:
        try:
            with db.session.begin_nested():
                cancel_booking(booking.id, actor, REASON, enforce_deadline=False, mail=False)
        except BookingError as exc:
            if exc.code == "not_active":
                continue
            raise ConventionError(_("The booking of %(date)s could not be cancelled (%(reason)s): nothing was "
                                    "changed.", date=moment(booking.starts_at, booking.resource.site),
                                    reason=str(exc)), "not_cancelled", status=409) from exc
        cancelled.append(booking)
    return cancelled


def _tell_employee(auth: Authorisation, end_on: date, cancelled: list[Booking], *, running=False) -> None:
    """One e-mail, in the employee's language: the end, the bookings cancelled (each with its
    calendar file, which takes it out of their calendar), and that they may book again.
    `running`: the cover goes on until `end_on` (its last day moved earlier), not ended."""
    member = auth.user
    queue_mail(member.email, MAIL, locale=member.locale, member=member, partner=auth.convention.partner.name,
               convention=auth.convention.reference, end_on=end_on, bookings=cancelled, running=running,
               pay_yourself=is_enabled("billing"), link=external_url("booking.search"),
               attachments=[(f"booking-{b.id}.ics", "text/calendar", booking_ics(b)) for b in cancelled])


def invitable_again(employees: list[Authorisation]) -> set[int]:
    """Of a convention's authorisations (`service.employees`), those whose employee may be
    invited again from the list: ended, their account still there, the last of theirs, and
    not covered or asking again already."""
    last: dict[int, Authorisation] = {}
    for auth in employees:
        if auth.user_id is not None and (auth.user_id not in last or auth.id > last[auth.user_id].id):
            last[auth.user_id] = auth
    return {auth.id for auth in last.values() if auth.status == "inactive" and auth.user is not None
            and auth.user.erased_at is None}


def invite_again(actor, authorisation_id, now=None) -> tuple[Authorisation, bool]:
    """The référent takes an ending back: the employee is invited again (a new link, made after
    the ending, so it is accepted; their cancelled bookings stay cancelled). Flushes.

    Returns the authorisation and whether an invitation was sent: none when one went to the
    employee since the ending less than `RESEND_AFTER` ago (a double-click, the page sent
    again). Two clicks at once take the employee's row one after the other, so the second sees
    the first's invitation (its audit entry).

    :raises ConventionError: not the actor's employee (404), or not to be invited again (409).
    """
    auth = authorisation_for(actor, authorisation_id)
    if auth.user_id is not None:
        lock_row(User, auth.user_id)
    if auth.id not in invitable_again(service.employees(auth.convention)):
        raise ConventionError(_("This employee is covered or invited already."), "not_ended", status=409)
    since = (now or utcnow()) - RESEND_AFTER
    if _invited_since(auth, max(since, auth.decided_at) if auth.decided_at else since):
        return auth, False
    service.invite(actor, auth.convention, auth.user.email)
    return auth, True


RESEND_AFTER = timedelta(minutes=10)  # a second click sooner sends nothing; later, a lost e-mail is sent again


def _invited_since(auth: Authorisation, moment) -> bool:
    """An invitation went to the employee's address on this convention at or after `moment`."""
    email = auth.user.email.lower()
    details = db.session.scalars(select(AuditEntry.details).where(
        AuditEntry.action == "conventions.invited", AuditEntry.subject == f"conventions_convention:{auth.convention_id}",
        AuditEntry.at >= moment))
    return any((d or {}).get("email") == email for d in details)
