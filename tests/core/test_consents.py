"""Sign-up asks to accept the territory's terms of sale and privacy notice, records what was
accepted (version, wording, the very text), exports it, and asks again after a new version."""
from __future__ import annotations

import json
import re

from sqlalchemy import select

from core.accounts.models import Consent, LegalDocumentText, User
from core.config import ConfigError, parse_config
from core.extensions import db

LINK = re.compile(r"http://tierslieux\.test(/\S+)")
FORM = {"display_name": "Nouvelle Membre", "email": "new@example.org", "password": "a long enough password",
        "confirm": "a long enough password"}


def signup(client, **extra):
    return client.post("/signup", data={**FORM, **extra}, headers={"Accept-Language": "fr"})


def test_sign_up_without_ticking_the_terms_is_refused(client, mailbox):
    page = client.get("/signup", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "J’ai lu et j’accepte les conditions générales de vente (version 1)." in page
    assert 'href="/legal/terms-of-sale"' in page and 'href="/legal/privacy"' in page
    refused = signup(client, accept_privacy="y")
    assert refused.status_code == 400
    assert "Cochez cette case pour continuer" in refused.get_data(as_text=True)
    assert mailbox.messages == []


def test_sign_up_records_each_acceptance_with_version_wording_and_text(app, client, mailbox):
    assert signup(client, accept_terms="y", accept_privacy="y").status_code == 200
    with app.app_context():
        user = User.by_email("new@example.org")
        consents = {c.purpose: c for c in db.session.scalars(select(Consent).where(Consent.user_id == user.id))}
        assert set(consents) == {"terms_of_sale", "privacy_notice"}
        terms = consents["terms_of_sale"]
        assert terms.version == "1" and terms.given_at is not None
        assert terms.wording == "J’ai lu et j’accepte les conditions générales de vente (version 1)."
        assert terms.document.text == app.config["TERRITORY"].legal.terms_of_sale.text
        assert len(terms.document.sha256) == 64


def test_the_documents_are_shown_as_pages(client):
    page = client.get("/legal/terms-of-sale", headers={"Accept-Language": "fr"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert '<h1 lang="fr">Conditions générales de vente</h1>' in html and "<h2>Annulation</h2>" in html
    assert client.get("/legal/privacy").status_code == 200
    assert client.get("/legal/nothing").status_code == 404


def test_the_data_export_includes_the_accepted_texts(app, client, auth, make_user):
    from core.accounts import legal

    member = make_user()
    with app.app_context():
        legal.accept(db.session.get(User, member.id))
        db.session.commit()
    auth.login(member)
    data = json.loads(client.get("/account/data.json").get_data(as_text=True))
    terms = next(c for c in data["consents"] if c["purpose"] == "terms_of_sale")
    assert terms["version"] == "1" and terms["document"]["text"].startswith("## Annulation")


def test_a_new_version_is_asked_at_the_next_sign_in_and_both_are_kept(app, client, auth, make_user):
    from core.accounts import legal

    member = make_user()
    never = make_user()  # accepted nothing (made by an administrator): not stopped
    with app.app_context():
        legal.accept(db.session.get(User, member.id))
        db.session.commit()
    config = app.config["TERRITORY"]
    new_terms = config.legal.terms_of_sale.model_copy(update={"version": "2", "text": "## Nouveau\n\nAutre texte."})
    app.config["TERRITORY"] = config.model_copy(update={"legal": config.legal.model_copy(
        update={"terms_of_sale": new_terms})})
    signed_in = client.post("/login?next=/account", data={"email": member.email, "password": member.password})
    assert signed_in.status_code == 303 and signed_in.headers["Location"].startswith("/account/documents")
    page = client.get(signed_in.headers["Location"], headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "(version 2)" in page and "accept_privacy" not in page  # only what changed
    assert client.post(signed_in.headers["Location"], data={}).status_code == 400
    accepted = client.post(signed_in.headers["Location"], data={"accept_terms": "y"})
    assert accepted.status_code == 303 and accepted.headers["Location"] == "/account"
    with app.app_context():
        versions = db.session.scalars(select(Consent.version).where(
            Consent.user_id == member.id, Consent.purpose == "terms_of_sale").order_by(Consent.id)).all()
        assert versions == ["1", "2"]
        assert db.session.scalar(select(LegalDocumentText.text).where(LegalDocumentText.version == "2")) \
            == "## Nouveau\n\nAutre texte."
    auth.logout()
    again = client.post("/login", data={"email": member.email, "password": member.password})
    assert "/account/documents" not in again.headers["Location"]
    auth.logout()
    other = client.post("/login", data={"email": never.email, "password": never.password})
    assert "/account/documents" not in other.headers["Location"]


def test_a_document_file_that_is_missing_stops_start_up_naming_the_key(tmp_path):
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "territory.toml").read_text(encoding="utf-8")
    text = text.replace('text = "## Annulation\\n\\nRemboursement jusqu\'à 24 heures avant le début."',
                        'path = "nowhere.md"')
    try:
        parse_config(text, str(tmp_path / "territory.toml"))
    except ConfigError as exc:
        assert "legal.terms_of_sale.path" in str(exc)
    else:
        raise AssertionError("a missing document file was accepted")
    (tmp_path / "nowhere.md").write_text("## Texte", encoding="utf-8")
    assert parse_config(text, str(tmp_path / "territory.toml")).legal.terms_of_sale.text == "## Texte"
