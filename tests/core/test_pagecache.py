"""Public pages and API answers kept a few seconds for visitors not signed in (core/pagecache.py):
kept and served again (before Flask to a visitor without cookies), the same bytes for everyone,
dropped when a site changes or the time is up, and never used for a signed-in member, a caller
with credentials, a visitor with a message waiting or an answer that made a token or a cookie."""
from __future__ import annotations

import re

import pytest
from flask import make_response, render_template_string, request, request_started, template_rendered

from core import pagecache
from core.accounts.models import User
from core.extensions import db
from core.ops import metrics
from core.sites.service import save_site, site_by_slug


@pytest.fixture
def kept(app):
    app.config["PAGE_CACHE_SECONDS"] = 60
    app.config["CACHE_CHECK_SECONDS"] = 60  # the versions stay current between two requests, however slow
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


def test_a_visitor_page_is_the_same_for_everyone_and_sets_no_cookie(app, make_site, kept):
    make_site("figeac")
    app.config["WTF_CSRF_ENABLED"] = True
    first, second = app.test_client(), app.test_client()
    one, two = first.get("/sites"), second.get("/sites")
    assert kept.count("sites/index.html") == 1  # the second visitor was served the kept page
    assert one.get_data() == two.get_data()
    assert "Set-Cookie" not in one.headers and "Set-Cookie" not in two.headers
    assert 'name="csrf_token"' not in one.get_data(as_text=True)
    # The footer's language switch works without a token for a visitor: it only sets their session.
    switched = second.post("/language", data={"locale": "en", "next": "/sites"})
    assert switched.status_code == 303 and switched.headers["Location"].endswith("/sites")
    assert 'lang="en"' in second.get("/sites").get_data(as_text=True)
    assert 'lang="fr"' in first.get("/sites").get_data(as_text=True)


def test_a_language_switch_sent_from_another_site_is_refused_and_changes_nothing(app, make_site, kept):
    app.config["WTF_CSRF_ENABLED"] = True
    # A member's cookies stay home on a cross-site POST (SameSite=Lax): it arrives as a visitor's,
    # and a new session cookie in the answer would sign them out.
    for headers in ({"Sec-Fetch-Site": "cross-site"}, {"Origin": "https://evil.example"}):
        refused = app.test_client().post("/language", data={"locale": "en"}, headers=headers)
        assert refused.status_code == 400 and "Set-Cookie" not in refused.headers
    same_site = app.test_client().post("/language", data={"locale": "en"},
                                       headers={"Origin": "http://tierslieux.test", "Sec-Fetch-Site": "same-origin"})
    assert same_site.status_code == 303 and "Set-Cookie" in same_site.headers


def test_a_members_language_switch_needs_their_token(app, client, auth, make_user):
    app.config["WTF_CSRF_ENABLED"] = True
    member = make_user()
    page = client.get("/login").get_data(as_text=True)
    client.post("/login", data={"email": member.email, "password": member.password,
                                "csrf_token": re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)})
    home = client.get("/sites").get_data(as_text=True)
    assert client.post("/language", data={"locale": "en"}).status_code == 400  # forged: refused
    assert client.post("/language", data={"locale": "en", "csrf_token": _token(home)}).status_code == 303
    with app.app_context():
        assert db.session.get(User, member.id).locale == "en"


def test_a_visitor_without_cookies_is_answered_before_flask(app, make_site, kept):
    make_site("figeac")
    handled = []

    def record(sender, **extra):
        handled.append(request.path)

    request_started.connect(record, app)
    try:
        counted = metrics.REQUESTS.labels("/sites", "GET", "200")._value.get()
        first, second = app.test_client().get("/sites"), app.test_client().get("/sites")
    finally:
        request_started.disconnect(record, app)
    assert handled == ["/sites"]  # the second request never reached Flask
    assert second.status_code == 200 and second.get_data() == first.get_data()
    assert second.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]
    assert second.headers["X-Request-ID"] != first.headers["X-Request-ID"]  # each its own
    assert metrics.REQUESTS.labels("/sites", "GET", "200")._value.get() == counted + 2


def test_versions_read_too_long_ago_send_the_visitor_through_flask(app, make_site, kept):
    make_site("figeac")
    app.config["CACHE_CHECK_SECONDS"] = 0  # the WSGI layer never knows the versions are current
    handled = []

    def record(sender, **extra):
        handled.append(1)

    request_started.connect(record, app)
    try:
        for _ in range(3):
            assert app.test_client().get("/sites").status_code == 200
    finally:
        request_started.disconnect(record, app)
    assert len(handled) == 3 and kept.count("sites/index.html") == 1  # read again, served kept


def test_an_answer_that_made_a_token_or_set_a_cookie_is_not_kept(app, kept):
    calls = []

    def with_token():
        calls.append("token")
        return render_template_string("<form>{{ csrf_token() }}</form>")

    def with_cookie():
        calls.append("cookie")
        response = make_response("hello")
        response.set_cookie("seen", "1")
        return response

    app.add_url_rule("/kept-test/token", "kept_token", pagecache.kept_for_visitors(with_token))
    app.add_url_rule("/kept-test/cookie", "kept_cookie", pagecache.kept_for_visitors(with_cookie))
    app.config["WTF_CSRF_ENABLED"] = True
    # Visitors whose session already holds a token (they saw the sign-in form): making theirs into
    # the page sets no cookie, and only the token made while rendering keeps the page from others.
    first, second = app.test_client(), app.test_client()
    for visitor in (first, second):
        visitor.get("/login")
    pages = [visitor.get("/kept-test/token").get_data(as_text=True) for visitor in (first, second, first)]
    assert pages[0] != pages[1] and "Set-Cookie" not in second.get("/kept-test/token").headers
    for _ in range(2):
        assert app.test_client().get("/kept-test/cookie").headers["Set-Cookie"].startswith("seen=1")
    assert calls == ["token"] * 4 + ["cookie"] * 2


def test_a_caller_with_credentials_is_not_served_the_kept_answer(app, make_site, kept):
    make_site("figeac")
    handled = []

    def record(sender, **extra):
        handled.append(1)

    request_started.connect(record, app)
    try:
        visitor = app.test_client()
        assert visitor.get("/api/v1/sites").status_code == 200
        assert visitor.get("/api/v1/sites").status_code == 200
        assert len(handled) == 1
        assert visitor.get("/api/v1/sites", headers={"Authorization": "Bearer nothing"}).status_code == 200
        assert len(handled) == 2
    finally:
        request_started.disconnect(record, app)


def test_the_public_api_answers_are_kept_as_json(app, make_site, kept):
    make_site("figeac")
    path = "/api/v1/availability?date=2027-01-05"
    first = app.test_client().get(path)
    assert first.status_code == 200 and first.is_json
    visitor = app.test_client()  # with a session (a chosen language): served through Flask
    visitor.post("/language", data={"locale": "fr"})
    again = visitor.get(path)
    assert again.is_json and again.get_json() == first.get_json()
    assert app.test_client().get("/api/v1/availability?date=someday").status_code == 400


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
