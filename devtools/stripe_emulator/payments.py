"""Customers, prices, Checkout Sessions, PaymentIntents, charges and refunds."""
from . import billing
from .cards import check_card
from .errors import StripeError, card_error, invalid, missing
from .params import as_int, as_metadata, merge_metadata
from .store import list_object, new_id

MIN_SESSION_LIFETIME = 30 * 60
MAX_SESSION_LIFETIME = 24 * 60 * 60
# Stripe refuses card payments below roughly 0.50 of the main currency unit.
MIN_CHARGE = 50
REFUND_REASONS = ("duplicate", "fraudulent", "requested_by_customer")


def create_customer(store, params):
    return store.create("cus_", "customer", address=None, balance=0, currency=None,
                        default_source=None, delinquent=False,
                        description=params.get("description"), email=params.get("email"),
                        invoice_settings={"default_payment_method": None, "footer": None},
                        metadata=as_metadata(params), name=params.get("name"),
                        phone=params.get("phone"))


def update_customer(store, customer, params):
    for key in ("email", "name", "description", "phone"):
        if key in params:
            customer[key] = params[key] or None
    customer["metadata"] = merge_metadata(customer["metadata"], params)
    return customer


def create_price(store, params, label="", inline=False):
    currency = (params.get("currency") or "").lower()
    if not currency:
        raise missing(f"{label}currency" if label else "currency")
    unit_amount = as_int(params, "unit_amount", required=True, label=f"{label}unit_amount")
    if unit_amount < 0:
        raise invalid("This value must be greater than or equal to 0.", f"{label}unit_amount")
    product = params.get("product")
    if product:
        store.get("product", product, param=f"{label}product", status=400)
    else:
        data = params.get("product_data") or {}
        if not data.get("name"):
            raise missing(f"{label}product_data[name]")
        product = store.create("prod_", "product", active=True, name=data["name"],
                               description=data.get("description"),
                               metadata=as_metadata(data), images=[])["id"]
    recurring = params.get("recurring")
    if recurring:
        interval = recurring.get("interval")
        if interval not in billing.INTERVALS:
            raise invalid(f"Invalid interval: {interval}", f"{label}recurring[interval]")
        recurring = {"interval": interval, "usage_type": "licensed", "meter": None,
                     "trial_period_days": None,
                     "interval_count": as_int(recurring, "interval_count", default=1,
                                              label=f"{label}recurring[interval_count]")}
    return store.create("price_", "price", active=not inline, billing_scheme="per_unit",
                        currency=currency, lookup_key=None, metadata=as_metadata(params),
                        nickname=None, product=product, recurring=recurring or None,
                        tax_behavior="unspecified",
                        type="recurring" if recurring else "one_time",
                        unit_amount=unit_amount, unit_amount_decimal=str(unit_amount))


def _line_items(store, params, mode):
    raw = params.get("line_items")
    if not raw:
        raise missing("line_items")
    items = []
    for n, line in enumerate(raw if isinstance(raw, list) else []):
        label = f"line_items[{n}]"
        if line.get("price"):
            price = store.get("price", line["price"], param=f"{label}[price]", status=400)
        elif line.get("price_data"):
            price = create_price(store, line["price_data"], f"{label}[price_data][", inline=True)
        else:
            raise missing(f"{label}[price]")
        quantity = as_int(line, "quantity", required=True, label=f"{label}[quantity]")
        if quantity < 1:
            raise invalid("Quantity must be greater than 0.", f"{label}[quantity]")
        if mode == "payment" and price["recurring"]:
            raise invalid("You specified `payment` mode but passed a recurring price. Either "
                          "switch to `subscription` mode or use only one-time prices.",
                          f"{label}[price]")
        amount = price["unit_amount"] * quantity
        product = store.objects[price["product"]]
        items.append({"id": new_id("li_"), "object": "item", "amount_discount": 0,
                      "amount_subtotal": amount, "amount_tax": 0, "amount_total": amount,
                      "currency": price["currency"], "description": product["name"],
                      "price": price, "quantity": quantity})
    if not items:
        raise invalid("Invalid array", "line_items")
    if len({i["currency"] for i in items}) > 1:
        raise invalid("All line items must use the same currency.", "line_items")
    if mode == "subscription" and not any(i["price"]["recurring"] for i in items):
        raise invalid("You must provide at least one recurring price in `subscription` mode "
                      "when using prices.", "line_items")
    return items


def create_session(store, params, base_url):
    mode = params.get("mode")
    if not mode:
        raise missing("mode")
    if mode not in ("payment", "subscription"):
        raise invalid("Invalid mode: must be one of payment or subscription "
                      "(setup mode is not emulated)", "mode")
    if params.get("customer") and params.get("customer_email"):
        raise invalid("You may only specify one of these parameters: customer, customer_email.",
                      "customer_email")
    if params.get("customer"):
        store.get("customer", params["customer"], param="customer", status=400)
    items = _line_items(store, params, mode)
    total = sum(i["amount_total"] for i in items)
    if mode == "payment" and total < MIN_CHARGE:
        raise invalid("The Checkout Session's total amount due must add up to at least "
                      f"{MIN_CHARGE} in the smallest currency unit.", "line_items",
                      "amount_too_small")
    now = store.now()
    expires_at = as_int(params, "expires_at", default=now + MAX_SESSION_LIFETIME)
    if expires_at < now + MIN_SESSION_LIFETIME:
        raise invalid("The `expires_at` timestamp must be at least 30 minutes from Checkout "
                      "Session creation.", "expires_at")
    if expires_at > now + MAX_SESSION_LIFETIME:
        raise invalid("The `expires_at` timestamp must be less than 24 hours from Checkout "
                      "Session creation.", "expires_at")
    pi_data = params.get("payment_intent_data") or {}
    sub_data = params.get("subscription_data") or {}
    session = store.create(
        "cs_test_", "checkout.session", id_length=58, amount_subtotal=total, amount_total=total,
        cancel_url=params.get("cancel_url"),
        client_reference_id=params.get("client_reference_id"),
        currency=items[0]["currency"], customer=params.get("customer"),
        customer_creation="if_required" if mode == "payment" and not params.get("customer")
        else None,
        customer_details=None, customer_email=params.get("customer_email"),
        expires_at=expires_at, invoice=None, locale=params.get("locale"),
        metadata=as_metadata(params), mode=mode, payment_intent=None, payment_link=None,
        payment_method_types=params.get("payment_method_types") or ["card"],
        payment_status="unpaid", status="open", subscription=None,
        success_url=params.get("success_url"),
        total_details={"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0},
        ui_mode="hosted", url=None,
        _line_items=items, _pi_metadata=as_metadata(pi_data),
        _sub_metadata=as_metadata(sub_data))
    session["url"] = f"{base_url}/pay/{session['id']}"
    return session


def refresh_session(store, session):
    """Expire an open session whose ``expires_at`` has passed, as Stripe does on its own."""
    if session["status"] == "open" and store.now() >= session["expires_at"]:
        expire_session(store, session)
    return session


def expire_session(store, session):
    if session["status"] != "open":
        raise invalid('Only Checkout Sessions with a status in ["open"] can be expired. This '
                      f'Checkout Session has a status of "{session["status"]}".')
    session.update(status="expired", url=None)
    store.emit("checkout.session.expired", session)
    return session


def charge_card(store, card, amount, currency, customer, metadata, description=None):
    """Create a PaymentIntent and its charge for one attempt; emits the payment events."""
    pi = store.create("pi_", "payment_intent", amount=amount, amount_capturable=0,
                      amount_received=0, canceled_at=None, cancellation_reason=None,
                      capture_method="automatic", confirmation_method="automatic",
                      currency=currency, customer=customer, description=description,
                      last_payment_error=None, latest_charge=None, metadata=dict(metadata),
                      payment_method=None, payment_method_types=["card"],
                      receipt_email=None, status="requires_payment_method")
    pi["client_secret"] = f"{pi['id']}_secret_{new_id('', 25)}"
    attempt_card(store, pi, card)
    return pi


def attempt_card(store, pi, card):
    pm = new_id("pm_")
    charge = store.create(
        "ch_", "charge", amount=pi["amount"], amount_captured=pi["amount"] if card.ok else 0,
        amount_refunded=0, billing_details={"email": None, "name": None}, captured=card.ok,
        currency=pi["currency"], customer=pi["customer"], description=pi["description"],
        failure_code=card.code, failure_message=card.message, metadata=dict(pi["metadata"]),
        outcome={"network_status": "approved_by_network" if card.ok else "declined_by_network",
                 "reason": card.decline_code, "risk_level": "normal",
                 "seller_message": "Payment complete." if card.ok else card.message,
                 "type": "authorized" if card.ok else "issuer_declined"},
        paid=card.ok, payment_intent=pi["id"], payment_method=pm,
        payment_method_details={"type": "card", "card": {
            "brand": card.brand, "last4": card.last4, "exp_month": card.exp_month,
            "exp_year": card.exp_year, "funding": "credit", "country": "US"}},
        receipt_url=None, refunded=False, status="succeeded" if card.ok else "failed")
    pi.update(latest_charge=charge["id"], payment_method=pm)
    if card.ok:
        pi.update(status="succeeded", amount_received=pi["amount"], last_payment_error=None)
        store.emit("charge.succeeded", charge)
        store.emit("payment_intent.succeeded", pi)
    else:
        pi["last_payment_error"] = {"type": "card_error", "code": card.code,
                                    "decline_code": card.decline_code, "message": card.message,
                                    "charge": charge["id"], "payment_method": {"id": pm}}
        store.emit("charge.failed", charge)
        store.emit("payment_intent.payment_failed", pi)
    return charge


def pay_session(store, session, number, exp="12/34", cvc="123", email=None):
    """One payment attempt on a Checkout Session, as the hosted page or a test makes it.

    Returns the completed session; raises StripeError (402 card_error) on a decline.
    """
    refresh_session(store, session)
    if session["status"] != "open":
        raise StripeError(400, "This Checkout Session is no longer active "
                          f"(status: {session['status']}).", code="checkout_session_not_open")
    card = check_card(number, exp, cvc)
    email = session["customer_email"] or email or None
    if session["customer"]:
        email = store.objects[session["customer"]]["email"] or email
    if session["mode"] == "payment":
        if not card.ok and not card.charged:
            raise card_error(card.code, card.message, param="card")
        pi = None
        if session["payment_intent"]:
            pi = store.objects[session["payment_intent"]]
            attempt_card(store, pi, card)
        else:
            pi = charge_card(store, card, session["amount_total"], session["currency"],
                             session["customer"], session["_pi_metadata"])
            session["payment_intent"] = pi["id"]
        if not card.ok:
            raise card_error(card.code, card.message, card.decline_code,
                             payment_intent=store.render(pi), charge=pi["latest_charge"])
    else:
        if not card.ok:  # no subscription exists until the first payment succeeds
            raise card_error(card.code, card.message, card.decline_code)
        if not session["customer"]:
            customer = create_customer(store, {"email": email})
            store.emit("customer.created", customer)
            session["customer"] = customer["id"]
        subscription = billing.create_subscription(store, session, card)
        session.update(subscription=subscription["id"],
                       invoice=subscription["latest_invoice"])
    session.update(status="complete", payment_status="paid", url=None,
                   customer_details={"email": email, "name": None, "phone": None,
                                     "address": None, "tax_exempt": "none", "tax_ids": []})
    store.emit("checkout.session.completed", session)
    return session


def success_redirect(session):
    url = session.get("success_url")
    return url.replace("{CHECKOUT_SESSION_ID}", session["id"]) if url else None


def create_refund(store, params):
    if params.get("payment_intent"):
        pi = store.get("payment_intent", params["payment_intent"], "payment_intent", 400)
        charge = store.objects.get(pi["latest_charge"]) if pi["status"] == "succeeded" else None
        if charge is None:
            raise invalid(f"This PaymentIntent ({pi['id']}) does not have a successful charge "
                          "to refund.", "payment_intent")
    elif params.get("charge"):
        charge = store.get("charge", params["charge"], "charge", 400)
    else:
        raise missing("payment_intent")
    if charge["status"] != "succeeded":
        raise invalid(f"Charge {charge['id']} has not succeeded and cannot be refunded.",
                      "charge")
    left = charge["amount"] - charge["amount_refunded"]
    if left <= 0:
        raise invalid(f"Charge {charge['id']} has already been refunded.", "charge",
                      "charge_already_refunded")
    amount = as_int(params, "amount", default=left)
    if amount <= 0:
        raise invalid("Invalid positive integer", "amount", "parameter_invalid_integer")
    if amount > left:
        raise invalid(f"Refund amount ({amount}) is greater than unrefunded amount on charge "
                      f"({left})", "amount", "amount_too_large")
    reason = params.get("reason") or None
    if reason and reason not in REFUND_REASONS:
        raise invalid(f"Invalid reason: must be one of {', '.join(REFUND_REASONS)}", "reason")
    refund = store.create("re_", "refund", amount=amount, balance_transaction=None,
                          charge=charge["id"], currency=charge["currency"],
                          metadata=as_metadata(params), payment_intent=charge["payment_intent"],
                          reason=reason, receipt_number=None, status="succeeded")
    charge["amount_refunded"] += amount
    charge["refunded"] = charge["amount_refunded"] == charge["amount"]
    store.emit("refund.created", refund)
    store.emit("charge.refunded", charge,
               {"amount_refunded": charge["amount_refunded"] - amount,
                **({"refunded": False} if charge["refunded"] else {})})
    return refund


def session_line_items(session, url):
    return list_object(session["_line_items"], url)
