"""Conventions' part of the demo data: the Lot council (a public buyer, a rate per day, at most
1.5 days a week, at Figeac and Decazeville) and a private employer with prepaid days at
Aurillac, with their référents and a few agents. Idempotent.

The council's teleworking agents (`TELEWORKERS`: where they live, their weekly telework day)
are its staff in the impact demo, whose year of check-ins books their days through booking's
hooks: this convention pays them, and its page and the impact report count the same days.

The conventions go through the same rules as any other (`service`): saved as drafts, signed by
uploading their signed copy (the convention's own PDF, as the parties would sign it), then
started; so the demo never shows an active convention without its signed copy.

Once the other plugins' demos have run (impact's books the agents' days), the council's
statement of last month is issued as the monthly job issues it (`invoicing.issue_statement`:
its number in billing's series, its Factur-X PDF), so a référent or an administrator trying the
demo finds an invoice to open."""
from __future__ import annotations

import io
from datetime import date, timedelta

from sqlalchemy import select

from core import geo
from core.accounts import roles
from core.accounts.service import create_user
from core.accounts.models import User
from core.demo import PASSWORD
from core.extensions import db
from core.timeutil import today_at

from . import document, invoicing, service
from .models import Authorisation, Convention, Partner, Referent, Statement

LOT = dict(name="Conseil départemental du Lot", siret="22460001500016", vat_number="", public_buyer=True,
           address="Avenue de l'Europe, Regourd\n46005 Cahors Cedex 9", chorus_service_code="DRH-TELETRAVAIL",
           engagement_number="EJ-2026-0412", listed_publicly=True)
PRIVATE = dict(name="Banque Populaire Occitane (démo)", siret="56000000200017", vat_number="",
               address="Place Michel Crespin\n15000 Aurillac", listed_publicly=True)


# The Lot council's agents who live near Figeac or Decazeville (sites its convention covers) and
# work at its offices in Cahors: (e-mail, name, home commune and its département).
TELEWORKERS = [
    ("chantal.bousquet.lot@demo.tierslieux.fr", "Chantal Bousquet (agente, Lot)", "Capdenac-Gare", "12"),
    ("didier.lafon.lot@demo.tierslieux.fr", "Didier Lafon (agent, Lot)", "Lissac-et-Mouret", "46"),
    ("emilie.cayrou.lot@demo.tierslieux.fr", "Émilie Cayrou (agente, Lot)", "Cajarc", "46"),
    ("francois.vialard.lot@demo.tierslieux.fr", "François Vialard (agent, Lot)", "Faycelles", "46"),
    ("gaelle.roques.lot@demo.tierslieux.fr", "Gaëlle Roques (agente, Lot)", "Aubin", "12"),
    ("herve.calmels.lot@demo.tierslieux.fr", "Hervé Calmels (agent, Lot)", "Cransac", "12"),
]


def _user(email, name, role) -> User:
    user = User.by_email(email)
    return user or create_user(email, PASSWORD, name, role=role, confirmed=True, locale="fr")


def _teleworker(email, name, commune, departement) -> User:
    # No password: they cannot sign in (the demo needs their days, and each password costs an
    # argon2 hash, the slowest part of the seed).
    user = User.by_email(email) or create_user(email, None, name, role=roles.MEMBER, confirmed=True, locale="fr")
    if user.home_commune_code is None:
        home = next(c for c in geo.resolve(commune, (departement,)) if c.departement == departement)
        user.home_commune, user.home_commune_code = home.name, home.code
        user.home_latitude, user.home_longitude = home.latitude, home.longitude
    return user


def _partner(spec) -> Partner:
    partner = db.session.scalar(select(Partner).where(Partner.name == spec["name"]))
    if partner is None:
        partner = Partner(**spec)
        db.session.add(partner)
        db.session.flush()
    return partner


def _referent(partner, user) -> None:
    if db.session.scalar(select(Referent).where(Referent.partner_id == partner.id,
                                                Referent.user_id == user.id)) is None:
        db.session.add(Referent(partner_id=partner.id, user_id=user.id))


def _convention(admin, partner, reference, **terms) -> Convention:
    convention = db.session.scalar(select(Convention).where(Convention.reference == reference))
    if convention is None:
        convention = service.save_convention(admin, partner, None, reference=reference, **terms)
        service.attach_signed_copy(admin, convention, io.BytesIO(document.document_pdf(convention)))
        service.move(admin, convention, "active")
    return convention


def _authorise(convention, user, weekdays=()) -> None:
    if db.session.scalar(select(Authorisation).where(Authorisation.convention_id == convention.id,
                                                     Authorisation.user_id == user.id)) is None:
        db.session.add(Authorisation(convention_id=convention.id, user_id=user.id, status="approved",
                                     valid_from=convention.starts_on, weekdays=list(weekdays), joined_by="admin"))


def seeded(sites, users) -> list[str]:
    lot = _partner(LOT)
    private = _partner(PRIVATE)
    lot_ref = _user("referent.lot@demo.tierslieux.fr", "Référente télétravail — Lot", roles.PARTNER)
    bank_ref = _user("referent.banque@demo.tierslieux.fr", "Référent — Banque", roles.PARTNER)
    _referent(lot, lot_ref)
    _referent(private, bank_ref)
    year = date.today().year
    site_ids = [s.id for slug, s in sites.items() if slug.startswith(("figeac", "decazeville"))]
    admin = users["admin"]
    lot_convention = _convention(
        admin, lot, f"CD46-TT-{year}", starts_on=date(year, 1, 1), ends_on=date(year + 1, 12, 31), site_ids=site_ids,
        kinds=["desk", "office"], price_model="per_day", day_rate_cents=1500, half_day_rate_cents=800,
        week_cap=3, budget_halfdays=12 * 2 * 70, past_cap="refuse", email_domains=["lot.fr"])
    aurillac = [s.id for slug, s in sites.items() if slug == "aurillac"]
    bank_convention = _convention(
        admin, private, f"BPO-AUR-{year}", starts_on=date(year, 1, 1), ends_on=date(year, 12, 31), site_ids=aurillac,
        kinds=["desk", "office", "room"], price_model="prepaid", budget_halfdays=2 * 100, month_cap=16,
        past_cap="member_pays")
    agents = [_user("agent1.lot@demo.tierslieux.fr", "Agnès Delmas (agente, Lot)", roles.MEMBER),
              _user("agent2.lot@demo.tierslieux.fr", "Bruno Lacoste (agent, Lot)", roles.MEMBER)]
    for agent in agents:
        _authorise(lot_convention, agent)
    teleworkers = [_teleworker(*spec) for spec in TELEWORKERS]
    for agent in teleworkers:
        _authorise(lot_convention, agent)
    _authorise(bank_convention, users.get("member-1") or agents[0])
    db.session.flush()
    from .jobs import schedule

    schedule()  # the daily and monthly jobs, as `tierslieux conventions schedule` does
    return ["", "Conventions: the Lot council pays its agents' days at Figeac and Decazeville (1.5 days a week);",
            f"  référent (Lot)  : {lot_ref.email}", f"  référent (bank) : {bank_ref.email}",
            *[f"  agent (Lot)     : {a.email}" for a in agents],
            f"  {len(teleworkers)} more agents telework once a week (their days: the impact demo; they cannot "
            "sign in)"]


def invoice_last_month(convention: Convention, today: date) -> Statement | None:
    """The statement of the last month over, issued as the monthly job does (once: issuing again
    gives the same), when the convention ran all that month; None in its first month."""
    first = today.replace(day=1)
    month_start = (first - timedelta(days=1)).replace(day=1)
    if convention.starts_on > month_start or convention.ends_on < first - timedelta(days=1):
        return None
    return invoicing.issue_statement(convention, f"{month_start:%Y-%m}", today)


def invoiced() -> list[str]:
    """After the other plugins' demos: the Lot council's statement of last month (its agents'
    days, booked by impact's demo)."""
    lot = db.session.scalar(select(Convention).join(Partner).where(Partner.name == LOT["name"])
                            .order_by(Convention.starts_on.desc(), Convention.id.desc()).limit(1))
    statement = invoice_last_month(lot, today_at(service.territory_tz())) if lot is not None else None
    if statement is None:
        return []
    return [f"  invoice {statement.invoice_reference} ({statement.month}, {lot.reference}): on the convention's page"]
