"""The credit ledger: bundles and memberships add days, bookings use them, cancellations
within the rules give them back. Rows are only ever added.

A grant may name the product it pays (`product_code`: a day or a half-day pass bought at the
desk before any booking pays one booking of that kind); one naming none pays any day or
half-day. A booking asks with its own product, and counts both.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from flask_babel import ngettext
from sqlalchemy import bindparam, func, or_, select

from core.db import lock_row, read, utcnow
from core.extensions import db
from plugins.billing.models import CreditEntry, Invoice, Order


@dataclass(frozen=True)
class GrantLeft:
    grant: CreditEntry
    left: int


def grant(member_id: int, days: int, reason: str, expires_at, site_id=None, order_id=None, note="",
          invoice_id=None, product_code: str | None = None) -> CreditEntry:
    """Add `days` credits valid until `expires_at`, at one site or (site_id None) anywhere; for
    bookings of `product_code` only, or (None) any day or half-day."""
    entry = CreditEntry(member_id=member_id, site_id=site_id, delta=days, reason=reason, expires_at=expires_at,
                        order_id=order_id, note=note, invoice_id=invoice_id, product_code=product_code)
    db.session.add(entry)
    db.session.flush()
    return entry


@cache
def _grants_query(by_site: bool, rows: bool, by_product: bool = False):
    """Valid grants (`CreditEntry` objects, or `rows`: only their days and product) with the days used of
    each, anywhere or `by_site`, for any product or (`by_product`) those paying one; built once
    with bound parameters (every booking asks)."""
    used = (select(CreditEntry.grant_id, func.sum(CreditEntry.delta).label("used"))
            .where(CreditEntry.member_id == bindparam("member_id"), CreditEntry.grant_id.is_not(None))
            .group_by(CreditEntry.grant_id).subquery())
    query = (select(*((CreditEntry.delta, CreditEntry.product_code) if rows else (CreditEntry,)),
                    func.coalesce(used.c.used, 0))
             .select_from(CreditEntry).outerjoin(used, used.c.grant_id == CreditEntry.id)
             .where(CreditEntry.member_id == bindparam("member_id"), CreditEntry.grant_id.is_(None),
                    CreditEntry.delta > 0,
                    or_(CreditEntry.expires_at.is_(None), CreditEntry.expires_at > bindparam("now"))))
    if by_site:
        query = query.where(or_(CreditEntry.site_id.is_(None), CreditEntry.site_id == bindparam("site_id")))
    if by_product:
        query = query.where(or_(CreditEntry.product_code.is_(None), CreditEntry.product_code == bindparam("product")))
    return query


def _grants_params(member_id: int, site_id, now, product=None) -> dict:
    return {"member_id": member_id, "site_id": site_id, "now": now or utcnow(), "product": product}


def _grants_left(member_id: int, site_id=None, now=None, product: str | None = None) -> list[GrantLeft]:
    """Valid grants with days left (for `product`'s bookings, when given), in the order they are
    used: those paying that product only first (a half-day pass is spent on a half-day, not a
    bundle's day that would pay a whole one), then the soonest to expire."""
    rows = db.session.execute(_grants_query(site_id is not None, rows=False, by_product=product is not None),
                              _grants_params(member_id, site_id, now, product)).all()
    found = [GrantLeft(entry, entry.delta + used) for entry, used in rows if entry.delta + used > 0]
    far = utcnow().replace(year=9999)
    return sorted(found, key=lambda g: (g.grant.product_code is None, g.grant.expires_at or far, g.grant.id))


def balance(member_id: int, site_id=None, product: str | None = None) -> int:
    """Days the member can still use (at `site_id`, or anywhere when None; on a booking of
    `product`, or on any when None): the days left of `_grants_left`'s grants, read as rows (a
    read-only answer needs no objects)."""
    return sum(_left_by_product(member_id, site_id, product).values())


def _left_by_product(member_id: int, site_id=None, product: str | None = None) -> dict[str | None, int]:
    """`balance`'s days left, by the product their grants pay (None: any)."""
    rows = read(_grants_query(site_id is not None, rows=True, by_product=product is not None),
                _grants_params(member_id, site_id, None, product)).all()
    left: dict[str | None, int] = {}
    for delta, code, used in rows:
        if delta + used > 0:
            left[code] = left.get(code, 0) + delta + used
    return left


@dataclass(frozen=True)
class Held:
    """What a member's credits pay, as they are told it: a credit paying a half-day only (a
    half-day pass's) is not a day."""

    days: int  # paying a whole day (or a half-day): bundles', memberships', a day pass's
    half_days: int  # paying a half-day only


def held(member_id: int) -> Held:
    """The member's credits left anywhere, as days and half-days (`balance` counts both alike)."""
    left = _left_by_product(member_id)
    half = left.pop("half_day_pass", 0)
    return Held(days=sum(left.values()), half_days=half)


def held_words(what: Held) -> str:
    """`held` in words of the current language: "2 days, 1 half-day" (a count of none left out,
    unless both are none: "0 days")."""
    parts = []
    if what.days or not what.half_days:
        parts.append(ngettext("%(num)d day", "%(num)d days", what.days))
    if what.half_days:
        parts.append(ngettext("%(num)d half-day", "%(num)d half-days", what.half_days))
    return ", ".join(parts)


def consume(member_id: int, site_id: int, booking_id: int | None, days: int = 1,
            product: str | None = None) -> CreditEntry | None:
    """Use `days` credits from one grant valid at `site_id` (and paying `product`, when given);
    None when there are not enough.

    The caller holds the write transaction (BEGIN IMMEDIATE on SQLite; on PostgreSQL the
    grant row is locked below), so two bookings cannot spend the same last day.
    """
    for candidate in _grants_left(member_id, site_id, product=product):
        if candidate.left < days:
            continue
        lock_row(CreditEntry, candidate.grant.id)
        fresh = next((g for g in _grants_left(member_id, site_id, product=product)
                      if g.grant.id == candidate.grant.id), None)
        if fresh is None or fresh.left < days:
            continue
        entry = CreditEntry(member_id=member_id, site_id=site_id, grant_id=candidate.grant.id, delta=-days,
                            reason="booking", booking_id=booking_id)
        db.session.add(entry)
        db.session.flush()
        return entry
    return None


def days_to_give_back(booking_id: int) -> int:
    """The days cancelling a booking in time would give back to spend: those it used, less any its
    grant has lost since (paid back in money in Stripe's dashboard: the grant is below zero)."""
    entries = db.session.scalars(select(CreditEntry).where(CreditEntry.booking_id == booking_id)).all()
    spent = -sum(e.delta for e in entries)
    use = next((e for e in entries if e.delta < 0), None)
    if spent <= 0 or use is None or use.grant_id is None:
        return max(spent, 0)
    grant = db.session.get(CreditEntry, use.grant_id)
    left = grant.delta + (db.session.scalar(select(func.sum(CreditEntry.delta)).where(
        CreditEntry.grant_id == grant.id)) or 0)
    return max(0, min(spent, left + spent))


def give_back(booking_id: int, note: str = "") -> int:
    """Return the days a booking used to the grants they came from; 0 if none or already."""
    entries = db.session.scalars(select(CreditEntry).where(CreditEntry.booking_id == booking_id)).all()
    net = sum(e.delta for e in entries)
    if net >= 0:
        return 0
    use = next(e for e in entries if e.delta < 0)
    db.session.add(CreditEntry(member_id=use.member_id, site_id=use.site_id, grant_id=use.grant_id, delta=-net,
                               reason="give_back", booking_id=booking_id, note=note))
    db.session.flush()
    grant = db.session.get(CreditEntry, use.grant_id) if use.grant_id else None
    order = db.session.get(Order, grant.order_id) if grant is not None and grant.order_id else None
    # The money that granted the day was refunded, in part or whole: what came back is taken
    # back as far as the refund says, so a refunded day is never spent. A membership's month is
    # its own invoice's money (a renewal is refunded on it, not on the order).
    if grant is not None and grant.invoice_id is not None:
        invoice = db.session.get(Invoice, grant.invoice_id)
        refunded = credited_on(invoice.id)
        if refunded:
            take_back(order.id, refunded, invoice.total_ttc_cents, grant.reason, invoice_id=invoice.id)
    elif order is not None and order.refunded_cents and grant.reason in ("bundle", "membership", "pass"):
        take_back(order.id, order.refunded_cents, order.total_cents, grant.reason)
    return -net


def credited_on(invoice_id: int) -> int:
    """What the credit notes of an invoice give back, in cents."""
    return db.session.scalar(select(func.coalesce(func.sum(func.abs(Invoice.total_ttc_cents)), 0)).where(
        Invoice.credited_invoice_id == invoice_id, Invoice.kind == "credit_note"))


def take_back(order_id: int, refunded_cents: int, total_cents: int, kind: str = "bundle",
              invoice_id: int | None = None) -> int:
    """Take back the unused days a bundle order (a counted membership's month, a pass bought
    before any booking: `kind` "pass") granted, in
    proportion to the money refunded on it so far (rounded up: a refunded day is not kept),
    never more than are unused: a negative entry against the grant. A membership's order is
    its first month's money (its first grant); a renewal is its own invoice's (`invoice_id`).
    Called with the order locked.

    :return: the days taken back now.
    """
    taken_now = 0
    grants = select(CreditEntry).where(
        CreditEntry.order_id == order_id, CreditEntry.reason == kind, CreditEntry.grant_id.is_(None),
        CreditEntry.delta > 0).order_by(CreditEntry.id)
    if invoice_id is not None:
        grants = grants.where(CreditEntry.invoice_id == invoice_id)
    elif kind == "membership":
        grants = grants.limit(1)
    for grant in db.session.scalars(grants.with_for_update()).all():
        uses = db.session.scalars(select(CreditEntry).where(CreditEntry.grant_id == grant.id)).all()
        left = grant.delta + sum(e.delta for e in uses)
        already = -sum(e.delta for e in uses if e.reason == "taken_back")
        target = -(-grant.delta * refunded_cents // total_cents)  # ceiling
        take = min(left, target - already)
        if take > 0:
            db.session.add(CreditEntry(member_id=grant.member_id, site_id=grant.site_id, grant_id=grant.id,
                                       delta=-take, reason="taken_back", order_id=order_id))
            taken_now += take
    db.session.flush()
    return taken_now


def take_back_refunded(order_id: int, cents: int, credited_cents: int) -> tuple[int, int]:
    """Money paid back in Stripe for days an order's refund had given as credits: take back the
    days that money stands for (`cents` of the `credited_cents` still standing, rounded up).
    Called with the order locked.

    A day already spent is taken back all the same: its grant goes below zero, which no balance
    counts (`_grants_left`), so the day does not come back when its booking is cancelled in
    time and `give_back` returns it to the grant (the member kept the day and the money).

    :return: (the days that money stands for, the unused days taken back now: fewer when some
        are spent).
    """
    grants = db.session.scalars(select(CreditEntry).where(
        CreditEntry.order_id == order_id, CreditEntry.reason == "refund", CreditEntry.grant_id.is_(None),
        CreditEntry.delta > 0).order_by(CreditEntry.id).with_for_update()).all()
    uses = {grant.id: db.session.scalars(select(CreditEntry).where(CreditEntry.grant_id == grant.id)).all()
            for grant in grants}
    # Each grant's days still standing as credits (granted, less those taken back), and unused.
    still = {g.id: g.delta + sum(e.delta for e in uses[g.id] if e.reason == "taken_back") for g in grants}
    unused = {g.id: max(0, g.delta + sum(e.delta for e in uses[g.id])) for g in grants}
    wanted = -(-sum(still.values()) * cents // credited_cents) if credited_cents > 0 else 0
    # Unused days first, then spent ones: taking a spent day while an unused one stayed left the
    # member a day to spend and its money.
    takes = dict.fromkeys(still, 0)
    left = wanted
    for available in (unused, still):
        for grant in grants:
            take = max(0, min(available[grant.id] - takes[grant.id], still[grant.id] - takes[grant.id], left))
            takes[grant.id] += take
            left -= take
    for grant in grants:
        if takes[grant.id]:
            db.session.add(CreditEntry(member_id=grant.member_id, site_id=grant.site_id, grant_id=grant.id,
                                       delta=-takes[grant.id], reason="taken_back", order_id=order_id))
    db.session.flush()
    return wanted, sum(min(takes[g.id], unused[g.id]) for g in grants)


def history(member_id: int, limit: int = 100) -> list[CreditEntry]:
    return db.session.scalars(select(CreditEntry).where(CreditEntry.member_id == member_id)
                              .order_by(CreditEntry.created_at.desc(), CreditEntry.id.desc()).limit(limit)).all()
