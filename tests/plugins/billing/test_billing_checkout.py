"""Buying a bundle through Stripe Checkout (the emulator, via the real `stripe` library), and
the webhook's guarantees: signature, replay, order, idempotent and concurrent fulfilment."""
from __future__ import annotations

import json
import threading
import time

from sqlalchemy import func, select

from core.extensions import db
from plugins.billing import credits
from devtools.stripe_emulator import sign_webhook_payload
from plugins.billing.models import Invoice, Order, StripeEvent


def buy(client, product="bundle_10", site="figeac", **extra):
    response = client.post(f"/billing/sites/{site}/buy", data={"product": product, **extra})
    assert response.status_code == 303, response.get_data(as_text=True)[:300]
    return response.headers["Location"].rsplit("/", 1)[-1]


def count(app, model, **where):
    with app.app_context():
        query = select(func.count()).select_from(model)
        for key, value in where.items():
            query = query.where(getattr(model, key) == value)
        return db.session.scalar(query)


def order_of(app, session_id):
    with app.app_context():
        order = db.session.scalar(select(Order).where(Order.stripe_session_id == session_id))
        db.session.expunge(order)
        return order


def test_buying_a_bundle_online_gives_credits_an_invoice_and_an_email(app, client, auth, shop, stripe_driver, mailbox):
    auth.login(shop["member"])
    session_id = buy(client)
    assert order_of(app, session_id).status == "pending"
    assert stripe_driver.pay(session_id)[0] == 200
    results = stripe_driver.deliver(client)
    assert ("checkout.session.completed", 200) in [(t, r.status_code) for t, r in results]

    order = order_of(app, session_id)
    assert order.status == "paid" and order.total_cents == 12000  # 100 € HT + 20 % VAT
    with app.app_context():
        assert credits.balance(shop["member"].id) == 10
        invoice = db.session.scalar(select(Invoice).where(Invoice.order_id == order.id))
        assert invoice.total_ttc_cents == 12000 and invoice.total_vat_cents == 2000
    messages = mailbox.wait_for(1)
    assert len(messages) == 1 and messages[0]["To"] == shop["member"].email
    attachment = next(messages[0].iter_attachments())
    assert attachment.get_filename() == f"{invoice.reference}.pdf"
    assert attachment.get_content().startswith(b"%PDF")

    page = client.get("/billing/")
    assert invoice.reference in page.get_data(as_text=True)


def test_a_replayed_event_answers_200_and_changes_nothing(app, client, auth, shop, stripe_driver, mailbox):
    auth.login(shop["member"])
    session_id = buy(client)
    stripe_driver.pay(session_id)
    events = stripe_driver.events()
    stripe_driver.deliver(client, events)
    replies = stripe_driver.deliver(client, events, only=("checkout.session.completed",))
    assert replies[0][1].status_code == 200 and replies[0][1].json["effect"] == "replay"
    assert count(app, Invoice) == 1
    with app.app_context():
        assert credits.balance(shop["member"].id) == 10
    assert len(mailbox.wait_for(2, timeout=0.5)) == 1


def _signed(event, secret, timestamp=None):
    body = json.dumps(event)
    return body, sign_webhook_payload(body, secret, timestamp)


def test_a_tampered_or_stale_signature_is_refused_with_no_effect(app, client, auth, shop, stripe_driver):
    auth.login(shop["member"])
    session_id = buy(client)
    stripe_driver.pay(session_id)
    event, body, signature = next(e for e in stripe_driver.events() if e[0]["type"] == "checkout.session.completed")

    other = "Y" if session_id.endswith("X") else "X"  # a changed byte (an id ending in X once passed as "tampered")
    tampered = body.replace(session_id.encode(), (session_id[:-1] + other).encode())
    assert tampered != body
    stale_body, stale_sig = _signed(event, "whsec_billing_tests", timestamp=time.time() - 301)
    wrong_body, wrong_sig = _signed(event, "whsec_someone_else")
    for payload, header in ((tampered, signature), (stale_body, stale_sig), (wrong_body, wrong_sig), (body, "")):
        response = client.post("/billing/stripe/webhook", data=payload,
                               headers={"Stripe-Signature": header, "Content-Type": "application/json"})
        assert response.status_code == 400
    assert count(app, StripeEvent) == 0 and count(app, Invoice) == 0
    assert order_of(app, session_id).status == "pending"


def test_a_declined_card_leaves_the_order_unpaid(app, client, auth, shop, stripe_driver, mailbox):
    auth.login(shop["member"])
    session_id = buy(client)
    status, body = stripe_driver.pay(session_id, card="4000000000000002")
    assert status == 402
    stripe_driver.deliver(client)
    assert order_of(app, session_id).status == "pending"
    assert count(app, Invoice) == 0 and mailbox.messages == []
    with app.app_context():
        assert credits.balance(shop["member"].id) == 0


def test_an_expired_session_closes_the_order_and_a_late_completed_event_cannot_reopen_it(app, client, auth, shop,
                                                                                        stripe_driver):
    auth.login(shop["member"])
    session_id = buy(client)
    stripe_driver.expire(session_id)
    replies = stripe_driver.deliver(client)
    assert [r.json["effect"] for t, r in replies if t == "checkout.session.expired"] == ["order expired"]
    assert order_of(app, session_id).status == "expired"


def test_events_out_of_order_only_move_the_order_forward(app, client, auth, shop, stripe_driver):
    """`completed` first, then a stale `expired` built from the older session state: the
    re-fetched session says paid, so the order stays paid."""
    auth.login(shop["member"])
    session_id = buy(client)
    stripe_driver.pay(session_id)
    events = stripe_driver.events()
    completed = next(e for e in events if e[0]["type"] == "checkout.session.completed")[0]
    stripe_driver.deliver(client, events)
    stale = dict(completed, id="evt_stale_expired", type="checkout.session.expired")
    stale["data"] = {"object": dict(completed["data"]["object"], status="expired", payment_status="unpaid")}
    body, signature = _signed(stale, "whsec_billing_tests")
    response = client.post("/billing/stripe/webhook", data=body,
                           headers={"Stripe-Signature": signature, "Content-Type": "application/json"})
    assert response.status_code == 200 and response.json["effect"] == "paid meanwhile: unchanged"
    assert order_of(app, session_id).status == "paid"


def test_two_concurrent_fulfilments_give_one_invoice_and_one_email(app, client, auth, shop, stripe_driver, mailbox):
    """The success page and the webhook race, from real threads."""
    auth.login(shop["member"])
    session_id = buy(client)
    stripe_driver.pay(session_id)
    events = [e for e in stripe_driver.events() if e[0]["type"] == "checkout.session.completed"]
    start = threading.Barrier(3)
    results = []

    def webhook():
        with app.test_client() as other:
            start.wait()
            results.extend(r.status_code for _, r in stripe_driver.deliver(other, events))

    def success_page():
        start.wait()
        results.append(client.get(f"/billing/checkout/success?session_id={session_id}").status_code)

    def success_again():
        with app.test_client() as other:
            with client.session_transaction() as cookie_jar:
                cookies = dict(cookie_jar)
            with other.session_transaction() as jar:
                jar.update(cookies)
            start.wait()
            results.append(other.get(f"/billing/checkout/success?session_id={session_id}").status_code)

    threads = [threading.Thread(target=f) for f in (webhook, success_page, success_again)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert results.count(200) == 3
    assert count(app, Invoice) == 1
    with app.app_context():
        assert credits.balance(shop["member"].id) == 10
    assert len(mailbox.wait_for(2, timeout=1.0)) == 1


def test_a_discount_code_lowers_the_price_until_its_uses_run_out(app, client, auth, shop, make_user, stripe_driver):
    auth.login(shop["member"])
    first = order_of(app, buy(client, discount_code="bienvenue"))
    assert first.total_cents == 6000 and first.discount_code == "BIENVENUE"
    order_of(app, buy(client, discount_code="BIENVENUE"))
    refused = client.post("/billing/sites/figeac/buy", data={"product": "bundle_10", "discount_code": "BIENVENUE"})
    assert refused.status_code == 303 and "/prices" in refused.headers["Location"]


def test_two_members_buying_with_a_codes_last_use_at_once_get_it_once(app, client, auth, shop, make_user,
                                                                      stripe_driver):
    """BIENVENUE has one use left. Two members buy at the same moment: each counted the uses
    before the other's order existed and both got the discount (a buy locks its own member
    only). The uses are now counted under the code's lock (PostgreSQL; SQLite's writers take
    turns)."""
    from devtools.pytest_plugin import Auth
    from devtools.races import held_until_both_reach, run_together, watching_statements

    auth.login(shop["member"])
    buy(client, discount_code="BIENVENUE")  # one of two uses
    browsers = []
    for _ in range(2):
        browser = app.test_client()
        Auth(browser).login(make_user())
        browsers.append(browser)
    with watching_statements(app, held_until_both_reach("INSERT INTO billing_order")):
        replies = run_together(lambda browser: browser.post("/billing/sites/figeac/buy", data={
            "product": "bundle_10", "discount_code": "BIENVENUE"}), browsers)
    places = sorted("/pay/" in reply.headers.get("Location", "") for reply in replies)
    assert places == [False, True], [(r.status_code, r.headers.get("Location")) for r in replies]
    assert count(app, Order, discount_code="BIENVENUE") == 2


def test_a_signed_event_naming_an_unknown_stripe_object_is_answered_without_a_500(app, client, stripe_driver):
    """Stripe answers 404 when re-fetching the object: nothing to apply, and no retry helps."""
    for kind, object_id in (("checkout.session.completed", "cs_test_nobody"), ("invoice.paid", "in_nobody"),
                            ("customer.subscription.updated", "sub_nobody"), ("charge.refunded", "ch_nobody")):
        event = {"id": f"evt_{object_id}", "object": "event", "type": kind, "api_version": "2024-06-20",
                 "created": int(time.time()), "data": {"object": {"id": object_id, "object": kind.split(".")[0]}}}
        body, signature = _signed(event, "whsec_billing_tests")
        response = client.post("/billing/stripe/webhook", data=body,
                               headers={"Stripe-Signature": signature, "Content-Type": "application/json"})
        assert response.status_code == 200, (kind, response.status_code)
        assert response.json["effect"] == "unknown object"
    assert count(app, StripeEvent) == 0


def test_checkout_charges_exactly_the_orders_total_when_it_does_not_divide_by_the_quantity(app, shop):
    """3 hours at 12,34 € HT: VAT is computed on the total (44,42 € TTC), which 3 does not divide;
    Stripe charges unit x quantity, so the session must not send 14,80 € x 3 = 44,40 €."""
    from dataclasses import replace

    from core.accounts.models import User
    from core.sites.service import site_by_slug
    from plugins.billing.checkout import create_order, session_request
    from plugins.billing.products import quote

    with app.test_request_context():
        member = User.by_email(shop["member"].email)
        site = site_by_slug("figeac")
        uneven = create_order(member, site, replace(quote(site, "day_pass", member.id), unit_cents=1234), 3)
        even = create_order(member, site, quote(site, "day_pass", member.id), 3)
        for order in (uneven, even):
            params, _key = session_request(order)
            charged = sum(item["price_data"]["unit_amount"] * item["quantity"] for item in params["line_items"])
            assert charged == order.total_cents
        assert uneven.total_cents == 4442
        assert session_request(uneven)[0]["line_items"][0]["price_data"]["product_data"]["name"].endswith("× 3")
        assert session_request(even)[0]["line_items"][0]["quantity"] == 3  # 45,00 € = 3 x 15,00 €
        db.session.rollback()
