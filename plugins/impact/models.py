"""Impact's tables, prefixed with the plugin's name; changed only through migrations.

impact_profile   a member's commute (optional), with their consent to be counted
impact_day       one row per member and local day checked in: the evidence, with its figures
impact_month     monthly rows per site, partner and member: what the reports count members from
impact_reach     per member and year, the months they came (territory, site, partner): members counted
impact_total     monthly rows per site and partner, counted days only: what the totals sum
impact_route     road distances an OSRM server gave (a cache)
impact_option    the territory's switches (the public territory page)
"""
from __future__ import annotations

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.db import UTCDateTime, utcnow
from core.extensions import db


class ImpactProfile(db.Model):
    """How a member would commute without the telecentre. The home commune is the core's
    (user_account.home_commune_code)."""

    __tablename__ = "impact_profile"

    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    work_commune_code: Mapped[str | None] = mapped_column(String(5))
    mode: Mapped[str] = mapped_column(String(20), default="petrol")
    fiscal_hp: Mapped[int | None] = mapped_column(Integer)
    consent_at: Mapped[object | None] = mapped_column(UTCDateTime)  # counted in aggregates since
    updated_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)


class ImpactDay(db.Model):
    """A member's checked-in day at a site: one trip avoided, however many half-days."""

    __tablename__ = "impact_day"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    booking_id: Mapped[int] = mapped_column(Integer)
    site_id: Mapped[int] = mapped_column(Integer, index=True)
    partner_id: Mapped[int] = mapped_column(Integer, default=0)  # 0: no partner pays
    day: Mapped[object] = mapped_column(Date)
    counted: Mapped[bool] = mapped_column(Boolean, default=False)  # consent given: in the aggregates
    home_code: Mapped[str | None] = mapped_column(String(5))
    mode: Mapped[str | None] = mapped_column(String(20))
    km: Mapped[float] = mapped_column(Float, default=0.0)
    co2e_kg: Mapped[float] = mapped_column(Float, default=0.0)
    cents: Mapped[int] = mapped_column(Integer, default=0)
    hours: Mapped[float] = mapped_column(Float, default=0.0)
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("member_id", "day", name="uq_impact_day_member_day"),)


class ImpactMonth(db.Model):
    """A member's month at a site for a partner. `member_ref` stays after erasure (a random
    token then) so members are still counted; `member_id` does not."""

    __tablename__ = "impact_month"

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[object] = mapped_column(Date)  # its first day
    site_id: Mapped[int] = mapped_column(Integer)
    partner_id: Mapped[int] = mapped_column(Integer, default=0)
    member_id: Mapped[int | None] = mapped_column(Integer, index=True)
    member_ref: Mapped[str] = mapped_column(String(40))
    home_code: Mapped[str] = mapped_column(String(5), default="")
    counted: Mapped[bool] = mapped_column(Boolean, default=False)
    days: Mapped[int] = mapped_column(Integer, default=0)
    km: Mapped[float] = mapped_column(Float, default=0.0)

    __table_args__ = (UniqueConstraint("month", "site_id", "partner_id", "member_ref", name="uq_impact_month"),
                      Index("ix_impact_month_month", "month", "counted"))


class ImpactReach(db.Model):
    """Which months of a year a member came, for the territory ("t", scope_id 0), a site ("s")
    or a partner ("p"): bit n-1 of `months` is month n. Members counted in any period are
    counted from these rows: at most a row per member and year, however many days."""

    __tablename__ = "impact_reach"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(1))
    scope_id: Mapped[int] = mapped_column(Integer, default=0)
    year: Mapped[int] = mapped_column(Integer)
    member_ref: Mapped[str] = mapped_column(String(40))
    member_id: Mapped[int | None] = mapped_column(Integer, index=True)
    home_code: Mapped[str] = mapped_column(String(5), default="")
    counted: Mapped[bool] = mapped_column(Boolean, default=False)
    months: Mapped[int] = mapped_column(Integer, default=0)
    # The months of a counted day (`counted` is the year's: a member who consented in March
    # came in February too): each month's members, to hide a month of too few, are these bits.
    counted_months: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    __table_args__ = (UniqueConstraint("kind", "scope_id", "year", "member_ref", name="uq_impact_reach"),)


class ImpactTotal(db.Model):
    """The counted days of a month at a site for a partner, summed."""

    __tablename__ = "impact_total"

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[object] = mapped_column(Date)
    site_id: Mapped[int] = mapped_column(Integer)
    partner_id: Mapped[int] = mapped_column(Integer, default=0)
    days: Mapped[int] = mapped_column(Integer, default=0)
    km: Mapped[float] = mapped_column(Float, default=0.0)
    co2e_kg: Mapped[float] = mapped_column(Float, default=0.0)
    cents: Mapped[int] = mapped_column(Integer, default=0)
    hours: Mapped[float] = mapped_column(Float, default=0.0)

    __table_args__ = (UniqueConstraint("month", "site_id", "partner_id", name="uq_impact_total"),)


class ImpactRoute(db.Model):
    """A road distance between two communes, from the OSRM server (a cache)."""

    __tablename__ = "impact_route"

    from_code: Mapped[str] = mapped_column(String(5), primary_key=True)
    to_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    km: Mapped[float] = mapped_column(Float)
    fetched_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)


class ImpactOption(db.Model):
    __tablename__ = "impact_option"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200), default="")
