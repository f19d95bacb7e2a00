"""The boards in a real browser, in the demo: an employer posts a skill wanted; the territory
admin approves it; it appears on the public "Compétences recherchées" page; an approved recruiter
sees the matching spouse profile and writes to her through the directory's relay, her address
never shown. axe finds nothing serious on the boards' pages."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

pytestmark = pytest.mark.browser

EMPLOYER = RECRUITER = "recrutement.cele@demo.tierslieux.fr"  # an employer the territory approved
ADMIN = "admin@demo.tierslieux.fr"
SPOUSE = "elodie.marchal@demo.tierslieux.fr"
TITLE = "Kinésithérapeute pour le club de rugby"


def test_a_skill_wanted_is_approved_shown_and_a_recruiter_writes_to_the_matching_spouse(
        page, live_app, smtp_server, login, check_pages_as, sign_out):
    from devtools.pytest_plugin import Mailbox

    box = Mailbox(smtp_server)
    login(EMPLOYER)
    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Emploi et compétences").click()
    page.get_by_role("main").get_by_role("link", name="Compétence recherchée", exact=True).click()
    page.get_by_label("Titre").fill(TITLE)
    page.get_by_label("Employeur ou organisme qui la recherche").fill("Ateliers mécaniques du Célé")
    page.get_by_label("Métiers ou compétences (ROME)").fill("kinésithérapeute")
    page.get_by_label("Communes", exact=True).fill("Figeac")
    page.get_by_label("Affichée jusqu'au").fill((date.today() + timedelta(days=60)).isoformat())
    page.get_by_label("Pourquoi elle est introuvable ici").fill("Aucun kiné du sport à moins de 80 km.")
    page.get_by_label("Type de contrat").select_option(label="Temps partiel")  # none chosen beforehand
    page.get_by_label("Description").fill("Club de rugby de Figeac.\nDeux séances par semaine.")
    page.get_by_role("button", name="Envoyer pour vérification").click()
    assert "elle s'affichera une fois vérifiée" in page.get_by_role("status").first.inner_text()

    sign_out()
    page.goto("/boards/skills-wanted")
    assert TITLE not in page.locator("main").inner_text()  # not checked yet

    login(ADMIN)
    page.goto("/boards/admin")
    section = page.locator("section").filter(has=page.get_by_role("heading", name=TITLE))
    section.get_by_role("button", name="Publier").click()
    assert f"Publiée : {TITLE}" in page.get_by_role("status").first.inner_text()

    sign_out()
    page.goto("/boards")
    page.get_by_role("navigation", name="Emploi et compétences").get_by_role("link", name="Compétences recherchées").click()
    assert page.get_by_role("heading", name="Compétences recherchées", level=1).is_visible()
    page.get_by_role("link", name=TITLE).click()
    assert "Élodie Marchal" not in page.content()  # spouse profiles are not for visitors
    # The description keeps its lines (its class had no rule: they ran into one). Read once the
    # style sheet has loaded: innerText follows the CSS applied so far.
    page.wait_for_load_state("load")
    description = page.locator(".prewrap").first
    assert description.evaluate("e => getComputedStyle(e).whiteSpace") in ("pre-line", "pre-wrap")
    assert "Figeac.\nDeux séances" in description.inner_text()

    login(RECRUITER)
    page.goto("/boards/skills-wanted")
    page.get_by_role("link", name=TITLE).click()
    matches = page.get_by_role("region", name="Profils conjoints correspondants")
    matches.get_by_role("link", name="Élodie Marchal").click()
    assert SPOUSE not in page.content()
    before = len(box.messages)
    page.get_by_label("Votre message").fill("Bonjour, notre club cherche une kinésithérapeute à Figeac.")
    page.get_by_role("button", name="Envoyer").click()
    assert "Votre message est envoyé" in page.get_by_role("status").first.inner_text()
    assert SPOUSE not in page.content()
    arrived = [m for m in box.wait_for(before + 1, timeout=10) if m["To"] == SPOUSE]
    assert arrived and arrived[-1]["Reply-To"] == RECRUITER
    assert "notre club cherche" in arrived[-1].get_content()

    check_pages_as({None: ["/boards", "/boards/skills-wanted"],
                    RECRUITER: ["/boards/spouses", "/boards/new/spouse_profile", "/boards/mine", "/boards/alerts"],
                    ADMIN: ["/boards/admin", "/boards/admin/grants", "/boards/admin/archive", "/boards/welcome"]})
