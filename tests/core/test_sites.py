"""Sites: opening hours, closures and holidays, editing by the right people, public pages."""
from __future__ import annotations

from datetime import date, time

import pytest

from core.extensions import db
from core.sites import service
from core.sites.service import SiteError


def test_hours_are_parsed_from_what_a_manager_types():
    assert service.parse_hours("8h30-12h30, 13:30-18:00") == [(time(8, 30), time(12, 30)),
                                                             (time(13, 30), time(18, 0))]
    assert service.parse_hours("  ") == []


@pytest.mark.parametrize("text", ["9-12", "12:00-09:00", "08:00-12:00, 11:00-14:00", "25:00-26:00",
                                  "08:00-12:00;13:00-17:00"])
def test_impossible_hours_are_refused(text):
    with pytest.raises(SiteError):
        service.parse_hours(text)


def test_a_site_is_closed_on_public_holidays_and_its_closures(app, make_site):
    make_site("figeac")
    with app.app_context():
        site = service.site_by_slug("figeac")
        service.add_closure(site, date(2027, 8, 9), date(2027, 8, 13), "congés", None)
        db.session.commit()
        assert service.opening_intervals(site, date(2027, 7, 13)) == [(time(8, 30), time(12, 30)),
                                                                     (time(13, 30), time(18, 0))]
        assert service.opening_intervals(site, date(2027, 7, 14)) == []  # fête nationale
        assert service.opening_intervals(site, date(2027, 8, 11)) == []
        assert service.opening_intervals(site, date(2027, 8, 16)) != []
        assert service.opening_intervals(site, date(2027, 7, 17)) == []  # a Saturday
        site.closed_on_public_holidays = False
        assert service.opening_intervals(site, date(2027, 7, 14)) != []


def test_manager_edits_their_site_hours(app, client, auth, make_user, make_site):
    make_site("figeac")
    auth.login(make_user("site-manager", sites=["figeac"]))
    form = {"name": "Télécentre de Figeac", "kind": "telecentre", "address": "Place Vival", "postcode": "46100",
            "commune": "Figeac", "departement": "46", "latitude": "44.6", "longitude": "2.03",
            "timezone": "Europe/Paris", "is_published": "y", "closed_on_public_holidays": "y",
            "hours_0": "09:00-12:00", "hours_5": "9h-12h"}
    refused = client.post("/sites/figeac/edit", data=form)
    assert refused.status_code == 400
    assert "Écrivez les horaires sous la forme 08:30-12:30" in refused.get_data(as_text=True)
    form["hours_5"] = "09:00-12:00"
    assert client.post("/sites/figeac/edit", data=form).status_code == 303
    page = client.get("/sites/figeac").get_data(as_text=True)
    assert "Télécentre de Figeac" in page and "09:00-12:00" in page
    with app.app_context():
        site = service.site_by_slug("figeac")
        assert [(h.weekday, h.opens) for h in site.opening_hours] == [(0, time(9)), (5, time(9))]


def test_admin_creates_a_site_and_slugs_stay_unique(client, auth, make_user, make_site):
    make_site("figeac")
    auth.login(make_user("territory-admin"))
    form = {"name": "Tiers-lieu de Rodez", "slug": "rodez", "kind": "coworking", "address": "1 rue",
            "postcode": "12000", "commune": "Rodez", "departement": "12", "latitude": "44.35",
            "longitude": "2.57", "timezone": "Europe/Paris", "amenities": ["wifi", "coffee"],
            "is_published": "y"}
    assert client.post("/sites/new", data=form).status_code == 303
    assert "Tiers-lieu de Rodez" in client.get("/sites").get_data(as_text=True)
    duplicate = client.post("/sites/new", data=dict(form, slug="figeac"))
    assert duplicate.status_code == 400
    assert "Un autre lieu utilise déjà" in duplicate.get_data(as_text=True)
    bad = client.post("/sites/new", data=dict(form, slug="Rodez Centre", timezone="Mars/Olympus"))
    assert bad.status_code == 400


def test_a_site_commune_is_checked_and_gives_the_coordinates_left_blank(app, client, auth, make_user, make_site):
    make_site("figeac")
    auth.login(make_user("territory-admin"))
    form = {"name": "Tiers-lieu de Saint-Cirq", "slug": "saint-cirq", "kind": "coworking", "address": "Le bourg",
            "postcode": "46330", "commune": "Saint-Cirq-Lapopy", "departement": "46", "latitude": "",
            "longitude": "", "timezone": "Europe/Paris", "is_published": "y"}
    typo = client.post("/sites/new", data=form)
    assert typo.status_code == 400
    assert "Aucune commune de ce nom dans le département 46" in typo.get_data(as_text=True)
    in_another = client.post("/sites/new", data=dict(form, commune="Rodez"))  # a commune, but of the 12
    assert in_another.status_code == 400
    # Written loosely (no hyphens, "St"), and no coordinates: the commune's centre is taken.
    assert client.post("/sites/new", data=dict(form, commune="St Cirq Lapopie")).status_code == 303
    with app.app_context():
        site = service.site_by_slug("saint-cirq")
        assert (round(site.latitude, 1), round(site.longitude, 1)) == (44.5, 1.7)
    # Coordinates typed are kept as typed (a site is rarely at its commune's centre).
    form.update(slug="saint-cirq-2", commune="Saint-Cirq-Lapopie", latitude="44.4651", longitude="1.6717")
    assert client.post("/sites/new", data=form).status_code == 303
    with app.app_context():
        assert service.site_by_slug("saint-cirq-2").latitude == 44.4651
    # Overseas communes are in the reference data too.
    overseas = dict(form, slug="reunion", commune="Saint-Denis", departement="974", postcode="97400", latitude="",
                    longitude="", timezone="Indian/Reunion")
    assert client.post("/sites/new", data=overseas).status_code == 303
    with app.app_context():
        assert round(service.site_by_slug("reunion").latitude) == -21
    # A département the data does not list (975: no communes in it) is taken as typed, so its
    # coordinates are needed.
    unlisted = client.post("/sites/new", data=dict(overseas, slug="miquelon", departement="975"))
    assert unlisted.status_code == 400
    assert "Indiquez la latitude et la longitude" in unlisted.get_data(as_text=True)


def test_unpublished_site_is_hidden_from_the_public_not_from_its_manager(client, auth, make_user, make_site):
    make_site("secret", is_published=False)
    assert client.get("/sites/secret").status_code == 404
    assert "Secret" not in client.get("/sites").get_data(as_text=True)
    auth.login(make_user("site-manager", sites=["secret"]))
    assert client.get("/sites/secret").status_code == 200


def test_closures_are_added_and_removed_by_the_manager(app, client, auth, make_user, make_site):
    make_site("figeac")
    auth.login(make_user("site-manager", sites=["figeac"]))
    reversed_dates = client.post("/sites/figeac/closures", data={"starts_on": "2030-01-05",
                                                                 "ends_on": "2030-01-01"})
    assert reversed_dates.status_code == 400
    with app.app_context():
        assert service.site_by_slug("figeac").closures == []
    client.post("/sites/figeac/closures", data={"starts_on": "2030-01-01", "ends_on": "2030-01-05",
                                                "reason": "travaux"})
    with app.app_context():
        [closure] = service.site_by_slug("figeac").closures
        closure_id = closure.id
    assert client.post(f"/sites/figeac/closures/{closure_id}/delete").status_code == 303
    assert client.post(f"/sites/figeac/closures/{closure_id}/delete").status_code == 404


def test_a_refused_closure_keeps_what_was_typed_and_says_why_beside_the_field(app, client, auth, make_user,
                                                                             make_site):
    make_site("figeac")
    auth.login(make_user("site-manager", sites=["figeac"]))
    refused = client.post("/sites/figeac/closures", data={"starts_on": "2030-01-05", "ends_on": "2030-01-01",
                                                          "reason": "travaux de toiture"})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert 'value="2030-01-05"' in page and 'value="2030-01-01"' in page and 'value="travaux de toiture"' in page
    assert 'class="error-summary"' in page and 'href="#ends_on"' in page  # the summary links to the field
    assert 'id="ends_on-error"' in page and 'aria-describedby="ends_on-error"' in page
    assert "La fermeture doit se terminer le jour même ou après son premier jour." in page
    with app.app_context():
        assert service.site_by_slug("figeac").closures == []


def test_a_site_found_by_its_address_name_is_kept_for_the_request_while_it_keeps_that_name(app, make_site):
    """The module guard and the view both ask for the site of the URL: asked once. A site
    renamed, deleted or rolled back in the request is asked of the database again."""
    from sqlalchemy import event

    make_site("figeac")
    make_site("aurillac")
    statements = []

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    with app.test_request_context():
        event.listen(db.engine, "before_cursor_execute", count)
        try:
            site = service.site_by_slug("figeac")
            asked = len(statements)  # the site, its hours (and the transaction's BEGIN)
            assert service.site_by_slug("figeac") is site and len(statements) == asked
            site.slug = "figeac-centre"
            assert service.site_by_slug("figeac") is None  # the old name no longer finds it
            assert service.site_by_slug("figeac-centre") is site
            db.session.rollback()
            assert service.site_by_slug("figeac-centre") is None  # the rename never happened
            assert service.site_by_slug("figeac").slug == "figeac"
            db.session.delete(service.site_by_slug("aurillac"))
            assert service.site_by_slug("aurillac") is None
        finally:
            event.remove(db.engine, "before_cursor_execute", count)


def test_the_closures_list_names_a_one_day_closure_once_with_the_french_colon(app, client, auth, make_user,
                                                                             make_site):
    """The list read "3 déc. 2026 – 3 déc. 2026: Coupure de courant": the day twice, an English
    colon in French, and each "Retirer" button said nothing of the closure it removes."""
    import re

    import lxml.html

    make_site("figeac")
    auth.login(make_user("site-manager", sites=["figeac"]))
    client.post("/sites/figeac/closures", data={"starts_on": "2030-01-03", "ends_on": "2030-01-03",
                                                "reason": "Coupure de courant"})
    client.post("/sites/figeac/closures", data={"starts_on": "2030-02-04", "ends_on": "2030-02-08"})
    page = lxml.html.fromstring(client.get("/sites/figeac/edit").get_data(as_text=True))
    items = page.xpath("//section[@id='closures']//li")
    assert [re.sub(r"[ \t\n]+", " ", li.xpath("string(text())")).strip() for li in items] == [
        "3 janv. 2030\u00a0: Coupure de courant", "4 févr. 2030 – 8 févr. 2030"]
    assert [re.sub(r"[ \t\n]+", " ", b.text_content()).strip()
            for b in page.xpath("//section[@id='closures']//li//button")] == [
        "Retirer 3 janv. 2030", "Retirer 4 févr. 2030 – 8 févr. 2030"]
    assert page.xpath("//fieldset[@id='hours']/legend/text()") == ["Horaires d'ouverture"]
