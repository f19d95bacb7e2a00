"""The seller printed on invoices: a territory selling anything names its legal form, full
address and SIRET, or start-up stops naming what is missing."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.config import ConfigError, parse_config

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = (ROOT / "examples" / "territories" / "aveyron-lot-cantal.toml").read_text()


def test_the_example_names_a_complete_seller():
    operator = parse_config(EXAMPLE).operator
    assert (operator.legal_form, operator.siret, operator.postcode, operator.city) == (
        "Syndicat mixte", "73282932000017", "12000", "Rodez")
    assert operator.full_address == "12 avenue Victor Hugo, 12000 Rodez"


@pytest.mark.parametrize("line, key", [
    ('legal_form = "Syndicat mixte"\n', "operator.legal_form"),
    ('siret = "73282932000017"', "operator.siret"),
    ('postcode = "12000"\n', "operator.postcode"),
    ('city = "Rodez"\n', "operator.city"),
])
def test_billing_without_a_complete_seller_stops_start_up(line, key):
    text = "\n".join(row for row in EXAMPLE.splitlines() if not row.startswith(line.strip()[:12]))
    with pytest.raises(ConfigError) as error:
        parse_config(text)
    assert key in str(error.value) and "SIRET" in str(error.value)


def test_a_territory_selling_nothing_may_leave_them_out():
    text = "\n".join(row for row in EXAMPLE.splitlines() if not row.startswith(("legal_form", "siret", "postcode",
                                                                               "city")))
    text = text.replace('"billing", ', "")
    assert '"billing"' not in text
    assert parse_config(text).operator.siret is None


@pytest.mark.parametrize("siret, message", [
    ("73282932000018", "valid 14-digit SIRET"),
    ("7328293200001", "valid 14-digit SIRET"),
    ("55208131766522", "must start with the siren"),  # a valid SIRET of another company
])
def test_a_wrong_siret_is_refused(siret, message):
    with pytest.raises(ConfigError, match=message):
        parse_config(EXAMPLE.replace('"73282932000017"', f'"{siret}"'))
