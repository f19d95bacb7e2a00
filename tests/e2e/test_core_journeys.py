"""The core's journeys in a real browser: signing in, switching a module off and on, accessibility."""
from __future__ import annotations

import pytest
from pagecheck import axe_violations

pytestmark = pytest.mark.browser

ADMIN = "admin@demo.tierslieux.fr"


def _menu_links(page) -> dict[str, str]:
    menu = page.get_by_role("navigation", name="Menu principal")
    return {link.inner_text().strip(): link.get_attribute("href") for link in menu.get_by_role("link").all()}


def _toggle_territory(page, label: str, action: str):
    page.goto("/admin/modules")
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=label))
    if action == "Désactiver":  # switching off asks first, on a page of its own
        row.get_by_role("link", name=f"{action} {label}", exact=True).click()
        page.wait_for_url("**/off")
        assert page.get_by_role("heading", level=1).inner_text() == f"Désactiver {label} pour tout le territoire ?"
        page.get_by_role("button", name=f"{action} {label} — tout le territoire", exact=True).click()
    else:
        row.get_by_role("button", name=f"{action} {label}", exact=True).click()
    page.wait_for_url("**/admin/modules")


def test_admin_switches_a_module_off_and_its_menu_entry_and_pages_go(page, login, live_app):
    modules = live_app.extensions["tierslieux"].modules
    if not modules:
        pytest.skip("the demo territory offers no optional module yet")
    name = "booking" if "booking" in modules else sorted(modules)[0]
    with live_app.test_request_context(headers={"Accept-Language": "fr"}):
        from flask_babel import force_locale

        with force_locale("fr"):
            label = str(modules[name].label)

    login(ADMIN)
    before = _menu_links(page)
    _toggle_territory(page, label, "Désactiver")
    assert page.get_by_role("status").first.inner_text().startswith("Enregistré")
    after = _menu_links(page)
    gone = {text: href for text, href in before.items() if text not in after}
    assert gone, f"switching {name} off removed no menu entry: {before} -> {after}"
    for href in gone.values():
        # Legal documents (a member's invoices) stay readable while their module is off.
        endpoint = live_app.url_map.bind("127.0.0.1").match(href.split("?")[0])[0]
        kept = getattr(live_app.view_functions[endpoint], "reachable_when_off", False)
        assert page.goto(href).status == (200 if kept else 404)

    _toggle_territory(page, label, "Activer")  # and the modules it took along come back with it
    assert _menu_links(page) == before
    for href in gone.values():
        assert page.goto(href).status == 200


def test_wrong_password_is_refused_in_french(page):
    page.goto("/login")
    page.get_by_label("Adresse e-mail").fill(ADMIN)
    page.get_by_label("Mot de passe").fill("not the password at all")
    page.get_by_role("button", name="Se connecter").click()
    assert "Adresse e-mail ou mot de passe incorrect." in page.get_by_role("alert").first.inner_text()


def test_keyboard_user_can_skip_to_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Aller au contenu")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"


def test_a_form_sent_back_with_errors_puts_the_focus_on_its_error_summary(page):
    page.goto("/signup")
    page.get_by_role("button", name="Créer mon compte").click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    assert summary.get_attribute("tabindex") == "-1"
    assert summary.evaluate("el => el === document.activeElement")


def test_on_a_phone_tables_reflow_with_their_caption_and_column_names_and_the_week_grid_scrolls(page, login):
    login(ADMIN)
    page.set_viewport_size({"width": 320, "height": 740})
    page.goto("/booking/manage/figeac-maison-emploi/resources")
    table = page.locator("main table").first
    assert table.evaluate("el => getComputedStyle(el).display") == "block"  # reflowed
    # The caption spans the table (it shrank to its narrowest word, one letter a line).
    assert table.locator("caption").evaluate("el => el.getBoundingClientRect().width") > 250
    cell = table.locator("tbody td").first
    assert cell.evaluate("el => getComputedStyle(el, '::before').content").startswith('"Nom')
    page.goto("/booking/manage/figeac-maison-emploi/week")
    grid = page.locator("table.week")
    assert grid.evaluate("el => getComputedStyle(el).display") == "table"  # days stay columns
    assert grid.locator("thead").is_visible()
    region = page.get_by_role("region", name=grid.locator("caption").inner_text())
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")  # scrolls in its region, not the page
    region.focus()
    assert region.evaluate("el => el === document.activeElement")


@pytest.mark.parametrize("path, who", [
    ("/", None), ("/login", None), ("/signup", None), ("/sites", None),
    ("/sites/figeac-maison-emploi", None), ("/account", "member"), ("/admin/modules", "admin"),
    ("/sites/figeac-maison-emploi/edit", "admin"),
])
def test_pages_have_no_serious_accessibility_violations(page, login, path, who):
    if who == "admin":
        login(ADMIN)
    elif who == "member":
        login("camille.martin@demo.tierslieux.fr")
    response = page.goto(path)
    assert response.status == 200
    assert not axe_violations(page)


def test_newcomer_signs_up_confirms_by_e_mail_and_signs_in(page, mailbox, live_server):
    import re

    page.goto("/")
    page.get_by_role("link", name="Créer un compte").first.click()
    page.get_by_label("Nom").fill("Léa Dupont")
    page.get_by_label("Adresse e-mail").fill("lea.dupont@example.org")
    page.get_by_label("Mot de passe (12 caractères au moins)").fill("un mot de passe solide")
    page.get_by_label("Mot de passe (confirmation)").fill("un mot de passe solide")
    page.get_by_label("J’ai lu et j’accepte les conditions générales de vente", exact=False).check()
    page.get_by_label("J’ai lu la politique de confidentialité", exact=False).check()
    page.get_by_role("button", name="Créer mon compte").click()
    assert "lea.dupont@example.org" in page.get_by_role("status").inner_text()

    [message] = mailbox.wait_for(1)
    body = message.get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"https?://\S+/confirm/\S+", body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirmer mon adresse").click()
    assert "Votre adresse e-mail est confirmée" in page.get_by_role("status").first.inner_text()
    page.get_by_label("Adresse e-mail").fill("lea.dupont@example.org")
    page.get_by_label("Mot de passe").fill("un mot de passe solide")
    page.get_by_role("button", name="Se connecter").click()
    assert page.get_by_role("heading", level=1).inner_text() == live_server.app.config["TERRITORY"].territory.name
    assert "Bienvenue, Léa Dupont." in page.content()


def test_a_visitor_switches_the_language_from_the_footer_and_back(page):
    # The visitor's form carries no CSRF token (the page is the same for everyone): the browser's
    # own Origin and Sec-Fetch-Site say it comes from this site, and the switch is accepted.
    page.goto("/sites")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("contentinfo").get_by_role("button", name="English").click()
    page.wait_for_function("document.documentElement.lang === 'en'")
    assert page.url.endswith("/sites")
    page.get_by_role("contentinfo").get_by_role("button", name="Français").click()
    page.wait_for_function("document.documentElement.lang === 'fr'")
