"""The welcome officer's follow-up of each spouse: steps (first meeting, CV reviewed,
introductions made, outcome) with their dates, and a yearly count of people placed per
département, kept as numbers only: erasing a spouse's data leaves the count as it was.

Services flush; the caller commits.
"""
from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from core import audit
from core.db import lock_row
from core.extensions import db

from . import access, posts
from .errors import BoardsError
from .models import REJECTED, SPOUSE_PROFILE, Placement, Post, Step

STEPS = {"first_meeting": _l("First meeting"), "cv_reviewed": _l("CV reviewed"),
         "introductions": _l("Introductions made"), "outcome": _l("Outcome")}
OUTCOMES = {"placed": _l("Placed in a job"), "training": _l("Training"), "other": _l("Other outcome")}


def followed() -> list[Post]:
    """Every spouse profile not rejected (waiting, live or archived), newest first."""
    return db.session.scalars(select(Post).where(Post.kind == SPOUSE_PROFILE, Post.status != REJECTED)
                              .order_by(Post.created_at.desc(), Post.id.desc())).all()


def spouse_profile(officer, post_id: int) -> Post:
    access.require(access.is_welcome_officer(officer))
    post = posts.get(post_id)
    if post.kind != SPOUSE_PROFILE:
        raise BoardsError(_("This post is not a spouse profile."), status=404)
    return post


def add_step(officer, post_id: int, kind: str, happened_on, note: str = "", outcome: str = "") -> Step:
    post = spouse_profile(officer, post_id)
    if kind not in STEPS:
        raise BoardsError(_("Choose a step."))
    if not isinstance(happened_on, date) or happened_on > posts.today():
        raise BoardsError(_("Give the date of the step (not in the future)."))
    if kind == "outcome" and outcome not in OUTCOMES:
        raise BoardsError(_("Choose the outcome."))
    lock_row(Post, post.id)  # two officers recording a placement at once: one placement, no 500
    step = Step(post_id=post.id, kind=kind, outcome=outcome if kind == "outcome" else "", happened_on=happened_on,
                note=(note or "").strip()[:500], officer_id=officer.id)
    db.session.add(step)
    if step.outcome == "placed" and db.session.scalar(select(Placement.id).where(Placement.post_id == post.id)) is None:
        communes = posts.communes_of(post)
        db.session.add(Placement(post_id=post.id, year=happened_on.year,
                                 departement=communes[0].departement if communes else ""))
    audit.record(officer, "boards.step", f"boards_post:{post.id}", step=kind)
    db.session.flush()
    return step


def placed_by_departement(year: int) -> dict[str, int]:
    """People placed in a year, per département (erased spouses included, as numbers)."""
    rows = db.session.execute(select(Placement.departement, func.count(Placement.id))
                              .where(Placement.year == year).group_by(Placement.departement)
                              .order_by(Placement.departement))
    return {dep: count for dep, count in rows}
