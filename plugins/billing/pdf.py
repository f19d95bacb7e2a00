"""Invoices as HTML and PDF (WeasyPrint), both from one template and one static stylesheet
(`static/invoice.css`: the CSP forbids inline style, and WeasyPrint reads the same file)."""
from __future__ import annotations

from pathlib import Path

from flask import render_template
from flask_babel import force_locale

STYLESHEET = Path(__file__).parent / "static" / "invoice.css"


def invoice_html(invoice, locale: str = "fr", pdf: bool = False) -> str:
    """The standalone document: French legal text first, the other language alongside."""
    with force_locale(locale):
        return render_template("billing/invoice_document.html", invoice=invoice, locale=locale, pdf=pdf)


def invoice_pdf(invoice, locale: str = "fr") -> bytes:
    from weasyprint import CSS, HTML

    return HTML(string=invoice_html(invoice, locale, pdf=True)).write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))])
