"""/healthz, /metrics, request ids carried into jobs and JSON logs, Sentry (issue 14, item 3)."""
from __future__ import annotations

import gzip
import io
import json
import logging
import threading
from contextlib import contextmanager
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from prometheus_client.parser import text_string_to_metric_families

from core.db import utcnow
from core.extensions import db
from core.jobs import enqueue, run_pending
from core.jobs.models import Job
from core.jobs.runner import heartbeat
from core.ops.logs import RequestIdFilter, json_formatter

LOCAL = {"REMOTE_ADDR": "127.0.0.1"}


def _families(body: str) -> dict:
    return {family.name: family for family in text_string_to_metric_families(body)}


def test_healthz_needs_a_recent_worker_and_no_stuck_job(app_factory):
    app = app_factory(JOBS_RUN="worker")
    client = app.test_client()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json["checks"] == {"database": "ok", "jobs": "ok", "workers": "no worker has ever run"}
    with app.app_context():
        heartbeat("worker-a")
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json["status"] == "ok"
    with app.app_context():
        enqueue("mail.send", run_at=utcnow() - timedelta(minutes=20), message_id=0)
        db.session.commit()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json["checks"]["jobs"].startswith("a job has waited 1200 s")


def test_healthz_says_when_the_database_is_unreachable(app_factory, tmp_path):
    app = app_factory(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/missing/folder/db.sqlite")
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["checks"]["database"].startswith("unreachable")


def test_metrics_answer_loopback_or_the_token_only(app_factory):
    app = app_factory(METRICS_TOKEN="s3cret-token-for-prometheus")
    client = app.test_client()
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": "203.0.113.9"}).status_code == 404
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": "203.0.113.9"},
                      headers={"Authorization": "Bearer wrong"}).status_code == 404
    response = client.get("/metrics", environ_base={"REMOTE_ADDR": "203.0.113.9"},
                          headers={"Authorization": "Bearer s3cret-token-for-prometheus"})
    assert response.status_code == 200
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": "::1"}).status_code == 200


@pytest.mark.job_failures(r"\(no\.such\.handler\) failed .*no handler named")
def test_metrics_count_requests_bookings_payments_and_jobs(app_factory, make_site, make_user):
    from plugins.billing.desk import desk_order
    from plugins.billing.fulfilment import record_paid_on_site
    from plugins.billing.products import quote
    from core.accounts.models import User
    from core.sites.service import site_by_slug

    make_site("figeac")
    member = make_user()
    app = app_factory(JOBS_RUN="worker")  # the invoice's e-mail (a PDF) waits: not this test's business
    client = app.test_client()
    with app.app_context():
        person = db.session.get(User, member.id)
        site = site_by_slug("figeac")
        record_paid_on_site(desk_order(person, site, quote(site, "day_pass", person.id), 2, "cash", None))
        enqueue("no.such.handler")
        db.session.commit()
        run_pending(names=["no.such.handler"])  # dies at once: no handler
    client.get("/sites/figeac")
    response = client.get("/metrics", environ_base=LOCAL)
    assert response.status_code == 200 and response.content_type.startswith("text/plain; version=")
    families = _families(response.get_data(as_text=True))
    requests = {(s.labels["route"], s.labels["status"]): s.value for s in families["tierslieux_http_requests"].samples
                if s.name.endswith("_total")}
    assert requests[("/sites/<site_slug>", "200")] >= 1
    assert "tierslieux_http_request_duration_seconds" in families
    payments = {s.labels["method"]: s.value for s in families["tierslieux_payments"].samples}
    assert payments == {"cash": 1.0}
    assert {s.labels["method"]: s.value for s in families["tierslieux_payments_cents"].samples}["cash"] > 0
    jobs = {s.labels["status"]: s.value for s in families["tierslieux_jobs"].samples}
    assert jobs["dead"] == 1.0
    failures = {(s.labels["job"], s.labels["dead"]): s.value for s in families["tierslieux_job_failures"].samples
                if s.name.endswith("_total")}
    assert failures[("no.such.handler", "yes")] >= 1
    assert "tierslieux_bookings" in families


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__()
        self.stream = io.StringIO()
        self.addFilter(RequestIdFilter())
        self.setFormatter(json_formatter())

    def emit(self, record):
        self.stream.write(self.format(record) + "\n")

    def lines(self):
        return [json.loads(line) for line in self.stream.getvalue().splitlines()]


@contextmanager
def _captured_logs():
    """The JSON log lines written inside the block, INFO and up, as production writes them."""
    capture = _Capture()
    root = logging.getLogger()
    root.addHandler(capture)
    before = root.level
    root.setLevel(logging.INFO)
    try:
        yield capture
    finally:
        root.removeHandler(capture)
        root.setLevel(before)


def test_a_request_id_follows_the_request_into_its_job_and_the_json_logs(app_factory):
    app = app_factory(JOBS_RUN="worker")
    ran = []

    def handler(note):
        logging.getLogger("tierslieux.test").warning("job ran: %s", note)
        ran.append(note)

    app.extensions["tierslieux"].job_handlers["test.note"] = handler

    def enqueue_view():
        enqueue("test.note", note="hello")
        db.session.commit()
        return "queued"

    app.add_url_rule("/test-enqueue", "test_enqueue", enqueue_view, methods=["POST"])
    with _captured_logs() as capture:
        response = app.test_client().post("/test-enqueue", headers={"X-Request-ID": "req-0123456789abcdef"})
        assert response.headers["X-Request-ID"] == "req-0123456789abcdef"
        other = app.test_client().get("/healthz", headers={"X-Request-ID": "<script>"})  # not an id: a new one
        assert len(other.headers["X-Request-ID"]) == 32
        with app.app_context():
            assert db.session.scalar(db.select(Job.request_id).where(Job.name == "test.note")) == \
                "req-0123456789abcdef"
            assert run_pending() == 1  # a worker, outside any request
    assert ran == ["hello"]
    lines = capture.lines()
    access = [line for line in lines if line["logger"] == "tierslieux.requests" and line["path"] == "/test-enqueue"]
    assert access and access[0]["request_id"] == "req-0123456789abcdef" and access[0]["status"] == 200
    job_lines = [line for line in lines if line["message"] == "job ran: hello"]
    assert job_lines == [{"time": job_lines[0]["time"], "level": "WARNING", "logger": "tierslieux.test",
                          "message": "job ran: hello", "request_id": "req-0123456789abcdef"}]


def test_the_access_log_leaves_out_the_secret_of_a_private_address(app_factory):
    """A member's private calendar address (`/booking/feed/<secret>.ics`, which their calendar
    app fetches every few minutes) opens their bookings to whoever holds it: the access log
    writes the path with the secret left out, other paths as they are."""
    from core.accounts.service import create_user
    from plugins.booking.feeds import create_member_feed

    app = app_factory()
    with app.app_context():
        member = create_user("feed.log@example.org", None, "Feed Log")
        db.session.flush()
        secret = create_member_feed(member).token
        db.session.commit()
    with _captured_logs() as capture:
        client = app.test_client()
        opened = client.get(f"/booking/feed/{secret}.ics")
        unknown = client.get("/booking/feed/not-a-secret-at-all.ics")
        client.get("/healthz")
    assert len(secret) > 20 and opened.status_code == 200 and unknown.status_code == 404
    # Nor does a cache keep the answer: it is the member's calendar, whoever asks.
    assert opened.headers["Cache-Control"] == "no-store"
    paths = [line["path"] for line in capture.lines() if line["logger"] == "tierslieux.requests"]
    assert paths == ["/booking/feed/[secret].ics", "/booking/feed/[secret].ics", "/healthz"], paths
    assert not any(secret in line["message"] or secret in str(line.get("path")) for line in capture.lines())


class _SentryInbox(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":  # sentry-sdk compresses with Brotli where the brotli module is installed
            import brotli

            body = brotli.decompress(body)
        self.received.append((self.path, body.decode("utf-8", "replace")))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def test_errors_go_to_sentry_when_a_dsn_is_set(app_factory):
    import sentry_sdk

    server = ThreadingHTTPServer(("127.0.0.1", 0), _SentryInbox)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _SentryInbox.received = []
    try:
        app = app_factory(SENTRY_DSN=f"http://publickey@127.0.0.1:{server.server_port}/42")
        assert sentry_sdk.get_client().is_active()

        def broken():
            raise RuntimeError("the boiler is on fire")

        app.add_url_rule("/broken", "broken", broken)
        with pytest.raises(RuntimeError):
            app.test_client().get("/broken", headers={"X-Request-ID": "req-sentry-0001"})
        sentry_sdk.flush(timeout=5)
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.init(dsn=None)
        server.shutdown()
    events = [body for path, body in _SentryInbox.received
              if path == "/api/42/envelope/" and '"type":"event"' in body.replace(" ", "")]
    assert len(events) == 1 and "the boiler is on fire" in events[0]
    assert '"request_id":"req-sentry-0001"' in events[0].replace(" ", "")


def test_make_runs_demo_answers_healthz_and_metrics(tmp_path, smtp_server):
    """The demo as `make run` serves it (demo territory, seed, worker thread)."""
    import time

    import flask_migrate

    from core import create_app
    from core.demo import seed
    from core.jobs.runner import start_thread, stop_thread
    import os
    from pathlib import Path

    demo_config = Path(__file__).resolve().parents[2] / "examples" / "territories" / "aveyron-lot-cantal.toml"
    os.environ["TIERSLIEUX_INSTANCE"] = str(tmp_path)
    app = create_app(demo_config, {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'demo.db'}",
                                   "MAIL_SERVER": smtp_server.hostname, "MAIL_PORT": smtp_server.port,
                                   "JOBS_RUN": "thread"})
    with app.app_context():
        flask_migrate.upgrade(revision="heads")
        seed()
        db.session.remove()
    start_thread(app, interval=0.2)
    try:
        client = app.test_client()
        deadline = time.monotonic() + 10
        while (response := client.get("/healthz", environ_base=LOCAL)).status_code != 200:
            assert time.monotonic() < deadline, response.json
            time.sleep(0.1)
        metrics = client.get("/metrics", environ_base=LOCAL)
        assert metrics.status_code == 200
        families = _families(metrics.get_data(as_text=True))
        assert {"tierslieux_http_requests", "tierslieux_jobs", "tierslieux_bookings", "tierslieux_workers"} <= set(families)
        assert client.get("/metrics", environ_base={"REMOTE_ADDR": "192.0.2.1"}).status_code == 404
    finally:
        stop_thread(app)
        with app.app_context():
            db.engine.dispose()
