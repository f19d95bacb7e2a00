"""A territory runs the platform alone: `territory init`, `sites import`, `check`, a CLI that
explains instead of printing tracebacks, and a production install without test tools."""
from __future__ import annotations

import configparser
import csv
import io
import os
import re
import subprocess
import sys
import threading
from datetime import timedelta
from importlib.metadata import requires
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select, update

from core.cli import cli
from core.db import utcnow
from core.extensions import db
from core.sites.models import Site

ROOT = Path(__file__).resolve().parents[2]
TEST_TERRITORY = (ROOT / "tests" / "territory.toml").read_text()
CORREZE = ["--name", "Réseau des tiers-lieux de Corrèze", "--departements", "19",
           "--operator-name", "Syndicat mixte Corrèze Numérique", "--legal-form", "Syndicat mixte",
           "--address", "9 rue René et Émile Fage", "--postcode", "19000", "--city", "Tulle",
           "--siret", "732 829 320 00017", "--vat-number", "FR44732829320", "--contact-email",
           "contact@correze.example.fr", "--locales", "fr,en", "--modules", "billing,booking",
           "--day-pass", "12", "--half-day-pass", "7.50", "--room-hour", "0"]
TEST_TOOLS = {"playwright", "hypothesis", "pytest", "pytest-xdist", "aiosmtpd", "schemathesis", "ruff",
              "axe-playwright-python", "openapi-spec-validator", "tomli-w"}


def _run(*args, env=None, cwd=ROOT):
    command = [sys.executable, "-c", "from core.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


# --------------------------------------------------------------------------------------------
# territory init
# --------------------------------------------------------------------------------------------


def test_territory_init_for_correze_writes_a_file_that_starts(tmp_path, monkeypatch):
    from core import create_app
    from core.plugins import plugin_config

    path = tmp_path / "correze.toml"
    result = CliRunner().invoke(cli, ["territory", "init", *CORREZE, "--output", str(path)], input="")
    assert result.exit_code == 0, result.output
    monkeypatch.setenv("TIERSLIEUX_INSTANCE", str(tmp_path))
    app = create_app(path, {"SECRET_KEY": "x"})
    territory = app.config["TERRITORY"]
    assert territory.territory.departements == ["19"]
    assert (territory.operator.siren, territory.operator.siret) == ("732829320", "73282932000017")
    assert territory.modules.enabled == ["billing", "booking"]
    with app.app_context():
        billing = plugin_config("billing")
        assert billing.products["day_pass"].price_cents == 1200
        assert billing.products["half_day_pass"].price_cents == 750
        assert billing.free == ["room_hour"]
    assert "19 Corrèze" in path.read_text(encoding="utf-8")


def test_territory_init_asks_again_until_an_answer_is_right(tmp_path):
    path = tmp_path / "t.toml"
    answers = ["Réseau test", "99", "19", "Opérateur", "Association loi 1901", "1 rue", "1900", "19000", "Tulle",
               "73282932000018", "73282932000017", "FR45732829320", "", "", "fr", "booking"]
    result = CliRunner().invoke(cli, ["territory", "init", "--output", str(path)], input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "'99' is not a département code" in result.output and "'1900' is not a postcode" in result.output
    assert "'73282932000018' is not a valid SIRET" in result.output
    assert "'FR45732829320' is not a valid EU VAT number" in result.output
    text = path.read_text(encoding="utf-8")
    assert 'departements = ["19"]' in text and "vat_exempt = true" in text and 'offered = ["booking"]' in text


def test_territory_init_writes_nothing_over_an_existing_file(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text("keep me")
    result = CliRunner().invoke(cli, ["territory", "init", *CORREZE, "--output", str(path)])
    assert result.exit_code != 0 and "exists" in result.output
    assert path.read_text() == "keep me"


# --------------------------------------------------------------------------------------------
# sites import
# --------------------------------------------------------------------------------------------

GOOD = ("slug;name;insee;address;postcode;kind;mon;tue;wed;thu;fri;sat;sun;amenities;desks;rooms\n"
        "tulle;Tiers-lieu de Tulle;19272;2 quai de Rome;19000;telecentre;08:30-12:30, 13:30-18:00;"
        "08:30-18:00;08:30-18:00;08:30-18:00;08:30-17:00;;;wifi coffee;6;1\n"
        "ussel;Espace Ussel;19275;3 avenue Carnot;19200;coworking;09:00-17:00;09:00-17:00;;;;;;;2;\n"
        "brive;La Brive numérique;19031;1 rue Toulzac;19100;telecentre;09:00-18:00;;;;;;;parking;4;2\n")


def _import(runner, tmp_path, text, name="sites.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return runner.invoke(args=["sites", "import", str(path)])


def _sites(app):
    with app.app_context():
        return {s.slug: s for s in db.session.scalars(select(Site)).all()}


def test_one_bad_row_loads_nothing_and_names_its_line_and_reason(app, runner, tmp_path):
    bad = GOOD.replace("19275;3 avenue Carnot;19200", "19999;3 avenue Carnot;192")
    result = _import(runner, tmp_path, bad)
    assert result.exit_code != 0
    assert "1 bad row(s); nothing was loaded" in result.output
    assert "line 3: insee '19999' is not a commune's INSEE code" in result.output
    assert "postcode '192' must be 5 digits" in result.output
    assert _sites(app) == {}


def test_a_good_file_loads_every_site_with_its_commune_hours_desks_and_rooms(app, runner, tmp_path):
    from plugins.booking.resources import resources_of

    result = _import(runner, tmp_path, "\ufeff" + GOOD)  # a spreadsheet's "CSV UTF-8" has a BOM
    assert result.exit_code == 0, result.output
    assert "3 site(s) created, 0 updated" in result.output
    sites = _sites(app)
    assert sorted(sites) == ["brive", "tulle", "ussel"]
    with app.app_context():
        tulle = db.session.get(Site, sites["tulle"].id)
        assert (tulle.commune, tulle.departement) == ("Tulle", "19")
        assert abs(tulle.latitude - 45.27) < 0.05 and abs(tulle.longitude - 1.76) < 0.05
        assert tulle.amenities == ["wifi", "coffee"]
        monday = [(h.opens.strftime("%H:%M"), h.closes.strftime("%H:%M")) for h in tulle.opening_hours if h.weekday == 0]
        assert monday == [("08:30", "12:30"), ("13:30", "18:00")]
        assert not [h for h in tulle.opening_hours if h.weekday >= 5]
        kinds = sorted(r.kind for r in resources_of(tulle))
        assert kinds == ["desk"] * 6 + ["room"]


def test_importing_again_updates_by_slug_and_duplicates_nothing(app, runner, tmp_path):
    from plugins.booking.resources import resources_of

    assert _import(runner, tmp_path, GOOD).exit_code == 0
    changed = GOOD.replace("Tiers-lieu de Tulle", "Tiers-lieu de Tulle centre")
    out = io.StringIO()
    csv.writer(out).writerows(csv.reader(io.StringIO(changed), delimiter=";"))  # comma-separated, quoted
    assert '"08:30-12:30, 13:30-18:00"' in out.getvalue()
    result = _import(runner, tmp_path, out.getvalue(), name="again.csv")
    assert result.exit_code == 0, result.output
    assert "0 site(s) created, 3 updated" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Site)) == 3
        tulle = db.session.scalar(select(Site).where(Site.slug == "tulle"))
        assert tulle.name == "Tiers-lieu de Tulle centre"
        assert len(resources_of(tulle)) == 7


def test_a_header_mistake_and_a_non_utf8_file_are_explained(app, runner, tmp_path):
    result = _import(runner, tmp_path, GOOD.replace("insee", "commune", 1))
    assert result.exit_code != 0
    assert "missing column(s): insee" in result.output and "unknown column(s): commune" in result.output
    result = _import(runner, tmp_path, GOOD.replace("Brive numérique", "Brive numérique"), encoding="latin-1")
    assert result.exit_code != 0 and "not UTF-8" in result.output
    assert _sites(app) == {}


def test_duplicate_slugs_in_one_file_are_refused(app, runner, tmp_path):
    result = _import(runner, tmp_path, GOOD.replace("ussel;Espace", "tulle;Espace"))
    assert result.exit_code != 0 and "line 3: slug 'tulle' is already on line 2" in result.output
    assert _sites(app) == {}


# --------------------------------------------------------------------------------------------
# check
# --------------------------------------------------------------------------------------------


def _territory_file(tmp_path, mail_port: int, mail_host="127.0.0.1") -> Path:
    path = tmp_path / "territory.toml"
    text = re.sub(r"\[mail\]\nserver = \"[^\"]*\"\nport = \d+", f'[mail]\nserver = "{mail_host}"\nport = {mail_port}',
                  TEST_TERRITORY)
    assert f"port = {mail_port}" in text
    path.write_text(text, encoding="utf-8")
    return path


def _check(tmp_path, database_url, mail_port, **env):
    environment = {"TIERSLIEUX_CONFIG": str(_territory_file(tmp_path, mail_port)), "DATABASE_URL": database_url,
                   "TIERSLIEUX_INSTANCE": str(tmp_path / "instance"), "TIERSLIEUX_ENV": "development",
                   "STRIPE_SECRET_KEY": None, "STRIPE_WEBHOOK_SECRET": None, "TIERSLIEUX_PUBLIC_URL": None, **env}
    return CliRunner().invoke(cli, ["check"], env=environment)


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once the probe is closed


def test_check_passes_with_a_database_at_head_and_a_real_smtp_server(app, database_url, smtp_server, tmp_path):
    result = _check(tmp_path, database_url, smtp_server.port)
    assert result.exit_code == 0, result.output
    assert "ok    database: connected" in result.output and "migrations at their latest revision" in result.output
    assert f"ok    mail: the SMTP server 127.0.0.1:{smtp_server.port} answers" in result.output
    assert "warn  payments: no STRIPE_SECRET_KEY" in result.output
    # No worker has run yet on this new database: said, not failed (a warning).
    assert "warn  workers: no worker has run on this database yet" in result.output
    assert result.output.rstrip().endswith("Ready.")


def test_check_fails_naming_an_smtp_server_that_does_not_answer(app, database_url, tmp_path):
    port = _closed_port()
    result = _check(tmp_path, database_url, port)
    assert result.exit_code == 1
    assert f"FAIL  mail: cannot talk to the SMTP server 127.0.0.1:{port}" in result.output
    assert "1 problem(s) to fix." in result.output


def test_check_fails_on_a_database_not_migrated_and_on_an_unreachable_one(tmp_path, smtp_server):
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    result = _check(tmp_path, empty, smtp_server.port)
    assert result.exit_code == 1 and "run `tierslieux db upgrade`" in result.output
    result = _check(tmp_path, f"postgresql://nobody:secret@127.0.0.1:{_closed_port()}/x", smtp_server.port)
    assert result.exit_code == 1 and "FAIL  database: cannot open the database" in result.output
    assert "secret" not in result.output
    result = _check(tmp_path, "not a url", smtp_server.port)
    assert result.exit_code == 1 and "FAIL  database: cannot open the database not a url" in result.output


def test_check_sees_that_no_worker_runs(app, database_url, smtp_server, tmp_path):
    from core.jobs import enqueue

    app.config["JOBS_RUN"] = "worker"  # as in production: nothing runs it but a worker
    with app.app_context():
        enqueue("mail.send", run_at=utcnow() - timedelta(minutes=25), message_id=0)
        db.session.commit()
    result = _check(tmp_path, database_url, smtp_server.port)
    assert result.exit_code == 1
    assert "FAIL  workers: a job has been due for 25 minutes: no worker is running" in result.output


def test_check_judges_workers_by_their_heartbeat(app, database_url, smtp_server, tmp_path):
    from core.jobs.runner import heartbeat
    from core.jobs.models import WorkerBeat

    with app.app_context():
        heartbeat("host:1")  # what a running worker does every few seconds
    result = _check(tmp_path, database_url, smtp_server.port)
    assert result.exit_code == 0, result.output
    assert "ok    workers: a worker looked at the queue" in result.output
    with app.app_context():  # the worker stopped 20 minutes ago
        db.session.execute(update(WorkerBeat).values(beat_at=utcnow() - timedelta(minutes=20)))
        db.session.commit()
    result = _check(tmp_path, database_url, smtp_server.port)
    assert result.exit_code == 1
    assert "FAIL  workers: no worker seen for 20 minutes" in result.output
    # Jobs run by the web process itself (the demo's thread): no worker is needed.
    result = _check(tmp_path, database_url, smtp_server.port, TIERSLIEUX_JOBS="thread")
    assert "ok    workers: jobs run thread" in result.output


def test_check_reaches_the_stripe_webhook_through_the_public_address(app, database_url, smtp_server, tmp_path):
    from werkzeug.serving import make_server

    app.config["STRIPE_WEBHOOK_SECRET"] = "whsec_test"
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        public = f"http://127.0.0.1:{server.server_port}"
        result = _check(tmp_path, database_url, smtp_server.port, STRIPE_SECRET_KEY="sk_test_x",
                        STRIPE_WEBHOOK_SECRET="whsec_test", TIERSLIEUX_PUBLIC_URL=public)
        assert result.exit_code == 0, result.output
        assert f"ok    payments: the webhook {public}/billing/stripe/webhook answers" in result.output
        result = _check(tmp_path, database_url, smtp_server.port, STRIPE_SECRET_KEY="sk_test_x",
                        TIERSLIEUX_PUBLIC_URL=public)
        assert result.exit_code == 1 and "STRIPE_WEBHOOK_SECRET is not" in result.output
    finally:
        server.shutdown()
    result = _check(tmp_path, database_url, smtp_server.port, STRIPE_SECRET_KEY="sk_test_x",
                    STRIPE_WEBHOOK_SECRET="whsec_test", TIERSLIEUX_PUBLIC_URL=public)
    assert result.exit_code == 1 and "cannot be reached" in result.output


def test_check_reports_a_wrong_file_in_plain_words(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text(TEST_TERRITORY.replace('departements = ["12", "46", "15"]', "departements = [46]"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check"], env={"TIERSLIEUX_CONFIG": str(path),
                                                     "TIERSLIEUX_INSTANCE": str(tmp_path)})
    assert result.exit_code == 1
    assert 'FAIL  file:' in result.output and "must be text in quotes" in result.output


# --------------------------------------------------------------------------------------------
# The command line without a configuration, or with a wrong database
# --------------------------------------------------------------------------------------------


def test_help_without_a_configuration_lists_what_works_without_a_traceback(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("TIERSLIEUX_CONFIG", "DATABASE_URL")}
    env["TIERSLIEUX_INSTANCE"] = str(tmp_path)
    result = _run("--help", env=env, cwd=tmp_path)
    assert result.returncode == 0
    assert "Traceback" not in result.stderr + result.stdout
    assert "no territory configuration here" in result.stderr and "tierslieux territory init" in result.stderr
    for command in ("territory", "check", "new-plugin"):
        assert command in result.stdout


@pytest.mark.parametrize("url, expected", [
    ("postgres://u:pw@127.0.0.1:5432/x", "Can't load plugin"),
    ("postgresql://u:pw@127.0.0.1:{port}/x", "Connection refused"),
    ("not a url", "postgresql://user:password@host"),
])
def test_a_wrong_database_url_is_one_plain_line_and_a_failure(tmp_path, url, expected):
    env = dict(os.environ, TIERSLIEUX_CONFIG=str(ROOT / "tests" / "territory.toml"),
               TIERSLIEUX_INSTANCE=str(tmp_path), DATABASE_URL=url.format(port=_closed_port()))
    result = _run("modules", "list", env=env)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "cannot open the database" in result.stderr and "Check DATABASE_URL" in result.stderr
    assert expected in result.stderr and ":pw@" not in result.stderr


# --------------------------------------------------------------------------------------------
# A production install has no test tool
# --------------------------------------------------------------------------------------------


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_the_package_metadata_installs_no_test_tool_in_production():
    production = [r for r in requires("tierslieux") if "extra ==" not in r or 'extra == "postgres"' in r]
    assert production and not {_name(r) for r in production} & TEST_TOOLS
    setup = configparser.ConfigParser()
    setup.read(ROOT / "setup.cfg")
    declared = setup["options"]["install_requires"].split("\n") + \
        setup["options.extras_require"]["postgres"].split("\n")
    names = {_name(line) for line in declared if line.strip()}
    assert "psycopg" in names and not names & TEST_TOOLS
    assert "tierslieux[" not in setup["options.extras_require"]["postgres"]
    operations = (ROOT / "docs" / "operations.md").read_text()
    assert "'.[postgres]'" in operations and "[dev" not in operations.split("## Serving")[0].split("```sh")[1]
