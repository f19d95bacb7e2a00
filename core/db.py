"""Database plumbing shared by the core and every plugin: UTC instants (and as epoch seconds),
SQLite write locks (and views that read first), row locks."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from flask import current_app, has_request_context, request
from sqlalchemy import BigInteger, DateTime, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator

READ_ONLY_METHODS = {"GET", "HEAD", "OPTIONS"}
MAX_ID = 2**31 - 1  # PostgreSQL's INTEGER: a larger id in a query is a database error, not a miss
_WRITING: ContextVar[bool] = ContextVar("tierslieux_writing", default=False)


@contextmanager
def writing():
    """Transactions begun inside take SQLite's write lock up front, even during a GET request
    (a job run inline after a GET's commit, a success page that records a payment)."""
    token = _WRITING.set(True)
    try:
        yield
    finally:
        _WRITING.reset(token)


def reads_first(view):
    """Mark a POST view that reads before it writes and often refuses after reading (a slot
    already taken: two requests in three at a Monday-morning rush). Until the view calls
    `done_reading()`, the request's transactions only read, those of the `before_request`
    functions included: on SQLite a deferred BEGIN, which takes no write lock and, thanks to
    WAL, never waits for a writer, so refusals neither wait for the writers nor hold them up.
    What must hold is checked again in the write transaction. The mark survives decorators made
    with `functools.wraps` (login_required, token_required)."""
    view.tierslieux_reads_first = True
    return view


def _reading_first() -> bool:
    if getattr(request, "_tierslieux_done_reading", False):
        return False
    view = current_app.view_functions.get(request.endpoint) if request.endpoint else None
    return getattr(view, "tierslieux_reads_first", False)


@event.listens_for(Session, "before_flush")
def _no_write_before_done_reading(session, _flush_context, _instances):
    """The contract of `reads_first`, checked: a write before `done_reading()` would upgrade
    SQLite's read transaction, which fails with "database is locked" as soon as another
    connection writes (a rush, not a test). Refused on both databases, so the view's tests find it."""
    if has_request_context() and request.method not in READ_ONLY_METHODS and _reading_first() \
            and not _WRITING.get():
        raise RuntimeError(f"{request.endpoint} is marked reads_first: call core.db.done_reading() "
                           "before its first write")


def done_reading() -> None:
    """In a `reads_first` view, before its first write: end the read transaction (SQLite),
    keeping the objects it loaded as they were read; the next transaction takes the write lock up
    front. On PostgreSQL, reading takes no lock: the one transaction goes on."""
    from core.extensions import db

    request._tierslieux_done_reading = True
    session = db.session()  # the request's Session itself (the scoped proxy lacks in_transaction)
    if session.get_bind().dialect.name != "sqlite" or not session.in_transaction():
        return
    expire, session.expire_on_commit = session.expire_on_commit, False
    try:
        session.commit()
    finally:
        session.expire_on_commit = expire


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """An instant, always handed to Python as an aware UTC datetime.

    PostgreSQL stores `timestamptz`; SQLite has no time zones, so the value is stored as
    naive UTC and made aware again on the way out.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC instant is needed")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


def whole_seconds(value: datetime, up: bool = False) -> datetime:
    """An instant without its fraction of a second, rounded down (or `up`): stored bookings are
    whole seconds, so `epoch_seconds` reads them exactly."""
    if not value.microsecond:
        return value
    return value.replace(microsecond=0) + (timedelta(seconds=1) if up else timedelta())


class epoch_seconds(FunctionElement):
    """A `UTCDateTime` column as whole seconds since 1970, computed by the database.

    For loops over thousands of rows (the network's availability): integers need no conversion
    on the way out and compare several times faster than aware datetimes. Fractions of a second
    are dropped (see `whole_seconds`).
    """

    type = BigInteger()
    inherit_cache = True
    name = "epoch_seconds"


@compiles(epoch_seconds, "sqlite")
def _epoch_sqlite(element, compiler, **kw):
    column = compiler.process(element.clauses, **kw)
    if sqlite3.sqlite_version_info >= (3, 38):
        return f"unixepoch({column})"
    return f"CAST(strftime('%s', {column}) AS INTEGER)"  # older SQLite: the same, slower


@compiles(epoch_seconds)
def _epoch_standard(element, compiler, **kw):  # PostgreSQL
    return f"CAST(FLOOR(EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)})) AS BIGINT)"


def configure_sqlite(engine: Engine) -> None:
    """Make SQLite safe for concurrent writers.

    Python's sqlite3 module opens transactions lazily with a plain BEGIN, so two writers
    can both read "the slot is free" and both insert. Every transaction that may write starts
    with BEGIN IMMEDIATE, which takes the write lock up front; readers (GET requests) use a
    deferred BEGIN and, thanks to WAL, never wait for writers.
    """
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        read_only = (has_request_context() and (request.method in READ_ONLY_METHODS or _reading_first())
                     and not _WRITING.get())
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def is_unique_violation(exc: Exception) -> bool:
    """True when an IntegrityError comes from a unique constraint, on either database."""
    orig = getattr(exc, "orig", exc)
    sqlstate = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if sqlstate:
        return sqlstate == "23505"
    return "UNIQUE constraint failed" in str(orig)


def as_id(value) -> int | None:
    """A database id from user input (a URL, a form, a JSON body), or None if it cannot be one."""
    if isinstance(value, (bool, float)):  # JSON's true, or 1.5 (which int() would make 1)
        return None
    if isinstance(value, str):  # int() also reads "+5", "1_0" and other scripts' digits ("١٢")
        value = value.strip()
        if not (value.isascii() and value.isdigit()):
            return None
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if 0 < number <= MAX_ID else None


def lock_name(name: str) -> None:
    """Hold a lock named `name` until the transaction ends, for a limit that has no row of its
    own to lock (a discount code's uses: the code is configuration). PostgreSQL: an advisory
    transaction lock; SQLite: nothing, its writers already take turns (as `lock_row`)."""
    from sqlalchemy import text

    from core.extensions import db

    if db.session.get_bind().dialect.name != "sqlite":
        db.session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:name, 0))"), {"name": name})


def lock_row(model, row_id, *, skip_locked=False) -> bool:
    """Hold the row `row_id` of `model` until the transaction ends, so the checks a transaction
    makes in Python (limits, caps, balances) see every change committed before it, and parallel
    transactions make them one after the other. PostgreSQL: `SELECT ... FOR NO KEY UPDATE`.
    SQLite: no statement, its writing transaction (BEGIN IMMEDIATE) already serialises writers.

    `skip_locked`: never wait; False when another transaction holds the row (or it is gone),
    for tidying that can leave a row to its next run rather than queue behind a member.
    """
    from core.extensions import db

    if db.session.get_bind().dialect.name == "sqlite":
        return True
    return read(_lock_query(model, skip_locked), {"row_id": row_id}).scalar() is not None or not skip_locked


def lock_rows(*rows) -> None:
    """`lock_row` for rows of different tables, `(model, row_id)` each, in one statement: the
    rows are locked in the order given (PostgreSQL locks a join's rows table by table, in the
    order of its FROM list), as calling `lock_row` for each in turn would, one round trip
    instead of several. A row that is gone locks nothing, the others included."""
    from core.extensions import db

    if db.session.get_bind().dialect.name == "sqlite":
        return
    models = tuple(model for model, _row_id in rows)
    read(_locks_query(models), {f"row_{i}": row_id for i, (_model, row_id) in enumerate(rows)})


@lru_cache(maxsize=None)
def _locks_query(models: tuple):
    """`lock_rows`' statement, built once per tuple of models."""
    from sqlalchemy import bindparam, select, true

    statement = select(*(model.id for model in models)).select_from(models[0])
    for model in models[1:]:
        statement = statement.join(model, true())  # one row each: the product is that one row
    return statement.where(*(model.id == bindparam(f"row_{i}") for i, model in enumerate(models))) \
        .with_for_update(key_share=True)


@lru_cache(maxsize=None)
def _lock_query(model, skip_locked: bool):
    """`lock_row`'s statement, built once per model (a booking locks two rows)."""
    from sqlalchemy import bindparam, select

    # FOR NO KEY UPDATE: as exclusive between lockers as FOR UPDATE, but an insert elsewhere
    # whose foreign key names this row (a booking, an order, an audit entry for this member)
    # does not wait for it, so that check cannot be one side of a circle.
    return select(model.id).where(model.id == bindparam("row_id")).with_for_update(skip_locked=skip_locked,
                                                                                   key_share=True)


def find(model, value, options=()):
    """The row of `model` with an id someone typed or sent, or None (`options`: loader options)."""
    from core.extensions import db

    number = as_id(value)
    return db.session.get(model, number, options=options) if number else None



def read(statement, params=None):
    """Run a statement that selects columns, not objects, on the session's connection, after
    the autoflush a query would do: the same rows as `db.session.execute`, without the ORM's
    handling of the statement (about 50 µs of Python each, more than a small indexed query
    costs; a booking sends several). Not for statements loading objects, nor for an UPDATE or
    DELETE of a model `core.cache` watches (the ORM path bumps its kind)."""
    from core.extensions import db

    session = db.session()
    if session.autoflush:
        session.flush()  # nothing to do, at no cost, when nothing is pending
    return session.connection().execute(statement, params)


_INSERTS: dict = {}


def insert_now(obj):
    """Insert a new ORM object at once, by one INSERT ... RETURNING built once per table, and
    make it persistent in the request's session as the flush would: what a flush does for one
    row, without the unit of work's Python (a booking request spent a fifth of its time in its
    two flushes: the booking, then billing's order). A rollback (of a savepoint too) forgets it as it forgets
    a flushed object. For hot paths inserting one row of a table that no mapper event or
    `core.cache.watch` watches; the columns the object lacks, or has as None, get their defaults
    (as from the flush) and come back with the row. Pending changes are flushed first, as a
    query's autoflush would. An object the unit of work must order with others (already in the
    session, linked to an object not stored yet, or with objects in its collections) goes
    through it: `session.add(obj)` and a flush.

    :raises sqlalchemy.exc.DBAPIError: the database refused the row: the transaction is rolled
        back (to the savepoint it is in), and the session must be rolled back before it is used
        again, as after a refused flush.
    """
    from sqlalchemy import inspect as sa_inspect, insert
    from sqlalchemy.orm import MANYTOONE
    from sqlalchemy.orm.attributes import set_committed_value

    from core.extensions import db

    session = db.session()  # the Session itself: the scoped proxy lacks `_register_persistent`
    state = sa_inspect(obj)
    mapper = state.mapper
    known = _INSERTS.get(mapper)
    if known is None:
        from core.cache import is_watched

        if is_watched(mapper.class_) or mapper.inherits is not None or mapper.dispatch.before_insert \
                or mapper.dispatch.after_insert:
            raise TypeError(f"insert_now cannot insert {mapper.class_.__name__}: a flush must see it")
        table = mapper.local_table
        # (column, attribute, whether None is a value to store rather than "the default")
        keys = [(column.key, mapper.get_property_by_column(column).key, column.type.should_evaluate_none)
                for column in table.c]
        # Relationships: a collection (None), or a link and the foreign key the flush copies from it.
        links = [(prop.key, [(mapper.get_property_by_column(local).key, prop.mapper.get_property_by_column(remote).key)
                             for local, remote in prop.local_remote_pairs] if prop.direction is MANYTOONE else None)
                 for prop in mapper.relationships]
        known = _INSERTS[mapper] = (insert(table).returning(*table.c), keys, links)
    statement, keys, links = known
    # What a flush copies from the objects linked to this one: their keys, into its foreign keys.
    copied = {} if state.key is None and state.session_id is None else None
    for key, pairs in links if copied is not None else ():
        linked = obj.__dict__.get(key)
        if linked is None or (pairs is None and not linked):  # no link, or an empty collection
            continue
        if pairs is None or sa_inspect(linked).key is None:
            copied = None  # rows to insert with it, or a key still to come: the unit of work orders them
            break
        copied.update((local, getattr(linked, remote)) for local, remote in pairs)
    if copied is None:
        session.add(obj)
        session.flush()
        return obj
    if has_request_context() and request.method not in READ_ONLY_METHODS and _reading_first() \
            and not _WRITING.get():
        _no_write_before_done_reading(session, None, None)
    session.flush()  # what is pending goes first (nothing to do, at no cost, when nothing is)
    values = {**obj.__dict__, **copied} if copied else obj.__dict__
    # None is "the column's default" to the flush, unless the type stores None itself (JSON's null).
    params = {column: value for column, key, none_stored in keys
              if (value := values.get(key)) is not None or (none_stored and key in values)}
    try:
        row = session.connection().execute(statement, params).one()
    except Exception:
        # As after a refused flush: the transaction is rolled back (to its savepoint) at once and
        # the session refuses any use until rolled back, so a caller that carries on commits
        # nothing of it (SQLite would commit what came before; PostgreSQL, silently nothing).
        session._autobegin_t()._begin().rollback(_capture_exception=True)
        raise
    session.add(obj)  # pending, and at once persistent below: no flush can come between
    for (_column, key, _none_stored), value in zip(keys, row):
        if values.get(key) is None or key in copied:
            set_committed_value(obj, key, value)
    # What the unit of work does after its INSERT: the identity key, the history committed, the
    # object recorded as new in the transaction (so a rollback makes it transient again).
    session._register_persistent({state})
    return obj
