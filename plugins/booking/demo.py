"""Resources of the five demo telecentres (idempotent: existing names are kept)."""
from __future__ import annotations

from sqlalchemy import select

from core.extensions import db
from plugins.booking.models import Resource

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
