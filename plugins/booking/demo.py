"""Resources of the five demo telecentres (idempotent: existing names are kept), and the past
days other plugins' demos need booked (`seed_past_day`)."""
from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy import select

from core.db import utcnow
from core.extensions import db
from core.plugins import hooks
from core.sites.service import opening_intervals
from core.timeutil import local_to_utc
from plugins.booking.models import Booking, Resource

OPEN_SPACE = "Open space"
DEMO = {
    "figeac-maison-emploi": [("desk", f"Poste {n}", OPEN_SPACE) for n in range(1, 5)]
    + [("room", "Salle de réunion", "")],
    "decazeville-chrysalis": [("desk", f"Poste {n}", OPEN_SPACE) for n in range(1, 4)]
    + [("office", "Bureau fermé", ""), ("visio", "Salle de visioconférence", "")],
    "aurillac": [("desk", f"Poste {n}", OPEN_SPACE) for n in range(1, 7)]
    + [("room", "Salle de réunion", ""), ("visio", "Salle de visioconférence", "")],
    "montmurat": [("desk", f"Poste {n}", OPEN_SPACE) for n in range(1, 3)] + [("office", "Bureau fermé", "")],
    "cassaniouze": [("desk", f"Poste {n}", OPEN_SPACE) for n in range(1, 4)],
}


def seed(sites) -> list[str]:
    made = 0
    for slug, specs in DEMO.items():
        site = sites.get(slug)
        if site is None:
            continue
        existing = set(db.session.scalars(select(Resource.name).where(Resource.site_id == site.id)))
        for kind, name, group in specs:
            if name in existing:
                continue
            # Equipment is free text in the territory's language, as a manager types it.
            db.session.add(Resource(site_id=site.id, kind=kind, name=name, group_name=group,
                                    seats=8 if kind == "room" else 1, equipment=["wifi", "écran"]
                                    if kind != "desk" else ["wifi"], accessible=True, photos=[], description="",
                                    approval_required=False))
            made += 1
    db.session.flush()
    return [f"Booking: {made} resources added to the demo sites."] if made else None


def seed_past_day(member, site, day, *, payers=("partner",)):
    """A whole day at `site` in the past, booked by `member` and checked in, when a payer of
    one of the kinds `payers` takes it (None otherwise, or when no desk is free or the site
    is closed).

    For demo data only: `service.book` refuses past days, so this builds the booking itself,
    but asks the other plugins' hooks who pays and tells them it is confirmed, as a booking
    does, so that a convention applies its own rules (the sites and places it covers, its caps
    and budget) and records the day."""
    hours = opening_intervals(site, day)
    if not hours:
        return None
    starts_at, ends_at = local_to_utc(day, hours[0][0], site.timezone), local_to_utc(day, hours[-1][1], site.timezone)
    taken = select(Booking.resource_id).where(*Booking.occupying(starts_at, ends_at, utcnow()))
    desk = db.session.scalar(select(Resource).where(Resource.site_id == site.id, Resource.kind == "desk",
                                                    Resource.retired_at.is_(None), Resource.id.not_in(taken))
                             .order_by(Resource.id).limit(1))
    if desk is None:
        return None
    booking = Booking(resource=desk, resource_id=desk.id, site_id=site.id, member=member, member_id=member.id,
                      created_by_id=member.id, starts_at=starts_at, ends_at=ends_at, status="confirmed",
                      checkin_code=secrets.token_hex(4))
    payer = hooks(site).booking_payer(booking=booking)
    if payer is None or payer.kind not in payers:
        return None
    booking.payer_kind, booking.payer_reference = payer.kind, payer.reference
    db.session.add(booking)
    db.session.flush()
    hooks(site).booking_confirmed(booking=booking)
    booking.status, booking.checked_in_at = "checked_in", starts_at + timedelta(minutes=10)
    db.session.flush()
    return booking
