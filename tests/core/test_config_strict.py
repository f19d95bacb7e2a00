"""The territory file is checked strictly and answers in plain words: money in integer cents,
VAT numbers and SIRET by their keys, every booking period priced or declared free."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.config import ConfigError, parse_config

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = (ROOT / "examples" / "territories" / "aveyron-lot-cantal.toml").read_text()


def _start(tmp_path, monkeypatch, text):
    from core import create_app

    monkeypatch.setenv("TIERSLIEUX_INSTANCE", str(tmp_path))
    path = tmp_path / "t.toml"
    path.write_text(text)
    return create_app(path, {"SECRET_KEY": "x"})


def _refused(tmp_path, monkeypatch, old, new) -> str:
    assert old in EXAMPLE
    with pytest.raises(ConfigError) as error:
        _start(tmp_path, monkeypatch, EXAMPLE.replace(old, new, 1))
    return str(error.value)


@pytest.mark.parametrize("old, new, key", [
    ("price_cents = 1250", "price_cents = 12.50", "plugins.billing.products.day_pass.price_cents"),
    ("price_cents = 1250", "price_cents = 10.00", "plugins.billing.products.day_pass.price_cents"),
    ("reduced_price_cents = 800 ", "reduced_price_cents = 8.0 ",
     "plugins.billing.products.day_pass.reduced_price_cents"),
    ("prices = { day_pass = 1000, half_day_pass = 600 }", "prices = { day_pass = 10.00, half_day_pass = 600 }",
     "plugins.billing.sites.montmurat.prices.day_pass"),
])
def test_money_written_with_a_decimal_point_is_refused_not_read_as_cents(tmp_path, monkeypatch, old, new, key):
    message = _refused(tmp_path, monkeypatch, old, new)
    assert f"{key}: must be a whole number of cents, without a decimal point: 1000 for 10.00" in message


def test_a_vat_rate_written_as_a_percentage_with_decimals_is_refused(tmp_path, monkeypatch):
    message = _refused(tmp_path, monkeypatch, "vat_rate_bp = 2000", "vat_rate_bp = 20.0")
    assert "plugins.billing.vat_rate_bp: must be a whole number" in message


@pytest.mark.parametrize("old, new, expected", [
    ('departements = ["12", "46", "15"]', "departements = [19]",
     'territory.departements (1st value): must be text in quotes, e.g. "19" (the file says 19)'),
    ('departements = ["12", "46", "15"]', 'departements = "19"',
     'territory.departements: must be a list in square brackets, e.g. ["19"] (the file says "19")'),
    ('slug = "aurillac-figeac-decazeville"', 'slug = "Aurillac Figeac"',
     'territory.slug: must be lower-case letters, digits and single hyphens'),
    ('default_locale = "fr"', 'default_locale = "de"',
     'territory.default_locale: must be one of "fr" or "en" (the file says "de")'),
    ('postcode = "12000"', 'postcode = "1200"', 'operator.postcode: must be a 5-digit postcode'),
    ('port = 8025', 'port = 80.25', "mail.port: must be a whole number (the file says 80.25)"),
    ('vat_number = "FR44732829320"', 'vat_number = "FR45732829320"',
     "operator.vat_number: 'FR45732829320' is not a valid EU VAT number"),
    ('vat_number = "FR44732829320"', 'vat_number = "FR03552081317"',
     "vat_number FR03552081317 is not the SIREN 732829320's"),
])
def test_mistakes_are_told_in_plain_words_naming_the_key(old, new, expected):
    assert old in EXAMPLE
    with pytest.raises(ConfigError) as error:
        parse_config(EXAMPLE.replace(old, new, 1), "territory.toml")
    message = str(error.value)
    assert expected in message
    for jargon in ("Input should", "type=", "pydantic", "String should match pattern", "^[a-z"):
        assert jargon not in message


def test_a_vat_number_with_spaces_is_kept_compact():
    config = parse_config(EXAMPLE.replace('"FR44732829320"', '"FR 44 732 829 320"'))
    assert config.operator.vat_number == "FR44732829320"


def test_a_period_without_a_price_stops_start_up(tmp_path, monkeypatch):
    """Only the day pass priced: half-days would have been confirmed for free."""
    start = EXAMPLE.index("[plugins.billing.products.half_day_pass]")
    end = EXAMPLE.index("[plugins.billing.products.room_hour]")
    text = EXAMPLE[:start] + EXAMPLE[end:]
    text = text.replace("prices = { day_pass = 1000, half_day_pass = 600 }", "prices = { day_pass = 1000 }")
    with pytest.raises(ConfigError) as error:
        _start(tmp_path, monkeypatch, text)
    message = str(error.value)
    assert "no price for a desk or an office booked for a half-day (half_day_pass)" in message
    assert "[plugins.billing.products.half_day_pass]" in message and 'free = ["half_day_pass"]' in message


def test_a_period_declared_free_starts_and_costs_nothing(tmp_path, monkeypatch):
    start = EXAMPLE.index("[plugins.billing.products.half_day_pass]")
    end = EXAMPLE.index("[plugins.billing.products.room_hour]")
    text = (EXAMPLE[:start] + EXAMPLE[end:]).replace(
        "prices = { day_pass = 1000, half_day_pass = 600 }", "prices = { day_pass = 1000 }").replace(
        "checkout_minutes = 30 ", 'free = ["half_day_pass"]\ncheckout_minutes = 30 ', 1)
    app = _start(tmp_path, monkeypatch, text)
    with app.app_context():
        from core.plugins import plugin_config

        assert plugin_config("billing").free == ["half_day_pass"]


def test_a_period_both_priced_and_free_is_refused(tmp_path, monkeypatch):
    message = _refused(tmp_path, monkeypatch, "checkout_minutes = 30 ", 'free = ["day_pass"]\ncheckout_minutes = 30 ')
    assert "day_pass is both priced" in message


def test_a_period_made_unavailable_at_a_site_must_be_said_free(tmp_path, monkeypatch):
    message = _refused(tmp_path, monkeypatch, 'unavailable = ["membership_unlimited"]',
                       'unavailable = ["membership_unlimited", "half_day_pass"]')
    assert "sites.montmurat: half_day_pass is unavailable there" in message
    assert 'free = ["half_day_pass"] in [plugins.billing.sites.montmurat]' in message
