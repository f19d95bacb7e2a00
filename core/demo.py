"""The demo territory: the 2012 experiment's network of five telecentres (Aveyron, Lot, Cantal)."""
from __future__ import annotations

from datetime import time

from sqlalchemy import select

from core import geo
from core.accounts import roles
from core.accounts.models import User
from core.accounts.service import create_user
from core.extensions import db
from core.plugins import registry
from core.sites.models import Site
from core.sites.service import set_hours

PASSWORD = "telecentre-2012"

DAY = [(time(8, 30), time(12, 30)), (time(13, 30), time(18, 0))]
SHORT = [(time(9, 0), time(12, 0)), (time(14, 0), time(17, 0))]

SITES = [
    dict(slug="decazeville-chrysalis", name="Télécentre Chrysalis", kind="telecentre",
         host_organisation="Pépinière d'entreprises Chrysalis", address="Pépinière d'entreprises Chrysalis",
         postcode="12300", commune="Decazeville", departement="12", latitude=44.5603, longitude=2.2506,
         amenities=["wifi", "coffee", "parking", "step_free_access", "videoconference", "printer"],
         week={d: DAY for d in range(5)},
         description="Un bureau dédié au télétravail au sein de la pépinière d'entreprises Chrysalis."),
    dict(slug="figeac-maison-emploi", name="Télécentre de la Maison de l'Emploi", kind="telecentre",
         host_organisation="Maison de l'Emploi du Grand Figeac", address="Maison de l'Emploi",
         postcode="46100", commune="Figeac", departement="46", latitude=44.6086, longitude=2.0317,
         amenities=["wifi", "coffee", "step_free_access", "printer", "public_transport", "restaurant_nearby"],
         week={d: DAY for d in range(5)},
         description="Un bureau dédié à l'expérimentation, au cœur de la Maison de l'Emploi de Figeac."),
    dict(slug="aurillac", name="Télécentre d'Aurillac", kind="telecentre", host_organisation=None,
         address="Centre-ville", postcode="15000", commune="Aurillac", departement="15",
         latitude=44.9264, longitude=2.4397,
         amenities=["wifi", "coffee", "kitchen", "videoconference", "public_transport", "restaurant_nearby"],
         week={**{d: DAY for d in range(5)}, 5: [(time(9, 0), time(12, 0))]},
         description="Espace de travail partagé et salle de visioconférence en centre-ville."),
    dict(slug="montmurat", name="Télécentre de Montmurat", kind="telecentre", host_organisation=None,
         address="Le bourg", postcode="15600", commune="Montmurat", departement="15",
         latitude=44.6283, longitude=2.1967, amenities=["wifi", "coffee", "parking"],
         week={d: SHORT for d in (1, 2, 3, 4)},
         description="Un télécentre rural, au calme, avec une connexion à haut débit."),
    dict(slug="cassaniouze", name="Télécentre de Cassaniouze", kind="telecentre", host_organisation=None,
         address="Le bourg", postcode="15340", commune="Cassaniouze", departement="15",
         latitude=44.6939, longitude=2.3800, amenities=["wifi", "coffee", "parking", "kitchen"],
         week={d: SHORT for d in (0, 1, 3, 4)},
         description="Un télécentre de village, avec cuisine partagée."),
]

MEMBERS = [
    ("camille.martin@demo.tierslieux.fr", "Camille Martin", "Capdenac-Gare", 44.5775, 2.0806),
    ("lucas.bernard@demo.tierslieux.fr", "Lucas Bernard", "Maurs", 44.7103, 2.1983),
    ("ines.roux@demo.tierslieux.fr", "Inès Roux", "Viviez", 44.5567, 2.2189),
]


def _user(email, name, role, sites=(), **extra) -> User:
    user = User.by_email(email)
    if user is None:
        user = create_user(email, PASSWORD, name, role=role, confirmed=True, sites=sites, locale="fr")
    for key, value in extra.items():
        setattr(user, key, value)
    return user


def seed() -> list[str]:
    sites = {}
    for spec in SITES:
        spec = dict(spec)
        week = spec.pop("week")
        site = db.session.scalar(select(Site).where(Site.slug == spec["slug"]))
        if site is None:
            site = Site(**spec)
            db.session.add(site)
            set_hours(site, week)
        sites[site.slug] = site
    db.session.flush()

    users = {"admin": _user("admin@demo.tierslieux.fr", "Administration du territoire", roles.TERRITORY_ADMIN)}
    for slug, site in sites.items():
        users[f"manager-{slug}"] = _user(f"gestion.{slug}@demo.tierslieux.fr", f"Gestion — {site.commune}",
                                         roles.SITE_MANAGER, sites=[site])
    for index, (email, name, commune, lat, lon) in enumerate(MEMBERS, start=1):
        home = geo.resolve(commune, ("12", "46", "15"))[0]
        users[f"member-{index}"] = _user(email, name, roles.MEMBER, home_commune=home.name,
                                         home_commune_code=home.code, home_latitude=home.latitude,
                                         home_longitude=home.longitude)
    db.session.commit()

    lines = [f"Demo territory loaded: {len(sites)} sites.", "",
             f"Every demo account has the password: {PASSWORD}",
             f"  territory admin : {users['admin'].email}"]
    lines += [f"  site manager    : {users[f'manager-{slug}'].email}" for slug in sites]
    lines += [f"  member          : {users[f'member-{i}'].email}" for i in range(1, len(MEMBERS) + 1)]
    for extra in registry().pm.hook.demo_seeded(sites=sites, users=users):
        lines += extra or []
    db.session.commit()
    return lines
