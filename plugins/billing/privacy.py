"""A member erasing their account: what they pay for stops, invoices stay (legal retention),
detached from the person.

Erasure first cancels the member's future bookings through booking's normal cancel path (so
they are refunded with credit notes, whichever plugin's erasure runs first) and their
memberships (Stripe is told by an idempotent job), then detaches: the client's name and address
were copied onto each invoice when it was issued, as the law requires; only the link to the
account goes. Orders lose their link and contact copy too.
"""
from __future__ import annotations

import logging

from sqlalchemy import delete, select, update

from core.extensions import db
from core.jobs import enqueue
from plugins.billing import stripe_api
from plugins.billing.bookings import abandon
from plugins.billing.models import CreditEntry, Customer, Invoice, Order, ReducedRate, Subscription
from plugins.booking import cancel_future_bookings

CANCEL_SUBSCRIPTION_JOB = "billing.cancel_subscription"
log = logging.getLogger("tierslieux.billing")


def erase(user) -> None:
    from plugins.billing.orders import lock_member

    lock_member(user.id)  # before the orders it closes (the lock order of `fulfil_checkout`)
    cancel_future_bookings(user, "account_erased")
    for order in db.session.scalars(select(Order).where(Order.member_id == user.id, Order.status == "pending")).all():
        abandon(order)  # an open Checkout session (a bundle, a membership) can no longer be paid
    for row in db.session.scalars(select(Subscription).where(Subscription.member_id == user.id,
                                                             Subscription.status != "canceled")).all():
        row.status = "canceled"  # forward only: a renewal arriving later grants nothing
        enqueue(CANCEL_SUBSCRIPTION_JOB, key=f"cancel-subscription:{row.stripe_subscription_id}",
                subscription_id=row.stripe_subscription_id)
    db.session.flush()
    detach(user)


def cancel_subscription(subscription_id: str) -> None:
    """The job ending a membership at once in Stripe (no more renewals): for an erased account
    and for a second membership refused at a site (`memberships.admit`); idempotent."""
    db.session.rollback()  # no transaction (nor SQLite's write lock) while Stripe answers
    api = stripe_api.client().v1
    if api.subscriptions.retrieve(subscription_id).status == "canceled":
        return
    api.subscriptions.cancel(subscription_id, {}, {"idempotency_key": f"tierslieux-{subscription_id}-cancel-now"})


def detach(user) -> None:
    db.session.execute(update(Invoice).where(Invoice.member_id == user.id).values(member_id=None))
    # The invoices keep the client they were issued to; the orders, their working copy, keep
    # neither the address nor the name (one never paid needs them for nothing).
    db.session.execute(update(Order).where(Order.member_id == user.id).values(member_id=None, client_email="",
                                                                               client_name=""))
    db.session.execute(update(Subscription).where(Subscription.member_id == user.id).values(member_id=None))
    db.session.execute(delete(ReducedRate).where(ReducedRate.member_id == user.id))
    db.session.execute(delete(Customer).where(Customer.member_id == user.id))
    db.session.execute(delete(CreditEntry).where(CreditEntry.member_id == user.id, CreditEntry.grant_id.is_not(None)))
    db.session.execute(delete(CreditEntry).where(CreditEntry.member_id == user.id))
