"""The day at the desk: arrivals and no-shows recorded by a manager, booking for a member with
the members' periods (input kept on a refusal), managers alerted of requests and payments due,
their landing page, and members checking in with the site's QR code (and its abuse)."""
from __future__ import annotations

from datetime import timedelta

import pytest

from booking_dates import next_weekday
from core.accounts.models import User
from core.extensions import db
from core.sites.service import site_by_slug
from plugins.booking import checkin, service
from plugins.booking.errors import BookingError
from plugins.booking.models import Booking
from plugins.booking.slots import range_for


def _book(app, person, resource_id, day, period="morning"):
    with app.app_context():
        resource = service.get_resource(resource_id)
        booking = service.book(resource, db.session.get(User, person.id), *range_for(resource.site, day, period))
        db.session.commit()
        return booking.id


def test_arrival_no_show_and_its_undo_follow_the_day(app, site_with_desk, make_user):
    manager = make_user(role="site-manager", sites=["figeac"])
    day = next_weekday()
    booking_id = _book(app, make_user(), site_with_desk, day)
    with app.app_context():
        site, actor = site_by_slug("figeac"), db.session.get(User, manager.id)
        booking = db.session.get(Booking, booking_id)
        start = booking.starts_at
        with pytest.raises(BookingError):  # not yet started
            checkin.mark_no_show(booking_id, site, actor, now=start - timedelta(minutes=5))
        with pytest.raises(BookingError):  # the day before
            checkin.record_arrival(booking_id, site, actor, now=start - timedelta(days=1))
        assert checkin.mark_no_show(booking_id, site, actor, now=start + timedelta(minutes=20)).status == "no_show"
        with pytest.raises(BookingError):  # the next day: too late to take back
            checkin.undo_no_show(booking_id, site, actor, now=start + timedelta(days=1))
        assert checkin.undo_no_show(booking_id, site, actor, now=start + timedelta(hours=1)).status == "confirmed"
        arrived = checkin.record_arrival(booking_id, site, actor, now=start + timedelta(hours=1))
        assert arrived.status == "checked_in" and arrived.checked_in_at == start + timedelta(hours=1)
        with pytest.raises(BookingError):  # twice
            checkin.record_arrival(booking_id, site, actor, now=start + timedelta(hours=2))
        db.session.commit()


def test_a_no_show_cannot_be_taken_back_once_its_place_is_given(app, make_site, make_resource, make_user):
    make_site("figeac")
    room = make_resource("figeac", "room", "Salle Lot")  # booked by the hour: the rest of its slot is bookable
    manager, taker = make_user(role="site-manager", sites=["figeac"]), make_user()
    day = next_weekday()
    booking_id = _book(app, make_user(), room, day)
    with app.app_context():
        site, actor = site_by_slug("figeac"), db.session.get(User, manager.id)
        booking = db.session.get(Booking, booking_id)
        late = booking.starts_at + timedelta(minutes=30)
        checkin.mark_no_show(booking_id, site, actor, now=late)
        service.book(service.get_resource(room), db.session.get(User, taker.id), late + timedelta(minutes=30),
                     booking.ends_at, now=late)
        db.session.commit()
        with pytest.raises(BookingError) as refused:
            checkin.undo_no_show(booking_id, site, actor, now=late + timedelta(minutes=10))
        assert refused.value.code == "slot_taken"
        db.session.rollback()
        assert db.session.get(Booking, booking_id).status == "no_show"


def test_day_view_lists_arrivals_by_period_and_a_manager_checks_in_from_it(client, auth, app, make_site,
                                                                           make_resource, make_user):
    from datetime import time

    from core.timeutil import today_at

    every_day = {d: [(time(0, 0), time(12, 0)), (time(12, 0), time(23, 59))] for d in range(7)}
    make_site("figeac", hours=every_day, closed_on_public_holidays=False)
    desk = make_resource("figeac", "desk", "Poste 1")
    member = make_user(name="Camille Martin")
    today = today_at("Europe/Paris")
    with app.app_context():
        resource = service.get_resource(desk)
        start, end = range_for(resource.site, today, "day")
        booking = service.book(resource, db.session.get(User, member.id), start, end, now=start - timedelta(hours=1))
        db.session.commit()
        booking_id = booking.id
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    page = client.get("/booking/manage/figeac").get_data(as_text=True)
    assert "Camille Martin" in page and f"/bookings/{booking_id}/arrived" in page and "Journée" in page
    assert client.post(f"/booking/manage/figeac/bookings/{booking_id}/arrived").status_code == 303
    with app.app_context():
        assert db.session.get(Booking, booking_id).status == "checked_in"
    assert client.post(f"/booking/manage/figeac/bookings/{booking_id}/no-show").status_code == 422


def test_book_for_a_member_with_periods_keeps_the_input_on_a_refusal(client, auth, site_with_desk, make_user, app):
    member = make_user(name="Camille Martin")
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    day = next_weekday()
    page = client.get(f"/booking/manage/figeac?day={day}").get_data(as_text=True)
    assert 'value="afternoon"' in page and 'value="day"' in page  # the members' periods, not only hours
    refused = client.post("/booking/manage/figeac/book", data={
        "member_email": "nobody@example.org", "resource": site_with_desk, "date": day.isoformat(),
        "period": "afternoon"})
    assert refused.status_code == 422
    text = refused.get_data(as_text=True)
    assert 'value="nobody@example.org"' in text and '<option value="afternoon" selected>' in text
    assert f'value="{day.isoformat()}"' in text and 'role="alert"' in text
    booked = client.post("/booking/manage/figeac/book", data={
        "member_email": member.email, "resource": site_with_desk, "date": day.isoformat(), "period": "afternoon"})
    assert booked.status_code == 303 and f"day={day.isoformat()}" in booked.headers["Location"]
    assert member.email in client.get(f"/booking/manage/figeac?day={day}").get_data(as_text=True)  # the picker


def test_book_for_a_member_by_their_name(client, auth, site_with_desk, make_user):
    """The field said "type a name or an address" but was an e-mail field: a name typed without
    picking from the suggestions was refused by the browser, in its own words. A member who
    booked here is found by name; two of the same name ask for the address."""
    camille = make_user(name="Camille Martin")
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    first, second, third = next_weekday(1), next_weekday(2), next_weekday(3)

    def book(who, day):
        return client.post("/booking/manage/figeac/book", data={
            "member_email": who, "resource": site_with_desk, "date": day.isoformat(), "period": "morning"})

    page = client.get(f"/booking/manage/figeac?day={first}").get_data(as_text=True)
    assert 'id="member_email" type="text"' in page
    refused = book("Camille Martin", first)  # not booked here yet: nobody of that name to suggest
    assert refused.status_code == 422 and "tapez son adresse" in refused.get_data(as_text=True)
    assert book(camille.email, first).status_code == 303
    assert book("  camille   martin ", second).status_code == 303  # now one of the site's members
    make_user(name="Camille Martin", email="camille.m@example.org")
    assert book("camille.m@example.org", third).status_code == 303
    twice = book("Camille Martin", next_weekday(4))
    assert twice.status_code == 422 and "Plusieurs membres" in twice.get_data(as_text=True)


def test_managers_are_mailed_once_per_request_and_see_a_badge(client, auth, app, make_site, make_resource,
                                                               make_user, mailbox):
    make_site("figeac")
    make_site("aurillac")
    office = make_resource("figeac", "office", "Bureau", approval_required=True)
    manager = make_user(role="site-manager", sites=["figeac"])
    other = make_user(role="site-manager", sites=["aurillac"])
    member = make_user(name="Camille Martin")
    day = next_weekday()
    auth.login(member)
    client.post("/booking/sites/figeac/book", data={"resource": office, "date": day.isoformat(), "period": "morning"})
    auth.logout()
    messages = mailbox.wait_for(2)  # the member's, the manager's
    to_manager = mailbox.to(manager.email)
    assert len(to_manager) == 1 and "Camille Martin" in to_manager[0]["Subject"]
    assert not mailbox.to(other.email)
    assert len(messages) == 2
    auth.login(manager)
    home = client.get("/").get_data(as_text=True)
    assert "1 à traiter" in home
    page = client.get(f"/booking/manage/figeac?day={day}").get_data(as_text=True)
    assert '<span class="badge">1</span>' in page, page[page.find("to-handle") - 50:page.find("to-handle") + 400]
    client.get(f"/booking/manage/figeac?day={day}")
    assert len(mailbox.to(manager.email)) == 1  # page views send nothing


def test_a_manager_lands_on_the_site_day_and_with_several_sites_on_a_chooser(client, auth, make_site, make_user):
    make_site("figeac")
    make_site("aurillac")
    one = make_user(role="site-manager", sites=["figeac"])
    response = auth.login(one)
    assert response.headers["Location"] == "/booking/manage"
    assert client.get("/booking/manage").headers["Location"].endswith("/booking/manage/figeac")
    auth.logout()
    auth.login(make_user(role="site-manager", sites=["figeac", "aurillac"]))
    chooser = client.get("/booking/manage").get_data(as_text=True)
    assert "/booking/manage/figeac" in chooser and "/booking/manage/aurillac" in chooser
    auth.logout()
    assert auth.login(make_user()).headers["Location"] == "/"  # members land on the home page


def _today_booking(app, member, make_site, make_resource, slug="figeac"):
    from datetime import time

    from core.timeutil import today_at

    every_day = {d: [(time(0, 0), time(23, 59))] for d in range(7)}
    make_site(slug, hours=every_day, closed_on_public_holidays=False)
    desk = make_resource(slug, "desk", "Poste 1")
    with app.app_context():
        resource = service.get_resource(desk)
        start, end = range_for(resource.site, today_at("Europe/Paris"), "day")
        booking = service.book(resource, db.session.get(User, member.id), start, end, now=start - timedelta(hours=1))
        db.session.commit()
        return booking.id


def test_a_member_checks_in_with_the_sites_qr_code(client, auth, app, make_site, make_resource, make_user):
    member = make_user()
    booking_id = _today_booking(app, member, make_site, make_resource)
    manager = make_user(role="site-manager", sites=["figeac"])
    auth.login(manager)
    sheet = client.get("/booking/manage/figeac/arrival-code").get_data(as_text=True)
    assert '<svg role="img"' in sheet and 'class="qr-code"' in sheet
    auth.logout()
    with app.test_request_context():
        from core.db import utcnow

        site = site_by_slug("figeac")
        token = checkin.arrival_token(site, checkin.local_day(site, utcnow()))
    url = f"/booking/sites/figeac/arrive/{token}"
    signed_out = client.get(url)  # not signed in: sign in first, then back here
    assert signed_out.status_code == 302 and "/login" in signed_out.headers["Location"]
    auth.login(member)
    assert client.get(url).status_code == 200
    with app.app_context():
        assert db.session.get(Booking, booking_id).status == "confirmed"  # a GET changes nothing
    assert client.post(url).status_code == 303
    with app.app_context():
        assert db.session.get(Booking, booking_id).status == "checked_in"
    replay = client.post(url)
    assert replay.status_code == 422 and "déjà" in replay.get_data(as_text=True)


def test_qr_codes_of_another_site_or_day_and_members_without_booking_are_refused(app, make_site, make_resource,
                                                                                 make_user):
    member, stranger = make_user(), make_user()
    booking_id = _today_booking(app, member, make_site, make_resource)
    make_site("aurillac")
    with app.test_request_context():
        from core.db import utcnow

        figeac, aurillac = site_by_slug("figeac"), site_by_slug("aurillac")
        now = utcnow()
        today = checkin.local_day(figeac, now)
        person = db.session.get(User, member.id)
        for token in (checkin.arrival_token(aurillac, today), checkin.arrival_token(figeac, today - timedelta(days=1)),
                      "0" * 24, ""):
            with pytest.raises(BookingError) as refused:
                checkin.check_in_at_site(figeac, person, token, now=now)
            assert refused.value.code == "bad_code"
        with pytest.raises(BookingError) as refused:
            checkin.check_in_at_site(figeac, db.session.get(User, stranger.id), checkin.arrival_token(figeac, today),
                                     now=now)
        assert refused.value.code == "no_booking"
        assert db.session.get(Booking, booking_id).status == "confirmed"


def test_bad_arrival_addresses_answer_4xx(client, auth, make_site, make_user):
    make_site("figeac")
    auth.login(make_user())
    assert client.get("/booking/sites/figeac/arrive/nonsense").status_code == 422
    assert client.post("/booking/sites/figeac/arrive/nonsense").status_code == 422
    assert client.get("/booking/sites/nowhere/arrive/x").status_code == 404
    assert client.get("/booking/manage/figeac/arrival-code").status_code == 403
    assert client.post("/booking/manage/figeac/bookings/1/arrived").status_code == 403
