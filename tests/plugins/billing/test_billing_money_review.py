"""Sequences of legitimate actions after which billing's books were inconsistent (found by a
review of the money's invariants; each test failed before its fix)."""
from __future__ import annotations

from sqlalchemy import func, select

from core.extensions import db
from plugins.billing import credits
from plugins.billing.models import CreditEntry, Invoice, Order
from tests.plugins.billing.test_billing_basket import basket_order, pay_basket, three_days
from tests.plugins.billing.test_billing_bookings import book_day, desk, next_tuesday  # noqa: F401
from tests.plugins.billing.test_billing_money_hardening import _refund
from tests.plugins.billing.test_billing_refund_preview import set_billing
from tests.plugins.billing.test_billing_subscriptions import start_membership, subscription_of


# 1. A membership's renewal refunded in Stripe's dashboard gets no credit note -------------------


def test_a_renewal_refunded_in_stripes_dashboard_gets_its_credit_note(app, client, auth, shop,
                                                                            stripe_driver):
    """The second month is charged on its own PaymentIntent; `_refunded_elsewhere` looks the
    charge up by `Order.stripe_payment_intent` (the first month's) only: "not ours". The money
    left, the renewal's invoice stands, no credit note, and the month's 8 days stay."""
    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    row = subscription_of(app, shop["member"].id)
    stripe_driver.renew(row.stripe_subscription_id, "paid")
    stripe_driver.deliver(client)
    with app.app_context():
        assert credits.balance(shop["member"].id) == 16  # two months of 8 days
    api = stripe_driver.client().v1
    renewal = api.invoices.retrieve(api.subscriptions.retrieve(row.stripe_subscription_id).latest_invoice,
                                    {"expand": ["payments"]})
    renewal_pi = renewal.payments.data[0].payment.payment_intent
    api.refunds.create({"payment_intent": renewal_pi})  # the manager, in Stripe's dashboard
    replies = stripe_driver.deliver(client, only=("charge.refunded",))
    assert replies and all(reply.status_code == 200 for _t, reply in replies)
    effect = replies[0][1].json["effect"]
    with app.app_context():
        invoiced = db.session.scalar(select(func.sum(Invoice.total_ttc_cents)).where(Invoice.kind == "invoice"))
        noted = db.session.scalar(select(func.coalesce(func.sum(Invoice.total_ttc_cents), 0)).where(
            Invoice.kind == "credit_note"))
        balance = credits.balance(shop["member"].id)
    # Two months invoiced, the second given back in full: one month's money kept, and its days.
    assert noted == renewal.amount_paid and invoiced - noted == invoiced // 2, (effect, invoiced, noted)
    assert balance == 8, effect
    # Another event about the same refund (its amount unchanged) changes nothing.
    from types import SimpleNamespace

    from plugins.billing.webhooks import _refunded_elsewhere
    with app.app_context():
        again = SimpleNamespace(id="ch_other", payment_intent=renewal_pi, amount_refunded=renewal.amount_paid)
        assert _refunded_elsewhere(again) == "already recorded"
        assert db.session.scalar(select(func.count()).select_from(Invoice).where(Invoice.kind == "credit_note")) == 1


# 2. A counted membership refunded in full keeps its days ------------------------------------


def test_a_membership_refunded_in_full_by_its_manager_takes_back_its_days(app, client, auth, shop,
                                                                                stripe_driver):
    """A bundle's unused days are taken back when it is refunded (`credits.take_back`); a
    counted membership's month (8 days, reason "membership") is not: refunded in full, the
    member keeps the money and the 8 days (and the membership goes on)."""
    auth.login(shop["member"])
    start_membership(client, stripe_driver)  # membership_8: 8 days a month
    with app.app_context():
        order_id = db.session.scalar(select(Order.id).where(Order.kind == "membership"))
        assert credits.balance(shop["member"].id) == 8
    auth.logout()
    auth.login(shop["manager"])
    assert _refund(client, order_id, "", "card").status_code == 303
    with app.app_context():
        order = db.session.get(Order, order_id)
        assert order.status == "refunded"
        assert credits.balance(shop["member"].id) == 0, "8 days kept after the whole month was refunded"


def test_a_membership_refunded_in_stripes_dashboard_takes_back_its_days(app, client, auth, shop,
                                                                              stripe_driver):
    """The same through Stripe's dashboard: the first month refunded, its credit note written,
    the 8 days it granted kept."""
    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    with app.app_context():
        order = db.session.scalar(select(Order).where(Order.kind == "membership"))
        pi = order.stripe_payment_intent
    stripe_driver.client().v1.refunds.create({"payment_intent": pi})
    assert all(r.status_code == 200 for _t, r in stripe_driver.deliver(client, only=("charge.refunded",)))
    with app.app_context():
        assert db.session.scalar(select(Order.status).where(Order.kind == "membership")) == "refunded"
        assert credits.balance(shop["member"].id) == 0, "8 days kept after the month was refunded"


# 3. A basket day partly paid back in the dashboard is still given back as a whole day -------


def test_a_basket_day_partly_refunded_in_the_dashboard_is_not_given_back_as_a_whole_day(
        app, client, auth, shop, desk, stripe_driver):  # noqa: F811
    """Three days, 45 EUR. 40 EUR refunded in Stripe's dashboard (order level: allowed, the
    money has gone). With refunds as credits, cancelling a day in time credits its line: the
    plan checks only `line.refunded_cents == 0`, not what is left on the order, so the member
    gets a whole day of credit for the 5 EUR left (`refund(..., line=, to="credits")`: days = 1,
    amount = left). 45 EUR paid, 45 EUR given back (40 money, 5 "credits") and the member holds
    two confirmed days plus a day of credit. A single order checks `covers_a_day` instead."""
    set_billing(app, refund_policy="credits")
    auth.login(shop["member"])
    ids, _page = three_days(client, desk)
    stripe_driver.pay(pay_basket(client))
    stripe_driver.deliver(client)
    order, _invoices, _lines = basket_order(app)
    stripe_driver.client().v1.refunds.create({"payment_intent": order.stripe_payment_intent, "amount": 4000})
    assert all(reply.status_code == 200 for _t, reply in stripe_driver.deliver(client))
    assert client.post(f"/booking/{ids[0]}/cancel").status_code == 303
    order, _invoices, _lines = basket_order(app)
    with app.app_context():
        balance = credits.balance(shop["member"].id)
    # 5 EUR cannot buy a 15 EUR day: it goes back to the card, or no day is given for it.
    assert balance == 0 or order.credited_cents >= 1500, (balance, order.refunded_cents, order.credited_cents)


def test_a_day_of_a_refunded_renewal_given_back_is_not_spendable_again(app, client, auth, shop, stripe_driver):
    """A renewal's day spent, the renewal refunded in full in Stripe's dashboard (its 7 unused
    days taken back), then the booking cancelled in time: `give_back` put the day back on the
    renewal's grant and took back only against the first month's money, so the member had the
    renewal's money and a day of it (found by a review of this part's diff)."""
    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    row = subscription_of(app, shop["member"].id)
    stripe_driver.renew(row.stripe_subscription_id, "paid")
    stripe_driver.deliver(client)
    with app.app_context():
        assert credits.balance(shop["member"].id) == 16
        renewal_grant = db.session.scalars(select(CreditEntry).where(
            CreditEntry.reason == "membership", CreditEntry.grant_id.is_(None)).order_by(CreditEntry.id.desc())).first()
        assert renewal_grant.invoice_id is not None
        # One of the renewal's days spent on a booking (id 424242: the ledger keeps no key to it).
        db.session.add(CreditEntry(member_id=renewal_grant.member_id, site_id=renewal_grant.site_id,
                                   grant_id=renewal_grant.id, delta=-1, reason="booking", booking_id=424242))
        db.session.commit()
        assert credits.balance(shop["member"].id) == 15
    api = stripe_driver.client().v1
    renewal = api.invoices.retrieve(api.subscriptions.retrieve(row.stripe_subscription_id).latest_invoice,
                                    {"expand": ["payments"]})
    api.refunds.create({"payment_intent": renewal.payments.data[0].payment.payment_intent})
    assert all(r.status_code == 200 for _t, r in stripe_driver.deliver(client, only=("charge.refunded",)))
    with app.app_context():
        assert credits.balance(shop["member"].id) == 8  # the first month's 8; the renewal's 7 unused taken back
        assert credits.give_back(424242) == 1
        db.session.commit()
        # The renewal's money went back in full: none of its days may be spendable again.
        assert credits.balance(shop["member"].id) == 8, "a day of a refunded renewal is spendable again"


