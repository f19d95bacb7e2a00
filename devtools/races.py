"""The race tests' harness: calls started at the same instant, each in its own real thread.

A barrier releases every thread together, so the calls really overlap (a database lock, a
compare-and-set, a unique index must decide between them). Each call's result comes back in
order; an exception a call raised takes its place in the list, so the test's assertions show it
instead of it being lost in a thread.

To prove a deadlock or a lost update gone, a test holds one side at an exact statement until the
other has reached a point of its own (`watching_statements`, `locks`, `held_until_both_reach`):
without the fix the interleaving that breaks happens every time, not once in a thousand runs.
"""
from __future__ import annotations

import re
import threading
from contextlib import contextmanager


def run_together(fn, args_list, timeout: float = 120.0) -> list:
    """`fn(*args)` for each `args` of `args_list`, all at once; their results (or exceptions).

    :param args_list: one entry per thread: a tuple of arguments, or a single argument.
    :raises TimeoutError: a thread still running after `timeout` seconds.
    """
    calls = [args if isinstance(args, tuple) else (args,) for args in args_list]
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, args):
        barrier.wait()
        try:
            results[index] = fn(*args)
        except Exception as exc:  # noqa: BLE001 - given back, for the test's assertions
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i, args), daemon=True) for i, args in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    if any(thread.is_alive() for thread in threads):
        raise TimeoutError(f"a racing call ran longer than {timeout} s")
    return results


def call_together(calls, timeout: float = 120.0) -> list:
    """Each of `calls` (callables without arguments) at once: `run_together` for mixed calls."""
    return run_together(lambda call: call(), [(call,) for call in calls], timeout)


def committed(app, act, refused: type[Exception] | tuple = ()):
    """`act()` as one writing request (a form posted), for `call_together`: committed and "ok",
    or, for an error of `refused` (a rule's refusal), rolled back and its HTTP status; any other
    error is the call's result, as `run_together` keeps it."""
    from core.extensions import db

    def call():
        with app.test_request_context(method="POST"):
            try:
                act()
                db.session.commit()
                return "ok"
            except refused as error:
                db.session.rollback()
                return error.status

    return call


def errors(results) -> list[Exception]:
    """The exceptions among `run_together`'s results."""
    return [result for result in results if isinstance(result, Exception)]


# Holding one side of a race at an exact statement -------------------------------------------


def locks(statement: str, table: str) -> bool:
    """The statement locks rows of `table` (PostgreSQL's FOR [NO KEY] UPDATE; SQLite sends none)."""
    found = re.search(r"\bFOR (NO KEY )?UPDATE\b", statement)
    return found is not None and table in statement[:found.start()].split("FROM", 1)[-1]


@contextmanager
def watching_statements(app, before, after=None):
    """`before` (and `after`) called around every statement the app's engine sends, from any
    thread, with SQLAlchemy's cursor-event arguments `(conn, cursor, statement, ...)`: a test
    holds a thread there on an event until the other side has reached a point of its own."""
    from sqlalchemy import event

    from core.extensions import db

    with app.app_context():
        engine = db.engine
    listeners = [("before_cursor_execute", before)] + ([("after_cursor_execute", after)] if after else [])
    for name, listener in listeners:
        event.listen(engine, name, listener)
    try:
        yield
    finally:
        for name, listener in listeners:
            event.remove(engine, name, listener)


def held_until_both_reach(starts_with: str | tuple[str, ...], timeout: float = 3.0):
    """A `before` listener holding each thread at its first statement starting with
    `starts_with` (or one of them) until two threads are there (at most `timeout` seconds: with a fix, the other
    is waiting for a lock and never comes)."""
    both = threading.Barrier(2)

    def before(_conn, _cursor, statement, *_args):
        if statement.lstrip().startswith(starts_with):
            try:
                both.wait(timeout)
            except threading.BrokenBarrierError:
                pass
    return before
