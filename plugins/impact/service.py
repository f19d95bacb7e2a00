"""Impact's rules: commute profiles, counting a checked-in day (a job), the reports.

Functions flush and never commit; views, the API, the CLI and jobs commit.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import and_, bindparam, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from core import geo
from core.accounts.models import User
from core.accounts.service import set_home
from core.db import is_unique_violation, lock_row, read, utcnow
from core.cache import cached, watch
from core.extensions import db
from core.jobs import enqueue
from core.plugins import plugin_config
from core.sites.models import Site
from plugins.booking import Booking, get_booking
from plugins.conventions import paying_convention

from . import method
from .errors import ImpactError
from .models import ImpactDay, ImpactMonth, ImpactOption, ImpactProfile, ImpactReach, ImpactRoute, ImpactTotal

FIGURES = ("days", "km", "co2e_kg", "euros", "hours")


def config():
    return plugin_config("impact")


# --------------------------------------------------------------------------------------------
# Profiles
# --------------------------------------------------------------------------------------------

def profile_of(user) -> ImpactProfile | None:
    return db.session.get(ImpactProfile, user.id) if user is not None and user.id else None


def save_profile(user, *, home: geo.Commune | None, work: geo.Commune | None, mode: str,
                 fiscal_hp: int | None, consent: bool) -> ImpactProfile:
    """Store a member's commute; the home commune is the core's field on the account."""
    if mode not in method.MODES:
        raise ImpactError(_("Choose how you would travel."))
    if fiscal_hp is not None and not 1 <= fiscal_hp <= 50:
        raise ImpactError(_("The fiscal horsepower is a number between 1 and 50."))
    lock_row(User, user.id)  # a double-click's second save must not insert the profile again (PostgreSQL)
    set_home(user, home)  # the core's field: the directory, which copied it, hears of the change
    profile = profile_of(user) or ImpactProfile(user_id=user.id)
    profile.work_commune_code = work.code if work else None
    profile.mode = mode
    profile.fiscal_hp = fiscal_hp if mode in method.CAR_MODES else None
    if consent and profile.consent_at is None:
        profile.consent_at = utcnow()
    elif not consent:
        if profile.consent_at is not None:
            uncount(user.id)
        profile.consent_at = None
    profile.updated_at = utcnow()
    db.session.add(profile)
    db.session.flush()
    return profile


# --------------------------------------------------------------------------------------------
# Distances and a day's figures
# --------------------------------------------------------------------------------------------

def site_commune(site) -> geo.Commune:
    """The commune of a site (its centroid), found from its name and département; failing
    that, the site's own coordinates."""
    found = [c for c in geo.resolve(site.commune, (site.departement,)) if c.departement == site.departement]
    if found:
        return found[0]
    return geo.Commune(f"s{site.id}", site.commune, site.departement, site.latitude, site.longitude)


def distance_km(a: geo.Commune, b: geo.Commune) -> float:
    """Road distance between two communes: from the OSRM server when one is configured (cached),
    else (or when it does not answer) crow-flies between centroids times the detour factor."""
    cfg = config()
    if a.code == b.code:
        return 0.0
    if cfg.osrm_url:
        cached = db.session.get(ImpactRoute, (a.code, b.code))
        if cached is not None:
            return cached.km
        km = method.osrm_km(cfg.osrm_url, (a.latitude, a.longitude), (b.latitude, b.longitude),
                            cfg.osrm_timeout_seconds)
        if km is not None:
            with db.session.begin_nested():
                db.session.merge(ImpactRoute(from_code=a.code, to_code=b.code, km=km))
            return km
    return method.road_km((a.latitude, a.longitude), (b.latitude, b.longitude), cfg.detour_factor)


def rate_per_km(mode: str | None, fiscal_hp: int | None) -> float:
    cfg = config()
    if mode in method.CAR_MODES:
        if cfg.money == "fuel":
            fuel = cfg.fuel[mode]
            return method.fuel_rate(fuel.per_100km, fuel.price)
        return method.bareme_rate(fiscal_hp, cfg.bareme_eur_per_km, mode == "electric", cfg.electric_bonus)
    if mode == "two_wheeler":
        return cfg.two_wheeler_eur_per_km
    if mode == "public_transport":
        return cfg.public_transport_eur_per_km
    return 0.0


def figures_for(profile: ImpactProfile | None, home_code: str | None, site) -> method.Day:
    """What a day at `site` avoided for a member with this profile (zero without one)."""
    home = geo.commune(home_code)
    work = geo.commune(profile.work_commune_code) if profile else None
    if profile is None or home is None or work is None:
        return method.Day(0.0, 0.0, 0, 0.0)
    cfg = config()
    return method.day_figures(distance_km(home, work), distance_km(home, site_commune(site)),
                              co2_factor=cfg.factors[profile.mode].kg_per_km,
                              rate_per_km=rate_per_km(profile.mode, profile.fiscal_hp),
                              mean_speed=cfg.mean_speed_kmh)


def month_of(day: date) -> date:
    return day.replace(day=1)


# --------------------------------------------------------------------------------------------
# Counting: the booking's check-in enqueues a job, the job counts the day
# --------------------------------------------------------------------------------------------

def on_checked_in(booking) -> None:
    """booking_checked_in: count the day once the check-in commits (a job: the OSRM server may
    be asked)."""
    if booking.member_id is not None and not booking.is_block:
        enqueue("impact.count_day", key=f"impact:booking:{booking.id}", booking_id=booking.id)


def partner_of(booking) -> int:
    convention = paying_convention(booking)
    return convention.partner_id if convention is not None else 0


def count_day(booking_id: int) -> ImpactDay | None:
    """The job: record a checked-in booking's day and add it to the monthly rows. Idempotent:
    a member's second booking the same day (the afternoon) adds nothing."""
    booking = get_booking(booking_id)
    if booking is None or booking.member_id is None or booking.checked_in_at is None:
        return None
    # The member's row first, as their consent's withdrawal takes it (`uncount`): a day counted
    # while it ran was read as consented and stayed in the totals after it.
    lock_row(User, booking.member_id)
    site = db.session.get(Site, booking.site_id)
    day = booking.starts_at.astimezone(ZoneInfo(site.timezone)).date()
    if db.session.scalar(select(ImpactDay.id).where(ImpactDay.member_id == booking.member_id,
                                                    ImpactDay.day == day)) is not None:
        return None
    member = booking.member
    profile = db.session.get(ImpactProfile, booking.member_id)
    figures = figures_for(profile, member.home_commune_code, site)
    counted = profile is not None and profile.consent_at is not None
    row = ImpactDay(member_id=booking.member_id, booking_id=booking.id, site_id=site.id,
                    partner_id=partner_of(booking), day=day, counted=counted,
                    home_code=member.home_commune_code, mode=profile.mode if profile else None,
                    km=figures.km, co2e_kg=figures.co2e_kg, cents=figures.cents, hours=figures.hours)
    db.session.add(row)
    db.session.flush()
    add_to_aggregates(row, f"u:{row.member_id}")
    return row


def uncount(member_id: int) -> int:
    """A member withdrew their consent to be counted: their counted days leave the totals and
    their rows stop counting them, so no report made afterwards counts them (only their own
    page still shows their days). Called under the member's lock; returns the days taken out."""
    days = db.session.scalars(select(ImpactDay).where(ImpactDay.member_id == member_id,
                                                      ImpactDay.counted.is_(True))).all()
    # The member's month and reach rows before the totals: the order a day's count takes them.
    db.session.execute(update(ImpactMonth).where(ImpactMonth.member_id == member_id).values(counted=False))
    db.session.execute(update(ImpactReach).where(ImpactReach.member_id == member_id)
                       .values(counted=False, counted_months=0))
    sums: dict[tuple, list] = {}  # (month, site, partner) -> the days' figures to take out
    for row in days:
        figures = sums.setdefault((month_of(row.day), row.site_id, row.partner_id), [0, 0.0, 0.0, 0, 0.0])
        for i, value in enumerate((1, row.km, row.co2e_kg, row.cents, row.hours)):
            figures[i] += value
        row.counted = False
    # One lock per total, in one order (month, site, partner): two members withdrawing at once,
    # each with days at two sites, deadlocked taking them in their days' order.
    for (month, site_id, partner_id), (n, km, co2e_kg, cents, hours) in sorted(sums.items()):
        total = db.session.scalar(_for_update(select(ImpactTotal).filter_by(
            month=month, site_id=site_id, partner_id=partner_id)))
        if total is not None:
            total.days -= n
            total.km -= km
            total.co2e_kg -= co2e_kg
            total.cents -= cents
            total.hours -= hours
    db.session.flush()
    return len(days)


def _for_update(query):
    """A row read to be added to, under its lock and as committed now: two workers counting two
    check-ins of a site's month at once each add to the other's sum, none overwrites it
    (PostgreSQL; SQLite's writers take turns). Taken in one order: the member's row, their
    month, their reach (territory, site, partner), then the site's total."""
    return query.with_for_update().execution_options(populate_existing=True)


def _row_to_add_to(model, keys: dict, **zero):
    """The row of `model` with `keys`, under its lock (`_for_update`); made with `zero` when
    missing. Two workers counting the first check-ins of a month at once both found none: the
    second insert now meets the unique key in a savepoint and locks the first's row instead of
    failing (PostgreSQL; the job was retried, the day counted late)."""
    query = _for_update(select(model).filter_by(**keys))
    row = db.session.scalar(query)
    if row is None:
        try:
            with db.session.begin_nested():
                row = model(**keys, **zero)
                db.session.add(row)
        except IntegrityError as exc:
            if not is_unique_violation(exc):
                raise
            row = db.session.scalar(query)
    return row


def add_to_aggregates(row: ImpactDay, member_ref: str) -> None:
    """Add one day to its member's month and, when counted, to the month's totals."""
    month = month_of(row.day)
    keys = dict(month=month, site_id=row.site_id, partner_id=row.partner_id)
    mine = _row_to_add_to(ImpactMonth, dict(keys, member_ref=member_ref), member_id=row.member_id,
                          home_code=row.home_code or "", counted=row.counted, days=0, km=0.0)
    mine.days += 1
    mine.km += row.km
    mine.counted = mine.counted or row.counted
    for kind, scope_id in reach_scopes(row.site_id, row.partner_id):
        reach = _row_to_add_to(ImpactReach, dict(kind=kind, scope_id=scope_id, year=row.day.year,
                                                 member_ref=member_ref),
                               member_id=row.member_id, home_code=row.home_code or "", counted=False, months=0,
                               counted_months=0)
        reach.months = reach.months | (1 << (row.day.month - 1))
        reach.counted = reach.counted or row.counted
        if row.counted:
            reach.counted_months = (reach.counted_months or 0) | (1 << (row.day.month - 1))
    if row.counted:
        total = _row_to_add_to(ImpactTotal, keys, days=0, km=0.0, co2e_kg=0.0, cents=0, hours=0.0)
        total.days += 1
        total.km += row.km
        total.co2e_kg += row.co2e_kg
        total.cents += row.cents
        total.hours += row.hours
    db.session.flush()


def reach_scopes(site_id: int, partner_id: int) -> list[tuple[str, int]]:
    """The scopes a day counts a member in: the territory, its site, its partner (if any)."""
    return [("t", 0), ("s", site_id)] + ([("p", partner_id)] if partner_id else [])


# --------------------------------------------------------------------------------------------
# Reports
# --------------------------------------------------------------------------------------------

@dataclass
class Totals:
    days: int = 0
    trips: int = 0
    km: float = 0.0
    co2e_kg: float = 0.0
    cents: int = 0
    hours: float = 0.0
    hidden: bool = False  # a month of fewer members than the smallest group shown

    def add(self, days, km, co2e_kg, cents, hours) -> None:
        self.days += int(days or 0)
        self.trips += int(days or 0)  # one return trip a day
        self.km += float(km or 0)
        self.co2e_kg += float(co2e_kg or 0)
        self.cents += int(cents or 0)
        self.hours += float(hours or 0)

    def as_json(self, rebound_share: float) -> dict:
        if self.hidden:
            return {"hidden": True}
        low, high = method.co2e_range(self.co2e_kg, rebound_share)
        return {"days": self.days, "trips": self.trips, "km_avoided": round(self.km, 1),
                "co2e_kg": round(self.co2e_kg, 1), "co2e_kg_range": [round(low, 1), round(high, 1)],
                "euros": round(self.cents / 100, 2), "hours": round(self.hours, 1)}


@dataclass
class Report:
    scope: str
    start: date
    end: date  # inclusive
    totals: Totals
    months: list[tuple[date, Totals]] = field(default_factory=list)
    members_counted: int = 0
    members_seen: int = 0
    communes: list[tuple[str, int]] = field(default_factory=list)  # (label, members), groups >= min
    declared: int = 0
    hidden: bool = False  # fewer members than the smallest group shown

    @property
    def share_counted(self) -> float | None:
        return self.members_counted / self.members_seen if self.members_seen else None


def month_starts(start: date, end: date) -> list[date]:
    out, current = [], month_of(start)
    while current <= end:
        out.append(current)
        current = month_of(current + timedelta(days=32))
    return out


def _where(model, scope: str, scope_id: int | None):
    if scope == "site":
        return [model.site_id == scope_id]
    if scope == "partner":
        return [model.partner_id == scope_id]
    return []


def group_report(scope: str, scope_id: int | None, start: date, end: date) -> Report:
    """Site, partner or territory: summed from the monthly rows, never from the days."""
    cfg = config()
    first, last = month_of(start), month_of(end)
    where = _where(ImpactTotal, scope, scope_id) + [ImpactTotal.month >= first, ImpactTotal.month <= last]
    rows = db.session.execute(select(ImpactTotal.month, func.sum(ImpactTotal.days), func.sum(ImpactTotal.km),
                                     func.sum(ImpactTotal.co2e_kg), func.sum(ImpactTotal.cents),
                                     func.sum(ImpactTotal.hours)).where(*where).group_by(ImpactTotal.month))
    by_month = {}
    totals = Totals()
    for month, *values in rows:
        by_month[month] = Totals()
        by_month[month].add(*values)
        totals.add(*values)
    months = [(m, by_month.get(m, Totals())) for m in month_starts(first, last)]
    kind = {"site": "s", "partner": "p"}.get(scope, "t")
    months = _hide_small_months(months, kind, scope_id, first, last, cfg.min_group)
    rwhere = [ImpactReach.kind == kind, ImpactReach.scope_id == (scope_id or 0), _months_between(first, last)]
    seen, counted = db.session.execute(select(
        func.count(func.distinct(ImpactReach.member_ref)),
        func.count(func.distinct(ImpactReach.member_ref)).filter(ImpactReach.counted.is_(True))).where(*rwhere)).one()
    communes = []
    members = func.count(func.distinct(ImpactReach.member_ref))
    for code, n in db.session.execute(
            select(ImpactReach.home_code, members)
            .where(*rwhere, ImpactReach.counted.is_(True), ImpactReach.home_code != "")
            .group_by(ImpactReach.home_code).having(members >= cfg.min_group)
            .order_by(members.desc(), ImpactReach.home_code).limit(10)):
        known = geo.commune(code)
        communes.append((known.label if known else code, n))
    hidden = counted < cfg.min_group
    return Report(scope, start, end, totals, months, counted, seen, communes, 0, hidden)


def _hide_small_months(months, kind: str, scope_id, first: date, last: date, min_group: int) -> list:
    """Hide each month counted from fewer than `min_group` members: a site's month of one member
    showed that member's days and kilometres (their commute). When just one month would be hidden
    the period's total, minus the others, gives it back: the next smallest month goes too."""
    members = _members_by_month(kind, scope_id, first, last)
    counted = sorted((members.get(m, 0), m) for m, t in months if members.get(m, 0))
    small = {m for n, m in counted if n < min_group}
    if len(small) == 1 and len(counted) > 1:
        small.add(next(m for n, m in counted if m not in small))
    return [(month, Totals(hidden=True) if month in small else figures) for month, figures in months]


def _members_by_month(kind: str, scope_id, first: date, last: date) -> dict[date, int]:
    """The members counted in each month of a period: from the reach rows (one per member and
    year; a bit per month with a counted day), one statement per year of twelve counts. The
    monthly rows grow with every site and partner a member came through: counted over them, a
    territory's report grew 6.7x from 10,000 to 1,000,000 check-ins."""
    found = {}
    for year in range(first.year, last.year + 1):
        counts = db.session.execute(select(
            *[func.count().filter(ImpactReach.counted_months.op("&")(1 << (month - 1)) != 0)
              for month in range(1, 13)])
            .where(ImpactReach.kind == kind, ImpactReach.scope_id == (scope_id or 0), ImpactReach.year == year,
                   ImpactReach.counted_months != 0)).one()
        for month, n in enumerate(counts, start=1):
            if n and first <= date(year, month, 1) <= last:
                found[date(year, month, 1)] = n
    return found


def _months_between(first: date, last: date):
    """The reach rows with a month between two months' first days: per year, a bit mask."""
    clauses = []
    for year in range(first.year, last.year + 1):
        low = first.month if year == first.year else 1
        high = last.month if year == last.year else 12
        mask = sum(1 << (m - 1) for m in range(low, high + 1))
        clauses.append(and_(ImpactReach.year == year, ImpactReach.months.op("&")(mask) != 0))
    return or_(*clauses)


def member_report(user, start: date, end: date) -> Report:
    """A member's own days (counted in aggregates or not), and their declared days apart."""
    rows = db.session.execute(select(ImpactDay.day, ImpactDay.km, ImpactDay.co2e_kg, ImpactDay.cents,
                                     ImpactDay.hours).where(ImpactDay.member_id == user.id,
                                                            ImpactDay.day >= start, ImpactDay.day <= end))
    totals = Totals()
    by_month: dict[date, Totals] = {}
    for day, km, co2, cents, hrs in rows:
        totals.add(1, km, co2, cents, hrs)
        by_month.setdefault(month_of(day), Totals()).add(1, km, co2, cents, hrs)
    months = [(m, by_month.get(m, Totals())) for m in month_starts(start, end)]
    return Report("me", start, end, totals, months, declared=declared_days(user, start, end))


def member_totals(user, start: date, end: date) -> Totals:
    """A member's own days in a period (`member_report`'s totals), summed by the database."""
    return member_panel(user, start, end)[0]


def member_panel(user, start: date, end: date) -> tuple[Totals, bool]:
    """What the home page's panel shows on every visit, in one query: `member_totals`, and
    whether the member gave their commute."""
    days, km, co2, cents, hours, profiled = read(
        _panel_query(), {"member_id": user.id, "start": start, "end": end}).one()
    totals = Totals()
    totals.add(days, km, co2, cents, hours)
    return totals, bool(profiled)


@cache
def _panel_query():
    """`member_panel`'s statement, built once with bound parameters (asked at every visit)."""
    member_id = bindparam("member_id")
    has_profile = select(ImpactProfile.user_id).where(ImpactProfile.user_id == member_id).exists()
    return select(func.count(), func.sum(ImpactDay.km), func.sum(ImpactDay.co2e_kg), func.sum(ImpactDay.cents),
                  func.sum(ImpactDay.hours), has_profile).where(
        ImpactDay.member_id == member_id, ImpactDay.day >= bindparam("start"), ImpactDay.day <= bindparam("end"))


def declared_days(user, start: date, end: date) -> int:
    """Days booked, past and never checked in: declared, not evidenced (shown apart)."""
    now = utcnow()
    lo = utcnow().replace(year=start.year, month=start.month, day=start.day, hour=0, minute=0, second=0,
                          microsecond=0) - timedelta(days=1)
    hi = lo.replace(year=end.year, month=end.month, day=end.day) + timedelta(days=2)
    starts = db.session.scalars(select(Booking.starts_at).where(
        Booking.member_id == user.id, Booking.status == "confirmed", Booking.is_block.is_(False),
        Booking.ends_at < now, Booking.starts_at >= lo, Booking.starts_at < hi)).all()
    zone = ZoneInfo(current_app.config["TERRITORY"].territory.timezone)
    checked = set(db.session.scalars(select(ImpactDay.day).where(ImpactDay.member_id == user.id)))
    days = {s.astimezone(zone).date() for s in starts}
    return len({d for d in days if start <= d <= end} - checked)


def periods(today: date, since: date) -> list[tuple[str, date, date]]:
    return [("month", today.replace(day=1), today), ("year", today.replace(month=1, day=1), today),
            ("since", since, today)]


def report(scope: str, scope_id: int | None, start: date, end: date, user=None) -> Report:
    if scope == "me":
        return member_report(user, start, end)
    return group_report(scope, scope_id, start, end)


# --------------------------------------------------------------------------------------------
# Open data, the territory's switch
# --------------------------------------------------------------------------------------------

def open_data(start: date, end: date) -> list[dict]:
    """Monthly figures per site, counted days only, no person: a site's month with fewer than
    `min_group` members has its figures left out (None)."""
    cfg = config()
    first, last = month_of(start), month_of(end)
    who: dict[tuple, set] = {}  # (month, site) -> the members counted there
    for month, site_id, ref in db.session.execute(
            select(ImpactMonth.month, ImpactMonth.site_id, ImpactMonth.member_ref).distinct()
            .where(ImpactMonth.counted.is_(True), ImpactMonth.month >= first, ImpactMonth.month <= last)):
        who.setdefault((month, site_id), set()).add(ref)
    members = {key: len(refs) for key, refs in who.items()}
    hidden = _hidden_sites(who, cfg.min_group)
    slugs = {site_id: slug for site_id, slug in db.session.execute(select(Site.id, Site.slug))}
    rows = []
    for month, site_id, days, km, co2, cents, hrs in db.session.execute(
            select(ImpactTotal.month, ImpactTotal.site_id, func.sum(ImpactTotal.days), func.sum(ImpactTotal.km),
                   func.sum(ImpactTotal.co2e_kg), func.sum(ImpactTotal.cents), func.sum(ImpactTotal.hours))
            .where(ImpactTotal.month >= first, ImpactTotal.month <= last)
            .group_by(ImpactTotal.month, ImpactTotal.site_id).order_by(ImpactTotal.month, ImpactTotal.site_id)):
        n = members.get((month, site_id), 0)
        shown = (month, site_id) not in hidden
        rows.append({"month": f"{month:%Y-%m}", "site": slugs.get(site_id, str(site_id)),
                     "members": n if shown else None, "days": int(days) if shown else None,
                     "km_avoided": round(km, 1) if shown else None, "co2e_kg": round(co2, 1) if shown else None,
                     "euros": round(cents / 100, 2) if shown else None, "hours": round(hrs, 1) if shown else None})
    return rows


def _hidden_sites(who: dict[tuple, set], min_group: int) -> set[tuple]:
    """The (month, site) cells open data leaves out: those of fewer than `min_group` members, and
    more while the ones left out that month hold fewer than `min_group` members together. The
    territory's month (its public page) minus the sites shown gave back a lone member's site."""
    by_month: dict = {}
    for (month, site), refs in who.items():
        by_month.setdefault(month, []).append((len(refs), site))
    hidden = set()
    for month, cells in by_month.items():
        cells.sort()
        out = [site for n, site in cells if n < min_group]
        shown = [site for n, site in cells if n >= min_group]
        while out and shown and len(set().union(*(who[(month, s)] for s in out))) < min_group:
            out.append(shown.pop(0))  # the smallest shown one goes too
        hidden.update((month, site) for site in out)
    return hidden


def method_values() -> dict:
    """The method's settings as the API, the open data and the method page show them."""
    cfg = config()
    return {"detour_factor": cfg.detour_factor, "routing": "osrm" if cfg.osrm_url else "crow_flies",
            "mean_speed_kmh": cfg.mean_speed_kmh, "rebound_share": cfg.rebound_share,
            "rebound_source": cfg.rebound_source, "money": cfg.money, "electric_bonus": cfg.electric_bonus,
            "bareme": {"year": cfg.bareme_year, "source": cfg.bareme_source,
                       "eur_per_km_by_fiscal_hp": {str(k): v for k, v in sorted(cfg.bareme_eur_per_km.items())}},
            "fuel": {mode: {"per_100km": f.per_100km, "price": f.price} for mode, f in cfg.fuel.items()},
            "two_wheeler_eur_per_km": cfg.two_wheeler_eur_per_km,
            "public_transport_eur_per_km": cfg.public_transport_eur_per_km,
            "factors": {mode: {"kg_per_km": f.kg_per_km, "year": f.year, "source": f.source}
                        for mode, f in cfg.factors.items()},
            "min_group": cfg.min_group}


# Asked by the menu of every page: kept per process, like the sites (core/cache.py).
watch(ImpactOption, "impact_options")


def public_page_on() -> bool:
    def read():
        option = db.session.get(ImpactOption, "public_territory")
        return option is not None and option.value == "1"

    return cached("impact_options", "public_territory", read)


def set_public_page(on: bool) -> None:
    value = "1" if on else "0"
    try:
        with db.session.begin_nested():
            db.session.merge(ImpactOption(name="public_territory", value=value))
    except IntegrityError:  # saved twice at once: the other inserted the row, this one changes it
        db.session.execute(update(ImpactOption).where(ImpactOption.name == "public_territory").values(value=value))
    db.session.flush()


# --------------------------------------------------------------------------------------------
# Personal data
# --------------------------------------------------------------------------------------------

def export(user) -> dict:
    profile = profile_of(user)
    days = db.session.scalars(select(ImpactDay).where(ImpactDay.member_id == user.id).order_by(ImpactDay.day)).all()
    return {"profile": None if profile is None else {
        "home_commune_code": user.home_commune_code, "work_commune_code": profile.work_commune_code,
        "mode": profile.mode, "fiscal_hp": profile.fiscal_hp,
        "consent_at": profile.consent_at.isoformat() if profile.consent_at else None},
        "days": [{"day": d.day.isoformat(), "site_id": d.site_id, "km_avoided": round(d.km, 2),
                  "co2e_kg": round(d.co2e_kg, 3), "euros": d.cents / 100, "hours": round(d.hours, 2),
                  "counted": d.counted} for d in days]}


def erase(user) -> None:
    """The member leaves: their profile and per-member figures go; the aggregates keep their
    days as numbers (their monthly rows get a random reference, no person behind it)."""
    db.session.execute(delete(ImpactProfile).where(ImpactProfile.user_id == user.id))
    db.session.execute(delete(ImpactDay).where(ImpactDay.member_id == user.id))
    ref = f"x:{secrets.token_hex(12)}"
    for model in (ImpactMonth, ImpactReach):
        db.session.execute(update(model).where(model.member_id == user.id).values(member_id=None, member_ref=ref))
    db.session.flush()




def bulk_load(days: list[dict]) -> int:
    """Load many days at once into an empty period (the demo, the benchmark): the days with
    one multi-row insert, their monthly rows summed here and inserted the same way."""
    if not days:
        return 0
    now = utcnow()
    connection = db.session.connection()
    _insert_many(connection, ImpactDay.__table__, [{"created_at": now, "booking_id": 0, **d} for d in days])
    months: dict[tuple, dict] = {}
    totals: dict[tuple, dict] = {}
    reach: dict[tuple, dict] = {}
    for d in days:
        key = (month_of(d["day"]), d["site_id"], d["partner_id"])
        ref = f"u:{d['member_id']}"
        mine = months.setdefault(key + (ref,), {
            "month": key[0], "site_id": key[1], "partner_id": key[2], "member_id": d["member_id"],
            "member_ref": ref, "home_code": d["home_code"] or "", "counted": False, "days": 0, "km": 0.0})
        mine["days"] += 1
        mine["km"] += d["km"]
        mine["counted"] = mine["counted"] or d["counted"]
        for kind, scope_id in reach_scopes(d["site_id"], d["partner_id"]):
            seen = reach.setdefault((kind, scope_id, d["day"].year, ref), {
                "kind": kind, "scope_id": scope_id, "year": d["day"].year, "member_ref": ref,
                "member_id": d["member_id"], "home_code": d["home_code"] or "", "counted": False, "months": 0,
                "counted_months": 0})
            seen["months"] |= 1 << (d["day"].month - 1)
            seen["counted"] = seen["counted"] or d["counted"]
            if d["counted"]:
                seen["counted_months"] |= 1 << (d["day"].month - 1)
        if d["counted"]:
            total = totals.setdefault(key, {"month": key[0], "site_id": key[1], "partner_id": key[2], "days": 0,
                                            "km": 0.0, "co2e_kg": 0.0, "cents": 0, "hours": 0.0})
            total["days"] += 1
            for name in ("km", "co2e_kg", "cents", "hours"):
                total[name] += d[name]
    _insert_many(connection, ImpactMonth.__table__, list(months.values()))
    _insert_many(connection, ImpactReach.__table__, list(reach.values()))
    _insert_many(connection, ImpactTotal.__table__, list(totals.values()))
    db.session.flush()
    return len(days)


def _insert_many(connection, table, rows: list[dict]) -> None:
    """One prepared INSERT run over many rows by the driver (executemany), each value converted
    once by its column's type for this database: no per-row statement building."""
    if not rows:
        return
    names = list(rows[0])
    processors = [table.c[name].type._cached_bind_processor(connection.dialect) for name in names]
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join([mark] * len(names))})"
    for start in range(0, len(rows), 50_000):
        connection.exec_driver_sql(sql, [tuple(p(row[n]) if p else row[n] for n, p in zip(names, processors))
                                         for row in rows[start:start + 50_000]])
