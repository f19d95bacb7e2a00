"""The billing plugin. Its public API, for other plugins (nothing else of this package is theirs
to import): `next_invoice_number(series)` takes the next gapless number of an invoice series in
the caller's transaction (flushes; the caller commits); `invoice_prefix()` is the territory's
prefix of invoice numbers; `invoice_series(prefix, issued)` the series of a document issued then
(the year where the territory is, not UTC's).

Selling something that is not a booking (an event's ticket; see `plugins/billing/items.py` and
the `billing_item_*` hooks): `sells_online(site)`, `vat_rate_bp()`, `price_with_vat(...)`,
`cancel_notice_hours()`, `checkout_item(...)` (commits), `cancel_item_checkout(...)` and
`refund_item(...)` (flush; the caller commits), `item_revenue(...)` (reads).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone


def next_invoice_number(series: str) -> int:
    """The next number of `series` (gapless: a rollback gives it back)."""
    from plugins.billing.invoices import next_number

    return next_number(series)


def invoice_series(prefix: str, issued: datetime) -> str:
    from plugins.billing.invoices import series_of

    return series_of(prefix, issued)


def invoice_prefix() -> str:
    from plugins.billing.config import settings

    return settings().invoice_prefix


@dataclass(frozen=True)
class ItemCheckout:
    """A Checkout session paying an item: send the buyer to `url` before `expires_at` (UTC)."""

    url: str
    session_id: str
    order_id: int
    expires_at: datetime


def sells_online(site) -> bool:
    """Whether billing can sell an item online at `site` (it takes online payment, Stripe is set
    up). Ask `core.modules.service.is_enabled("billing", site)` first."""
    from plugins.billing.items import takes_online_payment

    return takes_online_payment(site)


def vat_rate_bp() -> int:
    """The territory's VAT rate in basis points (2000: 20 %); 0 when the operator is exempt."""
    from flask import current_app

    from plugins.billing.config import settings

    return 0 if current_app.config["TERRITORY"].operator.vat_exempt else settings().vat_rate_bp


def price_with_vat(unit_cents: int, rate_bp: int) -> int:
    """A price excluding VAT made the price including it, rounded as invoices round."""
    from plugins.billing.vat import totals

    return totals([{"quantity": 1, "unit_ht_cents": unit_cents, "vat_rate_bp": rate_bp}])["ttc_cents"]


def cancel_notice_hours() -> int:
    """The territory's cancellation notice: cancelled at least this long before the start, a
    booking is refunded (the terms of sale say so); sellers of items may apply the same rule."""
    from plugins.billing.config import settings

    return settings().cancel_notice_hours


def checkout_item(buyer, site, *, seller: str, reference: str, label: str, unit_cents: int, vat_rate_bp: int,
                  service_date: date | None = None, url: str | None = None) -> ItemCheckout:
    """Sell an item through Stripe Checkout: the pending order's open session again, or a new one.

    :param buyer: the signed-in `User` paying (the invoice's client).
    :param site: the `Site` selling (its invoice series, its payment modes).
    :param seller: the selling plugin's name; `reference` its own key of the item (at most 80
        characters), given back on the order in the `billing_item_*` hooks.
    :param label: the invoice line (name the event and its day).
    :param unit_cents: the price excluding VAT, integer cents (> 0); `vat_rate_bp` its rate.
    :param service_date: the day of the service printed on the invoice (default: the payment's).
    :param url: the seller's page the buyer comes back to after paying.
    Commits (the order before Stripe hears of it, then the session): call it from a view once
    the seller's own changes are ready to commit.
    :raises plugins.billing.errors.BillingError: (a `DomainError`) no online payment at the
        site, paid or being paid already (409), Stripe unreachable (503).
    """
    from plugins.billing.flows import checkout_item as checkout
    from plugins.billing.items import orders_of

    session = checkout(buyer, site, seller=seller, reference=reference, label=label, unit_cents=unit_cents,
                       vat_rate_bp=vat_rate_bp, service_date=service_date, url=url)
    order = next(o for o in orders_of(seller, reference) if o.stripe_session_id == session.id)
    return ItemCheckout(session.url, session.id, order.id, datetime.fromtimestamp(session.expires_at, timezone.utc))


def cancel_item_checkout(seller: str, reference: str) -> int:
    """Close the item's unpaid checkouts (flush): a payment arriving on one is refunded.

    :return: how many were open.
    """
    from plugins.billing.items import cancel_checkout

    return cancel_checkout(seller, reference)


def kept_item_order(seller: str, reference: str) -> int | None:
    """The id of an order that paid for the item and was refunded nothing (the buyer kept the
    payment, e.g. a ticket cancelled too late for a refund); None when there is none."""
    from plugins.billing.items import orders_of

    return next((o.id for o in orders_of(seller, reference, ("paid",)) if not o.refunded_cents), None)


def refund_item(seller: str, reference: str, reason: str, actor=None) -> int:
    """Refund in full, to the card, what is left paid on the item (flush; credit note issued,
    the card refunded by a job after the commit). :return: the amount in cents, VAT included."""
    from plugins.billing.items import refund_item as refund

    return refund(seller, reference, reason, actor=actor)


def item_revenue(seller: str, references=None) -> dict[str, int]:
    """What the seller's items brought in, by reference: invoiced excluding VAT minus credit notes
    (refunds), integer cents in the territory's currency. Only items with an invoice are keys.

    :param references: the references to count (an iterable), or None for all of the seller's.
    """
    from plugins.billing.items import revenue_of

    return revenue_of(seller, references)


__all__ = ["ItemCheckout", "cancel_item_checkout", "cancel_notice_hours", "checkout_item", "invoice_prefix",
           "invoice_series", "item_revenue", "next_invoice_number", "price_with_vat", "refund_item", "sells_online",
           "vat_rate_bp"]
