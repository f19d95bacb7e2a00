"""`tierslieux booking ...`: operators' commands (the sweep, to schedule every few minutes)."""
from __future__ import annotations

import click
from flask.cli import with_appcontext

from core.extensions import db
from plugins.booking.sweep import STEPS


@click.group("booking", help="Bookings: tidy expired holds, no-shows and waitlist offers.")
def cli():
    pass


@cli.command("sweep")
@with_appcontext
def sweep_command():
    """Expire past holds and waitlist offers, mark no-shows, send reminders."""
    for name, step in STEPS.items():
        count = step()
        db.session.commit()  # each step on its own: a failure later keeps what was done
        click.echo(f"{name}: {count}")
