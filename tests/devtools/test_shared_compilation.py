"""The test apps share compiled SQL and templates (devtools/pytest_plugin.py), never data: two
apps on two databases each read their own rows, through one dialect and one compiled cache."""
from __future__ import annotations

import shutil

import pytest
from sqlalchemy import func, select

from core.accounts.models import User
from core.accounts.service import create_user
from core.extensions import db
from devtools.pytest_plugin import build_app


def test_two_apps_share_compiled_sql_and_templates_but_not_their_rows(app, database_url, smtp_server, tmp_path):
    if not database_url.startswith("sqlite"):
        pytest.skip("a second SQLite file is enough: the sharing is by kind of database")
    shutil.copy(database_url.removeprefix("sqlite:///"), tmp_path / "other.db")
    other = build_app(f"sqlite:///{tmp_path / 'other.db'}", (smtp_server.hostname, smtp_server.port),
                      tmp_path / "other")
    count = select(func.count()).select_from(User)
    with app.app_context():
        create_user("seule@example.org", "long enough password", "Seule")
        db.session.commit()
        mine, dialect, compiled = db.session.scalar(count), db.engine.dialect, db.engine._compiled_cache
    try:
        with other.app_context():
            assert db.session.scalar(count) == mine - 1  # its own file: the new account is not there
            assert db.engine.dialect is dialect and db.engine._compiled_cache is compiled
            assert other.jinja_env.bytecode_cache is app.jinja_env.bytecode_cache is not None
    finally:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()
