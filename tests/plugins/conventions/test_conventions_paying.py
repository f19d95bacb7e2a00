"""Who pays: an employee at a covered site pays nothing, within caps; outside, a refusal or the
member pays; cancelling in time gives the day back; module off, members pay."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from conventions_helpers import next_weekday
from core.extensions import db
from plugins.conventions.models import Convention, Use


def _uses(app):
    with app.app_context():
        return db.session.scalars(select(Use).order_by(Use.id)).all()


def test_an_employee_at_a_covered_site_pays_nothing(app, world, book):
    day = next_weekday(1)
    status, body = book(world.employee, world.desks["figeac"][0], day)
    assert status == 201, body
    assert body["status"] == "confirmed"
    assert body["payer"] == {"kind": "partner", "reference": f"convention:{world.convention_id}"}
    assert body["payment_url"] is None
    [use] = _uses(app)
    assert (use.halfdays, use.amount_cents, use.status, use.day) == (2, 1500, "counted", day)


def test_a_half_day_costs_the_half_day_rate(app, world, book):
    status, body = book(world.employee, world.desks["figeac"][0], next_weekday(1), "08:30", "12:30")
    assert status == 201, body
    [use] = _uses(app)
    assert (use.halfdays, use.amount_cents) == (1, 800)


def test_another_site_is_refused_with_a_reason_when_the_convention_refuses(app, world, book, client):
    status, body = book(world.employee, world.desks["aurillac"][0], next_weekday(1))
    assert status == 422
    assert "does not cover Aurillac" in body["error"]["message"]
    assert _uses(app) == []


def test_the_weekly_cap_refuses_the_next_day_in_french(app, world, book, api_token, client):
    monday = next_weekday(0)
    assert book(world.employee, world.desks["figeac"][0], monday)[0] == 201
    # 1.5 days a week: a half-day more fits, a whole day does not
    status, body = book(world.employee, world.desks["figeac"][0], monday + timedelta(days=1))
    assert status == 422 and "1.5 days" in body["error"]["message"], body
    token = api_token(world.employee)
    french = client.post("/api/v1/bookings", json={"resource": world.desks["figeac"][0],
                                                   "start": f"{monday + timedelta(days=1)}T08:30",
                                                   "end": f"{monday + timedelta(days=1)}T18:00"},
                         headers={"Authorization": f"Bearer {token}", "Accept-Language": "fr"}).get_json()
    assert "1,5" in french["error"]["message"] and "cette semaine" in french["error"]["message"]
    assert book(world.employee, world.desks["figeac"][0], monday + timedelta(days=1), "08:30", "12:30")[0] == 201
    # the following week starts afresh
    assert book(world.employee, world.desks["figeac"][0], monday + timedelta(days=7))[0] == 201


def test_past_a_cap_the_member_pays_when_the_convention_allows(app, world, book):
    with app.app_context():
        db.session.get(Convention, world.convention_id).past_cap = "member_pays"
        db.session.commit()
    monday = next_weekday(0)
    assert book(world.employee, world.desks["figeac"][0], monday)[0] == 201
    status, body = book(world.employee, world.desks["figeac"][0], monday + timedelta(days=1))
    assert status == 201, body
    assert body["payer"]["kind"] == "member"
    status, body = book(world.employee, world.desks["aurillac"][0], monday + timedelta(days=2))
    assert status == 201 and body["payer"]["kind"] == "member"
    assert len(_uses(app)) == 1


def test_a_member_without_a_convention_is_not_concerned(app, world, book, make_user):
    status, body = book(make_user(), world.desks["aurillac"][0], next_weekday(1))
    assert status == 201 and body["payer"]["kind"] == "member"


def test_cancelling_in_time_gives_the_day_back_and_late_it_counts(app, world, book, client, api_token):
    monday = next_weekday(0)
    status, body = book(world.employee, world.desks["figeac"][0], monday)
    token = api_token(world.employee)
    cancelled = client.post(f"/api/v1/bookings/{body['id']}/cancel", headers={"Authorization": f"Bearer {token}"})
    assert cancelled.status_code == 200, cancelled.get_json()
    assert [u.status for u in _uses(app)] == ["returned"]
    # the day given back can be booked again within the week's cap
    assert book(world.employee, world.desks["figeac"][0], monday + timedelta(days=1))[0] == 201
    with app.app_context():  # a convention asking two weeks' notice: cancelling now is late
        db.session.get(Convention, world.convention_id).cancel_notice_hours = 24 * 30
        db.session.commit()
    second = _uses(app)[-1]
    client.post(f"/api/v1/bookings/{second.booking_id}/cancel", headers={"Authorization": f"Bearer {token}"})
    assert _uses(app)[-1].status == "late"
    status, body = book(world.employee, world.desks["figeac"][0], monday + timedelta(days=2))
    assert status == 422, body  # the late day still counts: 1 + 1 > 1.5


def test_an_inactive_or_expired_authorisation_does_not_pay(app, world, book):
    from plugins.conventions.models import Authorisation

    day = next_weekday(1)
    with app.app_context():  # ended the day before (next Monday's eve was after it on a Tuesday)
        auth = db.session.scalar(select(Authorisation))
        auth.valid_until = day - timedelta(days=1)
        db.session.commit()
    status, body = book(world.employee, world.desks["figeac"][0], day)
    assert status == 201 and body["payer"]["kind"] == "member"


def test_fixed_weekdays_cover_those_days_only(app, world, book):
    from plugins.conventions.models import Authorisation

    with app.app_context():
        db.session.scalar(select(Authorisation)).weekdays = [3]  # Thursdays
        db.session.commit()
    assert book(world.employee, world.desks["figeac"][0], next_weekday(3))[0] == 201
    status, body = book(world.employee, world.desks["figeac"][0], next_weekday(1))
    assert status == 422 and "other weekdays" in body["error"]["message"]


def test_a_budget_in_euros_alerts_the_referents_at_80_percent(app, world, book, mailbox):
    with app.app_context():
        db.session.get(Convention, world.convention_id).budget_cents = 3000
        db.session.get(Convention, world.convention_id).week_cap = None
        db.session.commit()
    monday = next_weekday(0)
    assert book(world.employee, world.desks["figeac"][0], monday)[0] == 201
    assert book(world.employee, world.desks["figeac"][0], monday + timedelta(days=1))[0] == 201
    mailbox.wait_for(1)
    assert any(world.referent.email in m["To"] for m in mailbox.messages)
    status, body = book(world.employee, world.desks["figeac"][0], monday + timedelta(days=2))
    assert status == 422 and "no budget left" in body["error"]["message"]


def test_module_off_the_member_pays_and_the_pages_answer_404(app, world, book, client, auth, runner):
    assert runner.invoke(args=["modules", "disable", "conventions"]).exit_code == 0
    status, body = book(world.employee, world.desks["aurillac"][0], next_weekday(1))
    assert status == 201 and body["payer"]["kind"] == "member"
    status, body = book(world.employee, world.desks["figeac"][0], next_weekday(1))
    assert status == 201 and body["payer"]["kind"] == "member"
    assert _uses(app) == []
    auth.login(world.referent)
    assert client.get(f"/conventions/{world.convention_id}").status_code == 404
    assert client.get("/conventions").status_code == 404
