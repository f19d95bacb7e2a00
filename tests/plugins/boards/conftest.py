"""Fixtures for the boards' tests: the people of a territory (admin, employer, approved recruiter,
welcome officer, member, spouses) and posts made through the plugin's services."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest

from core.accounts.models import User
from core.extensions import db


@dataclass
class Board:
    admin: object
    employer: object
    recruiter: object
    officer: object
    member: object
    spouse: object


@pytest.fixture(autouse=True)
def rome_vocabulary(app):
    """The vocabulary the directory's migration loads (PostgreSQL's test database is emptied
    between tests, reference data included)."""
    from sqlalchemy import select

    from plugins.directory.models import RomeJob
    from plugins.directory.rome import load_shipped

    with app.app_context():
        if db.session.scalar(select(RomeJob.code).limit(1)) is None:
            load_shipped(db.session.connection())
            db.session.commit()


@pytest.fixture
def board(app, make_user):
    from plugins.boards import access

    people = Board(admin=make_user("territory-admin", name="Admin"),
                   employer=make_user(name="Employeur non agréé", email="employer@example.org"),
                   recruiter=make_user(name="Recruteuse agréée", email="recruiter@example.org"),
                   officer=make_user(name="Chargée d'accueil", email="officer@example.org"),
                   member=make_user(name="Simple membre", email="member@example.org"),
                   spouse=make_user(name="Élodie Marchal", email="elodie@spouse.example"))
    with app.test_request_context():
        admin = db.session.get(User, people.admin.id)
        access.grant(admin, "recruiter@example.org", access.RECRUITER, "Ateliers du Célé")
        access.grant(admin, "officer@example.org", access.WELCOME_OFFICER)
        db.session.commit()
    return people


@pytest.fixture
def make_post(app, board):
    """`make_post(kind, author=None, publish=True, days=30, codes="J1404", communes="Figeac", **fields)`:
    a post through the service (published by the admin unless `publish=False`); its id."""
    from plugins.boards import posts

    def make(kind="job_offer", author=None, publish=True, days=30, codes="J1404", communes="Figeac",
             title=None, **fields) -> int:
        with app.test_request_context():
            person = db.session.get(User, (author or board.employer).id)
            if kind == "spouse_profile":
                fields.setdefault("consent", True)
            elif kind in ("job_offer", "skill_wanted"):
                fields.setdefault("organisation", "Maison de santé du Bassin")
            post = posts.create(person, kind, title=title or f"Annonce {kind}", codes=codes, communes=communes,
                                ends_on=posts.today() + timedelta(days=days), **fields)
            if publish:
                posts.moderate(db.session.get(User, board.admin.id), post.id, "publish")
            db.session.commit()
            return post.id

    return make


@pytest.fixture
def expire(app):
    """`expire(post_id, days=1)`: move a post's end date into the past (as time passing would)."""
    from plugins.boards.models import Post
    from plugins.boards.posts import today

    def run(post_id, days=1):
        with app.test_request_context():
            db.session.get(Post, post_id).ends_on = today() - timedelta(days=days)
            db.session.commit()

    return run


from tests.plugins.directory.conftest import make_profile  # noqa: E402,F401 - fixture
