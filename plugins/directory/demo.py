"""The directory's part of the demo: about thirty members across the five sites with skills on
the ROME vocabulary (some not listed, to show that they stay invisible), and a few organisations
hosted at Decazeville's incubator. Idempotent."""
from __future__ import annotations

from sqlalchemy import select

from core import geo
from core.accounts import roles
from core.accounts.models import User
from core.accounts.service import create_user
from core.demo import PASSWORD
from core.extensions import db

from . import profiles
from .models import FIELDS, Organisation

FIGEAC, DECAZEVILLE, AURILLAC = "figeac-maison-emploi", "decazeville-chrysalis", "aurillac"
MONTMURAT, CASSANIOUZE = "montmurat", "cassaniouze"
ORGANISATIONS = [
    dict(name="Chrysalis Numérique", kind="company", website="https://chrysalis-numerique.example",
         description="Studio web et applications pour les entreprises du Bassin."),
    dict(name="Atelier Vallée du Lot", kind="association",
         description="Graphisme, édition et médiation culturelle en vallée du Lot."),
    dict(name="Cabinet Comptable du Bassin", kind="company",
         description="Tenue de comptabilité, paie et conseil pour les TPE et les agriculteurs."),
]
# (name, e-mail local part, commune, sites, job code, job title, ROME skills, free skills, bio,
#  listed, contactable, available, organisation index or None)
PEOPLE = [
    ("Claire Vidal", "claire.vidal", "Figeac", [FIGEAC], "M1203", "Comptable indépendante",
     ["121739", "122048", "117600"], [], "Comptabilité des TPE, associations et exploitations agricoles.",
     True, True, True, None),
    ("Julien Bouscary", "julien.bouscary", "Decazeville", [DECAZEVILLE], "M1805", "Développeur web",
     ["113317", "113640", "121262"], ["Python", "Django"], "Sites et applications web sur mesure.",
     True, True, True, 0),
    ("Sophie Lacombe", "sophie.lacombe", "Aurillac", [AURILLAC], "E1108", "Traductrice anglais-espagnol",
     ["114210"], ["Traduction technique", "Sous-titrage"], "Traductions techniques et juridiques.",
     True, True, True, None),
    ("Maxime Delpech", "maxime.delpech", "Viviez", [DECAZEVILLE], "E1205", "Graphiste",
     ["119793", "124255", "125294"], [], "Identités visuelles, affiches et mises en page.", True, True, False, 1),
    ("Nathalie Couderc", "nathalie.couderc", "Capdenac-Gare", [FIGEAC], "K2111", "Formatrice bureautique",
     ["490623", "108383"], ["Tableur"], "Formations bureautique et numérique pour adultes.", True, True, True, None),
    ("Pierre Bessières", "pierre.bessieres", "Maurs", [MONTMURAT], "A1304", "Conseiller agricole",
     ["124815"], ["Agriculture biologique"], "Accompagnement des exploitations en conversion bio.",
     True, True, False, None),
    ("Émilie Rouquette", "emilie.rouquette", "Decazeville", [DECAZEVILLE], "M1203", "Comptable",
     ["511114", "123912"], [], "Comptabilité et paie au cabinet du Bassin.", True, True, False, 2),
    ("Thomas Garric", "thomas.garric", "Aurillac", [AURILLAC], "M1805", "Développeur mobile",
     ["113317"], ["Flutter"], "Applications mobiles pour le tourisme.", True, True, True, None),
    ("Laure Marty", "laure.marty", "Cassaniouze", [CASSANIOUZE], "E1101", "Community manager",
     ["126228"], ["Réseaux sociaux"], "Communication numérique des petites entreprises.", True, True, True, None),
    ("Antoine Fabre", "antoine.fabre", "Figeac", [FIGEAC], "M1204", "Contrôleur de gestion",
     ["121739"], [], "Contrôle de gestion à temps partagé.", True, False, False, None),
    ("Marion Lafon", "marion.lafon", "Aubin", [DECAZEVILLE], "E1205", "Illustratrice",
     ["125294"], ["Illustration jeunesse"], "Illustration et bande dessinée.", True, True, True, 1),
    ("Hugo Cayrou", "hugo.cayrou", "Firmi", [DECAZEVILLE], "M1805", "Développeur back-end",
     ["113317"], ["PostgreSQL"], "Bases de données et API.", True, True, False, 0),
    ("Céline Alibert", "celine.alibert", "Ytrac", [AURILLAC], "K2111", "Formatrice en gestion",
     ["490623"], [], "Formations à la création d'entreprise.", True, True, True, None),
    ("Romain Delmas", "romain.delmas", "Bagnac-sur-Célé", [FIGEAC, MONTMURAT], "E1108", "Traducteur",
     [], ["Traduction allemand-français", "Occitan"], "Traduction et interprétariat.", True, True, True, None),
    ("Isabelle Vernhet", "isabelle.vernhet", "Montmurat", [MONTMURAT], "M1209", "Conseillère en gestion",
     ["121739"], [], "Conseil aux artisans et commerçants.", True, True, False, None),
    ("Bastien Puech", "bastien.puech", "Naucelles", [AURILLAC], "E1205", "Designer graphique",
     ["119793"], [], "Packaging et signalétique.", True, True, True, None),
    ("Agathe Soulié", "agathe.soulie", "Lacapelle-Marival", [FIGEAC], "A1304", "Conseillère technique agricole",
     [], ["Irrigation", "Élevage ovin"], "Conseil technique aux éleveurs du Ségala.", True, True, False, None),
    ("Mathieu Carrié", "mathieu.carrie", "Calvinet", [CASSANIOUZE], "M1805", "Développeur web",
     ["113640"], ["WordPress"], "Sites vitrines et boutiques en ligne.", True, True, True, None),
    ("Lucie Trémoulet", "lucie.tremoulet", "Arpajon-sur-Cère", [AURILLAC], "M1607", "Secrétaire indépendante",
     ["102471", "102472"], [], "Secrétariat à distance pour les TPE.", True, True, True, None),
    ("Olivier Caumont", "olivier.caumont", "Figeac", [FIGEAC], "K1802", "Chargé de développement local",
     [], ["Montage de projets européens"], "Accompagnement des projets de territoire.", True, False, False, None),
    ("Sarah Ginestet", "sarah.ginestet", "Decazeville", [DECAZEVILLE], "M1402", "Consultante en organisation",
     [], ["Qualité"], "Organisation et qualité dans les PME.", True, True, True, None),
    ("Vincent Lavergne", "vincent.lavergne", "Jussac", [AURILLAC], "M1203", "Comptable",
     ["122048"], [], "Comptabilité des associations.", True, True, False, None),
    ("Elsa Bories", "elsa.bories", "Assier", [FIGEAC], "K2102", "Coordinatrice pédagogique",
     ["108383"], [], "Ingénierie de formation.", True, True, False, None),
    ("Nicolas Falip", "nicolas.falip", "Saint-Santin", [MONTMURAT, CASSANIOUZE], "H1206", "Ingénieur R&D",
     [], ["Électronique embarquée"], "Objets connectés pour l'agriculture.", True, True, True, None),
    ("Julie Bouldoires", "julie.bouldoires", "Montsalvy", [CASSANIOUZE], "E1103", "Chargée de relations presse",
     [], ["Relations presse"], "Relations presse pour la culture.", True, True, False, None),
    # Not listed: they never appear anywhere in the directory.
    ("Damien Roques", "damien.roques", "Figeac", [FIGEAC], "M1203", "Comptable", ["121739"], [],
     "Profil rempli mais non publié.", False, False, False, None),
    ("Chloé Miquel", "chloe.miquel", "Decazeville", [DECAZEVILLE], "M1805", "Développeuse", ["113317"], [],
     "Pas encore prête à apparaître.", False, False, False, 0),
    ("Yannick Laborie", "yannick.laborie", "Aurillac", [AURILLAC], "E1108", "Traducteur", [], ["Italien"],
     "", False, False, False, None),
    ("Aurélie Castan", "aurelie.castan", "Maurs", [MONTMURAT], "K2111", "Formatrice", ["490623"], [],
     "", False, False, False, None),
    ("Fabien Andrieu", "fabien.andrieu", "Viviez", [DECAZEVILLE], "E1205", "Graphiste", ["119793"], [],
     "", False, False, False, 1),
]


def _organisations(sites) -> list[Organisation]:
    out = []
    for spec in ORGANISATIONS:
        found = db.session.scalar(select(Organisation).where(Organisation.name == spec["name"]))
        if found is None:
            found = profiles.save_organisation(None, site_id=sites[DECAZEVILLE].id if DECAZEVILLE in sites else None,
                                               **spec)
        out.append(found)
    return out


def seeded(sites, users) -> list[str]:
    organisations = _organisations(sites)
    listed = 0
    for (name, local, commune, slugs, job, title, codes, free, bio, is_listed, contactable, available,
         org) in PEOPLE:
        email = f"{local}@demo.tierslieux.fr"
        user = User.by_email(email)
        if user is None:
            user = create_user(email, PASSWORD, name, role=roles.MEMBER, confirmed=True, locale="fr")
            home = geo.resolve(commune, ("12", "46", "15"))[0]
            user.home_commune, user.home_commune_code = home.name, home.code
            user.home_latitude, user.home_longitude = home.latitude, home.longitude
            db.session.flush()
        if profiles.profile_of(user) is None:
            profiles.set_consents(user, listed=is_listed, contactable=contactable, show_presence=is_listed)
            profiles.save(user, shown=[f for f in FIELDS if f != "commune" or is_listed], job_code=job,
                          job_title=title, bio=bio, available=available,
                          organisation_id=organisations[org].id if org is not None else None,
                          site_ids=[sites[s].id for s in slugs if s in sites])
            for code in codes:
                profiles.add_skill(user, code=code)
            for label in free:
                profiles.add_skill(user, label=label)
        listed += is_listed
    db.session.flush()
    return ["", f"Directory: {len(PEOPLE)} members ({listed} listed), {len(organisations)} organisations at "
                "Decazeville's incubator;", "  accountant at Figeac: claire.vidal@demo.tierslieux.fr"]
