"""`POST /billing/stripe/webhook`: the only route exempt from CSRF (Stripe signs instead).

Registered at `app_started`, outside the module guard: while billing is switched off, money
already taken must still be fulfilled or refunded, and Stripe retries for days on a 404.
"""
from __future__ import annotations

import logging

import stripe
from flask import Blueprint, jsonify, request

from plugins.billing.webhooks import BadSignature, handle, verify

log = logging.getLogger("tierslieux.billing")
webhook = Blueprint("billing_webhook", __name__)


@webhook.post("/billing/stripe/webhook")
def stripe_webhook():
    try:
        event = verify(request.get_data(), request.headers.get("Stripe-Signature", ""))
    except BadSignature as exc:
        log.warning("refused a Stripe webhook: %s", exc)
        return jsonify(error="bad signature"), 400
    try:
        effect = handle(event)
    except stripe.InvalidRequestError as exc:
        # Signed by Stripe but naming an object Stripe no longer knows (deleted, another
        # account's or test mode's): nothing to apply, and retrying would never help.
        log.warning("Stripe webhook %s names an unknown object: %s", event.id, exc)
        return jsonify(received=True, effect="unknown object")
    return jsonify(received=True, effect=effect)
