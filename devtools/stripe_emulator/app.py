"""The emulator's WSGI app: Stripe's ``/v1`` routes, auth, idempotency, ``/_emulator`` helpers."""
import json
import os

from flask import Blueprint, Flask, Response, current_app, request
from werkzeug.exceptions import HTTPException

from . import billing, payments
from .checkout_page import checkout_page
from .errors import StripeError, invalid
from .params import parse_nested
from .store import Store, new_id
from .webhooks import DEFAULT_RETRY_DELAYS, Deliverer

try:
    from stripe import api_version as DEFAULT_API_VERSION
except ImportError:  # the emulator itself does not need the library
    DEFAULT_API_VERSION = "2026-10-28.endive"

EXTENSION = "stripe_emulator"
_ROUTES = []


def api(method, rule):
    def register(handler):
        _ROUTES.append((method, rule, handler))
        return handler
    return register


def create_emulator_app(webhook_endpoints=(), *, async_delivery=True,
                        retry_delays=DEFAULT_RETRY_DELAYS, delivery_timeout=5.0,
                        api_version=None, public_url=None):
    """Build the emulator. ``webhook_endpoints``: URLs or ``(url, secret)`` pairs."""
    app = Flask("stripe_emulator", root_path=os.path.dirname(__file__))
    store = Store(api_version or DEFAULT_API_VERSION)
    deliverer = Deliverer(webhook_endpoints, retry_delays=retry_delays,
                          asynchronous=async_delivery, timeout=delivery_timeout,
                          on_delivered=store.delivered)
    store.endpoint_count = lambda: len(deliverer.endpoints)
    store.dispatch = deliverer.submit
    store.dispatch_under_lock = async_delivery
    app.extensions[EXTENSION] = {"store": store, "deliverer": deliverer,
                                 "public_url": public_url.rstrip("/") if public_url else None}
    for method, rule, handler in _ROUTES:
        app.add_url_rule(rule, f"{method} {rule}", _api_view(handler), methods=[method])
    app.add_url_rule("/v1/<path:path>", "unknown", _unknown,
                     methods=["GET", "POST", "DELETE"])
    app.register_blueprint(checkout_page)
    app.register_blueprint(helpers)
    app.register_error_handler(Exception, _unexpected)
    return app


def state():
    return current_app.extensions[EXTENSION]


def base_url():
    return state()["public_url"] or request.host_url.rstrip("/")


def json_response(body, status=200, headers=None):
    return Response(json.dumps(body, indent=2) + "\n", status, headers or {},
                    mimetype="application/json")


def _authenticate():
    header = request.headers.get("Authorization", "")
    if not header:
        return ("You did not provide an API key. You need to provide your API key in the "
                "Authorization header, using Bearer auth (e.g. 'Authorization: Bearer "
                "YOUR_SECRET_KEY').")
    key = header[7:] if header.startswith("Bearer ") else (request.authorization and
                                                          request.authorization.username)
    if not key or not key.startswith(("sk_test_", "rk_test_")):
        return (f"Invalid API Key provided: {(key or '')[:8]}****. The emulator only "
                "accepts test-mode secret keys (sk_test_...).")
    return None


def _api_view(handler):
    def view(**kwargs):
        store = state()["store"]
        problem = _authenticate()
        if problem:
            return json_response(StripeError(401, problem).body, 401)
        pairs = list((request.form if request.method == "POST" else request.args)
                     .items(multi=True))
        params = parse_nested(pairs)
        key = request.headers.get("Idempotency-Key") if request.method == "POST" else None
        request_info = {"id": new_id("req_", 14), "idempotency_key": key}
        headers = {"Request-Id": request_info["id"],
                   "Stripe-Version": request.headers.get("Stripe-Version", store.api_version)}
        with store.transaction(request_info):
            if key:
                scope = (request.headers["Authorization"], key)
                fingerprint = (request.path, sorted(pairs))
                saved = store.idempotency.get(scope)
                if saved and saved["fingerprint"] != fingerprint:
                    error = StripeError(
                        400, "Keys for idempotent requests can only be used with the same "
                        "parameters they were first used with. Try using a key other than "
                        f"'{key}' if you meant to execute a different request.",
                        type="idempotency_error")
                    return json_response(error.body, 400, headers)
                if saved:
                    return json_response(saved["body"], saved["status"],
                                         {**saved["headers"], "Idempotent-Replayed": "true"})
                headers["Idempotency-Key"] = key
            try:
                result = handler(store, params, **kwargs)
                status, body = 200, store.render(result, params.get("expand"))
            except StripeError as exc:
                status, body = exc.status, exc.body
            # Like Stripe, only requests that started executing are remembered.
            if key and (status < 300 or status == 402):
                store.idempotency[scope] = {"fingerprint": fingerprint, "status": status,
                                            "body": body, "headers": headers}
        return json_response(body, status, headers)
    view.__name__ = handler.__name__
    return view


def _unexpected(exc):
    # Keep failures Stripe-shaped so the library raises stripe.APIError with a readable message.
    if isinstance(exc, HTTPException):
        if not request.path.startswith(("/v1/", "/_emulator/")):
            return exc
        return json_response(StripeError(exc.code, exc.description).body, exc.code)
    current_app.logger.exception("Stripe emulator failure")
    return json_response(StripeError(500, f"Emulator error: {exc!r}", type="api_error").body,
                         500)


def _unknown(path):
    error = StripeError(404, f"Unrecognized request URL ({request.method}: /v1/{path}). "
                        "The Stripe emulator only implements part of the API.")
    return json_response(error.body, 404)


# --- Stripe API -------------------------------------------------------------------------

@api("POST", "/v1/customers")
def customer_create(store, params):
    customer = payments.create_customer(store, params)
    store.emit("customer.created", customer)
    return customer


@api("GET", "/v1/customers/<object_id>")
def customer_get(store, params, object_id):
    return store.get("customer", object_id)


@api("POST", "/v1/customers/<object_id>")
def customer_update(store, params, object_id):
    customer = payments.update_customer(store, store.get("customer", object_id), params)
    store.emit("customer.updated", customer)
    return customer


@api("GET", "/v1/customers")
def customer_list(store, params):
    return store.list("customer", params, request.path, ("email", "created"))


@api("POST", "/v1/prices")
def price_create(store, params):
    return payments.create_price(store, params)


@api("GET", "/v1/prices/<object_id>")
def price_get(store, params, object_id):
    return store.get("price", object_id)


@api("POST", "/v1/checkout/sessions")
def session_create(store, params):
    return payments.create_session(store, params, base_url())


@api("GET", "/v1/checkout/sessions")
def session_list(store, params):
    for session_id in store.order.get("checkout.session", []):
        payments.refresh_session(store, store.objects[session_id])
    return store.list("checkout.session", params, request.path,
                      ("payment_intent", "subscription", "customer", "status", "created"))


@api("GET", "/v1/checkout/sessions/<object_id>")
def session_get(store, params, object_id):
    return payments.refresh_session(store, store.get("checkout.session", object_id))


@api("GET", "/v1/checkout/sessions/<object_id>/line_items")
def session_line_items(store, params, object_id):
    return payments.session_line_items(store.get("checkout.session", object_id), request.path)


@api("POST", "/v1/checkout/sessions/<object_id>/expire")
def session_expire(store, params, object_id):
    session = payments.refresh_session(store, store.get("checkout.session", object_id))
    return payments.expire_session(store, session)


@api("GET", "/v1/payment_intents/<object_id>")
def payment_intent_get(store, params, object_id):
    return store.get("payment_intent", object_id)


@api("GET", "/v1/payment_intents")
def payment_intent_list(store, params):
    return store.list("payment_intent", params, request.path, ("customer", "created"))


@api("GET", "/v1/charges/<object_id>")
def charge_get(store, params, object_id):
    return store.get("charge", object_id)


@api("POST", "/v1/refunds")
def refund_create(store, params):
    return payments.create_refund(store, params)


@api("GET", "/v1/refunds/<object_id>")
def refund_get(store, params, object_id):
    return store.get("refund", object_id)


@api("GET", "/v1/refunds")
def refund_list(store, params):
    return store.list("refund", params, request.path, ("payment_intent", "charge", "created"))


@api("GET", "/v1/subscriptions/<object_id>")
def subscription_get(store, params, object_id):
    return store.get("subscription", object_id)


@api("POST", "/v1/subscriptions/<object_id>")
def subscription_update(store, params, object_id):
    return billing.update_subscription(store, store.get("subscription", object_id), params)


@api("DELETE", "/v1/subscriptions/<object_id>")
def subscription_cancel(store, params, object_id):
    return billing.cancel_subscription(store, store.get("subscription", object_id))


@api("GET", "/v1/subscriptions")
def subscription_list(store, params):
    return store.list("subscription", params, request.path, ("customer", "status", "created"))


@api("GET", "/v1/invoices/<object_id>")
def invoice_get(store, params, object_id):
    return store.get("invoice", object_id)


@api("GET", "/v1/invoices")
def invoice_list(store, params):
    return store.list("invoice", params, request.path,
                      ("customer", "subscription", "status", "created"))


@api("GET", "/v1/events/<object_id>")
def event_get(store, params, object_id):
    return store.get("event", object_id)


@api("GET", "/v1/events")
def event_list(store, params):
    return store.list("event", params, request.path, ("type", "created"))


# --- Test helpers (no authentication: the emulator only listens locally) ------------------

helpers = Blueprint("emulator_helpers", __name__)


def _helper(rule):
    def register(handler):
        def view(**kwargs):
            store = state()["store"]
            with store.transaction():
                try:
                    result = handler(store, request.form, **kwargs)
                except StripeError as exc:
                    return json_response(exc.body, exc.status)
            return json_response(result)
        view.__name__ = handler.__name__
        helpers.add_url_rule(rule, handler.__name__, view, methods=["POST"])
        return handler
    return register


@_helper("/_emulator/pay/<session_id>")
def helper_pay(store, form, session_id):
    session = store.get("checkout.session", session_id)
    payments.pay_session(store, session, form.get("card", "4242424242424242"),
                         form.get("exp", "12/34"), form.get("cvc", "123"), form.get("email"))
    return {"checkout_session": store.render(session),
            "payment_intent": store.render(store.objects[session["payment_intent"]])
            if session["payment_intent"] else None,
            "subscription": store.render(store.objects[session["subscription"]])
            if session["subscription"] else None,
            "redirect_url": payments.success_redirect(session)}


@_helper("/_emulator/checkout/sessions/<session_id>/expire_now")
def helper_expire(store, form, session_id):
    session = payments.refresh_session(store, store.get("checkout.session", session_id))
    return store.render(payments.expire_session(store, session))


@_helper("/_emulator/subscriptions/<subscription_id>/renew")
def helper_renew(store, form, subscription_id):
    subscription = store.get("subscription", subscription_id)
    billing.renew_subscription(store, subscription, form.get("outcome", "paid"))
    invoice = store.objects.get(subscription["latest_invoice"])
    return {"subscription": store.render(subscription), "invoice": store.render(invoice)}


@_helper("/_emulator/invoices/<invoice_id>/retry")
def helper_retry(store, form, invoice_id):
    invoice = billing.retry_invoice(store, store.get("invoice", invoice_id))
    return {"invoice": store.render(invoice),
            "subscription": store.render(store.objects[invoice["subscription"]])}


@_helper("/_emulator/reset")
def helper_reset(store, form):
    store.reset()
    state()["deliverer"].reset()
    return {"reset": True}


@_helper("/_emulator/webhook_endpoints")
def helper_add_endpoint(store, form):
    if not form.get("url"):
        raise invalid("Missing required param: url.", "url", "parameter_missing")
    return state()["deliverer"].add_endpoint(form["url"], form.get("secret"))


@helpers.get("/_emulator/deliveries")
def helper_deliveries():
    deliverer = state()["deliverer"]
    with deliverer._cond:
        log = [dict(record) for record in deliverer.log]
    return json_response({"object": "list", "data": log,
                          "endpoints": [{"url": e["url"]} for e in deliverer.endpoints]})


@helpers.post("/_emulator/flush")
def helper_flush():
    # Outside any store transaction: deliveries may call the emulator back while we wait.
    timeout = float(request.form.get("timeout", 10))
    return json_response({"flushed": state()["deliverer"].flush(timeout)})
