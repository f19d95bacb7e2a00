"""The billing plugin: day passes, bundles, memberships, Stripe Checkout, invoices, credits.

Site-scoped: each site takes online payment, payment on site, or both. The hook
implementations here are thin; the rules live in the modules they call.
"""
from __future__ import annotations

from pathlib import Path

from flask_babel import lazy_gettext as _l

from core.hookspecs import hookimpl
from core.plugins import Module
from core.ui import NavItem, Widget

HERE = Path(__file__).resolve().parent

MODULE = Module(
    name="billing",
    label=_l("Payments"),
    description=_l("Day passes, bundles and memberships paid online or on site; invoices and credits."),
    scope="site",
    requires=("booking",),
)


@hookimpl
def add_hookspecs(pluginmanager):
    from plugins.billing import hookspecs

    pluginmanager.add_hookspecs(hookspecs)


@hookimpl
def blueprints():
    from plugins.billing.api import api
    from plugins.billing.views import bp
    from plugins.billing.views_manage import manage

    return [bp, manage, api]


@hookimpl
def migrations_path():
    return str(HERE / "migrations" / "versions")


@hookimpl
def translations_path():
    return str(HERE / "translations")


@hookimpl
def app_started(app):
    from core.extensions import csrf
    from plugins.billing import config, stripe_api
    from plugins.billing.views_webhook import stripe_webhook, webhook

    app.extensions["billing_config"] = config.parse(app.config["TERRITORY"].plugins.get("billing", {}))
    stripe_api.load_settings(app)
    # Outside the module guard (see views_webhook), and the one route without CSRF.
    app.register_blueprint(webhook)
    csrf.exempt(stripe_webhook)


@hookimpl
def nav_items(user):
    if not user.is_authenticated:
        return None
    items = [NavItem(_l("My payments"), "billing.account", order=60)]
    return items


@hookimpl
def dashboard_widgets(user):
    from plugins.billing import credits

    return [Widget(_l("Credits"), "billing/_balance_widget.html", {"balance": credits.balance(user.id)}, order=40)]


@hookimpl
def admin_links(user):
    links = []
    if user.is_territory_admin:
        links.append(NavItem(_l("Revenue"), "billing_manage.territory_revenue", order=60))
    for site in getattr(user, "managed_sites", []):
        links.append(NavItem(_l("Payments at %(site)s", site=site.name), "billing_manage.site_billing",
                             {"site_slug": site.slug}, order=61))
    return links


@hookimpl
def site_page_sections(site, user):
    from plugins.billing.products import products_at, quote

    member_id = user.id if user.is_authenticated else None
    offers = [quote(site, code, member_id) for code in products_at(site)]
    if not offers:
        return None
    return [Widget(_l("Prices"), "billing/_prices_section.html", {"site": site, "offers": offers}, order=30)]


@hookimpl
def openapi_paths():
    from plugins.billing.api import OPENAPI

    return OPENAPI


@hookimpl
def user_data_export(user):
    from plugins.billing import credits
    from plugins.billing.api import invoice_json
    from plugins.billing.models import Invoice

    from core.extensions import db
    from sqlalchemy import select

    invoices = db.session.scalars(select(Invoice).where(Invoice.member_id == user.id)).all()
    return {"billing": {"invoices": [invoice_json(i) for i in invoices],
                        "credits": [{"delta": e.delta, "reason": e.reason, "at": e.created_at.isoformat()}
                                    for e in credits.history(user.id, limit=10_000)]}}


@hookimpl
def user_data_erase(user):
    from plugins.billing.privacy import detach

    detach(user)


@hookimpl
def demo_seeded(sites, users):
    from plugins.billing.demo import seeded

    return seeded(sites, users)


# --------------------------------------------------------------------------------------------
# Booking's hooks. Optional: they are declared by booking's own hookspecs, and billing still
# starts (for tests of its money rules) where booking is not offered.
# --------------------------------------------------------------------------------------------


@hookimpl(optionalhook=True)
def booking_payer(booking):
    from plugins.billing.bookings import payer

    return payer(booking)


@hookimpl(optionalhook=True)
def booking_price(booking):
    from plugins.billing.bookings import price

    return price(booking)


@hookimpl(optionalhook=True)
def booking_payment_url(booking):
    from plugins.billing.bookings import payment_url

    return payment_url(booking)


@hookimpl(optionalhook=True)
def booking_held(booking):
    from plugins.billing.bookings import booking_stored

    booking_stored(booking)


@hookimpl(optionalhook=True)
def booking_confirmed(booking):
    from plugins.billing.bookings import booking_stored

    booking_stored(booking)


@hookimpl(optionalhook=True)
def booking_cancelled(booking, actor, reason):
    from plugins.billing.bookings import booking_cancelled as cancelled

    cancelled(booking, actor, reason)
