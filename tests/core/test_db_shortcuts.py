"""`core.db.insert_now` and `core.db.read`, the two shortcuts hot paths take around the ORM's
statement handling (issue 16): each must leave the session exactly as the ORM's own path would."""
from __future__ import annotations

from datetime import date

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


def test_none_given_for_a_column_with_a_default_gets_the_default_as_from_the_flush(app):
    """The flush leaves a None out of its INSERT, so the column's default applies; inserted as
    NULL it broke NOT NULL (an IntegrityError, a 500) or stored NULL over a default."""
    with app.app_context():
        flushed = Job(name="shortcut.none", status=None, attempts=None, args=None)
        db.session.add(flushed)
        db.session.flush()
        job = insert_now(Job(name="shortcut.none", status=None, attempts=None, args=None))
        # JSON stores None itself (its null): given, it is kept, as the flush keeps it.
        assert (job.status, job.attempts, job.args) == (flushed.status, flushed.attempts, flushed.args) \
            == ("pending", 0, None)
        assert not inspect(job).modified
        db.session.commit()
        assert db.session.scalar(select(Job.status).where(Job.id == job.id)) == "pending"


def test_an_object_already_in_the_session_is_inserted_once(app):
    """Added first (by the caller, or by a cascade from an object that links to it), the flush
    inside inserted it and then the INSERT again: two rows, and the object bound to the second."""
    with app.app_context():
        job = Job(name="shortcut.added")
        db.session.add(job)
        assert insert_now(job) is job and inspect(job).persistent
        db.session.commit()
        assert _count("shortcut.added") == 1


def test_links_to_other_objects_are_followed_as_the_flush_follows_them(app, make_site):
    """A link to an object (not its foreign key) gives the key, as the flush copies it; a link to
    one not stored yet, or rows in a collection, go through the unit of work, which orders them.
    Before: the foreign key was NULL (a member-less order) or the rows stayed unsaved."""
    from core.accounts.models import User
    from core.sites.service import site_by_slug
    from plugins.billing.models import Order, OrderLine

    make_site("figeac")

    def order(**links):
        return Order(site_id=site_by_slug("figeac").id, product_code="day", kind="pass", label="Pass",
                     unit_cents=1000, vat_rate_bp=2000, total_cents=1200, **links)

    with app.app_context():
        stored = User(email="stored@example.org", display_name="Stored")
        db.session.add(stored)
        db.session.commit()
        linked = insert_now(order(member=stored))
        new = User(email="new@example.org", display_name="New")
        db.session.add(new)
        to_new = insert_now(order(member=new))
        with_line = insert_now(order(lines=[OrderLine(booking_id=1, product_code="day", kind="pass", label="Pass",
                                                      unit_cents=1000, vat_rate_bp=2000, total_cents=1200,
                                                      service_date=date(2029, 3, 5))]))
        line = with_line.lines[0]
        assert (linked.member_id, to_new.member_id) == (stored.id, new.id) and new.id is not None
        assert inspect(line).persistent and line.order_id == with_line.id
        db.session.commit()
        assert db.session.scalars(select(Order.member_id).where(Order.id.in_([linked.id, to_new.id]))
                                  .order_by(Order.id)).all() == [stored.id, new.id]


def test_after_a_refused_row_the_session_must_be_rolled_back_as_after_a_refused_flush(app):
    """What the request wrote before the refused row is not committed by a caller that goes on:
    on SQLite it was (the statement failed, the transaction went on), on PostgreSQL it was lost
    without a word (its failed transaction commits as a rollback)."""
    with app.app_context():
        insert_now(Job(name="shortcut.first", key="shortcut-refused"))
        db.session.commit()
        db.session.add(Job(name="shortcut.written-before"))
        with pytest.raises(sa_exc.IntegrityError):
            insert_now(Job(name="shortcut.second", key="shortcut-refused"))
        with pytest.raises(sa_exc.PendingRollbackError):
            db.session.commit()
        db.session.rollback()
        assert (_count("shortcut.written-before"), _count("shortcut.second")) == (0, 0)
        # In a savepoint, as a flush there: the savepoint is rolled back, the transaction goes on.
        kept = insert_now(Job(name="shortcut.kept-outside"))
        with pytest.raises(sa_exc.IntegrityError), db.session.begin_nested():
            insert_now(Job(name="shortcut.inside", key="shortcut-refused"))
        db.session.commit()
        assert inspect(kept).persistent and _count("shortcut.kept-outside") == 1


def test_a_model_with_insert_events_is_refused(app, monkeypatch):
    """The unit of work runs a mapper's before_insert and after_insert; this INSERT would not."""
    import core.db
    from sqlalchemy import event

    def listener(*_args):
        pass

    monkeypatch.setattr(core.db, "_INSERTS", {})
    event.listen(Job, "before_insert", listener)
    try:
        with app.app_context(), pytest.raises(TypeError):
            insert_now(Job(name="shortcut.event"))
    finally:
        event.remove(Job, "before_insert", listener)


def test_lock_rows_holds_each_row_until_the_transaction_ends(app, make_site, make_user):
    """A booking locks its place's row and its member's in one statement (`lock_rows`): each
    must be held as `lock_row` holds it, so another transaction asking for either waits. Here
    the other asks with NOWAIT, so waiting shows as a refusal. SQLite: no statement (its writers
    already take turns)."""
    import threading

    from core.accounts.models import User
    from core.db import lock_rows
    from plugins.booking.models import Resource

    from core.sites.service import site_by_slug

    slug, member = make_site(), make_user()
    with app.app_context():
        resource = Resource(site_id=site_by_slug(slug).id, kind="desk", name="Poste lock_rows")
        db.session.add(resource)
        db.session.commit()
        resource_id = resource.id
        postgresql = db.engine.dialect.name == "postgresql"
    locked, release, refused = threading.Event(), threading.Event(), []

    def hold_both():
        with app.app_context():
            with Queries(app) as queries:
                lock_rows((Resource, resource_id), (User, member.id))
            refused.append(len(queries.statements))
            locked.set()
            release.wait(10)
            db.session.rollback()

    holder = threading.Thread(target=hold_both)
    holder.start()
    try:
        assert locked.wait(10)
        with app.app_context():
            for model, row_id in ((Resource, resource_id), (User, member.id)):
                try:
                    read(select(model.id).where(model.id == row_id).with_for_update(nowait=True, key_share=True))
                except sa_exc.OperationalError as exc:
                    refused.append(getattr(exc.orig, "sqlstate", None))
                    db.session.rollback()
                else:
                    refused.append("free")
                    db.session.rollback()
    finally:
        release.set()
        holder.join()
    if postgresql:  # one statement held both: 55P03 is "lock not available"
        assert refused == [1, "55P03", "55P03"]
    else:  # SQLite has no row locks: no statement, and its FOR UPDATE is a plain read
        assert refused == [0, "free", "free"]


def test_lock_rows_locks_in_the_order_given(app, make_site, make_user):
    """Locks are taken in one order everywhere, the place before the member (docs/architecture.md),
    or two transactions each holding one would wait for each other. While another transaction
    holds the place, `lock_rows((Resource, ..), (User, ..))` waits for it without holding the
    member yet; and while another holds the member, it holds the place already. PostgreSQL only
    (SQLite's writers take turns: no row locks)."""
    import threading
    import time

    from core.accounts.models import User
    from core.db import lock_row, lock_rows
    from core.sites.service import site_by_slug
    from plugins.booking.models import Resource

    slug, member = make_site(), make_user()
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("PostgreSQL's row locks")
        resource = Resource(site_id=site_by_slug(slug).id, kind="desk", name="Poste ordre")
        db.session.add(resource)
        db.session.commit()
        resource_id = resource.id

    def free(model, row_id) -> bool:
        with app.app_context():
            try:
                read(select(model.id).where(model.id == row_id).with_for_update(nowait=True, key_share=True))
                return True
            except sa_exc.OperationalError:
                return False
            finally:
                db.session.rollback()

    seen = []
    for held, other in (((Resource, resource_id), (User, member.id)), ((User, member.id), (Resource, resource_id))):
        holding, release = threading.Event(), threading.Event()

        def hold(row=held):
            with app.app_context():
                lock_row(*row)
                holding.set()
                release.wait(10)
                db.session.rollback()

        def both():
            with app.app_context():
                lock_rows((Resource, resource_id), (User, member.id))
                db.session.rollback()

        holder, waiter = threading.Thread(target=hold), threading.Thread(target=both)
        holder.start()
        assert holding.wait(10)
        waiter.start()
        time.sleep(0.5)  # `both` is now waiting for the row `hold` holds
        seen.append(free(*other))
        release.set()
        holder.join()
        waiter.join()
    # The place held elsewhere: the member is still free. The member held: the place is taken.
    assert seen == [True, False]
