"""Every form refuses control characters in single-line fields and dates out of reach."""
from __future__ import annotations

import importlib
import pkgutil

import pytest

from flask_wtf import FlaskForm

import core
import plugins
from core.forms import Form


def _all_forms():
    for package in (core, plugins):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith(".forms"):
                importlib.import_module(info.name)
    found, todo = [], list(FlaskForm.__subclasses__())
    while todo:
        form = todo.pop()
        todo.extend(form.__subclasses__())
        if form.__module__.startswith(("core.", "plugins.")) and form is not Form:
            found.append(form)
    return found


def test_every_form_of_the_core_and_the_plugins_derives_from_the_core_form():
    forms = _all_forms()
    assert len(forms) > 20
    assert [f.__name__ for f in forms if not issubclass(f, Form)] == []


def test_a_display_name_with_a_control_character_is_refused_at_sign_up(client, mailbox):
    for name in ("Camille\tMartin", "Camille\r\nBcc: x@evil", "Camille\x1bMartin"):
        response = client.post("/signup", data={"display_name": name, "email": "new@example.org",
                                                "password": "a long enough password",
                                                "confirm": "a long enough password"},
                               headers={"Accept-Language": "fr"})
        assert response.status_code == 400
        assert "doit tenir sur une ligne" in response.get_data(as_text=True)
    assert mailbox.messages == []


def test_a_closure_far_away_is_refused(app, client, auth, make_site, make_user):
    make_site("figeac")
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    response = client.post("/sites/figeac/closures", data={"starts_on": "9999-12-01", "ends_on": "9999-12-31",
                                                           "reason": "Fin du monde"})
    assert response.status_code == 400 and "Fin du monde" in response.get_data(as_text=True)  # kept as typed
    client.post("/sites/figeac/closures", data={"starts_on": "2030-08-01", "ends_on": "2030-08-15", "reason": "Été"})
    with app.app_context():
        from core.sites.service import site_by_slug

        assert [c.reason for c in site_by_slug("figeac").closures] == ["Été"]


@pytest.mark.parametrize("typed,value", [("12,50", "12.50"), ("1 234,5", "1234.5"), ("1\u202f234,50", "1234.50"),
                                         ("-0", "0"), ("7", "7"), ("", None), ("  ", None)])
def test_decimal_fields_read_what_french_speakers_type(app, typed, value):
    from decimal import Decimal

    valid, form = _decimal_form(app, typed)  # its field is Optional(): a blank is no amount
    assert valid and form.amount.data == (None if value is None else Decimal(value))


@pytest.mark.parametrize("typed", ["NaN", "sNaN", "Infinity", "-inf", "1e999999999", "1E+12", "abc", "1,2,3",
                                   "0,015", "1E-30"])
def test_decimal_fields_refuse_what_is_not_a_sensible_amount_before_any_validator(app, typed):
    valid, form = _decimal_form(app, typed)
    assert not valid and form.amount.data is None and form.amount.errors  # and no validator crashed on it


def _decimal_form(app, typed):
    from wtforms.validators import NumberRange, Optional

    from core.forms import DecimalField, Form

    class Refund(Form):
        amount = DecimalField("amount", places=2, validators=[Optional(), NumberRange(min=0)])

    with app.test_request_context("/", method="POST", data={"amount": typed}):
        form = Refund(meta={"csrf": False})
        return form.validate(), form


@pytest.mark.parametrize("text,single,multi", [
    ("Salle Champollion", True, True), ("عربي et français", True, True), ("a\u200fb", True, True),
    ("Ligne 1\nLigne 2", False, True), ("Facture \u202egnp.exe", False, False), ("\u2066isolé\u2069", False, False),
])
def test_bidirectional_overrides_are_refused_like_control_characters(text, single, multi):
    from core.forms import has_control_characters

    assert (not has_control_characters(text), not has_control_characters(text, multi_line=True)) == (single, multi)
