"""The territory file: the examples load, and a wrong file stops start-up naming the key."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from core.config import ConfigError, load_config, parse_config

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = (ROOT / "examples" / "territories" / "aveyron-lot-cantal.toml").read_text()


@pytest.mark.parametrize("name", ["aveyron-lot-cantal.toml", "blank.toml"])
def test_example_territories_load(name):
    config = load_config(ROOT / "examples" / "territories" / name)
    assert config.territory.default_locale == "fr"


def test_the_experiment_covers_aveyron_lot_and_cantal():
    config = parse_config(EXAMPLE)
    assert config.territory.departements == ["12", "46", "15"]
    assert config.operator.siren == "732829320"


@pytest.mark.parametrize("change, message", [
    (('siren = "732829320"', 'siren = "732829321"'), "operator.siren: must be a valid 9-digit SIREN number"),
    (('siren = "732829320"\n', ''), "operator.siren: missing (required)"),
    (('departements = ["12", "46", "15"]', 'departements = ["12", "99"]'), "'99' is not a French département"),
    (('timezone = "Europe/Paris"', 'timezone = "Europe/Figeac"'), "territory.timezone: unknown time zone"),
    (('name = "Réseau', 'nmae = "Réseau'), "territory.nmae: unknown key"),
    (('vat_number = "FR44732829320"', 'vat_number = "FR44732829320"\nvat_exempt = true'), "not both"),
    (('\nenabled = [', '\nenabled = ["booking-x", '), "enabled modules must also be offered: booking-x"),
    (('default_locale = "fr"', 'default_locale = "de"'), "territory.default_locale"),
])
def test_a_wrong_file_names_the_key_and_what_is_wrong(change, message):
    old, new = change
    assert old in EXAMPLE
    with pytest.raises(ConfigError) as error:
        parse_config(EXAMPLE.replace(old, new, 1), "territory.toml")
    assert message in str(error.value)
    assert str(error.value).startswith("territory.toml:")


def test_broken_toml_is_reported_as_such():
    with pytest.raises(ConfigError, match="not valid TOML"):
        parse_config("[territory\nname=", "x.toml")


def test_missing_file_explains_what_to_do(tmp_path):
    with pytest.raises(ConfigError, match="blank.toml"):
        load_config(tmp_path / "nope.toml")


def test_unknown_plugin_stops_start_up(tmp_path):
    from core import create_app

    path = tmp_path / "t.toml"
    path.write_text(re.sub(r"\noffered = \[", '\noffered = ["no-such-plugin", ', EXAMPLE, count=1))
    with pytest.raises(ConfigError, match="modules.offered: no installed plugin named 'no-such-plugin'"):
        create_app(path, {"SECRET_KEY": "x"})


def test_the_command_prints_the_error_without_a_traceback(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text(EXAMPLE.replace('siren = "732829320"', 'siren = "123"'))
    env = dict(os.environ, TIERSLIEUX_CONFIG=str(path), TIERSLIEUX_INSTANCE=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", "from core.cli import main; main()", "modules", "list"],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert result.returncode != 0
    assert "operator.siren: must be a valid 9-digit SIREN number" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path, monkeypatch):
    from core import create_app

    monkeypatch.setenv("TIERSLIEUX_ENV", "production")
    monkeypatch.setenv("TIERSLIEUX_INSTANCE", str(tmp_path))
    monkeypatch.delenv("TIERSLIEUX_SECRET_KEY", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="TIERSLIEUX_SECRET_KEY"):
        create_app(ROOT / "examples" / "territories" / "aveyron-lot-cantal.toml")


@pytest.mark.parametrize("change, message", [
    (("[plugins.billing]\n", "[plugins.biling]\n"), "plugins.biling: no offered plugin has this name"),
    (("[plugins.billing]\n", "[plugins.billing]\nprise = 3\n"), "plugins.billing.prise: unknown key"),
    (("[plugins.billing]\n", "[plugins.booking]\nslots = 3\n\n[plugins.billing]\n"),
     "plugins.booking: the 'booking' plugin takes no settings"),
    (("vat_rate_bp = 2000", "vat_rate_bp = -1"), "plugins.billing.vat_rate_bp"),
])
def test_a_wrong_plugin_table_stops_start_up_naming_it(tmp_path, monkeypatch, change, message):
    from core import create_app

    monkeypatch.setenv("TIERSLIEUX_INSTANCE", str(tmp_path))
    old, new = change
    assert old in EXAMPLE
    path = tmp_path / "t.toml"
    path.write_text(EXAMPLE.replace(old, new, 1))
    with pytest.raises(ConfigError) as error:
        create_app(path, {"SECRET_KEY": "x"})
    assert message in str(error.value)


def test_a_plugin_reads_its_checked_table_through_the_core(tmp_path, monkeypatch):
    from core import create_app
    from core.plugins import plugin_config
    from plugins.billing.config import BillingConfig

    monkeypatch.setenv("TIERSLIEUX_INSTANCE", str(tmp_path))
    app = create_app(ROOT / "examples" / "territories" / "aveyron-lot-cantal.toml", {"SECRET_KEY": "x"})
    with app.app_context():
        billing = plugin_config("billing")
        assert isinstance(billing, BillingConfig) and billing.vat_rate_bp == 2000
        assert "day_pass" in billing.products
        with pytest.raises(LookupError, match="booking"):
            plugin_config("booking")  # booking declares no settings
