"""Impact's part of the demo: commute profiles for the demo members and thirty demo commuters
(homes across Cantal, Lot and Aveyron; workplaces in Rodez, Cahors, Aurillac and Toulouse), and a
year of checked-in days loaded in bulk, so every report has figures. Idempotent.

A partner's figures are the days its convention paid, as in production, where a day is counted
from its checked-in booking and credited to the partner of the convention paying it
(`service.partner_of`). The demo's staff of a partner (conventions' demo: the Lot council's
teleworking agents, with a home commune) telework one day a week: each such day is booked by
booking's demo helper (`plugins.booking.seed_past_day`), which offers it to the plugins as a
member's booking is (`booking_payer`: the convention pays it within its
caps, or the day is not kept, as it would be refused; `booking_confirmed`: the convention
records it), checked in. The commuters' and members' days pay themselves: no partner. Before,
commuters working in Cahors were credited to the council without any booking, and the
convention's page said "0 % used" beside hundreds of days in the impact figures."""
from __future__ import annotations

import random
import re
from datetime import timedelta

from sqlalchemy import func, select

from core import geo
from core.accounts import roles
from core.accounts.models import User
from core.accounts.service import create_user
from core.db import utcnow
from core.extensions import db
from plugins.booking import seed_past_day
from plugins.conventions import Partner, partners_of

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


def _partner_commune(partner) -> geo.Commune | None:
    """Where a partner's staff work: the commune of its address's last line ("46005 Cahors Cedex 9")."""
    lines = [line.strip() for line in (partner.address or "").splitlines() if line.strip()]
    found = re.match(r"^\d{5}\s+(.+?)(\s+cedex\b.*)?$", lines[-1], re.IGNORECASE) if lines else None
    if not found:
        return None
    communes = geo.resolve(found.group(1), ("46", "12", "15"), limit=1)
    return communes[0] if communes else None


def _staff(known: set[int]) -> list[tuple[User, geo.Commune]]:
    """The demo's staff of a partner (given a home by conventions' demo) not already placed, with
    their workplace."""
    partners = {p.id: p for p in db.session.scalars(select(Partner))}
    out = []
    for user in db.session.scalars(select(User).where(User.role == roles.MEMBER, User.home_commune_code.is_not(None),
                                                      User.id.not_in(known or {0})).order_by(User.id)):
        works_for = [partners[i] for i in partners_of(user) if i in partners]
        work = _partner_commune(works_for[0]) if works_for else None
        if work is not None:
            out.append((user, work))
    return out


def _the_year_before(today):
    day = today - timedelta(days=365)
    while day < today:
        yield day
        day += timedelta(days=1)


def _nearest_site(home: geo.Commune, site_list):
    return min(site_list, key=lambda s: geo.distance_km(home.latitude, home.longitude, s.latitude, s.longitude))


def seed(sites: dict, users: dict) -> list[str]:
    if db.session.scalar(select(func.count()).select_from(ImpactProfile)):
        return []
    rng = random.Random(2012)
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
    # The partners' staff, counted (they agreed): a partner's figures are then exactly its days.
    staff = _staff({user.id for user, *_rest in people})
    people += [(user, work, MODES[n % len(MODES)], 5, True) for n, (user, work) in enumerate(staff)]
    staff_ids = {user.id for user, _work in staff}
    site_list = list(sites.values())
    today = access.today()
    days = []
    booked = 0
    for n, (user, work, mode, hp, consent) in enumerate(people):
        profile = ImpactProfile(user_id=user.id, work_commune_code=work.code, mode=mode,
                                fiscal_hp=hp if mode in ("petrol", "diesel", "hybrid", "electric") else None,
                                consent_at=utcnow() - timedelta(days=400) if consent else None)
        db.session.add(profile)
        home = geo.commune(user.home_commune_code)
        site = _nearest_site(home, site_list)
        figures = service.figures_for(profile, home.code, site)
        telework_day = n % 5  # a staff member's weekday at the telecentre
        for day in _the_year_before(today):
            if user.id in staff_ids:
                booking = seed_past_day(user, site, day) if day.weekday() == telework_day and rng.random() < 0.85 \
                    else None
                if booking is None:
                    continue
                booked += 1
            elif day.weekday() >= 5 or rng.random() >= 0.3:
                continue
            else:
                booking = None
            days.append({"member_id": user.id, "site_id": site.id, "day": day, "counted": consent,
                         "booking_id": booking.id if booking else 0,
                         "partner_id": service.partner_of(booking) if booking else 0,
                         "home_code": home.code, "mode": mode, "km": figures.km, "co2e_kg": figures.co2e_kg,
                         "cents": figures.cents, "hours": figures.hours})
    db.session.flush()
    if db.session.scalar(select(func.count()).select_from(ImpactDay)) == 0:
        service.bulk_load(days)
    return [f"Impact: {len(people)} commute profiles, {len(days)} checked-in days over a year, {booked} of them "
            f"booked by partners' staff and paid by their conventions "
            f"(demo commuters navette.01 to navette.{COMMUTERS:02d} cannot sign in)."]
