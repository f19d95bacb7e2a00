"""My bookings: what is coming up first (the soonest first), the past apart (the most recent
first, by pages); cancelling asks for confirmation first."""
from __future__ import annotations

from datetime import timedelta

from babel.dates import format_date

from booking_dates import next_weekday
from core.extensions import db
from plugins.booking.models import Booking


def book(client, resource, day, period="morning"):
    response = client.post("/booking/sites/figeac/book", data={"resource": resource, "date": day.isoformat(),
                                                               "period": period})
    assert response.status_code == 303
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[-1])


def test_upcoming_come_first_soonest_first_and_past_apart_latest_first(app, client, auth, site_with_desk,
                                                                         make_user):
    member = make_user()
    auth.login(member)
    later, sooner = next_weekday(weeks_ahead=3), next_weekday(weeks_ahead=1)
    ids = [book(client, site_with_desk, later), book(client, site_with_desk, sooner),
           book(client, site_with_desk, next_weekday(weekday=3, weeks_ahead=2))]
    with app.app_context():  # two of them are over: moved a month back, two weeks apart
        for booking_id, days in ((ids[1], 40), (ids[2], 30)):
            row = db.session.get(Booking, booking_id)
            row.starts_at -= timedelta(days=days + 21)
            row.ends_at -= timedelta(days=days + 21)
        db.session.commit()
        past_days = [db.session.get(Booking, i).starts_at for i in ids[1:]]
    page = client.get("/booking/mine").get_data(as_text=True)
    upcoming, past = page.split('id="past-title"')
    assert format_date(later, "full", locale="fr") in upcoming
    assert "1 réservation, la plus proche en premier." in upcoming
    assert upcoming.count('class="card booking-card') == 1
    positions = [past.index(format_date(d.date(), "full", locale="fr")) for d in past_days]
    assert positions[1] < positions[0]  # the most recent first


def test_past_bookings_come_by_pages(app, client, auth, site_with_desk, make_user):
    from plugins.booking import service

    member = make_user()
    auth.login(member)
    ids = [book(client, site_with_desk, next_weekday(weekday=d % 5, weeks_ahead=1 + d // 5)) for d in range(3)]
    with app.app_context():
        for booking_id in ids:
            service.cancel(booking_id, None, "member")
        db.session.commit()
        upcoming, first, older = service.upcoming_and_past(member, per_page=2)
        assert upcoming == [] and len(first) == 2 and older
        _, second, older = service.upcoming_and_past(member, page=2, per_page=2)
        assert len(second) == 1 and not older
    assert client.get("/booking/mine?page=2").status_code == 200
    assert client.get("/booking/mine?page=nonsense").status_code == 200


def test_cancelling_asks_first_then_cancels(app, client, auth, site_with_desk, make_user):
    member = make_user()
    auth.login(member)
    booking_id = book(client, site_with_desk, next_weekday())
    shown = client.get(f"/booking/{booking_id}").get_data(as_text=True)
    assert f'href="/booking/{booking_id}/cancel"' in shown
    ask = client.get(f"/booking/{booking_id}/cancel")
    assert ask.status_code == 200
    html = ask.get_data(as_text=True)
    assert "Annuler cette réservation ?" in html and "Oui, l’annuler" in html
    with app.app_context():
        assert db.session.get(Booking, booking_id).status == "confirmed"
    done = client.post(f"/booking/{booking_id}/cancel", follow_redirects=True)
    assert "La réservation est annulée." in done.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Booking, booking_id).status == "cancelled"
    again = client.get(f"/booking/{booking_id}/cancel").get_data(as_text=True)
    assert "Oui, l’annuler" not in again


def test_someone_elses_booking_cannot_be_asked_about(client, auth, site_with_desk, make_user):
    auth.login(make_user())
    booking_id = book(client, site_with_desk, next_weekday())
    auth.logout()
    auth.login(make_user())
    assert client.get(f"/booking/{booking_id}/cancel").status_code == 404


def test_the_home_page_shows_the_five_soonest_bookings_not_over_yet(app, client, auth, site_with_desk, make_user):
    """The panel: the five soonest bookings, in order (the query now asks for five, not all of a
    member's bookings to come), leaving out what is over or cancelled."""
    auth.login(make_user())
    days = [next_weekday(weeks_ahead=weeks) for weeks in range(1, 9)]
    ids = [book(client, site_with_desk, day) for day in reversed(days)]  # booked latest first
    with app.app_context():
        over = db.session.get(Booking, ids[-1])  # the soonest: moved a month back
        over.starts_at -= timedelta(days=40)
        over.ends_at -= timedelta(days=40)
        db.session.get(Booking, ids[-2]).status = "cancelled"  # the next one
        db.session.commit()
    home = client.get("/").get_data(as_text=True)
    shown = [f'href="/booking/{i}"' for i in reversed(ids)]  # soonest first
    assert shown[0] not in home and shown[1] not in home
    positions = [home.find(link) for link in shown[2:]]
    assert all(p > 0 for p in positions[:5]) and positions[5] == -1
    assert positions[:5] == sorted(positions[:5])
