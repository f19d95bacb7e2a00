"""Billing fixtures: the Stripe emulator, driven by the real `stripe` library, and a webhook
collector whose signed deliveries the tests forward, byte for byte, to the app under test."""
from __future__ import annotations

import json
import threading
import urllib.parse
import urllib.request

import pytest
from werkzeug.serving import make_server

from devtools.stripe_emulator import EmulatorServer

WEBHOOK_SECRET = "whsec_billing_tests"
API_KEY = "sk_test_billing"


class Collector:
    """A webhook endpoint that keeps what the emulator sends (body and signature header)."""

    def __init__(self):
        self.received = []
        self.lock = threading.Lock()
        self._server = make_server("127.0.0.1", 0, self, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}/hook"
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()

    def __call__(self, environ, start_response):
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        with self.lock:
            self.received.append((body, environ.get("HTTP_STRIPE_SIGNATURE")))
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    def take(self):
        with self.lock:
            taken, self.received = self.received, []
        return taken

    def stop(self):
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture(scope="session")
def stripe_emulator():
    collector = Collector()
    server = EmulatorServer(webhook_endpoints=[(collector.url, WEBHOOK_SECRET)], async_delivery=False).start()
    server.collector = collector
    yield server
    server.stop()
    collector.stop()


def _post(url, data=None):
    body = urllib.parse.urlencode(data or {}).encode()
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(urllib.request.Request(url, data=body, method="POST"), timeout=10) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


class StripeDriver:
    """What a member's browser and Stripe do, as seen from the app."""

    def __init__(self, emulator, app):
        self.emulator = emulator
        self.app = app

    def pay(self, session_id, card="4242424242424242"):
        return _post(f"{self.emulator.url}/_emulator/pay/{session_id}", {"card": card})

    def expire(self, session_id):
        return _post(f"{self.emulator.url}/_emulator/checkout/sessions/{session_id}/expire_now")

    def renew(self, subscription_id, outcome="paid"):
        return _post(f"{self.emulator.url}/_emulator/subscriptions/{subscription_id}/renew", {"outcome": outcome})

    def retry(self, invoice_id):
        """Stripe retrying an unpaid invoice (the card paying this time), if it still collects it."""
        return _post(f"{self.emulator.url}/_emulator/invoices/{invoice_id}/retry")

    def events(self):
        """The deliveries received since the last call: [(event dict, body, signature)]."""
        return [(json.loads(body), body, sig) for body, sig in self.emulator.collector.take()]

    def deliver(self, client, events=None, only=None):
        """Forward deliveries to the app's webhook; return [(event type, response)]."""
        events = self.events() if events is None else events
        results = []
        for event, body, signature in events:
            if only and event["type"] not in only:
                continue
            response = client.post("/billing/stripe/webhook", data=body,
                                   headers={"Stripe-Signature": signature, "Content-Type": "application/json"})
            results.append((event["type"], response))
        return results

    def client(self):
        with self.app.app_context():
            from plugins.billing import stripe_api

            return stripe_api.client()


@pytest.fixture
def stripe_driver(app, stripe_emulator):
    stripe_emulator.reset()
    stripe_emulator.collector.take()
    app.config.update(STRIPE_SECRET_KEY=API_KEY, STRIPE_API_BASE=stripe_emulator.url,
                      STRIPE_WEBHOOK_SECRET=WEBHOOK_SECRET)
    return StripeDriver(stripe_emulator, app)


@pytest.fixture
def shop(app, make_site, make_user):
    """A site selling online, a member, its manager."""
    make_site("figeac")
    make_site("aurillac")
    return {"member": make_user(), "manager": make_user(role="site-manager", sites=["figeac"]),
            "other_manager": make_user(role="site-manager", sites=["aurillac"]),
            "admin": make_user(role="territory-admin")}


@pytest.fixture
def desk(app, shop):
    """A desk at Figeac, which takes online payment (a day pass: 12,50 € HT, 15,00 € TTC).
    `test_billing_bookings` has its own, with a desk at Aurillac too."""
    from core.extensions import db
    from core.sites.service import site_by_slug
    from plugins.booking.resources import save_resource

    with app.app_context():
        ids = {"figeac": save_resource(site_by_slug("figeac"), None, kind="desk", name="Poste 1").id}
        db.session.commit()
    return ids
