"""Local time across daylight-saving changes, iCalendar documents parsed back, and times of day
written on 24 hours in every language."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import re

import icalendar

from booking_dates import next_weekday
from core.accounts.models import User
from core.extensions import db
from core.sites.service import site_by_slug
from plugins.booking import service
from plugins.booking.calendar import booking_ics, document
from plugins.booking.slots import day_slots, half_days, parse_local, range_for

EVERY_DAY = None
TWELVE_HOUR = re.compile(r"\d{1,2}:\d{2}\W?[AP]M\b")  # "1:30 PM"


def _seven_days(make_site):
    from datetime import time as t

    make_site("figeac", hours={d: [(t(8, 30), t(12, 30)), (t(13, 30), t(18, 0))] for d in range(7)},
              closed_on_public_holidays=False)


def test_a_day_on_dst_dates_covers_the_opening_hours(app, make_site):
    _seven_days(make_site)
    with app.app_context():
        site = site_by_slug("figeac")
        spring_start, spring_end = range_for(site, date(2027, 3, 28), "day")
        autumn_start, autumn_end = range_for(site, date(2027, 10, 31), "day")
    assert spring_start == datetime(2027, 3, 28, 6, 30, tzinfo=timezone.utc)  # UTC+2 after 02:00
    assert spring_end - spring_start == timedelta(hours=9, minutes=30)
    assert autumn_start == datetime(2027, 10, 31, 7, 30, tzinfo=timezone.utc)  # UTC+1 after 03:00
    assert autumn_end - autumn_start == timedelta(hours=9, minutes=30)
    with app.app_context():
        before = range_for(site, date(2027, 3, 27), "morning")[0]
    assert before == datetime(2027, 3, 27, 7, 30, tzinfo=timezone.utc)


def test_local_times_in_the_spring_gap_are_refused(app):
    import pytest
    from plugins.booking.errors import BookingError

    with pytest.raises(BookingError):
        parse_local("2027-03-28T02:30", "Europe/Paris")
    assert parse_local("2027-10-31T02:30", "Europe/Paris") == datetime(2027, 10, 31, 0, 30, tzinfo=timezone.utc)


def test_half_days_follow_the_sites_hours(app, make_site):
    from datetime import time as t

    make_site("figeac", hours={d: [(t(9), t(17))] for d in range(5)})
    with app.app_context():
        site = site_by_slug("figeac")
        parts = half_days(site, next_weekday())
        assert parts["morning"] == (t(9), t(13)) and parts["afternoon"] == (t(13), t(17))
        assert half_days(site, next_weekday(6)) == {}
        rooms = [s for s in day_slots(site, next_weekday(), "room") if s.period == "hour"]
        assert len(rooms) == 8


def test_ical_documents_are_valid_and_carry_the_time_zone(app, make_site, make_resource, make_user):
    _seven_days(make_site)
    desk = make_resource("figeac", "desk", "Poste 1")
    member = make_user()
    with app.test_request_context():
        resource = service.get_resource(desk)
        user = db.session.get(User, member.id)
        site = resource.site
        bookings = [service.book(resource, user, *range_for(site, next_weekday(), "morning"))]
        body = booking_ics(bookings[0])
        feed = document(bookings, "Feed")
    cal = icalendar.Calendar.from_ical(body)
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    event = cal.walk("VEVENT")[0]
    assert event["UID"] and event["DTSTAMP"]
    start = event.decoded("DTSTART")
    assert str(start.tzinfo) == "Europe/Paris" and start.strftime("%H:%M") == "08:30"
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    zones = cal.walk("VTIMEZONE")
    assert zones and zones[0]["TZID"] == "Europe/Paris"
    assert {c.name for c in zones[0].subcomponents} <= {"STANDARD", "DAYLIGHT"}
    assert icalendar.Calendar.from_ical(feed).walk("VEVENT")


def test_member_feed_is_private_and_lists_bookings(client, auth, site_with_desk, make_user):
    member = make_user()
    auth.login(member)
    day = next_weekday()
    client.post("/booking/sites/figeac/book", data={"resource": site_with_desk, "date": day.isoformat(),
                                                   "period": "afternoon"})
    client.post("/booking/feed")
    page = client.get("/booking/mine").get_data(as_text=True)
    url = page.split('id="feed-url" type="text" readonly value="')[1].split('"')[0]
    auth.logout()
    response = client.get(url.replace("http://tierslieux.test", ""))
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    cal = icalendar.Calendar.from_ical(response.data)
    assert cal.walk("VEVENT")[0].decoded("DTSTART").strftime("%H:%M") == "13:30"
    assert client.get("/booking/feed/not-a-token.ics").status_code == 404
    download = client.get("/booking/1/booking.ics")
    assert download.status_code in (302, 401)  # signed out: no calendar


def test_a_booking_in_english_says_its_times_in_24_hours_on_its_page_and_in_its_mail(
        client, auth, make_site, make_resource, make_user, mailbox):
    make_site("figeac")  # afternoons 13:30-18:00
    desk = make_resource("figeac", "desk", "Poste 1")
    auth.login(make_user(locale="en"))
    day = next_weekday()
    booked = client.post("/booking/sites/figeac/book", data={"resource": desk, "date": day.isoformat(),
                                                             "period": "afternoon"})
    assert booked.status_code == 303, booked.get_data(as_text=True)[:300]
    page = client.get(booked.headers["Location"]).get_data(as_text=True)
    assert "13:30" in page and "18:00" in page
    assert not TWELVE_HOUR.search(page), TWELVE_HOUR.search(page)
    [mail] = mailbox.wait_for(1)
    body = mail.get_body(("plain",)).get_content()
    assert "13:30" in body and "18:00" in body and not TWELVE_HOUR.search(body), body
    # The colon of English, without the space French puts before it.
    assert "Place: Poste 1" in body and " :" not in body, body


def test_a_booking_mail_in_french_puts_a_no_break_space_before_each_colon(client, auth, make_site, make_resource,
                                                                          make_user, mailbox):
    make_site("figeac")
    desk = make_resource("figeac", "desk", "Poste 1")
    auth.login(make_user(locale="fr"))
    booked = client.post("/booking/sites/figeac/book", data={"resource": desk, "date": next_weekday().isoformat(),
                                                             "period": "afternoon"})
    assert booked.status_code == 303
    [mail] = mailbox.wait_for(1)
    body = mail.get_body(("plain",)).get_content()
    assert "Place\u00a0: Poste 1" in body, body
