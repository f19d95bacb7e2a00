"""A site manager's desk: a payment taken there (cash, a cheque, a transfer) recorded once, and
paying what the member owes first; billing's answers to booking's desk hooks (the link to record
a booking's payment taken on site, the site's revenue between instants for the occupancy
figures); the member a manager names by their address."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from flask import current_app
from flask_babel import gettext as _, lazy_gettext as _l, ngettext
from sqlalchemy import select

from core.accounts.models import User
from core.db import lock_name, utcnow
from core.extensions import db
from core.ui import NavItem, medium_moment
from plugins.billing import basket
from plugins.billing.bookings import abandon, booking_order, pending_order, product_for
from plugins.billing.checkout import create_order
from plugins.billing.errors import BillingError
from plugins.billing.fulfilment import record_paid_on_site
from plugins.billing.invoices import invoice_for_order
from plugins.billing.models import Invoice, Order
from plugins.billing.orders import lock_member, lock_order
from plugins.billing.refunds import CREDIT_KINDS
from plugins.booking import ACTIVE, Booking, awaiting_payment


@dataclass(frozen=True)
class DeskPayment:
    order: Order
    invoice: Invoice
    again: bool = False  # the same form sent twice: the first sending's payment, nothing more recorded


def record_at_desk(member, site, offer, quantity: int, method: str, recorded_by, key: str | None = None) -> DeskPayment:
    """Record a payment a manager took at the desk, invoiced and mailed as any payment (flushes).

    It pays what the member owes first (`desk_order`); a day or half-day pass with no booking to
    pay becomes a credit of that pass, which pays their next booking of its kind here
    (`fulfilment`); room hours with no room booking to pay are refused (book the room first).
    `key`: the one-time key of the form sent; sent again (a double click, a page reloaded), it
    gives back the payment its first sending recorded.

    :raises BillingError: the key was used for another payment, or `desk_order` refuses.
    """
    lock_member(member.id)  # before the orders and the booking it pays (see `fulfil_checkout`)
    if key:
        lock_name(f"billing.desk:{key}")  # after the member's row: a key reused for another member
        done = db.session.scalar(select(Order).where(Order.desk_key == key))
        if done is not None:
            if (done.member_id, done.site_id, done.product_code, done.quantity) != (member.id, site.id, offer.code,
                                                                                    quantity):
                raise BillingError(_("This form was sent already, for another payment: open the page again to "
                                     "record this one."), status=409)
            return DeskPayment(done, invoice_for_order(done.id), again=True)
    order = desk_order(member, site, offer, quantity, method, recorded_by)
    order.desk_key = key or None
    return DeskPayment(order, record_paid_on_site(order))


def desk_order(member, site, offer, quantity: int, method: str, recorded_by) -> Order:
    """The order of a payment a manager took at the desk. It pays the member's soonest booking at
    this site, not over yet, that waits for exactly this payment (same product and quantity):
    one held for its online payment (its online orders closed, so recording it confirms the
    booking), or one to pay on site (its pending order, now paid). With none, a new order; but
    not for room hours, which pay a room booking or nothing (`_refuse_room_hours`).

    :raises BillingError: several passes recorded at once while a booking of that kind waits to
        be paid: which one pays it? One pass first, then the others. Room hours with no room
        booking waiting for that many hours.
    """
    lock_member(member.id)  # before the orders it closes and the booking it confirms (see `fulfil_checkout`)
    waiting = _waiting(member, site, offer.code)
    for booking, on_site in waiting:
        if product_for(booking)[1] != quantity:
            continue
        if on_site is None:
            for online in basket.pending_orders_of(booking.id):
                abandon(online)  # its own checkout, or a basket's: closed, so it cannot be paid too
            return booking_order(member, site, offer, quantity, booking, method=method, recorded_by=recorded_by)
        order = lock_order(on_site.id)
        if order.status == "pending":  # a manager's "Mark as paid" may have paid it a moment ago
            order.method, order.recorded_by_id = method, getattr(recorded_by, "id", None)
            return order
    if waiting and offer.code in CREDIT_KINDS:
        day = waiting[0][0].starts_at
        raise BillingError(_("%(name)s has a booking of this kind still to pay (%(day)s): record one pass for it "
                             "first, then the others.", name=member.display_name,
                             day=medium_moment(day, site)), status=409)
    if offer.product.kind == "room_hour":
        # Those of another length: one of this length was paid meanwhile ("Mark as paid").
        _refuse_room_hours(member, site, [b for b, _order in waiting if product_for(b)[1] != quantity])
    return create_order(member, site, offer, quantity, method=method, recorded_by=recorded_by)


def _refuse_room_hours(member, site, waiting: list[Booking]) -> None:
    """Room hours that pay no booking. A pass kept for later becomes a credit of its kind, but
    there is no credit of hours: a room is paid by the hours its booking lasts and never by
    credits (`bookings.payer`). Invoiced alone they would buy nothing and the room, booked later,
    would be asked for again; so the desk says what to do instead: book the room first, or
    record the hours its booking waits for.

    :raises BillingError: always (422, the form's product or quantity to correct).
    """
    if not waiting:
        raise BillingError(_("No room booking of %(name)s waits for payment at this site, and room hours pay a "
                             "booking: book the room for %(name)s first, then record its hours.",
                             name=member.display_name), code="room_not_booked", status=422)
    booking = waiting[0]
    hours = product_for(booking)[1]
    raise BillingError(ngettext("%(name)s's room booking (%(day)s) waits for %(num)d hour: record %(num)d hour "
                                "for it.",
                                "%(name)s's room booking (%(day)s) waits for %(num)d hours: record %(num)d hours "
                                "for it.", hours, name=member.display_name, day=medium_moment(booking.starts_at, site)),
                       code="room_hours_differ", status=422)


def _waiting(member, site, code: str) -> list[tuple[Booking, Order | None]]:
    """The member's bookings at the site, not over yet, that wait to be paid with `code`, the
    soonest first: held for their online payment (None), or to pay on site (their pending order)."""
    now = utcnow()
    held = [(b, None) for b in awaiting_payment(member.id, site.id) if b.ends_at > now and product_for(b)[0] == code]
    on_site = db.session.execute(select(Booking, Order).join(Order, Order.booking_id == Booking.id).where(
        Order.member_id == member.id, Order.site_id == site.id, Order.status == "pending",
        Order.method == "on_site", Order.product_code == code, Booking.status.in_(ACTIVE),
        Booking.ends_at > now)).all()
    seen = {b.id for b, _order in held}
    found = held + [(b, o) for b, o in on_site if b.id not in seen]
    return sorted(found, key=lambda pair: (pair[0].starts_at, pair[0].id))


def member_by_email(email: str) -> User | None:
    """The account a manager means by the address they typed (a payment taken on site, reduced
    prices): None for an unknown one, and for one disabled or erased, as booking's desk answers
    (a disabled account got orders, invoices and reduced prices recorded about it)."""
    member = User.by_email(email or "")
    return member if member is not None and member.is_active else None


def desk_links(booking) -> list[NavItem]:
    """"Record the payment" beside a booking whose order waits to be paid at the desk, or that
    is held for its online payment (the member may pay at the desk instead)."""
    order = pending_order(booking.id) if booking.member_id else None
    held_for_payment = booking.status == "held" and booking.hold_reason == "payment" and booking.member_id
    if held_for_payment and order is None:
        # Booked by the manager for a member who pays: no order yet (the member has not started
        # paying online). The on-site payment form takes it: recording that product for the
        # member confirms this booking (`desk_order`).
        return [NavItem(_l("Record the payment"), "billing_manage.site_billing",
                        {"site_slug": booking.resource.site.slug, "_anchor": "onsite-title"})]
    if order is None or (order.method != "on_site" and not held_for_payment):
        return []
    return [NavItem(_l("Record the payment"), "billing_manage.site_billing",
                    {"site_slug": booking.resource.site.slug, "_anchor": "orders-title"})]


def revenue_between(site, bounds) -> tuple[str, list[int]]:
    """Invoiced amounts excluding VAT (credit notes subtract) between consecutive instants; one
    query reading three columns of the period's invoices."""
    amounts = [0] * (len(bounds) - 1)
    rows = db.session.execute(select(Invoice.issued_at, Invoice.kind, Invoice.total_ht_cents).where(
        Invoice.site_id == site.id, Invoice.issued_at >= bounds[0], Invoice.issued_at < bounds[-1]))
    for issued_at, kind, cents in rows:
        slot = bisect_right(bounds, issued_at) - 1
        amounts[slot] += -cents if kind == "credit_note" else cents
    return current_app.config["TERRITORY"].territory.currency, amounts
