"""`tierslieux booking ...`: operators' commands (the sweep, to schedule every few minutes)."""
from __future__ import annotations

import click
from flask.cli import with_appcontext


@click.group("booking", help="Bookings: tidy expired holds, no-shows and waitlist offers.")
def cli():
    pass


@cli.command("sweep")
@with_appcontext
def sweep_command():
    """Expire past holds and waitlist offers, mark no-shows, send reminders."""
    from plugins.booking.sweep import sweep

    for key, value in sweep().items():
        click.echo(f"{key}: {value}")
