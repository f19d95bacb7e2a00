"""Free and taken slots: one date across the network (nearest sites first), a site's week.

One indexed query per call reads the active bookings of the day; expired holds count as free.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from core.db import utcnow
from core.extensions import db
from core.modules.service import is_enabled
from core.sites.models import Site
from core.sites.service import opening_intervals
from plugins.booking.models import ACTIVE, Booking, Resource
from plugins.booking.rules import rules_by_site
from plugins.booking.slots import Slot, day_slots


@dataclass
class ResourceSlots:
    resource: Resource
    free: list[Slot] = field(default_factory=list)


@dataclass
class SiteAvailability:
    site: Site
    distance_km: float | None
    resources: list[ResourceSlots] = field(default_factory=list)

    @property
    def free_count(self) -> int:
        return sum(1 for r in self.resources if r.free)


def distance_km(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def busy_ranges(site_ids, start, end, now) -> dict[int, list[tuple]]:
    """Active (non-expired) bookings at some sites overlapping [start, end), by resource.

    A booking lasts at most a day, so `starts_at > start - 1 day` bounds the index range scan.
    """
    out: dict[int, list[tuple]] = {}
    if not site_ids:
        return out
    rows = db.session.execute(select(Booking.resource_id, Booking.starts_at, Booking.ends_at).where(
        Booking.site_id.in_(site_ids), Booking.starts_at < end,
        Booking.starts_at > start - timedelta(days=1), Booking.ends_at > start,
        Booking.status.in_(ACTIVE),
        or_(Booking.status != "held", Booking.hold_expires_at >= now)))
    for resource_id, s, e in rows:
        out.setdefault(resource_id, []).append((s, e))
    return out


def _is_free(slot: Slot, busy, buffer) -> bool:
    return not any(s < slot.ends_at + buffer and e > slot.starts_at - buffer for s, e in busy)


def _free_slots(slots, busy, buffer) -> list:
    """The slots no busy range touches (this loop runs for thousands of resources per search)."""
    if not busy:
        return list(slots)
    free = []
    for slot in slots:
        low, high = slot.starts_at - buffer, slot.ends_at + buffer
        for start, end in busy:
            if start < high and end > low:
                break
        else:
            free.append(slot)
    return free


def _site_resources(sites, kind=None):
    """Offered resources as light rows (id, site_id, kind, name, group_name): no ORM objects,
    since the network query reads two thousand of them."""
    query = select(Resource.id, Resource.site_id, Resource.kind, Resource.name, Resource.group_name).where(
        Resource.site_id.in_([s.id for s in sites]), Resource.retired_at.is_(None))
    if kind:
        query = query.where(Resource.kind == kind)
    return db.session.execute(query.order_by(Resource.kind, Resource.group_name, Resource.name)).all()


def _slots_by_kind(site, day, kinds, period, now, cache) -> dict:
    """Each kind's future slots at a site: hours are for rooms only, so compute once and filter.

    Sites with the same hours and time zone share the computation (`cache`, for one call).
    """
    key = (site.timezone, tuple(opening_intervals(site, day)))
    if key not in cache:
        every = [s for s in day_slots(site, day, "room", period) if s.starts_at > now]
        hours = [s for s in every if s.period != "hour"]
        cache[key] = {"room": every, "visio": every, "desk": hours, "office": hours}
    return {k: cache[key].get(k, []) for k in kinds}


def network(day: date, kind=None, period=None, site_slug=None, near=None, now=None) -> list[SiteAvailability]:
    """Sites with their free resources on a local date, nearest first when `near` = (lat, lon)."""
    now = now or utcnow()
    query = select(Site).where(Site.is_published).options(selectinload(Site.closures))
    if site_slug:
        query = query.where(Site.slug == site_slug)
    sites = [s for s in db.session.scalars(query) if is_enabled("booking", s)]
    resources = _site_resources(sites, kind) if sites else []
    by_site: dict[int, list[Resource]] = {}
    for resource in resources:
        by_site.setdefault(resource.site_id, []).append(resource)
    slots_of, bounds, cache = {}, [], {}
    for site in sites:
        kinds = {r.kind for r in by_site.get(site.id, [])}
        for k, slots in _slots_by_kind(site, day, kinds, period, now, cache).items():
            slots_of[(site.id, k)] = slots
            bounds += [(s.starts_at, s.ends_at) for s in slots[:1] + slots[-1:]]
    busy = busy_ranges(list(by_site), min(b[0] for b in bounds), max(b[1] for b in bounds),
                       now) if bounds else {}
    rules = rules_by_site(by_site)
    out = []
    for site in sites:
        dist = distance_km(near[0], near[1], site.latitude, site.longitude) if near else None
        entry = SiteAvailability(site, dist)
        buffers = {}
        for resource in by_site.get(site.id, []):
            if resource.kind not in buffers:
                buffers[resource.kind] = timedelta(minutes=rules(site.id, resource.kind).buffer_minutes)
            free = _free_slots(slots_of.get((site.id, resource.kind), []), busy.get(resource.id),
                               buffers[resource.kind])
            entry.resources.append(ResourceSlots(resource, free))
        out.append(entry)
    out.sort(key=lambda a: (a.free_count == 0, a.distance_km if a.distance_km is not None else 0, a.site.name))
    return out


def week(site: Site, monday: date, now=None):
    """For a site's week: the days, and per resource per day the half-days with free/taken."""
    now = now or utcnow()
    days = [monday + timedelta(days=i) for i in range(7)]
    resources = _site_resources([site])
    slots = {(r.kind, d): day_slots(site, d, r.kind, None) for r in resources for d in days}
    all_slots = [s for v in slots.values() for s in v]
    busy = busy_ranges([site.id], min(s.starts_at for s in all_slots),
                       max(s.ends_at for s in all_slots), now) if all_slots else {}
    rows = []
    for resource in resources:
        cells = []
        for d in days:
            halves = [s for s in slots[(resource.kind, d)] if s.period in ("morning", "afternoon")]
            cells.append([(s, s.starts_at > now and _is_free(s, busy.get(resource.id, []), timedelta()))
                          for s in halves])
        rows.append((resource, cells))
    return days, rows
