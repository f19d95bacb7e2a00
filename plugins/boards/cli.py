"""`tierslieux boards ...`: start the weekly digest's chain of jobs."""
from __future__ import annotations

import click
from flask.cli import with_appcontext

from core.extensions import db

from .alerts import schedule


@click.group("boards", help="Boards: the weekly digest.")
def cli():
    pass


@cli.command("schedule")
@with_appcontext
def schedule_command():
    """Enqueue next Monday's digest; harmless to run again (keyed by its day)."""
    schedule()
    db.session.commit()
    click.echo("Weekly digest scheduled.")
