"""The boards' tables: posts of four kinds with their ROME codes and communes, the territory's
grants (approved recruiters, welcome officers), the welcome officer's steps, placements counted
without names, and members' alerts (weekly digest, being proposed to employers)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.db import UTCDateTime, utcnow
from core.extensions import db

JOB_OFFER, SKILL_WANTED, ACTIVITY, SPOUSE_PROFILE = "job_offer", "skill_wanted", "activity", "spouse_profile"
KINDS = (JOB_OFFER, SKILL_WANTED, ACTIVITY, SPOUSE_PROFILE)
PUBLIC_KINDS = (JOB_OFFER, SKILL_WANTED, ACTIVITY)
PENDING, PUBLISHED, REJECTED = "pending", "published", "rejected"


class Post(db.Model):
    """A board post. Shows once the territory admin published it, until `ends_on` (included).
    A spouse profile is about `person` (the spouse's own account: the relay reaches them); its
    author is the spouse or the welcome officer who wrote it with their consent."""

    __tablename__ = "boards_post"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    status: Mapped[str] = mapped_column(String(12), default=PENDING, index=True)
    title: Mapped[str] = mapped_column(String(160))
    description: Mapped[str] = mapped_column(Text, default="")
    organisation: Mapped[str] = mapped_column(String(160), default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    ends_on: Mapped[date] = mapped_column(Date, index=True)
    source_url: Mapped[str] = mapped_column(String(300), default="")
    employment_type: Mapped[str] = mapped_column(String(20), default="")
    headcount: Mapped[int | None]
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)
    published_at: Mapped[object | None] = mapped_column(UTCDateTime)
    moderated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    rejection_reason: Mapped[str] = mapped_column(String(500), default="")

    author = relationship("User", foreign_keys=[author_id], lazy="joined")
    person = relationship("User", foreign_keys=[person_id], lazy="joined")
    codes = relationship("PostCode", lazy="selectin", cascade="all, delete-orphan", order_by="PostCode.id")
    communes = relationship("PostCommune", lazy="selectin", cascade="all, delete-orphan",
                            order_by="PostCommune.id")
    steps = relationship("Step", lazy="selectin", cascade="all, delete-orphan",
                         order_by="(Step.happened_on, Step.id)")


class PostCode(db.Model):
    """A ROME code of a post: a job (`J1404`), a domain (`J14`) or a skill's `code_ogr`."""

    __tablename__ = "boards_post_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("boards_post.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(12), index=True)


class PostCommune(db.Model):
    """A commune of a post (INSEE code, core.geo): where the job is, or where a spouse can go."""

    __tablename__ = "boards_post_commune"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("boards_post.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(5), index=True)


class Grant(db.Model):
    """A role the territory admin gives: `recruiter` (sees spouse profiles) or `welcome_officer`."""

    __tablename__ = "boards_grant"

    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)
    organisation: Mapped[str] = mapped_column(String(160), default="")
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    granted_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)

    user = relationship("User", foreign_keys=[user_id], lazy="joined")


class Step(db.Model):
    """A step of a spouse's welcome follow-up, recorded by the welcome officer."""

    __tablename__ = "boards_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("boards_post.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # first_meeting, cv_reviewed, introductions, outcome
    outcome: Mapped[str] = mapped_column(String(20), default="")  # placed, training, other
    happened_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(500), default="")
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)


class Placement(db.Model):
    """Someone placed, as a number only: it outlives the erased spouse profile (`post_id` NULL)."""

    __tablename__ = "boards_placement"
    __table_args__ = (UniqueConstraint("post_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("boards_post.id", ondelete="SET NULL"))
    year: Mapped[int] = mapped_column(index=True)
    departement: Mapped[str] = mapped_column(String(3))


class Alert(db.Model):
    """A member's opt-in: the jobs and skills they have, where they live and how far they go;
    `digest`: a weekly e-mail of new matching posts; `matchable`: shown to the employers whose
    posts match (and to approved recruiters), reached through the relay only."""

    __tablename__ = "boards_alert"

    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    codes: Mapped[list] = mapped_column(JSON, default=list)
    commune_code: Mapped[str] = mapped_column(String(5))
    radius_km: Mapped[int] = mapped_column(default=30)
    digest: Mapped[bool] = mapped_column(default=False)
    matchable: Mapped[bool] = mapped_column(default=False)
    last_sent_at: Mapped[object | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)

    user = relationship("User", lazy="joined")
