"""Counting the SQL statements a request sends, for the tests that keep hot paths lean."""
from __future__ import annotations

from sqlalchemy import event

from core.extensions import db


class Queries:
    """SQL statements sent while inside (SQLite's BEGIN left out: it is not a query)."""

    def __init__(self, app):
        self.app, self.statements = app, []

    @property
    def count(self) -> int:
        return len(self.statements)

    def __enter__(self):
        with self.app.app_context():
            self.engine = db.engine
        event.listen(self.engine, "before_cursor_execute", self._seen)
        return self

    def _seen(self, conn, cursor, statement, *args):
        if not statement.startswith("BEGIN"):
            self.statements.append(statement)

    def __exit__(self, *exc):
        event.remove(self.engine, "before_cursor_execute", self._seen)
