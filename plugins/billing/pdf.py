"""Invoices as HTML and PDF (WeasyPrint), both from one template."""
from __future__ import annotations

from flask import render_template
from flask_babel import force_locale


def invoice_html(invoice, locale: str = "fr") -> str:
    """The standalone document: French legal text first, the other language alongside."""
    with force_locale(locale):
        return render_template("billing/invoice_document.html", invoice=invoice, locale=locale)


def invoice_pdf(invoice, locale: str = "fr") -> bytes:
    from weasyprint import HTML

    return HTML(string=invoice_html(invoice, locale)).write_pdf()
