"""Items other plugins sell through billing: an event's ticket, anything that is not a booking
nor a product of the price table.

The seller (a plugin, by its name) gives the item's key (`reference`, its own: e.g.
"registration:42"), a label printed on the invoice, a price excluding VAT in cents and its VAT
rate. Billing takes the money with Stripe Checkout, invoices it, refunds it, and tells the
seller in the transaction of each change, through the order's site's hooks:

- `billing_item_paid(order, invoice)` (firstresult) when the money is in: the seller answers
  True once it delivered (the seat confirmed); anything else (False, or no answer: the seller is
  switched off there) and the payment is refunded in full in the same transaction, and the buyer
  mailed: money is never kept for nothing. Called once per order: the order's row lock and its
  forward-only status make a replayed webhook or the success page racing it find it paid.
- `billing_item_released(order)` when its Checkout session expired or failed unpaid (and no
  newer checkout of the same item is open).
- `billing_item_refunded(order, credit_note, amount_cents)` on every refund, whoever made it
  (the seller through `refund_item`, a manager, Stripe's dashboard).

Everything here flushes; `flows.checkout_item` owns its transactions (Stripe answers between two).
"""
from __future__ import annotations

from datetime import date

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select

from core.extensions import db
from core.plugins import hooks
from plugins.billing import stripe_api
from plugins.billing.bookings import abandon
from plugins.billing.errors import BillingError
from plugins.billing.models import ITEM_KIND, Invoice, Order
from plugins.billing.orders import lock_member, lock_order, reusable
from plugins.billing.products import payment_modes
from plugins.billing.refunds import refund, refund_lost_slot
from plugins.billing.vat import totals


def takes_online_payment(site) -> bool:
    """Whether items can be sold online at `site` (its payment modes, and Stripe's keys)."""
    return site is not None and payment_modes(site)[0] and stripe_api.configured()


def orders_of(seller: str, reference: str, statuses=None) -> list[Order]:
    query = select(Order).where(Order.kind == ITEM_KIND, Order.seller == seller, Order.seller_reference == reference)
    if statuses is not None:
        query = query.where(Order.status.in_(statuses))
    return list(db.session.scalars(query.order_by(Order.id)))


def _check(seller: str, reference: str, label: str, unit_cents, vat_rate_bp, url) -> None:
    """The seller's arguments: a programming error raises ValueError (not the buyer's fault)."""
    if not (seller and len(seller) <= 20 and reference and len(reference) <= 80 and label and len(label) <= 200):
        raise ValueError("seller (1-20), reference (1-80) and label (1-200 characters) are required")
    if isinstance(unit_cents, bool) or not isinstance(unit_cents, int) or unit_cents < 1:
        raise ValueError("unit_cents is a positive integer (cents, excluding VAT)")
    if isinstance(vat_rate_bp, bool) or not isinstance(vat_rate_bp, int) or not 0 <= vat_rate_bp <= 10_000:
        raise ValueError("vat_rate_bp is an integer between 0 and 10000 (basis points)")
    if url is not None and len(url) > 300:
        raise ValueError("url is at most 300 characters")


def item_order(buyer, site, *, seller: str, reference: str, label: str, unit_cents: int, vat_rate_bp: int,
               service_date: date | None = None, url: str | None = None) -> Order:
    """The pending order paying an item: its open one again (same price, a session not about
    to expire, or one a first click is still opening), or a new one (flushed); an older one is
    closed so only the new one can be paid. Under the buyer's lock: two clicks, one order.

    :raises BillingError: the site takes no online payment, or the item is paid already (409).
    """
    _check(seller, reference, label, unit_cents, vat_rate_bp, url)
    if not takes_online_payment(site):
        raise BillingError(_("This site does not take online payment."))
    lock_member(buyer.id)  # two clicks: the second sees the first one's order
    if orders_of(seller, reference, ("paid",)):
        raise BillingError(_("This is paid already."), status=409)
    for order in orders_of(seller, reference, ("pending",)):
        if reusable(order) and (order.unit_cents, order.vat_rate_bp, order.member_id) == (unit_cents, vat_rate_bp,
                                                                                         buyer.id):
            return order  # open, or its first click still waiting for Stripe
        abandon(order)
    figures = totals([{"quantity": 1, "unit_ht_cents": unit_cents, "vat_rate_bp": vat_rate_bp}])
    order = Order(member_id=buyer.id, site_id=site.id, product_code=seller, kind=ITEM_KIND, label=label, quantity=1,
                  unit_cents=unit_cents, vat_rate_bp=vat_rate_bp, total_cents=figures["ttc_cents"],
                  currency=current_app.config["TERRITORY"].territory.currency, method="stripe",
                  client_name=buyer.display_name, client_email=buyer.email, seller=seller,
                  seller_reference=reference, seller_url=url, service_date=service_date)
    db.session.add(order)
    db.session.flush()
    return order


def cancel_checkout(seller: str, reference: str) -> int:
    """Close the item's unpaid orders (their Checkout sessions are expired by a job): a payment
    made on one meanwhile is refunded when it arrives. :return: how many were closed."""
    pending = orders_of(seller, reference, ("pending",))
    for order in pending:
        abandon(order)
    return len(pending)


def deliver(order: Order, invoice) -> None:
    """In the paying transaction: ask the seller to deliver; refund in full if it does not, or
    if another order paid the item already. Other unpaid checkouts of the same item are closed
    (the first payment wins)."""
    if any(other.id != order.id for other in orders_of(order.seller, order.seller_reference, ("paid",))):
        refund_lost_slot(order)  # another order paid the item first (a closed one paid late): not twice
        return
    delivered = hooks(order.site).billing_item_paid(order=order, invoice=invoice)
    if delivered is not True:
        refund_lost_slot(order)
        return
    for other in orders_of(order.seller, order.seller_reference, ("pending",)):
        abandon(other)


def released(order: Order) -> None:
    """Its Checkout session expired or failed: tell the seller, unless a newer checkout of the
    same item is still open (its own outcome decides)."""
    if any(other.id != order.id for other in orders_of(order.seller, order.seller_reference, ("pending",))):
        return
    hooks(order.site).billing_item_released(order=order)


def refund_item(seller: str, reference: str, reason: str, actor=None) -> int:
    """Refund to the card, in full, what is left on the item's paid order(s).

    :return: the amount refunded, including VAT (0: nothing was paid, or all was refunded).
    """
    total = 0
    for order in orders_of(seller, reference, ("paid",)):
        order = lock_order(order.id)
        left = order.total_cents - order.refunded_cents
        if order.status == "paid" and left > 0:
            refund(order, None, reason, actor=actor, to="card")
            total += left
    return total


def revenue_of(seller: str, references=None) -> dict[str, int]:
    """What the seller's items brought in: invoiced excluding VAT, credit notes subtracted (the
    same count as the sites' revenue), in cents by reference; items never invoiced are absent."""
    query = (select(Order.seller_reference, Invoice.kind, func.sum(Invoice.total_ht_cents))
             .join(Invoice, Invoice.order_id == Order.id)
             .where(Order.kind == ITEM_KIND, Order.seller == seller)
             .group_by(Order.seller_reference, Invoice.kind))
    if references is not None:
        query = query.where(Order.seller_reference.in_(list(references)))
    revenue: dict[str, int] = {}
    for reference, kind, cents in db.session.execute(query):
        revenue[reference] = revenue.get(reference, 0) + (-cents if kind == "credit_note" else cents)
    return revenue
