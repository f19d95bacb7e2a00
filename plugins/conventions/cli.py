"""`tierslieux conventions ...`: operators' commands."""
from __future__ import annotations

import click
from flask.cli import with_appcontext

from core.extensions import db


@click.group("conventions", help="Conventions: the daily and monthly jobs.")
def cli():
    pass


@cli.command("schedule")
@with_appcontext
def schedule_command():
    """Start the chain of daily (statuses, notices) and monthly (invoices) jobs; harmless to
    run again (each run is keyed by its day or month), so it may also run from cron."""
    from .jobs import schedule, scheduled

    schedule()
    db.session.commit()
    for name, run_at in scheduled():
        click.echo(f"{name}: {run_at:%Y-%m-%d %H:%M} UTC")
