"""Billing's side of the booking contract: who pays a booking and how much (asked, nothing
written), what paying for it means once it is stored (acted, in booking's transaction), its
checkout, and what a confirmation or a cancellation means for money and credits.

Booking is reached only through its public API (`plugins.booking`) and its hooks. Everything
here flushes into the caller's transaction; calls to Stripe are jobs recorded in it.
"""
from __future__ import annotations

import logging
from datetime import date
from functools import cache
from math import ceil

import stripe
from flask import current_app, url_for
from flask_babel import gettext as _
from sqlalchemy import bindparam, select

from core.db import utcnow
from core.extensions import db
from core.jobs import enqueue
from core.plugins import hooks
from core.ui import moment
from plugins.billing import basket, credits, customers, stripe_api
from plugins.billing.checkout import EXPIRE_SESSION_JOB, create_order
from plugins.billing.config import settings
from plugins.billing.errors import BillingError
from plugins.billing.invoices import local_day
from plugins.billing.models import CreditEntry, Order
from plugins.billing.orders import active_unlimited_membership, lock_member, lock_order, move_forward, reusable
from plugins.billing.products import ROOM_KINDS, payment_modes, products_at, quote
from plugins.billing.refunds import plan_cancellation, refund, refund_line, refund_lost_slot
from plugins.billing.vat import totals
from plugins.booking import (Booking, BookingError, Payer, Price, Refused, cancel_booking, confirm_booking,
                             extend_hold, periods_blocked)

log = logging.getLogger("tierslieux.billing")
HALF_DAY_MAX_MINUTES = 5 * 60


def booking_of(order) -> Booking | None:
    return db.session.get(Booking, order.booking_id) if order.booking_id else None


def service_date(order) -> date:
    """The day the service is given, at the site: the booking's day, or the payment's (the
    order's when unpaid)."""
    booking = booking_of(order)
    if booking is not None:
        return local_day(booking.starts_at, booking.resource.site)
    return local_day(order.paid_at or order.created_at, order.site)


# --------------------------------------------------------------------------------------------
# Asked by booking before it stores a booking: nothing is written here
# --------------------------------------------------------------------------------------------


def product_for(booking) -> tuple[str, int]:
    """(product code, quantity) a booking costs: hours for a room; for a desk or an office, a
    half-day pass only when it blocks one half-day of the site's day (booking's periods) and
    lasts at most 5 hours, else a day pass (10:30-15:30 blocks both half-days: a day)."""
    minutes = (booking.ends_at - booking.starts_at).total_seconds() / 60
    if booking.resource.kind in ROOM_KINDS:
        return "room_hour", max(1, ceil(minutes / 60))
    whole = len(periods_blocked(booking)) > 1 or minutes > HALF_DAY_MAX_MINUTES
    return ("day_pass" if whole else "half_day_pass"), 1


def price(booking) -> Price | None:
    site = booking.resource.site
    code, quantity = product_for(booking)
    if code not in products_at(site):
        return None  # this site sells nothing for it: free
    offer = quote(site, code, booking.member_id)
    # Kept on the booking for `reserve` in the same transaction: the order paid on site then
    # costs what the booking says, the reduced rate read once (`_prepared_quote`).
    booking._billing_quote = (_quote_key(booking, code), offer)
    currency = current_app.config["TERRITORY"].territory.currency
    return Price(offer.unit_cents * quantity, currency, offer.vat_rate_bp, offer.label)


def _quote_key(booking, code: str) -> tuple:
    return db.session().get_transaction(), booking.member_id, booking.resource.site_id, code


def _prepared_quote(booking, code: str):
    """The quote `price` gave this booking in this transaction, taken once; else None.

    Booking asks `booking_price` only of a booking it is preparing (and of drafts it never
    stores), so a booking with one is new in this transaction: no order of it was made before,
    and none can be made by another transaction before this one commits its row. The first
    `reserve` takes it and opens the order; one after it (a hold confirmed in the same
    transaction) asks the database, as for any booking stored earlier."""
    kept = getattr(booking, "_billing_quote", None)
    if kept is None or kept[0] != _quote_key(booking, code):
        return None
    booking._billing_quote = None
    return kept[1]


def payer(booking) -> Payer | None:
    """Partner first (conventions), then a membership, then credits, then the member pays."""
    site = booking.resource.site
    partner = hooks(site).billing_payer(booking=booking)
    if partner is not None:
        return partner
    if booking.member_id is None:
        return None
    if booking.id is not None and _credit_use(booking.id) is not None:
        return Payer("credits")  # asked again at approval: the credit spent at the hold pays it
    code, _quantity = product_for(booking)
    if code not in products_at(site):
        return None
    membership = active_unlimited_membership(booking.member_id, site.id, on=booking.starts_at)
    if membership is not None:
        return Payer("membership", reference=f"subscription:{membership.id}")
    if code != "room_hour" and credits.balance(booking.member_id, site.id, product=code) >= 1:
        return Payer("credits")  # spent by `reserve` once the booking is stored (a pass of its kind first)
    online, _on_site = payment_modes(site)
    if online and stripe_api.configured():
        return Payer("member", needs_payment=True, hold_minutes=settings().checkout_minutes + 5)
    return Payer("member", needs_payment=False, reference="on_site")


def payment_url(booking) -> str:
    return url_for("billing.pay_booking", booking_id=booking.id)


def _due(booking) -> tuple[int, int]:
    """(excluding VAT, including VAT) in cents of what a booking costs the member now."""
    code, quantity = product_for(booking)
    offer = quote(booking.resource.site, code, booking.member_id)
    figures = totals([{"quantity": quantity, "unit_ht_cents": offer.unit_cents, "vat_rate_bp": offer.vat_rate_bp}])
    return figures["ht_cents"], figures["ttc_cents"]


def _paid(booking_ids: list[int]) -> set[int]:
    """Of these bookings, those paid (refunded since, or not): by their own order, or as a line
    of a basket."""
    own = set(db.session.scalars(select(Order.booking_id).where(
        Order.booking_id.in_(booking_ids), Order.status.in_(("paid", "refunded")))))
    return own | basket.paid_booking_ids(booking_ids)


def _is_paid(booking) -> bool:
    return booking.id in _paid([booking.id])


def _may_owe(booking) -> bool:
    """Whether the member pays this booking in money, online (held until paid) or on site; paid
    or not is asked apart. Free, credits, a membership or a convention: nothing to pay."""
    return (booking.member_id is not None and booking.payer_kind == "member"
            and ((booking.status == "held" and booking.hold_reason == "payment")
                 or booking.payer_reference == "on_site"))


def owing(bookings) -> set[int]:
    """The ids of those bookings `amount_due` has something to say about, in two queries."""
    ids = [b.id for b in bookings if _may_owe(b)]
    return set(ids) - _paid(ids) if ids else set()


def amount_due(booking) -> str | None:
    """What the member still has to pay for a booking, and how (booking's page and e-mails):
    the price including VAT, with the price excluding VAT beside it for a business customer."""
    if not _may_owe(booking) or _is_paid(booking):
        return None
    currency = booking.currency or current_app.config["TERRITORY"].territory.currency
    if booking.status == "held" and booking.hold_reason == "payment":
        ht, ttc = _due(booking)
        amount = customers.price_text(ht, 0, currency, booking.member_id, ttc_cents=ttc)
        return _("To pay: %(amount)s, online before %(deadline)s.", amount=amount,
                 deadline=moment(booking.hold_expires_at, booking.resource.site))
    if booking.payer_reference == "on_site":
        order = pending_order(booking.id)
        ht, ttc = (order.unit_cents * order.quantity, order.total_cents) if order is not None else _due(booking)
        amount = customers.price_text(ht, 0, currency, booking.member_id, ttc_cents=ttc)
        return _("To pay on site, on arrival: %(amount)s.", amount=amount)
    return None


# --------------------------------------------------------------------------------------------
# Acted on once booking stored a booking (booking_held / booking_confirmed), same transaction
# --------------------------------------------------------------------------------------------


def _credit_use(booking_id: int) -> CreditEntry | None:
    return db.session.scalar(select(CreditEntry).where(CreditEntry.booking_id == booking_id,
                                                       CreditEntry.reason == "booking"))


def pending_order(booking_id: int) -> Order | None:
    return db.session.scalar(_pending_order_query(), {"booking_id": booking_id})


@cache
def _pending_order_query():
    """`pending_order`'s statement, built once (every booking paid on site asks it)."""
    return select(Order).where(Order.booking_id == bindparam("booking_id"), Order.status == "pending") \
        .order_by(Order.id.desc())


def unpaid_by_membership(row) -> list[int]:
    """A membership that will not renew (its member stopped it, or it ended) no longer pays the
    days booked on it beyond its paid period: they were never charged. Each becomes a day to pay
    on site, with its order, as a booking made without the membership. Returns their ids."""
    lock_member(row.member_id)  # a booking made meanwhile asked its payer before, or sees this
    until = row.current_period_end if row.status != "canceled" and row.current_period_end else utcnow()
    moved = db.session.scalars(select(Booking).where(
        Booking.payer_kind == "membership", Booking.payer_reference == f"subscription:{row.id}",
        Booking.status.in_(("held", "confirmed")), Booking.starts_at >= until)).all()
    for booking in moved:
        booking.payer_kind, booking.payer_reference = "member", "on_site"
        db.session.flush()
        reserve(booking)
    return [booking.id for booking in moved]


def paid_by_membership_again(row) -> list[int]:
    """The other way: an unlimited membership that renews (kept after all once its member had
    asked to stop it, or taken after days were booked) pays the days it covers that still wait
    to be paid on site. Their pending orders are cancelled: the member would otherwise pay on
    arrival a day the membership charges for. Returns their ids.

    A day already paid (by card, or at the desk) stays paid, as the member chose when the
    membership was ending: the site's team refunds it if asked. A day still held for its online
    payment stays so too: its checkout may be a basket with days the membership does not cover,
    and the hold lapses within the half hour if the member does not pay."""
    if row.status != "active" or row.cancel_at_period_end or row.member_id is None:
        return []
    lock_member(row.member_id)
    waiting = db.session.scalars(select(Booking).where(
        Booking.member_id == row.member_id, Booking.payer_kind == "member", Booking.payer_reference == "on_site",
        Booking.status.in_(("held", "confirmed")), Booking.starts_at >= utcnow())).all()
    paid = _paid([booking.id for booking in waiting]) if waiting else set()
    moved = []
    for booking in waiting:
        covering = active_unlimited_membership(row.member_id, booking.resource.site_id, on=booking.starts_at)
        if booking.id in paid or covering is None or covering.id != row.id:
            continue
        order = pending_order(booking.id)
        if order is not None:
            abandon(order)
        booking.payer_kind, booking.payer_reference = "membership", f"subscription:{row.id}"
        moved.append(booking.id)
    db.session.flush()
    return moved


def reserve(booking) -> None:
    """Spend the credit a booking counted on; open the unpaid order of a pay-on-site booking.

    Idempotent (a held booking confirmed later comes through here twice).

    :raises Refused: the credits were spent meanwhile by another booking: the whole booking
        rolls back, and the member books again (and pays) with an up-to-date answer.
    """
    if booking.payer_kind == "credits" and _credit_use(booking.id) is None:
        if credits.consume(booking.member_id, booking.site_id, booking.id, 1, product=product_for(booking)[0]) is None:
            raise Refused(_("Your credits were used by another booking meanwhile. Please book again."))
    if booking.status == "held" and booking.hold_reason == "payment" and booking.member_id is not None:
        basket.align_holds(booking)  # paid with the rest of the member's basket, or lapses with it
    if booking.payer_kind == "member" and booking.payer_reference == "on_site":
        code, quantity = product_for(booking)
        offer = _prepared_quote(booking, code)  # a booking new in this transaction: no order yet
        if offer is not None or pending_order(booking.id) is None:
            site = booking.resource.site
            booking_order(booking.member, site, offer or quote(site, code, booking.member_id), quantity, booking,
                          method="on_site")  # no Checkout session: none expires


# --------------------------------------------------------------------------------------------
# Checkout of a held booking
# --------------------------------------------------------------------------------------------


def checkout_order(booking, member) -> Order:
    """The pending order paying a held booking: its still-open one (or the one a first click
    is still opening), or a new one (flushed). Under the member's lock: concurrent clicks are
    made one after the other, and all get the same order.

    :raises BillingError: the booking is not waiting for this member's payment.
    """
    lock_member(member.id)  # two clicks on "Pay": the second sees the first one's order
    db.session.refresh(booking)  # read again under the lock
    if booking.status != "held" or booking.hold_reason != "payment" or booking.member_id != member.id:
        raise BillingError(_("This booking is not waiting for a payment."), status=409)
    order = pending_order(booking.id)
    if order is not None and reusable(order):  # open, or its first click still waiting for Stripe
        return order
    if order is not None:  # about to expire: closed, so only the new session can be paid
        abandon(order)
    code, quantity = product_for(booking)
    site = booking.resource.site
    return booking_order(member, site, quote(site, code, member.id), quantity, booking)


def hold_until_paid(booking_id: int, order_id: int, until) -> bool:
    """Keep the booking held while its Checkout session can be paid (the session bounds it).

    :return: False when the hold lapsed meanwhile; the order is then closed and its session
        expired by a job (the caller commits that, then tells the member).
    """
    if extend_hold(booking_id, until):
        return True
    abandon(db.session.get(Order, order_id))
    return False


def abandon(order: Order) -> None:
    """Close an order that must not be paid; its Checkout session is expired by a job."""
    order = lock_order(order.id)
    if order is not None and move_forward(order, "cancelled") and order.stripe_session_id:
        enqueue(EXPIRE_SESSION_JOB, key=f"expire:{order.stripe_session_id}", session_id=order.stripe_session_id)


def expire_session(session_id: str) -> None:
    """The job closing a Checkout session nobody must pay any more."""
    try:
        stripe_api.client().v1.checkout.sessions.expire(session_id, {},
                                                        {"idempotency_key": f"tierslieux-{session_id}-expire"})
    except stripe.InvalidRequestError as exc:  # already expired or completed: the webhook settles it
        log.info("could not expire %s: %s", session_id, exc)
    # Anything else (Stripe unreachable) raises: the job is retried, the session stays payable
    # meanwhile and a payment on it is refunded by `confirm_paid_booking`.


# --------------------------------------------------------------------------------------------
# After a payment, in the fulfilling transaction
# --------------------------------------------------------------------------------------------


def booking_order(member, site, offer, quantity: int, booking, **options) -> Order:
    """The pending order paying one booking: its invoice line names the day, as a basket's lines
    do ("Pass journée — 8 déc. 2026")."""
    return create_order(member, site, offer, quantity, booking_id=booking.id,
                        label=basket.line_label(offer.invoice_label, booking), **options)


def confirm_paid_booking(order) -> None:
    """Confirm the held booking a paid order was for; if the slot was lost, or another payment
    settled the booking first (cash at the desk, then the card), refund this one: money is
    never kept twice. A booking still waiting for the manager's approval stays so."""
    booking = booking_of(order)
    if booking is not None and booking.status == "held" and booking.hold_reason == "approval":
        return
    if confirm_booking(order.booking_id) is not None:
        for other in basket.pending_orders_of(order.booking_id):
            if other.id != order.id and other.kind != "basket":
                abandon(other)  # paid already: its newer (or older) checkout must not be paid too
        return
    booking = booking_of(order)
    if order.method != "stripe" and booking is not None and booking.status in ("confirmed", "checked_in"):
        return  # paid at the desk for a booking confirmed at once (payment on site)
    refund_lost_slot(order)


def release(order) -> None:
    """Cancel the holds of an order that will not be paid (expired or failed session)."""
    if order.kind == "basket":
        basket.release(order)
    elif order.booking_id is not None:
        release_booking(order.booking_id, order)


def release_booking(booking_id: int, order) -> None:
    """Cancel one hold `order` was paying, unless a newer open order pays it."""
    booking = db.session.get(Booking, booking_id)
    if booking is None or booking.status != "held":
        return
    if any(other.id != order.id for other in basket.pending_orders_of(booking.id)):
        return  # a newer checkout of this booking is still open: its own outcome decides
    reason = "payment_failed" if order.status == "failed" else "hold_expired"
    try:
        with db.session.begin_nested():
            cancel_booking(booking.id, None, reason=reason, enforce_deadline=False)
    except BookingError:
        pass  # confirmed or cancelled meanwhile


# --------------------------------------------------------------------------------------------
# Booking's cancellations
# --------------------------------------------------------------------------------------------


def booking_cancelled(booking, actor, reason: str) -> None:
    """Do what `refunds.plan_cancellation` decided (and `refund_preview` told the member)."""
    plan = plan_cancellation(booking, reason, lock=True)
    if plan.credit_days:
        credits.give_back(booking.id, note=reason)
    for order in plan.abandoned:
        abandon(order)
    if plan.line is not None:
        refund_line(lock_order(plan.line.order_id), plan.line, f"booking cancelled ({reason})", actor=actor,
                    to=plan.line_to)
    for order, to in plan.refunds:
        refund(order, None, f"booking cancelled ({reason})", actor=actor, to=to)
