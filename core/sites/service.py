"""Site rules: who sees which site, opening hours and closures (public holidays included)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from functools import lru_cache
from typing import NamedTuple

import holidays
from flask import g, has_request_context
from flask_babel import gettext as _
from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import ObjectDeletedError

from core import audit
from core.cache import cached
from core.db import is_unique_violation, read
from core.errors import DomainError
from core.extensions import db
from core.jobs import enqueue
from core.plugins import registry
from core.sites.models import Closure, OpeningHours, Site, SitePhoto
from core.uploads import UploadError, delete_image, save_image

DELETE_PHOTO_JOB = "sites.delete_photo"

HOURS_PATTERN = re.compile(r"^\s*(\d{1,2})[:h](\d{2})\s*-\s*(\d{1,2})[:h](\d{2})\s*$")


class SiteError(DomainError):
    """A refused change to a site; the message is for the user."""


def site_by_slug(slug: str) -> Site | None:
    """The site with that address name. Asked twice by most site pages (the module guard, then
    the view): the site found is kept for the request, while it stays in the session under that
    name (a rename, a delete or a rollback asks the database again)."""
    found = g.setdefault("_sites_by_slug", {}) if has_request_context() else {}
    site = found.get(slug)
    if site is not None and site in db.session and site not in db.session.deleted:
        try:
            if site.slug == slug:  # read again after a commit
                return site
        except ObjectDeletedError:  # deleted by another transaction since
            pass
    site = db.session.scalar(select(Site).where(Site.slug == slug))
    if site is not None:
        found[slug] = site
    return site


def published_sites() -> list[Site]:
    return db.session.scalars(select(Site).where(Site.is_published).order_by(Site.departement, Site.name)).all()


class HoursRow(NamedTuple):
    weekday: int
    opens: time
    closes: time


class ClosureRow(NamedTuple):
    id: int
    starts_on: date
    ends_on: date
    reason: str


ROW_FIELDS = ("id", "slug", "name", "kind", "host_organisation", "address", "postcode", "commune", "departement",
              "latitude", "longitude", "timezone", "description", "contact_email", "contact_phone",
              "closed_on_public_holidays", "is_published")


@dataclass(frozen=True)
class SiteRow:
    """A site as plain values, with its opening hours and closures: what read-only lists and the
    availability search need, kept per process (core.cache) while no site changes. The functions
    of this module taking a site (opening_intervals, is_closed, ...) take one too."""

    id: int
    slug: str
    name: str
    kind: str
    host_organisation: str | None
    address: str
    postcode: str
    commune: str
    departement: str
    latitude: float
    longitude: float
    timezone: str
    description: str
    contact_email: str | None
    contact_phone: str | None
    closed_on_public_holidays: bool
    is_published: bool
    amenities: tuple = ()
    opening_hours: tuple = ()
    closures: tuple = ()


def _read_site_rows() -> tuple[SiteRow, ...]:
    hours: dict[int, list] = {}
    for site_id, weekday, opens, closes in db.session.execute(select(
            OpeningHours.site_id, OpeningHours.weekday, OpeningHours.opens, OpeningHours.closes)
            .order_by(OpeningHours.site_id, OpeningHours.weekday, OpeningHours.opens)):
        hours.setdefault(site_id, []).append(HoursRow(weekday, opens, closes))
    closures: dict[int, list] = {}
    for row in db.session.execute(select(Closure.site_id, Closure.id, Closure.starts_on, Closure.ends_on,
                                         Closure.reason).order_by(Closure.starts_on)):
        closures.setdefault(row[0], []).append(ClosureRow(*row[1:]))
    columns = [getattr(Site, name) for name in ROW_FIELDS]
    rows = db.session.execute(select(*columns, Site.amenities).order_by(Site.departement, Site.name))
    return tuple(SiteRow(*row[:-1], amenities=tuple(row[-1] or ()), opening_hours=tuple(hours.get(row[0], ())),
                         closures=tuple(closures.get(row[0], ()))) for row in rows)


def site_rows() -> tuple[SiteRow, ...]:
    """Every site as a `SiteRow`, by departement and name: read once per process while the
    "sites" version holds (any change to a site, its hours, closures or photos bumps it)."""
    return cached("sites", "rows", _read_site_rows)


def site_row(site_id: int) -> SiteRow | None:
    """One site as a `SiteRow` (its hours and closures without a query)."""
    return cached("sites", "by_id", lambda: {row.id: row for row in site_rows()}).get(site_id)


def published_site_rows() -> list[SiteRow]:
    """The published sites as `SiteRow`s (read-only lists, the API, the availability search)."""
    return [row for row in site_rows() if row.is_published]


def managed_sites(user) -> list[Site]:
    if user.is_territory_admin:
        return db.session.scalars(select(Site).order_by(Site.name)).all()
    return sorted(user.managed_sites, key=lambda site: site.name)


@lru_cache(maxsize=16)
def _french_holidays(year: int):
    return holidays.France(years=year)


def is_public_holiday(day: date) -> bool:
    return day in _french_holidays(day.year)


def is_closed(site: Site, day: date) -> bool:
    if site.closed_on_public_holidays and is_public_holiday(day):
        return True
    return any(c.starts_on <= day <= c.ends_on for c in site.closures)


def opening_intervals(site: Site, day: date) -> list[tuple[time, time]]:
    """The site's opening intervals on a local date; empty when it is closed."""
    if is_closed(site, day):
        return []
    return [(h.opens, h.closes) for h in site.opening_hours if h.weekday == day.weekday()]


def next_open_day(site: Site, after: date, within_days: int = 366) -> date | None:
    """The first day after `after` on which the site opens (None if not within a year)."""
    for offset in range(1, within_days + 1):
        day = after + timedelta(days=offset)
        if opening_intervals(site, day):
            return day
    return None


def upcoming_closures(site: Site, today: date) -> list[Closure]:
    """The site's closures not yet over, soonest first."""
    return [c for c in site.closures if c.ends_on >= today]


def parse_hours(text: str) -> list[tuple[time, time]]:
    """Parse "08:30-12:30, 13:30-18:00" (or "8h30-12h30"); empty text is a closed day."""
    intervals = []
    for part in filter(None, (p.strip() for p in (text or "").split(","))):
        match = HOURS_PATTERN.match(part)
        if not match:
            raise SiteError(_("Write hours as 08:30-12:30, separated by commas."))
        h1, m1, h2, m2 = (int(x) for x in match.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
            raise SiteError(_("%(value)s is not a time of day.", value=part))
        opens, closes = time(h1, m1), time(h2, m2)
        if opens >= closes:
            raise SiteError(_("In %(value)s the opening time must come before the closing time.", value=part))
        intervals.append((opens, closes))
    intervals.sort()
    for (_o1, c1), (o2, _c2) in zip(intervals, intervals[1:]):
        if o2 < c1:
            raise SiteError(_("Opening intervals of one day must not overlap."))
    return intervals


def format_hours(site: Site, weekday: int) -> str:
    return ", ".join(f"{h.opens:%H:%M}-{h.closes:%H:%M}" for h in site.opening_hours if h.weekday == weekday)


def set_hours(site: Site, week: dict[int, list[tuple[time, time]]]) -> None:
    site.opening_hours = [OpeningHours(weekday=day, opens=o, closes=c)
                          for day, intervals in sorted(week.items()) for o, c in intervals]


def save_site(site: Site, actor, created: bool = False) -> Site:
    taken = SiteError(_("Another site already uses the address name %(slug)s.", slug=site.slug))
    if created and site_by_slug(site.slug) is not None:
        raise taken
    try:  # two administrators creating one address at once: both read "free" (a 500 before)
        with db.session.begin_nested():
            db.session.add(site)
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise
        raise taken from None
    registry().pm.hook.site_saved(site=site, created=created)
    audit.record(actor, "site.created" if created else "site.updated", f"site:{site.slug}")
    return site


def closure_on(site: Site, day: date) -> Closure | ClosureRow | None:
    """The closure covering a local date, or None (public holidays are not closures)."""
    return next((c for c in site.closures if c.starts_on <= day <= c.ends_on), None)


def closure_between(site_id: int, first_day: date, last_day: date) -> ClosureRow | None:
    """The first closure of the site covering any of these local days, or None, read from the
    database now (not from the site's cached row): what a transaction checks under its locks, so
    a closure committed a moment ago counts; the refusal names its reason. A row, not the
    object: every booking asks it, and only reads it."""
    row = read(_closure_between(), {"site_id": site_id, "first_day": first_day, "last_day": last_day}).first()
    return ClosureRow(*row) if row is not None else None


@lru_cache(maxsize=1)
def _closure_between():
    """`closure_between`'s statement, built once (every booking asks it under its locks)."""
    return (select(Closure.id, Closure.starts_on, Closure.ends_on, Closure.reason).where(Closure.site_id == bindparam("site_id"), Closure.starts_on <= bindparam("last_day"),
                                  Closure.ends_on >= bindparam("first_day"))
            .order_by(Closure.starts_on, Closure.id).limit(1))


def check_closure_dates(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise SiteError(_("The closure must end on or after its first day."))


def closure_conflicts(site: Site, starts_on: date, ends_on: date) -> list[str]:
    """What a closure over these days would cancel (the plugins' sentences; empty: nothing).
    Asked of every offered plugin, whatever the switches, as `add_closure` acts on all."""
    check_closure_dates(starts_on, ends_on)
    answers = registry().pm.hook.closure_conflicts(site=site, starts_on=starts_on, ends_on=ends_on)
    return [sentence for answer in answers if answer for sentence in answer]


def add_closure(site: Site, starts_on: date, ends_on: date, reason: str, actor) -> Closure:
    """Close a site on some days; what stood on them is cancelled in the same transaction
    (`site_closed`: booking cancels the bookings as the site, in full, their members told).
    The manager was shown `closure_conflicts` first."""
    check_closure_dates(starts_on, ends_on)
    closure = Closure(site_id=site.id, starts_on=starts_on, ends_on=ends_on, reason=reason)
    db.session.add(closure)
    audit.record(actor, "site.closure_added", f"site:{site.slug}", starts_on=str(starts_on),
                 ends_on=str(ends_on), reason=reason)
    db.session.flush()
    registry().pm.hook.site_closed(site=site, closure=closure, actor=actor)
    return closure


def remove_closure(site: Site, closure_id: int, actor) -> bool:
    closure = db.session.get(Closure, closure_id)
    if closure is None or closure.site_id != site.id:
        return False
    db.session.delete(closure)
    audit.record(actor, "site.closure_removed", f"site:{site.slug}", closure=closure_id)
    return True


def add_photo(site: Site, stream, alt_text: str, actor) -> SitePhoto:
    """Store an uploaded photo (checked and re-encoded by core.uploads) with its text alternative."""
    if not alt_text.strip():
        raise SiteError(_("Describe the photo for people who cannot see it."))
    try:
        filename = save_image(stream)
    except UploadError as exc:
        raise SiteError(str(exc)) from None
    photo = SitePhoto(site_id=site.id, filename=filename, alt_text=alt_text.strip())
    db.session.add(photo)
    audit.record(actor, "site.photo_added", f"site:{site.slug}", photo=filename)
    db.session.flush()
    return photo


def remove_photo(site: Site, photo_id: int, actor) -> bool:
    photo = db.session.get(SitePhoto, photo_id)
    if photo is None or photo.site_id != site.id:
        return False
    db.session.delete(photo)
    audit.record(actor, "site.photo_removed", f"site:{site.slug}", photo=photo.filename)
    enqueue(DELETE_PHOTO_JOB, filename=photo.filename)  # once committed: a rolled-back removal keeps its file
    return True


def delete_photo_file(filename: str) -> None:
    """The "sites.delete_photo" job: remove a deleted photo's file from the uploads folder."""
    delete_image(filename)
