"""Per-process caches of what changes a few times a year (sites with their hours, closures and
amenities; module states; booking's rules), kept right across workers and machines by a version
per kind stored in the database (`cache_version`).

Any ORM flush that adds, changes or deletes a row of a watched model bumps its kind's version
in the same transaction (a rolled-back change bumps nothing), and so does an `update()` or
`delete()` of such a model run through the session (`db.session.execute`), which changes rows
without a flush. Only SQL sent on a bare connection goes unseen. A worker reads all the versions in
one small query, at most once per `CACHE_CHECK_SECONDS` (1 s by default; 0: at every request),
and builds again what was cached at another version. So another worker or machine sees a change
within that second, and the person who made it sees it at once: the worker that served the
change forgets its versions, and the answer sets a short-lived cookie (`tl_cache`) that makes
whichever worker serves that browser next read them again. Nothing to call by hand:
`watch(Model, "kind")` at import.

Cached values are plain rows (tuples, frozen dataclasses), never ORM objects: they outlive the
session that read them.
"""
from __future__ import annotations

import threading
import time

from flask import current_app, g, has_app_context, has_request_context, request
from sqlalchemy import Integer, String, event, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from core.extensions import db

_WATCHED: dict[type, str] = {}
_LOCK = threading.Lock()


class CacheVersion(db.Model):
    __tablename__ = "cache_version"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


COOKIE = "tl_cache"
_BUMPED = "tierslieux_cache_bumped"  # session.info: the kinds this transaction changed


class _Store:
    """One process's cached values: kind -> (version, {key: value}); and the versions last read,
    when (monotonic, for the interval) and as of when (wall clock, compared with the cookie)."""

    def __init__(self):
        self.kinds: dict[str, tuple[int, dict]] = {}
        self.versions: dict[str, int] | None = None
        self.read_at = 0.0
        self.read_wall = 0.0
        self.generation = 0  # raised when this process changed a version: reads begun before are stale

    def forget(self) -> None:
        self.versions = None
        self.generation += 1


def _store(app) -> _Store:
    store = app.extensions.get("tierslieux_cache")
    if store is None:
        store = app.extensions.setdefault("tierslieux_cache", _Store())
    return store


def watch(model: type, kind: str) -> None:
    """Bump `kind`'s version whenever a flush touches a row of `model`."""
    _WATCHED[model] = kind


def is_watched(model: type) -> bool:
    return model in _WATCHED


def versions() -> dict[str, int]:
    """Every kind's stored version: read at most once per request, and by a worker at most once
    per `CACHE_CHECK_SECONDS` unless this browser just changed something (outside requests, and
    in a transaction that changed a kind: at each call)."""
    if not has_request_context() or db.session.info.get(_BUMPED):
        # In a transaction that changed a kind: its raised number is not committed, and must
        # not outlive a rollback in the request's or the worker's copy.
        return _read()
    memo = getattr(request, "_tierslieux_versions", None)
    if memo is not None:
        return memo
    store = _store(current_app)
    interval = current_app.config.get("CACHE_CHECK_SECONDS", 1.0)
    with _LOCK:
        found = store.versions
        fresh = found is not None and time.monotonic() - store.read_at < interval \
            and not _changed_by_this_browser_since(store.read_wall)
    if not fresh:
        with _LOCK:
            generation = store.generation
        read_at, read_wall = time.monotonic(), time.time()
        found = _read()
        with _LOCK:
            if store.generation == generation and read_at >= store.read_at:
                store.versions, store.read_at, store.read_wall = found, read_at, read_wall
    request._tierslieux_versions = found
    return found


def recent_versions(app) -> dict[str, int] | None:
    """The versions this process read less than `CACHE_CHECK_SECONDS` ago, else None; outside
    any request (core.pagecache's WSGI layer, which sends the request on to Flask on None)."""
    store = _store(app)
    with _LOCK:
        if store.versions is not None and time.monotonic() - store.read_at < app.config.get("CACHE_CHECK_SECONDS", 1.0):
            return store.versions
    return None


def _read() -> dict[str, int]:
    # Plain SQL on the session's connection: this runs at nearly every request, and the ORM's
    # statement handling cost more than the query itself (a quarter of GET /api/v1/sites).
    return dict(db.session.connection().exec_driver_sql("SELECT name, version FROM cache_version").all())


def _changed_by_this_browser_since(wall: float) -> bool:
    try:
        return float(request.cookies.get(COOKIE, 0)) >= wall
    except ValueError:
        return False


def forget_versions() -> None:
    """This request reads the versions again (after its own change)."""
    if has_request_context() and hasattr(request, "_tierslieux_versions"):
        del request._tierslieux_versions


def init_app(app) -> None:
    app.after_request(_after_change)


def _after_change(response):
    """After a request that changed a cached kind (its transaction is over): this worker reads
    the versions again at its next request, and so does the worker serving this browser's."""
    if g.get("_tierslieux_cache_changed"):
        with _LOCK:
            _store(current_app).forget()  # committed now: the next request reads them again
        interval = current_app.config.get("CACHE_CHECK_SECONDS", 1.0)
        response.set_cookie(COOKIE, repr(time.time()), max_age=int(interval) + 5, httponly=True,
                            samesite="Lax", secure=current_app.config.get("SESSION_COOKIE_SECURE", False))
    return response


def cached(kind: str, key, build):
    """The value of `build()` for `key`, computed once per process per version of `kind`.

    Not kept when this transaction changed `kind`: the value holds what is not committed yet,
    and after a rollback another transaction may commit the same version number with other
    rows."""
    if kind in db.session.info.get(_BUMPED, ()):
        return build()
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
    if kind in db.session.info.get(_BUMPED, ()):  # its query flushed a change of `kind`: not committed
        return value
    with _LOCK:
        if store.kinds.get(kind, (None,))[0] == version:
            store.kinds[kind][1][key] = value
    return value


def bump(session: Session, kinds) -> None:
    """Raise each kind's version by one in the session's transaction (a row is made if missing)."""
    connection = session.connection()
    session.info.setdefault(_BUMPED, set()).update(kinds)
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
    if has_app_context():
        with _LOCK:
            _store(current_app).forget()
    if has_request_context():
        g._tierslieux_cache_changed = True


@event.listens_for(Session, "after_transaction_end")
def _transaction_over(session, transaction):
    if transaction.parent is None:  # committed or rolled back: what it changed is settled
        session.info.pop(_BUMPED, None)


@event.listens_for(Session, "do_orm_execute")
def _bulk_statement(state):
    """An `update(Model)` or `delete(Model)` of a watched model changes rows the flush never
    sees: its kind is bumped in the same transaction, before the statement runs."""
    if (state.is_update or state.is_delete) and state.bind_mapper is not None:
        kind = _WATCHED.get(state.bind_mapper.class_)
        if kind is not None:
            bump(state.session, {kind})


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
