"""The development commands, added to `tierslieux` only where the dev extra is installed.

Importing this module imports aiosmtpd (through the SMTP sink): `core.cli` takes an ImportError
here to mean "a production install" and leaves the commands out.
"""
from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from devtools.serve import serve
from devtools.stripe_emulator.__main__ import main as emulator_main


@click.command("serve-demo")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@with_appcontext
def serve_demo(host, port):
    """Serve the app with local stand-ins for mail and payment, on free ports (development)."""
    if current_app.config["PRODUCTION"]:
        raise click.ClickException("serve-demo is a development server: production runs gunicorn")
    serve(current_app._get_current_object(), host, port)


@click.command("stripe-emulator", context_settings={"ignore_unknown_options": True,
                                                     "allow_extra_args": True, "help_option_names": []})
@click.pass_context
def stripe_emulator(ctx):
    """Run the local Stripe emulator alone (options: --host, --port, --webhook URL[,SECRET]; --help)."""
    ctx.exit(emulator_main(ctx.args, prog="tierslieux stripe-emulator"))


COMMANDS = (serve_demo, stripe_emulator)
