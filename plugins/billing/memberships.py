"""One membership per member and site at a time.

A membership is a Stripe subscription charged every month (`Subscription` mirrors it). Two of
them at one site would charge the member twice a month for the same right, so:

- before Checkout (`checkout_order`, under the member's lock): a member who holds a membership
  covering the site (active, suspended for a failed renewal, or cancelled but not ended) is
  refused; a pending membership order of theirs there is reused, with its Checkout session,
  instead of opening a second one (two tabs, two clicks);
- at fulfilment (`admit`, under the member's lock too): a second membership paid anyway (two
  sessions opened before this rule, a race through Stripe) is not kept. Its row is stored as
  "refused", a job cancels the subscription at Stripe, its first invoice is refunded with a
  credit note, and the member is told by e-mail (`refuse_invoice`). Should Stripe charge it
  again before the cancellation got through (Stripe unreachable until the job gave up), that
  renewal is refunded too, on its own payment, and the cancellation asked again; the same for
  a renewal of an erased account's membership.

A network membership covers every site: it counts at each of them.
"""
from __future__ import annotations

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from core.db import utcnow
from core.extensions import db
from core.jobs import enqueue
from core.mail import queue_mail
from plugins.billing.config import settings
from plugins.billing.errors import BillingError
from plugins.billing.models import Order, Subscription
from plugins.billing.orders import lock_member, reusable
from plugins.billing.privacy import CANCEL_SUBSCRIPTION_JOB  # the job ending a subscription at Stripe at once

HELD_STATUSES = ("active", "past_due")  # past_due: suspended until the card pays, still theirs


def _network(product_code: str | None) -> bool:
    product = settings().products.get(product_code or "")
    return bool(product and product.network)


def covers(row: Subscription, site_id: int, network: bool = False) -> bool:
    """Whether a held membership overlaps a new one at `site_id` (`network`: covering every site)."""
    return network or row.site_id == site_id or _network(row.product_code)


def not_ended(row: Subscription, now=None) -> bool:
    """Still the member's: active or suspended, and not past the end of a period it was
    cancelled at (Stripe's deletion event may simply not have arrived yet)."""
    if row.status not in HELD_STATUSES:
        return False
    return not (row.cancel_at_period_end and row.current_period_end is not None
                and row.current_period_end <= (now or utcnow()))


def held_membership(member_id: int, site_id: int, other_than: int | None = None,
                    network: bool = False) -> Subscription | None:
    """The membership the member holds at this site (the oldest), if any; with `network`, the
    one they hold anywhere (a network membership would cover that site twice)."""
    rows = db.session.scalars(select(Subscription).where(Subscription.member_id == member_id,
                                                         Subscription.status.in_(HELD_STATUSES))
                              .order_by(Subscription.id)).all()
    return next((row for row in rows if row.id != other_than and covers(row, site_id, network) and not_ended(row)),
                None)


def pending_order(member_id: int, site_id: int) -> Order | None:
    """The member's membership order at this site still waiting for its payment, if any."""
    return db.session.scalar(select(Order).where(Order.member_id == member_id, Order.site_id == site_id,
                                                 Order.kind == "membership", Order.status == "pending")
                             .order_by(Order.id.desc()))


def refuse_if_held(member_id: int, site_id: int, network: bool = False) -> None:
    """:raises BillingError: (409) the member already holds a membership covering the site (any
        membership, for a network one)."""
    row = held_membership(member_id, site_id, network=network)
    if row is not None:
        raise BillingError(_("You already have a membership here (%(label)s): one membership per site at a time. "
                             "To change it, cancel it from your payments page and buy the new one once it has "
                             "ended.", label=row.order.label), status=409)


def checkout_order(member, site, offer) -> Order | None:
    """Before Checkout, under the member's lock: refuse a second membership, or give back the
    pending membership order to reuse (None: the caller creates one).

    A pending order for another membership (the member changed their mind), or one whose
    session is about to expire or was never opened, is closed, its session expired by a job: if
    it is paid anyway, `admit` refuses the second one.
    """
    from plugins.billing.bookings import abandon

    lock_member(member.id)  # two tabs, two clicks: one order
    refuse_if_held(member.id, site.id, network=bool(offer.product.network))
    order = pending_order(member.id, site.id)
    if order is not None and (order.product_code, order.unit_cents, order.discount_code) == \
            (offer.code, offer.unit_cents, offer.discount_code) and reusable(order):
        return order  # its session still open, or its first click still waiting for Stripe
    if order is not None:
        abandon(order)
    return None


def admit(row: Subscription) -> bool:
    """A new membership was paid (its row just created, under the member's lock): keep it,
    unless the member already holds one it overlaps, or their account was erased before the
    payment came (its order detached: nobody to serve, and Stripe would charge every month).
    Then it is refused: stored as such, never covering a booking nor granting days, and a job
    cancels it at Stripe at once.

    :return: whether it is kept.
    """
    erased = row.member_id is None  # the account was erased before the payment came: nobody to serve
    if not erased and held_membership(row.member_id, row.site_id, other_than=row.id,
                                      network=_network(row.product_code)) is None:
        return True
    row.status = "refused"
    enqueue(CANCEL_SUBSCRIPTION_JOB, key=f"cancel-subscription:{row.stripe_subscription_id}",
            subscription_id=row.stripe_subscription_id)
    return False


def _renewal(order: Order, invoice) -> bool:
    from plugins.billing.invoices import invoice_for_order

    return invoice.id != invoice_for_order(order.id).id


def unwanted(row: Subscription, order: Order, invoice) -> bool:
    """Nobody may hold what this paid invoice pays for: a refused membership, or the renewal of
    an erased account's (its cancellation had not reached Stripe)."""
    return row.status == "refused" or (row.status == "canceled" and row.member_id is None and _renewal(order, invoice))


def refuse_invoice(order: Order, invoice, payment_intent: str | None, row: Subscription) -> None:
    """An invoice of a membership nobody may hold was paid: refund it in full.

    The first invoice of a refused membership is the order's own money: refunded as any order
    (credit note, the card refunded by a job), and the member told why. A later one is a
    renewal Stripe charged because the job cancelling the subscription had not got through
    (Stripe unreachable for a month, the job dead): refunded on its own payment with a credit
    note for that invoice, and the cancellation asked again by a new job. The same for a
    renewal of an erased account's membership.
    """
    from plugins.billing.refunds import refund, refund_invoice

    if _renewal(order, invoice):
        refund_invoice(invoice, payment_intent, "membership renewed after it was ended")
        enqueue(CANCEL_SUBSCRIPTION_JOB, key=f"cancel-subscription:{row.stripe_subscription_id}:{invoice.id}",
                subscription_id=row.stripe_subscription_id)
        return
    if order.status != "paid" or order.refunded_cents >= order.total_cents:
        return  # refunded already
    refund(order, None, "second membership at the same site")
    if order.client_email:
        queue_mail(order.client_email, "billing_membership_refused",
                   locale=getattr(order.member, "locale", None) or current_app.config["BABEL_DEFAULT_LOCALE"],
                   order=order)
