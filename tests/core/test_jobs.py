"""The job queue: runs after the commit only, retries with back-off, dies visibly, is taken back
after a dead worker's lease, and never runs one job twice, even with workers racing."""
from __future__ import annotations

from datetime import timedelta

import pytest

from sqlalchemy import func, select, update

from core import audit
from core.db import utcnow
from core.extensions import db
from core.hookspecs import hookimpl
from core.jobs import Job, enqueue, run_pending
from core.jobs.runner import claim, run_claimed
from core.plugins import Module
from devtools.races import errors, run_together


def _mark(n):
    audit.record(None, "toy.ran", f"toy:{n}")


def _fail(n):
    raise RuntimeError(f"outside service down for {n}")


class Toy:
    MODULE = Module(name="toyjobs", label="Toy jobs")

    @hookimpl
    def job_handlers(self):
        return {"toy.mark": _mark, "toy.fail": _fail}


EXTRA_PLUGINS = (Toy(),)


def _runs(subject=None):
    query = select(func.count()).select_from(audit.AuditEntry).where(audit.AuditEntry.action == "toy.ran")
    if subject:
        query = query.where(audit.AuditEntry.subject == subject)
    return db.session.scalar(query)


def _enqueue(app, name, n=1, **options):
    app.config["JOBS_RUN"] = options.pop("run", app.config["JOBS_RUN"])
    with app.app_context():
        job_id = enqueue(name, n=n, **options)
        db.session.commit()
        return job_id


def test_a_job_runs_once_its_transaction_commits_and_never_if_it_rolls_back(app):
    with app.test_request_context(method="POST"):
        enqueue("toy.mark", n=1)
        db.session.rollback()
        assert db.session.scalars(select(Job)).all() == []
        enqueue("toy.mark", n=2)
        assert _runs() == 0  # not before the commit
        db.session.commit()
    with app.app_context():
        assert _runs("toy:2") == 1 and _runs() == 1
        assert db.session.scalars(select(Job.status)).one() == "done"


def test_a_key_makes_one_job(app):
    app.config["JOBS_RUN"] = "worker"
    with app.app_context():
        first = enqueue("toy.mark", key="once", n=1)
        again = enqueue("toy.mark", key="once", n=1)
        db.session.commit()
        assert first == again
        assert run_pending() == 1 and _runs() == 1


@pytest.mark.job_failures(r"\(toy\.fail\) failed .*outside service down")
def test_a_failing_job_is_retried_then_dead_and_can_be_retried_by_hand(app, client, auth, make_user):
    job_id = _enqueue(app, "toy.fail", run="worker", max_attempts=3)
    app.config["JOBS_BACKOFF_SECONDS"] = 60
    with app.app_context():
        assert run_pending() == 0
        job = db.session.get(Job, job_id)
        assert (job.status, job.attempts) == ("pending", 1) and "outside service down" in job.last_error
        assert job.run_at > utcnow() + timedelta(seconds=50)  # backed off: not due yet
        assert run_pending() == 0 and db.session.get(Job, job_id).attempts == 1
        for _ in range(2):
            db.session.execute(update(Job).where(Job.id == job_id).values(run_at=utcnow()))
            db.session.commit()
            run_pending()
        job = db.session.get(Job, job_id)
        assert (job.status, job.attempts) == ("dead", 3)
        db.session.rollback()

    runner = app.test_cli_runner()
    listed = runner.invoke(args=["jobs", "list", "--status", "dead"]).output
    assert f"{job_id}" in listed and "toy.fail" in listed and "dead: 1" in listed

    auth.login(make_user("territory-admin"))
    page = client.get("/admin/jobs").get_data(as_text=True)
    assert "toy.fail" in page and "outside service down" in page
    assert client.post(f"/admin/jobs/{job_id}/retry").status_code == 303
    with app.app_context():
        job = db.session.get(Job, job_id)
        assert (job.status, job.attempts) == ("pending", 0)
        db.session.execute(update(Job).where(Job.id == job_id).values(status="dead"))
        db.session.commit()
    result = runner.invoke(args=["jobs", "retry", str(job_id)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(args=["jobs", "retry", "999999"]).exit_code != 0


def test_members_and_managers_cannot_see_the_queue(client, auth, make_user, make_site):
    make_site("figeac")
    auth.login(make_user("site-manager", sites=["figeac"]))
    assert client.get("/admin/jobs").status_code == 403
    assert client.post("/admin/jobs/1/retry").status_code == 403


def test_a_dead_workers_job_is_taken_back_after_its_lease(app):
    job_id = _enqueue(app, "toy.mark", run="worker")
    with app.app_context():
        assert claim("crashed-worker") is not None  # claimed, then the process died
        db.session.rollback()
        assert run_pending() == 0  # its lease still holds
        db.session.execute(update(Job).where(Job.id == job_id).values(locked_until=utcnow() - timedelta(seconds=1)))
        db.session.commit()
        assert run_pending() == 1
        job = db.session.get(Job, job_id)
        assert (job.status, job.attempts) == ("done", 2) and _runs() == 1


@pytest.mark.job_failures(r"\(toy\.mark\) lost its lease")
def test_a_worker_that_lost_its_lease_applies_nothing(app):
    job_id = _enqueue(app, "toy.mark", run="worker")
    with app.app_context():
        slow = claim("slow-worker")
        db.session.execute(update(Job).where(Job.id == job_id).values(locked_until=utcnow() - timedelta(seconds=1)))
        db.session.commit()
        fast = claim("fast-worker")
        assert run_claimed(fast, "fast-worker") is True
        assert run_claimed(slow, "slow-worker") is False
        assert _runs() == 1 and db.session.get(Job, job_id).status == "done"


def test_racing_workers_run_each_job_exactly_once(app):
    app.config["JOBS_RUN"] = "worker"
    with app.app_context():
        for n in range(30):
            enqueue("toy.mark", n=n)
        db.session.commit()

    def work(name):
        with app.app_context():
            run_pending(worker=name)

    assert errors(run_together(work, [f"w{i}" for i in range(4)])) == []
    with app.app_context():
        subjects = db.session.scalars(select(audit.AuditEntry.subject)
                                      .where(audit.AuditEntry.action == "toy.ran")).all()
        assert sorted(subjects) == sorted(f"toy:{n}" for n in range(30))
        assert set(db.session.scalars(select(Job.status))) == {"done"}
