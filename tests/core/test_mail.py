"""The outbox: nothing is sent for a rolled-back change; an unreachable server keeps mail queued;
a message that cannot be built is a dead job, never an error page."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from core.extensions import db
from core.jobs import Job
from core.mail import MailMessage, queue_mail
from tests.conftest import make_app

USER = type("U", (), {"display_name": "Ada"})


def test_mail_is_sent_after_commit_with_its_attachment_and_date(app, mailbox):
    with app.test_request_context():
        queue_mail("someone@example.org", "reset_password", locale="en", user=USER, link="http://x",
                   attachments=[("a.ics", "text/calendar", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")])
        assert mailbox.messages == []
        db.session.commit()
    [message] = mailbox.wait_for(1)
    assert message["Subject"] == "Choose a new password"
    assert message["Date"] is not None and message["Message-ID"].endswith(">")
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "a.ics" and attachment.get_content_type() == "text/calendar"
    with app.app_context():
        assert db.session.scalars(select(Job.status)).all() == ["done"]


def test_rolled_back_change_sends_nothing(app, mailbox):
    with app.test_request_context():
        queue_mail("someone@example.org", "reset_password", user=USER, link="x")
        db.session.rollback()
        db.session.commit()
        assert db.session.scalars(select(MailMessage)).all() == []
        assert db.session.scalars(select(Job)).all() == []
    assert mailbox.messages == []


@pytest.mark.job_failures(r"\(mail\.send\) failed .*ConnectionRefusedError")
def test_unreachable_server_keeps_mail_queued_until_sent(database_url, smtp_server, tmp_path, mailbox):
    down = make_app(database_url, smtp_server, tmp_path, MAIL_PORT=1)
    with down.test_request_context():
        queue_mail("someone@example.org", "reset_password", user=USER, link="x")
        db.session.commit()
        [message] = db.session.scalars(select(MailMessage)).all()
        assert message.status == "pending" and message.attempts == 1 and message.last_error
        [job] = db.session.scalars(select(Job)).all()
        assert job.status == "pending" and job.attempts == 1 and "Connection refused" in job.last_error
        db.session.rollback()
        db.engine.dispose()
    up = make_app(database_url, smtp_server, tmp_path)
    result = up.test_cli_runner().invoke(args=["mail", "send"])
    assert "sent 1 message" in result.output
    assert mailbox.wait_for(1)[0]["To"] == "someone@example.org"
    assert "sent 0 message" in up.test_cli_runner().invoke(args=["mail", "send"]).output
    with up.app_context():
        assert db.session.scalars(select(MailMessage)).one().status == "sent"
        assert db.session.scalars(select(Job.status)).one() == "done"
        db.session.rollback()
        db.engine.dispose()


@pytest.mark.job_failures(r"\(mail\.send\) failed .*cannot be built: ValueError: Header values")  # an injection
def test_a_message_that_cannot_be_built_is_a_dead_job(app, mailbox):
    with app.test_request_context(method="POST"):
        message = queue_mail("someone@example.org", "reset_password", user=USER, link="x")
        message.subject = "Poste 6\nBcc: x@evil.example"  # what a header injection would give
        db.session.commit()
    with app.app_context():
        job = db.session.scalars(select(Job)).one()
        assert job.status == "dead" and "cannot be built" in job.last_error
        assert db.session.scalars(select(MailMessage.status)).one() == "pending"
    assert mailbox.messages == []
