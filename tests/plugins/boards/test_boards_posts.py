"""Posts: the four kinds and their forms, moderation, the mandatory end date (at most 90 days,
renewable), expiry out of every list, search, feed and API answer, JSON-LD and the Atom feed."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta

import pytest
from babel.dates import format_date
from sqlalchemy import select

from core.extensions import db
from plugins.boards.models import Post

EN = {"Accept-Language": "en"}

JOBPOSTING_REQUIRED = ("title", "description", "datePosted", "validThrough", "hiringOrganization", "jobLocation",
                       "employmentType", "occupationalCategory")
ATOM = "{http://www.w3.org/2005/Atom}"


def _today(app):
    from plugins.boards.posts import today

    with app.test_request_context():
        return today()


def _json_ld(html: str) -> list[dict]:
    out = []
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL):
        data = json.loads(block)
        out += data if isinstance(data, list) else [data]
    return out


def _form(kind, app, **fields):
    data = {"title": "Kinésithérapeute", "description": "Cabinet équipé.", "codes": "J1404",
            "communes": "Figeac, Decazeville", "ends_on": (_today(app) + timedelta(days=60)).isoformat(),
            "organisation": "Maison de santé du Bassin", "employment_type": "FULL_TIME", "headcount": "2",
            "reason": "Aucun candidat depuis deux ans.", "consent": "y"}
    data.update(fields)
    return data


@pytest.mark.parametrize("kind, field", [("job_offer", "source_url"), ("skill_wanted", "reason"),
                                         ("activity", "reason"), ("spouse_profile", "consent")])
def test_each_kind_has_its_own_form(client, auth, board, kind, field):
    auth.login(board.member)
    page = client.get(f"/boards/new/{kind}")
    assert page.status_code == 200
    assert f'name="{field}"' in page.get_data(as_text=True)
    assert client.get("/boards/new/nonsense").status_code == 404


def test_a_skill_wanted_shows_on_the_public_page_only_once_the_admin_published_it(app, client, auth, board):
    auth.login(board.employer)
    response = client.post("/boards/new/skill_wanted", data=_form("skill_wanted", app))
    assert response.status_code == 303
    with app.app_context():
        post = db.session.scalar(select(Post))
        assert (post.kind, post.status, [c.code for c in post.codes]) == ("skill_wanted", "pending", ["J1404"])
    auth.logout()
    assert "Kinésithérapeute" not in client.get("/boards/skills-wanted").get_data(as_text=True)
    assert client.get(f"/boards/posts/{post.id}").status_code == 404
    auth.login(board.member)
    assert client.get("/boards/admin").status_code == 403  # only the admin moderates
    assert client.post(f"/boards/admin/posts/{post.id}", data={"decision": "publish"}).status_code == 403
    auth.logout()
    auth.login(board.admin)
    fr = {"Accept-Language": "fr"}
    assert "Annonces\u00a0: 1 à vérifier" in client.get("/admin", headers=fr).get_data(as_text=True)  # the count
    assert "Kinésithérapeute" in client.get("/boards/admin").get_data(as_text=True)
    assert client.post(f"/boards/admin/posts/{post.id}", data={"decision": "publish"}).status_code == 303
    dashboard = client.get("/admin", headers=fr).get_data(as_text=True)
    assert "à vérifier" in dashboard and "1 à vérifier" not in dashboard  # nothing waits any more
    auth.logout()
    page = client.get("/boards/skills-wanted", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Compétences recherchées" in page and "Kinésithérapeute" in page and "Maison de santé du Bassin" in page


def test_a_label_typed_is_coded_on_the_rome_vocabulary(app, client, auth, board):
    auth.login(board.employer)
    assert client.post("/boards/new/job_offer", data=_form("job_offer", app, codes="kinésithérapeute")
                       ).status_code == 303
    with app.app_context():
        assert [c.code for c in db.session.scalar(select(Post)).codes] == ["J1404"]


@pytest.mark.parametrize("fields, message", [
    ({"ends_on": ""}, "This field is required"),
    ({"ends_on": "not a date"}, "Not a valid date"),
    ({"ends_on": "PAST"}, "cannot be in the past"),
    ({"ends_on": "91"}, "at most 90 days ahead"),
    ({"codes": "Z9999"}, "Unknown ROME code"),
    ({"communes": "Nullepartville"}, "Unknown commune"),
    ({"source_url": "javascript:alert(1)"}, "web address"),
    ({"title": ""}, "This field is required"),
])
def test_a_bad_post_is_refused_with_a_message_and_nothing_stored(app, client, auth, board, fields, message):
    today = _today(app)
    if fields.get("ends_on") == "PAST":
        fields["ends_on"] = (today - timedelta(days=1)).isoformat()
    elif fields.get("ends_on") == "91":
        fields["ends_on"] = (today + timedelta(days=92)).isoformat()  # 91 days even if midnight passes meanwhile
    auth.login(board.employer)
    response = client.post("/boards/new/job_offer", data=_form("job_offer", app, **fields), headers=EN)
    assert response.status_code in (400, 409, 422)
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Post.id)) is None


def test_every_error_of_a_post_shows_at_once_beside_its_field(app, client, auth, board):
    """The form's own checks (a title, a kind of contract) and the rules' (the ROME codes, the
    communes, the end date, the link) in one answer: the codes were told only once the rest of
    the form was right, one error per sending."""
    import lxml.html

    auth.login(board.employer)
    response = client.post("/boards/new/job_offer", headers=EN, data=_form(
        "job_offer", app, title="", employment_type="", codes="Z9999", communes="Nullepartville",
        ends_on=(_today(app) + timedelta(days=92)).isoformat(), source_url="javascript:alert(1)"))
    assert response.status_code == 422
    tree = lxml.html.fromstring(response.get_data(as_text=True))
    beside = {p.get("id").removesuffix("-error"): p.text_content() for p in tree.xpath('//p[@class="error"]')}
    assert "This field is required" in beside["title"]
    assert "Choose a kind of contract" in beside["employment_type"]
    assert "Unknown ROME code: Z9999" in beside["codes"]
    assert "Unknown commune: Nullepartville" in beside["communes"]
    assert "at most 90 days ahead" in beside["ends_on"]
    assert "web address" in beside["source_url"]
    summary = tree.xpath('//div[@class="error-summary"]//li')
    assert len(summary) == 6  # the summary links each of them
    for name in beside:
        assert tree.xpath(f'//*[@id="{name}"][@aria-invalid="true"]'), name
    with app.app_context():
        assert db.session.scalar(select(Post.id)) is None


@pytest.mark.parametrize("kind", ["job_offer", "skill_wanted"])
def test_the_kind_of_contract_starts_unchosen_and_must_be_chosen(app, client, auth, board, kind):
    import lxml.html

    auth.login(board.employer)
    page = lxml.html.fromstring(client.get(f"/boards/new/{kind}").get_data(as_text=True))
    [select_] = page.xpath('//select[@id="employment_type"]')
    options = select_.xpath("option")
    assert (options[0].get("value"), options[0].text_content()) == ("", "Choisir…")
    assert not [o for o in options if o.get("selected") is not None and o.get("value")]  # nothing preselected
    assert select_.get("required") is not None
    refused = client.post(f"/boards/new/{kind}", data=_form(kind, app, employment_type=""))
    assert refused.status_code == 422 and "Choisissez un type de contrat." in refused.get_data(as_text=True)
    assert client.post(f"/boards/new/{kind}", data=_form(kind, app, employment_type="PART_TIME")).status_code == 303
    with app.app_context():
        assert db.session.scalar(select(Post.employment_type)) == "PART_TIME"


def test_the_welcome_officers_spouse_form_shows_every_error_at_once(app, client, auth, board):
    auth.login(board.officer)
    response = client.post("/boards/welcome/new", headers=EN, data={
        "email": board.spouse.email, "title": "", "codes": "Z9999", "communes": "Nullepartville",
        "ends_on": _today(app).isoformat(), "consent": "y"})
    assert response.status_code == 422
    text = response.get_data(as_text=True)
    assert "This field is required" in text and "Unknown ROME code: Z9999" in text
    assert "Unknown commune: Nullepartville" in text


def test_ninety_days_ahead_is_accepted_and_a_post_is_renewed_within_ninety_days(app, client, auth, board, make_post,
                                                                               expire):
    today = _today(app)
    auth.login(board.employer)
    assert client.post("/boards/new/job_offer", data=_form("job_offer", app, ends_on=(
        today + timedelta(days=90)).isoformat())).status_code == 303
    post_id = make_post("job_offer", title="Offre à renouveler")
    expire(post_id)
    assert "Offre à renouveler" not in client.get("/boards").get_data(as_text=True)
    too_far = client.post(f"/boards/posts/{post_id}/renew", data={"ends_on": (today + timedelta(days=92)).isoformat()},
                          headers=EN)
    assert too_far.status_code == 422 and "at most 90 days" in too_far.get_data(as_text=True)
    renewed = client.post(f"/boards/posts/{post_id}/renew", data={"ends_on": (today + timedelta(days=90)).isoformat()},
                          headers=EN)
    assert renewed.status_code == 303
    # The day in the reader's words, as every other date ("Monday, March 1, 2027", not "01/03/2027").
    until = format_date(today + timedelta(days=90), "full", locale="en")
    assert f"The post is shown until {until}." in client.get(renewed.headers["Location"], headers=EN).get_data(
        as_text=True)
    assert "Offre à renouveler" in client.get("/boards").get_data(as_text=True)
    auth.logout()
    auth.login(board.member)  # somebody else's post cannot be renewed
    assert client.post(f"/boards/posts/{post_id}/renew", data={"ends_on": today.isoformat()}).status_code == 404


def test_an_expired_post_is_absent_from_every_list_search_feed_and_api_but_archived(app, client, auth, board,
                                                                                    make_post, expire, api_token):
    kept = make_post("skill_wanted", title="Compétence encore là")
    gone = {kind: make_post(kind, title=f"Expirée {kind}", codes="I1304", communes="Decazeville")
            for kind in ("job_offer", "skill_wanted", "activity", "spouse_profile")}
    for post_id in gone.values():
        expire(post_id)
    token = api_token(board.recruiter)
    readers = [(None, None), (board.member, None), (board.recruiter, token), (board.admin, api_token(board.admin))]
    for person, secret in readers:
        if person:
            auth.login(person)
        pages = ["/boards", "/boards?q=Expirée", "/boards?rome=I1304", "/boards?commune=Decazeville",
                 "/boards/skills-wanted", "/boards/feed.atom", *[f"/boards?kind={k}" for k in gone]]
        if person in (board.recruiter, board.admin):
            pages += ["/boards/spouses", "/boards/spouses?rome=I1304"]
        for path in pages:
            body = client.get(path).get_data(as_text=True)
            assert not [k for k in gone if f"Expirée {k}" in body], (person, path)
        headers = {"Authorization": f"Bearer {secret}"} if secret else {}
        for query in ("", "?kind=spouse_profile", "?rome=I1304", "?commune=12089", "?kind=activity"):
            answer = client.get(f"/api/v1/boards/posts{query}", headers=headers)
            assert answer.status_code == 200
            assert not [p for p in answer.get_json()["posts"] if p["title"].startswith("Expirée")], query
        titles = [p["title"] for p in client.get("/api/v1/boards/posts", headers=headers).get_json()["posts"]]
        assert titles == ["Compétence encore là"]
        if person is not board.admin:
            assert client.get(f"/boards/posts/{gone['job_offer']}").status_code == 404
        auth.logout()
    # Archived: its author and the admin still read it.
    auth.login(board.employer)
    assert "Expirée job_offer" in client.get("/boards/mine").get_data(as_text=True)
    page = client.get(f"/boards/posts/{gone['job_offer']}", headers=EN)
    assert page.status_code == 200 and "Archived" in page.get_data(as_text=True)
    assert not _json_ld(page.get_data(as_text=True))  # not offered to search engines any more
    auth.logout()
    auth.login(board.admin)
    archive = client.get("/boards/admin/archive").get_data(as_text=True)
    assert all(f"Expirée {kind}" in archive for kind in gone) and "Compétence encore là" not in archive
    assert kept


def test_the_json_ld_of_every_public_post_has_the_jobposting_required_fields(app, client, board, make_post):
    make_post("job_offer", codes="I1304", communes="Figeac", employment_type="FULL_TIME")
    make_post("skill_wanted", codes="J1404, 108383", communes="Decazeville, Aurillac", headcount=2)
    make_post("activity", codes="D1302", communes="Maurs", organisation="")
    make_post("spouse_profile", author=board.spouse, codes="J1404")
    public = client.get("/api/v1/boards/posts").get_json()["posts"]
    assert {p["kind"] for p in public} == {"job_offer", "skill_wanted", "activity"}
    listed = _json_ld(client.get("/boards").get_data(as_text=True))
    assert len(listed) == len(public)
    today = _today(app)
    for post in public:
        page = client.get(f"/boards/posts/{post['id']}").get_data(as_text=True)
        (data,) = _json_ld(page)
        assert data["@context"] == "https://schema.org" and data["@type"] == "JobPosting"
        missing = [f for f in JOBPOSTING_REQUIRED if not data.get(f)]
        assert not missing, (post["kind"], missing)
        assert data["title"] == post["title"]
        assert date.fromisoformat(data["datePosted"]) <= today
        valid = datetime.fromisoformat(data["validThrough"])
        assert valid.tzinfo is not None and valid.date().isoformat() == post["ends_on"]
        assert data["hiringOrganization"]["@type"] == "Organization" and data["hiringOrganization"]["name"]
        places = data["jobLocation"]
        assert places and all(p["@type"] == "Place" and p["address"]["addressCountry"] == "FR"
                              and p["address"]["addressLocality"] for p in places)
        assert {p["address"]["addressLocality"] for p in places} == {c["name"] for c in post["communes"]}
        assert data["employmentType"] in ("FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER",
                                          "PER_DIEM", "OTHER")
        assert re.fullmatch(r"[A-Z]\d{4}", data["occupationalCategory"])
        assert data["occupationalCategory"] in [c["code"] for c in post["codes"]]
        assert data in listed


def test_the_atom_feed_lists_live_public_posts(app, client, board, make_post):
    make_post("job_offer", title="Technicien de maintenance & <b>chauffagiste</b>",
              description='a < b & c <script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script>')
    make_post("spouse_profile", author=board.spouse, title="Profil très privé")
    make_post("activity", title="Pas encore vérifiée", publish=False)
    response = client.get("/boards/feed.atom")
    assert response.status_code == 200 and response.mimetype == "application/atom+xml"
    feed = ET.fromstring(response.get_data())
    assert feed.tag == f"{ATOM}feed" and feed.find(f"{ATOM}updated").text
    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    # Escaped, so the feed parses and the text stays text (a "&" broke it: not escaped before).
    assert len(titles) == 1 and "Technicien de maintenance & <b>chauffagiste</b>" in titles[0]
    entry = feed.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}summary").text.startswith("a < b & c <script") and not list(entry.find(f"{ATOM}summary"))
    assert entry.find(f"{ATOM}id").text.startswith("http") and entry.find(f"{ATOM}updated").text


def test_the_api_filters_by_kind_rome_and_commune(client, board, make_post):
    make_post("job_offer", title="Kiné Figeac", codes="J1404", communes="Figeac")
    make_post("skill_wanted", title="Maintenance Decazeville", codes="I1304", communes="Decazeville")
    titles = lambda query: sorted(p["title"] for p in client.get(f"/api/v1/boards/posts{query}").get_json()["posts"])
    assert titles("") == ["Kiné Figeac", "Maintenance Decazeville"]
    assert titles("?kind=skill_wanted") == ["Maintenance Decazeville"]
    assert titles("?rome=J14") == ["Kiné Figeac"]  # a domain finds its jobs
    assert titles("?commune=Decazeville") == ["Maintenance Decazeville"]
    assert titles("?commune=46102") == ["Kiné Figeac"]
    for query in ("?kind=everything", "?rome=%27%3B--", "?rome=J9999", "?commune=Nullepartville"):  # J9999: no such job
        answer = client.get(f"/api/v1/boards/posts{query}")
        assert answer.status_code == 400 and answer.get_json()["error"]["code"] == "bad_request"
    bad = client.get("/api/v1/boards/posts", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401
    spec = client.get("/api/v1/openapi.json").get_json()
    assert "/boards/posts" in spec["paths"]


def test_the_pages_answer_404_while_the_module_is_off_and_speak_french(client, runner, board, make_post):
    post_id = make_post("job_offer")
    page = client.get("/boards", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Emploi et compétences" in page and "Offre d'emploi" in page
    assert runner.invoke(args=["modules", "disable", "boards"]).exit_code == 0
    for path in ("/boards", "/boards/skills-wanted", f"/boards/posts/{post_id}", "/boards/feed.atom",
                 "/api/v1/boards/posts"):
        assert client.get(path).status_code == 404, path


@pytest.mark.parametrize("max_days, help_text, refusal", [
    (1, "Au plus 1 jour plus tard", "La date de fin est au plus à 1 jour\u00a0;"),
    (30, "Au plus 30 jours plus tard", "La date de fin est au plus à 30 jours\u00a0;")])
def test_the_end_dates_limit_is_the_territorys_with_its_plural(app, client, auth, board, max_days, help_text,
                                                                 refusal):
    """The form said "Au plus 90 jours" whatever `max_days`, and the refusal "au plus à 1 jours"."""
    configs = app.extensions["tierslieux"].configs
    configs["boards"] = configs["boards"].model_copy(update={"max_days": max_days})
    auth.login(board.employer)
    fr = {"Accept-Language": "fr"}
    page = client.get("/boards/new/job_offer", headers=fr).get_data(as_text=True).replace("&#39;", "'")
    assert help_text in page
    response = client.post("/boards/new/job_offer", headers=fr, data=_form(
        "job_offer", app, ends_on=(_today(app) + timedelta(days=max_days + 2)).isoformat()))
    assert response.status_code == 422
    assert refusal in response.get_data(as_text=True).replace("&#39;", "'")
