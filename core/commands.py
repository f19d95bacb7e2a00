"""The operators' commands (`tierslieux users|tokens|mail|uploads|seed-demo`), added to the
app's CLI through the `cli_commands` hook like any plugin's."""
from __future__ import annotations

import click
from flask.cli import with_appcontext

from core.extensions import db
from core.hookspecs import hookimpl
from core.sites.importer import sites_cli


@click.group("users", help="Accounts.")
def users_cli():
    pass


@users_cli.command("create")
@click.argument("email")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--role", default="member", show_default=True,
              type=click.Choice(["member", "site-manager", "territory-admin", "partner"]))
@click.option("--site", "sites", multiple=True, help="Slug of a site this manager runs (repeatable).")
@click.option("--name", default="", help="Display name.")
@with_appcontext
def create_user(email, password, role, sites, name):
    from core.accounts.service import AccountError, create_user as create
    from core.sites.service import site_by_slug

    chosen = []
    for slug in sites:
        site = site_by_slug(slug)
        if site is None:
            raise click.BadParameter(f"no site with slug '{slug}'", param_hint="--site")
        chosen.append(site)
    try:
        user = create(email, password, name or email.split("@")[0], role=role, confirmed=True, sites=chosen)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    db.session.commit()
    click.echo(f"created {role} {user.email} (id {user.id})")


@click.group("tokens", help="Personal API tokens.")
def tokens_cli():
    pass


@tokens_cli.command("create")
@click.argument("email")
@click.option("--name", default="cli", show_default=True)
@with_appcontext
def create_token(email, name):
    from core.accounts.models import User
    from core.api.tokens import TokenError, create_token as create

    user = User.by_email(email)
    if user is None or not user.is_active:
        raise click.ClickException(f"no active account for {email}")
    try:
        secret = create(user, name)
    except TokenError as exc:
        raise click.BadParameter(str(exc), param_hint="--name") from None
    db.session.commit()
    click.echo(secret)


@click.group("mail", help="The outbox.")
def mail_cli():
    pass


@mail_cli.command("send")
@with_appcontext
def send_mail():
    """Deliver every message still waiting now (a worker does it anyway, with back-off)."""
    from core.jobs import run_pending
    from core.mail import JOB

    click.echo(f"sent {run_pending(names=[JOB])} message(s)")


@click.group("uploads", help="Uploaded files (photos, signed copies).")
def uploads_cli():
    pass


@uploads_cli.command("sweep")
@click.option("--older-than-hours", default=24, show_default=True, type=click.IntRange(min=1),
              help="Leave younger files alone (a request may still be committing them).")
@click.option("--dry-run", is_flag=True, help="List what would go, delete nothing.")
@click.option("--force", is_flag=True, help="Sweep a folder even when more than half its files would go.")
@with_appcontext
def sweep_uploads(older_than_hours, dry_run, force):
    """Delete uploaded files no row names: left by a process killed between writing the file and
    committing its row (daily, from cron). Safe at any time; pause it while restoring a backup."""
    from datetime import timedelta

    from core.uploads import sweep_orphans

    result = sweep_orphans(timedelta(hours=older_than_hours), dry_run=dry_run, force=force)
    db.session.rollback()
    for path in result.deleted:
        click.echo(f"{'would delete' if dry_run else 'deleted'} {path}")
    click.echo(f"{len(result.deleted)} file(s) no row names{' (dry run)' if dry_run else ''}")
    for folder, count in result.held_back.items():
        click.echo(f"held back: {count} file(s) in {folder} that no row names are more than half of it; "
                   "is this the right database? --force deletes them", err=True)


@click.group("retention", help="How long data no longer needed is kept (docs/operations.md).")
def retention_cli():
    pass


@retention_cli.command("purge")
@click.option("--dry-run", is_flag=True, help="Count what would go, change nothing.")
@with_appcontext
def purge_retention(dry_run):
    """Delete or anonymise what has outlived its period (daily, from cron): e-mails, old
    audit entries, and each plugin's own (visitors' registrations, ended board posts...)."""
    from core.db import utcnow
    from core.retention import purge

    counts = purge(utcnow())
    if dry_run:
        db.session.rollback()
    else:
        db.session.commit()
    for kind, count in sorted(counts.items()):
        click.echo(f"{count} {kind}{' (dry run)' if dry_run else ''}")


@click.command("seed-demo")
@with_appcontext
def seed_demo():
    """Load the demo territory (idempotent) and print the demo logins."""
    from flask import current_app

    from core.demo import seed

    if current_app.config["PRODUCTION"]:  # its accounts have a published password
        raise click.ClickException("seed-demo refuses to run in production (TIERSLIEUX_ENV=production)")

    for line in seed():
        click.echo(line)


@hookimpl
def cli_commands():
    return [users_cli, tokens_cli, mail_cli, uploads_cli, retention_cli, seed_demo, sites_cli]
