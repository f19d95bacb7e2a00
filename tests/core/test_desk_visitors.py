"""A visitor who walks in without an account: the site's manager makes one at the desk (name and
e-mail), the visitor gets an e-mail to choose their password, and the manager goes straight on
to book their place or record their pass. Through the pages, the rules, and the real SMTP server."""
from __future__ import annotations

import re
from datetime import date

import lxml.html
import pytest
from sqlalchemy import func, select

from core.accounts.models import Consent, User
from core.audit import AuditEntry
from core.extensions import db
from devtools.pytest_plugin import Auth
from devtools.races import errors, run_together

LINK = re.compile(r"http://tierslieux\.test(/\S+)")
NEW = "/sites/figeac/visitors/new"
PASSWORD = "a long enough password"


@pytest.fixture
def desk(make_site, make_user):
    make_site("figeac")
    make_site("aurillac")
    return {"manager": make_user(role="site-manager", sites=["figeac"]),
            "other_manager": make_user(role="site-manager", sites=["aurillac"]),
            "member": make_user(), "admin": make_user(role="territory-admin")}


def visitor(email="jeanne.dupont@example.org", locale="fr", **more):
    return {"visitor-first_name": "Jeanne", "visitor-last_name": "Dupont", "visitor-email": email,
            "visitor-locale": locale, **more}


def text(response) -> str:
    return " ".join(lxml.html.fromstring(response.get_data(as_text=True)).text_content().split())


def account(app, email):
    with app.app_context():
        user = User.by_email(email)
        return None if user is None else {
            "id": user.id, "name": user.display_name, "role": user.role, "locale": user.locale,
            "password": user.password_hash, "confirmed": user.email_confirmed_at,
            "consents": db.session.scalar(select(func.count()).select_from(Consent).where(Consent.user_id == user.id))}


def link_of(message) -> str:
    return LINK.search(message.get_body(preferencelist=("plain",)).get_content()).group(1)


def test_a_manager_makes_a_visitors_account_from_the_days_page_and_books_them_straight_after(
        app, client, auth, desk, mailbox):
    """The day's page has the form; once made, the day comes back with the visitor's address in
    "Book for a member" (once), the account is an ordinary member's without a password, the
    audit log says who made it, and the invitation goes out through the jobs queue and SMTP."""
    auth.login(desk["manager"])
    day = date.today().isoformat()
    page = lxml.html.fromstring(client.get(f"/booking/manage/figeac?day={day}").get_data(as_text=True))
    [form] = page.xpath("//section[@aria-labelledby='visitor-title']//form")
    assert form.get("action").startswith(NEW + "?next=")
    assert [f.get("name") for f in form.xpath(".//input[not(@type='hidden')]|.//select")] == [
        "visitor-first_name", "visitor-last_name", "visitor-email", "visitor-locale"]
    assert form.xpath(".//select/option[@selected]/@value") == ["fr"]  # the territory's language
    made = client.post(form.get("action"), data=visitor(locale="en"))
    assert made.status_code == 303
    assert made.headers["Location"] == f"/booking/manage/figeac?day={day}#book-title"
    new = account(app, "jeanne.dupont@example.org")
    assert (new["name"], new["role"], new["locale"], new["password"], new["confirmed"]) == (
        "Jeanne Dupont", "member", "en", None, None)
    with app.app_context():
        entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "account.made_at_desk"))
        assert (entry.actor_id, entry.subject, entry.details) == (desk["manager"].id, f"user:{new['id']}",
                                                                  {"site": "figeac"})
    day_page = client.get(made.headers["Location"])
    assert "Le compte de Jeanne Dupont est créé" in text(day_page)
    tree = lxml.html.fromstring(day_page.get_data(as_text=True))
    assert tree.xpath("//input[@id='member_email']/@value") == ["jeanne.dupont@example.org"]
    again = lxml.html.fromstring(client.get(f"/booking/manage/figeac?day={day}").get_data(as_text=True))
    assert again.xpath("//input[@id='member_email']/@value") == [""]  # once: never the wrong person later
    [message] = mailbox.wait_for(1)
    assert message["To"] == "jeanne.dupont@example.org"
    assert message["Subject"] == "Your account on Réseau des télécentres Aurillac - Figeac - Decazeville: choose your password"
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "The team of Figeac made you an account" in body and "within 7 days" in body
    assert client.post("/logout").status_code == 303
    assert client.post("/login", data={"email": "jeanne.dupont@example.org", "password": ""}).status_code != 303


def test_the_invitation_sets_the_first_password_once_and_asks_the_documents_a_sign_up_asks(
        app, client, auth, desk, mailbox):
    auth.login(desk["manager"])
    assert client.post(NEW, data=visitor()).status_code == 303
    auth.logout()
    [message] = mailbox.wait_for(1)
    assert message["Subject"] == ("Votre compte sur Réseau des télécentres Aurillac - Figeac - Decazeville\u00a0: "
                                  "choisissez votre mot de passe")
    link = link_of(message)
    assert link.startswith("/welcome/")
    page = client.get(link)
    assert page.status_code == 200
    assert "Bienvenue, Jeanne Dupont. Votre compte est jeanne.dupont@example.org" in text(page)
    unticked = client.post(link, data={"password": PASSWORD, "confirm": PASSWORD})
    assert unticked.status_code == 400 and account(app, "jeanne.dupont@example.org")["password"] is None
    chosen = client.post(link, data={"password": PASSWORD, "confirm": PASSWORD, "accept_terms": "y",
                                     "accept_privacy": "y"})
    assert chosen.status_code == 303 and chosen.headers["Location"] == "/login"
    after = account(app, "jeanne.dupont@example.org")
    assert after["confirmed"] is not None and after["consents"] == 2  # the link proved the address
    assert client.post("/login", data={"email": "Jeanne.Dupont@example.org", "password": PASSWORD}).status_code == 303
    auth.logout()
    used = client.get(link)
    assert used.status_code == 400 and "Ce lien d'invitation est invalide, expiré ou déjà utilisé" in text(used)
    assert client.post(link, data={"password": "another long password", "confirm": "another long password",
                                   "accept_terms": "y", "accept_privacy": "y"}).status_code == 400


def test_an_expired_invitation_or_a_reset_link_passed_for_one_is_refused(app, client, auth, desk, mailbox,
                                                                          monkeypatch):
    from core.accounts import tokens

    auth.login(desk["manager"])
    client.post(NEW, data=visitor())
    auth.logout()
    link = link_of(mailbox.wait_for(1)[0])
    with app.app_context():
        reset = tokens.reset_token(User.by_email("jeanne.dupont@example.org"))
    assert client.get(f"/welcome/{reset}").status_code == 400  # another salt: not an invitation
    monkeypatch.setattr(tokens, "INVITE_MAX_AGE", -1)
    expired = client.get(link)
    assert expired.status_code == 400
    assert expired.get_data(as_text=True).count('href="/password/forgot"') >= 1


def test_an_address_already_registered_is_refused_with_where_to_find_the_member(app, client, auth, desk, mailbox):
    auth.login(desk["manager"])
    refused = client.post(NEW + "?next=/billing/sites/figeac/manage", data=visitor(email=desk["member"].email.upper()))
    assert refused.status_code == 409
    words = text(refused)
    assert "Cette adresse e-mail a déjà un compte : cherchez le membre par son nom ou son adresse" in words
    tree = lxml.html.fromstring(refused.get_data(as_text=True))
    assert tree.xpath("//input[@name='visitor-first_name']/@value") == ["Jeanne"]  # kept, to correct
    assert tree.xpath("//a[.='Retour à l’accueil du site' or .=\"Retour à l'accueil du site\"]/@href") == [
        "/billing/sites/figeac/manage"]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == 4
        assert db.session.scalar(select(AuditEntry.id).where(AuditEntry.action == "account.made_at_desk")) is None
    assert mailbox.messages == []


@pytest.mark.parametrize("field, value", [("visitor-email", "not-an-address"), ("visitor-first_name", ""),
                                          ("visitor-last_name", "Dupont\nBcc: x@example.org"),
                                          ("visitor-locale", "de")])
def test_a_bad_field_is_said_beside_it_and_stores_nothing(app, client, auth, desk, mailbox, field, value):
    auth.login(desk["manager"])
    answer = client.post(NEW, data={**visitor(), field: value})
    assert answer.status_code == 422
    tree = lxml.html.fromstring(answer.get_data(as_text=True))
    assert tree.xpath(f"//*[@name='{field}']/@aria-invalid") == ["true"]
    assert account(app, "jeanne.dupont@example.org") is None and mailbox.messages == []


@pytest.mark.parametrize("who, status", [("member", 403), ("other_manager", 403), ("admin", 303), (None, 302)])
def test_only_the_sites_managers_and_the_territory_admin_make_an_account_there(app, client, desk, who, status,
                                                                                mailbox):
    if who is not None:
        Auth(client).login(desk[who])
    answer = client.post(NEW, data=visitor())
    assert answer.status_code == status
    assert (account(app, "jeanne.dupont@example.org") is not None) == (status == 303)
    if who is not None and status == 403:
        assert client.get(NEW).status_code == 403
        assert mailbox.messages == []


def test_an_unknown_site_is_a_404(client, auth, desk):
    auth.login(desk["admin"])
    assert client.post("/sites/nowhere/visitors/new", data=visitor()).status_code == 404


def test_the_rule_refuses_a_manager_of_another_site(app, desk):
    from core.accounts.visitors import make_account
    from core.errors import Forbidden
    from core.sites.service import site_by_slug

    with app.test_request_context(method="POST"):
        other = db.session.get(User, desk["other_manager"].id)
        with pytest.raises(Forbidden):
            make_account(other, site_by_slug("figeac"), "jeanne.dupont@example.org", "Jeanne", "Dupont", "fr")
        user, again = make_account(db.session.get(User, desk["manager"].id), site_by_slug("figeac"),
                                   "Jeanne.Dupont@example.org", " Jeanne ", "Dupont ", None)
        assert (user.email, user.display_name, user.locale, again) == ("jeanne.dupont@example.org", "Jeanne Dupont",
                                                                      None, False)


def test_the_form_sent_twice_makes_one_account_and_one_email(app, client, auth, desk, mailbox):
    """A double click (or the page reloaded): the second sending finds the account the first
    made a moment ago, still waiting for its password, and goes on as the first did, without a
    second e-mail; that address given later, or once its password is chosen, is refused."""
    auth.login(desk["manager"])
    assert client.post(NEW, data=visitor()).status_code == 303
    second = client.post(NEW + "?next=/billing/sites/figeac/manage", data=visitor())
    assert second.status_code == 303 and second.headers["Location"] == "/billing/sites/figeac/manage"
    assert "a été créé à l'instant : aucun second e-mail" in text(client.get(second.headers["Location"]))
    assert len(mailbox.wait_for(2, timeout=1)) == 1
    with app.app_context():
        user = User.by_email("jeanne.dupont@example.org")
        user.password_hash = "chosen"
        db.session.commit()
    assert client.post(NEW, data=visitor()).status_code == 409


def test_two_sendings_at_once_make_one_account_and_one_email(app, client, auth, desk, mailbox):
    auth.login(desk["manager"])
    from tests.plugins.billing.test_billing_checkout_races import twin  # another tab, signed in the same

    answers = run_together(lambda tab: tab.post(NEW, data=visitor()), [twin(app, client) for _ in range(3)])
    assert errors(answers) == []
    assert [a.status_code for a in answers] == [303] * 3
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User).where(
            User.email == "jeanne.dupont@example.org")) == 1
        assert db.session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "account.made_at_desk")) == 1
    assert len(mailbox.wait_for(2, timeout=1)) == 1


def test_a_manager_making_accounts_by_the_dozen_is_stopped(app, client, auth, desk):
    from core.accounts.views_desk import LIMIT

    auth.login(desk["manager"])
    allowed = int(LIMIT.split()[0])
    answers = [client.post(NEW, data={**visitor(), "visitor-email": "no"}).status_code for _ in range(allowed + 1)]
    assert answers[:allowed] == [422] * allowed and answers[-1] == 429
    Auth(client).logout()
    Auth(client).login(desk["admin"])  # per manager: another one is not stopped
    assert client.post(NEW, data=visitor()).status_code == 303


def test_the_visitor_is_not_in_the_directory_and_their_data_download_says_who_made_the_account(
        app, client, auth, desk, mailbox):
    from core.accounts.service import export_data
    from plugins.directory.profiles import profile_of

    auth.login(desk["manager"])
    client.post(NEW, data=visitor())
    with app.test_request_context():
        user = User.by_email("jeanne.dupont@example.org")
        assert profile_of(user) is None  # appearing in the directory stays their own choice
        exported = export_data(user)
    assert '"action": "account.made_at_desk"' in exported and '"role": "member"' in exported
