"""`/healthz` for load balancers and `/metrics` for Prometheus.

Both answer plain HTTP too (no redirect to https): a load balancer or Prometheus may call the
app server directly, behind the proxy. `/metrics` answers only the addresses of
`[monitoring] metrics_allow` (loopback by default) or a bearer token equal to
`TIERSLIEUX_METRICS_TOKEN`; anyone else gets a 404, as if it did not exist.
"""
from __future__ import annotations

import hmac
import ipaddress
from datetime import timedelta

from flask import Blueprint, abort, current_app, jsonify, request
from sqlalchemy import func, select, text

from core.db import utcnow
from core.extensions import db, talisman
from core.jobs.models import Job, WorkerBeat
from core.jobs.status import last_beat_age, oldest_due_age
from core.ops import metrics
from core.plugins import hooks

ops = Blueprint("ops", __name__)


def _check_database():
    db.session.execute(text("SELECT 1"))
    return None


def health() -> tuple[bool, dict]:
    """Each check: "ok" or what is wrong, in a sentence."""
    config = current_app.config
    checks = {}
    try:
        _check_database()
        checks["database"] = "ok"
    except Exception as exc:  # the database is down or refuses us: say so, do not raise
        db.session.rollback()
        checks["database"] = f"unreachable: {type(exc).__name__}"
        return False, checks
    now = utcnow()
    age = oldest_due_age(now)
    limit = config.get("HEALTH_QUEUE_MAX_AGE", 600)
    checks["jobs"] = "ok" if age is None or age <= limit else f"a job has waited {age:.0f} s (limit {limit} s)"
    if config.get("JOBS_RUN", "worker") == "inline":
        checks["workers"] = "ok (jobs run inline)"
    else:
        beat = last_beat_age(now)
        limit = config.get("HEALTH_HEARTBEAT_MAX_AGE", 120)
        checks["workers"] = ("no worker has ever run" if beat is None else "ok" if beat <= limit
                             else f"no worker seen for {beat:.0f} s (limit {limit} s)")
    db.session.rollback()
    return all(value.startswith("ok") for value in checks.values()), checks


@ops.get("/healthz")
@talisman(force_https=False)
def healthz():
    healthy, checks = health()
    return jsonify(status="ok" if healthy else "fail", checks=checks), 200 if healthy else 503


def _allowed() -> bool:
    config = current_app.config
    token = config.get("METRICS_TOKEN")
    given = request.headers.get("Authorization", "")
    if token and given.startswith("Bearer ") and hmac.compare_digest(given[7:].encode(), token.encode()):
        return True
    try:
        address = ipaddress.ip_address(request.remote_addr or "")
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(network, strict=False)
               for network in config.get("METRICS_ALLOW", ("127.0.0.0/8", "::1/128")))


def core_gauges() -> list[metrics.Gauge]:
    now = utcnow()
    by_status = dict(db.session.execute(select(Job.status, func.count()).where(Job.status != "done")
                                        .group_by(Job.status)).all())
    due = db.session.scalar(select(func.count()).select_from(Job).where(Job.status == "pending", Job.run_at <= now))
    gauges = [
        metrics.Gauge("jobs", "Jobs in the queue by status (done ones are not counted)", ("status",),
                      {(status,): by_status.get(status, 0) for status in ("pending", "running", "dead")}),
        metrics.Gauge("jobs_due", "Pending jobs whose time has come", (), {(): due}),
        metrics.Gauge("jobs_oldest_due_age_seconds", "How long the oldest due job has waited", (),
                      {(): oldest_due_age(now) or 0}),
    ]
    beat = last_beat_age(now)
    if beat is not None:
        gauges.append(metrics.Gauge("worker_last_heartbeat_age_seconds", "Seconds since a worker last "
                                    "looked at the queue", (), {(): beat}))
    recent = db.session.scalar(select(func.count()).select_from(WorkerBeat)
                               .where(WorkerBeat.beat_at >= now - timedelta(minutes=2)))
    gauges.append(metrics.Gauge("workers", "Workers seen in the last two minutes", (), {(): recent}))
    return gauges


@ops.get("/metrics")
@talisman(force_https=False)
def metrics_view():
    if not _allowed():
        abort(404)
    gauges = core_gauges()
    for found in hooks().metrics():
        gauges.extend(found or ())
    db.session.rollback()
    body, content_type = metrics.exposition(gauges, request.headers.get("Accept"))
    return body, 200, {"Content-Type": content_type, "Cache-Control": "no-store"}
