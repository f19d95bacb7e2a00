"""One `stripe.StripeClient` per app, from the environment: the emulator's URL when
STRIPE_API_BASE is set (demo, tests), Stripe itself otherwise."""
from __future__ import annotations

import os

import stripe
from flask import current_app

stripe.enable_telemetry = False

ENV_KEYS = ("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE", "STRIPE_PUBLISHABLE_KEY")


def load_settings(app) -> None:
    """Copy the Stripe settings from the environment unless the app was given them."""
    for key in ENV_KEYS:
        if not app.config.get(key) and os.environ.get(key):
            app.config[key] = os.environ[key]


def client() -> stripe.StripeClient:
    app = current_app
    key = (app.config.get("STRIPE_SECRET_KEY"), app.config.get("STRIPE_API_BASE"))
    cached = app.extensions.get("billing_stripe")
    if cached is None or cached[0] != key:
        if not key[0]:
            raise RuntimeError("STRIPE_SECRET_KEY is not set: online payment is unavailable")
        options = {"base_addresses": {"api": key[1]}} if key[1] else {}
        cached = app.extensions["billing_stripe"] = (key, stripe.StripeClient(key[0], max_network_retries=2, **options))
    return cached[1]


def configured() -> bool:
    return bool(current_app.config.get("STRIPE_SECRET_KEY"))
