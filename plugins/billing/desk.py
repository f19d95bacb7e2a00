"""Billing's answers to a site manager's desk (booking's hooks): the link to record a booking's
payment taken on site, and the site's revenue between instants for the occupancy figures; the
member a manager names by their address."""
from __future__ import annotations

from bisect import bisect_right

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from core.accounts.models import User
from core.extensions import db
from core.ui import NavItem
from plugins.billing.bookings import pending_order
from plugins.billing.models import Invoice


def member_by_email(email: str) -> User | None:
    """The account a manager means by the address they typed (a payment taken on site, reduced
    prices): None for an unknown one, and for one disabled or erased, as booking's desk answers
    (a disabled account got orders, invoices and reduced prices recorded about it)."""
    member = User.by_email(email or "")
    return member if member is not None and member.is_active else None


def desk_links(booking) -> list[NavItem]:
    """"Record the payment" beside a booking whose order waits to be paid at the desk, or that
    is held for its online payment (the member may pay at the desk instead)."""
    order = pending_order(booking.id) if booking.member_id else None
    held_for_payment = booking.status == "held" and booking.hold_reason == "payment" and booking.member_id
    if held_for_payment and order is None:
        # Booked by the manager for a member who pays: no order yet (the member has not started
        # paying online). The on-site payment form takes it: recording that product for the
        # member confirms this booking (`desk_order`).
        return [NavItem(_l("Record the payment"), "billing_manage.site_billing",
                        {"site_slug": booking.resource.site.slug, "_anchor": "onsite-title"})]
    if order is None or (order.method != "on_site" and not held_for_payment):
        return []
    return [NavItem(_l("Record the payment"), "billing_manage.site_billing",
                    {"site_slug": booking.resource.site.slug, "_anchor": "orders-title"})]


def revenue_between(site, bounds) -> tuple[str, list[int]]:
    """Invoiced amounts excluding VAT (credit notes subtract) between consecutive instants; one
    query reading three columns of the period's invoices."""
    amounts = [0] * (len(bounds) - 1)
    rows = db.session.execute(select(Invoice.issued_at, Invoice.kind, Invoice.total_ht_cents).where(
        Invoice.site_id == site.id, Invoice.issued_at >= bounds[0], Invoice.issued_at < bounds[-1]))
    for issued_at, kind, cents in rows:
        slot = bisect_right(bounds, issued_at) - 1
        amounts[slot] += -cents if kind == "credit_note" else cents
    return current_app.config["TERRITORY"].territory.currency, amounts
