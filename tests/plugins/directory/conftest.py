"""Fixtures for the directory's tests: members with profiles, through the plugin's services."""
from __future__ import annotations

import pytest

from core.extensions import db


@pytest.fixture
def make_profile(app, make_user):
    """`make_profile(name, listed=True, contactable=True, job=None, skills=(), free=(), commune=None,
    sites=(), shown=None, **fields)`: a member and their directory profile; the `Person`."""
    from core import geo
    from core.accounts.models import User
    from core.sites.service import site_by_slug
    from plugins.directory import profiles
    from plugins.directory.models import FIELDS

    def make(name="Claire Vidal", listed=True, contactable=True, public=False, presence=False, job=None, skills=(),
             free=(), commune=None, sites=(), shown=None, title="", bio="", available=False, organisation_id=None,
             email=None):
        person = make_user(name=name, email=email)
        with app.test_request_context():
            user = db.session.get(User, person.id)
            if commune:
                home = geo.resolve(commune, ("12", "46", "15"))[0]
                user.home_commune, user.home_commune_code = home.name, home.code
                user.home_latitude, user.home_longitude = home.latitude, home.longitude
            profiles.set_consents(user, listed=listed, contactable=contactable, public=public,
                                  show_presence=presence)
            profiles.save(user, shown=FIELDS if shown is None else shown, job_code=job, job_title=title, bio=bio,
                          available=available, organisation_id=organisation_id,
                          site_ids=[site_by_slug(s).id for s in sites])
            for code in skills:
                profiles.add_skill(user, code=code)
            for label in free:
                profiles.add_skill(user, label=label)
            db.session.commit()
        return person

    return make


@pytest.fixture(autouse=True)
def rome_vocabulary(app):
    """The vocabulary the migration loaded: PostgreSQL's test database is emptied between tests
    (reference data included), so it is loaded again there."""
    from sqlalchemy import select

    from plugins.directory import rome
    from plugins.directory.models import RomeJob

    with app.app_context():
        if db.session.scalar(select(RomeJob.code).limit(1)) is None:
            rome.load_shipped(db.session.connection())
            db.session.commit()
