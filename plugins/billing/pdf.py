"""Invoices as HTML and PDF (WeasyPrint), both from one template and one static stylesheet
(`static/invoice.css`: the CSP forbids inline style, and WeasyPrint reads the same file)."""
from __future__ import annotations

from pathlib import Path

from flask import render_template
from flask_babel import force_locale

STYLESHEET = Path(__file__).parent / "static" / "invoice.css"


def invoice_html(invoice, pdf: bool = False) -> str:
    """The standalone document: French legal text first, English alongside, the same for every
    reader. Its dates and amounts are written in French: the French text is the one that binds
    ("Date d'émission : mardi 1 décembre 2026", "15,00 €"; a reader's English gave "Tuesday,
    December 1, 2026" and "€15.00" inside the French wording)."""
    with force_locale("fr"):
        return render_template("billing/invoice_document.html", invoice=invoice, pdf=pdf)


def invoice_pdf(invoice) -> bytes:
    from weasyprint import CSS, HTML

    return HTML(string=invoice_html(invoice, pdf=True)).write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))])
