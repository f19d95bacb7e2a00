"""Booking tables: resources, per-kind rules, bookings (with holds and blocks), waitlist, feeds."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from core.db import UTCDateTime, utcnow, whole_seconds
from core.extensions import db

KINDS = ("desk", "office", "room", "visio")  # in the order pages list them
ROOM_KINDS = ("room", "visio")  # booked by the hour; desks and offices by the half-day or the day
# Statuses that occupy a resource; the database refuses two overlapping rows among them.
ACTIVE = ("held", "confirmed", "checked_in")
# Cancellations the member chose (their own, or by erasing their account): the late rules of the
# site and of an employer's convention apply to them, not to a manager's or the platform's.
MEMBERS_CHOICE = ("member", "account_erased")
STATUSES = ACTIVE + ("cancelled", "expired", "no_show")


class Resource(db.Model):
    """A bookable unit of capacity one: a desk (maybe in a named group), an office, a room."""

    __tablename__ = "booking_resource"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(120))
    group_name: Mapped[str] = mapped_column(String(120), default="")
    seats: Mapped[int] = mapped_column(default=1)
    equipment: Mapped[list] = mapped_column(JSON, default=list)
    accessible: Mapped[bool] = mapped_column(default=True)
    photos: Mapped[list] = mapped_column(JSON, default=list)
    description: Mapped[str] = mapped_column(Text, default="")
    approval_required: Mapped[bool] = mapped_column(default=False)
    retired_at: Mapped[object | None] = mapped_column(UTCDateTime)
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)

    site = relationship("Site", lazy="joined")

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


class Rule(db.Model):
    """Booking rules of a site, for one kind of resource or (kind "") the site's defaults."""

    __tablename__ = "booking_rule"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10), default="")
    min_minutes: Mapped[int | None]
    max_minutes: Mapped[int | None]
    max_days_ahead: Mapped[int | None]
    min_notice_minutes: Mapped[int | None]
    cancel_deadline_minutes: Mapped[int | None]
    buffer_minutes: Mapped[int | None]
    max_per_week: Mapped[int | None]
    max_per_period: Mapped[int | None]
    approval_required: Mapped[bool | None]

    __table_args__ = (Index("uq_booking_rule_site_kind", "site_id", "kind", unique=True),)


class Booking(db.Model):
    """A resource for a time range; a manager's maintenance block is a booking with no member."""

    __tablename__ = "booking_booking"

    id: Mapped[int] = mapped_column(primary_key=True)
    resource_id: Mapped[int] = mapped_column(ForeignKey("booking_resource.id"))
    # Copied from the resource so the network-wide availability query reads one index.
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    # Indexed with the start (below), which serves any query by member (migration 0005).
    member_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    starts_at: Mapped[object] = mapped_column(UTCDateTime)
    ends_at: Mapped[object] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(12), default="confirmed")
    is_block: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(String(255), default="")
    hold_expires_at: Mapped[object | None] = mapped_column(UTCDateTime)
    hold_reason: Mapped[str | None] = mapped_column(String(20))
    series_id: Mapped[str | None] = mapped_column(String(32), index=True)
    checkin_code: Mapped[str] = mapped_column(String(12))
    checked_in_at: Mapped[object | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[object | None] = mapped_column(UTCDateTime)
    cancel_reason: Mapped[str | None] = mapped_column(String(20))
    # Why, as the member was told: a manager's words on cancelling or refusing, or the closure's
    # reason. Personal data: erased with the member's account (plugin.user_data_erase).
    cancel_note: Mapped[str] = mapped_column(String(500), default="", server_default="")
    payer_kind: Mapped[str | None] = mapped_column(String(20))
    payer_reference: Mapped[str | None] = mapped_column(String(80))
    price_cents: Mapped[int | None]
    currency: Mapped[str | None] = mapped_column(String(3))
    reminded_at: Mapped[object | None] = mapped_column(UTCDateTime)
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)

    resource = relationship("Resource", lazy="joined")
    member = relationship("User", foreign_keys=[member_id])

    __table_args__ = (
        Index("ix_booking_booking_resource_starts", "resource_id", "starts_at"),
        Index("ix_booking_booking_site_starts", "site_id", "starts_at"),
        # A member's bookings by start: the API's pages of them, their next ones (migration 0004);
        # and any other query by member (the index on the member alone went in 0005).
        Index("ix_booking_booking_member_starts", "member_id", "starts_at"),
    )

    @classmethod
    def occupying(cls, starts_at, ends_at, now, since=None) -> tuple:
        """Query criteria: active bookings, holds not lapsed, overlapping [starts_at, ends_at).
        A booking lasts at most a day, so `starts_at > starts_at - 1 day` bounds the index scan
        (`since`: that instant, given apart by a statement built once with bound parameters)."""
        return (cls.status.in_(ACTIVE), cls.starts_at < ends_at, cls.ends_at > starts_at,
                cls.starts_at > (starts_at - timedelta(days=1) if since is None else since),
                (cls.status != "held") | (cls.hold_expires_at >= now))

    @validates("starts_at", "ends_at")
    def _whole_seconds(self, key, value):
        # Whole seconds, widened outwards: the availability search reads ranges as integer
        # seconds (`core.db.epoch_seconds`) and must never see a booking shorter than it is.
        return whole_seconds(value, up=key == "ends_at") if value is not None else value

    @property
    def site(self):
        return self.resource.site

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE


class WaitlistEntry(db.Model):
    """A member waiting for a place of a kind at a site for a slot; offered in turn."""

    __tablename__ = "booking_waitlist"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    member_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    starts_at: Mapped[object] = mapped_column(UTCDateTime)
    ends_at: Mapped[object] = mapped_column(UTCDateTime)
    # offered, booked, expired, left; closed: a closure of the site covers its day (its member told)
    status: Mapped[str] = mapped_column(String(10), default="waiting")
    offered_resource_id: Mapped[int | None] = mapped_column(ForeignKey("booking_resource.id"))
    offer_expires_at: Mapped[object | None] = mapped_column(UTCDateTime)
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)

    member = relationship("User")
    site = relationship("Site")

    __table_args__ = (Index("ix_booking_waitlist_site_starts", "site_id", "starts_at"),)


class Feed(db.Model):
    """The secret of a private calendar feed: a member's bookings (and, with the same secret,
    events' members' events of a site), or a site's bookings for its managers."""

    __tablename__ = "booking_feed"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id", ondelete="CASCADE"))
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)
