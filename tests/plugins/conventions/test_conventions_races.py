"""Caps under concurrency: 20 employees booking at once with one day left in the convention's
budget give exactly one booking paid by the partner, on a real threaded server."""
from __future__ import annotations


from sqlalchemy import func, select

from conventions_helpers import next_weekday, post_json
from core.extensions import db
from devtools.races import call_together
from plugins.booking import ACTIVE, Booking
from plugins.conventions.models import Authorisation, Convention, Use

CLIENTS = 20


def test_twenty_parallel_bookings_with_one_day_left_give_one_success(app, world, live_server, make_user,
                                                                    make_resource, api_token):
    desks = [make_resource("figeac", "desk", f"Poste race {i}") for i in range(CLIENTS)]
    employees = [make_user() for _ in range(CLIENTS)]
    with app.app_context():
        convention = db.session.get(Convention, world.convention_id)
        convention.budget_halfdays = 2  # one day left
        for person in employees:
            db.session.add(Authorisation(convention_id=convention.id, user_id=person.id, status="approved",
                                         valid_from=convention.starts_on))
        db.session.commit()
    tokens = [api_token(p) for p in employees]
    day = next_weekday(2)
    calls = [lambda t=t, d=d: post_json(f"{live_server}/api/v1/bookings", t,
                                        {"resource": d, "start": f"{day}T08:30", "end": f"{day}T18:00"})
             for t, d in zip(tokens, desks)]
    results = call_together(calls)
    statuses = sorted(status for status, _ in results)
    assert statuses.count(201) == 1, results
    assert statuses.count(422) == CLIENTS - 1, results
    assert all("plus de jours" in body["error"]["message"] for status, body in results if status == 422), results
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Use)) == 1
        assert db.session.scalar(select(func.count()).select_from(Booking).where(Booking.status.in_(ACTIVE))) == 1


def _at_once(app, make_user, world, act):
    """Six clicks at once by one employee of the partner (an address at lot.fr)."""
    from core.accounts.models import User

    person = make_user(email="clic@lot.fr")

    def call():
        with app.test_request_context(method="POST"):  # a click: a writing transaction
            auth = act(db.session.get(User, person.id))
            db.session.commit()
            return auth.id

    results = call_together([call] * 6)
    with app.app_context():
        stored = db.session.scalar(select(func.count()).select_from(Authorisation).where(
            Authorisation.user_id == person.id))
    return results, stored


def test_asking_to_join_by_domain_twice_at_once_makes_one_request(app, world, make_user):
    from plugins.conventions import service

    results, stored = _at_once(app, make_user, world,
                               lambda person: service.request_by_domain(person, world.convention_id))
    assert stored == 1, results
    assert sum(isinstance(result, int) for result in results) == 1, results
    # The others were told the convention is no longer theirs to join (they asked already).
    assert all(getattr(result, "code", None) == "not_joinable" for result in results
               if not isinstance(result, int)), results


def test_accepting_an_invitation_twice_at_once_approves_once(app, world, make_user):
    from plugins.conventions import service

    with app.test_request_context():
        token = service.invitation_token(db.session.get(Convention, world.convention_id), "clic@lot.fr")
    results, stored = _at_once(app, make_user, world, lambda person: service.accept_invitation(person, token))
    assert stored == 1, results
    assert all(isinstance(result, int) for result in results) and len(set(results)) == 1, results
