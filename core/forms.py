"""The base of every form: what no field may hold, checked once for all forms, plugins' included.

Control characters have no place in a single-line field: a resource named
"Poste 6\\nBcc: x@evil" ended up in e-mail headers, where Python refuses it, and every booking
of that resource failed. Multi-line text areas keep tabs and line breaks, nothing else below
0x20. Dates stay within reach of today (year 1 or 9999 overflow every computation on them).
Every form of the core and of the plugins derives from `Form`; tests/core/test_forms.py checks it.
"""
from __future__ import annotations

import re
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, StringField, TextAreaField

from core.timeutil import YEARS_AWAY, within_reach

SINGLE_LINE_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f]")
MULTI_LINE_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_control_characters(text: str, multi_line: bool = False) -> bool:
    return bool((MULTI_LINE_FORBIDDEN if multi_line else SINGLE_LINE_FORBIDDEN).search(text))


def field_problem(field) -> str | None:
    """Why a field's value is refused whatever the form, or None."""
    if isinstance(field, StringField) and isinstance(field.data, str):
        multi_line = isinstance(field, TextAreaField)
        if has_control_characters(field.data, multi_line):
            return str(_l("Remove the control characters from this text.") if multi_line else
                       _l("This field must fit on one line, without tabs or control characters."))
    if isinstance(field, DateField) and isinstance(field.data, date) and not within_reach(field.data):
        return str(_l("Give a date within %(years)d years of today.", years=YEARS_AWAY))
    return None


class Form(FlaskForm):
    """FlaskForm, plus the checks every field gets (see the module's docstring)."""

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for field in self:
            problem = field_problem(field)
            if problem:
                field.errors = [*field.errors, problem]
                valid = False
        return valid
