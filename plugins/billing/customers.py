"""Who is invoiced, and how prices are shown to them.

Consumers see prices including VAT (TTC) everywhere; a member who gave a company's details
(a business customer) sees the price excluding VAT (HT) beside it, and gets invoices made out
to the company, with its address and SIRET or VAT number.
"""
from __future__ import annotations

from flask import current_app
from flask_babel import gettext as _

from core.accounts.models import User
from core.db import lock_row
from core.extensions import db
from core.ui import money
from plugins.billing.models import Customer
from plugins.billing.vat import vat_of


def customer(member_id: int | None) -> Customer | None:
    return db.session.get(Customer, member_id) if member_id else None


def is_business(member_id: int | None) -> bool:
    return customer(member_id) is not None


def save(member, company_name: str, address: str, postcode: str, city: str, siret: str = "",
         vat_number: str = "") -> Customer:
    """Set (or change) a member's company details; flushed. Invoices already issued keep the
    client they were issued to."""
    lock_row(User, member.id)  # a double click: the second reads the first's row, not "none" (a unique-key 500)
    row = customer(member.id) or Customer(member_id=member.id)
    row.company_name, row.address, row.postcode, row.city = company_name, address, postcode, city
    row.siret, row.vat_number = siret, vat_number
    db.session.add(row)
    db.session.flush()
    return row


def forget(member) -> None:
    row = customer(member.id)
    if row is not None:
        db.session.delete(row)
        db.session.flush()


def client_of(order) -> dict:
    """The client printed on an order's invoices: the company when the member gave one."""
    member = order.member
    client = {"name": order.client_name or (member.display_name if member else ""),
              "email": order.client_email or (member.email if member else ""),
              "address": getattr(member, "home_commune", None) or ""}
    row = customer(order.member_id)
    if row is not None:
        client.update(company=row.company_name, address=f"{row.address}, {row.postcode} {row.city}",
                      siret=row.siret, vat_number=row.vat_number)
    return client


def vat_exempt() -> bool:
    return current_app.config["TERRITORY"].operator.vat_exempt


def price_text(ht_cents: int, vat_rate_bp: int, currency: str | None = None, member_id: int | None = None,
               ttc_cents: int | None = None) -> str:
    """'15,00 € TTC', or '15,00 € TTC (12,50 € HT)' for a business customer; under the VAT
    exemption (art. 293 B) there is no VAT to mention."""
    if vat_exempt():
        return money(ht_cents, currency)
    ttc = ttc_cents if ttc_cents is not None else ht_cents + vat_of(ht_cents, vat_rate_bp)
    if is_business(member_id):
        return _("%(ttc)s incl. VAT (%(ht)s excl. VAT)", ttc=money(ttc, currency), ht=money(ht_cents, currency))
    return _("%(ttc)s incl. VAT", ttc=money(ttc, currency))
