"""The job queue as a built-in plugin: the worker command, the core's handlers, the admin page."""
from flask_babel import lazy_gettext as _l

from core.hookspecs import hookimpl
from core.jobs.cli import jobs_cli, worker
from core.jobs.views import jobs
from core.mail import JOB as MAIL_JOB, deliver
from core.ui import NavItem


@hookimpl
def job_handlers():
    return {MAIL_JOB: deliver}


@hookimpl
def cli_commands():
    return [worker, jobs_cli]


@hookimpl
def blueprints():
    return [jobs]


@hookimpl
def admin_links(user):
    if user.is_territory_admin:
        return [NavItem(_l("Background jobs"), "jobs.index", order=85)]
    return None
