"""The directory in a real browser, in the demo: a member searches "comptab", finds the listed
accountant at Figeac, writes to her; the message arrives in the local SMTP server from the
platform, her address never shown to the writer; after the configured number of messages the
writer is throttled. axe finds nothing serious on the directory's pages."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WRITER = "lucas.bernard@demo.tierslieux.fr"
ACCOUNTANT = "claire.vidal@demo.tierslieux.fr"
AXE_TAGS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _axe(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_TAGS)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, [(v["id"], [n["target"] for n in v["nodes"]]) for v in serious]


def test_a_member_finds_the_accountant_at_figeac_writes_and_is_throttled(page, live_app, smtp_server, login):
    from devtools.pytest_plugin import Mailbox

    with live_app.app_context():
        from core.plugins import plugin_config

        limit = plugin_config("directory").contact_limit
    box = Mailbox(smtp_server)
    login(WRITER)
    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Annuaire").click()
    page.get_by_label("Compétence, métier, nom ou mot-clé").fill("comptab")
    page.get_by_role("button", name="Rechercher").click()
    card = page.locator("li.card").filter(has=page.get_by_role("link", name="Claire Vidal"))
    assert "Figeac" in card.inner_text()
    assert "Damien Roques" not in page.locator("main").inner_text()  # an accountant who is not listed
    _axe(page)
    card.get_by_role("link", name="Claire Vidal").click()
    assert ACCOUNTANT not in page.content()
    _axe(page)

    before = len(box.messages)
    page.get_by_label("Votre message").fill("Bonjour, pourriez-vous reprendre la comptabilité de mon entreprise ?")
    page.get_by_role("button", name="Envoyer").click()
    assert "Votre message est envoyé à Claire Vidal" in page.get_by_role("status").first.inner_text()
    assert ACCOUNTANT not in page.content()
    arrived = [m for m in box.wait_for(before + 1, timeout=10) if m["To"] == ACCOUNTANT]
    assert arrived and arrived[-1]["Reply-To"] == WRITER
    assert "Lucas Bernard" in arrived[-1]["Subject"]
    assert "reprendre la comptabilité" in arrived[-1].get_content()

    for index in range(1, limit):
        page.get_by_label("Votre message").fill(f"Relance {index}")
        page.get_by_role("button", name="Envoyer").click()
        assert "Votre message est envoyé" in page.get_by_role("status").first.inner_text()
    page.get_by_label("Votre message").fill("Un message de trop")
    page.get_by_role("button", name="Envoyer").click()
    assert "le maximum autorisé" in page.locator("main").inner_text()
    assert ACCOUNTANT not in page.content()
    box.wait_for(before + limit + 1, timeout=2)
    assert len([m for m in box.messages[before:] if m["To"] == ACCOUNTANT]) == limit


def test_typing_a_job_or_skill_suggests_entries_as_an_accessible_combobox(page, live_server, login):
    """suggest.js on the profile page: "developpeur" lists jobs as one types (ARIA 1.2 combobox,
    a live count), the arrows and Enter choose one, which the form then adds; Escape closes."""
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda message: problems.append(message.text) if "Content Security Policy" in message.text
            else None)
    login(WRITER)
    page.goto("/directory/me")
    job = page.get_by_role("region", name="Mon métier (référentiel ROME)")
    box = job.get_by_role("combobox", name="Chercher dans le référentiel ROME")
    # On a slow machine a keystroke can come after the pause that sends a query: wait for the
    # answer to the whole word, not to a part of it.
    with page.expect_response(lambda response: "q=developpeur" in response.url) as answer:
        box.press_sequentially("developpeur", delay=30)
    answer.value.finished()
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    listbox.get_by_role("option").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    options = listbox.get_by_role("option").all_inner_texts()
    assert any(text.startswith("Développeur / Développeuse web") for text in options), options
    count = job.get_by_role("status").inner_text()
    assert count.startswith(f"{len(options)} suggestions"), count

    wanted = next(i for i, text in enumerate(options) if text.startswith("Développeur / Développeuse web"))
    for _ in range(wanted + 1):
        box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert listbox.locator(f"#{active}").get_attribute("aria-selected") == "true"
    box.press("Enter")  # chooses; the form is not sent yet
    assert box.get_attribute("aria-expanded") == "false" and page.url.endswith("/directory/me")
    assert box.input_value() == "Développeur / Développeuse web"
    job.get_by_role("button", name="Chercher").click()
    assert "Votre profil est mis à jour." in page.get_by_role("status").first.inner_text()
    assert "Développeur / Développeuse web" in page.get_by_role("region", name="Mon métier (référentiel ROME)").inner_text()

    skills = page.get_by_role("region", name="Mes compétences")
    skill_box = skills.get_by_role("combobox", name="Chercher dans le référentiel ROME")
    skill_box.press_sequentially("compta", delay=30)
    page.locator(f"#{skill_box.get_attribute('aria-controls')}").get_by_role("option").first.wait_for()
    skill_box.press("Tab")  # the focus leaves the combobox: the open list (a scroller) is no Tab stop
    assert page.evaluate("!document.activeElement.closest('[role=listbox]')")
    skill_box.focus()
    skill_box.press("Escape")
    assert skill_box.get_attribute("aria-expanded") == "false"
    _axe(page)
    assert not problems, problems  # no script error, no CSP refusal
