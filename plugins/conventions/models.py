"""Conventions' tables, prefixed with the plugin's name; changed only through migrations.

Quantities of telework are counted in half-days (a day is 2), so "1.5 days a week" is exact.
Money is integer cents excluding VAT.
"""
from __future__ import annotations

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.db import UTCDateTime, utcnow
from core.extensions import db

PRICE_MODELS = ("per_day", "flat_seat", "prepaid")
PAST_CAP = ("refuse", "member_pays")
STATUSES = ("draft", "signed", "active", "expired", "terminated")
AUTH_STATUSES = ("pending", "approved", "refused", "inactive")
KINDS = ("desk", "office", "room", "visio")
# The most days a cap or a prepaid budget may be (its column holds half-days): a period's own
# days, and for a budget far beyond any employer's, but within the column's integer.
MAX_DAYS = {"week_cap": 7, "month_cap": 31, "year_cap": 366, "budget_halfdays": 1_000_000}


class Partner(db.Model):
    """An employer or public body paying for its staff's telework days."""

    __tablename__ = "conventions_partner"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))  # legal name
    siret: Mapped[str] = mapped_column(String(14))  # a SIREN (9 digits) or a SIRET (14)
    vat_number: Mapped[str] = mapped_column(String(20), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    public_buyer: Mapped[bool] = mapped_column(default=False)
    chorus_service_code: Mapped[str] = mapped_column(String(100), default="")
    engagement_number: Mapped[str] = mapped_column(String(50), default="")
    listed_publicly: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)

    referents = relationship("Referent", back_populates="partner", lazy="selectin")


class Referent(db.Model):
    """A user with the `partner` role speaking for a partner."""

    __tablename__ = "conventions_referent"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("conventions_partner.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)

    partner = relationship("Partner", back_populates="referents")
    user = relationship("User", lazy="joined")

    __table_args__ = (UniqueConstraint("partner_id", "user_id", name="uq_conventions_referent"),)


class Convention(db.Model):
    """The agreement: which sites and places, at what price, within which caps."""

    __tablename__ = "conventions_convention"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("conventions_partner.id"), index=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    starts_on: Mapped[object] = mapped_column(Date)
    ends_on: Mapped[object] = mapped_column(Date)
    tacit_renewal: Mapped[bool] = mapped_column(default=False)
    notice_days: Mapped[int] = mapped_column(default=60)
    all_sites: Mapped[bool] = mapped_column(default=False)
    site_ids: Mapped[list] = mapped_column(JSON, default=list)
    kinds: Mapped[list] = mapped_column(JSON, default=list)
    price_model: Mapped[str] = mapped_column(String(12), default="per_day")
    day_rate_cents: Mapped[int] = mapped_column(default=0)
    half_day_rate_cents: Mapped[int] = mapped_column(default=0)
    seat_fee_cents: Mapped[int] = mapped_column(default=0)  # flat fee per seat per month
    seats: Mapped[int] = mapped_column(default=0)
    vat_rate_bp: Mapped[int] = mapped_column(default=2000)
    # Caps per employee, in half-days (None: no cap).
    week_cap: Mapped[int | None]
    month_cap: Mapped[int | None]
    year_cap: Mapped[int | None]
    # The overall budget: half-days (prepaid days too) or cents; None: no budget.
    budget_halfdays: Mapped[int | None]
    budget_cents: Mapped[int | None]
    past_cap: Mapped[str] = mapped_column(String(12), default="refuse")
    cancel_notice_hours: Mapped[int] = mapped_column(default=24)
    no_show_counts: Mapped[bool] = mapped_column(default=True)
    email_domains: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(12), default="draft")
    budget_alerted_at: Mapped[object | None] = mapped_column(UTCDateTime)
    ending_notice_at: Mapped[object | None] = mapped_column(UTCDateTime)
    # The employer's cost centres (their labels); each employee's authorisation names one.
    cost_centres: Mapped[list] = mapped_column(JSON, default=list)
    # The signed copy (a PDF in the instance's private documents folder, see core.uploads).
    signed_copy: Mapped[str | None] = mapped_column(String(40))
    signed_copy_sha256: Mapped[str | None] = mapped_column(String(64))
    signed_copy_at: Mapped[object | None] = mapped_column(UTCDateTime)
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)

    partner = relationship("Partner", lazy="joined")


class Authorisation(db.Model):
    """An employee allowed to telework on a convention; never deleted (inactive when they leave)."""

    __tablename__ = "conventions_authorisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    convention_id: Mapped[int] = mapped_column(ForeignKey("conventions_convention.id"), index=True)
    # SET NULL when the account is erased: the days stay in the statements, detached.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    valid_from: Mapped[object] = mapped_column(Date)
    valid_until: Mapped[object | None] = mapped_column(Date)
    weekdays: Mapped[list] = mapped_column(JSON, default=list)  # [] floating days, else 0=Monday...
    joined_by: Mapped[str] = mapped_column(String(12), default="invitation")  # or "domain", "admin"
    cost_centre: Mapped[str] = mapped_column(String(60), default="")  # one of the convention's, or ""
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    decided_at: Mapped[object | None] = mapped_column(UTCDateTime)
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)

    convention = relationship("Convention", lazy="joined")
    user = relationship("User", foreign_keys=[user_id], lazy="joined")


class Use(db.Model):
    """A booking a convention pays: the ledger its caps, budget and statements read."""

    __tablename__ = "conventions_use"

    id: Mapped[int] = mapped_column(primary_key=True)
    convention_id: Mapped[int] = mapped_column(ForeignKey("conventions_convention.id"))
    authorisation_id: Mapped[int] = mapped_column(ForeignKey("conventions_authorisation.id"))
    booking_id: Mapped[int] = mapped_column(unique=True)  # booking's id (its table is booking's)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    kind: Mapped[str] = mapped_column(String(10))
    day: Mapped[object] = mapped_column(Date)  # the local day
    halfdays: Mapped[int] = mapped_column(default=2)
    amount_cents: Mapped[int] = mapped_column(default=0)
    # counted; returned (cancelled in time); late (cancelled late: counts); no_show
    status: Mapped[str] = mapped_column(String(10), default="counted")
    cost_centre: Mapped[str] = mapped_column(String(60), default="")  # the employee's when the day was booked
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)

    authorisation = relationship("Authorisation", lazy="joined")
    site = relationship("Site", lazy="joined")

    __table_args__ = (Index("ix_conventions_use_convention_day", "convention_id", "day"),)


class Statement(db.Model):
    """A convention's monthly statement, invoiced once through billing's numbering."""

    __tablename__ = "conventions_statement"

    id: Mapped[int] = mapped_column(primary_key=True)
    convention_id: Mapped[int] = mapped_column(ForeignKey("conventions_convention.id"))
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    halfdays: Mapped[int] = mapped_column(default=0)
    total_ht_cents: Mapped[int] = mapped_column(default=0)
    total_ttc_cents: Mapped[int] = mapped_column(default=0)
    invoice_reference: Mapped[str | None] = mapped_column(String(40))
    pdf: Mapped[bytes | None] = mapped_column(db.LargeBinary)
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("convention_id", "month", name="uq_conventions_statement_month"),)


class RenderedDocument(db.Model):
    """A convention rendered as a PDF to sign, cached by the SHA-256 of its HTML: rendering
    again the same text gives this row back."""

    __tablename__ = "conventions_rendered"

    id: Mapped[int] = mapped_column(primary_key=True)
    convention_id: Mapped[int] = mapped_column(ForeignKey("conventions_convention.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    pdf: Mapped[bytes] = mapped_column(db.LargeBinary)
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)
