"""Members' pages through the client: search, a site's week, book, my bookings, cancel, toggles."""
from __future__ import annotations

from booking_dates import next_weekday
from core.extensions import db
from core.modules.service import set_enabled
from core.sites.service import site_by_slug


def test_search_lists_sites_with_free_places_nearest_first(client, auth, make_site, make_resource, make_user):
    make_site("figeac", latitude=44.6086, longitude=2.0317)
    make_site("aurillac", latitude=44.9264, longitude=2.4397)
    make_resource("figeac", "desk", "Poste F")
    make_resource("aurillac", "desk", "Poste A")
    member = make_user(home_latitude=44.93, home_longitude=2.44)  # lives in Aurillac
    auth.login(member)
    day = next_weekday()
    page = client.get(f"/booking?date={day}&period=morning&kind=desk").get_data(as_text=True)
    assert page.count("Réserver un poste") == 2  # one button a site: the platform picks the desk
    assert page.index("/booking/sites/aurillac") < page.index("/booking/sites/figeac")


def test_search_with_a_malformed_date_is_a_400(client, make_site):
    make_site("figeac")
    assert client.get("/booking?date=2027-13-45").status_code == 400


def test_member_books_a_desk_and_sees_it_then_cancels(client, auth, site_with_desk, make_user, mailbox):
    member = make_user()
    auth.login(member)
    day = next_weekday()
    week = client.get(f"/booking/sites/figeac?week={day}")
    assert week.status_code == 200 and "Poste 1" in week.get_data(as_text=True)
    assert "Open space" in week.get_data(as_text=True)  # the place's details
    response = client.post("/booking/sites/figeac/book", data={"resource": site_with_desk, "date": day.isoformat(),
                                                              "period": "morning"})
    assert response.status_code == 303
    mine = client.get("/booking/mine").get_data(as_text=True)
    from babel.dates import format_date
    assert "Poste 1" in mine and format_date(day, "full", locale="fr") in mine  # "mardi 8 décembre 2026"
    message = mailbox.wait_for(1)[0]
    assert any(part.get_content_type() == "text/calendar" for part in message.iter_attachments())
    booking_id = int(response.headers["Location"].rstrip("/").rsplit("/", 1)[-1])
    assert client.post(f"/booking/{booking_id}/cancel").status_code == 303
    again = client.post("/booking/sites/figeac/book", data={"resource": site_with_desk, "date": day.isoformat(),
                                                           "period": "morning"})
    assert again.status_code == 303


def test_taken_slot_is_a_409_offering_the_waitlist(client, auth, site_with_desk, make_user):
    day = next_weekday()
    data = {"resource": site_with_desk, "date": day.isoformat(), "period": "morning"}
    auth.login(make_user())
    client.post("/booking/sites/figeac/book", data=data)
    auth.logout()
    auth.login(make_user())
    response = client.post("/booking/sites/figeac/book", data=data)
    assert response.status_code == 409
    assert "waitlist" in response.get_data(as_text=True).lower()


def test_bad_input_gets_a_4xx_in_the_members_language(client, auth, site_with_desk, make_user):
    auth.login(make_user(locale="fr"))
    saturday = next_weekday(5)
    closed = client.post("/booking/sites/figeac/book", data={"resource": site_with_desk,
                                                            "date": saturday.isoformat(), "period": "morning"})
    assert closed.status_code == 422
    assert "ouvert" in closed.get_data(as_text=True)
    reversed_ = client.post("/booking/sites/figeac/book", data={
        "resource": site_with_desk, "date": next_weekday().isoformat(), "period": "hours", "start": "11:00",
        "end": "10:00"})
    assert reversed_.status_code == 422
    garbage = client.post("/booking/sites/figeac/book", data={"resource": "x", "date": "nope", "period": "z"})
    assert garbage.status_code in (400, 422)
    bad_hour = client.post("/booking/sites/figeac/book", data={
        "resource": site_with_desk, "date": next_weekday().isoformat(), "period": "hours", "start": "25:99",
        "end": "10:00"})
    assert bad_hour.status_code == 422


def test_another_sites_resource_is_not_found(client, auth, site_with_desk, make_site, make_user):
    make_site("aurillac")
    auth.login(make_user())
    response = client.post("/booking/sites/aurillac/book", data={"resource": site_with_desk,
                                                                "date": next_weekday().isoformat(),
                                                                "period": "morning"})
    assert response.status_code == 404


def test_module_switched_off_at_a_site_hides_its_pages(app, client, auth, site_with_desk, make_user):
    with app.app_context():
        set_enabled("booking", False, site=site_by_slug("figeac"))
        db.session.commit()
    assert client.get("/booking/sites/figeac").status_code == 404
    auth.login(make_user())
    response = client.post("/booking/sites/figeac/book", data={"resource": site_with_desk,
                                                              "date": next_weekday().isoformat(),
                                                              "period": "morning"})
    assert response.status_code == 404
    with app.app_context():
        set_enabled("booking", False)
        db.session.commit()
        db.session.commit()
    assert client.get("/booking").status_code == 404


def test_site_page_and_dashboard_show_booking_sections(client, auth, site_with_desk, make_user):
    page = client.get("/sites/figeac").get_data(as_text=True)
    # The resource's kind, from booking's labels: the core's page has its own `kind_labels`.
    assert "Poste 1 <small>Poste de travail</small>" in page
    auth.login(make_user())
    assert client.get("/").status_code == 200


def test_recurring_booking_shows_free_and_taken_dates_before_confirming(client, auth, site_with_desk, make_user):
    from datetime import timedelta

    day = next_weekday()
    auth.login(make_user())
    client.post("/booking/sites/figeac/book", data={"resource": site_with_desk,
                                                   "date": (day + timedelta(days=7)).isoformat(), "period": "morning"})
    auth.logout()
    auth.login(make_user())
    data = {"resource": site_with_desk, "date": day.isoformat(), "period": "morning",
            "until": (day + timedelta(days=21)).isoformat()}
    preview = client.post("/booking/sites/figeac/series", data=data)
    text = preview.get_data(as_text=True)
    assert preview.status_code == 200 and text.count("<tr><td data-label=") == 4
    assert "Réserver les 3 dates libres" in text
    done = client.post("/booking/sites/figeac/series", data={**data, "confirm": "1"})
    assert done.status_code == 303
    assert client.get("/booking/mine").get_data(as_text=True).count("Poste 1") == 3


def test_the_week_grid_keeps_its_days_and_its_buttons_and_titles_name_the_day(client, auth, site_with_desk, make_user):
    """On a phone the week grid scrolls rather than reflowing (its days are its columns); each of
    its buttons says which day it books, for a screen reader's list of buttons; a booking's page
    title says what and when (WCAG 2.4.2, 2.4.6)."""
    import lxml.html
    from babel.dates import format_date

    auth.login(make_user())
    day = next_weekday()
    long_day = format_date(day, "full", locale="fr")
    tree = lxml.html.fromstring(client.get(f"/booking/sites/figeac?week={day}").get_data(as_text=True))
    grid = tree.xpath("//table[contains(concat(' ', @class, ' '), ' week ')]")[0]
    assert "keep-table" in grid.get("class").split()
    region = grid.getparent()
    assert region.get("role") == "region" and region.get("tabindex") == "0"
    assert region.get("aria-labelledby") == grid.xpath("caption/@id")[0]
    names = [" ".join(button.text_content().split()) for button in grid.xpath(".//button")]
    assert any("Poste 1" in name and long_day in name and "Matin" in name for name in names), names
    booked = client.post("/booking/sites/figeac/book", data={"resource": site_with_desk, "date": day.isoformat(),
                                                            "period": "morning"})
    title = lxml.html.fromstring(client.get(booked.headers["Location"]).get_data(as_text=True)).findtext(".//title")
    assert "Poste 1" in title and long_day in title, title


def test_the_week_grid_says_past_and_under_way_not_taken(app, client, site_with_desk, make_user):
    """Half-days gone by were shown "Pris", struck through: a visitor reading Monday and
    Tuesday struck through thought the site full. They are "Passé" (or "En cours"), and only a
    half-day someone booked is "Pris"."""
    from datetime import time, timedelta

    import lxml.html

    from core.timeutil import local_to_utc
    from plugins.booking import availability, service
    from core.accounts.models import User
    from plugins.booking.models import Resource

    wednesday = next_weekday(2)
    monday = wednesday - timedelta(days=2)
    thursday = wednesday + timedelta(days=1)
    member = make_user()
    with app.test_request_context():
        person = db.session.get(User, member.id)
        service.book(db.session.get(Resource, site_with_desk), person, local_to_utc(thursday, time(8, 30), "Europe/Paris"),
                     local_to_utc(thursday, time(12, 30), "Europe/Paris"), person)
        db.session.commit()
        now = local_to_utc(wednesday, time(10), "Europe/Paris")
        days, [(_resource, cells)] = availability.week(site_by_slug("figeac"), monday, now=now)
        states = {(day, slot.period): state for day, cell in zip(days, cells) for slot, state in cell}
    assert states[(monday, "morning")] == states[(monday, "afternoon")] == "past"
    assert states[(wednesday, "morning")] == "under_way" and states[(wednesday, "afternoon")] == "free"
    assert states[(thursday, "morning")] == "taken" and states[(thursday, "afternoon")] == "free"

    last_week = next_weekday(2, weeks_ahead=-1)
    tree = lxml.html.fromstring(client.get(f"/booking/sites/figeac?week={last_week}").get_data(as_text=True))
    cells = [" ".join(span.text_content().split()) for span in tree.xpath("//table[contains(@class, 'week')]//span")]
    assert "Matin : Passé" in cells and not any("Pris" in cell for cell in cells), cells


def test_searching_a_day_gone_by_says_so_once(client, make_site, make_resource):
    """A past date listed every site with "Plus rien à réserver ce jour-là": the day has passed,
    and the page says so by the date field, showing today's free places."""
    from datetime import timedelta

    from core.timeutil import today_at

    make_site("figeac")
    make_resource("figeac", "desk", "Poste F")
    past = today_at("Europe/Paris") - timedelta(days=10)
    response = client.get(f"/booking?date={past}")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Ce jour est passé" in page and "Plus rien à réserver ce jour-là" not in page


def test_the_arrival_form_shows_only_when_checking_in_is_open(app, client, auth, site_with_desk, make_user):
    """The booking's page offered "I'm here" days ahead, to be refused when used; it shows from
    30 minutes before the start, and says when before. The page gives the booking's number, as
    its e-mails do."""
    from datetime import timedelta

    from core.db import utcnow
    from plugins.booking.models import Booking

    auth.login(make_user())
    booked = client.post("/booking/sites/figeac/book", data={"resource": site_with_desk,
                                                            "date": next_weekday().isoformat(), "period": "morning"})
    path = booked.headers["Location"]
    booking_id = int(path.rstrip("/").rsplit("/", 1)[-1])
    page = client.get(path).get_data(as_text=True)
    assert "Je suis arrivé" not in page and "à partir de 30 minutes avant" in page
    assert "Numéro de réservation" in page and f"<dd>{booking_id}</dd>" in page
    with app.app_context():
        booking = db.session.get(Booking, booking_id)
        booking.starts_at, booking.ends_at = utcnow() + timedelta(minutes=20), utcnow() + timedelta(hours=3)
        db.session.commit()
    assert "Je suis arrivé" in client.get(path).get_data(as_text=True)


def test_a_refused_room_booking_shows_the_form_again_as_typed(client, auth, make_site, make_resource, make_user):
    """A room booked by the hour with its end before its start went to a "Not possible" page
    whose "Back" led to the current week, the room, the date and the hours lost."""
    import lxml.html

    make_site("figeac")
    room = make_resource("figeac", "room", "Salle Lot")
    auth.login(make_user())
    day = next_weekday(3, weeks_ahead=2)
    response = client.post("/booking/sites/figeac/book", data={"resource": room, "date": day.isoformat(),
                                                              "period": "hours", "start": "15:00", "end": "14:00"})
    assert 400 <= response.status_code < 500
    tree = lxml.html.fromstring(response.get_data(as_text=True))
    [error] = tree.xpath("//*[@id='room-error']")
    assert "fin" in error.text_content() and error.get("role") == "alert"
    assert tree.xpath("//input[@id='room-date']/@value") == [day.isoformat()]
    assert tree.xpath("//input[@id='room-start']/@value") == ["15:00"]
    assert tree.xpath("//input[@id='room-end']/@value") == ["14:00"]
    assert tree.xpath("//select[@id='room-resource']/option[@selected]/@value") == [str(room)]
    # The week shown is the one of the date tried: its grid's buttons book that day.
    assert day.isoformat() in tree.xpath("//table[contains(@class, 'week')]//input[@name='date']/@value")


def test_the_cancel_page_of_a_cancelled_booking_does_not_ask_to_cancel_it(client, auth, site_with_desk, make_user):
    """It kept the heading "Annuler cette réservation ?" above "Cette réservation n'est plus active"."""
    import lxml.html

    auth.login(make_user())
    booked = client.post("/booking/sites/figeac/book", data={"resource": site_with_desk,
                                                            "date": next_weekday().isoformat(), "period": "morning"})
    booking_id = int(booked.headers["Location"].rstrip("/").rsplit("/", 1)[-1])
    tree = lxml.html.fromstring(client.get(f"/booking/{booking_id}/cancel").get_data(as_text=True))
    assert tree.findtext(".//h1") == "Annuler cette réservation ?"
    assert client.post(f"/booking/{booking_id}/cancel").status_code == 303
    tree = lxml.html.fromstring(client.get(f"/booking/{booking_id}/cancel").get_data(as_text=True))
    assert tree.findtext(".//h1") == "Cette réservation ne peut pas être annulée"
    assert "n'est plus active" in tree.text_content().replace("’", "'") and not tree.xpath("//main//form")


def test_the_week_grid_books_the_whole_day_in_one_click_when_both_half_days_are_free(client, auth, site_with_desk,
                                                                                    make_user):
    """The grid offered the morning and the afternoon only: a member wanting the day booked
    twice. The whole day is offered beside them when both are free, and booked as one booking."""
    import lxml.html
    from babel.dates import format_date

    auth.login(make_user())
    day = next_weekday()
    long_day = format_date(day, "full", locale="fr")

    def whole_day_forms():
        tree = lxml.html.fromstring(client.get(f"/booking/sites/figeac?week={day}").get_data(as_text=True))
        return [form for form in tree.xpath("//table[contains(@class, 'week')]//form")
                if form.xpath("input[@name='period']/@value") == ["day"]
                and form.xpath("input[@name='date']/@value") == [day.isoformat()]]

    offered = whole_day_forms()
    assert len(offered) == 1
    name = " ".join(offered[0].xpath("button")[0].text_content().split())
    assert "Poste 1" in name and long_day in name and "Journée" in name, name
    data = {field.get("name"): field.get("value") for field in offered[0].xpath("input")}
    booked = client.post("/booking/sites/figeac/book", data=data)
    assert booked.status_code == 303
    mine = client.get("/booking/mine").get_data(as_text=True)
    assert mine.count("Poste 1") == 1  # one booking for the day, not two
    assert whole_day_forms() == []  # the day is taken: neither half nor the whole is offered

    other_day = next_weekday(2)  # a Wednesday
    client.post("/booking/sites/figeac/book", data={"resource": site_with_desk, "date": other_day.isoformat(),
                                                   "period": "afternoon"})
    tree = lxml.html.fromstring(client.get(f"/booking/sites/figeac?week={other_day}").get_data(as_text=True))
    periods = tree.xpath(f"//table[contains(@class, 'week')]//form[input[@name='date'][@value='{other_day}']]"
                         "/input[@name='period']/@value")
    assert periods == ["morning"]  # the afternoon taken: the morning alone is left, no whole day
