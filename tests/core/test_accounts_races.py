"""Account links and forms used twice at once: a reset link sets one password, an erasure runs
once. PostgreSQL (SQLite's writers take turns): each side is held until both have read."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from core.accounts import service, tokens
from core.accounts.models import User
from core.audit import AuditEntry
from core.extensions import db
from devtools.races import held_until_both_reach, run_together, watching_statements


@pytest.fixture
def postgresql(app):
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("SQLite's writers take turns")


def test_a_reset_link_posted_twice_at_once_sets_one_password(app, make_user, postgresql):
    """Both requests checked the link (its fingerprint: the password hash) before either
    changed the password: it worked twice. The account is now read under its lock."""
    person = make_user()
    with app.test_request_context():
        token = tokens.reset_token(db.session.get(User, person.id))

    def reset(password):
        with app.test_request_context(method="POST"):
            try:
                service.reset_password(token, password)
                db.session.commit()
                return "ok"
            except service.AccountError:
                db.session.rollback()
                return "refused"

    with watching_statements(app, held_until_both_reach("UPDATE user_account")):
        results = run_together(reset, ["premier-mot-de-passe", "second-mot-de-passe"])
    assert sorted(results) == ["ok", "refused"], results


def test_an_erasure_clicked_twice_at_once_runs_once(app, make_user, postgresql):
    """Both clicks checked the password before either erased: every plugin's erasure ran
    twice. The password is now checked under the account's lock, the second finds it erased."""
    person = make_user()

    def erase(_):
        with app.test_request_context(method="POST"):
            try:
                service.erase_account(db.session.get(User, person.id), person.password)
                db.session.commit()
                return "erased"
            except service.AccountError:
                db.session.rollback()
                return "refused"

    with watching_statements(app, held_until_both_reach("SELECT user_account.id")):
        results = run_together(erase, [1, 2])
    assert sorted(results) == ["erased", "refused"], results
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(AuditEntry)
                                 .where(AuditEntry.action == "account.erased")) == 1


def test_signing_up_twice_at_once_makes_one_account_and_answers_both(app, mailbox, postgresql):
    """Both requests read "no account with this address" and inserted one; the second failed on
    the unique key: a 500. It now answers as for a taken address (the same page, a mail to the
    owner), so the page still never says whether an address has an account."""
    def sign_up(_):
        response = app.test_client().post("/signup", data={
            "display_name": "Anne", "email": "anne@example.org", "password": "correct horse battery",
            "confirm": "correct horse battery", "accept_terms": "y", "accept_privacy": "y"})
        return response.status_code

    with watching_statements(app, held_until_both_reach("INSERT INTO user_account")):
        results = run_together(sign_up, [1, 2])
    assert results == [200, 200], results
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User).where(User.email == "anne@example.org")) == 1
    subjects = sorted(message["Subject"] for message in mailbox.wait_for(2) if message["To"] == "anne@example.org")
    assert len(subjects) == 2 and "Confirmez votre adresse e-mail" in subjects, subjects
