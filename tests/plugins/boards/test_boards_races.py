"""A spouse profile sent twice at once (a double-click, or the spouse and the welcome officer
together) is stored once: the other is told the person has one."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from core.accounts.models import User
from core.extensions import db
from devtools.races import call_together, committed, held_until_both_reach, watching_statements
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


def _at_once(app, count, act):
    """`act()` in `count` requests at once, each committing; "ok" or the refusal's status."""
    return call_together([committed(app, act, BoardsError)] * count)


def test_a_post_moderated_twice_at_once_is_handled_once(app, board, make_post):
    """Two administrators (or two tabs) publishing one waiting post: one publishes, the others
    are told it was handled."""
    from plugins.boards import posts

    post_id = make_post("job_offer", publish=False)
    results = _at_once(app, 6, lambda: posts.moderate(db.session.get(User, board.admin.id), post_id, "publish"))
    assert sorted(results, key=str) == [409] * 5 + ["ok"], results


def test_a_role_granted_twice_at_once_is_one_grant(app, board):
    """Granted in two tabs at once, the second insert failed on the primary key (a 500)."""
    from plugins.boards import access
    from plugins.boards.models import Grant

    results = _at_once(app, 6, lambda: access.grant(db.session.get(User, board.admin.id), "member@example.org",
                                                    access.RECRUITER, "Ateliers du Lot"))
    assert results == ["ok"] * 6, results
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Grant)
                                 .where(Grant.user_id == board.member.id)) == 1


def test_a_placement_recorded_twice_at_once_counts_once(app, board, make_post):
    """Two officers (or two tabs) recording "placed in a job" at once both inserted the year's
    placement, the second on its unique post (a 500). Both steps are kept; one placement."""
    from plugins.boards import posts, welcome
    from plugins.boards.models import Placement

    post_id = make_post("spouse_profile", author=board.spouse)
    with watching_statements(app, held_until_both_reach("INSERT INTO boards_placement")):  # both have looked
        results = _at_once(app, 2, lambda: welcome.add_step(db.session.get(User, board.officer.id), post_id,
                                                            "outcome", posts.today(), outcome="placed"))
    assert results == ["ok"] * 2, results
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Placement)) == 1
