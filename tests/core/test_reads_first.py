"""`core.db.reads_first` is a contract: the view reads, then calls `done_reading()`, then writes.
A write before it would upgrade SQLite's read transaction and fail with "database is locked" at
the first rush; it is refused at once, on both databases, so a view's own tests find it."""
from __future__ import annotations

import pytest

from core.cache import CacheVersion
from core.db import done_reading, reads_first
from core.extensions import db


def test_a_write_before_done_reading_is_refused_and_one_after_is_stored(app, client):
    def careless():
        db.session.add(CacheVersion(name="careless", version=1))
        db.session.commit()
        return "stored"

    def careful():
        db.session.get(CacheVersion, "careful")  # the reading part: no row yet
        done_reading()
        db.session.add(CacheVersion(name="careful", version=1))
        db.session.commit()
        return "stored"

    app.add_url_rule("/test/careless", "careless", reads_first(careless), methods=["POST"])
    app.add_url_rule("/test/careful", "careful", reads_first(careful), methods=["POST"])
    with pytest.raises(RuntimeError, match="done_reading"):
        client.post("/test/careless")
    assert client.post("/test/careful").get_data(as_text=True) == "stored"
    with app.app_context():
        assert db.session.get(CacheVersion, "careful") is not None
        assert db.session.get(CacheVersion, "careless") is None
