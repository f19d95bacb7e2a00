"""Who pays: an employee at a covered site pays nothing, within caps; outside, a refusal or the
member pays; cancelling in time gives the day back; module off, members pay."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from conventions_helpers import next_weekday, set_convention
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


def test_a_cap_refusal_on_the_booking_page_names_the_referent_and_how_to_reach_them(app, world, client, auth):
    """The refusal said only what was used; it now says whom to ask, named, with their address,
    in the member's language. The Lot convention refuses past its caps whoever would pay: no
    "pay it yourself", which would only be refused again."""
    monday = next_weekday(0)
    auth.login(world.employee)
    form = {"resource": world.desks["figeac"][0], "period": "day"}
    assert client.post("/booking/sites/figeac/book", data={**form, "date": monday.isoformat()}).status_code == 303
    refused = client.post("/booking/sites/figeac/book", data={**form, "date": (monday + timedelta(days=1)).isoformat()})
    assert refused.status_code == 422
    text = refused.get_data(as_text=True)
    assert "permet 1,5 jour cette semaine et il vous en reste 0,5 : cette réservation en compte 1." in text
    referent = world.referent.email
    assert (f"Vous pouvez demander au référent de votre employeur, {referent.split('@')[0]} ({referent}), si la "
            "convention peut prendre en charge cette réservation.") in text
    # no "pay it yourself", but said plainly that it cannot be (employees asked)
    assert ("La convention de votre employeur ne vous permet pas non plus de payer vous-même une réservation "
            "qu'elle ne couvre pas.") in text.replace("&#39;", "'")
    assert "payer la journée vous-même" not in text
    elsewhere = client.post("/booking/sites/aurillac/book", headers={"Accept-Language": "en"}, data={
        "resource": world.desks["aurillac"][0], "period": "day", "date": (monday + timedelta(days=2)).isoformat()})
    assert elsewhere.status_code == 422
    assert f"({referent}), whether the convention can cover this booking." in elsewhere.get_data(as_text=True)
    assert _uses(app)[0].day == monday and len(_uses(app)) == 1


def test_the_advice_names_every_reachable_referent_or_else_the_employer(app, world, make_user):
    from core.accounts.models import User
    from core.sites.service import site_by_slug
    from plugins.conventions import service
    from plugins.conventions.advice import advice
    from plugins.conventions.models import Authorisation, Partner

    second = make_user("partner", email="drh@lot.fr", name="Service RH du Lot")
    with app.test_request_context(headers={"Accept-Language": "fr"}):
        partner = db.session.get(Partner, world.partner_id)
        service.add_referent(db.session.get(User, world.admin.id), partner, second.email)
        db.session.commit()
        auth = db.session.scalar(select(Authorisation))
        figeac = site_by_slug("figeac")
        said = advice(auth, figeac)
        assert said.startswith("Vous pouvez demander à l'un des référents de votre employeur, ")
        assert f"({world.referent.email}) et Service RH du Lot (drh@lot.fr)" in said
        for referent in partner.referents:  # nobody left to read a mail: the employer, by name
            referent.user.is_disabled = True
        assert advice(auth, figeac) == ("Vous pouvez demander à votre employeur, Conseil départemental du Lot, si la "
                                        "convention peut prendre en charge cette réservation. La convention de "
                                        "votre employeur ne vous permet pas non plus de payer vous-même une "
                                        "réservation qu'elle ne couvre pas.")


def test_paying_the_day_is_advised_only_where_the_convention_allows_it_and_billing_is_on(app, world):
    """A refusal can still come from a convention that lets its employees pay (its days spent
    meanwhile, found when the booking is recorded): there the member may book again and pay,
    if billing sells at that site."""
    from core.modules.service import set_enabled
    from core.sites.service import site_by_slug
    from plugins.conventions.advice import advice
    from plugins.conventions.models import Authorisation

    with app.test_request_context(headers={"Accept-Language": "en"}):
        auth = db.session.scalar(select(Authorisation))
        figeac = site_by_slug("figeac")
        assert "pay the day yourself" not in advice(auth, figeac)  # the Lot refuses past its caps
        auth.convention.past_cap = "member_pays"
        assert advice(auth, figeac).endswith(" Or book it again and pay the day yourself.")
        set_enabled("billing", False, site=figeac)
        assert "pay the day yourself" not in advice(auth, figeac)


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


def test_past_a_cap_the_employee_is_told_why_the_employer_does_not_pay(app, world, book, client, auth, make_user):
    """Sent to pay (or, where nothing is sold, told "confirmed"), the employee used to be given no
    word of why their employer's convention did not pay this time."""
    with app.app_context():
        db.session.get(Convention, world.convention_id).past_cap = "member_pays"
        db.session.commit()
    monday = next_weekday(0)
    assert book(world.employee, world.desks["figeac"][0], monday)[0] == 201  # paid by the convention
    auth.login(world.employee)
    sent = client.post("/booking/sites/figeac/book", data={"resource": world.desks["figeac"][0], "period": "day",
                                                           "date": (monday + timedelta(days=1)).isoformat()},
                       headers={"Accept-Language": "en"})
    assert sent.status_code == 303
    page = client.get(sent.headers["Location"], headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Conseil départemental du Lot does not pay this booking: " in page and "1.5 days" in page, page
    # Within the caps, or for a member without a convention, nothing is said.
    for day, person in ((monday + timedelta(days=7), world.employee), (monday + timedelta(days=8), None)):
        if person is None:
            auth.logout()
            auth.login(make_user())
        done = client.post("/booking/sites/figeac/book", data={"resource": world.desks["figeac"][0], "period": "day",
                                                               "date": day.isoformat()}, headers={"Accept-Language": "en"})
        assert done.status_code == 303
        assert "does not pay this booking" not in client.get(done.headers["Location"]).get_data(as_text=True)


def test_why_the_employer_does_not_pay_is_told_without_reading_the_convention_again(app, world, book, client, auth):
    """The reason, and the partner's name, are kept with the decision the booking made: told
    after its commit, they cost no new read of the authorisation and its partner."""
    from devtools.queries import Queries

    set_convention(app, world.convention_id, past_cap="member_pays")
    app.config["JOBS_RUN"] = "worker"  # only the request's own statements
    monday = next_weekday(0)
    assert book(world.employee, world.desks["figeac"][0], monday)[0] == 201  # paid by the convention
    auth.login(world.employee)
    with Queries(app) as queries:
        sent = client.post("/booking/sites/figeac/book", data={"resource": world.desks["figeac"][0], "period": "day",
                                                               "date": (monday + timedelta(days=1)).isoformat()},
                           headers={"Accept-Language": "en"})
    assert sent.status_code == 303
    last_write = max(i for i, s in enumerate(queries.statements) if s.startswith("INSERT"))
    after_commit = queries.statements[last_write + 1:]
    assert not [s for s in after_commit if "conventions_" in s], after_commit
    page = client.get(sent.headers["Location"], headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Conseil départemental du Lot does not pay this booking: " in page and "1.5 days" in page, page


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
