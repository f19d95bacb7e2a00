"""`tierslieux serve-demo`: the app with local stand-ins for its outside services (`make run`).

The stand-ins listen on free ports and the app is pointed at them, so a second demo, a test run
or anything else on the machine never collides with them; only the app's own port is chosen
(`make run PORT=8000`), and a taken one stops the command with one line.

Which stand-ins to start is decided here, from the app's configuration, rather than through a
hook: the product then holds no reference to development code. Billing is told where Stripe is
through its documented settings (STRIPE_SECRET_KEY, STRIPE_API_BASE, STRIPE_WEBHOOK_SECRET),
exactly as a developer pointing it at the emulator by hand would.
"""
from __future__ import annotations

import faulthandler
import os
import secrets
import signal

import click
from flask import Flask, url_for

from core.jobs.runner import start_thread, stop_thread

from devtools.ports import PortInUse, wsgi_server
from devtools.smtp_sink import PrintingSink
from devtools.stripe_emulator import EmulatorServer

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
WEBHOOK_ENDPOINT = "billing_webhook.stripe_webhook"


class MailStandIn(PrintingSink):
    """The SMTP sink, and the app's MAIL_SERVER / MAIL_PORT pointed at it."""

    def __init__(self, app: Flask):
        super().__init__("127.0.0.1", echo=click.echo)
        self.app = app

    def start(self):
        super().start()
        self.app.config.update(MAIL_SERVER=self.hostname, MAIL_PORT=self.port)
        return self


class StripeStandIn:
    """The Stripe emulator, billing's settings pointed at it, and its webhooks at the app."""

    def __init__(self, app: Flask, app_url: str):
        self.app = app
        with app.test_request_context():
            self.webhook_url = app_url.rstrip("/") + url_for(WEBHOOK_ENDPOINT)
        self.server = None
        self.description = ""

    def start(self):
        secret = "whsec_demo_" + secrets.token_hex(16)
        self.server = EmulatorServer("127.0.0.1", 0, [(self.webhook_url, secret)]).start()
        self.app.config.update(STRIPE_SECRET_KEY="sk_test_demo", STRIPE_API_BASE=self.server.url,
                               STRIPE_WEBHOOK_SECRET=secret)
        self.description = (f"Stripe emulator on {self.server.url}; "
                            "pay with the test card 4242 4242 4242 4242.")
        return self

    def stop(self):
        if self.server is not None:
            self.server.stop()


def stand_ins(app: Flask, app_url: str, mail: bool = True) -> list:
    """The stand-ins this app needs, not started: an SMTP sink unless a real (non-local) mail
    server is configured, the Stripe emulator when billing is offered without real keys."""
    found = []
    if mail and app.config["MAIL_SERVER"] in LOCAL_HOSTS:
        found.append(MailStandIn(app))
    real_stripe = app.config.get("STRIPE_SECRET_KEY") and not app.config.get("STRIPE_API_BASE")
    if "billing" in app.extensions["tierslieux"].modules and not real_stripe:
        found.append(StripeStandIn(app, app_url))
    return found


def serve(app: Flask, host: str, port: int) -> None:
    """Serve until Ctrl+C; click.ClickException (one line, exit code 1) if the port is taken."""
    try:
        server = wsgi_server(host, port, app)
    except PortInUse:
        raise click.ClickException(f"Port {port} is in use: run `make run PORT={port + 1}` "
                                   f"(or `tierslieux serve-demo --port {port + 1}`).") from None
    except OSError as exc:
        raise click.ClickException(f"Cannot listen on {host}:{port}: {exc.strerror or exc}.") from None
    local = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    started = []
    # `kill -USR1 PID` prints where every thread is (a demo that does not stop, say).
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    # Ctrl+C stops the demo even when its parent ignores SIGINT, which children inherit (a shell's
    # background job, some test runners' workers): seen as a demo that would not stop.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    app.config["JOBS_RUN"] = "thread"  # e-mails and follow-ups run beside the demo: no worker to start
    if not os.environ.get("TIERSLIEUX_PUBLIC_URL"):  # e-mail links lead back to this very server
        app.config["PUBLIC_URL"] = f"http://{local}:{server.port}"
    try:
        for stand_in in stand_ins(app, f"http://{local}:{server.port}"):
            started.append(stand_in.start())
            click.echo(stand_in.description)
        start_thread(app)
        click.echo(f"\nTiers-Lieux demo: http://{local}:{server.port}/  (Ctrl+C to stop)")
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        stop_thread(app)
        for stand_in in reversed(started):
            stand_in.stop()
