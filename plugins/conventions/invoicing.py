"""A month's statement invoiced to the partner: a number from billing's gapless numbering (its
own series, "<prefix>P<year>"), a PDF carrying its EN 16931 XML (Factur-X, checked by the
`factur-x` library against its schema). Flushes; the caller (a view, a job) commits.
"""
from __future__ import annotations

from datetime import date, timedelta
from xml.sax.saxutils import escape

from flask import current_app, render_template
from flask_babel import force_locale
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from core.db import is_unique_violation, utcnow
from core.extensions import db
from core.jobs import enqueue
from core.timeutil import utc_to_local
from plugins.billing import invoice_prefix, invoice_series, next_invoice_number

from .errors import ConventionError
from .models import Convention, Statement
from .statements import Usage, usage

PAYMENT_DAYS = 30


def statement_of(convention_id: int, month: str) -> Statement | None:
    return db.session.scalar(select(Statement).where(Statement.convention_id == convention_id,
                                                     Statement.month == month))


def issue_statement(convention: Convention, month: str, today: date | None = None) -> Statement:
    """Invoice a past month once (idempotent: the month's statement if it exists).

    :raises ConventionError: the month is not over yet.
    """
    from flask_babel import gettext as _

    existing = statement_of(convention.id, month)
    if existing is not None:
        return existing
    report = usage(convention, month)
    if report.end > (today or date.today()):
        raise ConventionError(_("A month is invoiced once it is over."), "month_not_over", status=409)
    issued = utcnow()
    try:
        # The number and the row in a savepoint: issued at the same moment by the monthly job and
        # an administrator's button, the second finds the month's statement there (the unique
        # month) and its number is given back, so the series keeps no gap.
        with db.session.begin_nested():
            series = invoice_series(f"{invoice_prefix()}P", issued)
            reference = f"{series}-{next_invoice_number(series):05d}"
            statement = Statement(convention_id=convention.id, month=report.month, halfdays=report.halfdays,
                                  total_ht_cents=report.total_ht_cents, total_ttc_cents=report.total_ttc_cents,
                                  invoice_reference=reference, created_at=issued)
            statement.pdf = invoice_pdf(report, reference, utc_to_local(
                issued, current_app.config["TERRITORY"].territory.timezone).date())
            db.session.add(statement)
            db.session.flush()
    except IntegrityError as exc:
        existing = statement_of(convention.id, month) if is_unique_violation(exc) else None
        if existing is None:
            raise
        return existing
    return statement


def _amount(cents: int) -> str:
    return f"{cents / 100:.2f}"


def _address(text: str) -> str:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()] or [""]
    return f"<ram:PostalTradeAddress><ram:LineOne>{escape(lines[0])}</ram:LineOne>" + "".join(
        f"<ram:LineTwo>{escape(line)}</ram:LineTwo>" for line in lines[1:2]) + \
        "<ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress>"


def _party(name: str, legal_id: str, address: str, vat: str | None) -> str:
    scheme = "0009" if len(legal_id) == 14 else "0002"  # SIRET or SIREN
    tax = f'<ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">{escape(vat)}</ram:ID></ram:SpecifiedTaxRegistration>' \
        if vat else ""
    return (f"<ram:Name>{escape(name)}</ram:Name><ram:SpecifiedLegalOrganization>"
            f'<ram:ID schemeID="{scheme}">{escape(legal_id)}</ram:ID></ram:SpecifiedLegalOrganization>'
            f"{_address(address)}{tax}")


def invoice_lines(report: Usage) -> list[tuple[str, str, str, int, int, str]]:
    """(label, quantity, unit code, unit cents, line cents, cost centre) of the invoice: days
    priced per day are grouped by the employees' cost centres (each line carries its centre as
    the buyer's accounting reference, EN 16931 BT-133)."""
    c = report.convention
    if c.price_model == "flat_seat":
        return [(f"Forfait télétravail {report.month} ({c.seats} postes)", str(c.seats), "C62", c.seat_fee_cents,
                 c.seats * c.seat_fee_cents, "")]
    if c.price_model == "prepaid":
        return [(f"Jours de télétravail prépayés utilisés en {report.month}", f"{report.days}", "DAY", 0, 0, "")]
    lines = []
    for centre in sorted({line.cost_centre for line in report.lines}):
        mine = [line for line in report.lines if line.cost_centre == centre]
        suffix = f" — centre de coût {centre}" if centre else ""
        full = [line for line in mine if line.halfdays >= 2]
        half = [line for line in mine if line.halfdays < 2]
        if full:
            lines.append((f"Journées de télétravail {report.month}{suffix}", str(len(full)), "DAY", c.day_rate_cents,
                          sum(line.amount_cents for line in full), centre))
        if half:
            unit = c.half_day_rate_cents or c.day_rate_cents // 2
            lines.append((f"Demi-journées de télétravail {report.month}{suffix}", str(len(half)), "C62", unit,
                          sum(line.amount_cents for line in half), centre))
    return lines or [(f"Télétravail {report.month} : aucun jour", "0", "DAY", c.day_rate_cents, 0, "")]


def _account(centre: str) -> str:
    return (f"<ram:ReceivableSpecifiedTradeAccountingAccount><ram:ID>{escape(centre)}</ram:ID>"
            "</ram:ReceivableSpecifiedTradeAccountingAccount>") if centre else ""


def facturx_xml(report: Usage, reference: str, issued: date) -> bytes:
    """The invoice as EN 16931 Cross Industry Invoice XML."""
    c, partner = report.convention, report.convention.partner
    operator = current_app.config["TERRITORY"].operator
    currency = current_app.config["TERRITORY"].territory.currency
    rate = f"{c.vat_rate_bp / 100:.2f}"
    items = "".join(
        f"<ram:IncludedSupplyChainTradeLineItem><ram:AssociatedDocumentLineDocument><ram:LineID>{i}</ram:LineID>"
        f"</ram:AssociatedDocumentLineDocument><ram:SpecifiedTradeProduct><ram:Name>{escape(label)}</ram:Name>"
        f"</ram:SpecifiedTradeProduct><ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice>"
        f"<ram:ChargeAmount>{_amount(unit)}</ram:ChargeAmount></ram:NetPriceProductTradePrice>"
        f"</ram:SpecifiedLineTradeAgreement><ram:SpecifiedLineTradeDelivery>"
        f'<ram:BilledQuantity unitCode="{code}">{quantity}</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>'
        f"<ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode>"
        f"<ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>{rate}</ram:RateApplicablePercent>"
        f"</ram:ApplicableTradeTax><ram:SpecifiedTradeSettlementLineMonetarySummation>"
        f"<ram:LineTotalAmount>{_amount(total)}</ram:LineTotalAmount>"
        f"</ram:SpecifiedTradeSettlementLineMonetarySummation>{_account(centre)}</ram:SpecifiedLineTradeSettlement>"
        f"</ram:IncludedSupplyChainTradeLineItem>"
        for i, (label, quantity, code, unit, total, centre) in enumerate(invoice_lines(report), start=1))
    buyer_ref = f"<ram:BuyerReference>{escape(partner.chorus_service_code)}</ram:BuyerReference>" \
        if partner.chorus_service_code else ""
    order = (f"<ram:BuyerOrderReferencedDocument><ram:IssuerAssignedID>{escape(partner.engagement_number)}"
             f"</ram:IssuerAssignedID></ram:BuyerOrderReferencedDocument>") if partner.engagement_number else ""
    last_day = report.end - timedelta(days=1)
    due = issued + timedelta(days=PAYMENT_DAYS)
    ht, vat, ttc = report.total_ht_cents, report.vat_cents, report.total_ttc_cents
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" '
        'xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" '
        'xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100" '
        'xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">'
        "<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter>"
        "<ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>"
        "</rsm:ExchangedDocumentContext>"
        f"<rsm:ExchangedDocument><ram:ID>{escape(reference)}</ram:ID><ram:TypeCode>380</ram:TypeCode>"
        f'<ram:IssueDateTime><udt:DateTimeString format="102">{issued:%Y%m%d}</udt:DateTimeString>'
        "</ram:IssueDateTime></rsm:ExchangedDocument>"
        f"<rsm:SupplyChainTradeTransaction>{items}"
        f"<ram:ApplicableHeaderTradeAgreement>{buyer_ref}"
        f"<ram:SellerTradeParty>{_party(operator.name, operator.siren, operator.address, operator.vat_number)}"
        f"</ram:SellerTradeParty>"
        f"<ram:BuyerTradeParty>{_party(partner.name, partner.siret, partner.address, partner.vat_number)}"
        f"</ram:BuyerTradeParty>{order}"
        f"<ram:ContractReferencedDocument><ram:IssuerAssignedID>{escape(c.reference)}</ram:IssuerAssignedID>"
        "</ram:ContractReferencedDocument></ram:ApplicableHeaderTradeAgreement>"
        "<ram:ApplicableHeaderTradeDelivery/>"
        f"<ram:ApplicableHeaderTradeSettlement><ram:InvoiceCurrencyCode>{currency}</ram:InvoiceCurrencyCode>"
        f"<ram:ApplicableTradeTax><ram:CalculatedAmount>{_amount(vat)}</ram:CalculatedAmount>"
        f"<ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount>{_amount(ht)}</ram:BasisAmount>"
        f"<ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>{rate}</ram:RateApplicablePercent>"
        "</ram:ApplicableTradeTax>"
        f'<ram:BillingSpecifiedPeriod><ram:StartDateTime><udt:DateTimeString format="102">{report.start:%Y%m%d}'
        f'</udt:DateTimeString></ram:StartDateTime><ram:EndDateTime><udt:DateTimeString format="102">'
        f"{last_day:%Y%m%d}</udt:DateTimeString></ram:EndDateTime></ram:BillingSpecifiedPeriod>"
        f'<ram:SpecifiedTradePaymentTerms><ram:DueDateDateTime><udt:DateTimeString format="102">{due:%Y%m%d}'
        "</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>"
        "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>"
        f"<ram:LineTotalAmount>{_amount(ht)}</ram:LineTotalAmount>"
        f"<ram:TaxBasisTotalAmount>{_amount(ht)}</ram:TaxBasisTotalAmount>"
        f'<ram:TaxTotalAmount currencyID="{currency}">{_amount(vat)}</ram:TaxTotalAmount>'
        f"<ram:GrandTotalAmount>{_amount(ttc)}</ram:GrandTotalAmount>"
        f"<ram:DuePayableAmount>{_amount(ttc)}</ram:DuePayableAmount>"
        "</ram:SpecifiedTradeSettlementHeaderMonetarySummation></ram:ApplicableHeaderTradeSettlement>"
        "</rsm:SupplyChainTradeTransaction></rsm:CrossIndustryInvoice>")
    return xml.encode("utf-8")


def invoice_pdf(report: Usage, reference: str, issued: date) -> bytes:
    """The invoice's PDF (French), with its Factur-X XML embedded and checked (EN 16931 schema)."""
    from facturx import generate_from_binary
    from weasyprint import HTML

    operator = current_app.config["TERRITORY"].operator
    with force_locale("fr"):
        html = render_template("conventions/invoice_document.html", report=report, reference=reference,
                               issued=issued, operator=operator, lines=invoice_lines(report),
                               due=issued + timedelta(days=PAYMENT_DAYS))
    pdf = HTML(string=html).write_pdf(pdf_variant="pdf/a-3b")
    return generate_from_binary(pdf, facturx_xml(report, reference, issued), flavor="factur-x", level="en16931",
                                check_xsd=True, check_schematron=False)


STATEMENT_JOB = "conventions.statement"


def issue_month(month: str, today: date | None = None) -> list[str]:
    """The monthly job's work: one job per convention active during the past month, each
    issuing its statement in a transaction of its own (keyed: once per convention and month).
    A few hundred conventions, each a PDF and a Factur-X check of about a second, would not fit
    in one job's lease, and one failing would hold back every other's invoice."""
    queued = []
    report_start = date(int(month[:4]), int(month[5:7]), 1)
    report_end = (report_start + timedelta(days=31)).replace(day=1) - timedelta(days=1)
    for convention in db.session.scalars(select(Convention).where(Convention.status.in_(
            ("active", "expired", "terminated"))).order_by(Convention.id)):
        if convention.starts_on > report_end or convention.ends_on < report_start:
            continue
        enqueue(STATEMENT_JOB, key=f"{STATEMENT_JOB}:{convention.id}:{month}", convention_id=convention.id,
                month=month, today=(today or date.today()).isoformat())
        queued.append(f"{convention.reference} {month}")
    return queued


def statement_job(convention_id: int, month: str, today: str) -> None:
    """The "conventions.statement" job: one convention's statement for a past month."""
    convention = db.session.get(Convention, convention_id)
    if convention is not None:
        issue_statement(convention, month, date.fromisoformat(today))
