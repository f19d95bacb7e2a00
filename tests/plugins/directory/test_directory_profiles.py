"""Profiles: opt-in (off by default), each consent stored with its date and wording, withdrawal
hides at once, fields shown one by one, organisations with the members who chose to appear."""
from __future__ import annotations

from sqlalchemy import select

from core.accounts.models import Consent
from core.extensions import db

EN = {"Accept-Language": "en"}


def _page(client, path):
    return client.get(path, headers=EN).get_data(as_text=True)


def test_a_new_member_is_not_listed_and_the_consent_boxes_start_unticked(client, auth, make_user, make_profile):
    viewer = make_user(name="Viewer")
    make_user(name="Quiet Person")
    auth.login(viewer)
    assert "Quiet Person" not in _page(client, "/directory")
    page = _page(client, "/directory/me")
    assert 'id="listed" name="listed" type="checkbox" value="y">' in page
    assert "checked" not in page.split('id="listed"')[1].split(">")[0]


def test_listing_stores_the_consent_with_its_wording_and_withdrawing_hides_at_once(app, client, auth, make_user):
    member, viewer = make_user(name="Claire Vidal"), make_user(name="Viewer")
    auth.login(member)
    response = client.post("/directory/me", data={"listed": "y", "contactable": "y", "shown": ["job", "bio"],
                                                  "job_title": "Comptable", "bio": "Bilans", "organisation_id": "0"},
                           headers=EN)
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    with app.app_context():
        consents = db.session.scalars(select(Consent).where(Consent.user_id == member.id)).all()
        assert {c.purpose for c in consents} == {"directory_listed", "directory_contactable"}
        assert all(c.given_at and c.wording and c.withdrawn_at is None for c in consents)
        assert any("appear in the members' directory" in c.wording for c in consents)
    auth.logout()
    auth.login(viewer)
    assert "Claire Vidal" in _page(client, "/directory?q=bilans")
    auth.logout()
    auth.login(member)
    assert client.post("/directory/me/withdraw").status_code == 303
    auth.logout()
    auth.login(viewer)
    assert "Claire Vidal" not in _page(client, "/directory")
    assert "Claire Vidal" not in _page(client, "/directory?q=claire")
    with app.app_context():
        withdrawn = db.session.scalars(select(Consent).where(Consent.user_id == member.id)).all()
        assert all(c.withdrawn_at is not None for c in withdrawn)


def test_only_the_fields_ticked_show_and_only_they_can_be_searched(client, auth, make_user, make_profile):
    make_profile("Claire Vidal", shown=["job"], title="Comptable", bio="Passionnée de randonnée",
                 commune="Figeac", job="M1203", skills=["121739"])
    auth.login(make_user(name="Viewer"))
    page = _page(client, "/directory")
    assert "Claire Vidal" in page and "Comptable" in page
    assert "randonnée" not in page and "Réaliser un bilan comptable" not in page
    assert "Claire Vidal" not in _page(client, "/directory?q=randonnee")  # the hidden bio is not searched
    assert "Claire Vidal" not in _page(client, "/directory?skill=121739")
    assert "Claire Vidal" not in _page(client, "/directory?commune=Figeac")
    assert "Claire Vidal" in _page(client, "/directory?job=M1203")


def test_an_email_address_in_a_text_is_refused(client, auth, make_user):
    auth.login(make_user())
    response = client.post("/directory/me", data={"listed": "y", "bio": "Écrivez-moi : moi@exemple.fr",
                                                  "organisation_id": "0"}, headers=EN)
    assert response.status_code == 422
    assert "no e-mail address here" in response.get_data(as_text=True)


def test_a_member_finds_a_skill_by_typing_and_chooses_among_suggestions(app, client, auth, make_user):
    member = make_user()
    auth.login(member)
    page = client.post("/directory/me/skills", data={"skill-text": "bilan compta"}, headers=EN).get_data(as_text=True)
    assert "Réaliser un bilan comptable" in page
    assert client.post("/directory/me/skills", data={"skill-code": "121739"}).status_code == 303
    assert client.post("/directory/me/skills", data={"skill-text": "Occitan", "skill-free": "y"}).status_code == 303
    assert client.post("/directory/me/job", data={"job-text": "Comptable"}).status_code == 303  # exact label
    page = _page(client, "/directory/me")
    assert "Réaliser un bilan comptable" in page and "Occitan" in page and "M1203" in page


def test_organisations_list_the_members_who_chose_to_appear(app, client, auth, make_user, make_profile):
    admin = make_user("territory-admin")
    auth.login(admin)
    response = client.post("/directory/organisations/new", data={"name": "Chrysalis Numérique", "kind": "company",
                                                                "site_id": "0"})
    assert response.status_code == 303
    org_id = int(response.headers["Location"].rsplit("/", 1)[1])
    auth.logout()
    make_profile("Julien Bouscary", organisation_id=org_id)
    make_profile("Hidden Colleague", organisation_id=org_id, shown=["job"])
    make_profile("Unlisted Colleague", organisation_id=org_id, listed=False)
    auth.login(make_user(name="Viewer"))
    page = _page(client, f"/directory/organisations/{org_id}")
    assert "Julien Bouscary" in page
    assert "Hidden Colleague" not in page and "Unlisted Colleague" not in page
    assert client.get("/directory/organisations/new").status_code == 404  # members do not edit them


def test_a_site_manager_edits_only_the_organisations_hosted_at_their_sites(app, client, auth, make_site,
                                                                          make_user):
    """A manager of Figeac opened and rewrote the page of an organisation hosted at Aurillac (its
    name, its link: anyone's to point elsewhere), and added organisations at any site (found by
    the access review)."""
    from plugins.directory.models import Organisation

    make_site("figeac")
    make_site("aurillac")
    auth.login(make_user("territory-admin"))
    theirs = client.post("/directory/organisations/new", data={"name": "Cantal Compta", "kind": "company",
                                                              "site_id": _site_id(app, "aurillac")})
    nowhere = client.post("/directory/organisations/new", data={"name": "Sans Lieu", "kind": "company",
                                                               "site_id": "0"})
    auth.logout()
    theirs_id, nowhere_id = (int(r.headers["Location"].rsplit("/", 1)[1]) for r in (theirs, nowhere))
    auth.login(make_user("site-manager", sites=["figeac"]))
    for org_id in (theirs_id, nowhere_id):
        assert client.get(f"/directory/organisations/{org_id}/edit").status_code == 404
        assert client.post(f"/directory/organisations/{org_id}/edit",
                           data={"name": "Piégé", "kind": "company", "website": "https://evil.example/",
                                 "site_id": _site_id(app, "figeac")}).status_code == 404
        assert "/edit" not in _page(client, f"/directory/organisations/{org_id}")
    refused = client.post("/directory/organisations/new", data={"name": "Ailleurs", "kind": "company",
                                                               "site_id": _site_id(app, "aurillac")})
    assert refused.status_code == 422
    mine = client.post("/directory/organisations/new", data={"name": "Figeac Fab", "kind": "company",
                                                            "site_id": _site_id(app, "figeac")})
    assert mine.status_code == 303
    mine_id = int(mine.headers["Location"].rsplit("/", 1)[1])
    assert client.post(f"/directory/organisations/{mine_id}/edit", data={
        "name": "Figeac Fab Lab", "kind": "association", "site_id": _site_id(app, "figeac")}).status_code == 303
    with app.app_context():
        names = {o.id: o.name for o in db.session.scalars(select(Organisation))}
    assert names == {theirs_id: "Cantal Compta", nowhere_id: "Sans Lieu", mine_id: "Figeac Fab Lab"}


def _site_id(app, slug) -> str:
    from core.sites.service import site_by_slug

    with app.app_context():
        return str(site_by_slug(slug).id)


def test_visitors_see_nothing_unless_the_directory_is_public(app_factory, make_profile):
    make_profile("Public Person", public=True)
    make_profile("Members Only")
    app = app_factory()
    client = app.test_client()
    response = client.get("/directory")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    configs = app.extensions["tierslieux"].configs
    configs["directory"] = configs["directory"].model_copy(update={"public": True})
    page = client.get("/directory", headers=EN)
    text = page.get_data(as_text=True)
    assert "Public Person" in text and "Members Only" not in text
    assert page.headers.get("X-Robots-Tag") is None and 'content="noindex"' not in text


def test_pages_carry_noindex_unless_public(client, auth, make_user):
    auth.login(make_user())
    response = client.get("/directory")
    assert response.headers["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.get_data(as_text=True)


def test_the_pages_speak_french(client, auth, make_user):
    auth.login(make_user())
    page = client.get("/directory", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Annuaire des membres" in page


def test_the_pages_answer_404_while_the_module_is_off(client, runner, auth, make_user):
    auth.login(make_user())
    assert client.get("/directory").status_code == 200
    assert runner.invoke(args=["modules", "disable", "directory"]).exit_code == 0
    assert client.get("/directory").status_code == 404
    assert client.get("/directory/me").status_code == 404


def test_control_characters_are_refused_by_the_rule_itself(app, make_user):
    """The forms refuse control characters; the rule refuses them too, for callers without a
    form. A NUL byte in a bio was a 500 on PostgreSQL (found by the never-leaks property test)."""
    import pytest

    from core.accounts.models import User
    from plugins.directory import profiles
    from plugins.directory.errors import DirectoryError

    person = make_user()
    with app.test_request_context(method="POST", headers=EN):
        user = db.session.get(User, person.id)
        for fields in ({"bio": "v\x00X"}, {"bio": "droite \u202e gauche"}, {"job_title": "Comptable\nsenior"}):
            with pytest.raises(DirectoryError, match="control characters"):
                profiles.save(user, **fields)
            db.session.rollback()
        assert profiles.save(user, bio="Deux lignes\nsans souci", job_title="Comptable").bio == "Deux lignes\nsans souci"
