"""The boards' part of the demo: employers at Figeac, Decazeville and Aurillac with job offers, a
list of skills the territory lacks (physiotherapist, industrial maintenance technician, Python
developer), an activity to take over, two spouse profiles (one followed by the welcome officer),
an approved recruiter and a welcome officer. Idempotent."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from core.accounts import roles
from core.accounts.models import User
from core.accounts.service import create_user
from core.demo import PASSWORD
from core.extensions import db

from . import access, posts, welcome
from .models import Grant, Post

RECRUITER = ("recrutement.cele@demo.tierslieux.fr", "Recrutement — Ateliers du Célé", "Ateliers mécaniques du Célé")
OFFICER = ("accueil.conjoints@demo.tierslieux.fr", "Accueil des nouveaux arrivants")
EMPLOYERS = {
    "sante": ("rh.maison-sante@demo.tierslieux.fr", "Maison de santé du Bassin"),
    "numerique": ("contact.cantal-numerique@demo.tierslieux.fr", "Cantal Numérique"),
}
SPOUSES = [
    ("elodie.marchal@demo.tierslieux.fr", "Élodie Marchal", "Kinésithérapeute diplômée d'État", "J1404",
     "Figeac, Capdenac-Gare, Decazeville", "Arrivée à Figeac avec son conjoint muté à l'hôpital ; dix ans "
     "d'exercice en cabinet à Nantes."),
    ("marc.delaunay@demo.tierslieux.fr", "Marc Delaunay", "Technicien de maintenance industrielle", "I1304",
     "Decazeville, Viviez, Aubin", "Maintenance de lignes de production (mécanique, automatismes) ; suit sa "
     "compagne nommée au collège de Decazeville."),
]
# (kind, employer key or "recruiter", title, codes, communes, organisation, extra fields)
POSTS = [
    ("job_offer", "recruiter", "Technicien·ne de maintenance industrielle", "I1304", "Figeac",
     "Ateliers mécaniques du Célé", dict(employment_type="FULL_TIME", headcount=2,
                                         description="Maintenance préventive et curative d'un parc de "
                                                     "machines-outils à commande numérique.")),
    ("job_offer", "sante", "Secrétaire médical·e", "M1609", "Decazeville", "Maison de santé du Bassin",
     dict(employment_type="PART_TIME", description="Accueil des patients et gestion des rendez-vous, 24 h par "
                                                   "semaine.")),
    ("job_offer", "numerique", "Développeur·se Python", "M1805", "Aurillac", "Cantal Numérique",
     dict(employment_type="FULL_TIME", description="Applications web (Python, PostgreSQL) pour les "
                                                   "collectivités ; télétravail possible au télécentre.",
          source_url="https://www.francetravail.fr/")),
    ("skill_wanted", "sante", "Kinésithérapeute", "J1404", "Decazeville, Figeac", "Maison de santé du Bassin",
     dict(headcount=2, reason="Trois départs à la retraite, aucun remplaçant depuis deux ans.",
          description="Cabinet équipé au sein de la maison de santé, patientèle assurée.")),
    ("skill_wanted", "recruiter", "Technicien·ne de maintenance industrielle", "I1304", "Figeac, Decazeville",
     "Ateliers mécaniques du Célé", dict(headcount=3, reason="Les écoles les plus proches sont à Toulouse et à "
                                                           "Clermont-Ferrand ; les candidats ne viennent pas.")),
    ("skill_wanted", "numerique", "Développeur·se Python", "M1805", "Aurillac", "Cantal Numérique",
     dict(headcount=1, reason="Aucune candidature locale en un an.", description="Python, Django, PostgreSQL.")),
    ("activity", "numerique", "Librairie-papeterie à reprendre à Maurs", "D1302", "Maurs", "Librairie du Ségala",
     dict(reason="Départ à la retraite de la gérante après trente ans.",
          description="Commerce rentable en centre-bourg, logement à l'étage.")),
]


def _user(email, name) -> User:
    user = User.by_email(email)
    if user is None:
        user = create_user(email, PASSWORD, name, role=roles.MEMBER, confirmed=True, locale="fr")
    return user


def _grant(admin, user, role, organisation=""):
    if db.session.get(Grant, (user.id, role)) is None:
        access.grant(admin, user.email, role, organisation)


def _published(admin, author, kind, title, **fields) -> Post:
    found = db.session.scalar(select(Post).where(Post.kind == kind, Post.title == title))
    if found is None:
        found = posts.create(author, kind, title=title, ends_on=posts.today() + timedelta(days=60), **fields)
        posts.moderate(admin, found.id, "publish")
    return found


def seeded(sites, users) -> list[str]:
    admin = users["admin"]
    recruiter = _user(*RECRUITER[:2])
    _grant(admin, recruiter, access.RECRUITER, RECRUITER[2])
    officer = _user(*OFFICER)
    _grant(admin, officer, access.WELCOME_OFFICER)
    authors = {"recruiter": recruiter, **{key: _user(*spec) for key, spec in EMPLOYERS.items()}}
    for kind, who, title, codes, communes, organisation, extra in POSTS:
        _published(admin, authors[who], kind, title, codes=codes, communes=communes, organisation=organisation,
                   **extra)
    for index, (email, name, title, codes, communes, about) in enumerate(SPOUSES):
        spouse = _user(email, name)
        # The first signed up and wrote her profile; the welcome officer wrote the second's with his consent.
        author = spouse if index == 0 else officer
        profile = _published(admin, author, "spouse_profile", title, codes=codes, communes=communes,
                             description=about, person=spouse, consent=True)
        if index == 1 and not profile.steps:
            welcome.add_step(officer, profile.id, "first_meeting", posts.today() - timedelta(days=20),
                             "Rencontre à la Maison de l'emploi de Figeac.")
            welcome.add_step(officer, profile.id, "cv_reviewed", posts.today() - timedelta(days=12))
    db.session.flush()
    return ["", f"Boards: {len(POSTS)} posts, {len(SPOUSES)} spouse profiles;",
            f"  approved recruiter: {recruiter.email}", f"  welcome officer   : {officer.email}",
            f"  spouse            : {SPOUSES[0][0]}"]
