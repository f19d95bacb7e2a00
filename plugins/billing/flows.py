"""Units of work shared by billing's pages and API views: they own their transactions because
a call to Stripe must sit between two of them (SQLite's write lock is never held while Stripe
answers). Nothing else in billing commits."""
from __future__ import annotations

from datetime import datetime, timezone

from flask_babel import gettext as _
from sqlalchemy import select

import stripe

from core import audit
from core.db import lock_name
from core.extensions import db
from plugins.billing import basket, bookings, items, memberships, stripe_api
from plugins.billing.checkout import SessionClosed, create_order, open_session, session_request
from plugins.billing.errors import BillingError
from plugins.billing.fulfilment import apply_subscription_state
from plugins.billing.models import Order, Subscription
from plugins.billing.orders import lock_member
from plugins.billing.products import products_at, quote

BUYABLE = ("bundle", "membership")


def _open(order_id: int, request):
    """`open_session`, committing the expiry job of a session opened on an order closed
    meanwhile before the refusal goes up (the caller's rollback must not lose it)."""
    try:
        return open_session(order_id, request)
    except SessionClosed:
        db.session.commit()
        raise


def _processing() -> BillingError:
    return BillingError(_("Your payment is being processed; you will receive an e-mail once it is confirmed."),
                        "payment_processing", status=409)


def _unavailable() -> BillingError:
    return BillingError(_("Online payment is unavailable at the moment: try again in a few minutes."),
                        "payment_unavailable", status=503)


def _checkout(make_order, keep_holds=None, lapsed: str = ""):
    """The steps every online payment takes: the order (`make_order()`: an open one again, or a
    new one), committed before Stripe hears of it (its id keys the session); its stored
    session when Stripe still has it open, else a new session; the holds it pays kept while
    that session can be paid (`keep_holds(order_id, until)`, False when one lapsed).

    A stored session Stripe has closed is never asked for again: its order's key would give it
    back (Stripe keeps an Idempotency-Key's answer a day). Expired, the order is closed and a new
    one made; completed, the payment is on its way (its webhook fulfils it).

    :raises BillingError: as `make_order`, a hold lapsed (409, `lapsed`), being paid (409), or
        Stripe unreachable (503; the order stays pending and the next click takes it up again).
    """
    try:
        for _attempt in range(2):
            order = make_order()
            order_id, current = order.id, order.stripe_session_id
            request = None if current else session_request(order)
            db.session.commit()
            if current:
                session = stripe_api.client().v1.checkout.sessions.retrieve(current)
                if session.status == "open":
                    return session
                if session.status == "complete":
                    raise _processing()
                bookings.abandon(db.session.get(Order, order_id))  # expired at Stripe: a new order
                db.session.commit()
                continue
            session = _open(order_id, request)
            if keep_holds is not None and not keep_holds(
                    order_id, datetime.fromtimestamp(session.expires_at, timezone.utc)):
                db.session.commit()  # the order is closed, its session's expiry is a job: keep both
                raise BillingError(lapsed, status=409)
            db.session.commit()
            return session
    except stripe.StripeError:
        db.session.rollback()
        raise _unavailable() from None
    raise _unavailable()


def checkout_held_booking(booking, member):
    """The Checkout session paying a held booking: the open one again, or a new one.

    :raises BillingError: not waiting for this member's payment, or the hold lapsed meanwhile.
    """
    booking_id = booking.id
    return _checkout(lambda: bookings.checkout_order(booking, member),
                     lambda order_id, until: bookings.hold_until_paid(booking_id, order_id, until),
                     _("This booking is not held any more: please book again."))


def checkout_basket(member, site):
    """The Checkout session paying the member's whole basket at a site (every booking held
    for their payment there): one session, one order, one line per booking. A basket of one
    is paid as that one booking.

    :raises BillingError: the basket is empty, or one of its holds lapsed meanwhile (the
        order is then closed; the member sees what is left and pays again).
    """
    held = basket.held(member.id, site.id)
    if len(held) == 1:
        return checkout_held_booking(held[0], member)
    return _checkout(lambda: basket.checkout_order(member, site), basket.hold_until_paid,
                     _("One of your bookings is not held any more: check your basket and pay again."))


def checkout_item(buyer, site, **item):
    """The Checkout session paying an item another plugin sells (`items.item_order`'s
    arguments): its still-open one again, or a new one. Commits: the order before Stripe hears
    of it (with the caller's pending changes), then the session's id.

    :raises BillingError: no online payment at the site, paid already or being paid (409), or
        Stripe unreachable (503; the order stays pending without a session and the next call
        replaces it).
    """
    return _checkout(lambda: items.item_order(buyer, site, **item))


def checkout_product(member, site, code: str, discount_code: str | None = None):
    """The Checkout session buying a bundle or a membership at a site. A membership is one per
    member and site: refused when the member holds one there; their pending membership order
    is paid again (its still-open session) rather than a second one opened (two tabs, two
    clicks: made one after the other under the member's lock).

    :raises BillingError: not sold here, a discount refused, a membership held (409), or its
        payment being processed (409).
    """
    def make_order():
        if code not in products_at(site, BUYABLE):
            raise BillingError(_("This product is not sold at this site."))
        # The member's row before a discount code's lock (taken by the quote), in the documented
        # order (docs/architecture.md, "Transactions"); a membership took its member after it.
        lock_member(member.id)
        offer = quote(site, code, member.id, discount_code)
        order = memberships.checkout_order(member, site, offer) if offer.product.kind == "membership" else None
        return order or create_order(member, site, offer)

    return _checkout(make_order)


def end_membership_at_period_end(row_id: int, end: bool, actor):
    """Ask Stripe to end a membership at the close of its period (`end`), or to keep it after
    all; store Stripe's answer at once (its customer.subscription.updated event, read again
    from Stripe, repeats it).

    Two tabs clicking at once (stop and keep, or stop twice) take turns on PostgreSQL: a lock
    named for this membership is held from reading the row to committing Stripe's answer, the
    call included (an advisory lock: it holds no row, so webhooks and renewals go on). So the
    row ends as Stripe does, with the last decision, and a click asking what the row already
    says (the other tab's) asks Stripe nothing. SQLite's write lock is never held while Stripe
    answers: there the two calls may still cross (each asks Stripe, and the webhook's copy of
    Stripe's state puts the row right).

    :raises BillingError: the membership is over or refused (409), or Stripe unreachable (503).
    """
    over = BillingError(_("This membership is over: it cannot be changed any more."), status=409)
    serialised = db.session.get_bind().dialect.name != "sqlite"
    lock_name(f"billing.membership_end:{row_id}")
    row = db.session.get(Subscription, row_id, populate_existing=True)  # as the other tab left it
    if row.status not in ("active", "past_due"):
        raise over
    if row.cancel_at_period_end is end:
        db.session.rollback()
        return
    if not stripe_api.configured():  # an instance without Stripe's key: said, not a 500
        raise _unavailable()
    stripe_id = row.stripe_subscription_id
    if not serialised:
        db.session.rollback()  # no transaction (nor SQLite's write lock) while Stripe answers
    api = stripe_api.client().v1
    try:
        # No Idempotency-Key: setting a flag is idempotent already, and Stripe would answer a
        # stop asked again after a "keep it" with the first stop's cached answer for a day.
        subscription = api.subscriptions.update(stripe_id, {"cancel_at_period_end": end})
    except stripe.InvalidRequestError:  # ended at Stripe, its deletion event not here yet
        try:
            subscription = api.subscriptions.retrieve(stripe_id)
        except stripe.StripeError:
            raise over from None
        apply_subscription_state(db.session.get(Subscription, row_id), subscription)
        db.session.commit()
        raise (over if subscription.status in ("canceled", "incomplete_expired") else _unavailable()) from None
    except stripe.StripeError:
        db.session.rollback()
        raise _unavailable() from None
    apply_subscription_state(db.session.get(Subscription, row_id), subscription)
    audit.record(actor, "billing.membership_stop_asked" if end else "billing.membership_kept",
                 f"subscription:{row_id}", stripe_subscription=stripe_id)
    db.session.commit()


def end_membership_now(row_id: int, actor) -> bool:
    """End at once, at Stripe, a membership whose renewal failed (the member's card refused):
    the subscription is cancelled, so Stripe stops collecting its unpaid invoice (no more retry,
    nothing more charged), and the row says ended with Stripe's answer, audited. Only a
    suspended one: an active membership is paid for its month and ends at the close of it.

    The same turns as `end_membership_at_period_end` (the lock named for this membership, held
    around the calls on PostgreSQL): a second click, or a stop or keep in another tab, reads the
    first's outcome; a click on a membership already ended asks Stripe nothing. Stripe's
    deletion event, before or after, finds the row ended and changes nothing.

    :return: whether this click ended it (False: it had ended already, here or at Stripe).
    :raises BillingError: the renewal was paid meanwhile (409), the membership was refused (409),
        or Stripe unreachable (503; the row unchanged).
    """
    lock_name(f"billing.membership_end:{row_id}")
    row = db.session.get(Subscription, row_id, populate_existing=True)  # as the other tab left it
    if row.status == "canceled":
        db.session.rollback()
        return False
    if row.status == "active":
        raise _paid_meanwhile()
    if row.status != "past_due":
        raise BillingError(_("This membership is over: it cannot be changed any more."), status=409)
    if not stripe_api.configured():
        raise _stop_unavailable()
    stripe_id = row.stripe_subscription_id
    if db.session.get_bind().dialect.name == "sqlite":
        db.session.rollback()  # no transaction (nor SQLite's write lock) while Stripe answers
    try:
        subscription, ended_here = _cancel_unpaid(stripe_api.client().v1, stripe_id)
    except stripe.StripeError:
        db.session.rollback()
        raise _stop_unavailable() from None
    # Stripe's events may have been applied meanwhile: the row as it is now, locked in the
    # webhook's order (its member, then it), then Stripe's answer copied forward only.
    lock_member(db.session.scalar(select(Subscription.member_id).where(Subscription.id == row_id)))
    row = db.session.get(Subscription, row_id, populate_existing=True, with_for_update=True)
    apply_subscription_state(row, subscription)
    if ended_here:
        audit.record(actor, "billing.membership_ended_now", f"subscription:{row.id}",
                     stripe_subscription=stripe_id, reason="renewal failed")
    db.session.commit()
    if subscription.status in ("active", "trialing"):
        raise _paid_meanwhile()
    return ended_here


def _cancel_unpaid(api, stripe_id: str):
    """Cancel a subscription at Stripe if it is still unpaid; return it, as Stripe has it then,
    and whether this call ended it. Stripe is asked first: a retry of the refused card may have
    paid the renewal (its event not here yet), and a month just paid is not thrown away."""
    subscription = api.subscriptions.retrieve(stripe_id)
    if subscription.status in ("active", "trialing", "canceled", "incomplete_expired"):
        return subscription, False
    try:
        # A DELETE: Stripe ignores an Idempotency-Key on it, and refuses to cancel twice.
        return api.subscriptions.cancel(stripe_id), True
    except stripe.InvalidRequestError:  # ended at Stripe meanwhile
        subscription = api.subscriptions.retrieve(stripe_id)
        if subscription.status not in ("canceled", "incomplete_expired"):
            raise
        return subscription, False


def _paid_meanwhile() -> BillingError:
    return BillingError(_("Your renewal was paid meanwhile: your membership goes on. You may end it at the "
                          "close of the month."), "membership_paid", status=409)


def _stop_unavailable() -> BillingError:
    return BillingError(_("The payment service cannot be reached at the moment: your membership was not stopped. "
                          "Try again in a few minutes."), "payment_unavailable", status=503)
