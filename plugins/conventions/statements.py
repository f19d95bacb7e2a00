"""Usage and monthly statements of a convention: what the référent sees and the partner pays.

Read-only here except `issue_statement`, which flushes (the caller commits). A référent sees
days and places, never a booking's note or anything else of an employee.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from flask_babel import gettext as _
from sqlalchemy import select

from core.extensions import db
from core.timeutil import local_to_utc, utc_to_local
from plugins.booking import Booking

from .errors import ConventionError
from .models import Convention, Use
from .service import COUNTED, spending

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def parse_month(text: str | None, default: date | None = None) -> tuple[date, date]:
    """"2026-11" -> (1 Nov 2026, 1 Dec 2026); a bad value is a 400 error."""
    if not text and default is not None:
        start = default.replace(day=1)
    else:
        match = MONTH.match(text or "")
        if not match or not 2000 <= int(match.group(1)) <= 2100:
            raise ConventionError(_("Give the month as YYYY-MM."), "bad_month", status=400)
        start = date(int(match.group(1)), int(match.group(2)), 1)
    return start, (start + timedelta(days=32)).replace(day=1)


def employee_name(use: Use) -> str:
    user = use.authorisation.user
    return user.display_name if user is not None else _("Former employee (account erased)")


@dataclass
class Line:
    employee: str
    day: date
    site: str
    kind: str
    halfdays: int
    amount_cents: int
    cost_centre: str = ""


@dataclass
class Usage:
    convention: Convention
    start: date
    end: date
    lines: list[Line] = field(default_factory=list)
    by_employee: dict = field(default_factory=dict)  # name -> half-days
    by_site: dict = field(default_factory=dict)  # site name -> half-days
    by_cost_centre: dict = field(default_factory=dict)  # cost centre ("" none) -> [half-days, cents]
    halfdays: int = 0
    usage_cents: int = 0
    no_shows: int = 0

    @property
    def month(self) -> str:
        return f"{self.start:%Y-%m}"

    @property
    def total_ht_cents(self) -> int:
        """What the partner owes for the month, excluding VAT."""
        c = self.convention
        if c.price_model == "flat_seat":
            return c.seats * c.seat_fee_cents
        return self.usage_cents

    @property
    def vat_cents(self) -> int:
        n = self.total_ht_cents * self.convention.vat_rate_bp
        return (2 * n + 10_000) // 20_000

    @property
    def total_ttc_cents(self) -> int:
        return self.total_ht_cents + self.vat_cents

    @property
    def days(self) -> Decimal:
        return Decimal(self.halfdays) / 2


def usage(convention: Convention, month: str | None = None, today: date | None = None) -> Usage:
    """A convention's days in a month: lines (employee, day, site), totals by employee and site."""
    start, end = parse_month(month, today or date.today())
    uses = db.session.scalars(select(Use).where(Use.convention_id == convention.id, Use.status.in_(COUNTED),
                                                Use.day >= start, Use.day < end).order_by(Use.day, Use.id)).all()
    statuses = dict(db.session.execute(select(Booking.id, Booking.status).where(
        Booking.id.in_([u.booking_id for u in uses]))).all()) if uses else {}
    out = Usage(convention, start, end)
    by_employee, by_site, by_centre = defaultdict(int), defaultdict(int), defaultdict(lambda: [0, 0])
    for use in uses:
        if statuses.get(use.booking_id) == "no_show":
            out.no_shows += 1
            if not convention.no_show_counts:
                continue
        name = employee_name(use)
        out.lines.append(Line(name, use.day, use.site.name, use.kind, use.halfdays, use.amount_cents,
                              use.cost_centre))
        by_employee[name] += use.halfdays
        by_site[use.site.name] += use.halfdays
        by_centre[use.cost_centre][0] += use.halfdays
        by_centre[use.cost_centre][1] += use.amount_cents
        out.halfdays += use.halfdays
        out.usage_cents += use.amount_cents
    out.by_employee, out.by_site = dict(sorted(by_employee.items())), dict(sorted(by_site.items()))
    out.by_cost_centre = dict(sorted(by_centre.items()))
    return out


def csv_rows(report: Usage) -> tuple[list, list]:
    """Days per employee for the month: what the employer needs for the telework allowance."""
    header = [_("Employee"), _("Month"), _("Days")]
    rows = [[name, report.month, Decimal(halfdays) / 2] for name, halfdays in report.by_employee.items()]
    rows.append([_("Total"), report.month, report.days])
    return header, rows


def cost_centre_rows(report: Usage) -> tuple[list, list]:
    """Days and amounts per cost centre for the month (the employer's accounting)."""
    header = [_("Cost centre"), _("Month"), _("Days"), _("Amount excl. VAT")]
    rows = [[centre or _("No cost centre"), report.month, Decimal(halfdays) / 2, Decimal(cents).scaleb(-2)]
            for centre, (halfdays, cents) in report.by_cost_centre.items()]
    rows.append([_("Total"), report.month, report.days, Decimal(report.usage_cents).scaleb(-2)])
    return header, rows


def revenue_between(site, bounds) -> tuple[str, list[int]] | None:
    """booking_revenue: what conventions pay for days used at `site`, excluding VAT, between
    consecutive UTC instants of `bounds`, each day counted at the start of its local day (as
    statements and invoices count it); None when no convention paid a day there then.

    Days priced per day count their amount; flat fees and prepaid days are not paid per day at
    a site, so they add nothing here. A no-show counts when its convention says so."""
    from bisect import bisect_right
    from datetime import time

    from flask import current_app

    zone = site.timezone
    first = utc_to_local(bounds[0], zone).date() - timedelta(days=1)
    last = utc_to_local(bounds[-1], zone).date() + timedelta(days=1)
    rows = db.session.execute(select(Use.day, Use.amount_cents, Booking.status, Convention.no_show_counts)
                              .join(Booking, Booking.id == Use.booking_id)
                              .join(Convention, Convention.id == Use.convention_id)
                              .where(Use.site_id == site.id, Use.status.in_(COUNTED), Use.day >= first,
                                     Use.day <= last)).all()
    amounts, found = [0] * (len(bounds) - 1), False
    for day, cents, status, no_show_counts in rows:
        if status == "no_show" and not no_show_counts:
            continue
        instant = local_to_utc(day, time(0), zone)
        if bounds[0] <= instant < bounds[-1]:
            amounts[bisect_right(bounds, instant) - 1] += cents
            found = True
    return (current_app.config["TERRITORY"].territory.currency, amounts) if found else None


def site_days(convention: Convention, site, day: date) -> tuple[date, int, int]:
    """(first of the month, half-days, bookings) the convention paid at a site in `day`'s month."""
    start, end = parse_month(None, day)
    rows = db.session.execute(select(Use.halfdays).where(
        *spending(convention), Use.site_id == site.id, Use.day >= start, Use.day < end)).scalars().all()
    return start, sum(rows), len(rows)


@dataclass
class BurnMonth:
    start: date
    used: int  # half-days or cents, as the burn-down's unit
    remaining: int | None  # of the budget at the month's end; None: no budget, or a month to come
    future: bool = False

    @property
    def key(self) -> str:
        return f"{self.start:%Y-%m}"


@dataclass
class Burndown:
    """The convention's budget month by month (in half-days, or cents for a budget in euros);
    without a budget, the days used each month."""

    money: bool
    budget: int | None
    months: list[BurnMonth]

    @property
    def top(self) -> int:
        return max([self.budget or 0, *[m.used for m in self.months]]) or 1


def burndown(convention: Convention, today: date, most: int = 24) -> Burndown:
    """Month by month from the convention's start (at most the last `most` months of its term)."""
    money = convention.budget_halfdays is None and convention.budget_cents is not None
    budget = convention.budget_cents if money else convention.budget_halfdays
    column = Use.amount_cents if money else Use.halfdays
    per_month: dict[str, int] = defaultdict(int)
    for day, value in db.session.execute(select(Use.day, column).where(*spending(convention))):
        per_month[f"{day:%Y-%m}"] += value or 0
    first = convention.starts_on.replace(day=1)
    last = convention.ends_on.replace(day=1)
    starts = []
    while first <= last:
        starts.append(first)
        first = (first + timedelta(days=32)).replace(day=1)
    spent_before = sum(v for k, v in per_month.items() if starts and k < f"{starts[0]:%Y-%m}")
    months, spent = [], spent_before
    current = today.replace(day=1)
    for start in starts:
        used = per_month.get(f"{start:%Y-%m}", 0)
        spent += used
        future = start > current
        remaining = None if budget is None or future else budget - spent
        months.append(BurnMonth(start, used, remaining, future))
    if len(months) > most:  # a long term: the window around this month
        now = next((i for i, m in enumerate(months) if m.start == current), len(months) - 1)
        low = max(0, min(now - most // 2, len(months) - most))
        months = months[low:low + most]
    return Burndown(money, budget, months)
