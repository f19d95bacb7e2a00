"""Spouse profiles are private: never shown to a visitor, a member or a recruiter the territory
did not approve, on any page or in the API; approved recruiters see them and write through the
directory's relay without seeing an address. Export and erasure."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from core.accounts.models import User
from core.extensions import db

EN = {"Accept-Language": "en"}

NAME, TITLE, EMAIL = "Élodie Marchal", "Kinésithérapeute diplômée", "elodie@spouse.example"


@pytest.fixture
def spouse_world(board, make_post):
    offer = make_post("job_offer", title="Kiné au cabinet", codes="J1404", communes="Figeac")
    skill = make_post("skill_wanted", title="Kiné recherché", codes="J14", communes="Decazeville")
    profile = make_post("spouse_profile", author=board.spouse, title=TITLE, codes="J1404",
                        communes="Capdenac-Gare", description="Dix ans en cabinet à Nantes.")
    return offer, skill, profile


def _pages(offer, skill, profile):
    return ["/", "/boards", "/boards?kind=spouse_profile", "/boards?rome=J1404", "/boards?q=Kinésithérapeute",
            "/boards?commune=Capdenac-Gare", "/boards/skills-wanted", "/boards/feed.atom", f"/boards/posts/{offer}",
            f"/boards/posts/{skill}", f"/boards/posts/{profile}", "/boards/spouses", "/boards/spouses?rome=J1404",
            "/boards/welcome", f"/boards/welcome/{profile}", "/boards/admin", "/boards/admin/archive", "/boards/mine",
            "/boards/alerts", "/directory", "/directory?q=Marchal"]


@pytest.mark.parametrize("who", ["visitor", "member", "employer"])
def test_a_spouse_profile_never_appears_to_a_visitor_a_member_or_an_unapproved_recruiter(
        app, client, auth, board, spouse_world, api_token, who):
    person = {"visitor": None, "member": board.member, "employer": board.employer}[who]
    if person:
        auth.login(person)
    offer, skill, profile = spouse_world
    for path in _pages(offer, skill, profile):
        response = client.get(path)
        body = response.get_data(as_text=True)
        assert response.status_code < 500, path
        assert NAME not in body and TITLE not in body and "Dix ans en cabinet" not in body, (who, path)
    assert client.get(f"/boards/posts/{profile}").status_code == 404
    assert client.post(f"/boards/posts/{profile}/write", data={"body": "Bonjour"}).status_code in (302, 404)
    headers = {"Authorization": f"Bearer {api_token(person)}"} if person else {}
    for query in ("", "?kind=spouse_profile", "?rome=J1404", "?commune=Capdenac-Gare"):
        answer = client.get(f"/api/v1/boards/posts{query}", headers=headers)
        assert answer.status_code == 200
        text = json.dumps(answer.get_json(), ensure_ascii=False)
        assert NAME not in text and TITLE not in text and "spouse_profile\"" not in text.replace('"kind": "', '"'), query
        assert all(p["kind"] != "spouse_profile" for p in answer.get_json()["posts"])


def test_an_approved_recruiter_sees_the_matching_spouse_and_writes_through_the_relay(
        app, client, auth, board, spouse_world, api_token, mailbox):
    offer, skill, profile = spouse_world
    auth.login(board.recruiter)
    page = client.get(f"/boards/posts/{skill}", headers=EN).get_data(as_text=True)
    assert "Matching spouse profiles" in page and NAME in page  # Capdenac-Gare is near Decazeville
    assert NAME in client.get("/boards/spouses").get_data(as_text=True)
    spouse_page = client.get(f"/boards/posts/{profile}", headers=EN).get_data(as_text=True)
    assert TITLE in spouse_page and EMAIL not in spouse_page
    sent = client.post(f"/boards/posts/{profile}/write", data={"body": "Un poste vous attend à Figeac."},
                       headers=EN)
    assert sent.status_code == 303
    after = client.get(sent.headers["Location"], headers=EN).get_data(as_text=True)
    assert "Your message is sent" in after and EMAIL not in after
    mail = [m for m in mailbox.wait_for(1) if m["To"] == EMAIL][0]
    assert mail["Reply-To"] == "recruiter@example.org" and "Un poste vous attend" in mail.get_content()
    assert "Kinésithérapeute diplômée" in mail.get_content()  # the relay's "about" line
    api = client.get("/api/v1/boards/posts?kind=spouse_profile",
                     headers={"Authorization": f"Bearer {api_token(board.recruiter)}"}).get_json()
    assert [p["title"] for p in api["posts"]] == [TITLE]
    # The role withdrawn, the profile is gone for them.
    auth.logout()
    auth.login(board.admin)
    assert client.post(f"/boards/admin/grants/{board.recruiter.id}/recruiter/revoke").status_code == 303
    auth.logout()
    auth.login(board.recruiter)
    assert client.get(f"/boards/posts/{profile}").status_code == 404
    assert NAME not in client.get(f"/boards/posts/{skill}").get_data(as_text=True)
    assert client.get("/boards/spouses").status_code == 403


def test_the_relay_limits_members_as_the_directory_does_and_approved_people_to_their_own_limit(
        app, client, auth, board, spouse_world, mailbox):
    """A member writing to a post's author keeps the directory's limit; an approved recruiter
    writing to spouses may send the boards' `approved_contact_limit` (their directory messages
    counted with them), then is refused in the same words."""
    from core.plugins import plugin_config

    offer, _skill, profile = spouse_world
    with app.app_context():
        member_limit = plugin_config("directory").contact_limit
        approved_limit = plugin_config("boards").approved_contact_limit
    assert approved_limit > member_limit
    auth.login(board.member)
    for index in range(member_limit):
        assert client.post(f"/boards/posts/{offer}/write", data={"body": f"Question {index}"}).status_code == 303
    refused = client.post(f"/boards/posts/{offer}/write", data={"body": "Une de trop"}, headers=EN)
    assert refused.status_code == 429 and f"You have sent {member_limit} messages" in refused.get_data(as_text=True)
    auth.logout()

    auth.login(board.recruiter)
    for index in range(approved_limit):
        assert client.post(f"/boards/posts/{profile}/write", data={"body": f"Message {index}"}).status_code == 303
    refused = client.post(f"/boards/posts/{profile}/write", data={"body": "Un de trop"}, headers=EN)
    assert refused.status_code == 429 and f"You have sent {approved_limit} messages" in refused.get_data(as_text=True)
    assert len(mailbox.wait_for(member_limit + approved_limit)) == member_limit + approved_limit


def test_a_spouse_profile_is_exported_and_erased_leaving_the_placement_as_a_number(app, client, auth, board,
                                                                                   spouse_world):
    from core.accounts.service import erase_account
    from core.plugins import hooks
    from plugins.boards.models import Placement, Post
    from plugins.boards.welcome import placed_by_departement

    _offer, _skill, profile = spouse_world
    auth.login(board.officer)
    day = client.get("/boards/welcome").status_code
    assert day == 200
    from plugins.boards.posts import today

    with app.test_request_context():
        year = today().year
        on = today().isoformat()
    assert client.post(f"/boards/welcome/{profile}", data={"kind": "outcome", "happened_on": on,
                                                           "outcome": "placed", "note": ""}).status_code == 303
    auth.logout()
    with app.test_request_context():
        spouse = db.session.get(User, board.spouse.id)
        data = {k: v for part in hooks().user_data_export(user=spouse) for k, v in (part or {}).items()}["boards"]
        assert data["posts"][0]["title"] == TITLE and data["posts"][0]["steps"][0]["outcome"] == "placed"
        assert placed_by_departement(year) == {"12": 1}  # Capdenac-Gare is in Aveyron
        erase_account(spouse, board.spouse.password)
        db.session.commit()
    with app.test_request_context():
        assert db.session.get(Post, profile) is None
        assert placed_by_departement(year) == {"12": 1}  # Capdenac-Gare is in Aveyron
        assert db.session.scalar(select(func.count(Placement.id)).where(Placement.post_id.is_(None))) == 1
