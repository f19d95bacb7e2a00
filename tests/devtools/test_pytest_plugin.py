"""The fixtures as a pytest plugin: a plugin kept in its own repository, with a table and tests,
gets `app`, `client`, `mailbox`, `make_user`, ... with no conftest, and its table migrated."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

PLUGIN = '''
from pathlib import Path

from flask import Blueprint
from sqlalchemy import select

from core.extensions import db
from core.hookspecs import hookimpl
from core.plugins import Module

MODULE = Module(name="events", label="Events")
bp = Blueprint("events", __name__, url_prefix="/events")


class Event(db.Model):
    __tablename__ = "events_event"
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80), nullable=False)


@bp.get("")
def index():
    return ", ".join(db.session.scalars(select(Event.title))) or "no events"


@hookimpl
def blueprints():
    return [bp]
'''

MIGRATION = '''
"""Events table.

Revision ID: 0001_events
"""
from alembic import op
import sqlalchemy as sa

revision = "0001_events"
down_revision = None
branch_labels = ("events",)
depends_on = "0001_core"


def upgrade():
    op.create_table("events_event", sa.Column("id", sa.Integer(), nullable=False),
                    sa.Column("title", sa.String(length=80), nullable=False),
                    sa.PrimaryKeyConstraint("id", name=op.f("pk_events_event")))


def downgrade():
    op.drop_table("events_event")
'''

TESTS = '''
from core.extensions import db
from events.plugin import Event


def test_the_plugins_table_is_migrated_and_its_pages_are_on(app, client):
    with app.app_context():
        db.session.add(Event(title="Repair cafe"))
        db.session.commit()
    response = client.get("/events")
    assert response.status_code == 200 and response.get_data(as_text=True) == "Repair cafe"


def test_each_test_starts_on_an_empty_database(client):
    assert client.get("/events").get_data(as_text=True) == "no events"


def test_the_core_fixtures_work_too(client, make_user, auth, mailbox):
    auth.login(make_user())
    assert client.get("/account").status_code == 200
    client.post("/logout")
    member = make_user(email="ada@example.org")
    client.post("/password/forgot", data={"email": member.email})
    assert [m["To"] for m in mailbox.wait_for(1)] == ["ada@example.org"]
'''


def test_a_plugin_in_its_own_repository_uses_the_fixtures_and_brings_its_tables(tmp_path):
    (tmp_path / "events" / "migrations" / "versions").mkdir(parents=True)
    (tmp_path / "events" / "__init__.py").write_text("")
    (tmp_path / "events" / "plugin.py").write_text(PLUGIN)
    (tmp_path / "events" / "migrations" / "versions" / "0001_events.py").write_text(MIGRATION)
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_events.py").write_text(TESTS)
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent('''
        [tool.pytest.ini_options]
        pythonpath = ["."]
        addopts = "-p no:cacheprovider"
        tierslieux_plugins = ["events.plugin"]
    '''))
    env = {key: value for key, value in os.environ.items() if key != "TEST_DATABASE_URL"}  # not ours to drop
    env["TIERSLIEUX_INSTANCE"] = str(tmp_path / "instance")
    result = subprocess.run([sys.executable, "-m", "pytest", "-q"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "3 passed" in result.stdout
