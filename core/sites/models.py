"""A site, its opening hours, its closures and its managers."""
from __future__ import annotations

from datetime import date, time

from sqlalchemy import JSON, CheckConstraint, Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.db import UTCDateTime, utcnow
from core.extensions import db

site_manager = Table(
    "site_manager",
    db.metadata,
    Column("user_id", ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True),
    Column("site_id", ForeignKey("site.id", ondelete="CASCADE"), primary_key=True),
)

AMENITIES = ("wifi", "coffee", "kitchen", "restaurant_nearby", "parking", "step_free_access",
             "videoconference", "printer", "bike_parking", "public_transport")
KINDS = ("telecentre", "coworking")


class Site(db.Model):
    __tablename__ = "site"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    kind: Mapped[str] = mapped_column(String(20), default="telecentre")
    host_organisation: Mapped[str | None] = mapped_column(String(160))
    address: Mapped[str] = mapped_column(String(255))
    postcode: Mapped[str] = mapped_column(String(10))
    commune: Mapped[str] = mapped_column(String(120))
    departement: Mapped[str] = mapped_column(String(3))
    latitude: Mapped[float]
    longitude: Mapped[float]
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Paris")
    description: Mapped[str] = mapped_column(Text, default="")
    amenities: Mapped[list] = mapped_column(JSON, default=list)
    contact_email: Mapped[str | None] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(30))
    closed_on_public_holidays: Mapped[bool] = mapped_column(default=True)
    is_published: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)

    opening_hours = relationship("OpeningHours", cascade="all, delete-orphan", lazy="selectin",
                                 order_by="(OpeningHours.weekday, OpeningHours.opens)")
    closures = relationship("Closure", cascade="all, delete-orphan", order_by="Closure.starts_on")
    managers = relationship("User", secondary=site_manager, back_populates="managed_sites")
    photos = relationship("SitePhoto", cascade="all, delete-orphan", order_by="SitePhoto.id")


class OpeningHours(db.Model):
    """One opening interval on a weekday (0 = Monday); a day may have two (lunch break)."""

    __tablename__ = "site_opening_hours"
    __table_args__ = (CheckConstraint("opens < closes", name="opens_before_closes"),
                      CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"))

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int]
    opens: Mapped[time]
    closes: Mapped[time]


class Closure(db.Model):
    """An exceptional closing (holidays of the host, works), inclusive dates."""

    __tablename__ = "site_closure"
    __table_args__ = (CheckConstraint("starts_on <= ends_on", name="starts_before_ends"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id", ondelete="CASCADE"), index=True)
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    reason: Mapped[str] = mapped_column(String(200), default="")


class SitePhoto(db.Model):
    """A photo of a site; the text alternative is required (it is read out to blind visitors)."""

    __tablename__ = "site_photo"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(40), unique=True)
    alt_text: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)


def _watch():
    from core.cache import watch

    for model in (Site, OpeningHours, Closure, SitePhoto):
        watch(model, "sites")


_watch()
