"""An event that moves (time, venue, online link) or is cancelled: a job mails each registrant
once, in French, with the new .ics whose SEQUENCE is raised so calendars replace their copy."""
from __future__ import annotations

from datetime import timedelta

from icalendar import Calendar
from sqlalchemy import select

from core.accounts.models import User
from core.extensions import db
from core.jobs import Job
from plugins.events import service
from plugins.events.models import Event


def _register_all(client, auth, people, event_id):
    for person in people:
        auth.login(person)
        assert client.post(f"/events/{event_id}/register").status_code == 303
        auth.logout()


def _calendar_of(message) -> Calendar:
    attachment = next(a for a in message.iter_attachments() if a.get_filename().endswith(".ics"))
    return Calendar.from_ical(attachment.get_content())


def _move(app, world, event_id, **change):
    with app.test_request_context():
        event = db.session.get(Event, event_id)
        fields = dict(site=event.site, title=event.title, description=event.description, online_url=event.online_url,
                      starts_at=event.starts_at, ends_at=event.ends_at, capacity=event.capacity,
                      audience=event.audience)
        fields.update(change)
        if "site_slug" in fields:
            from core.sites.service import site_by_slug

            fields["site"] = site_by_slug(fields.pop("site_slug"))
        actor = db.session.get(User, (world.manager if event.site else world.admin).id)
        service.save_event(actor, event, **fields)
        db.session.commit()


def test_moving_an_event_mails_each_registrant_once_with_an_updated_calendar(
        app, client, auth, world, make_user, make_event, mailbox):
    event_id = make_event(capacity=1)
    seated, waiting = make_user(locale="fr"), make_user(locale="fr")
    _register_all(client, auth, [seated, waiting], event_id)
    mailbox.wait_for(2)
    mailbox.clear()
    with app.app_context():
        event = db.session.get(Event, event_id)
        new_start, new_end = event.starts_at + timedelta(days=1, hours=1), event.ends_at + timedelta(days=1, hours=1)
    _move(app, world, event_id, starts_at=new_start, ends_at=new_end)

    messages = mailbox.wait_for(2)
    assert sorted(m["To"] for m in messages) == sorted([seated.email, waiting.email])  # one each
    for message in messages:
        assert message["Subject"].startswith("Changement")
        assert "nouvelle date" in message.get_body(("plain",)).get_content()
    to_seated = mailbox.to(seated.email)[0]
    vevent = _calendar_of(to_seated).walk("VEVENT")[0]
    assert int(vevent["SEQUENCE"]) == 1 and vevent.decoded("DTSTART") == new_start
    assert not list(mailbox.to(waiting.email)[0].iter_attachments())  # no seat, no calendar entry
    # The registrant's own .ics link says the same.
    with app.app_context():
        token = db.session.scalar(select(Event).where(Event.id == event_id)) and service.registrations(
            db.session.get(Event, event_id))[0].token
    own = Calendar.from_ical(client.get(f"/events/r/{token}/event.ics").data).walk("VEVENT")[0]
    assert int(own["SEQUENCE"]) == 1

    # A change nobody must hear of (the description) sends nothing and keeps the sequence.
    mailbox.clear()
    _move(app, world, event_id, description="Programme précisé.")
    assert mailbox.wait_for(1, timeout=0.5) == []
    with app.app_context():
        assert db.session.get(Event, event_id).sequence == 1


def test_a_new_venue_or_online_link_and_a_cancellation_are_told_too(
        app, client, auth, world, make_user, make_event, make_site, mailbox):
    make_site("decazeville", name="Chrysalis Decazeville")
    world.manager = make_user("site-manager", sites=["figeac", "decazeville"])
    event_id = make_event(capacity=5, actor=world.manager)
    person = make_user(locale="fr")
    _register_all(client, auth, [person], event_id)
    mailbox.wait_for(1)
    mailbox.clear()
    _move(app, world, event_id, site_slug="decazeville")
    message = mailbox.wait_for(1)[0]
    body = message.get_body(("plain",)).get_content()
    assert "nouveau lieu" in body and "Chrysalis Decazeville" in body
    assert "Decazeville" in str(_calendar_of(message).walk("VEVENT")[0]["LOCATION"])

    mailbox.clear()
    auth.login(world.manager)
    assert client.post(f"/events/manage/{event_id}/cancel").status_code == 303
    message = mailbox.wait_for(1)[0]
    assert message["Subject"].startswith("Annulé")
    vevent = _calendar_of(message).walk("VEVENT")[0]
    assert vevent["STATUS"] == "CANCELLED" and int(vevent["SEQUENCE"]) == 2


def test_an_online_events_new_link_is_mailed_and_two_quick_changes_tell_the_latest_once(
        app, app_factory, client, auth, world, make_user, make_event, mailbox):
    event_id = make_event(site=None, online_url="https://visio.example.org/a", capacity=5)
    person = make_user(locale="fr")
    _register_all(client, auth, [person], event_id)
    mailbox.wait_for(1)
    mailbox.clear()
    _move(app, world, event_id, online_url="https://visio.example.org/b")
    message = mailbox.wait_for(1)[0]
    body = message.get_body(("plain",)).get_content()
    assert "nouveau lien" in body and "https://visio.example.org/b" in body

    # Queued, not run: two changes in a row; only the latest job mails.
    mailbox.clear()
    queued = app_factory(JOBS_RUN="worker")
    with queued.test_request_context():
        event = db.session.get(Event, event_id)
        service.tell_registrants(event, ["time"])
        service.tell_registrants(event, ["time"])
        db.session.commit()
        jobs = db.session.scalars(select(Job).where(Job.name == service.CHANGED_JOB, Job.status == "pending")).all()
        assert [service.tell_changed(**j.args) for j in jobs] == [0, 1]
