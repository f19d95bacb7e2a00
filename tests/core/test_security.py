"""RELIABILITY.md's web-security lines that the core owns, each proven through the HTTP stack."""
from __future__ import annotations

import os
import re
from pathlib import Path
import time
import uuid
from datetime import datetime, timedelta, timezone

import pytest

from core.extensions import db
from core.accounts.models import User
from tests.conftest import make_app

# ------------------------------------------------------------------------------------------
# Sessions
# ------------------------------------------------------------------------------------------


def _copy_cookies(source, target):
    for cookie in source._cookies.values():
        target.set_cookie(cookie.key, cookie.value, domain=cookie.domain)


def test_login_clears_what_was_in_the_session_before(client, auth, make_user):
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    auth.login(make_user())
    with client.session_transaction() as session:
        assert "planted" not in session


def test_cookie_captured_before_logout_no_longer_works(app, client, auth, make_user):
    auth.login(make_user())
    thief = app.test_client()
    _copy_cookies(client, thief)
    assert thief.get("/account").status_code == 200
    auth.logout()
    assert thief.get("/account").status_code == 302


def test_password_change_signs_out_other_sessions_but_not_this_one(app, client, auth, make_user):
    member = make_user()
    auth.login(member)
    other = app.test_client()
    Other = type(auth)
    Other(other).login(member)
    new = "another long password"
    assert client.post("/account/password", data={"current": member.password, "password": new,
                                                  "confirm": new}).status_code == 303
    assert client.get("/account").status_code == 200
    assert other.get("/account").status_code == 302


def test_disabled_account_is_signed_out_at_once(app, client, auth, make_user):
    member = make_user()
    auth.login(member)
    with app.app_context():
        db.session.get(User, member.id).is_disabled = True
        db.session.commit()
    assert client.get("/account").status_code == 302
    assert client.post("/login", data={"email": member.email, "password": member.password}).status_code == 401


def test_session_older_than_the_absolute_limit_ends(client, auth, make_user):
    auth.login(make_user())
    with client.session_transaction() as session:
        session["login_at"] = (datetime.now(timezone.utc) - timedelta(hours=13)).timestamp()
    response = client.get("/account")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_an_unchanged_session_is_sent_back_once_a_minute_not_with_every_answer(client, auth, make_user,
                                                                               monkeypatch):
    """Every answer re-sending the session let a slow answer (a suggestion list fetched while a
    form was sent) overwrite a newer session: the message after the redirect was lost, seen in
    the browser tests. An unchanged session is re-sent once a minute (its idle expiry pushed
    back); a changed one at once."""
    from core import security

    def sends_session(response) -> bool:
        return any(c.startswith("session=") for c in response.headers.getlist("Set-Cookie"))

    auth.login(make_user())
    client.get("/account")  # the first page of a session stores its CSRF token: a change
    assert not sends_session(client.get("/account"))
    with client.session_transaction() as session:
        session["note"] = "changed"
    assert client.get("/account").status_code == 200
    later = time.time() + security.SessionInterface.REFRESH_SECONDS + 1
    monkeypatch.setattr(security.time, "time", lambda: later)
    refreshed = client.get("/account")
    assert sends_session(refreshed) and "Expires=" in next(
        c for c in refreshed.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert not sends_session(client.get("/account"))  # the minute starts again
    with client.session_transaction() as session:
        assert session["note"] == "changed" and session["_sent"] == int(later)


def test_cookies_are_httponly_and_samesite(client, auth, make_user):
    response = auth.login(make_user(), remember=True)
    cookies = response.headers.getlist("Set-Cookie")
    session_cookie = next(c for c in cookies if c.startswith("session="))
    remember_cookie = next(c for c in cookies if c.startswith("remember_token="))
    for cookie in (session_cookie, remember_cookie):
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_cookies_are_secure_in_production(database_url, smtp_server, tmp_path, monkeypatch, make_user):
    monkeypatch.setenv("TIERSLIEUX_ENV", "production")
    app = make_app(database_url, smtp_server, tmp_path, PUBLIC_URL="https://tierslieux.test",
                   RATELIMIT_STORAGE_URI="redis://127.0.0.1:6379/0")  # Redis is reached on first use only
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    response = app.test_client().get("/login", base_url="https://tierslieux.test")
    assert "max-age" in response.headers["Strict-Transport-Security"]


# ------------------------------------------------------------------------------------------
# Redirects, headers, CSRF
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["//evil.example/", "/\\evil.example", "https://evil.example/",
                                    "javascript:alert(1)", "/\r\nSet-Cookie:x=1", "http:/evil.example"])
def test_login_never_redirects_off_site(client, make_user, target):
    member = make_user()
    response = client.post("/login", query_string={"next": target},
                           data={"email": member.email, "password": member.password})
    assert response.status_code == 303
    assert response.headers["Location"] in ("/", "http://tierslieux.test/")


def test_login_redirects_to_a_local_next_page(client, make_user):
    member = make_user()
    response = client.post("/login?next=/account", data={"email": member.email, "password": member.password})
    assert response.headers["Location"] == "/account"


def test_every_page_sends_the_security_headers(client, auth, make_user):
    anonymous = client.get("/")
    csp = anonymous.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert anonymous.headers["X-Content-Type-Options"] == "nosniff"
    assert anonymous.headers["X-Frame-Options"] == "DENY"
    assert anonymous.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "no-store" not in anonymous.headers.get("Cache-Control", "")
    auth.login(make_user())
    assert client.get("/account").headers["Cache-Control"] == "no-store"


def test_pages_have_no_inline_script(client):
    import re

    for path in ("/", "/login", "/signup", "/sites"):
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", client.get(path).get_data(as_text=True), re.S)
        # Only this site's static files (the header's menu button), never a script in the page.
        assert all(re.search(r'src="/static/', attrs) and not body.strip() for attrs, body in scripts), scripts


@pytest.fixture
def csrf_client(database_url, smtp_server, tmp_path):
    app = make_app(database_url, smtp_server, tmp_path, WTF_CSRF_ENABLED=True)
    yield app.test_client()
    with app.app_context():
        db.engine.dispose()


def test_forms_without_the_csrf_token_are_refused(csrf_client, make_user):
    member = make_user()
    refused = csrf_client.post("/login", data={"email": member.email, "password": member.password})
    assert refused.status_code == 400
    assert "Le formulaire avait expiré" in refused.get_data(as_text=True)
    # A visitor's language switch carries no token (core/i18n.py): a member's does, tested in
    # tests/core/test_pagecache.py.


def test_forms_with_the_csrf_token_pass(csrf_client, make_user):
    member = make_user()
    page = csrf_client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = csrf_client.post("/login", data={"email": member.email, "password": member.password,
                                                "csrf_token": token})
    assert response.status_code == 303


def test_every_form_of_every_plugin_needs_the_csrf_token(csrf_client, make_user):
    """Every POST route but the API's (bearer tokens, no cookies) and Stripe's webhook (signed)
    refuses a signed-in member's request without its token: a route added without it fails
    here. The tests' app switches CSRF off for pages; production never does."""
    from werkzeug.routing import IntegerConverter

    exempt = {"billing_webhook.stripe_webhook"}
    member = make_user()
    page = csrf_client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert csrf_client.post("/login", data={"email": member.email, "password": member.password,
                                            "csrf_token": token}).status_code == 303
    app, unprotected = csrf_client.application, []
    for rule in app.url_map.iter_rules():
        if "POST" not in rule.methods or rule.rule.startswith("/api/") or rule.endpoint in exempt:
            continue
        values = {name: 1 if isinstance(rule._converters[name], IntegerConverter) else "figeac"
                  for name in rule.arguments}
        path = rule.build(values, append_unknown=False)[1]
        response = csrf_client.post(path, data={"confirmed": "yes", "confirm": "yes", "enabled": "off"})
        if response.status_code != 400 or "Le formulaire avait expiré" not in response.get_data(as_text=True):
            unprotected.append(f"{rule.endpoint} {path}: {response.status_code}")
    assert unprotected == []


def test_api_needs_no_csrf_token_because_it_takes_no_cookies(csrf_client, make_user):
    member = make_user()
    page = csrf_client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    signed_in = csrf_client.post("/login", data={"email": member.email, "password": member.password,
                                                 "csrf_token": token})
    assert signed_in.status_code == 303
    assert csrf_client.get("/account").status_code == 200  # the session cookie works for pages...
    assert csrf_client.get("/api/v1/me").status_code == 401  # ...and is ignored by the API


# ------------------------------------------------------------------------------------------
# Throttling
# ------------------------------------------------------------------------------------------


def _attempt(client, email, password, ip):
    return client.post("/login", data={"email": email, "password": password}, environ_base={"REMOTE_ADDR": ip})


def test_repeated_failures_on_one_account_are_throttled(client, make_user):
    member = make_user()
    statuses = [_attempt(client, member.email, "wrong password!!", "10.0.0.1").status_code for _ in range(6)]
    assert statuses == [401] * 5 + [429]
    assert _attempt(client, member.email, member.password, "10.0.0.1").status_code == 429


def test_an_attacker_elsewhere_cannot_lock_the_member_out(client, make_user):
    member = make_user()
    for _ in range(6):
        _attempt(client, member.email, "wrong password!!", "203.0.113.9")
    assert _attempt(client, member.email, member.password, "192.0.2.20").status_code == 303


def test_successful_logins_do_not_count_towards_the_limit(client, make_user):
    member = make_user()
    for _ in range(7):
        assert _attempt(client, member.email, member.password, "10.0.0.2").status_code == 303


def test_one_address_trying_many_accounts_is_throttled(client, make_user):
    statuses = [_attempt(client, f"user{i}@example.org", "wrong password!!", "10.0.0.3").status_code
                for i in range(11)]
    assert statuses[-1] == 429 and 429 not in statuses[:10]


FAIL_FROM_ANOTHER_SERVER = """
import os, sys
from tests.conftest import make_app
from types import SimpleNamespace
smtp = SimpleNamespace(hostname="127.0.0.1", port=1)
app = make_app(sys.argv[1], smtp, __import__("pathlib").Path(sys.argv[2]),
               RATELIMIT_STORAGE_URI=os.environ["TEST_REDIS_URL"])
client = app.test_client()
for _ in range(5):
    response = client.post("/login", data={"email": sys.argv[3], "password": "wrong password!!"},
                           environ_base={"REMOTE_ADDR": sys.argv[4]})
    assert response.status_code == 401, response.status_code
"""


@pytest.mark.skipif(not os.environ.get("TEST_REDIS_URL"), reason="needs TEST_REDIS_URL (CI sets it)")
def test_throttling_is_shared_by_several_app_servers_through_redis(database_url, smtp_server, tmp_path,
                                                                   make_user):
    """Five failures on one app server (another process), the sixth refused by this one."""
    import subprocess
    import sys

    member = make_user(email=f"{uuid.uuid4().hex}@example.org")  # Redis outlives the test: fresh keys
    address = f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.7"
    other = subprocess.run([sys.executable, "-c", FAIL_FROM_ANOTHER_SERVER, database_url, str(tmp_path / "other"),
                            member.email, address], cwd=Path(__file__).resolve().parents[2],
                           capture_output=True, text=True, timeout=120)
    assert other.returncode == 0, other.stderr
    here = make_app(database_url, smtp_server, tmp_path, RATELIMIT_STORAGE_URI=os.environ["TEST_REDIS_URL"])
    assert _attempt(here.test_client(), member.email, "wrong password!!", address).status_code == 429
    fresh = f"10.251.{uuid.uuid4().int % 250}.8"
    assert _attempt(here.test_client(), member.email, member.password, fresh).status_code == 303


# ------------------------------------------------------------------------------------------
# Authorisation matrix on the core's administration pages
# ------------------------------------------------------------------------------------------

PAGES = [
    ("GET", "/admin"), ("GET", "/admin/modules"), ("GET", "/admin/users"), ("GET", "/admin/audit"),
    ("GET", "/admin/users/{admin_id}"), ("GET", "/sites/new"), ("GET", "/sites/figeac/edit"),
    ("GET", "/sites/aurillac/edit"), ("POST", "/sites/aurillac/closures"),
]
EXPECTED = {  # role -> status per page, in PAGES order
    None: [302] * 9,
    "member": [403] * 9,
    "partner": [403] * 9,
    "site-manager": [200, 200, 403, 403, 403, 403, 200, 403, 403],
    "territory-admin": [200, 200, 200, 200, 200, 200, 200, 200, 303],
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_reaches_only_its_administration_pages(client, auth, make_user, make_site, role):
    make_site("figeac")
    make_site("aurillac")
    admin = make_user("territory-admin")
    if role == "territory-admin":
        auth.login(admin)
    elif role:
        auth.login(make_user(role, sites=["figeac"] if role == "site-manager" else []))
    statuses = [client.open(path.format(admin_id=admin.id), method=method,
                            data={"starts_on": "2030-01-01", "ends_on": "2030-01-02"}).status_code
                for method, path in PAGES]
    assert statuses == EXPECTED[role]


def test_admin_cannot_change_their_own_role(app, client, auth, make_user):
    admin = make_user("territory-admin")
    auth.login(admin)
    client.post(f"/admin/users/{admin.id}", data={"role": "member"})
    with app.app_context():
        assert db.session.get(User, admin.id).role == "territory-admin"


def test_admin_makes_a_member_manager_of_a_site(app, client, auth, make_user, make_site):
    make_site("figeac")
    make_site("aurillac")
    member = make_user()
    auth.login(make_user("territory-admin"))
    with app.app_context():
        from core.sites.service import site_by_slug

        figeac_id = site_by_slug("figeac").id
    assert client.post(f"/admin/users/{member.id}", data={"role": "site-manager",
                                                          "sites": [figeac_id]}).status_code == 303
    with app.app_context():
        user = db.session.get(User, member.id)
        assert user.role == "site-manager" and [s.slug for s in user.managed_sites] == ["figeac"]


def test_timing_of_unknown_and_known_accounts_is_alike(client, make_user):
    """Unknown addresses are checked against a dummy hash, so they cannot be told apart by time."""
    member = make_user()

    def timed(email, attempt):
        start = time.perf_counter()
        client.post("/login", data={"email": email, "password": "wrong password!!"},
                    environ_base={"REMOTE_ADDR": f"10.1.{attempt}.{len(email)}"})
        return time.perf_counter() - start

    known = sorted(timed(member.email, n) for n in range(3))[1]
    unknown = sorted(timed("nobody-at-all@example.org", n) for n in range(3))[1]
    assert unknown > known / 5  # without the dummy hash check it would be ~100x faster
