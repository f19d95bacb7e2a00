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


def invoice(invoice_id: str):
    """An invoice with its payments (`payments` is included only when asked for)."""
    return client().v1.invoices.retrieve(invoice_id, {"expand": ["payments"]})


def invoice_payment_intent(stripe_invoice) -> str | None:
    """The PaymentIntent that paid an invoice: what a refund of it pays back. Since API version
    2025-03-31 it is in the invoice's `payments` (read with `invoice()`), no more a field."""
    payments = (stripe_invoice.get("payments") or {}).get("data") or []
    for payment in payments:
        if payment.get("status") == "paid" and (payment.get("payment") or {}).get("type") == "payment_intent":
            return payment["payment"]["payment_intent"]
    return None


def configured() -> bool:
    return bool(current_app.config.get("STRIPE_SECRET_KEY"))
