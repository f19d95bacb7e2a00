"""The demo's Stripe: the emulator started beside `tierslieux serve-demo`, and demo hints."""
from __future__ import annotations

import os
import secrets
import threading

DEFAULT_PORT = 12111


class DemoStripe:
    """Starts the emulator and points the app at it (keys, API base, webhook secret)."""

    def __init__(self, app, port: int = DEFAULT_PORT):
        self.app = app
        self.port = port
        self.server = None
        self.webhook_url = None
        self.description = ""
        self._lock = threading.Lock()

    def start(self):
        from plugins.billing.emulator import EmulatorServer

        self.secret = "whsec_demo_" + secrets.token_hex(16)
        try:
            self.server = EmulatorServer("127.0.0.1", self.port).start()
        except OSError:  # the usual port is taken (another demo running): any free one
            self.server = EmulatorServer("127.0.0.1", 0).start()
        self.app.config.update(STRIPE_SECRET_KEY="sk_test_demo", STRIPE_API_BASE=self.server.url,
                               STRIPE_WEBHOOK_SECRET=self.secret)
        # The app's address is known once it serves: the first request tells the emulator
        # where to send webhooks (serve-demo's port, or a test's random one).
        self.app.before_request(self._learn_address)
        self.description = (f"Stripe emulator on {self.server.url}; "
                            "pay with the test card 4242 4242 4242 4242.")
        return self

    def _learn_address(self):
        if self.webhook_url is not None:
            return
        from flask import request

        with self._lock:
            if self.webhook_url is None:
                self.webhook_url = request.host_url.rstrip("/") + "/billing/stripe/webhook"
                self.server.add_webhook_endpoint(self.webhook_url, self.secret)

    def stop(self):
        if self.server is not None:
            self.server.stop()


def servers(app):
    if app.config.get("STRIPE_SECRET_KEY") and not app.config.get("STRIPE_API_BASE"):
        return None  # real keys and no emulator asked for: the demo talks to Stripe itself
    port = app.config.get("STRIPE_EMULATOR_PORT") or os.environ.get("STRIPE_EMULATOR_PORT") or DEFAULT_PORT
    return [DemoStripe(app, int(port))]


def seeded(sites, users) -> list[str]:
    from core.extensions import db
    from plugins.billing.models import ReducedRate

    student = users.get("member-3")
    if student is not None and db.session.get(ReducedRate, student.id) is None:
        db.session.add(ReducedRate(member_id=student.id, category="student", granted_by_id=users["admin"].id))
    return ["", "Payments: test card 4242 4242 4242 4242 (any future date, any CVC); "
            f"{student.email if student else 'member 3'} has reduced prices (student)."]
