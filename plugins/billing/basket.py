"""Baskets: several bookings paid at once (one Checkout session, one order, one invoice).

A member's basket at a site is what booking holds for their payment there
(`plugins.booking.awaiting_payment`): a day booked, then another, or the dates of a weekly
series. Its holds share one expiry, moved forward each time a booking joins (never past
`MAX_BASKET_MINUTES` after the first joined), so they are paid together or lapse together.

Paying a basket of several bookings stores one order of kind "basket" with one `OrderLine`
per booking; a basket of one is paid by the single-booking order of `bookings.py`. Once paid
(webhook or success page, under the order's row lock, so once), the invoice has one line per
booking and every booking is confirmed in the same transaction. A booking lost before the
payment arrived (its hold lapsed and someone took the slot, or it was cancelled) is refunded
on its own line, with a credit note for that line, and the rest of the basket is confirmed:
the member keeps the days they paid for and gets the money of the lost one back. Cancelling
one day of a paid basket later refunds (or credits) that day's line only.
"""
from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from core.db import utcnow
from core.extensions import db
from core.ui import medium_date
from plugins.billing.checkout import create_order
from plugins.billing.errors import BillingError
from plugins.billing.models import Order, OrderLine
from plugins.billing.orders import lock_member
from plugins.billing.orders import reusable as can_reuse
from plugins.billing.products import quote
from plugins.billing.vat import totals
from plugins.booking import Booking, awaiting_payment, confirm_booking, extend_hold

MAX_BASKET_MINUTES = 120
MIN_LEFT_MINUTES = 10


def held(member_id: int, site_id: int) -> list[Booking]:
    """The member's basket at a site: bookings held for their payment whose hold has not
    lapsed, soonest first (a lapsed hold is never revived by joining a basket)."""
    now = utcnow()
    return [b for b in awaiting_payment(member_id, site_id) if b.hold_expires_at is None or b.hold_expires_at >= now]


def align_holds(booking) -> None:
    """A booking joined the basket (held for payment): every hold of the basket now expires
    with the latest one (capped `MAX_BASKET_MINUTES` after the first joined, never sooner than
    `MIN_LEFT_MINUTES` from now, never after a booking's own start), so they lapse together.
    An open checkout of the older bookings no longer covers the whole basket: it is closed
    (its session expired by a job), and the member pays the new basket."""
    from plugins.billing.bookings import abandon

    basket = [b for b in held(booking.member_id, booking.site_id) if b.hold_expires_at is not None]
    if len(basket) < 2:
        return
    now = utcnow()
    first = min(b.created_at for b in basket)
    until = min(max(b.hold_expires_at for b in basket), first + timedelta(minutes=MAX_BASKET_MINUTES))
    until = max(until, now + timedelta(minutes=MIN_LEFT_MINUTES))
    for other in basket:
        if other.id != booking.id:
            for order in pending_orders_of(other.id):
                abandon(order)
        target = min(until, other.starts_at)
        if other.hold_expires_at != target:
            extend_hold(other.id, target)
            db.session.refresh(other)


def pending_orders_of(booking_id: int) -> list[Order]:
    """Open orders paying a booking: its own, and baskets it is a line of."""
    own = db.session.scalars(select(Order).where(Order.booking_id == booking_id, Order.status == "pending")).all()
    baskets = db.session.scalars(select(Order).join(OrderLine, OrderLine.order_id == Order.id).where(
        OrderLine.booking_id == booking_id, Order.status == "pending")).all()
    return list(own) + [o for o in baskets if o not in own]


def booking_ids(order: Order) -> list[int]:
    """The bookings an order pays: a basket's lines, or its one booking."""
    if order.kind == "basket":
        return [line.booking_id for line in order.lines]
    return [order.booking_id] if order.booking_id else []


def paid_booking_ids(booking_ids: list[int]) -> set[int]:
    """Of these bookings, those a paid basket (refunded since, or not) paid."""
    return set(db.session.scalars(select(OrderLine.booking_id).join(Order, OrderLine.order_id == Order.id).where(
        OrderLine.booking_id.in_(booking_ids), Order.status.in_(("paid", "refunded")))))


def refundable_line(booking_id: int) -> OrderLine | None:
    """The line of a paid basket that paid this booking and still holds money to give back
    (not the line of a second basket already refunded as a lost slot, say)."""
    return db.session.scalar(select(OrderLine).join(Order, OrderLine.order_id == Order.id).where(
        OrderLine.booking_id == booking_id, Order.status == "paid",
        OrderLine.refunded_cents < OrderLine.total_cents).order_by(OrderLine.id.desc()))


def line_left(order: Order, line: OrderLine) -> int:
    """What a refund of one basket line can still give back: what is left on the line, and
    never more than what is left on its order (a manager may have refunded the order)."""
    return max(0, min(order.total_cents - order.refunded_cents, line.total_cents - line.refunded_cents))


def _local_day(booking):
    return booking.starts_at.astimezone(ZoneInfo(booking.resource.site.timezone)).date()


def line_label(label: str, booking) -> str:
    """An invoice line's label for a booking's day, in the territory's language (a legal text)."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):  # legal text: the territory's language
        day = medium_date(booking.starts_at, booking.resource.site)
    return f"{label} — {day}"


def _shares(lines: list[dict]) -> list[int]:
    """Each line's part of the total including VAT (VAT is rounded once per rate on the sum,
    as the invoice does): cumulative rounding, so the parts add up to the total exactly."""
    shares, done = [], {}
    for line in lines:
        rate = line["vat_rate_bp"]
        before = done.get(rate, [])
        done[rate] = before + [line]
        shares.append(totals(done[rate])["ttc_cents"] - (totals(before)["ttc_cents"] if before else 0))
    return shares


def priced(member, site, bookings) -> tuple[list[dict], dict]:
    """Each booking's line (label, quantity, unit price excluding VAT, rate, its share of the
    total including VAT as `ttc_cents`, excluding VAT as `ht_cents`), and the totals: what
    the basket page shows is what the order will hold. `label` is the invoice's (the
    territory's language); `shown` names the line in the reader's."""
    from plugins.billing.bookings import product_for

    lines = []
    for booking in bookings:
        code, quantity = product_for(booking)
        offer = quote(site, code, member.id)
        lines.append({"label": line_label(offer.invoice_label, booking), "quantity": quantity,
                      "shown": f"{offer.label} — {medium_date(booking.starts_at, booking.resource.site)}",
                      "unit_ht_cents": offer.unit_cents, "vat_rate_bp": offer.vat_rate_bp, "code": code,
                      "kind": offer.product.kind, "booking": booking,
                      "ht_cents": offer.unit_cents * quantity})
    for line, share in zip(lines, _shares(lines)):
        line["ttc_cents"] = share
    return lines, totals(lines)


def create_basket_order(member, site, bookings) -> Order:
    """A pending order of kind "basket" paying these held bookings, one line each (flushed)."""
    lines, figures = priced(member, site, bookings)
    first = quote(site, lines[0]["code"], member.id)
    order = create_order(member, site, first, 1)
    order.product_code, order.kind = "basket", "basket"
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):  # printed on the invoice, as the lines
        order.label = _("Bookings at %(site)s", site=site.name)
    order.unit_cents, order.total_cents = figures["ht_cents"], figures["ttc_cents"]
    order.vat_rate_bp = lines[0]["vat_rate_bp"]
    order.discount_code = None
    for line in lines:
        db.session.add(OrderLine(order=order, booking_id=line["booking"].id, product_code=line["code"],
                                 kind=line["kind"], label=line["label"], quantity=line["quantity"],
                                 unit_cents=line["unit_ht_cents"], vat_rate_bp=line["vat_rate_bp"],
                                 total_cents=line["ttc_cents"], service_date=_local_day(line["booking"])))
    db.session.flush()
    return order


def checkout_order(member, site) -> Order:
    """The pending order paying the member's whole basket at a site: its still-open one (or the
    one a first click is still opening), or a new one (older open orders of these bookings are
    closed, so only this one can be paid). Under the member's lock, like a single booking's.

    :raises BillingError: the basket is empty (409).
    """
    from plugins.billing.bookings import abandon, checkout_order as single_order

    lock_member(member.id)  # two clicks on "Pay": the second sees the first one's order
    bookings = held(member.id, site.id)
    if not bookings:
        raise BillingError(_("Your basket is empty: nothing is waiting for your payment here."), status=409)
    if len(bookings) == 1:
        return single_order(bookings[0], member)
    wanted = sorted(b.id for b in bookings)
    reusable = None
    for booking in bookings:
        for order in pending_orders_of(booking.id):
            if (reusable is None and order.kind == "basket" and sorted(booking_ids(order)) == wanted
                    and can_reuse(order)):  # open, or its first click still waiting for Stripe
                reusable = order
            elif order is not reusable:
                abandon(order)
    return reusable or create_basket_order(member, site, bookings)


def hold_until_paid(order_id: int, until) -> bool:
    """Keep every booking of a basket held while its Checkout session can be paid.

    :return: False when one of them lapsed meanwhile: the order is then closed (its session
        expired by a job) and the member pays what is left of the basket again.
    """
    from plugins.billing.bookings import abandon

    order = db.session.get(Order, order_id)
    if all([extend_hold(booking_id, until) for booking_id in booking_ids(order)]):
        return True
    abandon(order)
    return False


def invoice_lines(order: Order) -> list[dict]:
    return [{"label": line.label, "quantity": line.quantity, "unit_ht_cents": line.unit_cents,
             "vat_rate_bp": line.vat_rate_bp, "line_id": line.id} for line in order.lines]


def confirm_paid_lines(order: Order) -> list[OrderLine]:
    """Confirm every booking of a paid basket; refund the line of each one lost meanwhile.

    :return: the lines refunded (the caller tells the member).
    """
    from plugins.billing.refunds import refund_line

    lost = []
    for line in order.lines:
        if confirm_booking(line.booking_id) is not None:
            continue
        booking = db.session.get(Booking, line.booking_id)
        if booking is not None and booking.status in ("confirmed", "checked_in") and order.method != "stripe":
            continue
        refund_line(order, line, "slot lost before payment")
        lost.append(line)
    return lost


def release(order: Order) -> None:
    """A basket's session expired or failed: its holds lapse together (each cancelled, unless
    a newer open order pays it)."""
    from plugins.billing.bookings import release_booking

    for booking_id in booking_ids(order):
        release_booking(booking_id, order)
