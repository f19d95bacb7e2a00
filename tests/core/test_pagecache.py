"""Public pages kept a few seconds for visitors not signed in (core/pagecache.py): kept and served
again, each visitor with their own CSRF token, dropped when a site changes or the time is up, and
never used for a signed-in member or a visitor with a message waiting."""
from __future__ import annotations

import re

import pytest
from flask import template_rendered

from core import pagecache
from core.extensions import db
from core.sites.service import save_site, site_by_slug


@pytest.fixture
def kept(app):
    app.config["PAGE_CACHE_SECONDS"] = 60
    rendered = []

    def record(sender, template, context, **extra):
        rendered.append(template.name)

    template_rendered.connect(record, app)
    yield rendered
    template_rendered.disconnect(record, app)


def _token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_a_visitor_is_served_the_kept_page_until_its_time_is_up(app, client, make_site, kept, monkeypatch):
    make_site("figeac", name="Télécentre de Figeac")
    first = client.get("/sites")
    assert first.status_code == 200 and "Télécentre de Figeac" in first.get_data(as_text=True)
    assert client.get("/sites").get_data(as_text=True) == first.get_data(as_text=True)
    assert kept.count("sites/index.html") == 1  # the second visit rendered nothing
    later = pagecache.time.monotonic() + 61
    monkeypatch.setattr(pagecache.time, "monotonic", lambda: later)
    assert client.get("/sites").status_code == 200
    assert kept.count("sites/index.html") == 2


def test_a_changed_site_shows_at_once(app, client, make_site, kept):
    make_site("figeac", name="Télécentre de Figeac")
    assert "Télécentre de Figeac" in client.get("/sites/figeac").get_data(as_text=True)
    with app.app_context():
        site = site_by_slug("figeac")
        site.name = "Tiers-lieu de Figeac"
        save_site(site, None)
        db.session.commit()
    for path in ("/sites/figeac", "/sites"):
        html = client.get(path).get_data(as_text=True)
        assert "Tiers-lieu de Figeac" in html and "Télécentre de Figeac" not in html


def test_each_visitor_gets_their_own_csrf_token_and_it_works(app, make_site, kept):
    make_site("figeac")
    app.config["WTF_CSRF_ENABLED"] = True
    first, second = app.test_client(), app.test_client()
    one, two = first.get("/sites").get_data(as_text=True), second.get("/sites").get_data(as_text=True)
    assert kept.count("sites/index.html") == 1  # the second visitor was served the kept page
    assert pagecache._PLACEHOLDER not in one + two
    assert _token(one) != _token(two)
    for visitor, html in ((first, one), (second, two)):
        switched = visitor.post("/language", data={"csrf_token": _token(html), "locale": "en", "next": "/sites"})
        assert switched.status_code in (302, 303)
    assert second.post("/language", data={"csrf_token": _token(one), "locale": "fr"}).status_code == 400


def test_each_language_has_its_own_page(client, make_site, kept):
    make_site("figeac")
    french = client.get("/sites", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    english = client.get("/sites", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert 'lang="fr"' in french and 'lang="en"' in english
    assert kept.count("sites/index.html") == 2


def test_a_member_and_a_visitor_with_a_message_get_a_fresh_page(client, auth, make_site, make_user, kept):
    make_site("figeac")
    client.get("/sites")
    with client.session_transaction() as session:
        session["_flashes"] = [("info", "Votre message a été envoyé.")]
    assert "Votre message a été envoyé." in client.get("/sites").get_data(as_text=True)
    member = make_user(display_name="Camille Membre")
    auth.login(member)
    assert "Camille Membre" in client.get("/sites").get_data(as_text=True)
    assert kept.count("sites/index.html") == 3  # none of them was served the kept page


def test_the_search_is_kept_but_not_an_invalid_one(client, make_site, kept):
    make_site("figeac")
    assert client.get("/booking?date=2027-01-05").status_code == 200
    assert client.get("/booking?date=2027-01-05").status_code == 200
    assert kept.count("booking/search.html") == 1
    assert client.get("/booking?date=someday").status_code == 400
    assert client.get("/booking?date=someday").status_code == 400
    assert kept.count("booking/search.html") == 3
