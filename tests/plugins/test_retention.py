"""How long data no longer needed is kept (`tierslieux retention purge`, core.retention): what
has outlived the territory's periods goes, what has not stays, and what the law or a pending
moderation needs is kept whatever its age."""
from __future__ import annotations

import secrets
from datetime import date, timedelta

from sqlalchemy import func, select

from core.audit import AuditEntry
from core.db import utcnow
from core.extensions import db
from core.mail import MailMessage


def _count(model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_the_purge_deletes_or_anonymises_what_outlived_its_period_and_nothing_else(app, runner, make_site,
                                                                                  make_user):
    from core.sites.service import site_by_slug
    from plugins.boards.models import JOB_OFFER, SPOUSE_PROFILE, Placement, Post, Step
    from plugins.directory.models import Message
    from plugins.events.models import Event, Registration

    make_site("figeac")
    member, other = make_user(), make_user()
    now = utcnow()
    with app.app_context():
        site = site_by_slug("figeac")
        # E-mails: 90 days after they were written, sent or not (refused for good, a job dead).
        for age, status in ((91, "sent"), (89, "sent"), (400, "failed"), (95, "pending"), (10, "failed")):
            db.session.add(MailMessage(recipient=f"{age}@example.org", subject="s", body_text="b", status=status,
                                       created_at=now - timedelta(days=age),
                                       sent_at=now - timedelta(days=age) if status == "sent" else None))
        # The audit log: three years.
        for age in (1096, 1094):
            db.session.add(AuditEntry(action=f"test.{age}", subject="x", at=now - timedelta(days=age)))
        # Events: a visitor's name and address a year after the event; a member's stay theirs.
        old = Event(site_id=site.id, title="Old", starts_at=now - timedelta(days=367, hours=2),
                    ends_at=now - timedelta(days=367), capacity=10, seats_taken=2)
        recent = Event(site_id=site.id, title="Recent", starts_at=now - timedelta(days=300, hours=2),
                       ends_at=now - timedelta(days=300), capacity=10, seats_taken=1)
        db.session.add_all([old, recent])
        db.session.flush()
        for event, email, user_id in ((old, "visitor@example.org", None), (old, member.email, member.id),
                                      (recent, "recent@example.org", None)):
            db.session.add(Registration(event_id=event.id, email=email, name="Alex Martin", user_id=user_id,
                                        status="confirmed", token=secrets.token_urlsafe(16)))
        # Boards: a year after the end date, with its steps; the placement stays, detached.
        for title, ends_on, kind in (("ended", date.today() - timedelta(days=370), SPOUSE_PROFILE),
                                     ("recent", date.today() - timedelta(days=200), JOB_OFFER)):
            db.session.add(Post(kind=kind, title=title, ends_on=ends_on, status="published", author_id=other.id,
                                person_id=member.id if kind == SPOUSE_PROFILE else None))
        db.session.flush()
        ended = db.session.scalar(select(Post).where(Post.title == "ended"))
        db.session.add(Step(post_id=ended.id, kind="first_meeting", happened_on=ended.ends_on))
        db.session.add(Placement(post_id=ended.id, year=2025, departement="46"))
        # Directory: relayed messages a year after; one reported waits for its moderator.
        for age, moderation in ((366, ""), (366, "reported"), (300, "")):
            db.session.add(Message(sender_id=other.id, recipient_id=member.id, body=f"{age} {moderation}",
                                   moderation=moderation, created_at=now - timedelta(days=age)))
        db.session.commit()

    def state():
        with app.app_context():
            return {
                "mails": sorted(db.session.scalars(select(MailMessage.recipient))),
                "audit": sorted(db.session.scalars(select(AuditEntry.action).where(AuditEntry.action.like("test.%")))),
                "registrations": sorted(db.session.execute(select(Registration.email, Registration.name)).all()),
                "posts": sorted(db.session.scalars(select(Post.title))),
                "steps": _count(Step),
                "placements": db.session.execute(select(Placement.post_id, Placement.year)).all(),
                "messages": sorted(db.session.scalars(select(Message.body))),
            }

    before = state()
    result = runner.invoke(args=["retention", "purge", "--dry-run"])
    assert result.exit_code == 0, result.output
    for line in ("3 e-mails (dry run)", "1 audit entries (dry run)", "1 visitors' registrations (dry run)",
                 "1 board posts (dry run)", "1 directory messages (dry run)"):
        assert line in result.output, result.output
    assert state() == before  # a dry run changes nothing

    result = runner.invoke(args=["retention", "purge"])
    assert result.exit_code == 0, result.output
    after = state()
    assert after["mails"] == ["10@example.org", "89@example.org"]
    assert after["audit"] == ["test.1094"]
    visitor, = [row for row in after["registrations"] if row.email.startswith("erased:")]
    assert visitor.name == "" and "visitor@example.org" not in str(after["registrations"])
    assert (member.email, "Alex Martin") in after["registrations"]  # a member's is their account's
    assert ("recent@example.org", "Alex Martin") in after["registrations"]
    assert after["posts"] == ["recent"] and after["steps"] == 0
    assert after["placements"] == [(None, 2025)]  # still counted, without the post
    assert after["messages"] == ["300 ", "366 reported"]

    result = runner.invoke(args=["retention", "purge"])  # daily: the next run finds nothing more
    assert "0 e-mails" in result.output and "0 visitors' registrations" in result.output


def test_periods_shorter_than_what_the_platform_needs_are_refused(tmp_path):
    """The audit log is what an operator reads to answer a dispute, and the relay's limit counts
    a month of messages: periods that would cut into them stop start-up, naming the key."""
    import pytest

    from core.config import ConfigError, load_config
    from tests.conftest import TERRITORY

    text = TERRITORY.read_text()
    for extra, key in (("\n[retention]\naudit_days = 7\n", "audit_days"),
                       ("\n[retention]\nmails_days = 0\n", "mails_days")):
        path = tmp_path / "territory.toml"
        path.write_text(text + extra)
        with pytest.raises(ConfigError, match=key):
            load_config(path)
