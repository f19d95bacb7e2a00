"""Events' part of the demo data: an information day on telework for employers at Figeac, a
welcome morning at Decazeville, a members' breakfast at Aurillac. Idempotent (by title)."""
from __future__ import annotations

from datetime import time, timedelta

from sqlalchemy import select

from core.extensions import db
from core.timeutil import local_to_utc, today_at

from .models import Event
from .service import schedule_reminder

DEMO = [
    ("figeac-maison-emploi", "Journée d'information : le télétravail pour les employeurs", 14, time(9, 30),
     time(16, 30), 40, "public",
     "Employeurs publics et privés du Lot : comment organiser le télétravail de vos équipes dans un "
     "télécentre proche de chez elles. Témoignages, conventions, visite du lieu."),
    ("decazeville-chrysalis", "Matinée d'accueil des nouveaux télétravailleurs", 9, time(9, 0), time(11, 30), 15,
     "public", "Découvrez le télécentre, ses services et la communauté autour d'un café."),
    ("aurillac", "Petit-déjeuner des membres", 6, time(8, 30), time(9, 30), 20, "members",
     "Le petit-déjeuner mensuel des membres : nouvelles du réseau et échanges entre télétravailleurs."),
]


def seeded(sites, users) -> list[str]:
    lines = ["", "Events:"]
    for slug, title, days, starts, ends, capacity, audience, description in DEMO:
        site = sites.get(slug)
        if site is None:
            continue
        event = db.session.scalar(select(Event).where(Event.title == title, Event.site_id == site.id))
        if event is None:
            day = today_at(site.timezone) + timedelta(days=days)
            while day.weekday() >= 5:
                day += timedelta(days=1)
            manager = users.get(f"manager-{slug}") or users.get("admin")
            event = Event(site_id=site.id, site=site, title=title, description=description, capacity=capacity,
                          audience=audience, starts_at=local_to_utc(day, starts, site.timezone),
                          ends_at=local_to_utc(day, ends, site.timezone), seats_taken=0, status="scheduled",
                          created_by_id=getattr(manager, "id", None))
            db.session.add(event)
            db.session.flush()
            schedule_reminder(event)
        lines.append(f"  {site.name}: {title}")
    return lines
