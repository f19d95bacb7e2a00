"""The local Stripe emulator, driven through the real ``stripe`` library over HTTP."""
import json
import pathlib
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
import stripe
from werkzeug.serving import make_server

from devtools.stripe_emulator import EmulatorServer

API_KEY = "sk_test_emulator"
FAST_RETRIES = (0.05, 0.1, 0.2)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect)


def http(method, url, data=None):
    """(status, headers, body text) of a plain HTTP request, redirects not followed."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, method=method)
    try:
        with _OPENER.open(request, timeout=5) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read().decode()


class Receiver:
    """A tiny webhook endpoint recording what it receives; can fail the first calls."""

    def __init__(self):
        self.received = []
        self.failures_left = 0
        self._server = make_server("127.0.0.1", 0, self, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}/webhooks/stripe"
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()

    def __call__(self, environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length).decode()
        self.received.append((body, environ.get("HTTP_STRIPE_SIGNATURE")))
        status = "200 OK"
        if self.failures_left:
            self.failures_left -= 1
            status = "500 Internal Server Error"
        start_response(status, [("Content-Type", "text/plain")])
        return [b"ok"]

    def events(self):
        return [json.loads(body) for body, _ in self.received]

    def stop(self):
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def emulator_receiver():
    receiver = Receiver()
    yield receiver
    receiver.stop()


@pytest.fixture
def emulator(emulator_receiver, monkeypatch):
    server = EmulatorServer(webhook_endpoints=[(emulator_receiver.url, "whsec_test_secret")],
                            retry_delays=FAST_RETRIES)
    server.start()
    monkeypatch.setattr(stripe, "api_key", API_KEY)
    monkeypatch.setattr(stripe, "api_base", server.url)
    monkeypatch.setattr(stripe, "enable_telemetry", False)
    yield server
    server.stop()


def payment_session(**extra):
    params = dict(
        mode="payment",
        line_items=[{"price_data": {"currency": "eur", "unit_amount": 1250,
                                    "product_data": {"name": "Journée coworking"}},
                     "quantity": 2}],
        success_url="https://tiers-lieux.example/paid?session={CHECKOUT_SESSION_ID}",
        cancel_url="https://tiers-lieux.example/cancelled",
        metadata={"booking_id": "42"},
        payment_intent_data={"metadata": {"booking_id": "42"}})
    params.update(extra)
    return stripe.checkout.Session.create(**params)


def subscription_session(**extra):
    return stripe.checkout.Session.create(
        mode="subscription", customer_email="membre@example.org",
        line_items=[{"price_data": {"currency": "eur", "unit_amount": 4900,
                                    "product_data": {"name": "Abonnement nomade"},
                                    "recurring": {"interval": "month"}},
                     "quantity": 1}],
        success_url="https://tiers-lieux.example/ok", subscription_data={
            "metadata": {"membership_id": "7"}}, **extra)


def pay(emulator, session_id, card="4242424242424242"):
    status, _, body = http("POST", f"{emulator.url}/_emulator/pay/{session_id}", {"card": card})
    return status, json.loads(body)


def event_types():
    return [event.type for event in reversed(stripe.Event.list(limit=100).data)]


def test_created_session_looks_like_stripe_and_points_to_hosted_page(emulator):
    session = payment_session(client_reference_id="user-3", locale="fr")
    assert session.id.startswith("cs_test_")
    assert session.object == "checkout.session" and session.livemode is False
    assert (session.status, session.payment_status) == ("open", "unpaid")
    assert (session.amount_total, session.currency) == (2500, "eur")
    assert session.url == f"{emulator.url}/pay/{session.id}"
    assert session.metadata.to_dict() == {"booking_id": "42"}
    assert session.client_reference_id == "user-3"
    assert 86390 < session.expires_at - session.created <= 86400


def test_paying_with_4242_completes_session_and_succeeds_payment_intent(emulator):
    session = payment_session()
    status, result = pay(emulator, session.id)
    assert status == 200
    assert result["redirect_url"] == (
        f"https://tiers-lieux.example/paid?session={session.id}")
    paid = stripe.checkout.Session.retrieve(session.id, expand=["payment_intent"])
    assert (paid.status, paid.payment_status) == ("complete", "paid")
    intent = paid.payment_intent
    assert intent.id.startswith("pi_") and intent.status == "succeeded"
    assert (intent.amount, intent.currency) == (2500, "eur")
    assert intent.metadata.to_dict() == {"booking_id": "42"}
    assert stripe.PaymentIntent.retrieve(intent.id).latest_charge.startswith("ch_")
    listed = stripe.checkout.Session.list(payment_intent=intent.id)
    assert [s.id for s in listed.data] == [session.id]
    assert event_types()[-1] == "checkout.session.completed"
    assert "payment_intent.succeeded" in event_types()


def test_hosted_page_form_pays_and_redirects_with_session_id(emulator):
    session = payment_session()
    status, _, page = http("GET", session.url)
    assert status == 200
    assert '<html lang="fr">' in page and "<main>" in page and "<script" not in page
    for field in ("card_number", "card_expiry", "card_cvc"):
        assert f'<label for="{field}">' in page and f'id="{field}"' in page
    assert "25,00\u00a0EUR" in page and "Journée coworking" in page
    assert 'href="https://tiers-lieux.example/cancelled"' in page

    status, headers, _ = http("POST", session.url, {
        "card_number": "4242 4242 4242 4242", "card_expiry": "12/34", "card_cvc": "123"})
    assert status == 303
    assert headers["Location"] == f"https://tiers-lieux.example/paid?session={session.id}"
    assert stripe.checkout.Session.retrieve(session.id).payment_status == "paid"
    assert http("POST", session.url, {"card_number": "4242424242424242",
                                      "card_expiry": "12/34", "card_cvc": "123"})[0] == 410


def test_declined_cards_leave_session_open_and_emit_payment_failed(emulator):
    session = payment_session()
    status, _, page = http("POST", session.url, {
        "card_number": "4000 0000 0000 0002", "card_expiry": "12/34", "card_cvc": "123"})
    assert status == 402 and "Your card was declined." in page and 'role="alert"' in page
    status, error = pay(emulator, session.id, card="4000000000009995")
    assert status == 402
    assert error["error"]["type"] == "card_error"
    assert error["error"]["decline_code"] == "insufficient_funds"

    still_open = stripe.checkout.Session.retrieve(session.id)
    assert (still_open.status, still_open.payment_status) == ("open", "unpaid")
    intent = stripe.PaymentIntent.retrieve(still_open.payment_intent)
    assert intent.status == "requires_payment_method"
    assert intent.last_payment_error.decline_code == "insufficient_funds"
    assert event_types().count("payment_intent.payment_failed") == 2
    assert "checkout.session.completed" not in event_types()

    assert pay(emulator, session.id)[0] == 200  # a later good card still works
    assert stripe.PaymentIntent.retrieve(intent.id).status == "succeeded"


def test_unknown_id_raises_resource_missing(emulator):
    with pytest.raises(stripe.InvalidRequestError) as raised:
        stripe.checkout.Session.retrieve("cs_test_doesnotexist")
    assert raised.value.code == "resource_missing" and raised.value.http_status == 404
    with pytest.raises(stripe.InvalidRequestError):
        stripe.Subscription.retrieve("sub_nope")


def test_bad_requests_are_refused_like_stripe(emulator, monkeypatch):
    with pytest.raises(stripe.InvalidRequestError) as raised:
        stripe.checkout.Session.create(mode="payment", success_url="https://x.example")
    assert (raised.value.code, raised.value.param) == ("parameter_missing", "line_items")
    with pytest.raises(stripe.InvalidRequestError) as raised:
        payment_session(expires_at=int(time.time()) + 600)
    assert raised.value.param == "expires_at"
    with pytest.raises(stripe.InvalidRequestError):
        payment_session(expires_at=int(time.time()) + 25 * 3600)
    assert payment_session(expires_at=int(time.time()) + 3600).status == "open"
    with pytest.raises(stripe.InvalidRequestError) as raised:
        stripe.Refund.create(payment_intent="pi_unknown")
    assert (raised.value.code, raised.value.http_status) == ("resource_missing", 400)
    monkeypatch.setattr(stripe, "api_key", "sk_live_nope")
    with pytest.raises(stripe.AuthenticationError):
        stripe.Customer.create(email="a@example.org")


def test_idempotency_key_replays_and_rejects_different_parameters(emulator):
    first = payment_session(idempotency_key="booking-42")
    again = payment_session(idempotency_key="booking-42")
    assert again.id == first.id
    assert again.last_response.headers["Idempotent-Replayed"] == "true"
    assert len(stripe.checkout.Session.list().data) == 1
    with pytest.raises(stripe.IdempotencyError):
        payment_session(idempotency_key="booking-42", metadata={"booking_id": "43"})


def test_expired_session_cannot_be_paid(emulator):
    session = payment_session()
    expired = stripe.checkout.Session.expire(session.id)
    assert expired.status == "expired" and expired.url is None
    status, error = pay(emulator, session.id)
    assert status == 400 and "no longer active" in error["error"]["message"]
    assert http("GET", session.url)[0] == 410
    with pytest.raises(stripe.InvalidRequestError):
        stripe.checkout.Session.expire(session.id)

    other = payment_session()
    status, _, body = http("POST", f"{emulator.url}/_emulator/checkout/sessions/{other.id}"
                           "/expire_now")
    assert status == 200 and json.loads(body)["status"] == "expired"
    assert event_types().count("checkout.session.expired") == 2

    late = payment_session()
    emulator.store.clock = lambda: time.time() + 25 * 3600  # past its expires_at
    assert stripe.checkout.Session.retrieve(late.id).status == "expired"
    assert event_types().count("checkout.session.expired") == 3


def test_refunds_full_partial_and_over_refund_refused(emulator):
    session = payment_session()
    pay(emulator, session.id)
    intent_id = stripe.checkout.Session.retrieve(session.id).payment_intent
    partial = stripe.Refund.create(payment_intent=intent_id, amount=1000,
                                   reason="requested_by_customer", metadata={"why": "annul"})
    assert partial.id.startswith("re_") and partial.status == "succeeded"
    assert stripe.Refund.retrieve(partial.id).amount == 1000
    with pytest.raises(stripe.InvalidRequestError) as raised:
        stripe.Refund.create(payment_intent=intent_id, amount=2000)
    assert raised.value.param == "amount"
    rest = stripe.Refund.create(payment_intent=intent_id)
    assert rest.amount == 1500
    with pytest.raises(stripe.InvalidRequestError) as raised:
        stripe.Refund.create(payment_intent=intent_id)
    assert raised.value.code == "charge_already_refunded"
    charge_events = [e for e in stripe.Event.list(type="charge.refunded").data]
    assert [e.data.object.amount_refunded for e in charge_events] == [2500, 1000]
    assert charge_events[0].data.object.refunded is True


def test_subscription_checkout_creates_active_subscription_and_paid_invoice(emulator):
    session = subscription_session()
    assert session.subscription is None
    pay(emulator, session.id)
    done = stripe.checkout.Session.retrieve(session.id, expand=["subscription"])
    subscription = done.subscription
    assert (done.status, done.payment_status) == ("complete", "paid")
    assert subscription.id.startswith("sub_") and subscription.status == "active"
    assert subscription.metadata.to_dict() == {"membership_id": "7"}
    assert subscription.customer == done.customer
    assert stripe.Customer.retrieve(done.customer).email == "membre@example.org"
    item = subscription["items"].data[0]
    assert item.current_period_end == subscription.current_period_end
    assert 28 * 86400 <= subscription.current_period_end - subscription.current_period_start
    invoice = stripe.Invoice.retrieve(subscription.latest_invoice)
    assert (invoice.status, invoice.amount_paid, invoice.billing_reason) == (
        "paid", 4900, "subscription_create")
    assert invoice.parent.subscription_details.subscription == subscription.id
    assert {"customer.subscription.created", "invoice.paid",
            "checkout.session.completed"} <= set(event_types())


def test_renewals_advance_period_and_emit_paid_or_failed_events(emulator):
    session = subscription_session()
    pay(emulator, session.id)
    sub_id = stripe.checkout.Session.retrieve(session.id).subscription
    before = stripe.Subscription.retrieve(sub_id)
    renew = f"{emulator.url}/_emulator/subscriptions/{sub_id}/renew"

    status, _, body = http("POST", renew, {"outcome": "paid"})
    assert status == 200 and json.loads(body)["invoice"]["billing_reason"] == "subscription_cycle"
    renewed = stripe.Subscription.retrieve(sub_id)
    assert renewed.current_period_start == before.current_period_end
    assert renewed.status == "active" and renewed.latest_invoice != before.latest_invoice

    http("POST", renew, {"outcome": "failed"})
    failed = stripe.Subscription.retrieve(sub_id)
    assert failed.status == "past_due"
    invoice = stripe.Invoice.retrieve(failed.latest_invoice)
    assert (invoice.status, invoice.amount_paid, invoice.amount_due) == ("open", 0, 4900)
    update = stripe.Event.list(type="customer.subscription.updated", limit=1).data[0]
    assert update.data.object.status == "past_due"
    assert update.data.previous_attributes["status"] == "active"
    assert event_types()[-2:] == ["invoice.payment_failed", "customer.subscription.updated"]


def test_subscription_cancellation_at_period_end_and_immediately(emulator):
    session = subscription_session()
    pay(emulator, session.id)
    sub_id = stripe.checkout.Session.retrieve(session.id).subscription
    updated = stripe.Subscription.modify(sub_id, cancel_at_period_end=True,
                                         metadata={"note": "départ"})
    assert updated.cancel_at_period_end is True
    assert updated.cancel_at == updated.current_period_end
    assert updated.metadata.to_dict() == {"membership_id": "7", "note": "départ"}
    cancelled = stripe.Subscription.cancel(sub_id)
    assert cancelled.status == "canceled" and cancelled.canceled_at
    assert event_types()[-1] == "customer.subscription.deleted"
    with pytest.raises(stripe.InvalidRequestError):
        stripe.Subscription.modify(sub_id, cancel_at_period_end=False)


def test_cancelling_a_past_due_subscription_stops_the_retries_of_its_unpaid_invoice(emulator):
    """Stripe's default: a cancelled subscription's open invoices are no more collected."""
    session = subscription_session()
    pay(emulator, session.id)
    sub_id = stripe.checkout.Session.retrieve(session.id).subscription
    http("POST", f"{emulator.url}/_emulator/subscriptions/{sub_id}/renew", {"outcome": "failed"})
    unpaid = stripe.Subscription.retrieve(sub_id).latest_invoice
    assert stripe.Invoice.retrieve(unpaid).auto_advance is True
    stripe.Subscription.cancel(sub_id)
    assert stripe.Invoice.retrieve(unpaid).auto_advance is False
    status, _, body = http("POST", f"{emulator.url}/_emulator/invoices/{unpaid}/retry")
    assert status == 200 and json.loads(body)["invoice"]["status"] == "open"
    assert stripe.Invoice.retrieve(unpaid).amount_paid == 0 and event_types()[-1] == "customer.subscription.deleted"
    with pytest.raises(stripe.InvalidRequestError):
        stripe.Subscription.cancel(sub_id)


def test_a_retry_of_a_refused_renewal_pays_it_and_reactivates_the_subscription(emulator):
    session = subscription_session()
    pay(emulator, session.id)
    sub_id = stripe.checkout.Session.retrieve(session.id).subscription
    http("POST", f"{emulator.url}/_emulator/subscriptions/{sub_id}/renew", {"outcome": "failed"})
    unpaid = stripe.Subscription.retrieve(sub_id).latest_invoice
    status, _, body = http("POST", f"{emulator.url}/_emulator/invoices/{unpaid}/retry")
    assert status == 200 and json.loads(body)["subscription"]["status"] == "active"
    invoice = stripe.Invoice.retrieve(unpaid, expand=["payments"])
    assert (invoice.status, invoice.amount_paid, invoice.attempt_count) == ("paid", 4900, 2)
    assert [p.status for p in invoice.payments.data] == ["open", "paid"]
    assert event_types()[-3:] == ["customer.subscription.updated", "invoice.paid", "invoice.payment_succeeded"]


def test_webhooks_arrive_signed_for_stripe_construct_event(emulator, emulator_receiver):
    session = payment_session()
    pay(emulator, session.id)
    assert emulator.flush(5)
    types = [event["type"] for event in emulator_receiver.events()]
    assert types == event_types()
    assert types[-1] == "checkout.session.completed"
    body, signature = emulator_receiver.received[-1]
    event = stripe.Webhook.construct_event(body, signature, "whsec_test_secret")
    assert event.type == "checkout.session.completed"
    assert event.data.object.id == session.id and event.data.object.payment_status == "paid"
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(body, signature, "whsec_other")
    assert stripe.Event.retrieve(event.id).pending_webhooks == 0


def test_failing_webhook_receiver_gets_a_retry(emulator, emulator_receiver):
    emulator_receiver.failures_left = 1
    stripe.Customer.create(email="retry@example.org")
    assert emulator.flush(5)
    assert len(emulator_receiver.received) == 2
    assert emulator_receiver.received[0][0] == emulator_receiver.received[1][0]
    status, _, body = http("GET", f"{emulator.url}/_emulator/deliveries")
    [delivery] = json.loads(body)["data"]
    assert (delivery["attempts"], delivery["last_status"], delivery["delivered"]) == (
        2, 200, True)


def test_webhook_endpoint_added_at_run_time_gets_its_secret(emulator, emulator_receiver):
    extra = Receiver()
    try:
        status, _, body = http("POST", f"{emulator.url}/_emulator/webhook_endpoints",
                               {"url": extra.url})
        secret = json.loads(body)["secret"]
        assert status == 200 and secret.startswith("whsec_")
        stripe.Customer.create(email="late@example.org")
        assert emulator.flush(5)
        [(body, signature)] = extra.received
        assert stripe.Webhook.construct_event(body, signature, secret).type == "customer.created"
    finally:
        extra.stop()


def test_synchronous_delivery_is_done_before_the_api_answers(emulator_receiver, monkeypatch):
    with EmulatorServer(webhook_endpoints=[(emulator_receiver.url, "whsec_sync")],
                        async_delivery=False) as server:
        monkeypatch.setattr(stripe, "api_base", server.url)
        monkeypatch.setattr(stripe, "api_key", API_KEY)
        customer = stripe.Customer.create(email="sync@example.org")
        [event] = emulator_receiver.events()
        assert event["data"]["object"]["id"] == customer.id


def test_stripe_client_style_works_with_base_addresses(emulator):
    client = stripe.StripeClient(API_KEY, base_addresses={"api": emulator.url})
    customer = client.v1.customers.create({"email": "client@example.org"})
    session = client.v1.checkout.sessions.create({
        "mode": "payment", "customer": customer.id,
        "line_items": [{"price_data": {"currency": "eur", "unit_amount": 800,
                                       "product_data": {"name": "Café"}}, "quantity": 1}],
        "success_url": "https://tiers-lieux.example/ok"})
    pay(emulator, session.id)
    fetched = client.v1.checkout.sessions.retrieve(session.id)
    assert fetched.payment_status == "paid" and fetched.customer == customer.id
    intent = client.v1.payment_intents.retrieve(fetched.payment_intent)
    refund = client.v1.refunds.create({"payment_intent": intent.id, "amount": 300})
    assert refund.amount == 300
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.customers.retrieve("cus_missing")


def test_command_line_prints_url_and_generated_webhook_secret(emulator_receiver):
    repo_root = pathlib.Path(__file__).resolve().parents[2]
    process = subprocess.Popen(
        [sys.executable, "-m", "devtools.stripe_emulator", "--port", "0",
         "--webhook", emulator_receiver.url], cwd=repo_root, stdout=subprocess.PIPE, text=True)
    killer = threading.Timer(20, process.kill)  # never hang the suite on a broken start
    killer.start()
    try:
        lines = [process.stdout.readline() for _ in range(3)]
        url = lines[0].split()[-1]
        secret = lines[2].split()[-1]
        assert url.startswith("http://127.0.0.1:") and secret.startswith("whsec_")
        assert emulator_receiver.url in lines[2]
        status, _, body = http("POST", f"{url}/_emulator/webhook_endpoints",
                               {"url": "http://127.0.0.1:9/unused"})
        assert status == 200 and json.loads(body)["secret"].startswith("whsec_")
    finally:
        killer.cancel()
        process.terminate()
        process.wait(5)


def test_a_declined_card_is_explained_in_the_sessions_language(emulator):
    french = payment_session(locale="fr")
    status, _, page = http("POST", french.url, {"card_number": "4000 0000 0000 0002", "card_expiry": "12/34",
                                                "card_cvc": "123"})
    assert status == 402 and "Votre carte a été refusée." in page
    english = payment_session(locale="en")
    status, _, page = http("POST", english.url, {"card_number": "4000 0000 0000 9995", "card_expiry": "12/34",
                                                 "card_cvc": "123"})
    assert status == 402 and "insufficient funds" in page and "Votre carte" not in page
