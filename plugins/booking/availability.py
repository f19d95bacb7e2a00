"""Free and taken slots: one date across the network (nearest sites first), a site's week, and
what a search shows: each site once, per kind and period how many places are free, and the price
(or, where someone else pays for the signed-in member, what they are told instead); a site's
week shows its prices the same way (`site_prices`).

One indexed query per call reads the active bookings of the day; expired holds count as free.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import select

from core.cache import cached, watch
from core.db import epoch_seconds, read, utcnow
from core.geo import distance_km
from core.extensions import db
from core.modules.service import is_enabled
from core.plugins import hooks
from core.sites.models import Site
from core.sites.service import SiteRow, next_open_day, opening_intervals, published_site_rows
from plugins.booking.models import KINDS, ROOM_KINDS, Booking, Resource
from plugins.booking.payment import Price, PriceNote
from plugins.booking.quotes import quote
from plugins.booking.rules import rules_by_site
from plugins.booking.slots import Slot, day_slots

# Resources change a few times a year; the network's search reads all of them.
watch(Resource, "resources")


@dataclass
class ResourceSlots:
    resource: Resource
    free: list[Slot] = field(default_factory=list)


@dataclass
class SiteAvailability:
    site: SiteRow  # plain values (core.sites.service.SiteRow), not an ORM object
    distance_km: float | None
    resources: list[ResourceSlots] = field(default_factory=list)

    @property
    def free_count(self) -> int:
        return sum(1 for r in self.resources if r.free)


@dataclass
class PeriodOffer:
    """A morning, an afternoon or a day at a site: how many places of a kind are free (None: not
    counted, a site's prices), the price."""

    slot: Slot
    free: int | None
    price: Price | None

    @property
    def period(self) -> str:
        return self.slot.period


@dataclass
class KindOffer:
    kind: str
    total: int  # places of this kind at the site
    periods: list[PeriodOffer] = field(default_factory=list)
    hours: list[tuple] = field(default_factory=list)  # rooms: free stretches (UTC start, end)
    hour_price: Price | None = None
    # Someone else pays this kind for the member (booking_price_note): shown in place of the
    # prices, which are then not asked (None).
    note: PriceNote | None = None

    @property
    def any_free(self) -> bool:
        return any(p.free for p in self.periods) or bool(self.hours)


@dataclass
class SiteOffer:
    """One site in a search's results."""

    site: SiteRow
    distance_km: float | None
    kinds: list[KindOffer] = field(default_factory=list)
    closed: bool = False  # that day (opening hours, a closure, a public holiday)
    next_open: date | None = None  # then, the next day it opens

    @property
    def nothing_left(self) -> bool:
        """Open that day, but every period has started."""
        return not self.closed and not any(k.periods or k.hours for k in self.kinds)

    @property
    def note_hints(self) -> list[str]:
        return note_hints(self.kinds)


def note_hints(kinds: list[KindOffer]) -> list[str]:
    """The hints of the kinds' price notes, each once: said once under the site."""
    return list(dict.fromkeys(k.note.hint for k in kinds if k.note and k.note.hint))


def kind_notes(site, member, day: date | None) -> dict:
    """By kind, what `member` is told in place of the prices someone else pays for them at
    `site` (`booking_price_note`): asked once per site shown, never per price; nothing for a
    visitor."""
    return (hooks(site).booking_price_note(member=member, site=site, day=day) or {}) if member else {}


def priced_periods(site, sample: Resource, day: date, period, note: PriceNote | None, member_id, now) -> list[tuple]:
    """(slot, price) of each half-day and day at `site` on `day` not begun yet: a quote of
    `sample`, standing for its kind, for the member (None: a visitor); no price where `note`
    says someone else pays it (not quoted)."""
    return [(slot, None if note else quote(sample, slot.starts_at, slot.ends_at, member_id))
            for slot in day_slots(site, day, sample.kind, period)
            if slot.period != "hour" and slot.starts_at > now]




def busy_ranges(site_ids, start, end, now) -> dict[int, list[tuple]]:
    """Active (non-expired) bookings at some sites overlapping [start, end), by resource.

    A booking lasts at most a day, so `starts_at > start - 1 day` bounds the index range scan.
    """
    out: dict[int, list[tuple]] = {}
    for resource_id, s, e in read(_busy_query(site_ids, start, end, now, Booking.starts_at, Booking.ends_at)):
        out.setdefault(resource_id, []).append((s, e))
    return out


def _busy_query(site_ids, start, end, now, *columns):
    return select(Booking.resource_id, *columns).where(Booking.site_id.in_(site_ids),
                                                       *Booking.occupying(start, end, now))


def _busy_seconds(site_ids, start, end, now) -> dict[int, list[tuple]]:
    """`busy_ranges` as integer seconds since 1970: the network search compares each of two
    thousand resources' bookings with each slot, and integers need no conversion on the way
    out and compare several times faster than aware datetimes."""
    out: dict[int, list[tuple]] = {}
    if not site_ids:
        return out
    rows = read(_busy_query(site_ids, start, end, now, epoch_seconds(Booking.starts_at),
                            epoch_seconds(Booking.ends_at))).all()
    for resource_id, s, e in rows:
        if resource_id in out:
            out[resource_id].append((s, e))
        else:
            out[resource_id] = [(s, e)]
    return out


def _is_free(slot: Slot, busy, buffer) -> bool:
    return not any(s < slot.ends_at + buffer and e > slot.starts_at - buffer for s, e in busy)


def _free_slots(bounded, busy) -> list:
    """The slots no busy range touches; `bounded` holds each slot with its range in seconds,
    widened by the buffer (this loop runs for thousands of resources per search)."""
    if len(busy) == 1:  # the common case: one booking that day
        ((start, end),) = busy
        return [slot for low, high, slot in bounded if start >= high or end <= low]
    free = []
    for low, high, slot in bounded:
        for start, end in busy:
            if start < high and end > low:
                break
        else:
            free.append(slot)
    return free


class ResourceRow(NamedTuple):
    id: int
    site_id: int
    kind: str
    name: str
    group_name: str


def _offered_resources() -> dict[int, tuple[ResourceRow, ...]]:
    """Every offered resource by site, ordered by kind, group and name; kept per process until a
    resource changes (`core.cache`: the network's search reads two thousand of them)."""
    def read():
        out: dict[int, list[ResourceRow]] = {}
        for row in db.session.execute(select(Resource.id, Resource.site_id, Resource.kind, Resource.name,
                                             Resource.group_name).where(Resource.retired_at.is_(None))
                                      .order_by(Resource.kind, Resource.group_name, Resource.name, Resource.id)):
            out.setdefault(row.site_id, []).append(ResourceRow(*row))
        return {site_id: tuple(rows) for site_id, rows in out.items()}
    return cached("resources", "offered", read)


@lru_cache(maxsize=4096)
def _day_table(site: SiteRow, day: date, period) -> tuple:
    """A site's slots of a day, each as (start, end, slot) with its range in seconds since 1970:
    all of them (for rooms), and the half-days and day (for desks and offices). Kept per
    process: a site's hours change a few times a year, and a new `SiteRow` (any change) is a new
    key."""
    every = tuple((int(s.starts_at.timestamp()), int(s.ends_at.timestamp()), s)
                  for s in day_slots(site, day, "room", period))
    return every, tuple(t for t in every if t[2].period != "hour")


def _future(table, now_seconds) -> tuple:
    return table if not table or table[0][0] > now_seconds else tuple(t for t in table if t[0] > now_seconds)


def network(day: date, kind=None, period=None, site_slug=None, near=None, now=None) -> list[SiteAvailability]:
    """Sites with their free resources on a local date, nearest first when `near` = (lat, lon)."""
    now = now or utcnow()
    now_seconds = now.timestamp()
    sites = [s for s in published_site_rows() if (not site_slug or s.slug == site_slug)
             and is_enabled("booking", s)]
    offered = _offered_resources()
    # Per site, its resources by kind (in order), and its future slots of the day for each kind.
    plan, low, high = [], None, None
    for site in sites:
        by_kind: dict[str, list[ResourceRow]] = {}
        for resource in offered.get(site.id, ()):
            if not kind or resource.kind == kind:
                by_kind.setdefault(resource.kind, []).append(resource)
        every, halves = _day_table(site, day, period)
        every, halves = _future(every, now_seconds), _future(halves, now_seconds)
        for table in (every, halves) if by_kind else ():
            if table:
                low = table[0][2].starts_at if low is None else min(low, table[0][2].starts_at)
                high = table[-1][2].ends_at if high is None else max(high, table[-1][2].ends_at)
        plan.append((site, by_kind, every, halves))
    site_ids = [site.id for site, by_kind, _every, _halves in plan if by_kind]
    busy = _busy_seconds(site_ids, low, high, now) if low is not None else {}
    rules = rules_by_site()
    out = []
    for site, by_kind, every, halves in plan:
        dist = distance_km(near[0], near[1], site.latitude, site.longitude) if near else None
        entry = SiteAvailability(site, dist)
        for kind_name, resources in by_kind.items():
            table = every if kind_name in ROOM_KINDS else halves
            buffer = (rules(site.id, kind_name).buffer_minutes or 0) * 60
            bounded = [(start - buffer, end + buffer, slot) for start, end, slot in table] if buffer else table
            all_free = tuple(slot for _start, _end, slot in table)  # shared by the resources with no booking
            for resource in resources:
                spans = busy.get(resource.id)
                entry.resources.append(ResourceSlots(resource, _free_slots(bounded, spans) if spans else all_free))
        out.append(entry)
    out.sort(key=lambda a: (a.free_count == 0, a.distance_km if a.distance_km is not None else 0, a.site.name))
    return out


def _half_day_state(slot, busy, now) -> str:
    """A half-day of the week grid: "past" or "under_way" (begun: no longer booked from the
    grid, which is not "taken": a visitor reading a struck-through Monday would think the site
    full), else "free" or "taken"."""
    if slot.ends_at <= now:
        return "past"
    if slot.starts_at <= now:
        return "under_way"
    return "free" if _is_free(slot, busy, timedelta()) else "taken"


def week(site: Site, monday: date, now=None):
    """For a site's week: the days, and per resource per day the half-days with their state
    (`_half_day_state`)."""
    now = now or utcnow()
    days = [monday + timedelta(days=i) for i in range(7)]
    resources = _offered_resources().get(site.id, ())
    # The grid shows half-days, the same for every kind of place: each day's are made once (they
    # were made again for every place, and a room's hours with them).
    halves = {d: [s for s in day_slots(site, d, "desk", None) if s.period in ("morning", "afternoon")]
              for d in days} if resources else {}
    all_slots = [s for v in halves.values() for s in v]
    busy = busy_ranges([site.id], min(s.starts_at for s in all_slots),
                       max(s.ends_at for s in all_slots), now) if all_slots else {}
    rows = []
    for resource in resources:
        taken = busy.get(resource.id, [])
        rows.append((resource, [[(s, _half_day_state(s, taken, now)) for s in halves[d]] for d in days]))
    return days, rows


def _merged_hours(slots) -> list[tuple]:
    """Free hours as stretches: 09:00-10:00 and 10:00-11:00 make 09:00-11:00."""
    stretches = []
    for start, end in sorted({(s.starts_at, s.ends_at) for s in slots}):
        if stretches and start <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], max(end, stretches[-1][1]))
        else:
            stretches.append((start, end))
    return stretches


def offers(day: date, kind=None, period=None, near=None, amenities=(), member=None, now=None) -> list[SiteOffer]:
    """What a search shows: the published sites with places (of `kind`) and every amenity asked,
    nearest first when `near` = (lat, lon), each with per kind and period the number of free
    places and the price (TTC shown; None when nothing answers the price hook) for `member` (the
    signed-in `User`; None for a visitor), or the note of who pays it for them.

    A site without any place (of that kind) is left out: there is nothing to book there.
    """
    now = now or utcnow()
    member_id = member.id if member is not None else None
    out = []
    entries = [entry for entry in network(day, kind, None, near=near, now=now)
               if entry.resources and all(a in (entry.site.amenities or []) for a in amenities)]
    # One resource of each kind per site stands for its kind in the price quote: all read in one
    # query (one by one, they were most of the search's time).
    first_of_kind = {}
    for entry in entries:
        for item in entry.resources:
            first_of_kind.setdefault((entry.site.id, item.resource.kind), item.resource.id)
    samples = {r.id: r for r in db.session.scalars(select(Resource).where(
        Resource.id.in_(list(first_of_kind.values()))))} if first_of_kind else {}
    for entry in entries:
        site = entry.site
        offer = SiteOffer(site, entry.distance_km)
        by_kind: dict[str, list[ResourceSlots]] = {}
        for item in entry.resources:
            by_kind.setdefault(item.resource.kind, []).append(item)
        # Asked once per site, not per price: a search quotes some forty prices.
        notes = kind_notes(site, member, day)
        for kind_name, items in by_kind.items():
            sample = samples[first_of_kind[(site.id, kind_name)]]
            kind_offer = KindOffer(kind_name, len(items), note=notes.get(kind_name))
            # Each kind its own price: a room is paid by the hour, a desk by the pass.
            for slot, price in priced_periods(site, sample, day, period, kind_offer.note, member_id, now):
                free = sum(1 for item in items if any(s.period == slot.period for s in item.free))
                kind_offer.periods.append(PeriodOffer(slot, free, price))
            if kind_name in ROOM_KINDS and period is None:
                hours = [s for item in items for s in item.free if s.period == "hour"]
                kind_offer.hours = _merged_hours(hours)
                if hours and not kind_offer.note:
                    kind_offer.hour_price = quote(sample, hours[0].starts_at, hours[0].ends_at, member_id)
            offer.kinds.append(kind_offer)
        _sort_kinds(offer.kinds)
        if not opening_intervals(site, day):
            offer.closed, offer.next_open = True, next_open_day(site, day)
        out.append(offer)
    out.sort(key=lambda o: (o.distance_km if o.distance_km is not None else 0, o.site.name))
    return out


def _sort_kinds(kinds: list[KindOffer]) -> None:
    kinds.sort(key=lambda k: KINDS.index(k.kind) if k.kind in KINDS else 9)


def site_prices(site: Site, resources, member=None, day: date | None = None, now=None) -> list[KindOffer]:
    """A site's prices by kind on `day` (its week's page), as the search gives them but without
    the free places: per half-day and day, and by the hour for rooms; where someone else pays a
    kind for `member` (the signed-in `User`; None for a visitor), its note instead (asked once,
    for no day: the page spans a week, the note's hint names the member's days). Kinds with
    neither a price nor a note (nothing sold there) are left out.

    :param resources: the site's offered places (the page's list): the first of each kind stands
        for it, as in the search; nothing more is read.
    """
    now = now or utcnow()
    member_id = member.id if member is not None else None
    notes = kind_notes(site, member, None)
    samples: dict[str, Resource] = {}
    counts: dict[str, int] = {}
    for resource in resources:
        samples.setdefault(resource.kind, resource)
        counts[resource.kind] = counts.get(resource.kind, 0) + 1
    out = []
    for kind_name, sample in samples.items():
        kind_offer = KindOffer(kind_name, counts[kind_name], note=notes.get(kind_name))
        kind_offer.periods = [PeriodOffer(slot, None, price) for slot, price
                              in priced_periods(site, sample, day, None, kind_offer.note, member_id, now)]
        if kind_name in ROOM_KINDS and not kind_offer.note:
            hour = next((s for s in day_slots(site, day, kind_name) if s.period == "hour"), None)
            kind_offer.hour_price = quote(sample, hour.starts_at, hour.ends_at, member_id) if hour else None
        if kind_offer.note or kind_offer.hour_price or any(p.price for p in kind_offer.periods):
            out.append(kind_offer)
    _sort_kinds(out)
    return out


def price_day(site: Site, monday: date, today: date) -> date | None:
    """The day a site's week shows its prices for: its first open day of that week after today
    (after the week when it has none), None when it opens on no day within a year."""
    start = max(monday, today + timedelta(days=1))
    return start if opening_intervals(site, start) else next_open_day(site, start)
