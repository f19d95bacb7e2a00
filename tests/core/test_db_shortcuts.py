"""`core.db.insert_now` and `core.db.read`, the two shortcuts hot paths take around the ORM's
statement handling (issue 16): each must leave the session exactly as the ORM's own path would."""
from __future__ import annotations

import pytest
from sqlalchemy import exc as sa_exc, func, inspect, select

from core.db import insert_now, read
from core.extensions import db
from core.jobs.models import Job
from devtools.queries import Queries


def _count(name):
    return db.session.scalar(select(func.count()).select_from(Job).where(Job.name == name))


def test_an_inserted_object_is_persistent_with_its_defaults_read_back_in_one_statement(app):
    with app.app_context():
        job = Job(name="shortcut.test", args={"n": 1})
        with Queries(app) as queries:
            insert_now(job)
            # The defaults the object lacked came back with the row: reading them sends nothing.
            assert (job.status, job.attempts, job.max_attempts) == ("pending", 0, 8)
            assert job.created_at is not None and job.run_at is not None and job.id > 0
        assert [s.split()[0] for s in queries.statements] == ["INSERT"], queries.statements
        state = inspect(job)
        assert state.persistent and not state.modified and db.session.get(Job, job.id) is job
        db.session.commit()
        assert _count("shortcut.test") == 1


def test_a_rolled_back_insert_is_forgotten_as_a_flushed_one_is(app):
    """After a rollback the object is transient again, not a persistent one whose row is gone
    (which would raise ObjectDeletedError at its next read); a savepoint's rollback likewise."""
    with app.app_context():
        job = insert_now(Job(name="shortcut.rolled"))
        db.session.rollback()
        assert inspect(job).transient and _count("shortcut.rolled") == 0
        kept = insert_now(Job(name="shortcut.kept"))
        nested = db.session.begin_nested()
        inner = insert_now(Job(name="shortcut.inner"))
        nested.rollback()
        assert inspect(inner).transient and inspect(kept).persistent
        db.session.commit()
        assert (_count("shortcut.kept"), _count("shortcut.inner")) == (1, 0)


def test_a_refused_row_is_left_out_of_the_session(app):
    with app.app_context():
        insert_now(Job(name="shortcut.first", key="shortcut-key"))
        db.session.commit()
        second = Job(name="shortcut.second", key="shortcut-key")
        with pytest.raises(sa_exc.IntegrityError):
            insert_now(second)
        assert second not in db.session
        db.session.rollback()
        assert _count("shortcut.second") == 0


def test_what_is_pending_is_written_first_as_a_query_would(app):
    """Both shortcuts flush first: a row added a moment before is seen by `read`, and goes
    into the database before the inserted one."""
    with app.app_context():
        db.session.add(Job(name="shortcut.pending"))
        assert read(select(func.count()).select_from(Job).where(Job.name == "shortcut.pending")).scalar() == 1
        db.session.add(Job(name="shortcut.before"))
        after = insert_now(Job(name="shortcut.after"))
        before_id = db.session.scalar(select(Job.id).where(Job.name == "shortcut.before"))
        assert before_id < after.id
        db.session.rollback()


def test_a_watched_model_is_refused(app):
    """Its version would not be bumped: `core.cache` learns of changes from the flush."""
    from core.modules.models import ModuleState

    with app.app_context(), pytest.raises(TypeError):
        insert_now(ModuleState(module="booking", enabled=True))
