"""The billing plugin: day passes, bundles, memberships, Stripe Checkout, invoices, credits.

Site-scoped: each site takes online payment, payment on site, or both. The hook
implementations here are thin; the rules live in the modules they call. Migrations,
translations, templates and hookspecs are found by the core in this package's folder.
"""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from core.extensions import csrf, db
from core.hookspecs import hookimpl
from core.ops import Gauge
from core.plugins import Module
from core.ui import NavItem, Widget
from plugins.billing import bookings, credits, customers, demo, desk, fulfilment, privacy, refunds, stripe_api
from plugins.billing.api import OPENAPI, api, invoice_json
from plugins.billing.bookings import owing
from plugins.billing.config import BillingConfig
from plugins.billing.models import Invoice, Order, ReducedRate, Subscription
from plugins.billing.products import price_notes, products_at, quote
from plugins.billing.views import bp
from plugins.billing.views_manage import manage
from plugins.billing.views_webhook import stripe_webhook, webhook

MODULE = Module(
    name="billing",
    label=_l("Payments"),
    description=_l("Day passes, bundles and memberships paid online or on site; invoices and credits."),
    scope="site",
    requires=("booking",),
    config=BillingConfig,  # the [plugins.billing] table
)


@hookimpl
def blueprints():
    return [bp, manage, api]


@hookimpl
def app_started(app):
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
    return [Widget(_l("Credits"), "billing/_balance_widget.html",
                   {"held": credits.held_words(credits.held(user.id))}, order=40)]


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
    member_id = user.id if user.is_authenticated else None
    offers = [quote(site, code, member_id) for code in products_at(site)]
    if not offers:
        return None
    return [Widget(_l("Prices"), "billing/_prices_section.html",
                   {"site": site, "offers": offers, "notes": price_notes(site, user)}, order=30)]


@hookimpl
def openapi_paths():
    return OPENAPI


@hookimpl
def user_data_export(user):
    invoices = db.session.scalars(select(Invoice).where(Invoice.member_id == user.id)).all()
    orders = db.session.scalars(select(Order).where(Order.member_id == user.id).order_by(Order.id)).all()
    memberships = db.session.scalars(select(Subscription).where(Subscription.member_id == user.id)
                                     .order_by(Subscription.id)).all()
    reduced = db.session.get(ReducedRate, user.id)
    company = customers.customer(user.id)
    return {"billing": {"company": None if company is None else {
                            "name": company.company_name, "address": company.address, "postcode": company.postcode,
                            "city": company.city, "siret": company.siret, "vat_number": company.vat_number},
                        "invoices": [invoice_json(i) for i in invoices],
                        "orders": [{"id": o.id, "site": o.site.slug, "product": o.product_code, "label": o.label,
                                    "quantity": o.quantity, "total_cents": o.total_cents, "currency": o.currency,
                                    "status": o.status, "method": o.method, "refunded_cents": o.refunded_cents,
                                    "client_name": o.client_name, "client_email": o.client_email,
                                    "created_at": o.created_at.isoformat(),
                                    "paid_at": o.paid_at.isoformat() if o.paid_at else None} for o in orders],
                        "memberships": [{"site": s.site_id, "product": s.product_code, "status": s.status,
                                         "cancel_at_period_end": s.cancel_at_period_end,
                                         "current_period_end": s.current_period_end.isoformat()
                                         if s.current_period_end else None} for s in memberships],
                        "reduced_prices": None if reduced is None else {
                            "category": reduced.category, "granted_at": reduced.granted_at.isoformat()},
                        "credits": [{"delta": e.delta, "reason": e.reason, "at": e.created_at.isoformat(),
                                     "product": e.product_code}
                                    for e in credits.history(user.id, limit=10_000)]}}


@hookimpl
def user_data_erase(user):
    privacy.erase(user)


@hookimpl
def demo_seeded(sites, users):
    return demo.seeded(sites, users)


@hookimpl
def job_handlers():
    return {refunds.REFUND_JOB: refunds.refund_card, bookings.EXPIRE_SESSION_JOB: bookings.expire_session,
            fulfilment.INVOICE_MAIL_JOB: fulfilment.mail_invoice, fulfilment.FULFIL_JOB: fulfilment.fulfil_session,
            privacy.CANCEL_SUBSCRIPTION_JOB: privacy.cancel_subscription}


# --------------------------------------------------------------------------------------------
# Booking's hooks (billing requires booking). Asking hooks write nothing; acting hooks run in
# booking's transaction and may refuse the booking by raising booking's `Refused`.
# --------------------------------------------------------------------------------------------


@hookimpl
def booking_payer(booking):
    return bookings.payer(booking)


@hookimpl
def booking_price(booking):
    return bookings.price(booking)


@hookimpl
def booking_payment_url(booking):
    return bookings.payment_url(booking)


@hookimpl
def module_switch_off_impact(module, site):
    refunded = _("A booking already paid and cancelled later is still refunded, by the usual rules.")
    if module == MODULE.name:  # booking's cancellations settle whatever the switches
        return [_("Members still read their own invoices."), refunded]
    if module == "booking":  # billing goes off with it; booking's cancellations still settle
        return [refunded]
    return None


@hookimpl
def booking_amount_due(booking):
    return bookings.amount_due(booking)


@hookimpl
def booking_owing(bookings):  # the argument's name is the hook's: the module is reached by another
    return owing(bookings)


@hookimpl
def booking_refund_preview(booking, reason):
    return refunds.refund_preview(booking, reason)


@hookimpl
def booking_held(booking):
    bookings.reserve(booking)


@hookimpl
def booking_confirmed(booking):
    bookings.reserve(booking)


@hookimpl
def booking_cancelled(booking, actor, reason):
    bookings.booking_cancelled(booking, actor, reason)


@hookimpl
def booking_desk_links(booking):
    return desk.desk_links(booking)


@hookimpl
def booking_manage_links(site):
    return [NavItem(_l("Payments"), "billing_manage.site_billing", {"site_slug": site.slug})]


@hookimpl
def booking_revenue(site, bounds):
    return desk.revenue_between(site, bounds)


@hookimpl
def metrics():
    """Payments (paid or later refunded orders) by method, counted and summed, for /metrics."""
    rows = db.session.execute(select(Order.method, func.count(), func.coalesce(func.sum(Order.total_cents), 0))
                              .where(Order.status.in_(("paid", "refunded"))).group_by(Order.method)).all()
    return [Gauge("payments", "Orders paid, by method", ("method",), {(m,): n for m, n, _ in rows}),
            Gauge("payments_cents", "Amount paid including VAT, in cents, by method", ("method",),
                  {(m,): cents for m, _, cents in rows})]
