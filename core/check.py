"""`tierslieux check`: is this instance ready? The file, the database, mail, payments, workers.

Each part is tried for real (a connection, a query, an HTTP request) and reported on one line
with what to fix; the exit code is 1 when any part fails, so a deployment script can stop.
Warnings (`warn`) do not fail the check.
"""
from __future__ import annotations

import os
import re
import smtplib
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import timedelta

import click
from sqlalchemy import func, select, text
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError

from core.config import ConfigError

WORKER_LATE = timedelta(minutes=10)  # a due job older than this: no worker is running

# A database the app cannot open: a wrong DATABASE_URL, a server down, a missing driver.
DATABASE_ERRORS = (OperationalError, NoSuchModuleError, ArgumentError)


def database_problem(exc: Exception) -> str:
    """A wrong DATABASE_URL in one sentence (its password hidden), not a traceback."""
    url = re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", os.environ.get("DATABASE_URL", "(DATABASE_URL not set: SQLite)"))
    first = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    if isinstance(exc, NoSuchModuleError | ArgumentError):
        first += " — write postgresql://user:password@host:5432/name or sqlite:////absolute/path.db"
    return f"cannot open the database {url}: {first}. Check DATABASE_URL."


@dataclass
class Outcome:
    status: str  # "ok", "warn", "FAIL"
    part: str
    message: str


def check_database(app) -> list[Outcome]:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from core.extensions import db, migrate

    try:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            current = set(MigrationContext.configure(connection).get_current_heads())
    except (*DATABASE_ERRORS, SQLAlchemyError) as exc:
        return [Outcome("FAIL", "database", database_problem(exc))]
    heads = set(ScriptDirectory.from_config(migrate.get_config()).get_heads())
    if current != heads:
        return [Outcome("FAIL", "database", f"connected, but {len(heads - current)} of {len(heads)} migration "
                                            "branches are not at their latest revision: run `tierslieux db upgrade`")]
    return [Outcome("ok", "database", f"connected ({db.engine.url.render_as_string(hide_password=True)}), "
                                      "migrations at their latest revision")]


def check_mail(app) -> list[Outcome]:
    from core.mail import smtp_connection

    config = app.config
    where = f"{config['MAIL_SERVER']}:{config['MAIL_PORT']}"
    try:
        with smtp_connection(config) as client:
            client.noop()
    except smtplib.SMTPAuthenticationError:
        return [Outcome("FAIL", "mail", f"{where} refused the user name or password: check MAIL_USERNAME and "
                                        "MAIL_PASSWORD")]
    except (smtplib.SMTPException, OSError) as exc:
        return [Outcome("FAIL", "mail", f"cannot talk to the SMTP server {where}: {exc or type(exc).__name__}. "
                                        "Check [mail] server/port/use_tls/use_ssl (or MAIL_SERVER, MAIL_PORT)")]
    return [Outcome("ok", "mail", f"the SMTP server {where} answers; e-mails are sent from {config['MAIL_SENDER']}")]


def check_payments(app) -> list[Outcome]:
    """Billing's Stripe settings: the keys, and the webhook reachable at the public address."""
    from flask import url_for

    from core.plugins import registry

    if "billing" not in registry().modules:
        return []
    config = app.config
    if not config.get("STRIPE_SECRET_KEY"):
        return [Outcome("warn", "payments", "no STRIPE_SECRET_KEY: online payment is off, bookings are paid on "
                                            "site (docs/territory.md, \"Payments\")")]
    out = []
    if not config.get("STRIPE_WEBHOOK_SECRET"):
        out.append(Outcome("FAIL", "payments", "STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is not: payments "
                                               "would never be confirmed. Copy the webhook's signing secret (whsec_...)"))
    else:
        out.append(Outcome("ok", "payments", "Stripe keys present" + (f" (API at {config['STRIPE_API_BASE']})"
                                                                     if config.get("STRIPE_API_BASE") else "")))
    public = config.get("PUBLIC_URL")
    if public:
        with app.test_request_context():
            path = url_for("billing_webhook.stripe_webhook")
        out.append(_webhook_reachable(public.rstrip("/") + path))
    return out


def _webhook_reachable(url: str) -> Outcome:
    """An unsigned POST must come back refused by the app (400), not lost on the way."""
    request = urllib.request.Request(url, data=b"{}", method="POST", headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except (urllib.error.URLError, OSError) as exc:
        return Outcome("FAIL", "payments", f"the webhook {url} cannot be reached: {getattr(exc, 'reason', exc)}. "
                                           "Stripe must reach it from the Internet")
    if status == 400:
        return Outcome("ok", "payments", f"the webhook {url} answers (an unsigned call is refused, as it must be)")
    return Outcome("FAIL", "payments", f"the webhook {url} answered {status} instead of refusing an unsigned call "
                                       "(400): check the proxy forwards POST /billing/stripe/webhook to the app")


def check_workers(app) -> list[Outcome]:
    """Workers write a heartbeat each time they look at the queue (core/jobs/runner.py): a recent
    one says a worker runs; none, or an old one, with a job overdue says none does."""
    from core.db import utcnow
    from core.extensions import db
    from core.jobs.models import Job
    from core.jobs.runner import HEARTBEAT_SECONDS
    from core.jobs.status import last_beat_age, oldest_due_age

    now = utcnow()
    out = []
    mode = app.config.get("JOBS_RUN", "worker")
    beat, late = last_beat_age(now), oldest_due_age(now)
    limit = app.config.get("HEALTH_HEARTBEAT_MAX_AGE", 120)
    start = "Start `tierslieux worker` (docs/operations.md, \"Workers\")"
    if mode != "worker":
        out.append(Outcome("ok", "workers", f"jobs run {mode} (TIERSLIEUX_JOBS={mode}): no worker needed"))
    elif beat is not None and beat <= limit:
        out.append(Outcome("ok", "workers", f"a worker looked at the queue {beat:.0f} s ago"))
    elif late is not None and late > WORKER_LATE.total_seconds():
        out.append(Outcome("FAIL", "workers", f"a job has been due for {int(late // 60)} minutes: no worker is "
                                              f"running. {start}"))
    elif beat is None:
        out.append(Outcome("warn", "workers", f"no worker has run on this database yet. {start}"))
    else:
        out.append(Outcome("FAIL", "workers", f"no worker seen for {int(beat // 60)} minutes (a running worker "
                                              f"checks in every {HEARTBEAT_SECONDS} s). {start}"))
    dead = db.session.scalar(select(func.count()).select_from(Job).where(Job.status == "dead"))
    if dead:
        out.append(Outcome("warn", "workers", f"{dead} job(s) gave up after their retries: "
                                              "`tierslieux jobs list --status dead`, then `tierslieux jobs retry ID`"))
    return out


def run_checks(app) -> list[Outcome]:
    """Every part's outcome (in an app context); the workers only with a working database."""
    outcomes = check_database(app)
    workers = check_workers(app) if outcomes[0].status == "ok" else []
    return outcomes + check_mail(app) + check_payments(app) + workers


@click.command("check")
def check():
    """Check the territory file, the database, mail, payments and the workers; say what to fix."""
    from core import create_app

    try:
        app = create_app()
    except ConfigError as exc:
        click.echo(f"FAIL  file: {exc}")
        raise SystemExit(1) from None
    except DATABASE_ERRORS as exc:  # a DATABASE_URL that is not one fails as the app is built
        click.echo(f"FAIL  database: {database_problem(exc)}")
        raise SystemExit(1) from None
    click.echo(f"ok    file: {app.config['TERRITORY'].territory.name}")
    with app.app_context():
        outcomes = run_checks(app)
    for outcome in outcomes:
        click.echo(f"{outcome.status:<5} {outcome.part}: {outcome.message}")
    failed = [o for o in outcomes if o.status == "FAIL"]
    click.echo(f"{len(failed)} problem(s) to fix." if failed else "Ready.")
    raise SystemExit(1 if failed else 0)
