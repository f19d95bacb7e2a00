"""Accounts: sign-up with a real confirmation e-mail, sign-in, password reset and change."""
from __future__ import annotations

import re

from core.extensions import db
from core.accounts.models import User

LINK = re.compile(r"http://tierslieux\.test(/\S+)")


def _link(message) -> str:
    return LINK.search(message.get_body(preferencelist=("plain",)).get_content()).group(1)


def _signup(client, email="new@example.org", password="a long enough password"):
    return client.post("/signup", data={"display_name": "Nouvelle Membre", "email": email,
                                        "password": password, "confirm": password,
                                        "accept_terms": "y", "accept_privacy": "y"},
                       headers={"Accept-Language": "fr"})


def test_signup_sends_a_confirmation_link_that_activates_the_account(client, mailbox):
    assert _signup(client).status_code == 200
    [message] = mailbox.wait_for(1)
    assert message["To"] == "new@example.org"
    assert message["Subject"] == "Confirmez votre adresse e-mail"
    refused = client.post("/login", data={"email": "new@example.org", "password": "a long enough password"})
    assert refused.status_code == 401
    assert "Confirmez d&#39;abord votre adresse e-mail" in refused.get_data(as_text=True)
    link = _link(message)
    assert "Confirmer mon adresse" in client.get(link).get_data(as_text=True)
    assert client.post("/login", data={"email": "new@example.org",
                                       "password": "a long enough password"}).status_code == 401
    assert client.post(link).status_code == 303
    signed_in = client.post("/login", data={"email": "New@Example.org", "password": "a long enough password"})
    assert signed_in.status_code == 303


def test_a_visitor_asked_to_sign_in_gets_back_to_their_search_after_signing_up(client, mailbox):
    """Asked to sign in from a search, a visitor who creates an account lost the search: the
    sign-up link dropped `next`, and after confirming they landed on the bare sign-in page. It
    now follows them through the sign-up, the confirmation mail and the first sign-in (a path
    on this site only)."""
    from urllib.parse import quote

    import lxml.html

    search = "/booking?commune=Capdenac&date=2030-01-08"
    login = lxml.html.fromstring(client.get(f"/login?next={quote(search)}").get_data(as_text=True))
    [signup_url] = login.xpath("//main//a[contains(@href, '/signup')]/@href")
    assert "next=" in signup_url
    response = client.post(signup_url, data={"display_name": "Nouvelle Membre", "email": "new@example.org",
                                             "password": "a long enough password",
                                             "confirm": "a long enough password", "accept_terms": "y",
                                             "accept_privacy": "y"})
    assert response.status_code == 200
    link = _link(mailbox.wait_for(1)[0])
    confirmed = client.post(link)
    assert confirmed.status_code == 303 and "next=" in confirmed.headers["Location"]
    signed_in = client.post(confirmed.headers["Location"], data={"email": "new@example.org",
                                                                "password": "a long enough password"})
    assert signed_in.status_code == 303 and signed_in.headers["Location"].endswith(search)

    assert client.post("/logout").status_code == 303
    client.post("/signup?next=https://evil.example/", data={
        "display_name": "Autre", "email": "other@example.org", "password": "a long enough password",
        "confirm": "a long enough password", "accept_terms": "y", "accept_privacy": "y"})
    assert "evil" not in _link(mailbox.wait_for(2)[1])


def test_signup_refuses_short_passwords_in_french(client, mailbox):
    response = _signup(client, password="short")
    assert response.status_code == 400
    assert "Entre 12 et 128 caractères." in response.get_data(as_text=True)
    assert mailbox.messages == []


def test_signup_with_a_taken_address_does_not_reveal_it_and_tells_the_owner(client, make_user, mailbox):
    taken = make_user(email="taken@example.org")
    response = _signup(client, email="Taken@example.org")
    assert response.status_code == 200
    assert "Nous avons envoyé un lien de confirmation" in response.get_data(as_text=True)
    [message] = mailbox.wait_for(1)
    assert message["To"] == taken.email
    assert message["Subject"] == "Quelqu'un a essayé de créer un compte avec votre adresse"
    assert client.post("/login", data={"email": taken.email, "password": taken.password}).status_code == 303


def test_forged_confirmation_link_is_refused(client):
    assert client.get("/confirm/not-a-token").status_code == 400


def test_password_reset_by_mailed_link_works_once(client, make_user, mailbox):
    member = make_user()
    client.post("/password/forgot", data={"email": member.email})
    [message] = mailbox.wait_for(1)
    link = _link(message)
    new = "a brand new password"
    assert client.post(link, data={"password": new, "confirm": new}).status_code == 303
    assert client.post("/login", data={"email": member.email, "password": member.password}).status_code == 401
    assert client.post("/login", data={"email": member.email, "password": new}).status_code == 303
    again = client.post(link, data={"password": "yet another password", "confirm": "yet another password"})
    assert again.status_code == 400


def test_reset_request_for_unknown_address_says_the_same_and_sends_nothing(client, mailbox):
    response = client.post("/password/forgot", data={"email": "nobody@example.org"})
    assert response.status_code == 303
    assert mailbox.messages == []


def test_profile_form_ignores_fields_it_does_not_list(app, client, auth, make_user):
    member = make_user()
    auth.login(member)
    response = client.post("/account", data={"display_name": "Camille", "locale": "fr", "role": "territory-admin",
                                             "email": "hijack@example.org", "session_version": "99"})
    assert response.status_code == 303
    with app.app_context():
        user = db.session.get(User, member.id)
        assert (user.display_name, user.role, user.email) == ("Camille", "member", member.email)


def test_api_token_is_shown_once_and_can_be_revoked(app, client, auth, make_user):
    member = make_user()
    auth.login(member)
    page = client.post("/account/tokens", data={"name": "agenda"}).get_data(as_text=True)
    secret = re.search(r'value="(tl_[^"]+)"', page).group(1)
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.get("/api/v1/me", headers=headers).get_json()["email"] == member.email
    profile = client.get("/account").get_data(as_text=True)
    assert secret not in profile and secret[:7] in profile
    token_id = re.search(r"/account/tokens/(\d+)/revoke", profile).group(1)
    assert client.post(f"/account/tokens/{token_id}/revoke").status_code == 303
    assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_cannot_revoke_someone_elses_token(app, client, auth, make_user):
    from core.api.tokens import create_token, tokens_of

    owner = make_user()
    with app.app_context():
        create_token(db.session.get(User, owner.id), "mine")
        db.session.commit()
        token_id = tokens_of(db.session.get(User, owner.id))[0].id
    auth.login(make_user())
    assert client.post(f"/account/tokens/{token_id}/revoke").status_code == 404


def test_signup_does_the_same_work_for_a_known_and_a_new_address(app, client, make_user, monkeypatch):
    """Timing told who had an account (113 ms against 477 ms): the known address skipped the
    password hash. Both ways now hash once and queue and send one mail."""
    from sqlalchemy import func, select

    from core.accounts import passwords
    from core.mail import MailMessage

    make_user(email="taken@example.org")
    hashes = []

    class CountingHasher(type(passwords._hasher)):  # the real argon2 hasher, counted
        def hash(self, password, **kwargs):
            hashes.append(1)
            return super().hash(password, **kwargs)

    monkeypatch.setattr(passwords, "_hasher", CountingHasher())

    def work(email):
        hashes.clear()
        with app.app_context():
            before = db.session.scalar(select(func.count(MailMessage.id)))
        assert _signup(client, email=email).status_code == 200
        with app.app_context():
            mails = db.session.scalar(select(func.count(MailMessage.id))) - before
            sent = db.session.scalar(select(func.count(MailMessage.id)).where(MailMessage.status == "sent"))
        return len(hashes), mails, sent

    known = work("taken@example.org")
    new = work("someone.new@example.org")
    assert known[:2] == new[:2] == (1, 1)
    assert new[2] == known[2] + 1  # each mail is delivered right away, both ways


def test_account_forms_sent_back_empty_say_which_field_is_wrong(client, auth, make_user):
    """An empty password change, an empty or wrong erasure, a nameless token: the account page
    comes back with the errors by their fields and in an error summary naming each field
    (not anonymous flashes, not a silent redirect)."""
    import lxml.html

    member = make_user()
    auth.login(member)

    def summary_of(response):
        assert response.status_code == 400
        tree = lxml.html.fromstring(response.get_data(as_text=True))
        assert not tree.xpath("//*[contains(@class, 'flash-error')]")
        summaries = tree.xpath("//*[contains(@class, 'error-summary')]")
        assert len(summaries) == 1 and summaries[0].get("tabindex") == "-1"
        return tree, {link.get("href"): " ".join(link.getparent().text_content().split())
                      for link in summaries[0].xpath(".//a")}

    tree, links = summary_of(client.post("/account/password", data={}))
    assert set(links) == {"#current", "#password", "#confirm"}, links
    assert links["#current"].startswith("Mot de passe actuel") and "requis" in links["#current"]
    assert tree.xpath("//input[@id='current']/@aria-invalid") == ["true"]

    tree, links = summary_of(client.post("/account/password", data={
        "current": "not the password", "password": "a brand new password", "confirm": "a brand new password"}))
    assert list(links) == ["#current"] and "incorrect" in links["#current"], links

    tree, links = summary_of(client.post("/account/erase", data={}))
    assert list(links) == ["#erase-password"], links
    tree, links = summary_of(client.post("/account/erase", data={"password": "wrong"}))
    assert list(links) == ["#erase-password"] and "incorrect" in links["#erase-password"], links
    assert tree.xpath("//input[@id='erase-password']/@aria-invalid") == ["true"]

    tree, links = summary_of(client.post("/account/tokens", data={}))
    assert list(links) == ["#name"], links
    assert tree.xpath("//input[@id='display_name']/@autocomplete") == ["name"]
