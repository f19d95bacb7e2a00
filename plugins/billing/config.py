"""The `[plugins.billing]` table of the territory file: billing's `MODULE.config`, checked by
the core at start-up (`core.plugins.check_plugin_tables`).

Prices are territory defaults that a site may override; secrets (Stripe keys) never live in
the file: they come from the environment (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET,
STRIPE_API_BASE).
"""
from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from core.config import Cents
from core.plugins import plugin_config

KINDS = ("day_pass", "half_day_pass", "room_hour", "bundle", "membership")
# What a booking costs is the product of one of these codes (`bookings.product_for`): a desk or
# an office by the day or the half-day, a room by the hour. Each is priced or declared free.
PERIODS = ("day_pass", "half_day_pass", "room_hour")
Period = Literal["day_pass", "half_day_pass", "room_hour"]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Product(_Section):
    """Something sold: a pass, hours of a room, a bundle of days, a monthly membership."""

    kind: Literal["day_pass", "half_day_pass", "room_hour", "bundle", "membership"]
    label_fr: str = Field(min_length=1)
    label_en: str = Field(min_length=1)
    price_cents: Cents = Field(description="excluding VAT")
    reduced_price_cents: Cents | None = None
    vat_rate_bp: int | None = Field(default=None, ge=0, le=10000, strict=True)
    credits: int = Field(default=0, ge=0, description="days given (bundles; memberships per month)")
    valid_months: int = Field(default=12, ge=1)
    unlimited: bool = False  # memberships: no day counting
    network: bool = False  # credits usable at every site, not just the buying one

    @model_validator(mode="after")
    def _bundle_has_credits(self):
        if self.kind == "bundle" and self.credits < 1:
            raise ValueError("a bundle gives at least one credit")
        if self.kind == "membership" and not self.unlimited and self.credits < 1:
            raise ValueError("a membership is unlimited or gives credits each month")
        return self


_PERIOD_NAMES = {"day_pass": "a desk or an office booked for a day (day_pass)",
                 "half_day_pass": "a desk or an office booked for a half-day (half_day_pass)",
                 "room_hour": "a meeting room booked by the hour (room_hour)"}


class SiteOverride(_Section):
    online_payment: bool | None = None
    on_site_payment: bool | None = None
    prices: dict[str, Cents] = {}
    unavailable: list[str] = []
    # Booked without paying at this site, though the territory prices them (see BillingConfig.free).
    free: list[Period] = []


class DiscountCode(_Section):
    percent_off: int = Field(ge=1, le=100)
    max_uses: int | None = Field(default=None, ge=1)
    expires_on: date | None = None
    products: list[str] = []  # empty: every product


class BillingConfig(_Section):
    vat_rate_bp: int = Field(default=2000, ge=0, le=10000, strict=True)  # basis points: 2000 = 20 %
    online_payment: bool = True
    on_site_payment: bool = True
    checkout_minutes: int = Field(default=30, ge=30, le=24 * 60)  # Stripe's own bounds
    refund_policy: Literal["card", "credits"] = "card"
    cancel_notice_hours: int = Field(default=24, ge=0)
    invoice_prefix: str = Field(default="F", pattern=r"^[A-Z]{1,4}$")
    credit_note_prefix: str = Field(default="AV", pattern=r"^[A-Z]{1,4}$")
    products: dict[str, Product] = {}
    sites: dict[str, SiteOverride] = {}
    discount_codes: dict[str, DiscountCode] = {}
    # The booking periods members book without paying anywhere. Every period is either priced
    # (a product of that code) or listed here: a forgotten price must not give bookings away.
    free: list[Period] = []

    @model_validator(mode="after")
    def _overrides_name_products(self):
        for slug, override in self.sites.items():
            for code in list(override.prices) + override.unavailable + override.free:
                if code not in self.products:
                    raise ValueError(f"sites.{slug}: unknown product '{code}'")
        for name, discount in self.discount_codes.items():
            for code in discount.products:
                if code not in self.products:
                    raise ValueError(f"discount_codes.{name}: unknown product '{code}'")
        if self.invoice_prefix == self.credit_note_prefix:
            raise ValueError("invoice_prefix and credit_note_prefix must differ")
        return self

    @model_validator(mode="after")
    def _every_period_priced_or_free(self):
        for code in PERIODS:
            if code not in self.products and code not in self.free:
                raise ValueError(
                    f"no price for {_PERIOD_NAMES[code]}: add [plugins.billing.products.{code}] with its "
                    f"price_cents, or write free = [\"{code}\"] in [plugins.billing] if they cost nothing")
            if code in self.products and code in self.free:
                raise ValueError(f"{code} is both priced (products.{code}) and free: remove one")
        for slug, override in self.sites.items():
            for code in override.unavailable:
                if code in PERIODS and code not in override.free:
                    raise ValueError(
                        f"sites.{slug}: {code} is unavailable there, so {_PERIOD_NAMES[code]} would be free "
                        f"at that site: say it with free = [\"{code}\"] in [plugins.billing.sites.{slug}] "
                        f"instead of unavailable")
        return self


def settings() -> BillingConfig:
    """The checked table of the current app (checked by the core at start-up)."""
    return plugin_config("billing")
