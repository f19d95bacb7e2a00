"""Refunds: by the site's cancellation policy, or by a manager's hand with a reason.

The credit note is issued and the order updated in the transaction; the call to Stripe is a
job recorded in it ("billing.refund_card"), with an Idempotency-Key derived from the credit
note, so a retry or a crash cannot pay twice.
"""
from __future__ import annotations

import logging

from dateutil.relativedelta import relativedelta
from flask import current_app
from flask_babel import gettext as _

from sqlalchemy import update

from core import audit
from core.db import utcnow
from core.extensions import db
from core.jobs import enqueue
from core.mail import queue_mail
from core.plugins import hooks
from core.ui import money
from plugins.billing import credits, stripe_api
from plugins.billing.errors import BillingError
from plugins.billing.invoices import invoice_for_order, issue_credit_note
from plugins.billing.models import Invoice, Order, OrderLine
from plugins.billing.orders import lock_order

REFUND_JOB = "billing.refund_card"

log = logging.getLogger("tierslieux.billing")


def refund(order: Order, amount_cents: int | None, reason: str, actor=None, to: str = "card",
           stripe_refund_id: str | None = None, line: OrderLine | None = None) -> Invoice:
    """Give back `amount_cents` (all that is left when None) of a paid order.

    :param to: "card" (Stripe, or by the manager's own means for an on-site payment) or
        "credits" (days added to the member's ledger instead of money).
    :param line: one line of a basket: the refund is of that line (at most what is left on
        it), its credit note names it; "credits" gives one day for the whole line.
    :raises BillingError: not paid, or more than is left.
    """
    order = lock_order(order.id)
    if order.status not in ("paid", "refunded"):
        raise BillingError(_("Only a paid order can be refunded."))
    left = order.total_cents - order.refunded_cents
    if line is not None:
        left = min(left, line.total_cents - line.refunded_cents)
    amount = left if amount_cents is None else amount_cents
    if amount <= 0 or amount > left:
        raise BillingError(_("The amount to refund must be between 0 and what is left on the order."))
    days = 0
    if to == "credits" and line is not None:
        days, amount = 1, left
    elif to == "credits":  # whole days only: the credit note is for the days given, no more
        days = credit_days(order, amount)
        amount = min(left, days * order.total_cents // order.quantity)
    invoice = invoice_for_order(order.id)
    if line is not None:
        note = issue_credit_note(invoice, amount, reason, stripe_refund_id=stripe_refund_id, label=line.label,
                                 rate_bp=line.vat_rate_bp, whole=amount == line.total_cents and line.quantity == 1)
        line.refunded_cents += amount
    else:
        note = issue_credit_note(invoice, amount, reason, stripe_refund_id=stripe_refund_id)
    order.refunded_cents += amount
    if order.refunded_cents >= order.total_cents:
        order.status = "refunded"
    if order.kind == "bundle":
        credits.take_back(order.id, order.refunded_cents, order.total_cents)
    if to == "credits":
        credits.grant(order.member_id, days, "refund", utcnow() + relativedelta(months=12), site_id=order.site_id,
                      order_id=order.id, note=reason)
    elif order.method == "stripe" and stripe_refund_id is None:
        enqueue(REFUND_JOB, key=f"refund:{note.id}", credit_note_id=note.id, amount_cents=amount)
    audit.record(actor, "billing.refund", f"order:{order.id}", amount_cents=amount, reason=reason, to=to,
                 credit_note=note.reference)
    site_hooks = hooks(order.site)
    site_hooks.invoice_issued(order=order, invoice=note)
    site_hooks.payment_refunded(order=order, credit_note=note, amount_cents=amount)
    return note


CREDIT_KINDS = ("day_pass", "half_day_pass")


def covers_a_day(order: Order) -> bool:
    """Whether what is left on an order could still be given back as at least one day."""
    try:
        credit_days(order, order.total_cents - order.refunded_cents)
    except BillingError:
        return False
    return True


def credit_days(order: Order, amount_cents: int) -> int:
    """Days of credit a refund of `amount_cents` gives back instead of money: one per pass of
    the order's unit price the amount covers, rounded down (the refund is then for those days
    only); less than one pass is refused, so three refunds of 2 cents give nothing.

    :raises BillingError: not a pass (a bundle or a membership is refunded in money), or the
        amount does not cover one pass.
    """
    if order.kind not in CREDIT_KINDS or order.member_id is None:
        raise BillingError(_("Only a day or half-day pass can be refunded as credits: refund it in money."))
    days = amount_cents * order.quantity // order.total_cents
    if days < 1:
        raise BillingError(_("Credits are given back in whole days only, one per %(price)s refunded: refund "
                             "more, or in money.", price=money(order.total_cents // order.quantity, order.currency)))
    return days


def refund_card(credit_note_id: int, amount_cents: int) -> None:
    """The "billing.refund_card" job: ask Stripe to pay a credit note back to the card, and
    store its refund id. Stripe's Idempotency-Key makes a second call (a retry after a crash
    between the call and the commit) return the first refund instead of paying twice."""
    note = db.session.get(Invoice, credit_note_id)
    if note is None or note.stripe_refund_id:
        return
    payment_intent = note.order.stripe_payment_intent
    db.session.rollback()  # no transaction (nor SQLite's write lock) while Stripe answers
    result = stripe_api.client().v1.refunds.create(
        {"payment_intent": payment_intent, "amount": amount_cents, "metadata": {"credit_note_id": str(credit_note_id)}},
        {"idempotency_key": f"tierslieux-credit-note-{credit_note_id}-refund"})
    db.session.execute(update(Invoice).where(Invoice.id == credit_note_id).values(stripe_refund_id=result.id))


def refund_line(order: Order, line: OrderLine, reason: str, actor=None, to: str = "card") -> Invoice:
    """Refund what is left on one line of a basket (one booking), with its own credit note."""
    return refund(order, None, reason, actor=actor, to=to, line=line)


def refund_lost_slot(order: Order) -> None:
    """A payment arrived after its slot was given to someone else: refund it in full, tell
    the member. The explicit path: money is never silently kept."""
    refund(order, None, "slot lost before payment", to="card")
    if order.client_email:
        queue_mail(order.client_email, "billing_late_payment", locale=getattr(order.member, "locale", None)
                   or current_app.config["BABEL_DEFAULT_LOCALE"], order=order)
