"""Events' tables: an event at a site (or online) and the registrations for it."""
from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.db import UTCDateTime, utcnow
from core.extensions import db

AUDIENCES = ("public", "members", "partner")
# A registration holds a seat when "confirmed"; "pending" waits for a visitor's e-mail confirmation;
# "held" keeps a seat of a paid event until `hold_expires_at`, while its ticket is being paid.
SEATED = "confirmed"
HELD = "held"
STATUSES = ("pending", "held", "confirmed", "waiting", "cancelled")


class Event(db.Model):
    """An information day, a workshop, a breakfast: a time, a place (or a link), seats."""

    __tablename__ = "events_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    # None: online (the link is shown to registered people only).
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id", ondelete="CASCADE"), index=True)
    online_url: Mapped[str] = mapped_column(String(500), default="")
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[object] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[object] = mapped_column(UTCDateTime)
    capacity: Mapped[int]
    # The seats held by confirmed registrations, changed only by compare-and-set updates
    # (seats_taken < capacity): the database, not Python, decides who gets the last seat.
    seats_taken: Mapped[int] = mapped_column(default=0)
    audience: Mapped[str] = mapped_column(String(10), default="public")
    partner_id: Mapped[int | None]  # conventions' partner for the "partner" audience (its table is theirs)
    room_id: Mapped[int | None]  # booking's resource, and the block holding it for the event
    room_booking_id: Mapped[int | None]
    status: Mapped[str] = mapped_column(String(10), default="scheduled")  # or "cancelled"
    # A ticket sold through billing: its price excluding VAT in cents (0: free) and VAT rate.
    price_cents: Mapped[int] = mapped_column(default=0, server_default="0")
    vat_rate_bp: Mapped[int] = mapped_column(default=0, server_default="0")
    # iCalendar's SEQUENCE: raised each time registrants are told the event moved or is cancelled.
    sequence: Mapped[int] = mapped_column(default=0, server_default="0")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)

    site = relationship("Site", lazy="joined")

    __table_args__ = (CheckConstraint("seats_taken >= 0 AND seats_taken <= capacity", name="seats"),)

    @property
    def is_online(self) -> bool:
        return self.site_id is None

    @property
    def is_paid(self) -> bool:
        return self.price_cents > 0

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.seats_taken, 0)


class Registration(db.Model):
    """Someone coming: a member, or a visitor known by e-mail; a seat or a place in the waitlist."""

    __tablename__ = "events_registration"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events_event.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    email: Mapped[str] = mapped_column(String(254))  # lower case; "" once erased
    name: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(10), default="pending")
    # The secret of a visitor's links (confirm, cancel, calendar); members use it too for the .ics.
    token: Mapped[str] = mapped_column(String(64), unique=True)
    queued_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)  # the waitlist's order
    attended: Mapped[bool | None]  # None until the manager takes the attendance
    reminded_at: Mapped[object | None] = mapped_column(UTCDateTime)
    confirmed_at: Mapped[object | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[object | None] = mapped_column(UTCDateTime)
    hold_expires_at: Mapped[object | None] = mapped_column(UTCDateTime)  # a held seat, until paid
    order_id: Mapped[int | None]  # billing's order that paid the ticket (its table is billing's)
    # The language the registration was made in: a visitor's later mails (the reminder, a move)
    # are sent by jobs, which have no request to read it from; a member's account language wins.
    locale: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)

    event = relationship("Event", lazy="joined")
    user = relationship("User")

    __table_args__ = (UniqueConstraint("event_id", "email", name="uq_events_registration_event_email"),
                      Index("ix_events_registration_event_status", "event_id", "status"))
