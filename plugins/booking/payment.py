"""The answers other plugins give booking about money: who pays, and how much."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Payer:
    """Who pays a booking.

    :param kind: "member" (pays online or on site), "credits" (from the member's prepaid
        credits), "partner" (an employer's convention), or another plugin's own word.
    :param needs_payment: True when the booking must be held until a payment completes.
    :param hold_minutes: how long the slot is held meanwhile (bounded by the checkout session).
    :param reference: the answering plugin's own reference (a convention id, a credit entry...).
    """

    kind: str
    needs_payment: bool = False
    hold_minutes: int | None = None
    reference: str | None = None


@dataclass(frozen=True)
class Price:
    """A booking's price: integer cents excluding VAT, with the VAT rate in basis points."""

    amount_cents: int
    currency: str = "EUR"
    vat_rate_bp: int = 2000
    label: str = ""

    @property
    def vat_cents(self) -> int:
        """VAT rounded half up, as on the invoice of a single line."""
        n = self.amount_cents * self.vat_rate_bp
        return (2 * n + 10_000) // 20_000 if n >= 0 else -((-2 * n + 10_000) // 20_000)

    @property
    def ttc_cents(self) -> int:
        """What a consumer pays (toutes taxes comprises): the price members are shown."""
        return self.amount_cents + self.vat_cents


@dataclass(frozen=True)
class PriceNote:
    """What a member is told in place of a price that someone else pays for them (their
    employer's convention), in the search and beside a site's prices.

    :param label: a short translated phrase ("Paid for by Conseil départemental du Lot").
    :param hint: a translated sentence on its limits ("Within your convention's quota, checked
        when you book."), or "".
    """

    label: str
    hint: str = ""
