"""The demo's Stripe: the emulator started beside `tierslieux serve-demo`, and demo hints."""
from __future__ import annotations

import secrets

DEFAULT_PORT = 12111


class DemoStripe:
    """Starts the emulator and points the app at it (keys, API base, webhook secret)."""

    def __init__(self, app, port: int = DEFAULT_PORT):
        self.app = app
        self.port = port
        self.server = None
        base = app.config.get("DEMO_BASE_URL", "http://127.0.0.1:5000").rstrip("/")
        self.webhook_url = f"{base}/billing/stripe/webhook"
        self.description = ""

    def start(self):
        from plugins.billing.emulator import EmulatorServer

        secret = "whsec_demo_" + secrets.token_hex(16)
        self.server = EmulatorServer("127.0.0.1", self.port, [(self.webhook_url, secret)]).start()
        self.app.config.update(STRIPE_SECRET_KEY="sk_test_demo", STRIPE_API_BASE=self.server.url,
                               STRIPE_WEBHOOK_SECRET=secret)
        self.description = (f"Stripe emulator on {self.server.url} (webhooks to {self.webhook_url}); "
                            "pay with the test card 4242 4242 4242 4242.")
        return self

    def stop(self):
        if self.server is not None:
            self.server.stop()


def servers(app):
    if app.config.get("STRIPE_SECRET_KEY") and not app.config.get("STRIPE_API_BASE"):
        return None  # real keys and no emulator asked for: the demo talks to Stripe itself
    return [DemoStripe(app, int(app.config.get("STRIPE_EMULATOR_PORT", DEFAULT_PORT)))]


def seeded(sites, users) -> list[str]:
    from core.extensions import db
    from plugins.billing.models import ReducedRate

    student = users.get("member-3")
    if student is not None and db.session.get(ReducedRate, student.id) is None:
        db.session.add(ReducedRate(member_id=student.id, category="student", granted_by_id=users["admin"].id))
    return ["", "Payments: test card 4242 4242 4242 4242 (any future date, any CVC); "
            f"{student.email if student else 'member 3'} has reduced prices (student)."]
