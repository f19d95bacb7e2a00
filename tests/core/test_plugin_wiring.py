"""Derived wiring: what a plugin's package folder holds is found without a hook.

A throwaway plugin package is written to a temporary folder with every part the core looks
for (migrations, translations, templates, static files, hookspecs, a CLI group, a settings
model), offered as an extra plugin, and each part is checked from the outside.
"""
from __future__ import annotations

import importlib
import shutil
import re
import sys
from pathlib import Path
from textwrap import dedent

import flask_migrate
import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sqlalchemy import inspect

from core.extensions import db
from tests.conftest import make_app

NAME = "wiringdemo"

FILES = {
    "__init__.py": "",
    "plugin.py": '''
        from flask import Blueprint, render_template
        from flask_babel import gettext as _
        from pydantic import BaseModel, ConfigDict

        from core.hookspecs import hookimpl
        from core.plugins import Module, hooks, plugin_config


        class Settings(BaseModel):
            model_config = ConfigDict(extra="forbid", frozen=True)
            greeting: str = "Hello"


        MODULE = Module(name="wiringdemo", label="Wiring demo", config=Settings)
        bp = Blueprint("wiringdemo", __name__, url_prefix="/wiringdemo")


        @bp.get("")
        def index():
            answers = hooks().wiringdemo_asked(question="?")
            return render_template("wiringdemo/index.html", greeting=plugin_config("wiringdemo").greeting,
                                   answers=answers, word=_("Noticeboard of the wiring"))


        @hookimpl
        def blueprints():
            return [bp]


        @hookimpl
        def wiringdemo_asked(question):
            return "answered " + question
    ''',
    "hookspecs.py": '''
        from core.hookspecs import hookspec


        @hookspec
        def wiringdemo_asked(question: str) -> str | None:
            """Asked by the wiring demo's page."""
    ''',
    "cli.py": '''
        import click


        @click.group("anything", help="The wiring demo.")
        def cli():
            pass


        @cli.command("ping")
        def ping():
            click.echo("pong")
    ''',
    "templates/wiringdemo/index.html": '''
        <link rel="stylesheet" href="{{ url_for('wiringdemo_static.static', filename='demo.css') }}">
        <p>{{ greeting }} | {{ word }} | {{ answers|join(',') }}</p>
    ''',
    "static/demo.css": "p { color: teal; }\n",
    "translations/fr/LC_MESSAGES/messages.po": '''
        msgid ""
        msgstr ""
        "Content-Type: text/plain; charset=UTF-8\\n"
        "Language: fr\\n"

        msgid "Noticeboard of the wiring"
        msgstr "Tableau du câblage"
    ''',
    "migrations/versions/0001_wiringdemo.py": '''
        from alembic import op
        import sqlalchemy as sa

        revision = "0001_wiringdemo"
        down_revision = None
        branch_labels = ("wiringdemo",)
        depends_on = "0001_core"


        def upgrade():
            op.create_table("wiringdemo_note", sa.Column("id", sa.Integer, primary_key=True))


        def downgrade():
            op.drop_table("wiringdemo_note")
    ''',
}


@pytest.fixture
def demo_plugin(tmp_path, monkeypatch):
    root = tmp_path / "src"
    for relative, text in FILES.items():
        path = root / NAME / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text).lstrip())
    po = root / NAME / "translations/fr/LC_MESSAGES/messages.po"
    with po.open("rb") as source, po.with_suffix(".mo").open("wb") as target:
        write_mo(target, read_po(source))
    monkeypatch.syspath_prepend(str(root))
    yield importlib.import_module(f"{NAME}.plugin")
    for module in [m for m in sys.modules if m == NAME or m.startswith(NAME + ".")]:
        del sys.modules[module]


@pytest.fixture
def demo_app(demo_plugin, sqlite_template, smtp_server, tmp_path):
    # Its own SQLite copy: the demo's migration branch must not reach a shared database.
    path = tmp_path / "wiring.db"
    shutil.copy(sqlite_template, path)
    app = make_app(f"sqlite:///{path}", smtp_server, tmp_path, plugins=(demo_plugin,))
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_a_plugins_folder_is_wired_without_hooks(demo_app):
    from core.modules import service

    with demo_app.test_request_context():
        service.set_enabled(NAME, True)
        db.session.commit()
    client = demo_app.test_client()
    page = client.get("/wiringdemo", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Hello | Tableau du câblage | answered ?" in page  # template, translation, hookspec
    assert 'href="/static/plugins/wiringdemo/demo.css"' in page
    css = client.get("/static/plugins/wiringdemo/demo.css")
    assert css.status_code == 200 and b"teal" in css.data

    result = demo_app.test_cli_runner().invoke(args=["wiringdemo", "ping"])  # named after the plugin
    assert result.exit_code == 0 and result.output == "pong\n"

    with demo_app.app_context():
        flask_migrate.upgrade(revision="heads")
        assert "wiringdemo_note" in inspect(db.engine).get_table_names()


def test_the_installed_plugins_folders_are_wired(app, client, runner):
    registry = app.extensions["tierslieux"]
    assert registry.pm.hook.validate_booking.spec is not None  # plugins/booking/hookspecs.py
    assert registry.pm.hook.billing_payer.spec is not None
    locations = app.config["MIGRATION_VERSION_LOCATIONS"]
    assert any(p.endswith("plugins/booking/migrations/versions") for p in locations)
    assert any(p.endswith("plugins/billing/migrations/versions") for p in locations)
    with app.test_request_context():
        from flask import url_for

        assert url_for("booking_static.static", filename="booking.css") == "/static/plugins/booking/booking.css"
    assert client.get("/static/plugins/booking/booking.css").status_code == 200
    assert "sweep" in runner.invoke(args=["booking", "--help"]).output


def test_a_toy_plugin_without_a_folder_gets_no_wiring():
    from core.plugins import find_wiring
    from tests.core.toy_plugins import Alpha

    assert find_wiring("alpha", Alpha()).folder is None


def _with_requirements(name, installed) -> list[str]:
    wanted, todo = [], [name]
    while todo:
        current = todo.pop()
        if current not in wanted:
            wanted.append(current)
            todo.extend(installed[current].load().MODULE.requires)
    return wanted


def test_each_plugin_loads_with_only_what_it_requires():
    """A territory offers any plugin with just the ones it `requires`: hooks of the others
    (billing's `billing_payer` in conventions, say) must be optional implementations."""
    from core.config import parse_config
    from core.plugins import _installed_plugins, build_registry

    territory = (Path(__file__).resolve().parents[1] / "territory.toml").read_text()
    every = re.search(r"^offered = (\[.*?\])", territory, re.M).group(1)
    installed = _installed_plugins()
    for name in sorted(installed):
        offered = str(_with_requirements(name, installed)).replace("'", '"')
        text = territory.replace(f"offered = {every}", f"offered = {offered}").replace(
            f"enabled = {every}", f"enabled = {offered}")
        # The tables of plugins not offered go too (a table nobody offers is a mistake).
        text = re.sub(r"^\[plugins\.(\w+)[^\n]*\n(?:(?!\[)[^\n]*\n)*",
                      lambda m: m.group(0) if m.group(1) in offered else "", text, flags=re.M)
        registry = build_registry(parse_config(text))
        assert set(registry.modules) == set(_with_requirements(name, installed)), name
