"""Refunds: by the site's cancellation policy, or by a manager's hand with a reason.

The credit note is issued and the order updated in the transaction; the call to Stripe is a
job recorded in it ("billing.refund_card"), with an Idempotency-Key derived from the credit
note, so a retry or a crash cannot pay twice.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from flask import current_app
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _

from sqlalchemy import select, update

from core import audit
from core.db import utcnow
from core.extensions import db
from core.jobs import enqueue
from core.mail import queue_mail
from core.plugins import hooks
from core.ui import money
from core.urls import external_url
from plugins.billing import credits, stripe_api
from plugins.billing.errors import BillingError
from plugins.billing.invoices import invoice_for_order, issue_credit_note
from plugins.billing.config import settings
from plugins.billing.models import ITEM_KIND, CreditEntry, Invoice, Order, OrderLine
from plugins.billing.orders import lock_order
from plugins.booking import MEMBERS_CHOICE

REFUND_JOB = "billing.refund_card"

log = logging.getLogger("tierslieux.billing")


def refund(order: Order, amount_cents: int | None, reason: str, actor=None, to: str = "card",
           stripe_refund_id: str | None = None, line: OrderLine | None = None,
           tell_member: bool = False) -> Invoice:
    """Give back `amount_cents` (all that is left when None) of a paid order.

    :param to: "card" (Stripe, or by the manager's own means for an on-site payment) or
        "credits" (days added to the member's ledger instead of money).
    :param line: one line of a basket: the refund is of that line (at most what is left on
        it), its credit note names it; "credits" gives one day for the whole line.
    :param tell_member: mail the member what comes back (`billing_refund`). Only a refund made
        on its own says so (a manager's, Stripe's dashboard): one that comes with a
        cancellation is told by that cancellation's own e-mail (booking's names the refund,
        as do the late payment's and the refused membership's), and a second mail about the
        same money would only confuse.
    :raises BillingError: not paid, or more than is left.
    """
    order = lock_order(order.id)
    if line is not None:
        db.session.refresh(line)  # read under the order's lock: a refund just committed counts
    amount, days = refund_amount(order, amount_cents, to, line=line, from_dashboard=stripe_refund_id is not None)
    invoice = invoice_for_order(order.id)
    if line is not None:
        note = issue_credit_note(invoice, amount, reason, stripe_refund_id=stripe_refund_id, label=line.label,
                                 rate_bp=line.vat_rate_bp, whole=amount == line.total_cents and line.quantity == 1)
        line.refunded_cents += amount
    else:
        note = issue_credit_note(invoice, amount, reason, stripe_refund_id=stripe_refund_id)
    order.refunded_cents += amount
    if to == "credits":
        order.credited_cents += amount
    if order.refunded_cents >= order.total_cents:
        order.status = "refunded"
    if order.kind in ("bundle", "membership"):
        credits.take_back(order.id, order.refunded_cents, order.total_cents, order.kind)
    elif order.kind in CREDIT_KINDS and order.booking_id is None:  # a pass bought before any booking: its credit
        credits.take_back(order.id, order.refunded_cents, order.total_cents, "pass")
    if to == "credits":
        credits.grant(order.member_id, days, "refund", utcnow() + relativedelta(months=12), site_id=order.site_id,
                      order_id=order.id, note=reason, product_code=credit_product(order, line))
    elif order.method == "stripe" and stripe_refund_id is None:
        enqueue(REFUND_JOB, key=f"refund:{note.id}", credit_note_id=note.id, amount_cents=amount)
    audit.record(actor, "billing.refund", f"order:{order.id}", amount_cents=amount, reason=reason, to=to,
                 credit_note=note.reference)
    if tell_member:  # a manager's reason is told (their words; the credit note prints it too), not billing's own
        _mail_refund(order, note, amount, to, days, reason if actor is not None else None, line)
    site_hooks = hooks(order.site)
    site_hooks.invoice_issued(order=order, invoice=note)
    site_hooks.payment_refunded(order=order, credit_note=note, amount_cents=amount)
    if order.kind == ITEM_KIND:
        site_hooks.billing_item_refunded(order=order, credit_note=note, amount_cents=amount)
    return note


def refund_amount(order: Order, amount_cents: int | None, to: str, *, line: OrderLine | None = None,
                  from_dashboard: bool = False) -> tuple[int, int]:
    """What a refund of `amount_cents` (all that is left when None) gives back: the cents and
    the days of credit (0 in money). Writes nothing: `refund` acts on it, and a manager's
    confirmation page shows it first.

    :raises BillingError: not paid, more than is left, a part of a basket, or credits that do
        not cover one day.
    """
    if order.status not in ("paid", "refunded"):
        raise BillingError(_("Only a paid order can be refunded."))
    left = order.total_cents - order.refunded_cents
    if line is not None:
        from plugins.billing.basket import line_left

        left = line_left(order, line)
    amount = left if amount_cents is None else amount_cents
    if amount <= 0 or amount > left:
        raise BillingError(_("The amount to refund must be between 0 and what is left on the order."))
    if order.kind == "basket" and line is None and amount < left and not from_dashboard:
        # A part of a basket refunded at order level would belong to no day, and cancelling a
        # day later would refund it again: a basket is refunded whole, or day by day. Not so a
        # refund already made in Stripe's dashboard: that money has gone, and its credit note
        # must be written (the webhook failed for good before); a day cancelled later gives
        # back at most what is left on the order (`basket.line_left`).
        raise BillingError(_("A basket is refunded whole, or day by day by cancelling the day."))
    if to == "credits" and line is not None:
        return left, 1
    if to == "credits":  # whole days only: the credit note is for the days given, no more
        days = credit_days(order, amount)
        return min(left, days * order.total_cents // order.quantity), days
    return amount, 0


def refund_words(order: Order, to: str, amount_cents: int, days: int, line: OrderLine | None = None) -> str:
    """Where a refund goes, in one sentence of the current language (the cancellation's
    preview, the manager's confirmation page, the member's e-mail); `line`: a basket's day."""
    if to == "credits" and credit_product(order, line) == "half_day_pass":  # a half-day's credit pays a half-day
        return ngettext("Refund: %(num)d half-day of credit instead of money.",
                        "Refund: %(num)d half-days of credit instead of money.", days)
    if to == "credits":
        return ngettext("Refund: %(num)d day of credit instead of money.",
                        "Refund: %(num)d days of credit instead of money.", days)
    if order.method == "stripe":
        return _("Refund: %(amount)s to the card used to pay.", amount=money(amount_cents, order.currency))
    return _("Refund: %(amount)s, paid back by the site's team (it was paid on site).",
             amount=money(amount_cents, order.currency))


def _mail_refund(order: Order, note: Invoice, amount: int, to: str, days: int, reason: str | None,
                 line: OrderLine | None = None) -> None:
    """Tell the member of a refund made on its own (see `refund`'s `tell_member`), in their
    language. An erased member's order has no address left: nobody to tell."""
    if not order.client_email:
        return
    locale = getattr(order.member, "locale", None) or current_app.config["BABEL_DEFAULT_LOCALE"]
    with force_locale(locale):
        words = refund_words(order, to, amount, days, line)
    queue_mail(order.client_email, "billing_refund", locale=locale, order=order, credit_note=note, words=words,
               reason=reason, link=external_url("billing.account"))


CREDIT_KINDS = ("day_pass", "half_day_pass")


def credit_product(order: Order, line: OrderLine | None = None) -> str | None:
    """What the credit of a pass refunded as credits pays (`CreditEntry.product_code`): a
    half-day pass's pays a half-day only, as the desk's half-day pass does (a credit paying any
    booking would pay a whole day: the member would gain half a day); a day pass's pays any day
    or half-day, as before (a half-day is less than the member paid for)."""
    kind = line.kind if line is not None else order.kind
    return "half_day_pass" if kind == "half_day_pass" else None


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


def refund_invoice(invoice: Invoice, payment_intent: str | None, reason: str) -> Invoice:
    """Give back all of one invoice paid by its own payment, not the order's first: a
    membership's renewal (`memberships.refuse_invoice`). A credit note for the invoice, the
    card refunded by a job; the order's totals, which count its first payment, are unchanged."""
    note = issue_credit_note(invoice, invoice.total_ttc_cents, reason)
    enqueue(REFUND_JOB, key=f"refund:{note.id}", credit_note_id=note.id, amount_cents=invoice.total_ttc_cents,
            payment_intent=payment_intent)
    audit.record(None, "billing.refund", f"order:{invoice.order_id}", amount_cents=invoice.total_ttc_cents,
                 reason=reason, to="card", credit_note=note.reference)
    hooks(invoice.order.site).invoice_issued(order=invoice.order, invoice=note)
    return note


def invoice_refunded_elsewhere(invoice: Invoice, amount_refunded: int, stripe_refund_id: str) -> str:
    """A membership's renewal refunded outside the platform (Stripe's dashboard). It was paid
    by its own payment, so the order's totals (its first month) stay as they are; the renewal
    gets a credit note for what no credit note gives back yet, and the unused days of its month
    are taken back in proportion (a counted membership). Called with the member and the order
    locked. Returns what was done, for the webhook's answer."""
    noted = credits.credited_on(invoice.id)
    missing = min(amount_refunded, invoice.total_ttc_cents) - noted
    if missing <= 0:
        return "already recorded"
    note = issue_credit_note(invoice, missing, "refunded in Stripe", stripe_refund_id=stripe_refund_id)
    order = invoice.order
    days = credits.take_back(order.id, noted + missing, invoice.total_ttc_cents, "membership", invoice_id=invoice.id)
    audit.record(None, "billing.refund", f"order:{order.id}", amount_cents=missing, reason="refunded in Stripe",
                 to="card", credit_note=note.reference, renewal=invoice.reference, days_taken_back=days)
    hooks(order.site).invoice_issued(order=order, invoice=note)
    return f"renewal {invoice.reference}: credit note {note.reference}, {days} day(s) taken back"


def refund_card(credit_note_id: int, amount_cents: int, payment_intent: str | None = None) -> None:
    """The "billing.refund_card" job: ask Stripe to pay a credit note back to the card, and
    store its refund id. Stripe's Idempotency-Key makes a second call (a retry after a crash
    between the call and the commit) return the first refund instead of paying twice.
    `payment_intent`: the payment to refund when it is not the order's (a renewal's)."""
    note = db.session.get(Invoice, credit_note_id)
    if note is None or note.stripe_refund_id:
        return
    payment_intent = payment_intent or note.order.stripe_payment_intent
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


# --------------------------------------------------------------------------------------------
# What cancelling a booking gives back: decided once, done by `bookings.booking_cancelled`,
# told beforehand by `refund_preview` (booking's `booking_refund_preview`), so both agree.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CancellationPlan:
    in_time: bool  # False: a member cancelling within the notice gets nothing back
    credit_days: int  # days of credit the booking spent, given back
    refunds: tuple  # (order, "card" | "credits") of each paid order refunded in full
    kept: tuple  # paid orders not refunded (cancelled too late)
    abandoned: tuple  # unpaid orders closed (its own, and baskets it is a line of)
    line: OrderLine | None = None  # the line of a paid basket refunded (its share only)
    line_to: str | None = None  # "card" | "credits" (one day for the line)
    line_kept: OrderLine | None = None  # the basket line not refunded (cancelled too late)


def in_time(booking, reason: str, now=None) -> bool:
    """The site's cancellation rule: a member cancelling late, or erasing their account, gets
    nothing back."""
    if reason not in MEMBERS_CHOICE:
        return True
    return booking.starts_at - (now or utcnow()) >= timedelta(hours=settings().cancel_notice_hours)


def plan_cancellation(booking, reason: str, *, lock: bool = False, now=None) -> CancellationPlan:
    """What cancelling `booking` for `reason` gives back; writes nothing (`lock` takes each
    order's row lock, as the cancellation itself does before acting)."""
    from plugins.billing import basket  # basket imports this module's refunds lazily too

    give = in_time(booking, reason, now)
    spent = credits.days_to_give_back(booking.id)
    refunds, kept = [], []
    abandoned = [lock_order(o.id) if lock else o for o in basket.pending_orders_of(booking.id)]
    line = line_to = line_kept = None
    paid = basket.refundable_line(booking.id)
    if paid is not None:
        order = lock_order(paid.order_id) if lock else db.session.get(Order, paid.order_id)
        if lock:
            db.session.refresh(paid)  # under the order's lock: another refund may have just committed
        if order.status == "paid" and basket.line_left(order, paid) > 0:
            if give:
                policy = settings().refund_policy if reason == "member" else "card"
                # A day of credit only for a whole day's money: not when part of it went back
                # already, to this line or to the order (Stripe's dashboard refunds the order).
                line, line_to = paid, ("credits" if policy == "credits" and paid.kind in CREDIT_KINDS
                                       and basket.line_left(order, paid) == paid.total_cents else "card")
            else:
                line_kept = paid
    for order in db.session.scalars(select(Order).where(Order.booking_id == booking.id).order_by(Order.id)).all():
        if lock:
            order = lock_order(order.id)
        if order.status == "pending":
            continue  # among `abandoned` already
        elif order.status == "paid" and give:
            policy = settings().refund_policy if reason == "member" else "card"
            to = policy if order.kind in CREDIT_KINDS else "card"
            if to == "credits" and not covers_a_day(order):
                to = "card"  # what is left (after a goodwill refund, say) is less than a day
            refunds.append((order, to))
        elif order.status == "paid":
            kept.append(order)
    return CancellationPlan(give, max(spent, 0) if give else 0, tuple(refunds), tuple(kept), tuple(abandoned),
                            line, line_to, line_kept)


def refund_preview(booking, reason: str = "member") -> str | None:
    """The plan in words, for the member before they confirm a cancellation."""
    from plugins.billing import basket

    plan = plan_cancellation(booking, reason)
    spent = -sum(db.session.scalars(select(CreditEntry.delta).where(CreditEntry.booking_id == booking.id)).all())
    parts = []
    for order, to in plan.refunds:
        left = order.total_cents - order.refunded_cents
        parts.append(refund_words(order, to, left, credit_days(order, left) if to == "credits" else 0))
    if plan.line is not None:
        order = db.session.get(Order, plan.line.order_id)
        parts.append(refund_words(order, plan.line_to, basket.line_left(order, plan.line), 1, plan.line))
    if plan.credit_days:
        parts.append(ngettext("The %(num)d day of credit it used is given back.",
                              "The %(num)d days of credit it used are given back.", plan.credit_days))
    if not plan.in_time and (plan.kept or plan.line_kept is not None or spent > 0):
        hours = settings().cancel_notice_hours
        parts.append(ngettext("Not refundable: less than %(num)d hour before the start.",
                              "Not refundable: less than %(num)d hours before the start.", hours))
    if not parts and plan.abandoned:
        parts.append(_("Nothing was paid for this booking: nothing to refund."))
    return " ".join(parts) or None
