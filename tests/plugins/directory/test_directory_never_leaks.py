"""Property: whatever the profiles and their settings, a member who is not listed never appears
in any directory page, search or API answer, and no e-mail address appears in any directory
page or JSON (not the members' own, not one typed into a text)."""
from __future__ import annotations

import itertools
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.accounts.models import User
from core.extensions import db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
WORDS = ["Comptable", "compta", "développeur", "Figeac", "traduction", "bilan", "x@y.fr", "écrire à moi@ici.fr",
         "https://exemple.fr", "mailto:a@b.fr", "cœur", ""]
COUNTER = itertools.count(1)
FIELDS = ("organisation", "job", "bio", "skills", "commune", "sites", "available", "links")

profile_spec = st.fixed_dictionaries({
    "listed": st.booleans(), "contactable": st.booleans(), "public": st.booleans(), "presence": st.booleans(),
    "shown": st.lists(st.sampled_from(FIELDS), unique=True),
    "title": st.sampled_from(WORDS), "bio": st.sampled_from(WORDS) | st.text(max_size=30),
    "job": st.sampled_from([None, "M1203", "M1805", "E1108"]),
    "skills": st.lists(st.sampled_from(["121739", "113317", "300319"]), unique=True, max_size=2),
    "free": st.lists(st.sampled_from(WORDS[:6]), unique=True, max_size=2),
    "available": st.booleans(), "commune": st.sampled_from([None, "Figeac", "Aurillac"]),
    "links": st.lists(st.sampled_from(["https://exemple.fr", "https://a.fr/?x=moi@ici.fr", "mailto:a@b.fr"]),
                      max_size=2),
})
QUERIES = ["", "q=compta", "q=comptable", "q=figeac", "skill=300319", "job=M1203", "job=M", "commune=Figeac",
           "available=1", "site=figeac", "q=moi", "q=%40"]


def _apply(app, person_id, spec, site_id):
    from core import geo
    from plugins.directory import profiles
    from plugins.directory.errors import DirectoryError

    with app.test_request_context():
        user = db.session.get(User, person_id)
        if spec["commune"]:
            home = geo.resolve(spec["commune"], ("46", "15"))[0]
            user.home_commune, user.home_commune_code = home.name, home.code
            user.home_latitude, user.home_longitude = home.latitude, home.longitude
        profiles.set_consents(user, listed=spec["listed"], contactable=spec["contactable"], public=spec["public"],
                              show_presence=spec["presence"])
        for fields in ({"title": spec["title"], "bio": spec["bio"], "links": spec["links"]}, {}):
            try:
                profiles.save(user, shown=spec["shown"], job_code=spec["job"], job_title=fields.get("title", ""),
                              bio=fields.get("bio", ""), available=spec["available"], links=fields.get("links", ()),
                              site_ids=[site_id])
                break
            except DirectoryError:  # an e-mail address typed in a text is refused: save without the texts
                db.session.rollback()
                user = db.session.get(User, person_id)
        for code in spec["skills"]:
            profiles.add_skill(user, code=code)
        for label in spec["free"]:
            try:
                profiles.add_skill(user, label=label)
            except DirectoryError:
                pass
        db.session.commit()


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(specs=st.lists(profile_spec, min_size=1, max_size=4), public_directory=st.booleans())
def test_an_unlisted_member_never_appears_and_no_address_ever_shows(app, make_site, make_user, auth, specs,
                                                                    public_directory):
    from core.api.tokens import create_token
    from core.sites.service import site_by_slug
    from plugins.directory.models import Profile

    if site_by_slug_in(app, "figeac") is None:
        make_site("figeac", commune="Figeac")
    configs = app.extensions["tierslieux"].configs
    configs["directory"] = configs["directory"].model_copy(update={"public": public_directory})
    with app.app_context():
        site_id = site_by_slug("figeac").id
    people, names_made = [], []
    for spec in specs:
        names_made.append(f"Personne{next(COUNTER)}x")
        person = make_user(name=names_made[-1])
        _apply(app, person.id, spec, site_id)
        people.append((person, spec))
    viewer = make_user(name="Lecteur")
    with app.app_context():
        token = create_token(db.session.get(User, viewer.id), "test")
        db.session.commit()
        ids = {p.id: db.session.scalar(db.select(Profile.id).where(Profile.user_id == p.id)) for p, _s in people}
        emails = [u.email for u in db.session.scalars(db.select(User))]
    names = {p.id: name for p, name in zip((p for p, _s in people), names_made)}
    unlisted = [(p, ids[p.id]) for p, s in people if not s["listed"]]
    client = app.test_client()
    for signed_in in (False, True):
        if signed_in:
            client.post("/login", data={"email": viewer.email, "password": viewer.password})
        pages = [f"/directory?{q}" for q in QUERIES] + ["/directory/organisations", "/directory/sites/figeac",
                                                        "/sites/figeac"]
        pages += [f"/directory/people/{pid}" for pid in ids.values()]
        for path in pages:
            response = client.get(path)
            text = response.get_data(as_text=True)
            if path.startswith("/directory/people/") and int(path.rsplit("/", 1)[1]) in {pid for _p, pid in unlisted}:
                assert response.status_code in (302, 404)
            main = text.split('<main', 1)[-1].split("</main>", 1)[0]
            for person, _pid in unlisted:
                assert names[person.id] not in main and person.email not in text
            assert not any(address in text for address in emails), path
            assert not EMAIL.search(main), (path, EMAIL.search(main))
    for query in QUERIES:
        response = client.get(f"/api/v1/directory?{query}", headers={"Authorization": f"Bearer {token}"})
        body = response.get_data(as_text=True)
        assert response.status_code == 200 and not EMAIL.search(body)
        listed_ids = {card["id"] for card in response.get_json()["profiles"]}
        assert not listed_ids & {pid for _p, pid in unlisted}


def site_by_slug_in(app, slug):
    from core.sites.service import site_by_slug

    with app.app_context():
        return site_by_slug(slug)
