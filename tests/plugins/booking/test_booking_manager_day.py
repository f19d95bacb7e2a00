"""A site manager's day as they live it, found by a usability walk-through: the menu reaches the
opening hours and the closures, the summary says only what there is, a request says what it
waits for, and the rules page shows and edits what is stored in the manager's words."""
from __future__ import annotations

import lxml.html

from booking_dates import next_weekday
from core.accounts.models import User
from core.extensions import db
from core.sites.service import site_by_slug
from plugins.booking import service
from plugins.booking.rules import save_rules
from plugins.booking.slots import range_for


def _page(client, url):
    answer = client.get(url)
    assert answer.status_code == 200, url
    return lxml.html.fromstring(answer.get_data(as_text=True))


def test_the_management_menu_reaches_the_opening_hours_and_the_closures(client, auth, site_with_desk, make_user):
    """Closing the site for a day or changing its hours was reached only through "Administration"
    or "Lieux", then "Modifier ce lieu", at the bottom of a long form: nothing on the manager's pages
    led there."""
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    for url in ("/booking/manage/figeac", "/booking/manage/figeac/rules", "/booking/manage/figeac/resources"):
        menu = _page(client, url).xpath("//nav[@aria-label='Gestion du lieu']//a")
        links = {a.text_content().strip(): a.get("href") for a in menu}
        assert links["Horaires d'ouverture"] == "/sites/figeac/edit#hours", url
        assert links["Fermetures"] == "/sites/figeac/edit#closures", url
    edit = _page(client, "/sites/figeac/edit")
    assert edit.xpath("//*[@id='hours']") and edit.xpath("//*[@id='closures']")


def test_a_request_says_what_it_waits_for_and_the_summary_only_what_there_is(app, client, auth, make_site,
                                                                            make_resource, make_user):
    """The summary read "1 1 demande à valider, 0 paiement à encaisser sur place ce jour." and a
    request's status "En attente (de paiement ou de validation)", for the manager and the member."""
    make_site("figeac")
    office = make_resource("figeac", "office", "Bureau", approval_required=True)
    manager = make_user(role="site-manager", sites=["figeac"])
    member = make_user(name="Camille Martin")
    day = next_weekday()
    with app.app_context():
        resource = service.get_resource(office)
        booking = service.book(resource, db.session.get(User, member.id), *range_for(resource.site, day, "morning"))
        db.session.commit()
        booking_id = booking.id
        assert (booking.status, booking.hold_reason) == ("held", "approval")
    auth.login(manager)
    page = _page(client, f"/booking/manage/figeac?day={day}")
    summary = " ".join(page.get_element_by_id("to-handle").text_content().split())
    assert summary == "1 1 demande à valider."
    [row] = page.xpath("//section[@aria-labelledby='requests-title']//tbody/tr")
    assert "En attente de votre validation" in row.text_content()
    assert "paiement ou de validation" not in row.text_content()
    auth.logout()
    auth.login(member)
    shown = " ".join(_page(client, f"/booking/{booking_id}").text_content().split())
    assert "En attente de l’accord du gestionnaire" in shown and "paiement ou de validation" not in shown


def test_the_rules_page_says_yes_or_no_and_edits_a_stored_row_with_its_values(app, client, auth, site_with_desk,
                                                                              make_user):
    """The stored rules showed "True" (English, Python's word) for "Validation requise", and the
    form was always blank: saving a change for meeting rooms cleared their values not typed again
    (a blank field is saved as "the default"), with no word saying so."""
    with app.app_context():
        save_rules(site_by_slug("figeac").id, "room", approval_required=True, max_per_week=3)
        db.session.commit()
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    page = _page(client, "/booking/manage/figeac/rules")
    [row] = page.xpath("//table[contains(@class, 'rules-table')]/tbody/tr")
    cells = [td.text_content().strip() for td in row.xpath("td")]
    assert "Oui" in cells and "True" not in cells and "3" in cells
    assert "un champ laissé vide prend la valeur par défaut du lieu" in page.get_element_by_id("rules-help").text_content()
    [edit] = row.xpath(".//a")
    assert edit.get("href") == "/booking/manage/figeac/rules?kind=room#kind"
    form = _page(client, "/booking/manage/figeac/rules?kind=room")
    assert form.xpath("//select[@id='kind']/option[@selected]/@value") == ["room"]
    assert form.xpath("//select[@id='approval_required']/option[@selected]/@value") == ["1"]
    assert form.xpath("//input[@id='max_per_week']/@value") == ["3"]
    assert form.xpath("//select[@id='approval_required']/option[@value='']/text()") == ["Par défaut"]


def _menu(client, url) -> dict:
    """The site's management menu on a page: {label: (href, aria-current)}."""
    return {a.text_content().strip(): (a.get("href"), a.get("aria-current"))
            for a in _page(client, url).xpath("//nav[@aria-label='Gestion du lieu']//a")}


def test_the_management_menu_leads_to_the_sites_payments_and_events_and_back(client, auth, runner, site_with_desk,
                                                                             make_user):
    """The site's events were in no management menu, and its payments page had no menu back to
    the day: each page of the menu shows it, its own entry marked current; an entry goes with its
    module switched off."""
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    pages = {"Jour": "/booking/manage/figeac", "Semaine": "/booking/manage/figeac/week",
             "Paiements": "/billing/sites/figeac/manage", "Événements": "/events/sites/figeac"}
    for label, url in pages.items():
        menu = _menu(client, url)
        assert {name: menu[name][0] for name in pages} == pages, url
        assert [name for name, (_href, current) in menu.items() if current] == [label], url
        assert menu[label][1] == "page"

    assert runner.invoke(args=["modules", "disable", "events", "--site", "figeac"]).exit_code == 0
    assert "Événements" not in _menu(client, "/booking/manage/figeac")
    assert "Paiements" in _menu(client, "/billing/sites/figeac/manage")
    assert runner.invoke(args=["modules", "disable", "billing"]).exit_code == 0
    menu = _menu(client, "/booking/manage/figeac")
    assert "Paiements" not in menu and "Événements" not in menu and menu["Jour"][1] == "page"


def test_the_sites_events_page_shows_the_menu_to_its_managers_only(client, auth, make_site, site_with_desk,
                                                                   make_user):
    make_site("aurillac")
    auth.login(make_user(role="site-manager", sites=["aurillac"]))
    assert _menu(client, "/events/sites/figeac") == {}  # not their site
    assert _menu(client, "/events/sites/aurillac")["Événements"] == ("/events/sites/aurillac", "page")
    auth.logout()
    auth.login(make_user())
    assert _menu(client, "/events/sites/figeac") == {}
    auth.logout()
    assert _menu(client, "/events/sites/figeac") == {}
