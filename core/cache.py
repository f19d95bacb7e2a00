"""Per-process caches of what changes a few times a year (sites with their hours, closures and
amenities; module states), kept right across workers and machines by a version per kind stored
in the database (`cache_version`).

Any ORM flush that adds, changes or deletes a row of a watched model bumps its kind's version
in the same transaction (a rolled-back change bumps nothing). A request reads all the versions
once, in one small query, the first time it asks for cached data; a worker whose cache was built
at another version builds it again. Nothing to call by hand: `watch(Model, "kind")` at import.

Cached values are plain rows (tuples, frozen dataclasses), never ORM objects: they outlive the
session that read them.
"""
from __future__ import annotations

import threading

from flask import has_request_context, request
from sqlalchemy import Integer, String, event, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from core.extensions import db

_WATCHED: dict[type, str] = {}
_LOCK = threading.Lock()


class CacheVersion(db.Model):
    __tablename__ = "cache_version"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class _Store:
    """One process's cached values: kind -> (version, {key: value})."""

    def __init__(self):
        self.kinds: dict[str, tuple[int, dict]] = {}


def _store(app) -> _Store:
    store = app.extensions.get("tierslieux_cache")
    if store is None:
        store = app.extensions.setdefault("tierslieux_cache", _Store())
    return store


def watch(model: type, kind: str) -> None:
    """Bump `kind`'s version whenever a flush touches a row of `model`."""
    _WATCHED[model] = kind


def versions() -> dict[str, int]:
    """Every kind's stored version: read once per request (and at each call outside requests)."""
    if has_request_context():
        memo = getattr(request, "_tierslieux_versions", None)
        if memo is not None:
            return memo
    # Plain SQL on the session's connection: this runs at nearly every request, and the ORM's
    # statement handling cost more than the query itself (a quarter of GET /api/v1/sites).
    found = dict(db.session.connection().exec_driver_sql("SELECT name, version FROM cache_version").all())
    if has_request_context():
        request._tierslieux_versions = found
    return found


def forget_versions() -> None:
    """This request reads the versions again (after its own change)."""
    if has_request_context() and hasattr(request, "_tierslieux_versions"):
        del request._tierslieux_versions


def cached(kind: str, key, build):
    """The value of `build()` for `key`, computed once per process per version of `kind`."""
    from flask import current_app

    store = _store(current_app)
    version = versions().get(kind, 0)
    with _LOCK:
        held = store.kinds.get(kind)
        if held is None or held[0] != version:
            held = (version, {})
            store.kinds[kind] = held
        values = held[1]
        if key in values:
            return values[key]
    value = build()
    with _LOCK:
        if store.kinds.get(kind, (None,))[0] == version:
            store.kinds[kind][1][key] = value
    return value


def bump(session: Session, kinds) -> None:
    """Raise each kind's version by one in the session's transaction (a row is made if missing)."""
    connection = session.connection()
    for kind in sorted(kinds):
        result = connection.execute(update(CacheVersion).where(CacheVersion.name == kind)
                                    .values(version=CacheVersion.version + 1))
        if result.rowcount == 0:
            nested = connection.begin_nested()
            try:
                connection.execute(CacheVersion.__table__.insert().values(name=kind, version=1))
                nested.commit()
            except Exception:  # another transaction made it meanwhile: bump that one
                nested.rollback()
                connection.execute(update(CacheVersion).where(CacheVersion.name == kind)
                                   .values(version=CacheVersion.version + 1))
    forget_versions()


@event.listens_for(Session, "after_flush")
def _after_flush(session, _context):
    if not _WATCHED:
        return
    kinds = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        kind = _WATCHED.get(type(obj))
        if kind is not None and (obj not in session.dirty or session.is_modified(obj, include_collections=False)):
            kinds.add(kind)
    if kinds:
        bump(session, kinds)
