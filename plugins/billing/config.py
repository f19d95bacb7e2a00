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

from core.plugins import plugin_config

KINDS = ("day_pass", "half_day_pass", "room_hour", "bundle", "membership")


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Product(_Section):
    """Something sold: a pass, hours of a room, a bundle of days, a monthly membership."""

    kind: Literal["day_pass", "half_day_pass", "room_hour", "bundle", "membership"]
    label_fr: str = Field(min_length=1)
    label_en: str = Field(min_length=1)
    price_cents: int = Field(ge=0, description="excluding VAT")
    reduced_price_cents: int | None = Field(default=None, ge=0)
    vat_rate_bp: int | None = Field(default=None, ge=0, le=10000)
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


class SiteOverride(_Section):
    online_payment: bool | None = None
    on_site_payment: bool | None = None
    prices: dict[str, int] = {}
    unavailable: list[str] = []


class DiscountCode(_Section):
    percent_off: int = Field(ge=1, le=100)
    max_uses: int | None = Field(default=None, ge=1)
    expires_on: date | None = None
    products: list[str] = []  # empty: every product


class BillingConfig(_Section):
    vat_rate_bp: int = Field(default=2000, ge=0, le=10000)
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

    @model_validator(mode="after")
    def _overrides_name_products(self):
        for slug, override in self.sites.items():
            for code in list(override.prices) + override.unavailable:
                if code not in self.products:
                    raise ValueError(f"sites.{slug}: unknown product '{code}'")
        for name, discount in self.discount_codes.items():
            for code in discount.products:
                if code not in self.products:
                    raise ValueError(f"discount_codes.{name}: unknown product '{code}'")
        if self.invoice_prefix == self.credit_note_prefix:
            raise ValueError("invoice_prefix and credit_note_prefix must differ")
        return self


def settings() -> BillingConfig:
    """The checked table of the current app (checked by the core at start-up)."""
    return plugin_config("billing")
