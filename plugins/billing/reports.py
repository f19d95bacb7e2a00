"""Revenue by site and month, from the invoices (credit notes subtract), for managers and
the territory's accountant."""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import select

from core.csvexport import csv_text
from core.extensions import db
from plugins.billing.invoices import local_day
from plugins.billing.models import Invoice


def revenue(site_ids=None) -> list[dict]:
    """Rows `{site, month, ht_cents, vat_cents, ttc_cents, invoices, credit_notes}`, newest first."""
    query = select(Invoice).order_by(Invoice.issued_at)
    if site_ids is not None:
        query = query.where(Invoice.site_id.in_(site_ids))
    sums = defaultdict(lambda: {"ht_cents": 0, "vat_cents": 0, "ttc_cents": 0, "invoices": 0, "credit_notes": 0})
    for invoice in db.session.scalars(query):
        # The site's month, as on the invoice: 00:30 in Paris on 1 December is December's.
        row = sums[(invoice.site.name, local_day(invoice.issued_at, invoice.site).strftime("%Y-%m"),
                    invoice.currency)]
        sign = -1 if invoice.kind == "credit_note" else 1
        row["ht_cents"] += sign * invoice.total_ht_cents
        row["vat_cents"] += sign * invoice.total_vat_cents
        row["ttc_cents"] += sign * invoice.total_ttc_cents
        row["credit_notes" if sign < 0 else "invoices"] += 1
    rows = [{"site": site, "month": month, "currency": currency, **values}
            for (site, month, currency), values in sums.items()]
    return sorted(rows, key=lambda r: (r["month"], r["site"]), reverse=True)


def _euros(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


def invoices_csv(site_ids=None) -> str:
    """One line per invoice and credit note, the accountant's usual export (in French: semicolons
    and decimal commas, see core.csvexport)."""
    query = select(Invoice).order_by(Invoice.series, Invoice.number)
    if site_ids is not None:
        query = query.where(Invoice.site_id.in_(site_ids))
    header = ["reference", "kind", "issued_on", "service_date", "site", "client", "payment_method",
              "total_ht", "total_vat", "total_ttc", "currency"]
    rows = []
    for inv in db.session.scalars(query):
        sign = -1 if inv.kind == "credit_note" else 1
        rows.append([inv.reference, inv.kind, local_day(inv.issued_at, inv.site).isoformat(), inv.service_date.isoformat(),
                     inv.site.name, inv.client.get("name", ""), inv.payment_method,
                     _euros(sign * inv.total_ht_cents), _euros(sign * inv.total_vat_cents),
                     _euros(sign * inv.total_ttc_cents), inv.currency])
    return csv_text(header, rows)
