"""The territory admin's view of the job queue: what failed for good, and a retry button."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import func, select

from core.admin.forms import ToggleForm
from core.db import find
from core.extensions import db
from core.jobs import runner
from core.jobs.models import Job

jobs = Blueprint("jobs", __name__, url_prefix="/admin/jobs")


@jobs.before_request
@login_required
def _territory_admin_only():
    if not current_user.is_territory_admin:
        abort(403)


@jobs.get("", endpoint="index")
def index():
    counts = dict(db.session.execute(select(Job.status, func.count()).group_by(Job.status)).all())
    dead = db.session.scalars(select(Job).where(Job.status == "dead").order_by(Job.id.desc()).limit(100)).all()
    return render_template("admin/jobs.html", counts=counts, dead=dead, form=ToggleForm())


@jobs.post("/<int:job_id>/retry", endpoint="retry")
def retry(job_id):
    job = find(Job, job_id)
    if job is None:
        abort(404)
    db.session.rollback()
    if runner.retry(job.id):
        flash(_("The job is queued again."), "success")
    else:
        flash(_("This job is not waiting for a retry."), "error")
    return redirect(url_for("jobs.index"), 303)
