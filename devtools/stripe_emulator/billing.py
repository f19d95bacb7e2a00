"""Subscriptions and their invoices: creation at checkout, updates, cancellation, renewals."""
import calendar
import datetime

from . import payments
from .cards import check_card
from .errors import invalid
from .params import as_bool, merge_metadata
from .store import list_object, new_id

INTERVALS = ("day", "week", "month", "year")


def add_interval(timestamp, interval, count=1):
    start = datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc)
    if interval in ("day", "week"):
        return timestamp + count * (7 if interval == "week" else 1) * 86400
    months = start.month - 1 + count * (12 if interval == "year" else 1)
    year, month = start.year + months // 12, months % 12 + 1
    # Stripe keeps the billing day, clamped to the month's length (31 Jan -> 28/29 Feb).
    day = min(start.day, calendar.monthrange(year, month)[1])
    return int(start.replace(year=year, month=month, day=day).timestamp())


def _set_period(subscription, start, end):
    subscription.update(current_period_start=start, current_period_end=end)
    for item in subscription["items"]["data"]:
        item.update(current_period_start=start, current_period_end=end)


def create_subscription(store, session, card):
    now = store.now()
    recurring = [i for i in session["_line_items"] if i["price"]["recurring"]]
    cycle = recurring[0]["price"]["recurring"]
    end = add_interval(now, cycle["interval"], cycle["interval_count"])
    subscription = store.create(
        "sub_", "subscription", billing_cycle_anchor=now, cancel_at=None,
        cancel_at_period_end=False, canceled_at=None,
        cancellation_details={"comment": None, "feedback": None, "reason": None},
        collection_method="charge_automatically", currency=session["currency"],
        customer=session["customer"], default_payment_method=None, description=None,
        ended_at=None, latest_invoice=None, metadata=dict(session["_sub_metadata"]),
        start_date=now, status="active", trial_end=None, trial_start=None,
        _card=card.number)
    items = [{"id": new_id("si_"), "object": "subscription_item", "created": now,
              "metadata": {}, "price": i["price"], "quantity": i["quantity"],
              "subscription": subscription["id"]} for i in recurring]
    subscription["items"] = list_object(
        items, f"/v1/subscription_items?subscription={subscription['id']}")
    _set_period(subscription, now, end)
    # One-time prices bought with the subscription are billed on its first invoice only.
    lines = [(i["description"], i["amount_total"], i["quantity"], i["price"])
             for i in session["_line_items"]]
    invoice = _invoice(store, subscription, "subscription_create", lines, card)
    store.emit("customer.subscription.created", subscription)
    store.emit("invoice.paid", invoice)
    store.emit("invoice.payment_succeeded", invoice)
    return subscription


def _invoice(store, subscription, reason, lines, card):
    now = store.now()
    amount = sum(line[1] for line in lines)
    customer = store.objects[subscription["customer"]]
    pi = payments.charge_card(store, card, amount, subscription["currency"],
                              subscription["customer"], {},
                              description="Subscription creation" if reason ==
                              "subscription_create" else "Subscription update")
    paid = pi["status"] == "succeeded"
    period = {"start": subscription["current_period_start"],
              "end": subscription["current_period_end"]}
    invoice = store.create(
        "in_", "invoice", amount_due=amount, amount_paid=amount if paid else 0,
        amount_remaining=0 if paid else amount, attempt_count=1, attempted=True,
        auto_advance=not paid, billing_reason=reason, collection_method="charge_automatically",
        currency=subscription["currency"], customer=subscription["customer"],
        customer_email=customer["email"], hosted_invoice_url=None, invoice_pdf=None,
        metadata={}, number=f"EMU-{len(store.order.get('invoice', [])) + 1:04d}",
        paid=paid,
        # Since API version 2025-03-31 an invoice names its payments only in `payments`, an
        # includable list (`expand[]=payments`), no more as `payment_intent`.
        _payments=[{"id": new_id("inpay_"), "object": "invoice_payment", "amount_paid": amount if paid else None,
                    "amount_requested": amount, "currency": subscription["currency"], "is_default": True,
                    "livemode": False, "payment": {"type": "payment_intent", "payment_intent": pi["id"]},
                    "status": "paid" if paid else "open", "status_transitions": {"paid_at": now if paid else None}}],
        parent={"type": "subscription_details", "quote_details": None,
                "subscription_details": {"metadata": dict(subscription["metadata"]),
                                         "subscription": subscription["id"]}},
        period_start=period["start"], period_end=period["end"],
        status="paid" if paid else "open",
        status_transitions={"finalized_at": now, "paid_at": now if paid else None,
                            "marked_uncollectible_at": None, "voided_at": None},
        subscription=subscription["id"], subtotal=amount, total=amount)
    invoice["lines"] = list_object(
        [{"id": new_id("il_"), "object": "line_item", "amount": line_amount,
          "currency": invoice["currency"], "description": f"{quantity} × {name}",
          "invoice": invoice["id"], "period": period, "quantity": quantity,
          "pricing": {"type": "price_details",
                      "price_details": {"price": price["id"], "product": price["product"]}}}
         for name, line_amount, quantity, price in lines],
        f"/v1/invoices/{invoice['id']}/lines")
    subscription["latest_invoice"] = invoice["id"]
    return invoice


def _check_active(subscription):
    if subscription["status"] == "canceled":
        raise invalid("A canceled subscription can only update its cancellation_details and "
                      "metadata.")


def update_subscription(store, subscription, params):
    before = {k: subscription[k] for k in ("cancel_at_period_end", "cancel_at", "metadata")}
    cancel = as_bool(params, "cancel_at_period_end")
    if cancel is not None:
        _check_active(subscription)
        subscription.update(cancel_at_period_end=cancel,
                            cancel_at=subscription["current_period_end"] if cancel else None)
        subscription["cancellation_details"]["reason"] = ("cancellation_requested" if cancel
                                                          else None)
    subscription["metadata"] = merge_metadata(subscription["metadata"], params)
    changed = {k: v for k, v in before.items() if subscription[k] != v}
    if changed:
        store.emit("customer.subscription.updated", subscription, changed)
    return subscription


def cancel_subscription(store, subscription, reason="cancellation_requested"):
    _check_active(subscription)
    now = store.now()
    subscription.update(status="canceled", canceled_at=now, ended_at=now)
    subscription["cancellation_details"]["reason"] = reason
    # Stripe's default: cancelling stops the automatic collection of the subscription's
    # finalized invoices, so a failed renewal is no more retried (nor charged).
    for invoice_id in store.order.get("invoice", []):
        invoice = store.objects[invoice_id]
        if invoice["subscription"] == subscription["id"] and invoice["status"] == "open":
            invoice["auto_advance"] = False
    store.emit("customer.subscription.deleted", subscription)
    return subscription


def retry_invoice(store, invoice):
    """Stripe's retry of an unpaid invoice (Smart Retries), the card paying this time; none
    once automatic collection stopped (a cancelled subscription's invoice)."""
    if invoice["status"] != "open" or not invoice["auto_advance"]:
        return invoice
    subscription = store.objects[invoice["subscription"]]
    pi = payments.charge_card(store, check_card(subscription["_card"]), invoice["amount_due"],
                              invoice["currency"], invoice["customer"], {},
                              description="Subscription update")
    invoice["attempt_count"] += 1
    if pi["status"] != "succeeded":
        store.emit("invoice.payment_failed", invoice)
        return invoice
    now = store.now()
    invoice.update(amount_paid=invoice["amount_due"], amount_remaining=0, auto_advance=False,
                   paid=True, status="paid")
    invoice["status_transitions"]["paid_at"] = now
    invoice["_payments"].append(
        {"id": new_id("inpay_"), "object": "invoice_payment", "amount_paid": invoice["amount_due"],
         "amount_requested": invoice["amount_due"], "currency": invoice["currency"], "is_default": False,
         "livemode": False, "payment": {"type": "payment_intent", "payment_intent": pi["id"]},
         "status": "paid", "status_transitions": {"paid_at": now}})
    if subscription["status"] == "past_due":
        subscription["status"] = "active"
        store.emit("customer.subscription.updated", subscription, {"status": "past_due"})
    store.emit("invoice.paid", invoice)
    store.emit("invoice.payment_succeeded", invoice)
    return invoice


def renew_subscription(store, subscription, outcome):
    """Jump to the end of the current period, as Stripe's billing cycle would."""
    if outcome not in ("paid", "failed"):
        raise invalid("outcome must be paid or failed", "outcome")
    _check_active(subscription)
    if subscription["cancel_at_period_end"]:
        subscription.update(status="canceled", canceled_at=store.now(),
                            ended_at=subscription["current_period_end"])
        store.emit("customer.subscription.deleted", subscription)
        return subscription
    before = {k: subscription[k] for k in ("current_period_start", "current_period_end",
                                           "status", "latest_invoice")}
    cycle = subscription["items"]["data"][0]["price"]["recurring"]
    start = subscription["current_period_end"]
    _set_period(subscription, start, add_interval(start, cycle["interval"],
                                                  cycle["interval_count"]))
    card = check_card("4000000000000002" if outcome == "failed" else subscription["_card"])
    lines = [(store.objects[i["price"]["product"]]["name"],
              i["price"]["unit_amount"] * i["quantity"], i["quantity"], i["price"])
             for i in subscription["items"]["data"]]
    invoice = _invoice(store, subscription, "subscription_cycle", lines, card)
    subscription["status"] = "active" if outcome == "paid" else "past_due"
    changed = {k: v for k, v in before.items() if subscription[k] != v}
    if outcome == "paid":
        store.emit("customer.subscription.updated", subscription, changed)
        store.emit("invoice.paid", invoice)
        store.emit("invoice.payment_succeeded", invoice)
    else:
        store.emit("invoice.payment_failed", invoice)
        store.emit("customer.subscription.updated", subscription, changed)
    return subscription
