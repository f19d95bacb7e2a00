"""The race tests' harness: calls started at the same instant, each in its own real thread.

A barrier releases every thread together, so the calls really overlap (a database lock, a
compare-and-set, a unique index must decide between them). Each call's result comes back in
order; an exception a call raised takes its place in the list, so the test's assertions show it
instead of it being lost in a thread.
"""
from __future__ import annotations

import threading


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


def errors(results) -> list[Exception]:
    """The exceptions among `run_together`'s results."""
    return [result for result in results if isinstance(result, Exception)]
