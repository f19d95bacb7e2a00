"""Noticeboard, tested from the outside with the project's standard fixtures (app, client,
runner, auth, make_site, make_user). Written by `tierslieux new-plugin noticeboard`: add a test with
each rule you add."""
from __future__ import annotations

import pytest

from core.accounts.models import User
from core.extensions import db
from core.plugins import registry

NAME = "noticeboard"


@pytest.fixture
def site(make_site, runner):
    slug = make_site("figeac")
    result = runner.invoke(args=["modules", "enable", NAME])
    assert result.exit_code == 0, result.output
    return slug


def test_a_member_posts_a_note_everyone_reads(client, auth, make_user, site):
    assert client.post(f"/{NAME}/{site}", data={"text": "Too early"}).status_code != 303  # signed out
    auth.login(make_user())
    response = client.post(f"/{NAME}/{site}", data={"text": "  The printer has paper again.  "})
    assert response.status_code == 303
    auth.logout()
    assert "The printer has paper again." in client.get(f"/{NAME}/{site}").get_data(as_text=True)
    assert "The printer has paper again." in client.get(f"/sites/{site}").get_data(as_text=True)
    assert "Too early" not in client.get(f"/{NAME}/{site}").get_data(as_text=True)


@pytest.mark.parametrize("text", ["", "   ", "x" * 501])
def test_an_empty_or_too_long_note_is_refused(client, auth, make_user, site, text):
    auth.login(make_user())
    assert client.post(f"/{NAME}/{site}", data={"text": text}).status_code == 422
    assert "Nothing posted here yet." in client.get(f"/{NAME}/{site}", headers={"Accept-Language": "en"}
                                                    ).get_data(as_text=True)


def test_the_pages_answer_404_while_the_module_is_off(client, runner, site):
    assert client.get(f"/{NAME}/{site}").status_code == 200
    assert runner.invoke(args=["modules", "disable", NAME]).exit_code == 0
    assert client.get(f"/{NAME}").status_code == 404
    assert client.get(f"/{NAME}/{site}").status_code == 404


def test_the_pages_speak_french(client, site):
    page = client.get(f"/{NAME}/{site}", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Connectez-vous pour publier une note." in page


def test_a_members_notes_are_in_their_export_and_leave_with_them(app, client, auth, make_user, site):
    member = make_user()
    auth.login(member)
    client.post(f"/{NAME}/{site}", data={"text": "Mine"})
    with app.test_request_context():
        user = db.session.get(User, member.id)
        parts = registry().pm.hook.user_data_export(user=user)
        ours = next(part[NAME] for part in parts if NAME in part)
        assert [note["text"] for note in ours] == ["Mine"]
        registry().pm.hook.user_data_erase(user=user)
        db.session.commit()
    assert "Mine" not in client.get(f"/{NAME}/{site}").get_data(as_text=True)
