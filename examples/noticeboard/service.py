"""Noticeboard's rules: plain functions, values in, values or a `NoticeboardError` out.

They flush, never commit: the caller (a view, a CLI command, a job) owns the transaction.
"""
from __future__ import annotations

from flask_babel import gettext as _, ngettext
from sqlalchemy import delete, select

from core.extensions import db

from .errors import NoticeboardError
from .models import NoticeboardNote

MAX_LENGTH = 500


def notes_at(site, limit: int = 50) -> list[NoticeboardNote]:
    """The latest notes of a site, newest first."""
    return db.session.scalars(select(NoticeboardNote).where(NoticeboardNote.site_id == site.id)
                              .order_by(NoticeboardNote.created_at.desc(), NoticeboardNote.id.desc()).limit(limit)).all()


def post_note(site, author, text: str) -> NoticeboardNote:
    """Post a note at a site; refused when empty or too long."""
    text = (text or "").strip()
    if not text:
        raise NoticeboardError(_("Write something first."))
    if len(text) > MAX_LENGTH:
        raise NoticeboardError(ngettext("At most %(num)d character.", "At most %(num)d characters.", MAX_LENGTH))
    note = NoticeboardNote(site_id=site.id, author_id=author.id, text=text)
    db.session.add(note)
    db.session.flush()
    return note


def export(user) -> list[dict]:
    """A member's notes, for their data download."""
    notes = db.session.scalars(select(NoticeboardNote).where(NoticeboardNote.author_id == user.id)
                               .order_by(NoticeboardNote.id)).all()
    return [{"site": n.site.slug, "text": n.text, "created_at": n.created_at.isoformat()} for n in notes]


def erase(user) -> None:
    """A member leaving takes their notes with them (they are their words, not records)."""
    db.session.execute(delete(NoticeboardNote).where(NoticeboardNote.author_id == user.id))
