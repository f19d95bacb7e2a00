"""`POST /billing/stripe/webhook`: the only route exempt from CSRF (Stripe signs instead).

Registered at `app_started`, outside the module guard: while billing is switched off, money
already taken must still be fulfilled or refunded, and Stripe retries for days on a 404.
"""
from __future__ import annotations

import logging

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
    return jsonify(received=True, effect=handle(event))
