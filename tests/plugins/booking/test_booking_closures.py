"""A site closing on days members had booked: the manager is told first and nothing changes until
they confirm; then the closure and the cancellations commit together, each member mailed in their
language with the closure's reason. The manager's day says the site is closed, and files what
still stands on it by the weekday's usual half-days."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from booking_dates import next_weekday
from core.accounts.models import User
from core.extensions import db
from core.sites import service as sites
from core.sites.models import Closure
from core.sites.service import site_by_slug
from plugins.booking import service
from plugins.booking.models import Booking
from plugins.booking.slots import range_for


def _book(app, person, resource_id, day, period="morning"):
    with app.app_context():
        resource = service.get_resource(resource_id)
        booking = service.book(resource, db.session.get(User, person.id), *range_for(resource.site, day, period))
        db.session.commit()
        return booking.id


def _statuses(app, *ids):
    with app.app_context():
        return [(b.status, b.cancel_reason) for b in (db.session.get(Booking, i) for i in ids)]


def _body(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def test_closing_booked_days_cancels_their_bookings_as_the_site_and_tells_each_member(
        app, site_with_desk, make_resource, make_user, mailbox):
    french, english = make_user(), make_user(locale="en")
    day = next_weekday()
    other_desk = make_resource("figeac", "desk", "Poste 2")
    first = _book(app, french, site_with_desk, day, "morning")
    second = _book(app, english, other_desk, day + timedelta(days=1), "day")
    after = _book(app, french, site_with_desk, day + timedelta(days=7), "morning")  # not closed: stays
    room_id = make_resource("figeac", "room", "Salle")
    with app.app_context():
        site = site_by_slug("figeac")
        room = service.get_resource(room_id)
        block = service.block(room, *range_for(site, day, "day"), None, note="Journée d'information").id
        db.session.commit()
    mailbox.clear()
    with app.app_context():
        site = site_by_slug("figeac")
        sites.add_closure(site, day, day + timedelta(days=1), "dégât des eaux", None)
        db.session.commit()
    assert _statuses(app, first, second) == [("cancelled", "site_closed")] * 2
    assert _statuses(app, after)[0][0] in ("held", "confirmed")
    assert _statuses(app, block)[0][0] == "confirmed"  # an event's room: not this change's business
    mailbox.wait_for(2)
    [to_french] = mailbox.to(french.email)
    [to_english] = mailbox.to(english.email)
    assert to_french["Subject"].startswith("Réservation annulée")
    assert "Le lieu est fermé ce jour-là" in _body(to_french)
    assert "Motif indiqué : dégât des eaux" in _body(to_french)
    assert to_english["Subject"].startswith("Booking cancelled")
    assert "Reason given: dégât des eaux" in _body(to_english)


def test_the_manager_is_asked_first_and_nothing_changes_until_they_confirm(
        app, client, auth, site_with_desk, make_user, mailbox):
    member = make_user()
    day = next_weekday()
    booking_id = _book(app, member, site_with_desk, day)
    before = _statuses(app, booking_id)
    mailbox.clear()
    auth.login(make_user("site-manager", sites=["figeac"]))
    closure = {"starts_on": day.isoformat(), "ends_on": day.isoformat(), "reason": "travaux"}

    asked = client.post("/sites/figeac/closures", data=closure)
    page = asked.get_data(as_text=True)
    assert asked.status_code == 200
    assert "1 réservation de ces jours-là sera annulée" in page and "remboursé intégralement" in page
    assert "Rien n’est enregistré avant votre confirmation." in page
    with app.app_context():
        assert site_by_slug("figeac").closures == []
    assert _statuses(app, booking_id) == before and mailbox.messages == []

    back = client.post("/sites/figeac/closures", data={**closure, "change": "1"})
    page = back.get_data(as_text=True)
    assert back.status_code == 200 and 'value="travaux"' in page and f'value="{day.isoformat()}"' in page
    with app.app_context():
        assert site_by_slug("figeac").closures == []
    assert _statuses(app, booking_id) == before

    confirmed = client.post("/sites/figeac/closures", data={**closure, "confirmed": "1"})
    assert confirmed.status_code == 303
    with app.app_context():
        [saved] = site_by_slug("figeac").closures
        assert (saved.starts_on, saved.reason) == (day, "travaux")
    assert _statuses(app, booking_id) == [("cancelled", "site_closed")]
    mailbox.wait_for(1)
    assert [m["Subject"][:19] for m in mailbox.to(member.email)] == ["Réservation annulée"]


def test_the_managers_day_says_the_site_is_closed_and_files_its_bookings_by_half_day(
        app, client, auth, site_with_desk, make_user):
    day = next_weekday()
    _book(app, make_user(), site_with_desk, day, "morning")
    with app.app_context():  # a booking still standing on a closed day (the closure added by hand)
        db.session.add(Closure(site_id=site_by_slug("figeac").id, starts_on=day, ends_on=day, reason="inventaire"))
        db.session.commit()
    auth.login(make_user("site-manager", sites=["figeac"]))
    page = client.get(f"/booking/manage/figeac?day={day.isoformat()}").get_data(as_text=True)
    assert "Fermé : inventaire" in page
    assert "<caption>Matin</caption>" in page
    assert "À l'heure" not in page and "À l&#39;heure" not in page
    open_day = client.get(f"/booking/manage/figeac?day={(day + timedelta(days=7)).isoformat()}")
    assert "Fermé" not in open_day.get_data(as_text=True)


def test_a_booking_made_while_a_closure_is_confirmed_does_not_stand_on_the_closed_day(app_factory, site_with_desk,
                                                                                    make_user):
    """The booking read the closures from the site's cached row and locked nothing the closure
    took: held at its insert while the closure looked for the day's bookings (not seeing the one
    not committed yet), it committed after the closure and stood on the closed day. Now the
    closure locks the site's resources first, and the booking checks the closures again under
    its resource's lock: whichever comes first, the other sees it."""
    from devtools.races import call_together, committed, held_until_both_reach, watching_statements
    from plugins.booking.errors import BookingError

    app = app_factory(JOBS_RUN="worker")
    member = make_user()
    day = next_weekday()

    def book():
        resource = service.get_resource(site_with_desk)
        service.book(resource, db.session.get(User, member.id), *range_for(resource.site, day, "morning"))

    def close():
        sites.add_closure(site_by_slug("figeac"), day, day, "coupure d'électricité", None)

    with app.app_context():
        site_by_slug("figeac")  # the site's row cached before the race, as a busy server has it
    hold = held_until_both_reach(("INSERT INTO booking_booking ",
                                  "SELECT booking_booking.id \nFROM booking_booking \nWHERE booking_booking.site_id = "))
    with watching_statements(app, hold):
        results = call_together([committed(app, book, BookingError), committed(app, close)])
    assert results[1] == "ok", results
    with app.app_context():
        standing = db.session.scalars(select(Booking.id).where(
            Booking.member_id == member.id, Booking.status.in_(("held", "confirmed")))).all()
        assert db.session.scalar(select(Closure.id)) is not None
    assert standing == [], results
