"""What a product costs at a site: territory defaults, site overrides, reduced prices, codes.

A price is decided here once and copied onto the order, so a later change of configuration
never alters what a member already bought.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import func, select

from core.cache import cached, watch
from core.db import lock_name
from core.extensions import db
from core.plugins import hooks
from plugins.billing.config import Product, settings
from plugins.billing.errors import BillingError
from plugins.billing.models import Order, ReducedRate
from plugins.booking import PriceNote

ROOM_KINDS = ("room", "visio")  # paid by the hour; desks and offices by the (half) day
# The kinds of place each product prices a booking of (bundles and memberships price none).
PRICED_KINDS = {"day_pass": ("desk", "office"), "half_day_pass": ("desk", "office"), "room_hour": ROOM_KINDS}


@dataclass(frozen=True)
class Quote:
    """A unit price for one member at one site, excluding VAT, with its VAT rate."""

    code: str
    product: Product
    unit_cents: int
    vat_rate_bp: int
    reduced: bool = False
    discount_code: str | None = None

    @property
    def label(self) -> str:
        return product_label(self.product)

    @property
    def invoice_label(self) -> str:
        """The name stored on the order and printed on its invoices: in the territory's language
        whoever made the order (a manager reading in English recorded "Day pass" on a French
        member's French invoice)."""
        from flask import current_app

        return product_label(self.product, current_app.config["BABEL_DEFAULT_LOCALE"])


def product_label(product: Product, locale: str | None = None) -> str:
    from flask import current_app, has_request_context

    if locale is None:  # outside a request (webhooks, CLI) the territory's own language
        locale = str(get_locale() or "fr") if has_request_context() else current_app.config["BABEL_DEFAULT_LOCALE"]
    return product.label_en if locale.startswith("en") else product.label_fr


def vat_rate(product: Product) -> int:
    """The VAT rate in basis points; zero under the small-business exemption (art. 293 B)."""
    from flask import current_app

    if current_app.config["TERRITORY"].operator.vat_exempt:
        return 0
    return product.vat_rate_bp if product.vat_rate_bp is not None else settings().vat_rate_bp


def payment_modes(site) -> tuple[bool, bool]:
    """(online, on site): how this site takes payment."""
    conf = settings()
    override = conf.sites.get(site.slug)
    online = override.online_payment if override and override.online_payment is not None else conf.online_payment
    on_site = override.on_site_payment if override and override.on_site_payment is not None else conf.on_site_payment
    return online, on_site


def products_at(site, kinds=None) -> dict[str, Product]:
    conf = settings()
    override = conf.sites.get(site.slug)
    unavailable = set(override.unavailable) | set(override.free) if override else set()
    return {code: p for code, p in conf.products.items()
            if code not in unavailable and (kinds is None or p.kind in kinds)}


watch(ReducedRate, "reduced_rates")


def has_reduced_rate(member_id: int | None) -> bool:
    """Whether the member pays the reduced prices. Every booking and every price shown to a
    member asks, and grants are rare: the few members who have one are kept per process
    (`core.cache`: a grant reaches every worker within `CACHE_CHECK_SECONDS`)."""
    return member_id is not None and member_id in cached(
        "reduced_rates", "members", lambda: frozenset(db.session.scalars(select(ReducedRate.member_id))))


def quote(site, code: str, member_id: int | None = None, discount_code: str | None = None,
          today: date | None = None) -> Quote:
    """The price of `code` at `site` for this member.

    :raises BillingError: unknown product, or a discount code that is unknown, expired, used up
        or not for this product.
    """
    conf = settings()
    product = products_at(site).get(code)
    if product is None:
        raise BillingError(_("This product is not sold at this site."))
    override = conf.sites.get(site.slug)
    unit = override.prices.get(code, product.price_cents) if override else product.price_cents
    reduced = False
    if product.reduced_price_cents is not None and has_reduced_rate(member_id):
        unit, reduced = min(unit, product.reduced_price_cents), True
    applied = None
    if discount_code:
        applied = discount_code.strip().upper()
        unit = _apply_discount(applied, code, unit, today or date.today())
    return Quote(code, product, unit, vat_rate(product), reduced, applied)


def _apply_discount(name: str, product_code: str, unit: int, today: date) -> int:
    discount = {k.upper(): v for k, v in settings().discount_codes.items()}.get(name)
    if discount is None:
        raise BillingError(_("This discount code does not exist."))
    if discount.expires_on and today > discount.expires_on:
        raise BillingError(_("This discount code has expired."))
    if discount.products and product_code not in discount.products:
        raise BillingError(_("This discount code does not apply to this product."))
    if discount.max_uses is not None:
        # Pending orders count too, and they are counted under the code's lock: two members
        # buying at once each counted before the other's order existed, and both got the
        # last use (a buy locks its member only).
        lock_name(f"billing.discount:{name}")
        used = db.session.scalar(select(func.count()).select_from(Order).where(
            Order.discount_code == name, Order.status.in_(("pending", "paid", "refunded"))))
        if used >= discount.max_uses:
            raise BillingError(_("This discount code has been used as many times as allowed."))
    return unit - (unit * discount.percent_off + 50) // 100


class ProductNote(NamedTuple):
    """What a member is told beside a product's price where someone else pays for them."""

    note: PriceNote
    kinds: tuple[str, ...]  # the kinds it pays of those the product prices; () for all of them


def price_notes(site, user) -> dict[str, ProductNote]:
    """By product code, what `user` is told beside its price at `site` where someone else pays the
    bookings it prices (booking's `booking_price_note`, asked once for the whole list, for any
    day); nothing for a visitor."""
    if not getattr(user, "is_authenticated", False):
        return {}
    notes = hooks(site).booking_price_note(member=user, site=site, day=None)
    if not notes:
        return {}
    out = {}
    for code, product in products_at(site).items():
        kinds = PRICED_KINDS.get(product.kind, ())
        paid = tuple(kind for kind in kinds if kind in notes)
        if paid:
            out[code] = ProductNote(notes[paid[0]], () if paid == kinds else paid)
    return out
