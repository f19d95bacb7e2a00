"""What cancelling a convention-paid booking does (told before, done after, from one plan); the
days partners pay in the site's revenue; a weekly series past a cap paid by the convention up to
the cap and by the member for the rest, the cap holding under real concurrent series."""
from __future__ import annotations

import html
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from conventions_helpers import next_weekday, set_convention
from core.extensions import db
from devtools.races import run_together
from plugins.booking import ACTIVE, Booking
from plugins.conventions.models import Authorisation, Convention, Use


@pytest.mark.parametrize("notice_hours, told, status", [
    (0, "The day is given back to your employer's quota.", "returned"),
    (24 * 30, "Counted to your employer: cancelled less than 720 hours before the start.", "late")])
def test_the_cancellation_page_says_what_cancelling_does_to_the_quota_and_it_does_that(
        app, client, auth, world, book, notice_hours, told, status):
    set_convention(app, world.convention_id, cancel_notice_hours=notice_hours)
    code, body = book(world.employee, world.desks["figeac"][0], next_weekday(1))
    assert code == 201
    auth.login(world.employee)
    page = client.get(f"/booking/{body['id']}/cancel", headers={"Accept-Language": "en"})
    page = html.unescape(page.get_data(as_text=True))
    assert told in page
    assert "Refund" not in page  # billing has nothing to say about a booking it did not take payment for
    assert client.post(f"/booking/{body['id']}/cancel").status_code in (302, 303)
    with app.app_context():
        assert db.session.scalar(select(Use.status)) == status


def test_a_half_day_is_given_back_as_a_half_day(app, client, auth, world, book):
    code, body = book(world.employee, world.desks["figeac"][0], next_weekday(1), "08:30", "12:30")
    auth.login(world.employee)
    page = client.get(f"/booking/{body['id']}/cancel", headers={"Accept-Language": "en"})
    page = html.unescape(page.get_data(as_text=True))
    assert "The half-day is given back to your employer's quota." in page


def test_the_sites_revenue_includes_the_days_conventions_pay(app, world, book):
    from core.sites.service import site_by_slug
    from plugins.booking.occupancy import occupancy

    day = next_weekday(1)
    assert book(world.employee, world.desks["figeac"][0], day)[0] == 201
    assert book(world.employee, world.desks["figeac"][0], day + timedelta(days=1), "08:30", "12:30")[0] == 201
    with app.test_request_context():
        figures = occupancy(site_by_slug("figeac"), day, day + timedelta(days=6))
        assert figures.currency == "EUR"
        assert [d.revenue_cents for d in figures.days[:3]] == [1500, 800, 0]
        assert figures.revenue_cents == 2300
        elsewhere = occupancy(site_by_slug("aurillac"), day, day + timedelta(days=6))
        assert elsewhere.revenue_cents == 0  # billing's answer alone: nothing invoiced there


def _series(client, resource_id, first, weeks):
    return client.post("/booking/sites/figeac/series", data={
        "resource": resource_id, "date": first.isoformat(), "period": "day",
        "until": (first + timedelta(weeks=weeks - 1)).isoformat(), "confirm": "1"})


def _payers(app, member_id) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(Booking.payer_kind).where(
            Booking.member_id == member_id, Booking.status.in_(ACTIVE)).order_by(Booking.starts_at)))


def test_a_weekly_series_past_the_cap_is_paid_by_the_convention_then_by_the_member(app, client, auth, world):
    set_convention(app, world.convention_id, past_cap="member_pays", week_cap=None, month_cap=None, budget_halfdays=4)
    auth.login(world.employee)
    response = _series(client, world.desks["figeac"][0], next_weekday(1), 4)
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    assert _payers(app, world.employee.id) == ["partner", "partner", "member", "member"]
    with app.app_context():
        assert db.session.scalar(select(func.sum(Use.halfdays))) == 4


def test_a_weekly_series_past_the_cap_is_refused_whole_when_the_convention_refuses(app, client, auth, world):
    set_convention(app, world.convention_id, week_cap=None, budget_halfdays=4)
    auth.login(world.employee)
    _series(client, world.desks["figeac"][0], next_weekday(1), 4)
    assert _payers(app, world.employee.id) == []


def test_concurrent_series_past_the_budget_never_spend_more_than_it(app, world, make_user, make_resource):
    from devtools.pytest_plugin import Auth

    series, weeks, budget_days = 4, 4, 5
    set_convention(app, world.convention_id, past_cap="member_pays", week_cap=None, budget_halfdays=2 * budget_days)
    employees = [make_user() for _ in range(series)]
    desks = [make_resource("figeac", "desk", f"Poste série {i}") for i in range(series)]
    with app.app_context():
        starts = db.session.get(Convention, world.convention_id).starts_on
        for person in employees:
            db.session.add(Authorisation(convention_id=world.convention_id, user_id=person.id, status="approved",
                                         valid_from=starts))
        db.session.commit()
    clients = []
    for person in employees:
        client = app.test_client()
        Auth(client).login(person)
        clients.append(client)
    first = next_weekday(1)
    results = run_together(lambda i: _series(clients[i], desks[i], first, weeks).status_code, range(series))
    assert results == [303] * series, results
    payers = [kind for person in employees for kind in _payers(app, person.id)]
    assert len(payers) == series * weeks  # every series whole
    assert payers.count("partner") == budget_days  # the budget, exactly: not one day more
    with app.app_context():
        assert db.session.scalar(select(func.sum(Use.halfdays))) == 2 * budget_days
        assert db.session.scalar(select(func.count()).select_from(Use)) == budget_days
