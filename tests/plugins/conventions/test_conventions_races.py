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
