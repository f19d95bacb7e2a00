"""`tierslieux serve-demo`: the app with local stand-ins for outside services, for `make run`.

The core brings an SMTP sink that prints every e-mail (sign-up links included) to the terminal;
plugins add theirs through the `demo_servers` hook (billing's Stripe emulator).
"""
from __future__ import annotations

import email
import email.policy

import click
from flask import current_app
from flask.cli import with_appcontext

from core.hookspecs import hookimpl


class SmtpSink:
    """A local SMTP server that prints what it receives instead of delivering it."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.description = f"E-mails are printed here (local SMTP server on {host}:{port})."
        self._controller = None

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        click.echo(f"\n--- e-mail to {message['To']}: {message['Subject']}\n{body.get_content() if body else ''}---")
        return "250 OK"

    def start(self):
        from aiosmtpd.controller import Controller

        self._controller = Controller(self, hostname=self.host, port=self.port)
        self._controller.start()

    def stop(self):
        if self._controller:
            self._controller.stop()


@hookimpl
def demo_servers(app):
    host = app.config["MAIL_SERVER"]
    if host not in ("localhost", "127.0.0.1"):
        return None  # a real mail server is configured: use it
    return [SmtpSink("127.0.0.1", app.config["MAIL_PORT"])]


@click.command("serve-demo")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True)
@with_appcontext
def serve_demo(host, port):
    """Serve the app with its local stand-ins (mail sink, payment emulator)."""
    from werkzeug.serving import run_simple

    from core.jobs.runner import start_thread, stop_thread

    app = current_app._get_current_object()
    app.config["JOBS_RUN"] = "thread"  # e-mails and follow-ups run beside the demo, no worker to start
    servers = [s for group in app.extensions["tierslieux"].pm.hook.demo_servers(app=app) if group for s in group]
    for server in servers:
        server.start()
        click.echo(server.description)
    click.echo(f"\nTiers-Lieux demo: http://{host}:{port}/  (Ctrl+C to stop)")
    start_thread(app)
    try:
        run_simple(host, port, app, threaded=True, use_reloader=False)
    finally:
        stop_thread(app)
        for server in servers:
            server.stop()
