"""The `tierslieux` console script: Flask's commands, the app's (core and plugins) and `db`."""
from __future__ import annotations

import sys

import click
import flask_migrate
from flask.cli import FlaskGroup, ScriptInfo, with_appcontext
from flask_migrate.cli import db as migrate_db

from core.check import DATABASE_ERRORS, check, database_problem
from core.config import ConfigError
from core.scaffold import new_plugin
from core.territory_init import territory_cli


# Flask-Migrate's own group, but `upgrade` goes to every head (the core and each plugin branch).
db_group = click.Group("db", callback=migrate_db.callback, params=migrate_db.params,
                       help="Database migrations (Alembic): the core and every plugin's branch.")


for _name, _command in migrate_db.commands.items():
    if _name != "upgrade":
        db_group.add_command(_command)


@db_group.command("upgrade")
@click.argument("revision", default="heads")
@with_appcontext
def upgrade(revision):
    """Bring the database to the latest revision of the core and of every plugin."""
    flask_migrate.upgrade(revision=revision)


def _create_app():
    from core import create_app

    return create_app()


class TiersLieuxCLI(FlaskGroup):
    """Serve `db upgrade` from our group, where `heads` (all plugin branches) is the default."""

    def get_command(self, ctx, name):
        if name == "db":
            return db_group
        return super().get_command(ctx, name)

    def list_commands(self, ctx):
        """`--help` lists every command; without a working configuration it lists those that
        need none and says, in one line, why the others are missing (no traceback)."""
        info = ctx.ensure_object(ScriptInfo)
        try:
            info.load_app()
        except ConfigError as exc:
            click.secho(f"Note: {exc}\nOnly the commands that need no configuration are listed.\n", err=True)
            return sorted(click.Group.list_commands(self, ctx))
        except DATABASE_ERRORS as exc:
            click.secho(f"Note: {database_problem(exc)}\n", err=True)
            return sorted(click.Group.list_commands(self, ctx))
        return super().list_commands(ctx)


cli = TiersLieuxCLI(create_app=_create_app, help="Tiers-Lieux: a territory's network of tiers-lieux.")
# These need no app: they work on a fresh clone, before any configuration (`check` starts the
# app itself and reports what fails).
cli.add_command(new_plugin)
cli.add_command(territory_cli)
cli.add_command(check)


def _add_dev_commands(group: click.Group) -> None:
    """`serve-demo` and `stripe-emulator` come from the dev package, and only where its extra is
    installed (`pip install -e '.[dev]'`, as `make run` and `make test` do): a production install
    (`pip install '.[postgres]'`) has no aiosmtpd, so `devtools.cli` does not import."""
    try:
        from devtools.cli import COMMANDS
    except ImportError:
        return
    for command in COMMANDS:
        group.add_command(command)


_add_dev_commands(cli)


def main():
    try:
        cli.main(prog_name="tierslieux", standalone_mode=True)
    except ConfigError as exc:
        raise SystemExit(f"tierslieux: {exc}") from None
    except DATABASE_ERRORS as exc:
        print(f"tierslieux: {database_problem(exc)}", file=sys.stderr)
        raise SystemExit(1) from None
