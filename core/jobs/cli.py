"""`tierslieux worker` and `tierslieux jobs list|retry`: running and watching the job queue."""
from __future__ import annotations

import signal
import threading

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import func, select

from core.db import MAX_ID
from core.extensions import db
from core.jobs import runner
from core.jobs.models import Job


@click.command("worker")
@click.option("--once", is_flag=True, help="Run the due jobs, then exit (for cron or tests).")
@click.option("--interval", default=2.0, show_default=True, help="Seconds between two looks at the queue.")
@with_appcontext
def worker(once, interval):
    """Run queued jobs (e-mails, refunds, follow-ups); start as many as you like, anywhere."""
    if once:
        runner.heartbeat(runner.worker_name())
        click.echo(f"{runner.run_pending()} job(s) done")
        return
    app = current_app._get_current_object()
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    click.echo(f"worker {runner.worker_name()} polling every {interval:g} s (Ctrl+C to stop)")
    runner.work(app, stop, interval=interval)


@click.group("jobs", help="The job queue.")
def jobs_cli():
    pass


@jobs_cli.command("list")
@click.option("--status", type=click.Choice(["pending", "running", "done", "dead"]), default=None,
              help="Only jobs in this state (default: all but done).")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000))
@with_appcontext
def list_jobs(status, limit):
    """Counts per state, then the jobs themselves, newest first."""
    counts = dict(db.session.execute(select(Job.status, func.count()).group_by(Job.status)).all())
    click.echo("  ".join(f"{name}: {counts.get(name, 0)}" for name in ("pending", "running", "dead", "done")))
    query = select(Job).order_by(Job.id.desc()).limit(limit)
    query = query.where(Job.status == status) if status else query.where(Job.status != "done")
    for job in db.session.scalars(query):
        error = (job.last_error or "").splitlines()[-1:] or [""]
        click.echo(f"{job.id:>6}  {job.status:<8} {job.name:<28} attempts {job.attempts}/{job.max_attempts}"
                   f"  next {job.run_at:%Y-%m-%d %H:%M:%S}  {error[0][:80]}")


@jobs_cli.command("retry")
@click.argument("job_id", type=click.IntRange(1, MAX_ID))
@with_appcontext
def retry_job(job_id):
    """Put a dead job back in the queue with fresh attempts."""
    if not runner.retry(job_id):
        raise click.ClickException(f"no dead or pending job {job_id}")
    click.echo(f"job {job_id} queued again")
