"""`tierslieux new-plugin`: the skeleton it writes works and passes its own tests at once."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from core.scaffold import new_plugin, register
from tests.core.test_translations import _source_messages

ROOT = Path(__file__).resolve().parents[2]
NAME = "gen_probe"  # not "noticeboard": this project may have generated that one already


@pytest.mark.slow
def test_a_new_plugin_passes_its_own_tests(tmp_path):
    src, tests = tmp_path / "src", tmp_path / "tests"
    result = CliRunner().invoke(new_plugin, [NAME, "--dir", str(src), "--tests", str(tests), "--no-register"])
    assert result.exit_code == 0, result.output
    package = src / NAME
    assert (package / "translations/fr/LC_MESSAGES/messages.mo").exists()
    assert (package / f"migrations/versions/0001_{NAME}.py").exists()

    # Every string it shows has its French translation.
    from babel.messages.pofile import read_po

    with open(package / "translations/fr/LC_MESSAGES/messages.po", "rb") as po:
        translated = {m.id for m in read_po(po) if m.id and m.string}
    assert _source_messages([package]) - translated == set()

    # Offered as an extra plugin, its tables migrated, its tests run with the project's fixtures
    # (SQLite only: a second run must not empty the PostgreSQL database of this one).
    env = {key: value for key, value in os.environ.items() if key != "TEST_DATABASE_URL"}
    env.update(PYTHONPATH=os.pathsep.join([str(src), str(ROOT)]))
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "--rootdir", str(ROOT), "-c", str(ROOT / "setup.cfg"),
                          "-o", f"tierslieux_plugins={NAME}.plugin", str(tests)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "passed" in run.stdout or run.stdout.count(".") >= 7


def test_a_name_is_checked_and_nothing_is_overwritten(tmp_path):
    runner = CliRunner()
    for name in ("Bad-Name", "booking", "api", "class"):
        result = runner.invoke(new_plugin, [name, "--dir", str(tmp_path), "--no-register"])
        assert result.exit_code != 0 and not any(tmp_path.iterdir()), name
    (tmp_path / NAME).mkdir()
    result = runner.invoke(new_plugin, [NAME, "--dir", str(tmp_path), "--tests", str(tmp_path / "t"),
                                        "--no-register"])
    assert result.exit_code != 0 and "already exist" in result.output
    assert not (tmp_path / "t").exists()


def test_registering_adds_the_entry_point_and_offers_it_to_the_tests(tmp_path):
    (tmp_path / "tests").mkdir()
    (tmp_path / "setup.cfg").write_text((ROOT / "setup.cfg").read_text())
    (tmp_path / "tests" / "territory.toml").write_text((ROOT / "tests" / "territory.toml").read_text())
    register(tmp_path, NAME, f"plugins.{NAME}")
    group = (tmp_path / "setup.cfg").read_text().split("tierslieux.plugins =\n")[1].split("\n\n")[0]
    assert "    billing = plugins.billing.plugin\n" in group and "    booking = plugins.booking.plugin" in group
    assert group.endswith(f"    {NAME} = plugins.{NAME}.plugin")
    offered = next(line for line in (tmp_path / "tests" / "territory.toml").read_text().splitlines()
                   if line.startswith("offered = ["))
    assert offered.startswith('offered = ["billing", "booking", ') and f', "{NAME}"]' in offered


def test_registering_outside_a_project_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(new_plugin, [NAME])
    assert result.exit_code != 0 and "setup.cfg" in result.output
    assert not any(tmp_path.iterdir())
