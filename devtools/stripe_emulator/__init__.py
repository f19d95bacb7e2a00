"""Local emulator of the part of Stripe's HTTP API the billing plugin uses (test mode only).

Stripe cannot be reached from development and CI machines, so the official ``stripe`` library
(v16) is pointed at this emulator instead. It keeps state in memory, serves a hosted checkout
page at ``/pay/<session id>``, and sends signed webhooks to the configured endpoints.

Pointing the library at it (``emulator.url`` is e.g. ``http://127.0.0.1:12111``)::

    # module-level style
    stripe.api_key = "sk_test_anything"
    stripe.api_base = emulator.url
    stripe.checkout.Session.create(mode="payment", ...)

    # client style
    client = stripe.StripeClient("sk_test_anything", base_addresses={"api": emulator.url})
    client.v1.checkout.sessions.create({"mode": "payment", ...})

Webhooks are signed like Stripe's, so ``stripe.Webhook.construct_event(body, header, secret)``
accepts them with the endpoint's ``whsec_`` secret. Test helpers (no API key needed):
``POST /_emulator/pay/<cs id>`` (``card``, ``exp``, ``cvc``),
``POST /_emulator/checkout/sessions/<cs id>/expire_now``,
``POST /_emulator/subscriptions/<sub id>/renew`` (``outcome=paid|failed``),
``POST /_emulator/invoices/<in id>/retry`` (Stripe retrying an unpaid invoice, the card paying),
``POST /_emulator/webhook_endpoints`` (``url``, optional ``secret``),
``GET /_emulator/deliveries``, ``POST /_emulator/flush``, ``POST /_emulator/reset``.
"""
from .app import create_emulator_app
from .server import EmulatorServer
from .webhooks import sign as sign_webhook_payload

__all__ = ["EmulatorServer", "create_emulator_app", "sign_webhook_payload"]
