"""Prometheus metrics at `/metrics` (prometheus_client).

Counted as they happen, per process: HTTP requests by route and status, their latency, job
failures. Under gunicorn each worker is a process: with `PROMETHEUS_MULTIPROC_DIR` set (an
empty folder, wiped at each start; deploy/gunicorn.conf.py does it) the workers write their
counts there and `/metrics` adds them up, whichever worker answers.

Read from the database at each scrape, so every app server gives the same figures: the job
queue's depth by status and the age of the oldest due job, the workers' last heartbeat, and
what plugins report through the `metrics` hook (bookings by status, payments).
"""
from __future__ import annotations

import os
import time
from typing import NamedTuple

from flask import g, request
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram
from prometheus_client.exposition import choose_encoder
from prometheus_client.core import GaugeMetricFamily

PREFIX = "tierslieux_"

REQUESTS = Counter(PREFIX + "http_requests_total", "HTTP requests answered, by route, method and status",
                   ["route", "method", "status"])
LATENCY = Histogram(PREFIX + "http_request_duration_seconds", "Time to answer a request, by route", ["route"],
                    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
JOB_FAILURES = Counter(PREFIX + "job_failures_total", "Job runs that failed, by job name and whether it died",
                       ["job", "dead"])


class Gauge(NamedTuple):
    """One gauge a plugin reports (`metrics` hook): `values` maps label values to a number.

    `Gauge("bookings", "Bookings by status", ("status",), {("confirmed",): 12})` is exported
    as `tierslieux_bookings{status="confirmed"} 12`.
    """

    name: str
    help: str
    labels: tuple[str, ...]
    values: dict[tuple, float]


def _route() -> str:
    rule = request.url_rule
    return rule.rule if rule is not None else "(no route)"  # unknown paths: one label, not one each


def before_request():
    g.metrics_started = time.perf_counter()


def count(route: str, method: str, status: int, seconds: float) -> None:
    REQUESTS.labels(route, method, str(status)).inc()
    LATENCY.labels(route).observe(seconds)


def after_request(response):
    started = g.pop("metrics_started", None)
    if started is not None:
        count(_route(), request.method, response.status_code, time.perf_counter() - started)
    return response


class _Snapshot:
    """A collector of gauges computed once, for one scrape."""

    def __init__(self, gauges):
        self.gauges = gauges

    def collect(self):
        for gauge in self.gauges:
            family = GaugeMetricFamily(PREFIX + gauge.name, gauge.help, labels=list(gauge.labels))
            for labels, value in sorted(gauge.values.items()):
                family.add_metric([str(label) for label in labels], float(value))
            yield family


class _Together:
    """The counters (this process's, or all gunicorn workers') and the snapshot, as one."""

    def __init__(self, *collectors):
        self.collectors = collectors

    def collect(self):
        for collector in self.collectors:
            yield from collector.collect()


def exposition(gauges, accept: str | None) -> tuple[bytes, str]:
    """The counters and `gauges` in the format Prometheus asked for (`Accept`)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        counters = CollectorRegistry()
        multiprocess.MultiProcessCollector(counters)
    else:
        counters = REGISTRY
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Together(counters, _Snapshot(gauges)))
    encoder, content_type = choose_encoder(accept or "")
    return encoder(registry), content_type
