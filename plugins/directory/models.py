"""The directory's tables: profiles (opt-in, field by field), their skills and usual sites,
organisations, relayed messages and blocks, and the ROME 4.0 vocabulary."""
from __future__ import annotations

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.db import UTCDateTime, utcnow
from core.extensions import db

# The fields a member may show or hide, each a `show_<field>` column of the profile.
FIELDS = ("photo", "organisation", "job", "bio", "skills", "commune", "sites", "available", "links")


class RomeJob(db.Model):
    """A job sheet of ROME 4.0 (`M1203`), with its professional domain (`M12`) and grand domain."""

    __tablename__ = "directory_rome_job"

    code: Mapped[str] = mapped_column(String(5), primary_key=True)
    label: Mapped[str] = mapped_column(String(255))
    domain_code: Mapped[str] = mapped_column(String(3), index=True)
    domain_label: Mapped[str] = mapped_column(String(255))
    grand_domain_code: Mapped[str] = mapped_column(String(1))
    grand_domain_label: Mapped[str] = mapped_column(String(255))
    key: Mapped[str] = mapped_column(Text)  # the label without accents, lower case (suggestions)


class RomeSkill(db.Model):
    """A skill of ROME 4.0 by its `code_ogr`; a macro-skill groups skills (`macro_code`)."""

    __tablename__ = "directory_rome_skill"

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    label: Mapped[str] = mapped_column(String(500))
    is_macro: Mapped[bool] = mapped_column(Boolean, default=False)
    category: Mapped[str] = mapped_column(String(80), default="")
    subcategory: Mapped[str] = mapped_column(String(80), default="")
    macro_code: Mapped[str | None] = mapped_column(String(12), index=True)
    key: Mapped[str] = mapped_column(Text)


class Organisation(db.Model):
    """A company or association hosted at a site."""

    __tablename__ = "directory_organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160))
    kind: Mapped[str] = mapped_column(String(20), default="company")  # company, association, public, other
    description: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)

    site = relationship("Site", lazy="joined")


class Profile(db.Model):
    """A member's directory entry. Nothing shows until `listed` (a consent); each field shows
    only when its `show_*` box is ticked. `search_text` holds the shown fields only."""

    __tablename__ = "directory_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), unique=True)
    listed: Mapped[bool] = mapped_column(default=False)
    contactable: Mapped[bool] = mapped_column(default=False)
    public: Mapped[bool] = mapped_column(default=False)
    show_presence: Mapped[bool] = mapped_column(default=False)
    show_photo: Mapped[bool] = mapped_column(default=False)
    show_organisation: Mapped[bool] = mapped_column(default=True)
    show_job: Mapped[bool] = mapped_column(default=True)
    show_bio: Mapped[bool] = mapped_column(default=True)
    show_skills: Mapped[bool] = mapped_column(default=True)
    show_commune: Mapped[bool] = mapped_column(default=False)
    show_sites: Mapped[bool] = mapped_column(default=True)
    show_available: Mapped[bool] = mapped_column(default=True)
    show_links: Mapped[bool] = mapped_column(default=True)
    job_code: Mapped[str | None] = mapped_column(String(5), index=True)
    job_title: Mapped[str] = mapped_column(String(120), default="")
    bio: Mapped[str] = mapped_column(Text, default="")
    available: Mapped[bool] = mapped_column(default=False)
    links: Mapped[list] = mapped_column(JSON, default=list)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("directory_organisation.id",
                                                                   ondelete="SET NULL"), index=True)
    # A photo in the private folder (see photos.py) and its text alternative.
    photo: Mapped[str | None] = mapped_column(String(40))
    photo_alt: Mapped[str] = mapped_column(String(200), default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    # The home's position while the commune shows (None otherwise), copied from the account by
    # profiles.refresh: latitude and longitude for the search's bounding box, the point on the
    # unit sphere for an exact distance filter and order in plain SQL arithmetic.
    home_latitude: Mapped[float | None] = mapped_column(Float)
    home_longitude: Mapped[float | None] = mapped_column(Float)
    home_x: Mapped[float | None] = mapped_column(Float)
    home_y: Mapped[float | None] = mapped_column(Float)
    home_z: Mapped[float | None] = mapped_column(Float)
    updated_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_directory_profile_home", "home_latitude", "home_longitude", "home_x", "home_y",
                            "home_z", "listed", "user_id"),)

    user = relationship("User", lazy="joined")
    organisation = relationship("Organisation", lazy="joined")
    skills = relationship("ProfileSkill", lazy="selectin", cascade="all, delete-orphan",
                          order_by="ProfileSkill.id")
    sites = relationship("Site", secondary="directory_profile_site", lazy="selectin", order_by="Site.name")


class ProfileSkill(db.Model):
    """A skill of a profile: a ROME skill (`code`) or free text where nothing fits."""

    __tablename__ = "directory_profile_skill"

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("directory_profile.id", ondelete="CASCADE"), index=True)
    code: Mapped[str | None] = mapped_column(String(12), index=True)
    label: Mapped[str] = mapped_column(String(200))


class ProfileSite(db.Model):
    __tablename__ = "directory_profile_site"

    profile_id: Mapped[int] = mapped_column(ForeignKey("directory_profile.id", ondelete="CASCADE"),
                                            primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id", ondelete="CASCADE"), primary_key=True, index=True)


class Message(db.Model):
    """A message relayed by e-mail. Either side may be erased (None): the other keeps it."""

    __tablename__ = "directory_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    sender_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    recipient_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"),
                                                     index=True)
    in_reply_to_id: Mapped[int | None] = mapped_column(ForeignKey("directory_message.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow, index=True)
    reported_at: Mapped[object | None] = mapped_column(UTCDateTime)
    report_reason: Mapped[str] = mapped_column(String(500), default="")
    moderation: Mapped[str] = mapped_column(String(12), default="")  # "", reported, dismissed, suspended

    sender = relationship("User", foreign_keys=[sender_id], lazy="joined")
    recipient = relationship("User", foreign_keys=[recipient_id], lazy="joined")


class Block(db.Model):
    """`blocker` receives no more messages from `blocked`."""

    __tablename__ = "directory_block"

    blocker_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    blocked_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)


class Suspension(db.Model):
    """A member the territory admin stopped from writing through the directory."""

    __tablename__ = "directory_suspension"

    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)
