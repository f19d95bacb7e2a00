"""Impact's part of the demo: commute profiles for the demo members and thirty demo commuters
(homes across Cantal, Lot and Aveyron; workplaces in Rodez, Cahors, Aurillac and Toulouse), and a
year of checked-in days loaded in bulk, so every report has figures. Idempotent."""
from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import func, select

from core import geo
from core.accounts import roles
from core.accounts.models import User
from core.accounts.service import create_user
from core.db import utcnow
from core.extensions import db
from plugins.conventions import Partner

from . import access, service
from .models import ImpactDay, ImpactProfile

HOMES = ["Maurs", "Saint-Mamet-la-Salvetat", "Arpajon-sur-Cère", "Laroquebrou", "Montsalvy", "Marcolès",  # Cantal
         "Capdenac-Gare", "Bagnac-sur-Célé", "Lacapelle-Marival", "Cajarc", "Assier", "Leyme",  # Lot
         "Livinhac-le-Haut", "Aubin", "Firmi", "Viviez", "Decazeville", "Villefranche-de-Rouergue"]  # Aveyron
WORKPLACES = [("Rodez", "12"), ("Cahors", "46"), ("Aurillac", "15"), ("Toulouse", "31")]
MODES = ["petrol", "petrol", "diesel", "diesel", "hybrid", "electric", "public_transport", "two_wheeler"]
COMMUTERS = 30
# The demo logins: where they would drive to, how.
MEMBERS = {"member-1": ("Rodez", "12", "petrol", 5), "member-2": ("Aurillac", "15", "diesel", 6),
           "member-3": ("Rodez", "12", "electric", 4)}


def _commune(name, dep) -> geo.Commune:
    return next(c for c in geo.resolve(name, (dep, "12", "46", "15")) if dep is None or c.departement == dep)


def seed(sites: dict, users: dict) -> list[str]:
    if db.session.scalar(select(func.count()).select_from(ImpactProfile)):
        return []
    rng = random.Random(2012)
    partners = db.session.scalars(select(Partner)).all()  # the conventions demo's employers, if any
    by_city = {city: next((p.id for p in partners if city in (p.address or "")), 0) for city in ("Cahors", "Aurillac")}
    people = []
    for key, (city, dep, mode, hp) in MEMBERS.items():
        if key in users:
            people.append((users[key], _commune(city, dep), mode, hp, True))
    for n in range(1, COMMUTERS + 1):
        email = f"navette.{n:02d}@demo.tierslieux.fr"
        user = User.by_email(email) or create_user(email, None, f"Navetteur·se {n:02d}", role=roles.MEMBER,
                                                   confirmed=True, locale="fr")
        home = _commune(HOMES[(n - 1) % len(HOMES)], None)
        user.home_commune, user.home_commune_code = home.name, home.code
        user.home_latitude, user.home_longitude = home.latitude, home.longitude
        city, dep = WORKPLACES[(n - 1) % len(WORKPLACES)]
        people.append((user, _commune(city, dep), MODES[(n - 1) % len(MODES)], 4 + n % 4, n % 7 != 0))
    db.session.flush()
    site_list = list(sites.values())
    today = access.today()
    days = []
    for user, work, mode, hp, consent in people:
        db.session.add(ImpactProfile(user_id=user.id, work_commune_code=work.code, mode=mode,
                                     fiscal_hp=hp if mode in ("petrol", "diesel", "hybrid", "electric") else None,
                                     consent_at=utcnow() - timedelta(days=400) if consent else None))
        home = geo.commune(user.home_commune_code)
        site = min(site_list, key=lambda s: geo.distance_km(home.latitude, home.longitude, s.latitude, s.longitude))
        cfg = service.config()
        figures = service.method.day_figures(
            service.distance_km(home, work), service.distance_km(home, service.site_commune(site)),
            co2_factor=cfg.factors[mode].kg_per_km, rate_per_km=service.rate_per_km(mode, hp),
            mean_speed=cfg.mean_speed_kmh)
        partner_id = by_city.get(work.name, 0)
        day = today - timedelta(days=365)
        while day < today:
            if day.weekday() < 5 and rng.random() < 0.3:
                days.append({"member_id": user.id, "site_id": site.id, "partner_id": partner_id, "day": day,
                             "counted": consent, "home_code": home.code, "mode": mode, "km": figures.km,
                             "co2e_kg": figures.co2e_kg, "cents": figures.cents, "hours": figures.hours})
            day += timedelta(days=1)
    db.session.flush()
    if db.session.scalar(select(func.count()).select_from(ImpactDay)) == 0:
        service.bulk_load(days)
    return [f"Impact: {len(people)} commute profiles, {len(days)} checked-in days over a year "
            f"(demo commuters navette.01 to navette.{COMMUTERS:02d} cannot sign in)."]
