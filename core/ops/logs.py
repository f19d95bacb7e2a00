"""A request id for every request, carried into the jobs it enqueues, and JSON log lines.

The id comes from the proxy (nginx's `$request_id` in `X-Request-ID`) when it looks like one,
else it is made here; it is sent back in `X-Request-ID`, stored on each job the request
enqueues (`Job.request_id`) and set again while a worker runs that job, so one id follows a
booking from the click to the e-mail it sends.

`TIERSLIEUX_LOG_FORMAT=json` (the default in production) writes one JSON object a line on
standard error: time, level, logger, message, request_id, and the request's method, path,
status and duration for the access line of each request.
"""
from __future__ import annotations

import logging
import os
import re
import sys
import time
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from flask import Flask, g, has_request_context, request

from core.security import path_secret

_JOB_REQUEST_ID: ContextVar[str | None] = ContextVar("tierslieux_request_id", default=None)
VALID_ID = re.compile(r"[A-Za-z0-9._:-]{8,64}")
HEADER = "X-Request-ID"
access_log = logging.getLogger("tierslieux.requests")


def current_request_id() -> str | None:
    """The id of the request being served, or of the request that enqueued the running job."""
    job_id = _JOB_REQUEST_ID.get()
    if job_id is not None:
        return job_id
    if has_request_context():
        return g.get("request_id")
    return None


@contextmanager
def request_id_of_job(value: str | None):
    """While a worker runs a job, its log lines carry the id of the request that enqueued it."""
    token = _JOB_REQUEST_ID.set(value)
    try:
        yield
    finally:
        _JOB_REQUEST_ID.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds `record.request_id` (None outside requests and jobs) for formatters to print."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id()
        return True


def json_formatter() -> logging.Formatter:
    from pythonjsonlogger.json import JsonFormatter

    return JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
                         rename_fields={"asctime": "time", "levelname": "level", "name": "logger"})


def configure_logging(production: bool) -> None:
    """Once per process: JSON lines on stderr when asked (or in production), else Python's defaults."""
    fmt = os.environ.get("TIERSLIEUX_LOG_FORMAT") or ("json" if production else "text")
    root = logging.getLogger()
    if fmt != "json" or any(getattr(h, "tierslieux", False) for h in root.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.tierslieux = True
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(json_formatter())
    root.addHandler(handler)
    root.setLevel(os.environ.get("TIERSLIEUX_LOG_LEVEL", "INFO").upper())


def request_id(given: str | None) -> str:
    """The proxy's id when it looks like one, else a new one."""
    return given if given and VALID_ID.fullmatch(given) else uuid.uuid4().hex


def access(request_id: str, method: str, path: str, status: int, started: float, remote_addr) -> None:
    """The access line of one request (`started`: its time.perf_counter())."""
    access_log.info("request", extra={
        "request_id": request_id, "method": method, "path": path, "status": status,
        "duration_ms": round((time.perf_counter() - started) * 1000, 1), "remote_addr": remote_addr})


def _start():
    g.request_id = request_id(request.headers.get(HEADER))
    g.request_started = time.perf_counter()


def _finish(response):
    rid = g.get("request_id")
    if rid:
        response.headers[HEADER] = rid
        access(rid, request.method, logged_path(), response.status_code, g.request_started, request.remote_addr)
    return response


def logged_path() -> str:
    """The request's path as the access log writes it, its secret left out
    (`core.security.path_secret`): logs are read by more people, and kept longer."""
    token = path_secret()
    return request.path.replace(token, "[secret]") if token else request.path


def init_app(app: Flask) -> None:
    configure_logging(app.config["PRODUCTION"])
    app.before_request(_start)
    app.after_request(_finish)
