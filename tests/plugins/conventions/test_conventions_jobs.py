"""Conventions' daily and monthly jobs: statuses swept, notices of conventions ending (once),
and the job chain started by `tierslieux conventions schedule` (idempotent) or the demo seed."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from conventions_helpers import set_convention
from core.extensions import db
from core.jobs import Job
from core.timeutil import today_at
from plugins.conventions.models import Convention

# The real day: `daily` schedules the next day's run, and the test's job runner runs a job whose
# time has come at once, so a fixed past date ran the following days too (the tests broke the
# day after they were written).
TODAY = today_at("Europe/Paris")


def _get(app, convention_id) -> Convention:
    with app.app_context():
        convention = db.session.get(Convention, convention_id)
        db.session.expunge(convention)
        return convention


def _daily(app, day: date) -> None:
    from plugins.conventions import jobs

    with app.test_request_context():
        jobs.daily(day.isoformat())
        db.session.commit()


def _to(mailbox, address) -> list:
    return [m for m in mailbox.messages if address in m["To"]]


def test_a_convention_ending_in_60_days_mails_its_referent_once_and_the_admin_to_renew(app, world, mailbox):
    set_convention(app, world.convention_id, starts_on=TODAY - timedelta(days=300), ends_on=TODAY + timedelta(days=61))
    _daily(app, TODAY)
    assert not _to(mailbox, world.referent.email)  # 61 days: not yet
    _daily(app, TODAY + timedelta(days=1))  # 60 days left
    mailbox.wait_for(2)
    [ending] = _to(mailbox, world.referent.email)
    assert "CD46-TT" in ending["Subject"]
    [renew] = _to(mailbox, world.admin.email)
    assert "CD46-TT" in renew["Subject"]
    _daily(app, TODAY + timedelta(days=2))
    _daily(app, TODAY + timedelta(days=3))
    assert len(_to(mailbox, world.referent.email)) == 1 and len(_to(mailbox, world.admin.email)) == 1


def test_the_renewal_notice_reaches_each_administrator_in_their_language(app, world, mailbox):
    """The one mail to a known account that passed no language: an administrator who reads
    English got "Convention CD46-TT à renouveler"."""
    from core.accounts.models import User

    with app.app_context():
        db.session.get(User, world.admin.id).locale = "en"
        db.session.commit()
    set_convention(app, world.convention_id, starts_on=TODAY - timedelta(days=300), ends_on=TODAY + timedelta(days=30))
    _daily(app, TODAY)
    mailbox.wait_for(2)
    [renew] = _to(mailbox, world.admin.email)
    assert renew["Subject"] == "Convention CD46-TT to renew"


def test_the_daily_job_expires_a_convention_after_its_end_date(app, world):
    set_convention(app, world.convention_id, starts_on=TODAY - timedelta(days=365), ends_on=TODAY)
    _daily(app, TODAY)
    assert _get(app, world.convention_id).status == "active"  # its last day
    _daily(app, TODAY + timedelta(days=1))
    assert _get(app, world.convention_id).status == "expired"


def test_tacit_renewal_extends_the_convention_for_the_same_length_and_announces_the_new_end(app, world, mailbox):
    start, end = TODAY - timedelta(days=364), TODAY
    set_convention(app, world.convention_id, starts_on=start, ends_on=end, tacit_renewal=True)
    _daily(app, TODAY)  # ending today: announced
    mailbox.wait_for(1)
    assert len(_to(mailbox, world.referent.email)) == 1
    _daily(app, TODAY + timedelta(days=1))
    renewed = _get(app, world.convention_id)
    assert renewed.status == "active"
    assert (renewed.starts_on, renewed.ends_on) == (end + timedelta(days=1), end + timedelta(days=1) + (end - start))
    assert renewed.ending_notice_at is None  # the new term's end will be announced in its turn


def test_a_signed_convention_starts_on_its_first_day(app, world):
    set_convention(app, world.convention_id, status="signed", starts_on=TODAY + timedelta(days=1),
         ends_on=TODAY + timedelta(days=365))
    _daily(app, TODAY)
    assert _get(app, world.convention_id).status == "signed"
    _daily(app, TODAY + timedelta(days=1))
    assert _get(app, world.convention_id).status == "active"


def test_module_off_the_daily_job_changes_nothing_but_keeps_the_chain(app, world, runner):
    set_convention(app, world.convention_id, starts_on=TODAY - timedelta(days=365), ends_on=TODAY - timedelta(days=1))
    assert runner.invoke(args=["modules", "disable", "conventions"]).exit_code == 0
    _daily(app, TODAY)
    assert _get(app, world.convention_id).status == "active"
    with app.app_context():
        assert db.session.scalar(select(Job.id).where(Job.key == f"conventions.daily:{TODAY + timedelta(days=1)}"))


def _pending(app) -> list[tuple[str, str]]:
    with app.app_context():
        return sorted(tuple(row) for row in db.session.execute(select(Job.name, Job.key).where(
            Job.name.like("conventions.%"), Job.status == "pending")))


def test_the_schedule_command_starts_the_daily_and_monthly_jobs_once(app, world, runner):
    with app.app_context():
        db.session.execute(Job.__table__.delete().where(Job.name.like("conventions.%")))
        db.session.commit()
    first = runner.invoke(args=["conventions", "schedule"])
    assert first.exit_code == 0, first.output
    assert "conventions.daily" in first.output and "conventions.monthly" in first.output
    assert runner.invoke(args=["conventions", "schedule"]).exit_code == 0
    today = today_at("Europe/Paris")
    first_next = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    assert _pending(app) == [("conventions.daily", f"conventions.daily:{today + timedelta(days=1)}"),
                             ("conventions.monthly", f"conventions.monthly:{first_next:%Y-%m}")]


def test_the_daily_job_schedules_the_next_one(app, world):
    _daily(app, TODAY)
    _daily(app, TODAY)  # run twice (a retry): still one next run
    with app.app_context():
        keys = db.session.scalars(select(Job.key).where(Job.name == "conventions.daily")).all()
        assert keys.count(f"conventions.daily:{TODAY + timedelta(days=1)}") == 1


def test_the_demo_seed_starts_the_job_chain(app, world):
    from core.demo import seed

    with app.test_request_context():
        db.session.execute(Job.__table__.delete().where(Job.name.like("conventions.%")))
        db.session.commit()
        seed()
        db.session.commit()
        counted = db.session.scalar(select(func.count(Job.id)).where(Job.name.like("conventions.%"),
                                                                     Job.status == "pending"))
    assert counted == 2
