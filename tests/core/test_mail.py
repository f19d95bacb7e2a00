"""The outbox: nothing is sent for a rolled-back change; an unreachable server keeps mail queued."""
from __future__ import annotations

from sqlalchemy import select

from core.extensions import db
from core.mail import MailMessage, queue_mail, send_pending
from tests.conftest import make_app


def test_mail_is_sent_after_commit_with_its_attachment(app, mailbox):
    with app.test_request_context():
        queue_mail("someone@example.org", "reset_password", locale="en",
                   user=type("U", (), {"display_name": "Ada"}), link="http://x",
                   attachments=[("a.ics", "text/calendar", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")])
        assert mailbox.messages == []
        db.session.commit()
    [message] = mailbox.wait_for(1)
    assert message["Subject"] == "Choose a new password"
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "a.ics" and attachment.get_content_type() == "text/calendar"


def test_rolled_back_change_sends_nothing(app, mailbox):
    with app.test_request_context():
        queue_mail("someone@example.org", "reset_password", user=type("U", (), {"display_name": "A"}), link="x")
        db.session.rollback()
        db.session.commit()
        assert db.session.scalars(select(MailMessage)).all() == []
    assert mailbox.messages == []


def test_unreachable_server_keeps_mail_queued_until_sent(database_url, smtp_server, tmp_path, mailbox):
    down = make_app(database_url, smtp_server, tmp_path, MAIL_PORT=1)
    with down.test_request_context():
        queue_mail("someone@example.org", "reset_password", user=type("U", (), {"display_name": "A"}), link="x")
        db.session.commit()
        [message] = db.session.scalars(select(MailMessage)).all()
        assert message.status == "pending" and message.attempts == 1 and message.last_error
        db.engine.dispose()
    up = make_app(database_url, smtp_server, tmp_path)
    result = up.test_cli_runner().invoke(args=["mail", "send"])
    assert "sent 1 message" in result.output
    assert mailbox.wait_for(1)[0]["To"] == "someone@example.org"
    with up.app_context():
        assert send_pending() == 0  # nothing left to send
        assert db.session.scalars(select(MailMessage)).one().status == "sent"
        db.session.rollback()
        db.engine.dispose()
