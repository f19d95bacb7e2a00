"""Search: free text (full-text, accents ignored), skill and job with their broader groups,
commune and distance, site, availability. Every test runs on SQLite (FTS5) and, with
TEST_DATABASE_URL, on PostgreSQL (unaccent): the same queries must give the same members."""
from __future__ import annotations

import pytest

from core.accounts.models import User
from core.extensions import db

QUERIES = {
    "comptab": {"Claire Vidal", "Émilie Rouquette"},
    "COMPTABLE": {"Claire Vidal", "Émilie Rouquette"},
    "developpeur": {"Julien Bouscary"},
    "Développeur web": {"Julien Bouscary"},
    "coeur": {"Sophie Lacombe"},
    "cœur": {"Sophie Lacombe"},
    "saint-santin": {"Nicolas Falip"},
    "santin saint": {"Nicolas Falip"},
    "tradu anglais": {"Sophie Lacombe"},
    "bilan": {"Claire Vidal"},
    "l'agriculture": {"Pierre Bessières"},
    "bessieres": {"Pierre Bessières"},
    "zzz": set(),
    "'\" OR 1=1 -- *": set(),
    "NEAR(a b)": set(),
}


@pytest.fixture
def people(make_site, make_profile):
    make_site("figeac", commune="Figeac")
    make_site("aurillac", commune="Aurillac", departement="15", latitude=44.93, longitude=2.44)
    make_profile("Claire Vidal", job="M1203", title="Comptable indépendante", skills=["121739"],
                 commune="Figeac", sites=["figeac"], available=True)
    make_profile("Émilie Rouquette", job="M1203", title="Comptable", commune="Decazeville", skills=["511114"])
    make_profile("Julien Bouscary", job="M1805", title="Développeur web", commune="Decazeville", available=True,
                 skills=["113317"])
    make_profile("Sophie Lacombe", job="E1108", title="Traductrice anglais-espagnol", bio="Le cœur du métier",
                 commune="Aurillac", sites=["aurillac"], free=["Traduction technique"])
    make_profile("Nicolas Falip", title="Ingénieur", bio="Installé à Saint-Santin", commune="Saint-Santin (12)")
    make_profile("Pierre Bessières", job="A1304", bio="Conseil pour l'agriculture biologique", commune="Maurs")
    make_profile("Damien Roques", listed=False, job="M1203", title="Comptable", commune="Figeac",
                 skills=["121739"], sites=["figeac"])


def _names(app, viewer_id, **query):
    from plugins.directory.search import Query, search

    with app.test_request_context():
        viewer = db.session.get(User, viewer_id)
        results = search(Query(**query), viewer)
        return {p.user.display_name for p in results.profiles}, results


@pytest.mark.parametrize("text", list(QUERIES))
def test_free_text_gives_the_same_members_on_both_databases(app, make_user, people, text):
    viewer = make_user(name="Viewer")
    assert _names(app, viewer.id, q=text)[0] == QUERIES[text]


def test_a_macro_skill_finds_the_skills_under_it_and_a_domain_its_jobs(app, make_user, people):
    viewer = make_user(name="Viewer")
    assert _names(app, viewer.id, skill="121739")[0] == {"Claire Vidal"}
    assert _names(app, viewer.id, skill="300319")[0] == {"Claire Vidal"}  # its macro-skill
    assert _names(app, viewer.id, job="M1203")[0] == {"Claire Vidal", "Émilie Rouquette"}
    assert _names(app, viewer.id, job="M12")[0] == {"Claire Vidal", "Émilie Rouquette"}
    assert _names(app, viewer.id, job="M")[0] == {"Claire Vidal", "Émilie Rouquette", "Julien Bouscary"}


def test_commune_and_distance_site_and_availability(app, make_user, people):
    viewer = make_user(name="Viewer")
    near, results = _names(app, viewer.id, commune="46102", radius_km=25)  # Figeac
    assert near == {"Claire Vidal", "Émilie Rouquette", "Julien Bouscary", "Nicolas Falip", "Pierre Bessières"}
    first = results.profiles[0]
    assert first.user.display_name == "Claire Vidal" and results.distances[first.id] < 1
    assert _names(app, viewer.id, commune="46102", radius_km=5)[0] == {"Claire Vidal"}
    assert _names(app, viewer.id, site="figeac")[0] == {"Claire Vidal"}
    assert _names(app, viewer.id, available=True)[0] == {"Claire Vidal", "Julien Bouscary"}
    assert _names(app, viewer.id, q="comptab", available=True, site="figeac")[0] == {"Claire Vidal"}
    assert _names(app, viewer.id, commune="nowhere")[0] == set()


def test_the_search_page_suggests_jobs_and_skills_for_the_words_typed(client, auth, make_user, people):
    auth.login(make_user(name="Viewer"))
    page = client.get("/directory?q=compta", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Claire Vidal" in page and "Damien Roques" not in page
    assert "/directory?job=M1203" in page  # "Comptable" offered as a job to search by
    page = client.get("/directory?commune=Figeac&radius=10", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Claire Vidal" in page and "Sophie Lacombe" not in page


def test_results_are_paged(app, make_user, make_profile):
    for index in range(23):
        make_profile(f"Membre {index:02d}", title="Comptable")
    viewer = make_user(name="Viewer")
    first = _names(app, viewer.id, q="comptable")[1]
    second = _names(app, viewer.id, q="comptable", page=2)[1]
    assert first.total == 23 and len(first.profiles) == 20 and len(second.profiles) == 3
    assert not {p.id for p in first.profiles} & {p.id for p in second.profiles}


def test_a_member_renamed_on_their_account_is_found_by_the_new_name_at_once(app, client, auth, make_user,
                                                                              make_profile):
    person = make_profile("Claire Vidal", title="Comptable", commune="Figeac", shown=["job", "commune"])
    viewer = make_user(name="Viewer")
    auth.login(person)
    response = client.post("/account", data={"display_name": "Claire Marty", "locale": "fr",
                                              "home_commune": "Aurillac (15)"})
    assert response.status_code == 303
    assert _names(app, viewer.id, q="marty")[0] == {"Claire Marty"}
    assert _names(app, viewer.id, q="vidal")[0] == set()
    assert _names(app, viewer.id, q="aurillac")[0] == {"Claire Marty"}  # the shown home commune, too
    assert _names(app, viewer.id, q="figeac")[0] == set()


@pytest.mark.parametrize("word", ["⑴", "ʼ", "ː", "compta⑴"])
def test_a_letter_unaccent_turns_into_query_syntax_is_no_500(app, client, auth, make_user, people, word):
    """On PostgreSQL the query was unaccented whole inside to_tsquery(), and unaccent turns some
    letters into its syntax ("⑴" into "(1)", "ʼ" into a quote, "ː" into a colon): a 500."""
    auth.login(make_user(name="Lecteur"))
    assert client.get(f"/directory?q={word}", headers={"Accept-Language": "en"}).status_code == 200
    assert client.get(f"/directory?q=Comptabilit{word}").status_code == 200
