"""The base of every form: what no field may hold, checked once for all forms, plugins' included.

Control characters have no place in a single-line field: a resource named
"Poste 6\\nBcc: x@evil" ended up in e-mail headers, where Python refuses it, and every booking
of that resource failed. Multi-line text areas keep tabs and line breaks, nothing else below
0x20. Dates stay within reach of today (year 1 or 9999 overflow every computation on them).
Decimal fields use `DecimalField` below, which reads what French speakers type and refuses what
is not a sensible finite number before any validator sees it.
Every form of the core and of the plugins derives from `Form`; tests/core/test_forms.py checks it.
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import wtforms
from flask_babel import lazy_gettext as _l, ngettext
from flask_wtf import FlaskForm
from wtforms import DateField, StringField, TextAreaField
from wtforms.validators import StopValidation

from core.errors import DomainError
from core.timeutil import YEARS_AWAY, within_reach

# Control characters, and the bidirectional overrides and isolates (U+202A-202E, U+2066-2069):
# nobody types them, and they make a name or a message read otherwise than it is written
# ("Trojan Source"). Arabic or Hebrew text needs none of them; the marks U+200E/U+200F stay allowed.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
SINGLE_LINE_FORBIDDEN = re.compile(f"[\\x00-\\x1f\\x7f{BIDI_CONTROLS}]")
MULTI_LINE_FORBIDDEN = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f{BIDI_CONTROLS}]")


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
        return ngettext("Give a date within %(num)d year of today.", "Give a date within %(num)d years of today.", YEARS_AWAY)
    return None


class DecimalField(wtforms.DecimalField):
    """WTForms' decimal field, for the amounts and numbers of days people type:
    - "12,50" and "1 234,50" are read as 12.50 and 1234.50 (a decimal comma, grouped digits);
    - "NaN", "sNaN", "Infinity" or "1e999999999" parse as decimals, then break the validators and
      the arithmetic (a 500): refused like "abc", and no validator runs on them;
    - no more decimals than `places` (2 by default): a refund of 0,015 € would be cut to 0,01 €.
    """

    INTEGER_DIGITS = 12  # more than any amount, number of days or seats here

    def process_formdata(self, valuelist):
        if valuelist and isinstance(valuelist[0], str):
            valuelist = [re.sub(r"[\s\u00a0\u202f]", "", valuelist[0]).replace(",", ".", 1), *valuelist[1:]]
        super().process_formdata(valuelist)
        if not valuelist or not isinstance(self.data, Decimal):  # nothing sent: the default stands
            return
        if not self.data.is_finite() or self.data.adjusted() >= self.INTEGER_DIGITS:
            self.data = None
            raise ValueError(self.gettext("Not a valid decimal value."))
        if self.places is not None and self.data != self.data.quantize(Decimal(1).scaleb(-self.places)):
            self.data = None
            raise ValueError(ngettext("Give at most %(num)d decimal.", "Give at most %(num)d decimals.", self.places))

    def pre_validate(self, form):
        # Something typed that is no number: nothing more to say, and validators expect one. A
        # blank goes on to the validators, so that `Optional()` can accept it.
        if self.process_errors and self.raw_data and str(self.raw_data[0]).strip():
            raise StopValidation()


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


def refuse(form):
    """Refuse a small form sent from a page that lists many (a decision on one row, a status
    change): its fields' errors, readable, on the refusal page with its way back — not a bare
    400 that says nothing of what to correct. Raises a `DomainError` (422)."""
    from flask_babel import gettext

    problems = [gettext("%(field)s: %(errors)s", field=form[name].label.text, errors=" ".join(map(str, errors)))
                for name, errors in form.errors.items() if name in form]
    raise DomainError(" ".join(problems) or gettext("Some of the data given is not valid."), "invalid_form")
