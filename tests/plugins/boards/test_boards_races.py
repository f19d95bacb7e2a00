"""A spouse profile sent twice at once (a double-click, or the spouse and the welcome officer
together) is stored once: the other is told the person has one."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from core.accounts.models import User
from core.extensions import db
from devtools.races import call_together, held_until_both_reach, watching_statements
from plugins.boards.errors import BoardsError
from plugins.boards.models import Post


def test_a_spouse_profile_sent_twice_at_once_is_stored_once(app, board):
    """Both requests asked "has this person a spouse profile?" before either inserted
    (PostgreSQL reads before it writes): two profiles. They are held here until both have
    asked, or three seconds; the person's row is now locked before the question."""
    from plugins.boards import posts

    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("SQLite's writers take turns: the second asks after the first inserted")
    def click():
        with app.test_request_context(method="POST"):
            try:
                posts.create(db.session.get(User, board.spouse.id), "spouse_profile", title="Mon profil",
                             codes="J1404", communes="Figeac", ends_on=posts.today() + timedelta(days=30),
                             consent=True)
                db.session.commit()
                return "stored"
            except BoardsError as error:
                db.session.rollback()
                return error.status

    with watching_statements(app, held_until_both_reach("INSERT INTO boards_post ")):
        results = call_together([click, click])
    with app.app_context():
        stored = db.session.scalar(select(func.count()).select_from(Post).where(Post.person_id == board.spouse.id))
    assert stored == 1 and sorted(results, key=str) == [409, "stored"], results
