"""One membership per member and site at a time: a second one is refused before Checkout, a
pending one is paid again rather than doubled (two tabs, concurrent clicks), the prices page
shows the one held, and a second one paid anyway (two sessions opened before this rule) is
refused at fulfilment: cancelled at Stripe, its first invoice refunded, the member told."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from core.extensions import db
from devtools.races import errors, run_together
from plugins.billing import credits
from plugins.billing.models import Invoice, Order, Subscription
from tests.plugins.billing.test_billing_checkout_races import twin
from tests.plugins.billing.test_billing_subscriptions import start_membership


def membership_orders(app, member_id):
    with app.app_context():
        rows = db.session.scalars(select(Order).where(Order.member_id == member_id, Order.kind == "membership")
                                  .order_by(Order.id)).all()
        return [(o.id, o.status, o.stripe_session_id) for o in rows]


def subscriptions(app, member_id):
    with app.app_context():
        rows = db.session.scalars(select(Subscription).where(Subscription.member_id == member_id)
                                  .order_by(Subscription.id)).all()
        return [(r.status, r.stripe_subscription_id, r.order_id) for r in rows]


def test_a_member_holding_a_membership_is_refused_a_second_one_and_sees_the_one_held(app, client, auth, shop,
                                                                                     stripe_driver):
    auth.login(shop["member"])
    page = client.get("/billing/sites/figeac/prices").get_data(as_text=True)
    assert 'value="membership_8"' in page and 'value="membership_unlimited"' in page
    start_membership(client, stripe_driver)
    for product in ("membership_8", "membership_unlimited"):
        refused = client.post("/billing/sites/figeac/buy", data={"product": product})
        assert refused.status_code == 409, product
        assert "Abonnement 8 jours par mois" in refused.get_data(as_text=True)
        assert "un seul abonnement" in refused.get_data(as_text=True)
    assert len(membership_orders(app, shop["member"].id)) == 1
    page = client.get("/billing/sites/figeac/prices").get_data(as_text=True)
    assert 'value="membership_8"' not in page and 'value="membership_unlimited"' not in page
    assert "Votre abonnement" in page and 'value="bundle_10"' in page  # a bundle is still for sale
    assert client.post("/billing/sites/figeac/buy", data={"product": "bundle_10"}).status_code == 303
    # Another site is another membership.
    assert client.post("/billing/sites/aurillac/buy", data={"product": "membership_8"}).status_code != 409


def test_buying_again_pays_the_pending_membership_order_and_its_open_session(app, client, auth, shop,
                                                                              stripe_driver):
    auth.login(shop["member"])
    first = client.post("/billing/sites/figeac/buy", data={"product": "membership_8"})
    again = client.post("/billing/sites/figeac/buy", data={"product": "membership_8"})
    assert first.status_code == again.status_code == 303
    assert first.headers["Location"] == again.headers["Location"]
    [(_id, status, session_id)] = membership_orders(app, shop["member"].id)
    assert status == "pending" and first.headers["Location"].endswith(session_id)
    # Changing one's mind: the other membership's checkout replaces it, the old session expired.
    other = client.post("/billing/sites/figeac/buy", data={"product": "membership_unlimited"})
    assert other.status_code == 303 and other.headers["Location"] != first.headers["Location"]
    assert [o[1] for o in membership_orders(app, shop["member"].id)] == ["cancelled", "pending"]
    assert stripe_driver.client().v1.checkout.sessions.retrieve(session_id).status == "expired"


def test_concurrent_clicks_on_buy_make_one_membership_order(app, client, auth, shop, stripe_driver):
    auth.login(shop["member"])
    tabs = [twin(app, client) for _ in range(3)]
    replies = run_together(lambda tab: tab.post("/billing/sites/figeac/buy", data={"product": "membership_8"}), tabs)
    assert errors(replies) == [] and [r.status_code for r in replies] == [303] * 3
    orders = membership_orders(app, shop["member"].id)
    assert len(orders) == 1 and orders[0][1] == "pending", orders
    assert {r.headers["Location"].rsplit("/", 1)[-1] for r in replies} == {orders[0][2]}


def _second_session(app, member_email):
    """A second membership's session opened behind the rule's back (as two tabs could before it)."""
    from core.accounts.models import User
    from core.sites.service import site_by_slug
    from plugins.billing.checkout import create_order, start_session
    from plugins.billing.products import quote

    with app.test_request_context():
        member, site = User.by_email(member_email), site_by_slug("figeac")
        order = create_order(member, site, quote(site, "membership_8", member.id))
        db.session.commit()
        session = start_session(order)
        db.session.commit()
        return session.id


def _second_paid_is_refused(app, client, shop, stripe_driver, mailbox, success_page_first):
    member = shop["member"]
    start_membership(client, stripe_driver)
    mailbox.wait_for(1)
    mailbox.clear()
    session_id = _second_session(app, member.email)
    assert stripe_driver.pay(session_id)[0] == 200
    if success_page_first:  # the success page fulfils first, then the webhooks arrive
        assert client.get(f"/billing/checkout/success?session_id={session_id}").status_code == 200
    for kind, reply in stripe_driver.deliver(client):
        assert reply.status_code == 200, (kind, reply.get_data(as_text=True))
    rows = subscriptions(app, member.id)
    assert [r[0] for r in rows] == ["active", "refused"]
    api = stripe_driver.client().v1
    assert api.subscriptions.retrieve(rows[0][1]).status == "active"
    assert api.subscriptions.retrieve(rows[1][1]).status == "canceled"  # the job cancelled it at once
    stripe_driver.deliver(client)  # Stripe's "deleted" event changes nothing: refused stays refused
    assert [r[0] for r in subscriptions(app, member.id)] == ["active", "refused"]
    with app.app_context():
        order = db.session.get(Order, rows[1][2])
        assert (order.status, order.refunded_cents) == ("refunded", order.total_cents)
        kinds = db.session.scalars(select(Invoice.kind).where(Invoice.order_id == order.id).order_by(Invoice.id)).all()
        assert kinds == ["invoice", "credit_note"]
        first_invoice = api.invoices.retrieve(api.subscriptions.retrieve(rows[1][1]).latest_invoice,
                                              {"expand": ["payments"]})
        paid_by = first_invoice.payments.data[0].payment.payment_intent
        refunds = api.refunds.list({"payment_intent": paid_by}).data
        assert [r.amount for r in refunds] == [order.total_cents]
        assert credits.balance(member.id) == 8  # the first membership's days only
    subjects = [m["Subject"] for m in mailbox.wait_for(3, timeout=3.0) if m["To"] == member.email]
    assert any("second abonnement" in s for s in subjects), subjects


def test_a_second_membership_paid_anyway_is_cancelled_refunded_and_the_member_told(app, client, auth, shop,
                                                                                  stripe_driver, mailbox):
    auth.login(shop["member"])
    _second_paid_is_refused(app, client, shop, stripe_driver, mailbox, success_page_first=False)


def test_a_second_membership_fulfilled_by_the_success_page_first_is_refused_too(app, client, auth, shop,
                                                                               stripe_driver, mailbox):
    auth.login(shop["member"])
    _second_paid_is_refused(app, client, shop, stripe_driver, mailbox, success_page_first=True)


def test_a_member_whose_membership_ended_can_buy_one_again(app, client, auth, shop, stripe_driver):
    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    [(_status, stripe_id, _order)] = subscriptions(app, shop["member"].id)
    with app.app_context():
        row_id = db.session.scalar(select(Subscription.id))
    assert client.post(f"/billing/subscriptions/{row_id}/cancel").status_code == 303
    stripe_driver.deliver(client)
    # Cancelled at period end but not ended yet: still held.
    assert client.post("/billing/sites/figeac/buy", data={"product": "membership_8"}).status_code == 409
    stripe_driver.renew(stripe_id, "paid")  # the period ends: Stripe deletes it
    stripe_driver.deliver(client)
    assert [r[0] for r in subscriptions(app, shop["member"].id)] == ["canceled"]
    assert 'value="membership_8"' in client.get("/billing/sites/figeac/prices").get_data(as_text=True)
    assert client.post("/billing/sites/figeac/buy", data={"product": "membership_8"}).status_code == 303


def test_an_invalid_buy_form_is_refused_with_its_field_errors(app, client, auth, shop, stripe_driver):
    auth.login(shop["member"])
    reply = client.post("/billing/sites/figeac/buy", data={"product": "", "discount_code": "x" * 41})
    assert reply.status_code == 422
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Order)) == 0


def test_a_network_membership_is_refused_to_a_member_holding_one_at_any_site(app, make_user, shop):
    """A network membership covers every site: with one held at Figeac, buying it at Aurillac
    would cover Figeac twice. The rule, read directly (the test territory sells no network
    membership)."""
    import pytest

    from core.sites.service import site_by_slug
    from plugins.billing import memberships
    from plugins.billing.errors import BillingError

    member = make_user()
    with app.test_request_context(method="POST"):
        figeac, aurillac = site_by_slug("figeac").id, site_by_slug("aurillac").id
        order = Order(member_id=member.id, site_id=figeac, kind="membership", product_code="membership_8",
                      quantity=1, unit_cents=6250, vat_rate_bp=2000, total_cents=7500, status="paid",
                      label="Abonnement")
        db.session.add(order)
        db.session.flush()
        db.session.add(Subscription(member_id=member.id, site_id=figeac, order_id=order.id, status="active",
                                    product_code="membership_8", stripe_subscription_id="sub_held_figeac"))
        db.session.flush()
        memberships.refuse_if_held(member.id, aurillac)  # a site membership elsewhere: allowed
        with pytest.raises(BillingError) as refused:
            memberships.refuse_if_held(member.id, aurillac, network=True)
        assert refused.value.status == 409
        db.session.rollback()


def test_a_discount_code_given_after_a_first_click_opens_a_new_checkout_at_its_price(app, client, auth, shop,
                                                                                     stripe_driver):
    auth.login(shop["member"])
    first = client.post("/billing/sites/figeac/buy", data={"product": "membership_8"})
    discounted = client.post("/billing/sites/figeac/buy", data={"product": "membership_8",
                                                                "discount_code": "BIENVENUE"})
    assert first.status_code == discounted.status_code == 303
    assert first.headers["Location"] != discounted.headers["Location"]
    orders = membership_orders(app, shop["member"].id)
    assert [status for _id, status, _s in orders] == ["cancelled", "pending"], orders
    with app.app_context():
        assert db.session.get(Order, orders[1][0]).discount_code == "BIENVENUE"


def test_a_membership_paid_after_its_account_was_erased_is_cancelled_and_refunded(app, client, auth, shop,
                                                                                   stripe_driver):
    """Paid at Stripe, then the account erased before the webhook: nobody to serve, and Stripe
    would charge every month. Refused like a second membership: cancelled, first month refunded."""
    member = shop["member"]
    auth.login(member)
    session_id = client.post("/billing/sites/figeac/buy", data={"product": "membership_8"}).headers[
        "Location"].rsplit("/", 1)[-1]
    assert stripe_driver.pay(session_id)[0] == 200
    events = stripe_driver.events()
    assert client.post("/account/erase", data={"password": member.password}).status_code == 303
    for kind, reply in stripe_driver.deliver(app.test_client(), events):
        assert reply.status_code == 200, (kind, reply.get_data(as_text=True))
    with app.app_context():
        row = db.session.scalar(select(Subscription))
        assert row.status == "refused" and row.member_id is None
        order = db.session.get(Order, row.order_id)
        assert (order.status, order.refunded_cents) == ("refunded", order.total_cents)
    assert stripe_driver.client().v1.subscriptions.retrieve(row.stripe_subscription_id).status == "canceled"


@pytest.mark.job_failures(r"\(billing\.cancel_subscription\) failed .*APIConnectionError")  # Stripe unreachable
@pytest.mark.parametrize("ended_by", ["refusal", "erasure"])
def test_a_membership_renewed_before_its_cancellation_got_through_is_refunded(
        app, client, auth, shop, stripe_driver, monkeypatch, ended_by):
    """The job cancelling a membership at Stripe (a second one refused at the site, or an erased
    account's) failed: Stripe unreachable until the job gave up, so Stripe charged the next
    month. That renewal is invoiced as received, refunded on its own payment with a credit note
    of its own, and the cancellation is asked again; no payment is refunded twice, and no
    days are granted."""
    from plugins.billing.privacy import CANCEL_SUBSCRIPTION_JOB

    member = shop["member"]
    auth.login(member)
    handlers = app.extensions["tierslieux"].job_handlers
    cancel_now = handlers[CANCEL_SUBSCRIPTION_JOB]

    def with_stripe_unreachable(subscription_id):
        app.config["STRIPE_API_BASE"] = "http://127.0.0.1:9"  # nothing listens there
        try:
            cancel_now(subscription_id)
        finally:
            app.config["STRIPE_API_BASE"] = stripe_driver.emulator.url

    monkeypatch.setitem(handlers, CANCEL_SUBSCRIPTION_JOB, with_stripe_unreachable)
    start_membership(client, stripe_driver)
    if ended_by == "refusal":
        assert stripe_driver.pay(_second_session(app, member.email))[0] == 200
        for kind, reply in stripe_driver.deliver(client):
            assert reply.status_code == 200, (kind, reply.get_data(as_text=True))
        _kept, (status, stripe_id, order_id) = subscriptions(app, member.id)
        assert status == "refused"
        first_refunded, balance = True, 8  # the kept membership's days
    else:
        [(_status, stripe_id, order_id)] = subscriptions(app, member.id)
        assert client.post("/account/erase", data={"password": member.password}).status_code == 303
        first_refunded, balance = False, 0  # the month the member had is theirs
    api = stripe_driver.client().v1
    assert api.subscriptions.retrieve(stripe_id).status == "active"  # still charged

    monkeypatch.setitem(handlers, CANCEL_SUBSCRIPTION_JOB, cancel_now)  # Stripe answers again
    assert stripe_driver.renew(stripe_id, "paid")[0] == 200
    for kind, reply in stripe_driver.deliver(client):
        assert reply.status_code == 200, (kind, reply.get_data(as_text=True))
    assert api.subscriptions.retrieve(stripe_id).status == "canceled"  # asked again, by a new job
    renewal = api.invoices.retrieve(api.subscriptions.retrieve(stripe_id).latest_invoice, {"expand": ["payments"]})
    refunds = api.refunds.list({"payment_intent": renewal.payments.data[0].payment.payment_intent}).data
    assert [r.amount for r in refunds] == [renewal.amount_paid]
    with app.app_context():
        order = db.session.get(Order, order_id)
        assert order.refunded_cents == (order.total_cents if first_refunded else 0)
        rows = db.session.execute(select(Invoice.id, Invoice.kind, Invoice.total_ttc_cents, Invoice.credited_invoice_id,
                                         Invoice.stripe_refund_id)
                                  .where(Invoice.order_id == order_id).order_by(Invoice.id)).all()
        kinds = ["invoice", "credit_note", "invoice", "credit_note"] if first_refunded else \
            ["invoice", "invoice", "credit_note"]
        assert [r.kind for r in rows] == kinds
        renewed, renewal_note = rows[-2:]
        assert renewal_note.credited_invoice_id == renewed.id and renewal_note.total_ttc_cents == renewed.total_ttc_cents
        assert renewal_note.stripe_refund_id == refunds[0].id
        assert credits.balance(member.id) == balance
