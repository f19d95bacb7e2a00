"""Billing: webhook throughput in process, and invoice PDF time.

Figures are ratios against baselines measured in the same run: the webhook against a no-op
handler that only verifies the same signed bodies; the PDF against rendering the same invoice
as HTML. The Stripe emulator runs in process; e-mails are queued, not sent.
"""
from __future__ import annotations

import json
import os
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVENTS = 40
SECRET = "whsec_bench"


class _Collector:
    def __init__(self):
        from werkzeug.serving import make_server
        import threading

        self.received = []
        self._server = make_server("127.0.0.1", 0, self, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}/hook"
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()

    def __call__(self, environ, start_response):
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        self.received.append((body, environ.get("HTTP_STRIPE_SIGNATURE")))
        start_response("200 OK", [])
        return [b"ok"]

    def stop(self):
        self._server.shutdown()


def _app(tmp, emulator):
    import flask_migrate

    from core import create_app
    from core.extensions import db

    os.environ["TIERSLIEUX_INSTANCE"] = str(Path(tmp) / "instance")
    app = create_app(ROOT / "examples/territories/aveyron-lot-cantal.toml", {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.db", "SECRET_KEY": "bench", "TESTING": True,
        "SERVER_NAME": "bench.test", "WTF_CSRF_ENABLED": False, "JOBS_RUN": "worker",
        "STRIPE_SECRET_KEY": "sk_test_bench", "STRIPE_API_BASE": emulator.url, "STRIPE_WEBHOOK_SECRET": SECRET})
    with app.app_context():
        flask_migrate.upgrade(revision="heads")
        from core.demo import seed

        seed()
        db.session.commit()
    return app


def _paid_sessions(app, emulator, collector):
    from core.accounts.models import User
    from core.extensions import db
    from core.sites.service import site_by_slug
    from plugins.billing.checkout import create_order, start_session
    from plugins.billing.products import quote

    with app.test_request_context():
        member = User.by_email("camille.martin@demo.tierslieux.fr")
        site = site_by_slug("figeac-maison-emploi")
        ids = []
        for _ in range(EVENTS):
            order = create_order(member, site, quote(site, "bundle_10", member.id))
            db.session.commit()
            ids.append(start_session(order).id)
            db.session.commit()
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    for session_id in ids:
        opener.open(urllib.request.Request(f"{emulator.url}/_emulator/pay/{session_id}",
                                           data=b"card=4242424242424242", method="POST")).read()
    events = [(b, s) for b, s in collector.received if json.loads(b)["type"] == "checkout.session.completed"]
    return events


def _rate(client, url, events) -> float:
    start = time.perf_counter()
    for body, signature in events:
        response = client.post(url, data=body, headers={"Stripe-Signature": signature,
                                                        "Content-Type": "application/json"})
        assert response.status_code == 200, response.get_data(as_text=True)
    return len(events) / (time.perf_counter() - start)


def _noop_route(app):
    from flask import jsonify, request

    from plugins.billing.webhooks import verify

    def noop():
        verify(request.get_data(), request.headers.get("Stripe-Signature", ""))
        return jsonify(received=True)

    app.add_url_rule("/bench/noop-webhook", "bench_noop", noop, methods=["POST"])


def _timed(func, runs=5) -> float:
    func()  # warm-up (fonts, templates)
    start = time.perf_counter()
    for _ in range(runs):
        func()
    return (time.perf_counter() - start) / runs


def main():
    from sqlalchemy import select

    from core.extensions import db
    from devtools.stripe_emulator import EmulatorServer
    from plugins.billing.models import Invoice
    from plugins.billing.pdf import invoice_html, invoice_pdf

    collector = _Collector()
    emulator = EmulatorServer(webhook_endpoints=[(collector.url, SECRET)], async_delivery=False).start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            app = _app(tmp, emulator)
            _noop_route(app)
            events = _paid_sessions(app, emulator, collector)
            client = app.test_client()
            baseline = _rate(client, "/bench/noop-webhook", events)
            fulfil = _rate(client, "/billing/stripe/webhook", events)
            replay = _rate(client, "/billing/stripe/webhook", events)
            with app.app_context():
                invoice = db.session.scalar(select(Invoice))
                html = _timed(lambda: invoice_html(invoice))
                pdf = _timed(lambda: invoice_pdf(invoice))
                db.engine.dispose()
    finally:
        emulator.stop()
        collector.stop()
    print(f"webhook, no-op signed handler (baseline): {baseline:8.1f} events/s")
    print(f"webhook, checkout.session.completed fulfilled (re-fetch, invoice, PDF, e-mail queued): "
          f"{fulfil:8.1f} events/s = {fulfil / baseline:.3f} x baseline")
    print(f"webhook, replayed events (stored id found): {replay:8.1f} events/s = {replay / baseline:.3f} x baseline")
    print(f"invoice as HTML (baseline): {html * 1000:7.1f} ms")
    print(f"invoice as PDF (WeasyPrint): {pdf * 1000:7.1f} ms = {pdf / html:.0f} x HTML")


if __name__ == "__main__":
    main()
