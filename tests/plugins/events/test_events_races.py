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
