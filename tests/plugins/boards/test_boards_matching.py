"""Matching on ROME codes and distance (crow flies times the detour factor), members' alerts and
the weekly digest job, the welcome officer's follow-up, and the boards without the directory."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from core.accounts.models import User
from core.extensions import db
from core.jobs import Job, run_pending
from plugins.boards.models import Alert, Post

EN = {"Accept-Language": "en"}


def test_matching_uses_rome_codes_and_the_detour_factor(app, board, make_post):
    from core import geo
    from plugins.boards import matching, posts

    offer = make_post("job_offer", codes="J14", communes="Figeac")  # a domain covers its jobs
    near = make_post("spouse_profile", author=board.spouse, codes="J1404", communes="Capdenac-Gare")
    with app.test_request_context():
        recruiter = db.session.get(User, board.recruiter.id)
        post = posts.get(offer)
        found = matching.spouses_for(post, recruiter)
        assert [p.id for p, _km in found] == [near]
        figeac, capdenac = geo.resolve("Figeac", ("46",))[0], geo.resolve("Capdenac-Gare", ("12",))[0]
        crow = geo.distance_km(figeac.latitude, figeac.longitude, capdenac.latitude, capdenac.longitude)
        assert abs(found[0][1] - crow * 1.3) < 0.01
        # Far away (Aurillac is about 60 km from Figeac as the crow flies) or another job: no match.
        assert matching.nearest_km([figeac], geo.resolve("Aurillac", ("15",))) > 30
        assert matching.spouses_for(post, db.session.get(User, board.member.id)) == []
        assert matching.spouses_for(post, db.session.get(User, board.employer.id)) == []


def test_a_spouse_too_far_or_with_another_job_does_not_match(app, board, make_post, make_user):
    from plugins.boards import matching, posts

    offer = make_post("skill_wanted", codes="I1304", communes="Figeac")
    make_post("spouse_profile", author=board.spouse, codes="I1304", communes="Aurillac")
    other = make_user(name="Autre conjoint")
    make_post("spouse_profile", author=other, codes="J1404", communes="Figeac")
    with app.test_request_context():
        assert matching.spouses_for(posts.get(offer), db.session.get(User, board.admin.id)) == []


def test_an_opted_in_member_is_proposed_to_the_author_and_gets_the_weekly_digest(app, client, auth, board,
                                                                                  make_post, mailbox):
    auth.login(board.member)
    saved = client.post("/boards/alerts", data={"codes": "J1404", "commune": "Decazeville", "radius_km": "40",
                                                "digest": "y", "matchable": "y"})
    assert saved.status_code == 303
    auth.logout()
    with app.app_context():
        job = db.session.scalar(select(Job).where(Job.name == "boards.weekly_digest"))
        assert job is not None and job.status == "pending"
    offer = make_post("skill_wanted", title="Kiné recherché", codes="J14", communes="Figeac")
    make_post("job_offer", title="Sans rapport", codes="M1805", communes="Figeac")
    auth.login(board.employer)  # the author sees who matches
    page = client.get(f"/boards/posts/{offer}", headers=EN).get_data(as_text=True)
    assert "Simple membre" in page and "member@example.org" not in page
    assert client.post(f"/boards/posts/{offer}/members/{board.member.id}/write",
                       data={"body": "Venez nous voir"}).status_code == 303
    assert client.post(f"/boards/posts/{offer}/members/{board.spouse.id}/write",
                       data={"body": "Pas proposé"}).status_code == 404
    auth.logout()
    with app.app_context():
        job = db.session.scalar(select(Job).where(Job.name == "boards.weekly_digest"))
        job.run_at = job.run_at - timedelta(days=8)
        for post in db.session.scalars(select(Post)):  # published earlier in the week
            post.published_at -= timedelta(hours=1)
        for alert in db.session.scalars(select(Alert)):  # saved the week before
            alert.last_sent_at = alert.last_sent_at and alert.last_sent_at - timedelta(days=7)
        db.session.commit()
        run_pending()
    # The digest itself (the author's relayed message names the post too, and once passed for it).
    digests = [m for m in mailbox.wait_for(2) if m["To"] == "member@example.org" and "pour vous" in m["Subject"]]
    assert len(digests) == 1 and "Kiné recherché" in digests[0].get_body(("plain",)).get_content()
    assert "Sans rapport" not in digests[0].get_body(("plain",)).get_content()
    with app.app_context():  # the next week's job is waiting
        assert db.session.scalar(select(Job).where(Job.name == "boards.weekly_digest", Job.status == "pending"))


def test_the_welcome_officer_follows_steps_and_counts_people_placed_per_departement(app, client, auth, board,
                                                                                    make_post):
    auth.login(board.officer)
    created = client.post("/boards/welcome/new", data={
        "email": "elodie@spouse.example", "title": "Kinésithérapeute", "codes": "J1404", "communes": "Aurillac",
        "ends_on": "", "consent": "y"}, headers=EN)
    assert created.status_code == 422
    from plugins.boards.posts import today

    with app.test_request_context():
        day = today()
    created = client.post("/boards/welcome/new", data={
        "email": "elodie@spouse.example", "title": "Kinésithérapeute", "codes": "J1404", "communes": "Aurillac",
        "ends_on": (day + timedelta(days=30)).isoformat(), "consent": "y"})
    assert created.status_code == 303
    profile = int(created.headers["Location"].rsplit("/", 1)[1])
    for kind in ("first_meeting", "cv_reviewed", "introductions"):
        assert client.post(f"/boards/welcome/{profile}", data={"kind": kind, "happened_on": day.isoformat(),
                                                               "outcome": ""}).status_code == 303
    future = client.post(f"/boards/welcome/{profile}", data={"kind": "first_meeting", "outcome": "",
                                                             "happened_on": (day + timedelta(days=2)).isoformat()})
    assert future.status_code == 422
    assert client.post(f"/boards/welcome/{profile}", data={"kind": "outcome", "happened_on": day.isoformat(),
                                                           "outcome": "placed"}).status_code == 303
    page = client.get(f"/boards/welcome?year={day.year}", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Cantal" in page and "Élodie Marchal" in page
    auth.logout()
    for person in (board.member, board.recruiter):
        auth.login(person)
        assert client.get("/boards/welcome").status_code == 403
        assert client.get(f"/boards/welcome/{profile}").status_code == 403
        auth.logout()


def test_without_the_directory_codes_are_kept_and_contact_is_said_unavailable(app, client, auth, runner, board,
                                                                              make_post):
    assert runner.invoke(args=["modules", "disable", "directory"]).exit_code == 0
    auth.login(board.employer)
    form = client.get("/boards/new/job_offer", headers=EN).get_data(as_text=True)
    assert "The ROME vocabulary is not available" in form
    refused = client.post("/boards/new/job_offer", headers=EN, data={
        "title": "Kiné", "codes": "kinésithérapeute", "communes": "Figeac", "organisation": "Cabinet",
        "employment_type": "FULL_TIME", "ends_on": "2999-01-01"})
    assert refused.status_code == 422
    post_id = make_post("job_offer", title="Offre sans annuaire", codes="J1404")
    auth.logout()
    auth.login(board.member)
    page = client.get(f"/boards/posts/{post_id}", headers=EN).get_data(as_text=True)
    assert "Offre sans annuaire" in page and "J1404" in page and "needs the directory module" in page
    assert client.post(f"/boards/posts/{post_id}/write", data={"body": "Bonjour"}).status_code == 404


def test_an_offer_lists_the_directory_members_with_its_skills_as_the_directory_shows_them(
        app, client, auth, board, make_post, make_profile):
    offer = make_post("skill_wanted", title="Développeur Python recherché", codes="M18", communes="Figeac")
    make_profile("Julien Bouscary", job="M1805", title="Développeur web", commune="Capdenac-Gare")
    make_profile("Ne Veut Pas", job="M1805", title="Développeur caché", commune="Figeac", listed=False)
    make_profile("Job Caché", job="M1805", title="Développeur discret", commune="Figeac", shown=("skills",))
    make_profile("Trop Loin", job="M1805", title="Développeur cantalien", commune="Aurillac")
    make_profile("Autre Métier", job="M1203", title="Comptable", commune="Figeac")
    auth.login(board.member)
    page = client.get(f"/boards/posts/{offer}", headers=EN).get_data(as_text=True)
    assert "Members of the directory with these skills" in page and "Julien Bouscary" in page
    for hidden in ("Ne Veut Pas", "Job Caché", "Trop Loin", "Autre Métier"):
        assert hidden not in page  # not listed, job not shown, too far, another job
    auth.logout()  # the directory is for members: a visitor sees the offer, not the members
    page = client.get(f"/boards/posts/{offer}", headers=EN).get_data(as_text=True)
    assert "Développeur Python recherché" in page and "Julien Bouscary" not in page


def test_a_post_published_as_the_digest_runs_goes_in_the_next_one(app, board, make_post, mailbox):
    """A post's publication time is written before its moderation commits: one committing while
    the digest ran was in no digest ever. A digest covers posts published up to five minutes
    before it; one published in those minutes goes in the next week's, once."""
    from core.db import utcnow
    from plugins.boards import alerts

    with app.test_request_context(method="POST"):
        alerts.save(db.session.get(User, board.member.id), codes="J1404", commune="Decazeville", radius_km=40,
                    digest=True, matchable=False)
        db.session.commit()
    offer = make_post("skill_wanted", title="Kiné recherché", codes="J14", communes="Figeac")
    monday = utcnow()
    with app.test_request_context():
        db.session.get(Post, offer).published_at = monday - timedelta(minutes=2)  # still being moderated
        db.session.get(Alert, board.member.id).last_sent_at = monday - timedelta(days=7)  # saved last week
        db.session.commit()
        # The second week's run twice (a replayed job): still one digest.
        for week, mailed in ((0, 0), (7, 1), (7, 1), (14, 1)):
            assert alerts.send_digests(now=monday + timedelta(days=week)) == 1  # one subscriber's job
            db.session.commit()  # the tests' jobs run as the transaction commits, and its mail
            digests = [m for m in mailbox.wait_for(mailed, timeout=1) if m["To"] == "member@example.org"]
            assert len(digests) == mailed, week
    assert "pour vous" in digests[0]["Subject"]
    assert "Kiné recherché" in digests[0].get_body(("plain",)).get_content()
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Job).where(Job.name == "boards.digest")) == 3


@pytest.mark.parametrize("state", ["unchecked", "rejected", "expired"])
def test_the_author_of_a_post_that_is_not_live_cannot_write_to_the_members_it_matches(app, client, auth, board,
                                                                                      make_post, expire, state):
    """The post page listed matching members only for a live post, but its form's route asked
    only whether the author could see the post (always): an offer the moderator rejected, or
    never checked, still reached by e-mail every member it matched."""
    from plugins.boards import posts
    from plugins.directory.models import Message

    auth.login(board.member)
    assert client.post("/boards/alerts", data={"codes": "J1404", "commune": "Decazeville", "radius_km": "40",
                                               "matchable": "y"}).status_code == 303
    auth.logout()
    offer = make_post("skill_wanted", title="Offre douteuse", codes="J14", communes="Figeac",
                      publish=state == "expired")
    if state == "rejected":
        with app.test_request_context():
            posts.moderate(db.session.get(User, board.admin.id), offer, "reject", "Annonce trompeuse")
            db.session.commit()
    elif state == "expired":
        expire(offer)
    auth.login(board.employer)
    answer = client.post(f"/boards/posts/{offer}/members/{board.member.id}/write", data={"body": "Vos coordonnées ?"})
    assert answer.status_code == 404
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Message)) == 0


def test_an_english_subscribers_digest_names_each_kind_of_post_in_english(app, board, make_post, mailbox):
    """Each post's kind was turned into text before the mail's language was chosen: an English
    reader got "Compétence recherchée: ..." in an English e-mail."""
    from core.db import utcnow
    from plugins.boards import alerts

    with app.test_request_context(method="POST"):
        member = db.session.get(User, board.member.id)
        member.locale = "en"
        alerts.save(member, codes="J1404", commune="Decazeville", radius_km=40, digest=True, matchable=False)
        db.session.commit()
    offer = make_post("skill_wanted", title="Kiné recherché", codes="J14", communes="Figeac")
    now = utcnow()
    with app.app_context():  # a job runs outside any request, as the worker does
        db.session.get(Post, offer).published_at = now - timedelta(hours=1)
        db.session.get(Alert, board.member.id).last_sent_at = now - timedelta(days=7)
        db.session.commit()
        assert alerts.send_digests(now=now) == 1
        db.session.commit()
    digest = [m for m in mailbox.wait_for(1) if m["To"] == "member@example.org"][0]
    assert "new post for you" in digest["Subject"]
    assert "Skill wanted: Kiné recherché" in digest.get_body(("plain",)).get_content()


def test_directory_members_within_reach_by_road_are_listed_like_spouses_at_the_same_place(app, board, make_post,
                                                                                           make_profile):
    """Carayac is 23.05 km from Villefranche-de-Rouergue as the crow flies: 29.97 km by road
    (x1.3), within reach (30). A spouse there matched; a directory member there was not listed:
    30 / 1.3 = 23.08 km was rounded down to 23."""
    from plugins.boards import matching, posts

    offer = make_post("skill_wanted", title="Développeur Python", codes="M1805", communes="12300")
    make_post("spouse_profile", author=board.spouse, codes="M1805", communes="46056", title="Développeuse")
    make_profile("Julien Bouscary", job="M1805", title="Développeur web", commune="46056")
    make_profile("Proche Témoin", job="M1805", title="Développeur", commune="12300")  # the control
    with app.test_request_context():
        post = posts.get(offer)
        recruiter = db.session.get(User, board.recruiter.id)
        spouses = matching.spouses_for(post, recruiter)
        assert [s.title for s, _km in spouses] == ["Développeuse"]  # within 30 km by road
        assert spouses[0][1] <= 30
        listed = matching.directory_profiles_for(post, recruiter)
        assert [c["name"] for c in listed] == ["Proche Témoin", "Julien Bouscary"]
