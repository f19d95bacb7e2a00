"""Shared helpers for the benchmarks: timing loops and ratio printing (no third-party code)."""
from __future__ import annotations

import statistics
import time


def sample(fn, *, repeat: int, warmup: int = 5, clock=time.perf_counter) -> list[float]:
    """Call `fn` `repeat` times after a warm-up; return each call's duration in seconds
    (`clock=time.process_time`: the CPU this process used, which other loads disturb less)."""
    for _ in range(warmup):
        fn()
    durations = []
    for _ in range(repeat):
        start = clock()
        fn()
        durations.append(clock() - start)
    return durations


def summary(durations: list[float]) -> dict:
    ordered = sorted(durations)
    return {"median": statistics.median(ordered), "p95": ordered[int(len(ordered) * 0.95) - 1],
            "mean": statistics.fmean(ordered)}


def report(name: str, measured: list[float], baseline: list[float], baseline_name: str) -> None:
    m, b = summary(measured), summary(baseline)
    print(f"{name:<44} median {m['median'] * 1000:7.2f} ms  p95 {m['p95'] * 1000:7.2f} ms  "
          f"= {m['median'] / b['median']:5.1f}x {baseline_name} ({b['median'] * 1000:.2f} ms)")
