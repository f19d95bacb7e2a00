"""The race harness: the calls really overlap, results come back in order, and an exception
raised in a thread is given back in its place instead of being lost."""
from __future__ import annotations

import threading

import pytest

from devtools.races import call_together, errors, run_together


def test_calls_overlap_and_results_keep_their_order():
    inside = threading.Barrier(5, timeout=10)  # passes only if all five calls run at once

    def call(n, m):
        inside.wait()
        return n * m

    assert run_together(call, [(n, 10) for n in range(5)]) == [0, 10, 20, 30, 40]
    assert run_together(lambda n: -n, range(3)) == [0, -1, -2]  # a single argument


def test_an_exception_takes_its_call_place():
    def fail():
        raise ValueError("boom")

    results = call_together([lambda: 1, fail, lambda: 3])
    assert results[0] == 1 and results[2] == 3 and isinstance(results[1], ValueError)
    assert [str(e) for e in errors(results)] == ["boom"]


def test_a_call_still_running_after_the_timeout_is_an_error():
    release = threading.Event()
    with pytest.raises(TimeoutError):
        call_together([lambda: release.wait(5)], timeout=0.2)
    release.set()
