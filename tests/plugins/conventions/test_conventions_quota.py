"""The référent is told once when an employee reaches 80 % of a cap; the quota burn-down on the
référent's page is a server-drawn chart with the same figures in a table."""
from __future__ import annotations

import re
from datetime import date, timedelta

from conventions_helpers import next_weekday
from core.extensions import db
from plugins.conventions.models import Convention

EN = {"Accept-Language": "en"}


def _alerts(mailbox, world) -> list:
    return [m for m in mailbox.messages if world.referent.email in m["To"]
            and re.search(r"of a cap|d'un plafond", m["Subject"])]


def test_the_referent_is_mailed_once_when_an_employee_reaches_80_percent_of_a_cap(app, world, book, client,
                                                                                 api_token, mailbox):
    monday = next_weekday(0)
    desk = world.desks["figeac"][0]
    assert book(world.employee, desk, monday)[0] == 201  # 2 of 3 half-days: 67 %
    assert not _alerts(mailbox, world)
    status, half = book(world.employee, desk, monday + timedelta(days=1), "08:30", "12:30")  # 3 of 3
    assert status == 201, half
    mailbox.wait_for(2)
    [alert] = _alerts(mailbox, world)
    assert "CD46-TT" in alert["Subject"]
    body = alert.get_body(("plain",)).get_content()
    assert re.search(r"1[.,]5 ", body) and "CD46-TT" in body
    # Cancelled and booked again the same week: no second e-mail.
    token = api_token(world.employee)
    assert client.post(f"/api/v1/bookings/{half['id']}/cancel",
                       headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert book(world.employee, desk, monday + timedelta(days=2), "08:30", "12:30")[0] == 201
    assert len(_alerts(mailbox, world)) == 1
    # Another week is another period.
    assert book(world.employee, desk, monday + timedelta(days=7))[0] == 201
    assert book(world.employee, desk, monday + timedelta(days=8), "08:30", "12:30")[0] == 201
    mailbox.wait_for(4)
    assert len(_alerts(mailbox, world)) == 2


def test_below_80_percent_of_every_cap_nobody_is_mailed(app, world, book, mailbox):
    with app.app_context():
        db.session.get(Convention, world.convention_id).week_cap = 10
        db.session.commit()
    assert book(world.employee, world.desks["figeac"][0], next_weekday(0))[0] == 201
    assert book(world.employee, world.desks["figeac"][0], next_weekday(1))[0] == 201
    assert not _alerts(mailbox, world)


def test_the_burndown_chart_and_its_table_show_the_budget_left(app, world, book, client, auth):
    with app.app_context():
        convention = db.session.get(Convention, world.convention_id)
        convention.budget_halfdays = 20
        db.session.commit()
    day = next_weekday(1)
    assert book(world.employee, world.desks["figeac"][0], day)[0] == 201
    auth.login(world.referent)
    page = client.get(f"/conventions/{world.convention_id}", headers=EN).get_data(as_text=True)
    assert '<svg id="burndown" role="img"' in page
    key = f"{day:%Y-%m}"
    used = re.search(rf'class="used"[^>]*data-month="{key}" data-value="(\d+)"', page).group(1)
    assert used == "2"
    from core.timeutil import today_at

    if day.replace(day=1) <= today_at("Europe/Paris").replace(day=1):  # this month: its budget is known
        assert re.search(rf'class="remaining"[^>]*data-month="{key}" data-value="18"', page)
        assert re.search(rf'<td[^>]* data-month="{key}">9</td>', page)
    assert 'id="burndown-table"' in page and "Left of the budget" in page


def test_the_burndown_counts_money_for_a_budget_in_euros_and_days_without_budget(app, world):
    from plugins.conventions.statements import burndown

    today = date(2026, 11, 30)
    with app.app_context():
        convention = db.session.get(Convention, world.convention_id)
        convention.starts_on, convention.ends_on = date(2026, 1, 1), date(2026, 12, 31)
        plain = burndown(convention, today)
        assert plain.budget is None and len(plain.months) == 12 and not plain.money
        assert all(m.remaining is None for m in plain.months)
        convention.budget_cents = 100_000
        money = burndown(convention, today)
        assert money.money and money.budget == 100_000
        assert money.months[10].remaining == 100_000 and money.months[11].future
        assert money.months[11].remaining is None
        db.session.rollback()


def _marked_no_show(app, booking_id, manager_id):
    from core.accounts.models import User
    from plugins.booking.checkin import mark_no_show
    from plugins.booking.models import Booking

    with app.test_request_context():
        booking = db.session.get(Booking, booking_id)
        mark_no_show(booking_id, booking.resource.site, db.session.get(User, manager_id),
                     now=booking.starts_at + timedelta(hours=2))
        db.session.commit()


def test_a_no_show_that_does_not_count_does_not_spend_the_weekly_cap(app, world, book):
    """Only the statement left the no-show out: the employee's week stayed spent by it."""
    with app.app_context():
        db.session.get(Convention, world.convention_id).no_show_counts = False
        db.session.commit()
    tuesday = next_weekday(1)
    desk = world.desks["figeac"][0]
    status, first = book(world.employee, desk, tuesday)  # a day: 2 of the 3 half-days a week
    assert status == 201 and first["payer"]["kind"] == "partner", first
    _marked_no_show(app, first["id"], world.admin.id)
    # The convention does not count the no-show: the employee's week still has 1.5 days.
    status, second = book(world.employee, desk, tuesday + timedelta(days=1))
    assert status == 201, second
    assert second["payer"]["kind"] == "partner"


def test_a_no_show_that_does_not_count_does_not_spend_the_prepaid_budget(app, world, book):
    """The prepaid day stayed spent by the no-show, and the budget chart disagreed with the invoice."""
    from plugins.conventions.statements import burndown, usage

    with app.app_context():
        convention = db.session.get(Convention, world.convention_id)
        convention.no_show_counts, convention.week_cap = False, None
        convention.price_model, convention.budget_halfdays = "prepaid", 2  # one prepaid day
        db.session.commit()
    tuesday = next_weekday(1)
    desk = world.desks["figeac"][0]
    status, first = book(world.employee, desk, tuesday)
    assert status == 201 and first["payer"]["kind"] == "partner", first
    _marked_no_show(app, first["id"], world.admin.id)
    with app.test_request_context():
        convention = db.session.get(Convention, world.convention_id)
        assert usage(convention, f"{tuesday:%Y-%m}").halfdays == 0  # the statement: nothing used
        month = next(m for m in burndown(convention, tuesday).months if m.start == tuesday.replace(day=1))
        assert month.used == 0, "the budget page counts the no-show the statement leaves out"
    # The prepaid day was not used: the employee may use it.
    status, second = book(world.employee, desk, tuesday + timedelta(days=1))
    assert status == 201, second
