"""Ending an employee's cover: asked first on a page listing the bookings the convention pays
after the end, then done at once (the cover ends, those bookings are cancelled through booking,
the employee gets one e-mail), once even when posted twice, and taken back by inviting again."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from flask_babel import force_locale
from sqlalchemy import func, select

from conventions_helpers import next_weekday, set_convention
from core.accounts.models import User
from core.extensions import db
from core.mail import MailMessage
from core.timeutil import today_at
from plugins.booking import Booking
from plugins.conventions.models import Authorisation, Convention, Use


def _auth_id(app, person) -> int:
    with app.app_context():
        return db.session.scalar(select(Authorisation.id).where(Authorisation.user_id == person.id))


def _booked(book, person, desk, day) -> int:
    status, body = book(person, desk, day)
    assert status == 201, body
    return body["id"]


@pytest.fixture
def booked(app, world, book):
    """The employee's bookings: two days the convention pays (two weeks apart: one day a week
    fits its cap) and a day at Aurillac, which it does not cover, that they pay themselves."""
    set_convention(app, world.convention_id, past_cap="member_pays")
    paid = [_booked(book, world.employee, world.desks["figeac"][0], next_weekday(1, weeks)) for weeks in (1, 2)]
    own = _booked(book, world.employee, world.desks["aurillac"][0], next_weekday(2, 1))
    with app.app_context():
        assert [db.session.get(Booking, i).payer_kind for i in (*paid, own)] == ["partner", "partner", "member"]
    return paid, own


def _end(app, world, **options):
    from plugins.conventions import ending

    auth_id = _auth_id(app, world.employee)
    with app.test_request_context(method="POST"):
        done = ending.end(db.session.get(User, world.referent.id), auth_id, **options)
        db.session.commit()
        return done


# --------------------------------------------------------------------------------------------
# The rule
# --------------------------------------------------------------------------------------------


def test_ending_cancels_the_bookings_the_convention_pays_after_the_end_and_nothing_else(app, world, book, booked,
                                                                                       make_user):
    paid, own = booked
    colleague = make_user(email="collegue@lot.fr")
    with app.app_context():
        convention = db.session.get(Convention, world.convention_id)
        db.session.add(Authorisation(convention_id=convention.id, user_id=colleague.id, status="approved",
                                     valid_from=convention.starts_on))
        db.session.commit()
    theirs = _booked(book, colleague, world.desks["figeac"][1], next_weekday(1, 1))
    done = _end(app, world)
    assert sorted(done.cancelled) == sorted(paid) and not done.already
    with app.app_context():
        auth = db.session.get(Authorisation, _auth_id(app, world.employee))
        assert (auth.status, auth.valid_until) == ("inactive", today_at("Europe/Paris"))
        rows = {b.id: b for b in db.session.scalars(select(Booking))}
        assert [(rows[i].status, rows[i].cancel_reason) for i in paid] == [("cancelled", "employer")] * 2
        assert (rows[own].status, rows[theirs].status) == ("confirmed", "confirmed")  # theirs to pay; a colleague's
        # The days go back to the employer (not a late cancellation), and nothing was refunded: nothing was paid.
        assert db.session.scalars(select(Use.status).where(Use.booking_id.in_(paid))).all() == ["returned"] * 2
    # Their places are free again: the colleague takes the first one that day.
    assert book(colleague, world.desks["figeac"][0], next_weekday(1, 2))[0] == 201


def test_the_employee_s_booking_says_why_it_was_cancelled(app, client, auth, world, booked):
    """Not "cancelled by the site's team": their employer ended the cover."""
    paid, _own = booked
    _end(app, world)
    auth.login(world.employee)
    page = client.get(f"/booking/{paid[0]}", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert re.search(r'<dd class="cancel-note">Annulée\u00a0: votre employeur a mis fin à la prise en charge de vos '
                     r'journées de télétravail et ne paie plus celle-ci.</dd>', page.replace("&#39;", "'")), page


def test_what_ending_cancels_is_the_days_after_the_end_only(app, world, book, booked):
    """The day the cover ends is still paid; only the days after it are cancelled."""
    from plugins.conventions import ending

    paid, _own = booked
    auth_id = _auth_id(app, world.employee)
    with app.test_request_context():
        auth = db.session.get(Authorisation, auth_id)
        assert [b.id for b in ending.standing(auth, next_weekday(1, 1))] == [paid[1]]
        assert [b.id for b in ending.standing(auth, next_weekday(1, 1) - timedelta(days=1))] == paid
        assert ending.standing(auth, next_weekday(1, 2)) == []


def test_the_day_after_the_end_is_the_day_at_the_booking_s_site_in_any_time_zone(app, world, make_site,
                                                                                 make_resource):
    """Sites far east and west of the territory: a booking belongs to the day at its site, and
    the bound `standing` puts on the index (midnight UTC of the end date) leaves none out."""
    from datetime import datetime, time
    from zoneinfo import ZoneInfo

    from plugins.conventions import ending

    end_on = next_weekday(1, 2)
    made = {}
    for slug, zone in (("noumea", "Pacific/Noumea"), ("kiritimati", "Pacific/Kiritimati"),
                       ("papeete", "Pacific/Tahiti")):
        make_site(slug, timezone=zone)
        desk = make_resource(slug, "desk", f"Poste {slug}")
        with app.app_context():
            for day, hour in ((end_on, 20), (end_on + timedelta(days=1), 0), (end_on + timedelta(days=1), 8)):
                starts = datetime.combine(day, time(hour), tzinfo=ZoneInfo(zone))
                booking = Booking(resource_id=desk, site_id=_site_id(slug),
                                  member_id=world.employee.id, starts_at=starts, ends_at=starts + timedelta(hours=4),
                                  status="confirmed", checkin_code="x", payer_kind="partner",
                                  payer_reference=f"convention:{world.convention_id}")
                db.session.add(booking)
                db.session.commit()
                made[booking.id] = (slug, day)
    with app.test_request_context():
        auth = db.session.get(Authorisation, _auth_id(app, world.employee))
        listed = {b.id for b in ending.standing(auth, end_on)}
    assert listed == {i for i, (_slug, day) in made.items() if day > end_on}, (listed, made)


def _site_id(slug) -> int:
    from core.sites.service import site_by_slug

    return site_by_slug(slug).id


def test_a_cover_ends_today_at_the_latest_and_not_before_it_started(app, world):
    from plugins.conventions.errors import ConventionError

    today = today_at("Europe/Paris")
    for asked in (today + timedelta(days=1), today - timedelta(days=2000)):
        with pytest.raises(ConventionError) as refused:
            _end(app, world, end_on=asked)
        assert refused.value.code == "bad_dates"
    with app.app_context():
        assert db.session.get(Authorisation, _auth_id(app, world.employee)).status == "approved"


def test_a_request_waiting_for_a_decision_is_not_ended(app, world, make_user):
    from plugins.conventions import ending
    from plugins.conventions.errors import ConventionError

    person = make_user(email="attente@lot.fr")
    with app.app_context():
        convention = db.session.get(Convention, world.convention_id)
        pending = Authorisation(convention_id=convention.id, user_id=person.id, status="pending",
                                valid_from=convention.starts_on)
        db.session.add(pending)
        db.session.commit()
        pending_id = pending.id
    with app.test_request_context(method="POST"):
        with pytest.raises(ConventionError) as refused:
            ending.end(db.session.get(User, world.referent.id), pending_id)
        assert refused.value.status == 409


# --------------------------------------------------------------------------------------------
# The pages
# --------------------------------------------------------------------------------------------


def test_ending_asks_first_on_a_page_listing_the_bookings_it_cancels(app, client, auth, world, booked):
    paid, own = booked
    auth_id = _auth_id(app, world.employee)
    auth.login(world.referent)
    # "End" chosen in the list leads to the page, and changes nothing.
    asked = client.post(f"/conventions/authorisations/{auth_id}", data={"decision": "inactive"})
    assert asked.status_code == 303 and asked.headers["Location"].endswith(f"/conventions/authorisations/{auth_id}/end")
    page = client.get(f"/conventions/authorisations/{auth_id}/end", headers={"Accept-Language": "fr"})
    assert page.status_code == 200
    html = page.get_data(as_text=True).replace("&#39;", "'")
    with app.test_request_context(headers={"Accept-Language": "fr"}), force_locale("fr"):
        from core.ui import long_date, moment

        employee = db.session.get(User, world.employee.id).display_name
        rows = [db.session.get(Booking, i) for i in paid]
        when = [moment(b.starts_at, b.resource.site) for b in rows]
        place, site = rows[0].resource.name, rows[0].resource.site.name
        own_day = long_date(db.session.get(Booking, own).starts_at, rows[0].resource.site)
        today = long_date(today_at("Europe/Paris"))
    assert f"<h1>Mettre fin à la prise en charge de {employee}\u00a0?</h1>" in html
    assert f"jusqu'au {today} restent payées" in html
    assert f"Ces 2 réservations payées par la convention après le {today} seront annulées, et un e-mail en " \
           f"informera {employee}\u00a0:" in html
    listed = re.findall(r'<td data-label="Date">([^<]+)–[0-9:]+</td><td data-label="Tiers-lieu">([^<]+)</td>'
                        r'<td data-label="Place">([^<]+)</td>', html)
    assert listed == [(when[0], site, place), (when[1], site, place)]
    assert own_day not in html  # the day they pay themselves stays, unmentioned
    # A form posting to itself, its button described by the list; a way back that keeps the cover.
    assert re.search(rf'<form method="post" action="/conventions/authorisations/{auth_id}/end" class="button-row">',
                     html)
    assert 'aria-describedby="end-cancellations"' in html and 'id="end-cancellations"' in html
    assert f'href="/conventions/{world.convention_id}#employees-title">Non, conserver sa prise en charge</a>' in html
    with app.app_context():
        assert db.session.get(Authorisation, auth_id).status == "approved"
        assert db.session.scalar(select(func.count()).select_from(Booking).where(Booking.status == "cancelled")) == 0


def test_confirming_ends_the_cover_and_says_how_many_bookings_were_cancelled(app, client, auth, world, booked,
                                                                            mailbox):
    paid, _own = booked
    mailbox.clear()  # the bookings' confirmations
    with app.app_context():
        mails_before = db.session.scalar(select(func.count()).select_from(MailMessage))
    auth_id = _auth_id(app, world.employee)
    auth.login(world.referent)
    done = client.post(f"/conventions/authorisations/{auth_id}/end", headers={"Accept-Language": "fr"},
                       follow_redirects=True)
    html = done.get_data(as_text=True).replace("&#39;", "'")
    with app.app_context():
        employee = db.session.get(User, world.employee.id).display_name
    assert done.status_code == 200
    assert f"2 réservations payées par la convention après cette date sont annulées, et un e-mail en informe " \
           f"{employee}." in html
    assert "Fin décidée par erreur\u00a0? Invitez de nouveau cette personne" in html
    # The undo the flash points to: beside their name, with their name for a screen reader.
    assert re.search(rf'<form method="post" action="/conventions/authorisations/{auth_id}/invite-again">\s*'
                     rf'(<input[^>]+csrf_token[^>]*>\s*)?<button type="submit" class="secondary">Inviter de nouveau'
                     rf'<span class="visually-hidden"> {employee}</span></button>', html)
    # Posted again (the back button, a double-click): nothing more, said so.
    again = client.post(f"/conventions/authorisations/{auth_id}/end", headers={"Accept-Language": "fr"},
                        follow_redirects=True)
    assert f"La prise en charge de {employee} était déjà terminée\u00a0: rien de plus n'a été fait." in \
        again.get_data(as_text=True).replace("&#39;", "'")
    mailbox.wait_for(1)
    with app.app_context():
        assert len(mailbox.to(world.employee.email)) == 1  # one e-mail, not one per booking, and not twice
        assert db.session.scalar(select(func.count()).select_from(MailMessage)) == mails_before + 1
        assert db.session.scalars(select(Booking.status).where(Booking.id.in_(paid))).all() == ["cancelled"] * 2


def test_without_bookings_to_cancel_the_flash_says_so(app, client, auth, world):
    auth.login(world.referent)
    done = client.post(f"/conventions/authorisations/{_auth_id(app, world.employee)}/end",
                       headers={"Accept-Language": "en"}, follow_redirects=True)
    assert "No booking of theirs was to be cancelled;" in done.get_data(as_text=True)


def test_the_employee_gets_one_e_mail_listing_the_cancelled_bookings_in_their_language(app, world, booked,
                                                                                      mailbox):
    paid, own = booked
    mailbox.clear()  # the bookings' confirmations
    with app.app_context():
        db.session.get(User, world.employee.id).locale = "en"
        db.session.commit()
    _end(app, world)
    mailbox.wait_for(1)
    [message] = mailbox.to(world.employee.email)
    assert message["Subject"] == "Conseil départemental du Lot no longer pays your telework days: 2 bookings cancelled"
    body = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    with app.test_request_context(), force_locale("en"):
        from core.ui import clock, long_date, moment

        rows = [db.session.get(Booking, i) for i in paid]
        lines = [f"- {moment(b.starts_at, b.resource.site)}–{clock(b.ends_at, b.resource.site)}, "
                 f"{b.resource.site.name}, {b.resource.name}" for b in rows]
        today = long_date(today_at("Europe/Paris"))
        own_day = long_date(db.session.get(Booking, own).starts_at, rows[0].resource.site)
    assert "Conseil départemental du Lot has ended your cover under convention CD46-TT: it pays for none of your " \
           f"telework days after {today}." in body
    assert "These 2 bookings it was paying for are cancelled:\n" + "\n".join(lines) + "\n" in body
    assert own_day not in body
    assert "You paid nothing for them, so nothing is refunded." in body
    assert re.search(r"You may book again, and pay for your days yourself:\nhttps?://\S+/book", body), body
    # Each booking's calendar file cancels it in their calendar.
    calendars = [part for part in message.iter_attachments() if part.get_content_type() == "text/calendar"]
    assert sorted(part.get_filename() for part in calendars) == sorted(f"booking-{i}.ics" for i in paid)
    assert all("METHOD:CANCEL" in part.get_content() for part in calendars)


def test_the_employee_is_told_in_french_too(app, world, booked, mailbox):
    mailbox.clear()  # the bookings' confirmations
    _end(app, world)
    mailbox.wait_for(1)
    [message] = mailbox.to(world.employee.email)
    assert message["Subject"] == "Conseil départemental du Lot ne paie plus vos journées de télétravail\u00a0: " \
                                 "2 réservations annulées"
    body = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "Les 2 réservations que votre employeur payait sont annulées\u00a0:" in body


def test_an_unknown_or_foreign_authorisation_is_not_found(app, client, auth, world, make_user, booked):
    """Another partner's référent, the employee, and ids that are no authorisation get 404 (not a
    500), on the page and its POST, and nothing changes."""
    from plugins.conventions import service

    auth_id = _auth_id(app, world.employee)
    other = make_user("partner", email="rh@aveyron.fr")
    with app.test_request_context(method="POST"):
        partner = service.save_partner(db.session.get(User, world.admin.id), None,
                                       name="Conseil départemental de l'Aveyron", siret="22120001710003")
        service.add_referent(db.session.get(User, world.admin.id), partner, other.email)
        db.session.commit()
    for person in (other, world.employee):
        auth.login(person)
        for path in (f"/conventions/authorisations/{auth_id}/end", f"/conventions/authorisations/{auth_id}/invite-again"):
            assert client.get(path).status_code in (404, 405)
            assert client.post(path).status_code == 404, (person.email, path)
        assert client.post(f"/conventions/authorisations/{auth_id}", data={"decision": "approved"}).status_code == 404
        auth.logout()
    auth.login(world.referent)
    for bad in ("999999", "99999999999999999999", "0", "-1", "abc"):
        for method in (client.get, client.post):
            assert method(f"/conventions/authorisations/{bad}/end").status_code == 404, bad
    with app.app_context():
        assert db.session.get(Authorisation, auth_id).status == "approved"
        assert db.session.scalar(select(func.count()).select_from(Booking).where(Booking.status == "cancelled")) == 0


def test_an_ended_employee_is_invited_again_from_the_list(app, client, auth, world, booked, mailbox):
    """The undo: "Invite again" beside the ended employee sends a new invitation to their
    account's address; accepting it covers them again (their cancelled bookings stay cancelled)."""
    paid, _own = booked
    auth_id = _auth_id(app, world.employee)
    auth.login(world.referent)
    assert client.post(f"/conventions/authorisations/{auth_id}/invite-again").status_code == 409  # not ended
    client.post(f"/conventions/authorisations/{auth_id}/end")
    with app.app_context():  # a link's time is in whole seconds: the ending a moment before it
        ended = db.session.get(Authorisation, auth_id)
        ended.decided_at -= timedelta(seconds=2)
        db.session.commit()
    mailbox.wait_for(1)
    again = client.post(f"/conventions/authorisations/{auth_id}/invite-again", headers={"Accept-Language": "en"},
                        follow_redirects=True)
    assert again.status_code == 200 and "An invitation was sent to" in again.get_data(as_text=True)
    mailbox.wait_for(2)
    invitation = mailbox.to(world.employee.email)[-1]
    link = re.search(r"https?://\S+/conventions/join/\S+", invitation.get_body(("plain",)).get_content()).group(0)
    auth.logout()
    auth.login(world.employee)
    assert client.post(link[link.index("/conventions/"):]).status_code == 303
    with app.app_context():
        statuses = db.session.scalars(select(Authorisation.status).where(
            Authorisation.user_id == world.employee.id).order_by(Authorisation.id)).all()
        assert statuses == ["inactive", "approved"]
        assert db.session.scalars(select(Booking.status).where(Booking.id.in_(paid))).all() == ["cancelled"] * 2
    auth.logout()
    auth.login(world.referent)
    page = client.get(f"/conventions/{world.convention_id}").get_data(as_text=True)
    assert "invite-again" not in page  # covered again: nothing to invite
    assert client.post(f"/conventions/authorisations/{auth_id}/invite-again").status_code == 409


def test_only_the_partner_s_referents_end_its_employees(app, world):
    """The rule, not only the page: anyone else is refused (404), whoever calls it."""
    from plugins.conventions import ending
    from plugins.conventions.errors import ConventionError

    auth_id = _auth_id(app, world.employee)
    with app.test_request_context(method="POST"):
        with pytest.raises(ConventionError) as refused:
            ending.end(db.session.get(User, world.employee.id), auth_id)
        assert refused.value.status == 404


# --------------------------------------------------------------------------------------------
# Review: shortening, a page left open across midnight, invitations clicked twice, refusals
# --------------------------------------------------------------------------------------------


def test_moving_a_cover_s_last_day_earlier_cancels_what_it_paid_after_it(app, world, booked, mailbox):
    """`decide(..., "approved", valid_until=...)` earlier: the bookings after the new last day are
    cancelled as ending cancels them, the employee told in one e-mail; the cover goes on."""
    from plugins.conventions import service

    paid, own = booked
    mailbox.clear()  # the bookings' confirmations
    last_day = next_weekday(1, 1)  # the first paid booking's day: it stays, the second goes
    auth_id = _auth_id(app, world.employee)
    with app.test_request_context(method="POST"):
        db.session.get(User, world.employee.id).locale = "en"
        done = service.decide(db.session.get(User, world.referent.id), auth_id, "approved", valid_until=last_day)
        db.session.commit()
        assert done.cancelled == (paid[1],)  # for the référent to be told
    with app.app_context():
        auth = db.session.get(Authorisation, _auth_id(app, world.employee))
        assert (auth.status, auth.valid_until) == ("approved", last_day)
        statuses = {i: db.session.get(Booking, i) for i in (*paid, own)}
        assert [(statuses[i].status, statuses[i].cancel_reason) for i in (*paid, own)] == \
            [("confirmed", None), ("cancelled", "employer"), ("confirmed", None)]
        assert db.session.scalar(select(Use.status).where(Use.booking_id == paid[1])) == "returned"
    mailbox.wait_for(1)
    [message] = mailbox.to(world.employee.email)
    with app.test_request_context(), force_locale("en"):
        from core.ui import long_date

        day = long_date(last_day)
    assert message["Subject"] == f"Conseil départemental du Lot pays your telework days until {day}: 1 booking " \
                                 "cancelled"
    assert "Conseil départemental du Lot has moved the end of your cover under convention CD46-TT: it pays for " \
           f"none of your telework days after {day}." in message.get_body(("plain",)).get_content()


def test_a_later_last_day_cancels_nothing(app, world, booked, mailbox):
    from plugins.conventions import service

    paid, _own = booked
    auth_id = _auth_id(app, world.employee)
    with app.test_request_context(method="POST"):
        done = service.decide(db.session.get(User, world.referent.id), auth_id, "approved",
                              valid_until=next_weekday(1, 3))
        db.session.commit()
        assert done.cancelled == ()
        assert db.session.scalars(select(Booking.status).where(Booking.id.in_(paid))).all() == ["confirmed"] * 2


def test_the_page_moving_a_last_day_earlier_counts_the_bookings_it_cancelled(app, client, auth, world, booked):
    """The référent was told "Les jours de ... sont enregistrés." and nothing of the booking the
    new last day cancelled: the message now counts them, as the ending's confirmation does."""
    paid, _own = booked
    last_day = next_weekday(1, 1)
    auth.login(world.referent)
    done = client.post(f"/conventions/authorisations/{_auth_id(app, world.employee)}",
                       data={"decision": "approved", "valid_until": last_day.isoformat()},
                       headers={"Accept-Language": "fr"}, follow_redirects=True)
    html = " ".join(done.get_data(as_text=True).replace("&#39;", "'").split())
    with app.test_request_context(), force_locale("fr"):
        from core.ui import long_date

        day = long_date(last_day)
        employee = db.session.get(User, world.employee.id).display_name
        assert [db.session.get(Booking, i).status for i in paid] == ["confirmed", "cancelled"]
    assert done.status_code == 200
    assert f"Les jours de {employee} sont enregistrés. La convention prend en charge ses journées jusqu’au {day}. " \
           f"1 réservation payée par la convention après cette date est annulée, et un e-mail en informe " \
           f"{employee}." in html
    again = client.post(f"/conventions/authorisations/{_auth_id(app, world.employee)}",
                        data={"decision": "approved", "valid_until": last_day.isoformat()},
                        headers={"Accept-Language": "en"}, follow_redirects=True)
    assert f"{employee}'s days are saved." in again.get_data(as_text=True).replace("&#39;", "'")
    assert "the convention paid after" not in again.get_data(as_text=True)  # nothing more cancelled: not said


def _page_end_on(client, auth_id) -> str:
    html = client.get(f"/conventions/authorisations/{auth_id}/end").get_data(as_text=True)
    return re.search(r'<input type="hidden" name="end_on" value="([0-9-]+)">', html).group(1)


def test_a_confirmation_posted_after_midnight_ends_on_the_day_the_page_showed(app, client, auth, world, booked,
                                                                             monkeypatch):
    """The page listed the bookings after today; confirmed once the first of them is "today",
    it cancels them all, as listed, rather than leave that one paid."""
    from plugins.conventions import ending

    paid, _own = booked
    auth_id = _auth_id(app, world.employee)
    auth.login(world.referent)
    shown = _page_end_on(client, auth_id)
    assert shown == today_at("Europe/Paris").isoformat()
    monkeypatch.setattr(ending, "today_at", lambda tz: next_weekday(1, 1))  # the first booking's day has come
    assert client.post(f"/conventions/authorisations/{auth_id}/end", data={"end_on": shown}).status_code == 303
    with app.app_context():
        assert db.session.get(Authorisation, auth_id).valid_until.isoformat() == shown
        assert db.session.scalars(select(Booking.status).where(Booking.id.in_(paid))).all() == ["cancelled"] * 2


@pytest.mark.parametrize(("tampered", "said"), [("2026-13-45", "This end date is not a date"),
                                                ("demain", "This end date is not a date"),
                                                ("9999-01-01", "A cover ends today at the latest")])
def test_a_tampered_end_date_is_refused_clearly(app, client, auth, world, booked, tampered, said):
    auth_id = _auth_id(app, world.employee)
    auth.login(world.referent)
    answer = client.post(f"/conventions/authorisations/{auth_id}/end", data={"end_on": tampered},
                         headers={"Accept-Language": "en"})
    assert answer.status_code == 422
    assert said in answer.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Authorisation, auth_id).status == "approved"
        assert db.session.scalar(select(func.count()).select_from(Booking).where(Booking.status == "cancelled")) == 0


def test_invite_again_clicked_twice_sends_one_invitation(app, client, auth, world):
    auth_id = _auth_id(app, world.employee)
    auth.login(world.referent)
    client.post(f"/conventions/authorisations/{auth_id}/end")
    first = client.post(f"/conventions/authorisations/{auth_id}/invite-again", headers={"Accept-Language": "en"},
                        follow_redirects=True)
    assert "An invitation was sent to" in first.get_data(as_text=True)
    second = client.post(f"/conventions/authorisations/{auth_id}/invite-again", headers={"Accept-Language": "en"},
                         follow_redirects=True)
    assert second.status_code == 200
    assert "a moment ago already: no other was sent." in second.get_data(as_text=True).replace("&#39;", "'")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(MailMessage).where(
            MailMessage.recipient == world.employee.email)) == 2  # the ending's, one invitation


def test_invite_again_sends_again_once_the_short_window_has_passed(app, world):
    """A lost e-mail: ten minutes on, the button sends a new invitation."""
    from plugins.conventions import ending

    auth_id = _auth_id(app, world.employee)
    _end(app, world)
    with app.test_request_context(method="POST"):
        referent = db.session.get(User, world.referent.id)
        assert ending.invite_again(referent, auth_id)[1]
        db.session.commit()
        later = db.session.get(Authorisation, auth_id).decided_at + ending.RESEND_AFTER + timedelta(minutes=1)
        assert not ending.invite_again(referent, auth_id)[1]
        assert ending.invite_again(referent, auth_id, now=later)[1]


def test_a_booking_that_cannot_be_cancelled_stops_the_ending(app, client, auth, world, booked, monkeypatch):
    """Only a booking no longer active is skipped; any other refusal rolls the ending back and
    says which booking, rather than end the cover with that booking still paid."""
    from plugins.booking import BookingError
    from plugins.conventions import ending

    paid, _own = booked
    real = ending.cancel_booking

    def refuse_the_second(booking_id, *args, **kwargs):
        if booking_id == paid[1]:
            raise BookingError("a hook refused", "refused_by_hook")
        return real(booking_id, *args, **kwargs)

    monkeypatch.setattr(ending, "cancel_booking", refuse_the_second)
    auth_id = _auth_id(app, world.employee)
    with app.app_context():
        mails_before = db.session.scalar(select(func.count()).select_from(MailMessage).where(
            MailMessage.recipient == world.employee.email))
    auth.login(world.referent)
    answer = client.post(f"/conventions/authorisations/{auth_id}/end", headers={"Accept-Language": "en"})
    assert answer.status_code == 409
    assert "could not be cancelled (a hook refused): nothing was changed." in answer.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Authorisation, auth_id).status == "approved"
        assert db.session.scalars(select(Booking.status).where(Booking.id.in_(paid))).all() == ["confirmed"] * 2
        assert db.session.scalar(select(func.count()).select_from(MailMessage).where(
            MailMessage.recipient == world.employee.email)) == mails_before


def test_a_booking_cancelled_meanwhile_is_skipped(app, world, booked, monkeypatch):
    from plugins.booking import cancel_booking
    from plugins.conventions import ending

    paid, _own = booked
    real = ending.cancel_booking

    def cancelled_first(booking_id, *args, **kwargs):
        if booking_id == paid[0]:  # the site's team was quicker
            cancel_booking(booking_id, None, "manager", enforce_deadline=False, mail=False)
        return real(booking_id, *args, **kwargs)

    monkeypatch.setattr(ending, "cancel_booking", cancelled_first)
    assert _end(app, world).cancelled == (paid[1],)
