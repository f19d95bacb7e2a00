"""The contact relay: a member writes to another through a form; the platform sends the message
by e-mail with the writer's name, never showing the recipient's address. The mail's Reply-To is
the writer's address, so replying by e-mail shows the writer only the replier's address, once
they choose to reply. Every message can be reported (to the territory admin's queue) or its
writer blocked. Writers are limited to `contact_limit` messages per `contact_window_hours`,
counted in the database (the same on every app server).

Services flush; the caller commits.
"""
from __future__ import annotations

from datetime import timedelta

from flask_babel import gettext as _, ngettext
from sqlalchemy import delete, func, or_, select

from core import audit
from core.accounts.models import User
from core.db import lock_row, utcnow
from core.errors import Forbidden, NotFound
from core.extensions import db
from core.mail import queue_mail
from core.plugins import plugin_config
from core.urls import external_url

from .errors import DirectoryError
from .models import Block, Message, Suspension
from .profiles import masked, visible_profile

MAX_BODY = 4000
REPEAT_WINDOW = timedelta(minutes=10)


def sent_recently(sender_id: int, now=None) -> int:
    config = plugin_config("directory")
    since = (now or utcnow()) - timedelta(hours=config.contact_window_hours)
    return db.session.scalar(select(func.count(Message.id)).where(Message.sender_id == sender_id,
                                                                  Message.created_at >= since)) or 0


def allowance(sender, limit: int | None = None) -> int:
    """How many more messages `sender` may send now (within `limit`, the directory's by default)."""
    return max(0, (limit or plugin_config("directory").contact_limit) - sent_recently(sender.id))


def is_blocked(blocker_id: int, blocked_id: int) -> bool:
    return db.session.get(Block, (blocker_id, blocked_id)) is not None


def _window(hours: int) -> str:
    """The rate limit's window in words, its own plural: "in the last hour", "in the last 24 hours"."""
    return ngettext("in the last hour", "in the last %(num)d hours", hours)


def _checked_body(sender, body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise DirectoryError(_("Write your message first."))
    if len(body) > MAX_BODY:
        raise DirectoryError(ngettext("At most %(num)d character.", "At most %(num)d characters.", MAX_BODY))
    # Writers are serialised per sender (PostgreSQL; SQLite's writes already are), so the count
    # below cannot be passed by two messages sent at once.
    lock_row(User, sender.id)
    if db.session.get(Suspension, sender.id) is not None:
        raise Forbidden(_("You may not write to members through the directory any more. Contact the "
                          "territory's team if you think this is a mistake."))
    return body


def relay_message(sender, recipient_user, body: str, *, about: str = "", limit: int | None = None) -> Message:
    """For other plugins (the boards): relay a message to a member the calling plugin decided
    `sender` may reach (a spouse profile shown to an approved recruiter), whether or not they
    are listed in the directory. The same rules as `write`: the rate limit, blocks, suspensions,
    report and moderation; the recipient's address is never shown. `about` (one line, e.g. the
    post written about) heads the message. `limit`: the most messages this sender may send in
    the directory's window, when the calling plugin trusts them more than a member (a recruiter
    the territory approved writes to many people); all their messages count. Flushes; the
    caller commits."""
    body = _checked_body(sender, body)
    about = masked(" ".join((about or "").split()))[:200]
    if about:
        body = f"{about}\n\n{body}"
    if recipient_user is None or getattr(recipient_user, "erased_at", None) is not None \
            or not getattr(recipient_user, "is_active", False):
        raise NotFound(_("This member cannot be contacted through the directory."))
    return _deliver(sender, recipient_user, body, None, limit)


def write(sender, *, profile_id: int | None = None, reply_to_id: int | None = None, body: str) -> Message:
    """Relay a message to a listed, contactable profile, or as a reply to a message received."""
    body = _checked_body(sender, body)
    original = None
    if reply_to_id is not None:
        original = db.session.get(Message, reply_to_id)
        if original is None or original.recipient_id != sender.id or original.sender_id is None:
            raise NotFound(_("This message does not exist."))
        recipient = original.sender
    else:
        profile = visible_profile(profile_id or 0, sender)
        if profile is None or not profile.contactable:
            raise NotFound(_("This member cannot be contacted through the directory."))
        recipient = profile.user
    return _deliver(sender, recipient, body, original)


def _deliver(sender, recipient, body: str, original, limit: int | None = None) -> Message:
    if recipient.id == sender.id:
        raise DirectoryError(_("You cannot write to yourself."))
    if is_blocked(recipient.id, sender.id):
        raise DirectoryError(_("This member does not accept your messages."), status=403)
    # The same words to the same person a moment ago: a double click or a form sent again, not a
    # second message (the sender is locked above, so two copies sent at once are seen here too).
    twin = db.session.scalar(select(Message).where(
        Message.sender_id == sender.id, Message.recipient_id == recipient.id, Message.body == body,
        Message.created_at >= utcnow() - REPEAT_WINDOW).order_by(Message.id.desc()).limit(1))
    if twin is not None:
        return twin
    if allowance(sender, limit) <= 0:
        config = plugin_config("directory")
        raise DirectoryError(ngettext("You have sent %(num)d message %(window)s, the most allowed. Try again later.",
                                        "You have sent %(num)d messages %(window)s, the most allowed. Try again later.",
                                        limit or config.contact_limit, window=_window(config.contact_window_hours)),
                             code="too_many_requests", status=429)
    message = Message(sender_id=sender.id, recipient_id=recipient.id, body=body,
                      in_reply_to_id=original.id if original else None)
    db.session.add(message)
    db.session.flush()
    queue_mail(recipient.email, "directory_message", locale=recipient.locale, reply_to=sender.email,
               sender_name=masked(sender.display_name), body=body, is_reply=original is not None,
               message_url=external_url("directory.message", message_id=message.id))
    return message


def _received(user, message_id: int) -> Message:
    message = db.session.get(Message, message_id)
    if message is None or message.recipient_id != user.id:
        raise NotFound(_("This message does not exist."))
    return message


def message_for(user, message_id: int) -> Message:
    """A message its sender or recipient may read."""
    message = db.session.get(Message, message_id)
    if message is None or user.id not in (message.sender_id, message.recipient_id):
        raise NotFound(_("This message does not exist."))
    return message


def report(user, message_id: int, reason: str = "") -> Message:
    """The recipient reports a message: it joins the territory admin's moderation queue."""
    message = _received(user, message_id)
    message.reported_at = utcnow()
    message.report_reason = masked((reason or "").strip())[:500]
    message.moderation = "reported"
    audit.record(user, "directory.reported", f"directory_message:{message.id}")
    db.session.flush()
    return message


def block(user, message_id: int) -> None:
    """The recipient blocks a message's writer: no more messages from them."""
    message = _received(user, message_id)
    lock_row(User, user.id)  # blocking twice at once: one row, not a duplicate key (PostgreSQL)
    if message.sender_id is not None and not is_blocked(user.id, message.sender_id):
        db.session.add(Block(blocker_id=user.id, blocked_id=message.sender_id))
        db.session.flush()


def unblock(user, blocked_id: int) -> None:
    row = db.session.get(Block, (user.id, blocked_id))
    if row is not None:
        db.session.delete(row)
        db.session.flush()


def blocked_by(user) -> list[User]:
    return db.session.scalars(select(User).join(Block, Block.blocked_id == User.id)
                              .where(Block.blocker_id == user.id).order_by(User.display_name)).all()


def mailbox(user, limit: int | None = 200) -> list[Message]:
    """A member's messages, received and sent, newest first (the inbox shows the 200 newest)."""
    return db.session.scalars(select(Message).where(or_(Message.recipient_id == user.id,
                                                        Message.sender_id == user.id))
                              .order_by(Message.created_at.desc(), Message.id.desc()).limit(limit)).all()


# --------------------------------------------------------------------------------------------
# Moderation (territory admin)
# --------------------------------------------------------------------------------------------


def queue() -> list[Message]:
    return db.session.scalars(select(Message).where(Message.moderation == "reported")
                              .order_by(Message.reported_at, Message.id)).all()


def reported() -> int:
    """How many reported messages wait for a decision (the count on the administrators' dashboard)."""
    return db.session.scalar(select(func.count()).select_from(Message).where(Message.moderation == "reported")) or 0


def moderate(admin, message_id: int, decision: str) -> Message:
    """`dismiss` a report, or `suspend` its writer from writing through the directory."""
    message = db.session.get(Message, message_id)
    if message is not None and message.sender_id is not None:  # two administrators at once: one decides
        lock_row(User, message.sender_id)
        db.session.refresh(message)
    if message is None or message.moderation != "reported":
        raise NotFound(_("This report does not exist or was already handled."))
    if decision == "suspend" and message.sender_id is not None:
        if db.session.get(Suspension, message.sender_id) is None:
            db.session.add(Suspension(user_id=message.sender_id, by_id=admin.id))
        message.moderation = "suspended"
    elif decision == "dismiss":
        message.moderation = "dismissed"
    else:
        raise DirectoryError(_("Choose what to do with this report."))
    audit.record(admin, f"directory.{message.moderation}", f"directory_message:{message.id}")
    db.session.flush()
    return message


def suspended() -> list[User]:
    return db.session.scalars(select(User).join(Suspension, Suspension.user_id == User.id)
                              .order_by(User.display_name)).all()


def lift(admin, user_id: int) -> None:
    row = db.session.get(Suspension, user_id)
    if row is not None:
        db.session.delete(row)
        audit.record(admin, "directory.suspension_lifted", f"user:{user_id}")
        db.session.flush()


# --------------------------------------------------------------------------------------------
# Personal data
# --------------------------------------------------------------------------------------------


def other_party(message: Message, user) -> User | None:
    return message.recipient if message.sender_id == user.id else message.sender


def export(user) -> list[dict]:
    out = []
    for m in reversed(mailbox(user, limit=None)):  # all of them, not the inbox's 200
        other = other_party(m, user)
        mine_reported = m.reported_at is not None and m.recipient_id == user.id
        out.append({"direction": "sent" if m.sender_id == user.id else "received",
                    "with": other.display_name if other else None, "body": m.body,
                    "created_at": m.created_at.isoformat(), "reported": m.reported_at is not None,
                    "report_reason": m.report_reason if mine_reported else None})
    return out


def export_restrictions(user) -> dict:
    """For the member's data download: the members they blocked (since when), and their own
    suspension from writing through the directory, a decision about them. Who blocked them is
    the other member's, not given."""
    blocked = db.session.execute(select(User.display_name, Block.created_at).join(Block, Block.blocked_id == User.id)
                                 .where(Block.blocker_id == user.id).order_by(Block.created_at)).all()
    suspension = db.session.get(Suspension, user.id)
    return {"blocked": [{"member": masked(name), "since": at.isoformat()} for name, at in blocked],
            "suspended_since": suspension.created_at.isoformat() if suspension is not None else None}


def forget(user) -> None:
    """An erased member: detached from the messages the other side keeps; blocks go (cascade)."""
    for message in db.session.scalars(select(Message).where(or_(Message.sender_id == user.id,
                                                                Message.recipient_id == user.id))):
        if message.sender_id == user.id:
            message.sender_id = None
        if message.recipient_id == user.id:
            message.recipient_id = None
        if message.sender_id is None and message.recipient_id is None:
            db.session.delete(message)
    db.session.execute(Block.__table__.delete().where(or_(Block.blocker_id == user.id, Block.blocked_id == user.id)))
    db.session.execute(Suspension.__table__.delete().where(Suspension.user_id == user.id))
    db.session.flush()


def purge(now) -> int:
    """Messages past the territory's period (`messages_days`) go, whoever wrote them; a reply
    keeps its place, its parent gone (the key is set null). A message reported and not yet
    moderated waits for its moderator: the report is the only trace of what was written."""
    cutoff = now - timedelta(days=plugin_config("directory").messages_days)
    return db.session.execute(delete(Message).where(Message.created_at < cutoff,
                                                    Message.moderation != "reported")).rowcount
