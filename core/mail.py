"""The outbox every plugin sends e-mail through.

A message is rendered in the recipient's language and stored in the transaction that causes
it, so a rolled-back change sends nothing. It is delivered over SMTP after the commit (or later
by `tierslieux mail send`, when MAIL_DELIVERY is "queue" or the server was unreachable).
"""
from __future__ import annotations

import base64
import logging
import smtplib
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app, render_template
from flask_babel import force_locale
from jinja2 import TemplateNotFound
from sqlalchemy import JSON, String, Text, event, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from core.db import UTCDateTime, utcnow
from core.extensions import db

log = logging.getLogger("tierslieux.mail")
MAX_ATTEMPTS = 5


class MailMessage(db.Model):
    __tablename__ = "mail_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(255))
    body_text: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str | None] = mapped_column(Text)
    attachments: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[object | None] = mapped_column(UTCDateTime)


def _render(name: str, **context) -> str | None:
    try:
        return render_template(name, **context)
    except TemplateNotFound:
        return None


def queue_mail(to: str, template: str, locale: str | None = None, attachments=(), **context) -> MailMessage:
    """Render `mail/<template>.subject.txt`, `.txt` and optional `.html`, and store the message.

    :param attachments: `(filename, mimetype, bytes)` triples (an .ics, an invoice PDF).
    """
    locale = locale or current_app.config["BABEL_DEFAULT_LOCALE"]
    with force_locale(locale):
        subject = render_template(f"mail/{template}.subject.txt", **context).strip()
        text = render_template(f"mail/{template}.txt", **context)
        html = _render(f"mail/{template}.html", **context)
    message = MailMessage(
        recipient=to, subject=subject, body_text=text, body_html=html,
        attachments=[{"filename": f, "mimetype": m, "data": base64.b64encode(d).decode()}
                     for f, m, d in attachments],
    )
    db.session.add(message)
    db.session.flush()
    db.session.info.setdefault("outbox", []).append(message.id)
    return message


def _as_email(message: MailMessage, sender: str) -> EmailMessage:
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.recipient
    email["Subject"] = message.subject
    email["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1].strip(">") or None)
    email.set_content(message.body_text)
    if message.body_html:
        email.add_alternative(message.body_html, subtype="html")
    for item in message.attachments:
        maintype, subtype = item["mimetype"].split("/", 1)
        email.add_attachment(base64.b64decode(item["data"]), maintype=maintype, subtype=subtype,
                             filename=item["filename"])
    return email


def _smtp(config):
    cls = smtplib.SMTP_SSL if config["MAIL_USE_SSL"] else smtplib.SMTP
    client = cls(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=config["MAIL_TIMEOUT"])
    if config["MAIL_USE_TLS"]:
        client.starttls()
    if config.get("MAIL_USERNAME"):
        client.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
    return client


def _claim(session: Session, ids=None) -> list[MailMessage]:
    """Mark pending messages as being sent and return them, so no two senders send one twice."""
    query = select(MailMessage.id).where(MailMessage.status == "pending", MailMessage.attempts < MAX_ATTEMPTS)
    if ids is not None:
        query = query.where(MailMessage.id.in_(ids))
    claimed = []
    for message_id in session.scalars(query.order_by(MailMessage.id)).all():
        taken = session.execute(update(MailMessage).where(MailMessage.id == message_id,
                                                          MailMessage.status == "pending")
                                .values(status="sending"))
        if taken.rowcount == 1:
            claimed.append(message_id)
    messages = session.scalars(select(MailMessage).where(MailMessage.id.in_(claimed))).all() if claimed else []
    session.commit()  # with expire_on_commit off, the loaded messages stay readable
    return messages


def send_pending(ids=None) -> int:
    """Deliver pending messages (the given ids, or all); return how many were sent.

    Runs in its own session, called right after another transaction committed. No transaction
    is open while talking to the SMTP server, so a slow server never holds the database.
    """
    config = current_app.config
    sent = 0
    with Session(db.engine, expire_on_commit=False) as session:
        messages = _claim(session, ids)
        if not messages:
            return 0
        try:
            client = _smtp(config)
        except OSError as exc:
            log.warning("mail server unreachable, %d message(s) left queued: %s", len(messages), exc)
            _mark(session, [m.id for m in messages], error=str(exc))
            return 0
        with client:
            for message in messages:
                try:
                    client.send_message(_as_email(message, config["MAIL_SENDER"]))
                except (smtplib.SMTPException, OSError) as exc:
                    _mark(session, [message.id], error=str(exc))
                else:
                    _mark(session, [message.id])
                    sent += 1
    return sent


def _mark(session: Session, ids, error: str | None = None) -> None:
    values = {"attempts": MailMessage.attempts + 1}
    if error is None:
        values.update(status="sent", sent_at=utcnow(), last_error=None)
    else:
        values.update(status="pending", last_error=error[:500])  # left for `tierslieux mail send`
    session.execute(update(MailMessage).where(MailMessage.id.in_(ids)).values(**values))
    session.commit()


@event.listens_for(Session, "after_commit")
def _deliver_after_commit(session):
    if session.in_nested_transaction():  # a SAVEPOINT released: the real commit is still to come
        return
    ids = session.info.pop("outbox", None)
    if ids and current_app.config.get("MAIL_DELIVERY", "after_commit") == "after_commit":
        send_pending(ids)


@event.listens_for(Session, "after_rollback")
def _forget_on_rollback(session):
    # A rolled-back SAVEPOINT removes only its own rows; send_pending skips ids that are gone.
    if not session.in_nested_transaction():
        session.info.pop("outbox", None)
