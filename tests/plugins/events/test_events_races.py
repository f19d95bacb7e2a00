"""The last seat under concurrency: 20 members registering at once, each in its own thread and
database session, give one seat and nineteen places in the waitlist, on either database."""
from __future__ import annotations


from sqlalchemy import func, select

from core.accounts.models import User
from core.extensions import db
from devtools.races import call_together
from plugins.events import service
from plugins.events.models import Event, Registration

CLIENTS = 20


def test_twenty_parallel_registrations_for_the_last_seat_give_one_seat_and_a_waitlist(
        app, app_factory, client, auth, make_user, make_event):
    # Mails queued, not sent inline: a thread sending them would hold a second connection.
    racing = app_factory(JOBS_RUN="worker")
    event_id = make_event(capacity=2)
    early = make_user()
    auth.login(early)
    assert client.post(f"/events/{event_id}/register").status_code == 303  # one seat left
    people = [make_user() for _ in range(CLIENTS)]

    def register(person_id):
        def call():
            with racing.test_request_context(method="POST"):
                event = db.session.get(Event, event_id)
                registration = service.register_member(event, db.session.get(User, person_id))
                db.session.commit()
                status = registration.status
                db.session.remove()
                return status
        return call

    results = call_together([register(p.id) for p in people])
    assert sorted(results, key=str) == ["confirmed"] + ["waiting"] * (CLIENTS - 1), results
    with app.app_context():
        event = db.session.get(Event, event_id)
        assert event.seats_taken == event.capacity == 2
        count = db.session.scalar(select(func.count()).select_from(Registration).where(
            Registration.event_id == event_id, Registration.status == "confirmed"))
        assert count == 2
        # The waitlist is in the order the registrations were refused: the first waiting is seated first.
        first_waiting = db.session.scalar(select(Registration).where(Registration.status == "waiting")
                                          .order_by(Registration.queued_at, Registration.id).limit(1))
        first_waiting_id = first_waiting.id
    client.post(f"/events/r/{_token(app, early.email)}/cancel")
    with app.app_context():
        assert db.session.get(Registration, first_waiting_id).status == "confirmed"
        assert db.session.get(Event, event_id).seats_taken == 2


def _token(app, email):
    with app.app_context():
        return db.session.scalar(select(Registration.token).where(Registration.email == email))


def test_lowering_the_capacity_while_a_member_takes_a_seat_is_refused_with_its_reason(app, make_user, make_event,
                                                                                     world):
    """The manager lowers the capacity to the seats taken (1) while a member takes the second
    seat. The manager's check read one seat taken; the member's seat committed first; the
    manager's update then broke the seats <= capacity constraint: a 500. The seats are now
    counted under the event's lock: the member's seat waits for the change, and finds none."""
    import threading

    import pytest

    from devtools.races import run_together, watching_statements
    from plugins.events.errors import EventsError

    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("SQLite's writers take turns")
    event_id = make_event(capacity=2, days=5)
    first, second = make_user(), make_user()
    with app.test_request_context(method="POST"):
        service.register_member(db.session.get(Event, event_id), db.session.get(User, first.id))
        db.session.commit()
    editing, seat_done = threading.Event(), threading.Event()

    def before(_conn, _cursor, statement, *_args):
        if statement.lstrip().startswith("UPDATE events_event SET") and "capacity" in statement.split("WHERE")[0]:
            editing.set()
            seat_done.wait(3)  # with the fix, the seat waits for this change: three seconds, then on

    def act(who):
        with app.test_request_context(method="POST"):
            try:
                if who == "manager":
                    event = db.session.get(Event, event_id)
                    service.save_event(db.session.get(User, world.manager.id), event, site=event.site,
                                       title=event.title, description=event.description, online_url="",
                                       starts_at=event.starts_at, ends_at=event.ends_at, capacity=1,
                                       audience=event.audience)
                    db.session.commit()
                    return "changed"
                assert editing.wait(10)
                registration = service.register_member(db.session.get(Event, event_id),
                                                       db.session.get(User, second.id))
                db.session.commit()
                seat_done.set()
                return registration.status
            except EventsError as error:
                db.session.rollback()
                return error.code
            finally:
                seat_done.set()

    with watching_statements(app, before):
        results = run_together(act, [("manager",), ("member",)])
    with app.app_context():
        event = db.session.get(Event, event_id)
        assert event.seats_taken <= event.capacity
        assert results in (["changed", "waiting"], ["capacity", "confirmed"]), results


def test_a_registrant_editing_an_event_while_another_cancels_it_never_deadlocks(app, make_user, make_event, world):
    """The manager holds a ticket of their own paid event and edits it while the admin cancels
    it. A first version of the capacity fix locked the editor's row, then the event; the
    cancellation takes the event, then each registrant's row: PostgreSQL killed one as a
    deadlock. The edit now takes the event's row only, and waits for the cancellation."""
    import secrets
    import threading

    import pytest
    from sqlalchemy import update

    from core.db import utcnow
    from devtools.races import locks, run_together, watching_statements

    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("pg only")
    event_id = make_event(capacity=5, days=5)
    with app.app_context():
        db.session.execute(update(Event).where(Event.id == event_id).values(price_cents=1000, seats_taken=1))
        db.session.add(Registration(event_id=event_id, email=world.manager.email, name="M", user_id=world.manager.id,
                                    status="confirmed", token=secrets.token_urlsafe(16), queued_at=utcnow()))
        db.session.commit()
    role = threading.local()
    a_at_event, b_updated = threading.Event(), threading.Event()

    def before(_c, _cur, statement, *_a):
        who = getattr(role, "who", None)
        if who == "edit" and locks(statement, "events_event"):
            a_at_event.set()
            b_updated.wait(5)
        if who == "cancel" and locks(statement, "user_account"):
            a_at_event.wait(5)

    def after(_c, _cur, statement, *_a):
        if getattr(role, "who", None) == "cancel" and statement.lstrip().startswith("UPDATE events_event"):
            b_updated.set()

    def edit():
        event = db.session.get(Event, event_id)
        service.save_event(db.session.get(User, world.manager.id), event, site=event.site, title="x",
                           description=event.description, online_url="", starts_at=event.starts_at,
                           ends_at=event.ends_at, capacity=5, audience=event.audience, price_cents=1000)

    def act(who):
        role.who = who
        return _attempt(app, edit if who == "edit" else lambda: service.cancel_event(
            db.session.get(User, world.admin.id), db.session.get(Event, event_id)))

    with watching_statements(app, before, after):
        results = run_together(act, ["edit", "cancel"])
    assert results[1] == "ok" and results[0].startswith("EventsError"), results  # the edit finds it cancelled


def test_cancelling_a_paid_event_while_a_registrant_cancels_never_deadlocks(app, make_user, make_event, world):
    """The organiser's cancellation took the event's row, then each registrant's; a member
    cancelling their ticket (as a seat's release) takes their own row, then the event's:
    PostgreSQL killed one as a deadlock. Both sides are held here at their second lock; the
    cancellation now takes the registrants' rows first."""
    import secrets
    import threading

    import pytest
    from sqlalchemy import update

    from core.db import utcnow
    from devtools.races import locks, run_together, watching_statements

    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("pg only")
    event_id = make_event(capacity=5, days=5)
    member = make_user()
    with app.app_context():
        db.session.execute(update(Event).where(Event.id == event_id).values(price_cents=1000, seats_taken=1))
        reg = Registration(event_id=event_id, email=member.email, name="M", user_id=member.id,
                           status="confirmed", token=secrets.token_urlsafe(16), queued_at=utcnow())
        db.session.add(reg)
        db.session.commit()
        reg_id = reg.id
    role = threading.local()
    cancel_updated, member_locked = threading.Event(), threading.Event()

    def before(_c, _cur, statement, *_a):
        who = getattr(role, "who", None)
        if who == "cancel" and locks(statement, "user_account"):
            member_locked.wait(5)
        if who == "member" and statement.lstrip().startswith("UPDATE events_event"):
            cancel_updated.wait(5)

    def after(_c, _cur, statement, *_a):
        who = getattr(role, "who", None)
        if who == "cancel" and statement.lstrip().startswith("UPDATE events_event"):
            cancel_updated.set()
        if who == "member" and locks(statement, "user_account"):
            member_locked.set()

    def act(who):
        role.who = who
        if who == "cancel":
            return _attempt(app, lambda: service.cancel_event(db.session.get(User, world.admin.id),
                                                              db.session.get(Event, event_id)))
        return _attempt(app, lambda: service.cancel_registration(db.session.get(Registration, reg_id)))

    with watching_statements(app, before, after):
        results = run_together(act, ["cancel", "member"])
    assert all(r == "ok" or r.startswith("EventsError") for r in results), results
    with app.app_context():
        assert db.session.get(Registration, reg_id).status == "cancelled"


def _attempt(app, act) -> str:
    """`act()` in a writing request, committed: "ok", or the error's class and message."""
    with app.test_request_context(method="POST"):
        try:
            act()
            db.session.commit()
            return "ok"
        except Exception as exc:  # noqa: BLE001 - the outcome is what the tests compare
            db.session.rollback()
            return f"{type(exc).__name__}: {str(exc)[:160]}"


def test_releasing_two_lapsed_holds_while_the_second_holder_cancels_never_deadlocks(app, app_factory, make_user,
                                                                                    make_event):
    """`release_expired` (the events.release_holds job, and every new registration) released
    the lapsed holds one by one: the first holder's row, the event's row (`_give_seat`), then
    the second holder's row: event before member. The second holder cancelling at that moment
    takes their own row, then the event's (`cancel_registration`): PostgreSQL killed one of the
    two as a deadlock. Each side is held at the point where the circle closed."""
    import secrets
    import threading
    from datetime import timedelta

    import pytest
    from sqlalchemy import update

    from core.db import utcnow
    from devtools.races import locks, run_together, watching_statements

    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("PostgreSQL's row locks")
    event_id = make_event(capacity=5, days=5)
    first, second = make_user(), make_user()
    with app.app_context():
        db.session.execute(update(Event).where(Event.id == event_id).values(price_cents=1000, seats_taken=2))
        lapsed = utcnow() - timedelta(minutes=1)
        ids = []
        for person in sorted((first, second), key=lambda p: p.id):
            reg = Registration(event_id=event_id, email=person.email, name="M", user_id=person.id, status="held",
                               hold_expires_at=lapsed, token=secrets.token_urlsafe(16), queued_at=utcnow())
            db.session.add(reg)
            db.session.flush()
            ids.append(reg.id)
        db.session.commit()
    second_reg = ids[1]
    role = threading.local()
    sweep_took_event, member_locked = threading.Event(), threading.Event()

    def before(_c, _cur, statement, *_a):
        who = getattr(role, "who", None)
        if who == "sweep" and locks(statement, "user_account") and sweep_took_event.is_set():
            member_locked.wait(5)  # the second holder's row: the member has it now
        if who == "member" and locks(statement, "user_account"):
            sweep_took_event.wait(5)  # the sweep holds the event's row (the first seat given back)

    def after(_c, _cur, statement, *_a):
        who = getattr(role, "who", None)
        if who == "sweep" and statement.lstrip().startswith("UPDATE events_event"):
            sweep_took_event.set()
        if who == "member" and locks(statement, "user_account"):
            member_locked.set()

    racing = app_factory(JOBS_RUN="worker")

    def act(who):
        role.who = who
        if who == "sweep":
            return _attempt(racing, lambda: service.release_expired(event_id))
        return _attempt(racing, lambda: service.cancel_registration(db.session.get(Registration, second_reg)))

    with watching_statements(racing, before, after):
        results = run_together(act, ["sweep", "member"])
    assert not any("deadlock" in r.lower() for r in results), results
    assert all(r == "ok" or r.startswith("EventsError") for r in results), results
    with app.app_context():
        assert db.session.get(Event, event_id).seats_taken == 0
