"""RGPD: a member downloads all their data and erases their account; consents keep their wording."""
from __future__ import annotations

import json

from sqlalchemy import select

from core.accounts import service
from core.accounts.models import Consent, User
from core.api.tokens import ApiToken, create_token
from core.audit import AuditEntry
from core.extensions import db


def test_member_downloads_their_data_as_json(app, client, auth, make_user):
    member = make_user(home_commune="Maurs")
    with app.app_context():
        user = db.session.get(User, member.id)
        service.record_consent(user, "directory", "Je veux apparaître dans l'annuaire.")
        db.session.commit()
    auth.login(member)
    response = client.get("/account/data.json")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment")
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["email"] == member.email
    assert data["account"]["home_commune"] == "Maurs"
    assert data["consents"][0]["wording"] == "Je veux apparaître dans l'annuaire."
    assert data["consents"][0]["given_at"]


def test_withdrawing_a_consent_keeps_when_and_what(app, make_user):
    member = make_user()
    with app.app_context():
        user = db.session.get(User, member.id)
        service.record_consent(user, "directory", "wording v1")
        db.session.commit()
        service.withdraw_consent(user, "directory")
        db.session.commit()
        consent = db.session.scalar(select(Consent).where(Consent.user_id == member.id))
        assert consent.wording == "wording v1" and consent.withdrawn_at is not None


def test_erasure_removes_the_person_and_ends_every_way_in(app, client, auth, make_user):
    member = make_user(home_commune="Maurs")
    with app.app_context():
        create_token(db.session.get(User, member.id), "script")
        db.session.commit()
    auth.login(member)
    assert client.post("/account/erase", data={"password": "wrong"}).status_code == 400  # said by the field
    with app.app_context():
        assert db.session.get(User, member.id).erased_at is None
    assert client.post("/account/erase", data={"password": member.password}).status_code == 303
    with app.app_context():
        user = db.session.get(User, member.id)
        assert user.email == f"erased-{member.id}@invalid" and user.home_commune is None
        assert user.password_hash is None and user.erased_at is not None
        assert db.session.scalars(select(ApiToken).where(ApiToken.user_id == member.id)).all() == []
        assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "account.erased")).subject \
            == f"user:{member.id}"
    assert client.get("/account").status_code == 302
    assert client.post("/login", data={"email": member.email, "password": member.password}).status_code == 401


def test_erased_address_can_sign_up_again(app, client, make_user, mailbox):
    member = make_user(email="again@example.org")
    with app.app_context():
        service.erase_account(db.session.get(User, member.id), member.password)
        db.session.commit()
    response = client.post("/signup", data={"display_name": "Again", "email": "again@example.org",
                                            "password": "a long enough password",
                                            "confirm": "a long enough password",
                                            "accept_terms": "y", "accept_privacy": "y"})
    assert response.status_code == 200
    [message] = mailbox.wait_for(1)
    # A new account's confirmation (an address still taken gets "someone tried to sign up")
    assert (message["To"], message["Subject"]) == ("again@example.org", "Confirmez votre adresse e-mail")
    with app.app_context():
        assert db.session.scalar(select(User.id).where(User.email == "again@example.org")) not in (None, member.id)
