"""A member's boards data: their download, and erasure. A spouse profile is personal data: it
goes, with its follow-up; the placement it led to stays counted as a number only. Posts a member
wrote go too; a spouse profile the welcome officer wrote for someone else stays with that
person (its author detached)."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import and_, delete, or_, select, update

from core.extensions import db
from core.plugins import plugin_config

from . import posts
from .models import Alert, Grant, Post, Step


def export(user) -> dict:
    mine = db.session.scalars(select(Post).where(or_(Post.author_id == user.id, Post.person_id == user.id))
                              .order_by(Post.id)).all()
    alert = db.session.get(Alert, user.id)
    return {
        "posts": [{"kind": p.kind, "status": p.status, "title": p.title, "description": p.description,
                   "organisation": p.organisation, "codes": posts.codes_of(p),
                   "communes": [c.code for c in p.communes], "ends_on": p.ends_on.isoformat(),
                   "about_me": p.person_id == user.id,
                   "steps": [{"step": s.kind, "outcome": s.outcome, "on": s.happened_on.isoformat(), "note": s.note}
                             for s in p.steps] if p.person_id == user.id else []}
                  for p in mine],
        "alert": None if alert is None else {"codes": alert.codes, "commune": alert.commune_code,
                                             "radius_km": alert.radius_km, "digest": alert.digest,
                                             "matchable": alert.matchable},
        "roles": [g.role for g in db.session.scalars(select(Grant).where(Grant.user_id == user.id))],
    }


def erase(user) -> None:
    for post in db.session.scalars(select(Post).where(or_(Post.person_id == user.id, and_(
            Post.author_id == user.id, Post.person_id.is_(None))))).all():
        db.session.delete(post)  # its steps go with it; its placement stays, detached (SET NULL)
    db.session.execute(update(Post).where(Post.author_id == user.id).values(author_id=None))
    db.session.execute(update(Step).where(Step.officer_id == user.id).values(officer_id=None))
    db.session.execute(delete(Alert).where(Alert.user_id == user.id))
    db.session.execute(delete(Grant).where(Grant.user_id == user.id))
    db.session.flush()


def purge(now) -> int:
    """Posts whose end date is past the territory's period (`ended_posts_days`) go, whatever
    their status, with their follow-up steps; a placement they led to stays counted, detached."""
    cutoff = now.date() - timedelta(days=plugin_config("boards").ended_posts_days)  # a day's slack is nothing here
    ended = db.session.scalars(select(Post).where(Post.ends_on < cutoff)).all()
    for post in ended:
        db.session.delete(post)  # through the ORM: its codes, communes and steps go with it
    db.session.flush()
    return len(ended)
