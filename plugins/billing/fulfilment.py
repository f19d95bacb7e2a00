"""Fulfilment: what happens once money is in, whoever noticed first (webhook or success page).

`fulfil_checkout` re-reads nothing itself: callers give it a session freshly retrieved from
Stripe, made before the write transaction opened (an HTTP call must not hold SQLite's write
lock). It locks the order row and moves it forward only once, so two concurrent calls give
one invoice, one e-mail, one confirmed booking. Everything a payment means (order paid,
invoice numbered, booking confirmed or the lost slot refunded, credits granted, the e-mail)
is in one transaction: a crash leaves all of it or none of it.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

from dateutil.relativedelta import relativedelta
from flask import current_app
from sqlalchemy import select

from core.extensions import db
from core.jobs import enqueue
from core.mail import queue_mail
from core.plugins import hooks
from plugins.billing import basket, bookings, credits, items, memberships, stripe_api
from plugins.billing.config import settings
from plugins.billing.invoices import issue_invoice, local_day
from plugins.billing.models import ITEM_KIND, Invoice, Order, Subscription
from plugins.billing.orders import lock_member, lock_order, order_id_of, plain
from plugins.billing.pdf import invoice_pdf
from plugins.billing.refunds import CREDIT_KINDS, refund

log = logging.getLogger("tierslieux.billing")

INVOICE_MAIL_JOB = "billing.mail_invoice"
FULFIL_JOB = "billing.fulfil_session"


def fulfil_checkout(session) -> str:
    """Fulfil the order of a paid Checkout session; a no-op when unpaid or already done.

    :return: a short description of the effect, stored with the webhook event.
    """
    order_id = order_id_of(session)
    if order_id is None:
        return "not ours"
    if session.payment_status != "paid":
        return "not paid"
    # The member first, then the order, then its booking: the order every writer takes them in
    # (a cancellation at the same moment would otherwise deadlock on PostgreSQL); it also makes
    # two memberships paid at once for one site admitted one after the other.
    _lock_member_of(order_id)
    order = lock_order(order_id)
    if order is None:
        return "unknown order"
    if order.status in ("paid", "refunded"):
        return "already fulfilled"
    closed = order.status == "cancelled"
    order.status = "paid"
    order.paid_at = datetime.now(timezone.utc)
    order.stripe_payment_intent = getattr(session, "payment_intent", None) or order.stripe_payment_intent
    if session.mode == "subscription":  # a closed membership order paid: `memberships.admit` decides
        row = sync_subscription_row(order, session.subscription)
        return "membership refused: a second one at the site" if row.status == "refused" else "subscription started"
    if closed:
        return _fulfil_closed(order)
    return _fulfil_paid(order)


def _lock_member_of(order_id: int) -> None:
    """The member's lock, taken before the order's (the order the checkouts take them in)."""
    lock_member(db.session.scalar(select(Order.member_id).where(Order.id == order_id)))


def _fulfil_closed(order: Order) -> str:
    """A payment arrived on an order billing had closed (a newer checkout replaced it, its
    booking was cancelled, its buyer erased their account) before the job expiring its session
    could run. The explicit path, so money is never kept for nothing nor twice:

    - a booking's order, or a basket: fulfilled as any payment, which confirms only what is
      still held for this member's payment (they paid the very price for a slot still kept for
      them; booking's compare-and-set lets one payment confirm it) and refunds the rest, lost
      or paid by the newer order meanwhile; the newer order, paid later, is refunded the same way;
    - an item: its seller decides, as for any payment (`items.deliver` refunds when it does not
      deliver, or when another order paid the item already);
    - anything else (a bundle): refunded in full, nothing is delivered on a closed order.
    """
    log.info("order %s was paid after it was closed", order.id)
    if order.booking_id is not None or order.kind in ("basket", ITEM_KIND):
        return "closed order paid, " + _fulfil_paid(order)
    invoice = issue_invoice(order, service_date=order.service_date or bookings.service_date(order))
    announce(order, invoice)
    refund(order, None, "paid after its checkout was closed")
    return f"closed order paid: refunded, invoice {invoice.reference}"


def _fulfil_paid(order: Order) -> str:
    if order.kind == "basket":
        return _fulfil_basket(order)
    invoice = issue_invoice(order, service_date=order.service_date or bookings.service_date(order))
    if order.booking_id is not None:
        bookings.confirm_paid_booking(order)  # in this transaction: paid and confirmed together
    if order.kind == ITEM_KIND:
        items.deliver(order, invoice)  # the seller delivers, or the payment is refunded
    if order.kind in CREDIT_KINDS and order.booking_id is None and order.member_id is not None:
        _pass_in_hand(order)
    if order.kind == "bundle":
        product = settings().products.get(order.product_code)
        days = (product.credits if product else 1) * order.quantity
        expires = order.paid_at + relativedelta(months=product.valid_months if product else 12)
        credits.grant(order.member_id, days, "bundle", expires, site_id=None if product and product.network
                      else order.site_id, order_id=order.id)
    announce(order, invoice)
    return f"paid: invoice {invoice.reference}"


def _pass_in_hand(order: Order) -> None:
    """A day or half-day pass paid with no booking to pay (recorded at the desk before the
    member booked): a credit of that pass at this site, which pays their next booking of its
    kind (`bookings.payer`), so the pass is never paid for nothing nor asked for again."""
    product = settings().products.get(order.product_code)
    expires = order.paid_at + relativedelta(months=product.valid_months if product else 12)
    credits.grant(order.member_id, order.quantity, "pass", expires, site_id=order.site_id, order_id=order.id,
                  note=order.label, product_code=order.product_code)


def _fulfil_basket(order: Order) -> str:
    """One invoice, one line per booking; every booking confirmed in this transaction, and
    the line of one lost meanwhile refunded (see `basket`)."""
    first = min(line.service_date for line in order.lines)
    invoice = issue_invoice(order, service_date=first, lines=basket.invoice_lines(order))
    lost = basket.confirm_paid_lines(order)
    if lost and order.client_email:
        queue_mail(order.client_email, "billing_late_payment", locale=getattr(order.member, "locale", None)
                   or current_app.config["BABEL_DEFAULT_LOCALE"], order=order, lines=lost,
                   amount_cents=sum(line.total_cents for line in lost))
    announce(order, invoice)
    return f"paid: invoice {invoice.reference}" + (f", {len(lost)} lost line(s) refunded" if lost else "")


def record_paid_on_site(order: Order) -> Invoice:
    """A manager recorded cash, a cheque or a transfer: the same invoice and e-mail follow (and
    a pass with no booking to pay becomes its credit)."""
    order.status = "paid"
    order.paid_at = datetime.now(timezone.utc)
    _fulfil_paid(order)
    return db.session.scalar(select(Invoice).where(Invoice.order_id == order.id, Invoice.kind == "invoice"))


def announce(order: Order, invoice: Invoice) -> None:
    """Tell other plugins, and mail the invoice (its PDF is rendered by a job, not here: the
    invoice counter stays locked until this transaction commits)."""
    if order.client_email:
        enqueue(INVOICE_MAIL_JOB, key=f"invoice-mail:{invoice.id}", invoice_id=invoice.id)
    site_hooks = hooks(order.site)
    site_hooks.invoice_issued(order=order, invoice=invoice)
    site_hooks.payment_succeeded(order=order, invoice=invoice)


def mail_invoice(invoice_id: int) -> None:
    """The "billing.mail_invoice" job: the invoice as a PDF, the mail in the member's language."""
    invoice = db.session.get(Invoice, invoice_id)
    order = invoice.order if invoice is not None else None
    if order is None or not order.client_email:  # the member erased their account meanwhile
        return
    locale = getattr(order.member, "locale", None) or current_app.config["BABEL_DEFAULT_LOCALE"]
    queue_mail(order.client_email, "billing_invoice", locale=locale,
               attachments=[(f"{invoice.reference}.pdf", "application/pdf", invoice_pdf(invoice))],
               invoice=invoice, order=order)


# --------------------------------------------------------------------------------------------
# Memberships
# --------------------------------------------------------------------------------------------


def _ts(value):
    return datetime.fromtimestamp(value, timezone.utc) if value else None


def _period_end(subscription) -> datetime | None:
    data = plain(subscription)
    end = data.get("current_period_end")
    if end is None:
        items = (data.get("items") or {}).get("data") or []
        end = items[0].get("current_period_end") if items else None
    return _ts(end)


def sync_subscription_row(order: Order, subscription) -> Subscription:
    """Create or update the mirror of a Stripe subscription (given as an id or an object)."""
    stripe_id = subscription if isinstance(subscription, str) else subscription.id
    row = db.session.scalar(select(Subscription).where(Subscription.stripe_subscription_id == stripe_id))
    if row is None:
        row = Subscription(member_id=order.member_id, site_id=order.site_id, order_id=order.id,
                           product_code=order.product_code, stripe_subscription_id=stripe_id, status="active")
        db.session.add(row)
        db.session.flush()
        memberships.admit(row)  # a second membership at the site is refused (callers hold the member's lock)
    if not isinstance(subscription, str):
        apply_subscription_state(row, subscription)
    db.session.flush()
    return row


def apply_subscription_state(row: Subscription, subscription) -> bool:
    """Copy Stripe's state, forward only: a canceled (or refused) membership never comes back
    to life."""
    if row.status in ("canceled", "refused"):
        return False
    status = {"active": "active", "trialing": "active", "past_due": "past_due", "unpaid": "past_due",
              "canceled": "canceled", "incomplete_expired": "canceled"}.get(subscription.status, row.status)
    end = _period_end(subscription)
    changed = (status, subscription.cancel_at_period_end) != (row.status, row.cancel_at_period_end)
    row.status = status
    row.cancel_at_period_end = bool(subscription.cancel_at_period_end)
    if end and (row.current_period_end is None or end > row.current_period_end):
        row.current_period_end, changed = end, True
    ended = _ts(plain(subscription).get("ended_at")) if status == "canceled" else None
    if ended and row.current_period_end and ended < row.current_period_end:
        row.current_period_end = ended  # cancelled at once (a failed renewal): it ended then, not at the period's end
    if row.cancel_at_period_end or row.status == "canceled":  # past_due may still be paid
        bookings.unpaid_by_membership(row)
    else:
        bookings.paid_by_membership_again(row)
    return changed


def record_subscription_invoice(stripe_invoice) -> str:
    """A membership's invoice was paid (first month or renewal): invoice it and, for counted
    memberships, grant the period's days. Keyed by Stripe's invoice id, so once only."""
    data = plain(stripe_invoice)
    details = (data.get("parent") or {}).get("subscription_details") or {}
    order_id = order_id_of({"metadata": details.get("metadata") or {}})
    sub_id = details.get("subscription") or data.get("subscription")
    if order_id is None or not sub_id:
        return "not ours"
    _lock_member_of(order_id)  # one membership per site: see `memberships.admit`
    order = lock_order(order_id)
    if order is None:
        return "unknown order"
    if db.session.scalar(select(Invoice.id).where(Invoice.stripe_invoice_id == stripe_invoice.id)):
        return "already invoiced"
    if order.status not in ("paid", "refunded"):  # pending, or closed and paid anyway: the money is in
        order.status, order.paid_at = "paid", datetime.now(timezone.utc)
    if not order.stripe_payment_intent:  # the first month's payment: what a refund pays back
        order.stripe_payment_intent = stripe_api.invoice_payment_intent(data)
    row = sync_subscription_row(order, sub_id)
    if row.status == "past_due":
        row.status = "active"
    period_end = _ts(data.get("period_end"))
    if period_end and (row.current_period_end is None or period_end > row.current_period_end):
        row.current_period_end = period_end
    lines = [{"label": order.label, "quantity": order.quantity, "unit_ht_cents": order.unit_cents,
              "vat_rate_bp": order.vat_rate_bp}]
    period_start = local_day(_ts(data.get("period_start")) or order.paid_at, order.site)
    invoice = issue_invoice(order, service_date=period_start, stripe_invoice_id=stripe_invoice.id, lines=lines)
    invoice.stripe_payment_intent = stripe_api.invoice_payment_intent(data)
    if memberships.unwanted(row, order, invoice):  # invoiced as received, refunded at once
        announce(order, invoice)
        memberships.refuse_invoice(order, invoice, stripe_api.invoice_payment_intent(data), row)
        return f"membership refused: invoice {invoice.reference} refunded"
    bookings.paid_by_membership_again(row)  # booked while a renewal was unpaid, or before it began
    product = settings().products.get(order.product_code)
    if product and not product.unlimited and order.member_id is not None:  # nobody's days: an erased member
        credits.grant(order.member_id, product.credits * order.quantity, "membership",
                      period_end or order.paid_at + timedelta(days=31),
                      site_id=None if product.network else order.site_id, order_id=order.id, invoice_id=invoice.id)
    announce(order, invoice)
    return f"membership invoiced: {invoice.reference}"


def fulfil_session(session_id: str) -> None:
    """The "billing.fulfil_session" job: re-read a Checkout session from Stripe and fulfil it.

    Enqueued by the success page (and run there at once), so a crash mid-way is finished by a
    worker; the webhook may do the same work first: fulfilment is idempotent.
    """
    db.session.rollback()  # no transaction (nor SQLite's write lock) while Stripe answers
    api = stripe_api.client().v1
    session = api.checkout.sessions.retrieve(session_id)
    first = stripe_api.invoice(session.invoice) if session.mode == "subscription" and session.invoice else None
    fulfil_checkout(session)
    if first is not None and first.status == "paid":
        record_subscription_invoice(first)
