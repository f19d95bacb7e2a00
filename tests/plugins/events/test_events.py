"""Events: creating them, registering members and visitors, the waitlist, reminders,
attendance, reports, calendars, the public pages and personal data."""
from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from core.accounts.models import User
from core.db import utcnow
from core.extensions import db
from core.jobs import Job, run_pending
from core.plugins import registry
from events_helpers import link_in
from plugins.events.models import Event, Registration

EN = {"Accept-Language": "en"}


def _register(client, auth, person, event_id):
    auth.login(person)
    response = client.post(f"/events/{event_id}/register")
    auth.logout()
    return response


def _status(app, event_id, email):
    with app.app_context():
        return db.session.scalar(select(Registration.status).where(Registration.event_id == event_id,
                                                                   Registration.email == email))


def test_a_manager_creates_an_event_shown_on_the_public_pages_with_json_ld(client, auth, world, make_event):
    auth.login(world.manager)
    page = client.get("/events/manage/new", headers=EN)
    assert page.status_code == 200 and "New event" in page.get_data(as_text=True)
    auth.logout()
    event_id = make_event(title="Journée télétravail employeurs", capacity=30)
    listing = client.get("/events").get_data(as_text=True)
    assert "Journée télétravail employeurs" in listing
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', listing, re.S).group(1))
    assert data[0]["@type"] == "Event" and data[0]["name"] == "Journée télétravail employeurs"
    assert data[0]["location"]["address"]["addressLocality"] == "Figeac"
    assert data[0]["startDate"].endswith(("+01:00", "+02:00"))  # the site's time
    assert "Journée télétravail employeurs" in client.get("/events/sites/figeac").get_data(as_text=True)
    assert "Journée télétravail employeurs" in client.get("/sites/figeac").get_data(as_text=True)  # site page section
    show = client.get(f"/events/{event_id}").get_data(as_text=True)
    assert '"@type": "Event"' in show or '"@type":"Event"' in show


def test_the_event_form_creates_an_event_in_the_sites_time(app, client, auth, world):
    auth.login(world.manager)
    day = (utcnow() + timedelta(days=10)).date()
    with app.app_context():
        from core.sites.service import site_by_slug

        site_id = site_by_slug("figeac").id
    response = client.post("/events/manage/new", data={
        "title": "Atelier", "description": "", "place": str(site_id), "online_url": "", "day": day.isoformat(),
        "starts": "09:00", "ends": "11:00", "capacity": "12", "audience": "members", "partner": "0", "room": "0"})
    assert response.status_code == 303, response.get_data(as_text=True)
    with app.app_context():
        event = db.session.scalar(select(Event).where(Event.title == "Atelier"))
        local = event.starts_at.astimezone(__import__("zoneinfo").ZoneInfo("Europe/Paris"))
        assert (local.hour, local.minute, event.capacity, event.audience) == (9, 0, 12, "members")


def test_a_time_the_clocks_skip_is_refused_not_stored_an_hour_off(app, client, auth, world):
    """02:30 on the night clocks go forward does not exist: the event was saved at 03:30 without
    a word (and 02:30-03:10 refused as "the end must come after the start")."""
    from datetime import date

    from core.sites.service import site_by_slug

    auth.login(world.manager)
    year = date.today().year + (1 if date.today().month >= 3 else 0)
    day = date(year, 3, 31) - timedelta(days=(date(year, 3, 31).weekday() + 1) % 7)  # last Sunday of March
    with app.app_context():
        site_id = site_by_slug("figeac").id
    form = {"title": "Nuit du télétravail", "description": "", "place": str(site_id), "online_url": "",
            "day": day.isoformat(), "starts": "02:30", "ends": "04:00", "capacity": "20", "audience": "public",
            "partner": "0", "room": "0"}
    response = client.post("/events/manage/new", data=form, headers=EN)
    assert response.status_code == 422
    assert "This time does not exist on that day" in response.get_data(as_text=True)
    assert client.post("/events/manage/new", data={**form, "starts": "03:00"}).status_code == 303
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Event)) == 1


@pytest.mark.parametrize("fields", [{"ends": "08:00"}, {"capacity": "0"}, {"day": "not a date"}, {"place": "999"},
                                    {"audience": "everyone"}, {"room": "abc"}])
def test_a_bad_event_form_is_refused_without_error(client, auth, world, fields, app):
    auth.login(world.manager)
    with app.app_context():
        from core.sites.service import site_by_slug

        site_id = site_by_slug("figeac").id
    data = {"title": "Atelier", "place": str(site_id), "day": (utcnow() + timedelta(days=3)).date().isoformat(),
            "starts": "09:00", "ends": "11:00", "capacity": "5", "audience": "public", "partner": "0", "room": "0"}
    data.update(fields)
    assert client.post("/events/manage/new", data=data).status_code == 422


def test_a_member_cannot_manage_events(client, auth, make_user, make_event):
    event_id = make_event()
    auth.login(make_user())
    assert client.get("/events/manage").status_code == 403
    assert client.get(f"/events/manage/{event_id}").status_code == 403
    assert client.post(f"/events/manage/{event_id}/cancel").status_code == 403


def test_members_register_then_the_waitlist_is_promoted_in_order_on_cancellation(app, client, auth, make_user,
                                                                                   make_event, mailbox):
    event_id = make_event(capacity=1)
    first, second, third = make_user(), make_user(), make_user()
    for person in (first, second, third):
        assert _register(client, auth, person, event_id).status_code == 303
    assert [_status(app, event_id, p.email) for p in (first, second, third)] == ["confirmed", "waiting", "waiting"]
    mailbox.wait_for(3)
    registered = mailbox.to(first.email)[0]
    assert any(part.get_filename() == f"event-{event_id}.ics" for part in registered.iter_attachments())
    auth.login(first)
    page = client.get(f"/events/{event_id}", headers=EN).get_data(as_text=True)
    assert "You are registered." in page
    token = re.search(r'/events/r/([^/"]+)/cancel', page).group(1)
    assert client.post(f"/events/r/{token}/cancel").status_code == 303
    assert [_status(app, event_id, p.email) for p in (first, second, third)] == ["cancelled", "confirmed", "waiting"]
    mailbox.wait_for(4)
    assert len(mailbox.to(second.email)) == 2  # on the waitlist, then given the seat
    with app.app_context():
        assert db.session.get(Event, event_id).seats_taken == 1


def test_registering_twice_keeps_one_registration(app, client, auth, make_user, make_event):
    event_id = make_event()
    person = make_user()
    _register(client, auth, person, event_id)
    _register(client, auth, person, event_id)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Registration)) == 1
        assert db.session.get(Event, event_id).seats_taken == 1


def test_a_visitor_registers_by_email_and_confirms_through_the_link(app, client, make_event, mailbox):
    event_id = make_event(capacity=5)
    page = client.get(f"/events/{event_id}").get_data(as_text=True)
    assert 'autocomplete="name"' in page and 'autocomplete="email"' in page  # the visitor's form (WCAG 1.3.5)
    response = client.post(f"/events/{event_id}/visitor", data={"name": "Claire Visiteuse",
                                                                "email": "Claire@Example.org"}, headers=EN)
    assert response.status_code == 200 and "Check your mailbox" in response.get_data(as_text=True)
    assert _status(app, event_id, "claire@example.org") == "pending"
    mailbox.wait_for(1)
    link = link_in(mailbox.to("Claire@Example.org")[0] if mailbox.to("Claire@Example.org")
                   else mailbox.to("claire@example.org")[0], "/confirm")
    assert "Confirm my registration" in client.get(link, headers=EN).get_data(as_text=True)
    assert _status(app, event_id, "claire@example.org") == "pending"  # a GET changes nothing
    assert client.post(link).status_code == 303
    assert _status(app, event_id, "claire@example.org") == "confirmed"
    token = link.split("/")[3]
    ics = client.get(f"/events/r/{token}/event.ics")
    assert ics.mimetype == "text/calendar" and b"BEGIN:VEVENT" in ics.data


def test_a_members_address_typed_by_a_visitor_leaves_the_member_free_to_register(app, client, auth, make_event,
                                                                                 make_user, mailbox):
    """Someone typed the member's address in the visitor's form and never confirmed it: the
    member, signed in, still gets the button, and registering takes the seat in their name."""
    event_id = make_event(capacity=5)
    member = make_user(email="camille@example.org", name="Camille Martin")
    client.post(f"/events/{event_id}/visitor", data={"name": "Quelqu'un d'autre", "email": member.email})
    assert _status(app, event_id, member.email) == "pending"
    mailbox.wait_for(1)
    auth.login(member)
    page = client.get(f"/events/{event_id}", headers=EN).get_data(as_text=True)
    assert "Check your mailbox" not in page and f'action="/events/{event_id}/register"' in page
    assert client.post(f"/events/{event_id}/register").status_code == 303
    with app.app_context():
        registration = db.session.scalar(select(Registration).where(Registration.event_id == event_id))
        assert (registration.status, registration.user_id, registration.name) == ("confirmed", member.id,
                                                                                "Camille Martin")
        assert db.session.get(Event, event_id).seats_taken == 1
    assert len(mailbox.wait_for(2)) == 2  # the visitor's confirmation request, then "you are registered"


def test_a_visitor_who_registered_in_english_is_reminded_in_english(app, client, make_event, mailbox):
    """The reminder (and a move or cancellation notice) is sent by a job, which has no request
    to read the language from: a visitor who registered in English was reminded in French."""
    event_id = make_event(days=3)
    client.post(f"/events/{event_id}/visitor", data={"name": "Claire Visitor", "email": "claire@example.org"},
                headers=EN)
    assert client.post(link_in(mailbox.wait_for(1)[0], "/confirm")).status_code == 303  # no language said here
    mailbox.wait_for(2)
    with app.app_context():
        job = db.session.scalar(select(Job).where(Job.name == "events.remind"))
        job.run_at = utcnow() - timedelta(seconds=1)  # the day before has come
        db.session.commit()
        run_pending()
    subjects = [str(m["Subject"]) for m in mailbox.wait_for(3)]
    assert subjects[1].startswith("You are registered") and subjects[2].startswith("Tomorrow:"), subjects


def test_visitors_cannot_register_for_a_members_event(client, make_event):
    event_id = make_event(audience="members")
    assert client.post(f"/events/{event_id}/visitor", data={"name": "X", "email": "x@example.org"}).status_code == 403


def test_a_partners_event_is_seen_and_joined_by_its_staff_only(app, client, auth, make_user, make_event, lot_staff):
    partner_id, staff = lot_staff
    outsider = make_user()
    event_id = make_event(audience="partner", partner_id=partner_id, title="Info agents du Lot")
    assert client.get(f"/events/{event_id}").status_code == 404
    assert "Info agents du Lot" not in client.get("/events").get_data(as_text=True)
    auth.login(outsider)
    assert client.get(f"/events/{event_id}").status_code == 404
    assert client.post(f"/events/{event_id}/register").status_code == 404
    auth.logout()
    assert _register(client, auth, staff, event_id).status_code == 303
    assert _status(app, event_id, staff.email) == "confirmed"


def test_online_events_show_their_link_to_registered_people_only(app, client, auth, make_user, make_event, world):
    event_id = make_event(site=None, online_url="https://visio.example.org/salle-42", audience="members")
    person = make_user()
    auth.login(person)
    assert "salle-42" not in client.get(f"/events/{event_id}").get_data(as_text=True)
    client.post(f"/events/{event_id}/register")
    assert "salle-42" in client.get(f"/events/{event_id}").get_data(as_text=True)
    auth.logout()
    assert "salle-42" not in client.get("/events").get_data(as_text=True)


def test_the_reminder_job_mails_the_registered_the_day_before(app, client, auth, make_user, make_event, mailbox):
    event_id = make_event(days=3)
    person = make_user()
    _register(client, auth, person, event_id)
    mailbox.wait_for(1)
    with app.app_context():
        job = db.session.scalar(select(Job).where(Job.name == "events.remind"))
        event = db.session.get(Event, event_id)
        assert job.run_at == event.starts_at - timedelta(days=1) and job.status == "pending"
        job.run_at = utcnow() - timedelta(seconds=1)  # the day before has come
        db.session.commit()
        run_pending(ids=[job.id])
        run_pending()  # the mail job
    mailbox.wait_for(2)
    assert any("Demain" in m["Subject"] or "Tomorrow" in m["Subject"] for m in mailbox.to(person.email))
    with app.app_context():
        assert db.session.scalar(select(Registration.reminded_at)) is not None


def test_attendance_is_taken_on_the_day_and_reported_with_no_shows(app, client, auth, make_user, make_event,
                                                                    world):
    from plugins.events import service

    event_id = make_event(days=1)
    came, absent = make_user(), make_user()
    for person in (came, absent):
        _register(client, auth, person, event_id)
    auth.login(world.manager)
    page = client.get(f"/events/manage/{event_id}/attendance", headers=EN).get_data(as_text=True)
    assert came.email in page and absent.email in page
    with app.app_context():
        came_id = db.session.scalar(select(Registration.id).where(Registration.email == came.email))
    assert client.post(f"/events/manage/{event_id}/attendance", data={"present": [str(came_id)]}).status_code == 200
    assert _status(app, event_id, came.email) == "confirmed"  # too early: nothing recorded
    with app.test_request_context():
        event = db.session.get(Event, event_id)
        manager = db.session.get(User, world.manager.id)
        # Junk, a digit int() refuses ("²": a 500 before) and an id past any column are ignored.
        junk = ["junk", "\u00b2", "9" * 30, "-1"]
        assert service.take_attendance(manager, event, [str(came_id), *junk], now=event.starts_at) == 1
        db.session.commit()
    report = client.get("/events/manage/reports", headers=EN).get_data(as_text=True)
    assert "Journée d&#39;information" in report or "Journée d'information" in report
    csv = client.get("/events/manage/reports?format=csv", headers=EN).get_data(as_text=True)
    header, row = csv.splitlines()[:2]
    assert "No-shows" in header
    # registered, awaiting payment, waitlist, cancelled, present, no-shows, not recorded, ticket revenue
    assert row.endswith("2,0,0,0,1,1,0,0.00")
    by_site = client.get("/events/manage/reports?format=csv&by=site", headers=EN).get_data(as_text=True)
    assert by_site.splitlines()[1] == "Télécentre de Figeac,1,2,0,0,0,1,1,0,0.00"


def test_the_pages_answer_404_while_the_module_is_off(client, runner, make_event):
    event_id = make_event()
    assert client.get("/events").status_code == 200
    assert runner.invoke(args=["modules", "disable", "events"]).exit_code == 0
    assert client.get("/events").status_code == 404
    assert client.get(f"/events/{event_id}").status_code == 404
    assert client.get("/events/sites/figeac").status_code == 404


def test_the_pages_speak_french(client, make_event):
    event_id = make_event()
    page = client.get(f"/events/{event_id}", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Ouvert à tous" in page and "Votre adresse e-mail" in page


def test_a_members_registrations_are_exported_and_erased_their_seat_going_to_the_waitlist(
        app, client, auth, make_user, make_event):
    event_id = make_event(capacity=1)
    leaving, waiting = make_user(), make_user()
    _register(client, auth, leaving, event_id)
    _register(client, auth, waiting, event_id)
    with app.test_request_context():
        user = db.session.get(User, leaving.id)
        parts = registry().pm.hook.user_data_export(user=user)
        ours = next(part["events"] for part in parts if "events" in part)
        assert ours[0]["status"] == "confirmed"
        registry().pm.hook.user_data_erase(user=user)
        db.session.commit()
    assert _status(app, event_id, waiting.email) == "confirmed"
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Registration).where(
            Registration.user_id == leaving.id)) == 0


def test_a_registration_made_as_a_visitor_with_the_members_address_is_exported_and_erased(
        app, client, auth, make_user, make_event):
    """Registered signed out with their own address, then shown it as theirs when signed in: the
    row is the member's. Erasure left it with their name and address (still mailed reminders,
    still on the attendance list), and the export left it out."""
    event_id = make_event(capacity=5)
    member = make_user(name="Jeanne Membre")
    assert client.post(f"/events/{event_id}/visitor", data={"name": "Jeanne Membre",
                                                            "email": member.email}).status_code == 200
    with app.app_context():
        token = db.session.scalar(select(Registration.token).where(Registration.email == member.email))
    assert client.post(f"/events/r/{token}/confirm").status_code == 303
    typed_by_someone = make_event(capacity=5, title="Autre atelier")  # never confirmed from the mailbox
    assert client.post(f"/events/{typed_by_someone}/visitor", data={"name": "X",
                                                                    "email": member.email}).status_code == 200
    auth.login(member)
    assert "You are registered." in client.get(f"/events/{event_id}", headers=EN).get_data(as_text=True)
    with app.test_request_context():
        parts = registry().pm.hook.user_data_export(user=db.session.get(User, member.id))
        assert [row["status"] for row in next(part["events"] for part in parts if "events" in part)] == ["confirmed"]
    assert client.post("/account/erase", data={"password": member.password}).status_code == 303
    with app.app_context():
        row = db.session.scalar(select(Registration).where(Registration.event_id == event_id))
        assert (row.name, row.status) == ("", "cancelled") and row.email.startswith("erased:"), row.email
        assert db.session.get(Event, event_id).seats_taken == 0


def test_each_site_offers_a_public_calendar_feed_of_its_public_events(client, make_event, app):
    from plugins.conventions.models import Partner

    make_event(title="Matinée d'accueil")
    make_event(title="Petit-déjeuner", audience="members")
    with app.app_context():
        partner = Partner(name="Banque", siret="56000000200017", address="Aurillac", listed_publicly=True)
        db.session.add(partner)
        db.session.commit()
        partner_id = partner.id
    make_event(title="Réservé au personnel", audience="partner", partner_id=partner_id)
    feed = client.get("/events/sites/figeac/events.ics")
    assert feed.mimetype == "text/calendar"
    text = feed.get_data(as_text=True)
    assert text.count("BEGIN:VEVENT") == 1 and "Petit-d" not in text and "personnel" not in text


@pytest.mark.parametrize("path", ["/events/999999", "/events/r/nope", "/events/r/nope/event.ics",
                                  "/events/r/nope/confirm", "/events/sites/nowhere",
                                  "/events/sites/nowhere/events.ics"])
def test_unknown_events_and_links_answer_404(client, world, path):
    assert client.get(path).status_code == 404


def test_registration_is_closed_once_the_event_has_started(app, client, auth, make_user, make_event):
    event_id = make_event()
    with app.app_context():
        event = db.session.get(Event, event_id)
        event.starts_at = utcnow() - timedelta(minutes=5)
        db.session.commit()
    auth.login(make_user())
    assert client.post(f"/events/{event_id}/register").status_code == 422
    auth.logout()
    assert client.post(f"/events/{event_id}/visitor", data={"name": "V", "email": "v@example.org"}).status_code == 422


def test_a_visitor_form_with_a_bad_address_is_shown_again(client, make_event):
    event_id = make_event()
    response = client.post(f"/events/{event_id}/visitor", data={"name": "V", "email": "not an address"})
    assert response.status_code == 422


def test_an_online_event_is_described_as_virtual_in_json_ld(client, auth, make_event):
    event_id = make_event(site=None, online_url="https://visio.example.org/x", title="Webinaire")
    page = client.get(f"/events/{event_id}").get_data(as_text=True)
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["location"]["@type"] == "VirtualLocation" and "visio.example.org" not in page
    assert data["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")


def test_a_visitor_deletes_their_name_and_address_from_their_registration(app, client, make_event, mailbox):
    """A visitor (no account) could only cancel, and a cancelled registration kept their name and
    address for good (after the event, not even that). They can delete them from its link."""
    from core.mail import MailMessage

    event_id = make_event(capacity=5)
    client.post(f"/events/{event_id}/visitor", data={"name": "Claire Visiteuse", "email": "claire@example.org"})
    link = link_in(mailbox.wait_for(1)[0], "/confirm")
    assert client.post(link).status_code == 303
    page = client.get(link.rsplit("/", 1)[0], headers=EN).get_data(as_text=True)
    assert "Delete my name and address" in page
    token = link.split("/")[-2]
    assert client.post(f"/events/r/{token}/forget").status_code == 303
    with app.app_context():
        row = db.session.scalar(select(Registration).where(Registration.event_id == event_id))
        assert (row.name, row.status, row.token != token) == ("", "cancelled", True)
        assert row.email.startswith("erased:")
        assert db.session.get(Event, event_id).seats_taken == 0
        assert db.session.scalar(select(func.count()).select_from(MailMessage).where(
            MailMessage.recipient == "claire@example.org")) == 0
    assert client.get(f"/events/r/{token}").status_code == 404  # the old link is dead


def test_forgetting_a_visitor_registration_keeps_the_mails_of_the_account_with_that_address(
        app, client, make_user, make_event, mailbox):
    """Deleting a visitor's details forgot their address's mails when no other registration had
    it: an account with that address lost its own mails (a reset link still waiting never sent)."""
    from core.mail import MailMessage, queue_mail

    make_user(email="sam@example.org")  # an account with the address the visitor will give
    with app.test_request_context():
        queue_mail("sam@example.org", "directory_message", reply_to=None, sender_name="A. B.", body="Bonjour",
                   is_reply=False, message_url="http://x/1")
        queue_mail("other@example.org", "directory_message", reply_to="sam@example.org", sender_name="S.",
                   body="Hello from Sam", is_reply=False, message_url="http://x/2")
        db.session.commit()
    mailbox.wait_for(2)
    event_id = make_event(capacity=5)
    # the same person, not signed in, registers as a visitor for a public event
    client.post(f"/events/{event_id}/visitor", data={"name": "Sam", "email": "sam@example.org"})
    link = link_in(mailbox.wait_for(3)[-1], "/confirm")
    assert client.post(link).status_code == 303
    token = link.split("/")[-2]
    with app.app_context():
        before = sorted(m.recipient for m in db.session.scalars(select(MailMessage)))
    assert before.count("other@example.org") == 1 and before.count("sam@example.org") >= 2, before
    assert client.post(f"/events/r/{token}/forget").status_code == 303
    with app.app_context():
        kept = sorted(m.recipient for m in db.session.scalars(select(MailMessage)))
    assert "other@example.org" in kept, kept  # a member's relay mail to someone else
    assert "sam@example.org" in kept, kept  # the account's own mail


def test_switching_events_off_at_a_site_says_first_what_is_hidden_there(app, client, auth, make_user, make_event,
                                                                      world):
    from html import unescape

    event_id = make_event(capacity=5)
    for person in (make_user(), make_user()):
        assert _register(client, auth, person, event_id).status_code == 303
    auth.login(world.manager)
    page = client.get("/admin/modules/events/sites/figeac/off")
    assert page.status_code == 200
    impact = unescape(page.get_data(as_text=True).split('class="panel module-off-impact"')[1].split("</div>")[0])
    assert "1 événement à venir est masqué jusqu'à la réactivation d'Événements ; rien n'est supprimé." in impact
    assert "2 personnes inscrites peuvent toujours ouvrir et annuler leur inscription." in impact
    assert client.get(f"/events/{event_id}").status_code == 200  # asking switched nothing off


def test_a_members_event_is_listed_to_members_only_as_the_api_does(client, auth, make_user, make_event):
    """The pages listed a members' event to visitors (without its button) while the API hid it:
    one rule now (`service.listed_to`). The site's page a visitor is served is kept and shared
    (core.pagecache): a member asking after a visitor still gets the members' event."""
    make_event(title="Matinée d'accueil")
    make_event(title="Petit-déjeuner des membres", audience="members")
    pages = ("/events", "/events/sites/figeac", "/sites/figeac")
    for path in pages:
        text = client.get(path).get_data(as_text=True)
        assert "Matinée d" in text and "Petit-déjeuner des membres" not in text, path
    assert [e["title"] for e in client.get("/api/v1/events").get_json()] == ["Matinée d'accueil"]
    auth.login(make_user())
    for path in pages:
        assert "Petit-déjeuner des membres" in client.get(path).get_data(as_text=True), path


def test_an_attendance_list_with_nobody_registered_says_so_once(client, auth, make_event, world):
    """It read "0 personne inscrite : cochez les présents", then "Personne n'est inscrit.", with
    nothing to tick."""
    event_id = make_event(days=1)
    auth.login(world.manager)
    page = client.get(f"/events/manage/{event_id}/attendance", headers={"Accept-Language": "fr"})
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Personne n&#39;est inscrit." in text or "Personne n'est inscrit." in text
    assert "cochez les présents" not in text and "<fieldset" not in text.split("<main", 1)[1]


# Statements of a site's page with its events section, for a visitor, the caches warm: the site,
# its opening hours, the cache versions, the site's events, the conventions' partners working
# there, its closures, its photos. The events section read the hours again (the events' site
# joined anew): 8.
SITE_PAGE_STATEMENTS = 7


def test_a_sites_page_with_its_events_reads_the_sites_opening_hours_once(app, client, make_event):
    from devtools.queries import Queries

    make_event(title="Matinée d'accueil")
    app.config["CACHE_CHECK_SECONDS"] = 0  # the cache versions' query counted every time, not once a second
    client.get("/sites/figeac")  # warms the per-process caches
    with Queries(app) as queries:
        page = client.get("/sites/figeac")
    assert page.status_code == 200 and "Matinée d&#39;accueil" in page.get_data(as_text=True)
    listed = "\n".join(queries.statements)
    assert len([s for s in queries.statements if "FROM site_opening_hours" in s]) == 1, listed
    assert queries.count <= SITE_PAGE_STATEMENTS, f"{queries.count} statements:\n{listed}"
