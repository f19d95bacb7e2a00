"""The outbox every plugin sends e-mail through.

A message is rendered in the recipient's language and stored in the transaction that causes
it, with a "mail.send" job (`core.jobs`): a rolled-back change sends nothing, and a committed
one is delivered by a worker, retried with back-off while the SMTP server is down. No request
waits on SMTP. A message that cannot be built (a header with a line break) is a dead job, shown
to the territory admin, never an error page.
"""
from __future__ import annotations

import base64
import logging
import smtplib
from email.message import EmailMessage
from email.utils import format_datetime

from flask import current_app, render_template
from flask_babel import force_locale
from jinja2 import TemplateNotFound
from sqlalchemy import JSON, String, Text, delete, func, update
from sqlalchemy.orm import Mapped, mapped_column

from core.db import UTCDateTime, utcnow
from core.extensions import db
from core.jobs import Permanent, enqueue

log = logging.getLogger("tierslieux.mail")
JOB = "mail.send"


class MailMessage(db.Model):
    __tablename__ = "mail_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient: Mapped[str] = mapped_column(String(254))
    reply_to: Mapped[str | None] = mapped_column(String(254))  # where a reply goes, when not to the sender
    subject: Mapped[str] = mapped_column(String(255))
    body_text: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str | None] = mapped_column(Text)
    attachments: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[object | None] = mapped_column(UTCDateTime)


def _render(name: str, /, **context) -> str | None:  # positional: a mail may have a `name` of its own
    try:
        return render_template(name, **context)
    except TemplateNotFound:
        return None


def queue_mail(to: str, template: str, locale: str | None = None, attachments=(), reply_to: str | None = None,
               **context) -> MailMessage:
    """Render `mail/<template>.subject.txt`, `.txt` and optional `.html`, and store the message.

    :param attachments: `(filename, mimetype, bytes)` triples (an .ics, an invoice PDF).
    :param reply_to: the address a reply goes to (the directory's relay: the writer's own).
    """
    locale = locale or current_app.config["BABEL_DEFAULT_LOCALE"]
    with force_locale(locale):
        subject = render_template(f"mail/{template}.subject.txt", **context).strip()
        text = render_template(f"mail/{template}.txt", **context)
        html = _render(f"mail/{template}.html", **context)
    message = MailMessage(
        recipient=to, reply_to=reply_to, subject=subject, body_text=text, body_html=html,
        attachments=[{"filename": f, "mimetype": m, "data": base64.b64encode(d).decode()}
                     for f, m, d in attachments],
    )
    db.session.add(message)
    db.session.flush()
    enqueue(JOB, message_id=message.id, max_attempts=15)  # about six hours of back-off
    return message


def _as_email(message: MailMessage, sender: str) -> EmailMessage:
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.recipient
    email["Subject"] = message.subject
    if message.reply_to:
        email["Reply-To"] = message.reply_to
    email["Date"] = format_datetime(message.created_at)
    # The same at every attempt: delivery is at least once (an SMTP answer lost after the server
    # took the message sends it again), and a copy with the same id is dropped as a duplicate.
    domain = sender.rsplit("@", 1)[-1].strip("> ") or "localhost"
    slug = current_app.config["TERRITORY"].territory.slug
    email["Message-ID"] = f"<{message.id}.{int(message.created_at.timestamp())}.{slug}@{domain}>"
    email.set_content(message.body_text)
    if message.body_html:
        email.add_alternative(message.body_html, subtype="html")
    for item in message.attachments:
        maintype, subtype = item["mimetype"].split("/", 1)
        email.add_attachment(base64.b64decode(item["data"]), maintype=maintype, subtype=subtype,
                             filename=item["filename"])
    return email


def smtp_connection(config):
    """An open, authenticated SMTP connection from the app's MAIL_* settings (also `tierslieux check`)."""
    cls = smtplib.SMTP_SSL if config["MAIL_USE_SSL"] else smtplib.SMTP
    client = cls(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=config["MAIL_TIMEOUT"])
    if config["MAIL_USE_TLS"]:
        client.starttls()
    if config.get("MAIL_USERNAME"):
        client.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
    return client


def forget(address: str) -> int:
    """An erased member's mails, sent or still waiting: those to them are deleted, so the outbox
    keeps neither their address, their name nor what was written to them, and one still waiting
    (SMTP down, a worker not run yet) never goes out (its job finds no message). Those they
    wrote to others through the directory's relay are the others' mails: kept, without their
    address to reply to. Returns how many were deleted."""
    address = address.strip().lower()
    db.session.execute(update(MailMessage).where(func.lower(MailMessage.reply_to) == address).values(reply_to=None))
    return db.session.execute(delete(MailMessage).where(func.lower(MailMessage.recipient) == address)).rowcount


def _refused_for_good(exc: Exception) -> bool:
    """A 5xx answer about this message (RFC 5321: retrying cannot help): its recipient unknown,
    the message too large or refused. Not the sender, the sign-in or a 4xx: those are the
    server's or the settings', and the operator fixes them while the job waits."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return bool(exc.recipients) and all(code >= 500 for code, _text in exc.recipients.values())
    return isinstance(exc, smtplib.SMTPDataError) and exc.smtp_code >= 500


def deliver(message_id: int) -> None:
    """The "mail.send" job: send one stored message over SMTP (at least once)."""
    message = db.session.get(MailMessage, message_id)
    if message is None or message.status == "sent":
        return
    config = current_app.config
    try:
        email = _as_email(message, config["MAIL_SENDER"])
    except (ValueError, TypeError) as exc:
        raise Permanent(f"message {message_id} cannot be built: {type(exc).__name__}: {exc}") from None
    db.session.rollback()  # hold no transaction (nor SQLite's write lock) while SMTP talks
    try:
        with smtp_connection(config) as client:
            client.send_message(email)
    except (smtplib.SMTPException, OSError) as exc:
        final = _refused_for_good(exc)
        db.session.execute(update(MailMessage).where(MailMessage.id == message_id).values(
            attempts=MailMessage.attempts + 1, last_error=str(exc)[:500], **({"status": "failed"} if final else {})))
        db.session.commit()  # the failure is worth keeping even though the job is retried
        if final:
            raise Permanent(f"message {message_id} refused for good: {type(exc).__name__}: {exc}") from None
        raise
    db.session.execute(update(MailMessage).where(MailMessage.id == message_id).values(
        status="sent", sent_at=utcnow(), attempts=MailMessage.attempts + 1, last_error=None))
