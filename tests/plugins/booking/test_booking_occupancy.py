"""Occupancy figures: open half-days from opening hours and closures, booked and used half-days,
room hours, unique members, no-shows, revenue from billing, the page's charts and the CSV."""
from __future__ import annotations

import csv
import io
from datetime import date, time, timedelta

from booking_dates import next_weekday
from core.accounts.models import User
from core.extensions import db
from core.sites.service import add_closure, site_by_slug
from plugins.booking import checkin, occupancy, service
from plugins.booking.models import Booking
from plugins.booking.slots import range_for, to_utc


def _monday():
    return next_weekday(weekday=0, weeks_ahead=2)


def test_week_figures_are_exact(app, make_site, make_resource, make_user):
    make_site("figeac")  # Monday to Friday, 08:30-12:30 and 13:30-18:00
    desks = [make_resource("figeac", "desk", f"Poste {n}") for n in (1, 2)]
    room = make_resource("figeac", "room", "Salle")
    a, b = make_user(), make_user()
    monday = _monday()
    with app.app_context():
        site = site_by_slug("figeac")
        add_closure(site, monday + timedelta(days=4), monday + timedelta(days=4), "Pont", None)  # Friday closed
        db.session.commit()
        person_a, person_b = db.session.get(User, a.id), db.session.get(User, b.id)
        desk1, desk2, salle = (service.get_resource(i) for i in (*desks, room))
        came = service.book(desk1, person_a, *range_for(site, monday, "day"))  # 2 half-days
        missed = service.book(desk2, person_b, *range_for(site, monday, "morning"))  # 1 half-day
        service.book(desk2, person_a, *range_for(site, monday + timedelta(days=1), "afternoon"))  # 1
        start = to_utc(monday, time(9, 0), site.timezone)
        service.book(salle, person_b, start, start + timedelta(minutes=90))  # 1.5 room hours
        db.session.commit()
        checkin.check_in(came.id, person_a, now=came.starts_at + timedelta(minutes=5))
        db.session.commit()
        checkin.mark_no_show(missed.id, site, None, now=missed.starts_at + timedelta(hours=1))
        db.session.commit()
        figures = occupancy.occupancy(site, *occupancy.week_of(monday + timedelta(days=2)))
        assert (figures.first, figures.last) == (monday, monday + timedelta(days=6))
        # 4 open days (Friday closed, weekend closed) x 2 half-days x 2 desks
        assert figures.open_half_days == 16
        assert figures.booked_half_days == 4 and figures.arrived_half_days == 2
        assert figures.desk_rate == 4 / 16 and figures.arrived_rate == 2 / 16
        # 4 open days x 8.5 hours x 1 room
        assert figures.open_room_hours == 34 and figures.booked_room_hours == 1.5
        assert figures.members == 2 and figures.no_shows == 1
        first = figures.days[0]
        assert (first.open_half_days, first.booked_half_days, first.members, first.no_shows) == (4, 3, 2, 1)
        assert figures.days[4].open_half_days == 0 and figures.days[4].desk_rate is None
        assert figures.revenue_cents == 0 and figures.currency == "EUR"  # nothing invoiced yet


def test_a_retired_desk_stops_counting_and_cancelled_bookings_never_count(app, make_site, make_resource, make_user):
    make_site("figeac")
    keep = make_resource("figeac", "desk", "Poste 1")
    retired = make_resource("figeac", "desk", "Poste 2")
    member = make_user()
    monday = _monday()
    with app.app_context():
        from plugins.booking.models import Resource
        from plugins.booking.resources import retire_resource

        site = site_by_slug("figeac")
        retire_resource(site, db.session.get(Resource, retired), None)  # today, before that Monday
        booking = service.book(service.get_resource(keep), db.session.get(User, member.id),
                               *range_for(site, monday, "morning"))
        db.session.commit()
        service.cancel(booking.id, None, "manager")
        db.session.commit()
        figures = occupancy.occupancy(site, monday, monday)
        assert figures.open_half_days == 2 and figures.booked_half_days == 0 and figures.members == 0


def test_month_bounds():
    assert occupancy.month_of(date(2026, 2, 14)) == (date(2026, 2, 1), date(2026, 2, 28))
    assert occupancy.month_of(date(2026, 12, 31)) == (date(2026, 12, 1), date(2026, 12, 31))
    assert occupancy.week_of(date(2026, 12, 3)) == (date(2026, 11, 30), date(2026, 12, 6))


def test_revenue_comes_from_billing_and_is_absent_when_billing_is_off(app, make_site):
    make_site("figeac")
    with app.test_request_context():
        from core.modules.service import set_enabled

        site = site_by_slug("figeac")
        monday = _monday()
        assert occupancy.occupancy(site, monday, monday).currency == "EUR"
        set_enabled("billing", False)
        db.session.commit()
    with app.test_request_context():
        site = site_by_slug("figeac")
        figures = occupancy.occupancy(site, monday, monday)
        assert figures.currency is None and figures.revenue_cents is None


def test_occupancy_page_draws_charts_with_their_tables_and_exports_csv(client, auth, site_with_desk, make_user, app):
    member = make_user()
    monday = _monday()
    with app.app_context():
        site = site_by_slug("figeac")
        service.book(service.get_resource(site_with_desk), db.session.get(User, member.id),
                     *range_for(site, monday, "day"))
        db.session.commit()
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    page = client.get(f"/booking/manage/figeac/occupancy?day={monday}")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and 'id="week-occupancy"' in text and 'id="month-occupancy"' in text
    assert '<title id="week-occupancy-title">' in text and 'id="week-table"' in text
    assert f'data-day="{monday.isoformat()}" data-value="1.0"' in text  # desks booked: 2 of 2 half-days
    export = client.get(f"/booking/manage/figeac/occupancy.csv?period=week&day={monday}")
    rows = list(csv.reader(io.StringIO(export.get_data(as_text=True)), delimiter=";"))
    assert rows[0][:2] == ["Jour", "Demi-journées ouvertes"] and len(rows) == 1 + 7 + 1  # as the page, in French
    assert rows[1][:5] == [monday.isoformat(), "2", "2", "0", "1,0000"] and rows[-1][0] == "Total"
    assert client.get("/booking/manage/figeac/occupancy?day=garbage").status_code == 422
    assert client.get("/booking/manage/figeac/occupancy?day=9999-01-01").status_code == 422


def test_month_occupancy_costs_a_fixed_number_of_queries(app, site_with_desk, make_user):
    from sqlalchemy import event

    members = [make_user() for _ in range(3)]
    with app.app_context():
        site = site_by_slug("figeac")
        day = next_weekday()
        for n, person in enumerate(members):
            service.book(service.get_resource(site_with_desk), db.session.get(User, person.id),
                         *range_for(site, day + timedelta(days=7 * n), "morning"))
        db.session.commit()
        db.session.expire_all()
        statements = []
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            figures = occupancy.occupancy(site, *occupancy.month_of(day))
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        assert figures.booked_half_days >= 1
        assert not any("FROM booking_booking" in s and "JOIN" not in s and "count" not in s.lower()
                       for s in statements)
        assert len(statements) <= 12  # site, hours, closures, resources, three counts, revenue: not one a booking
        assert db.session.scalar(db.select(db.func.count()).select_from(Booking)) == 3
