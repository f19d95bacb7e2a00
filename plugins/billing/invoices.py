"""Invoices and credit notes: a gapless number per series, French legal mentions, snapshots.

Numbers come from `billing_invoice_series`, incremented by an UPDATE inside the transaction
that records the payment: the row stays locked until commit, so concurrent payments queue on
it, and a rollback gives the number back. A database sequence would skip numbers on rollback.
"""
from __future__ import annotations

from datetime import date, datetime

from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from core.db import is_unique_violation, utcnow
from core.modules.service import is_enabled
from core.extensions import db
from core.timeutil import utc_to_local
from plugins.billing.config import settings
from plugins.billing.models import Invoice, InvoiceSeries, Order
from plugins.billing.vat import split_ttc, totals


def local_day(instant: datetime, site) -> date:
    """The day an instant falls on where the site is: an invoice's dates are the site's local
    days, never UTC's (00:30 in Paris on the 1st is 22:30 or 23:30 UTC on the day before)."""
    return utc_to_local(instant, site.timezone).date()


def series_of(prefix: str, issued: datetime) -> str:
    """The numbering series of a document issued at `issued`: the prefix and the year where the
    territory is (its invoices form one series a year; at 00:30 in Paris on 1 January, UTC is
    still in the year before)."""
    zone = current_app.config["TERRITORY"].territory.timezone
    return f"{prefix}{utc_to_local(issued, zone).year}"


def next_number(series: str) -> int:
    """Take the next number of `series` in the current transaction."""
    for _attempt in range(2):
        taken = db.session.execute(update(InvoiceSeries).where(InvoiceSeries.series == series)
                                   .values(next_number=InvoiceSeries.next_number + 1)
                                   .returning(InvoiceSeries.next_number)).scalar()
        if taken is not None:
            return taken - 1
        # First document of the series: create its row in a savepoint. When two first
        # payments race, the loser's insert fails on the primary key after the winner
        # commits, and its UPDATE above then takes the next number.
        try:
            with db.session.begin_nested():
                db.session.execute(insert(InvoiceSeries).values(series=series, next_number=1))
        except IntegrityError as exc:
            if not is_unique_violation(exc):
                raise
    raise RuntimeError(f"invoice series {series} could not be numbered")


def _seller() -> dict:
    operator = current_app.config["TERRITORY"].operator
    return {"name": operator.name, "legal_form": operator.legal_form or "", "siren": operator.siren,
            "siret": operator.siret or "", "address": operator.full_address, "vat_number": operator.vat_number,
            "vat_exempt": operator.vat_exempt}


def _client(order: Order) -> dict:
    from plugins.billing.customers import client_of

    return client_of(order)


def _issue(order: Order, kind: str, lines: list[dict], service_date: date, figures: dict | None = None,
           client: dict | None = None, **fields) -> Invoice:
    conf = settings()
    issued = utcnow()
    prefix = conf.invoice_prefix if kind == "invoice" else conf.credit_note_prefix
    series = series_of(prefix, issued)
    number = next_number(series)
    figures = figures or totals(lines)
    invoice = Invoice(
        series=series, number=number, reference=f"{series}-{number:05d}", kind=kind, order_id=order.id,
        member_id=order.member_id, site_id=order.site_id, issued_at=issued, service_date=service_date,
        seller=_seller(), client=client or _client(order), lines=lines, vat_breakdown=figures["breakdown"],
        total_ht_cents=figures["ht_cents"], total_vat_cents=figures["vat_cents"],
        total_ttc_cents=figures["ttc_cents"], currency=order.currency, payment_method=order.method, **fields)
    db.session.add(invoice)
    db.session.flush()
    return invoice


def order_lines(order: Order) -> list[dict]:
    return [{"label": order.label, "quantity": order.quantity, "unit_ht_cents": order.unit_cents,
             "vat_rate_bp": order.vat_rate_bp}]


def issue_invoice(order: Order, service_date: date | None = None, stripe_invoice_id: str | None = None,
                  lines: list[dict] | None = None) -> Invoice:
    """Issue the invoice of a paid order (or of a membership's renewal)."""
    return _issue(order, "invoice", lines or order_lines(order), service_date or local_day(utcnow(), order.site),
                  stripe_invoice_id=stripe_invoice_id)


def issue_credit_note(invoice: Invoice, ttc_cents: int, reason: str, stripe_refund_id: str | None = None,
                      label: str | None = None, rate_bp: int | None = None, whole: bool = False) -> Invoice:
    """A credit note (avoir) for `ttc_cents` of `invoice`: whole lines when it is all of it,
    else one line, its amount excluding VAT derived from `ttc_cents` at the rate.

    :param label: the line credited (one booking of a basket), with its `rate_bp`.
    :param whole: that line is credited in full: its HT amount is the invoice line's.
    """
    figures = None
    if label is None and ttc_cents >= invoice.total_ttc_cents:
        lines = [dict(line) for line in invoice.lines]
    else:
        if rate_bp is None:
            rate_bp = invoice.vat_breakdown[0]["rate_bp"] if invoice.vat_breakdown else 0
        ht, _vat = split_ttc(ttc_cents, rate_bp)
        original = next((line for line in invoice.lines if line["label"] == label), None) if whole else None
        if original is not None and abs(original["unit_ht_cents"] - ht) <= 1:
            ht = original["unit_ht_cents"]
        lines = [{"label": label or invoice.lines[0]["label"], "quantity": 1, "unit_ht_cents": ht,
                  "vat_rate_bp": rate_bp}]
        # Its total is the money given back, to the cent: VAT recomputed on the HT amount made
        # 10,05 EUR refunded a 10,06 EUR credit note (no HT amount gives 10,05 at 20 %), for
        # about one amount in six; the VAT is what is left of the amount once HT is taken out.
        figures = {"breakdown": [{"rate_bp": rate_bp, "ht_cents": ht, "vat_cents": ttc_cents - ht}],
                   "ht_cents": ht, "vat_cents": ttc_cents - ht, "ttc_cents": ttc_cents}
    # The client of the invoice it cancels: the order's copy is blanked once its member is erased.
    return _issue(invoice.order, "credit_note", lines, invoice.service_date, figures, client=dict(invoice.client),
                  credited_invoice_id=invoice.id, reason=note_reason(reason), stripe_refund_id=stripe_refund_id)


# The reasons billing and its sellers give a refund themselves (also kept, as they are, in the
# audit log), as a credit note prints them; a manager's typed reason is printed as written.
NOTE_REASONS = {
    "booking cancelled (member)": _l("booking cancelled by the member"),
    "booking cancelled (account_erased)": _l("booking cancelled: account erased"),
    "booking cancelled (manager)": _l("booking cancelled by the site"),
    "booking cancelled (site_closed)": _l("booking cancelled: the site is closed that day"),
    "booking cancelled (hold_expired)": _l("booking cancelled: payment not completed in time"),
    "booking cancelled (payment_failed)": _l("booking cancelled: payment failed"),
    "booking cancelled (approval_refused)": _l("booking cancelled: not approved by the site"),
    "slot lost before payment": _l("place lost before the payment arrived"),
    "paid after its checkout was closed": _l("paid after its payment page was closed"),
    "membership renewed after it was ended": _l("membership renewed after it was ended"),
    "second membership at the same site": _l("second membership at the same site"),
    "refunded in Stripe": _l("refunded from the payment provider's dashboard"),
    "event cancelled": _l("event cancelled"),
    "registration cancelled": _l("registration cancelled"),
}


def note_reason(reason: str) -> str:
    """A credit note's reason in the territory's language (the document is French whoever
    reads it): billing's own reasons translated, any other as it was written."""
    text = NOTE_REASONS.get(reason)
    if text is None:
        return reason
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return str(text)


def invoice_for_order(order_id: int) -> Invoice | None:
    return db.session.scalar(select(Invoice).where(Invoice.order_id == order_id, Invoice.kind == "invoice")
                             .order_by(Invoice.id))


def visible_invoices(user, query=None):
    """A SELECT of the invoices `user` may see: a member theirs, a manager their sites', an
    administrator all."""
    query = query if query is not None else select(Invoice)
    if user.is_territory_admin:
        return query
    if user.is_site_manager:
        site_ids = [s.id for s in user.managed_sites]
        return query.where((Invoice.site_id.in_(site_ids)) | (Invoice.member_id == user.id))
    return query.where(Invoice.member_id == user.id)


def invoice_by_reference(user, reference: str) -> Invoice | None:
    """The invoice or credit note `user` may read, the page's and the API's alike: their own
    wherever billing is now (legal documents, readable after it was switched off); their sites'
    (staff) only where billing is on, as every other page of a site's billing."""
    invoice = db.session.scalar(visible_invoices(user).where(Invoice.reference == reference))
    if invoice is None or (invoice.member_id != user.id and not is_enabled("billing", invoice.site)):
        return None
    return invoice
