"""A site closing on days members were waiting for a place: their waitlist entries end with the
closure, in its transaction, and each member is mailed once, in their language, with the
closure's reason. Nobody joins the waitlist for a closed day, not even while the closure is
being confirmed."""
from __future__ import annotations

from datetime import time, timedelta

import lxml.html
import pytest
from sqlalchemy import func, select

from booking_dates import next_weekday
from core.accounts.models import User
from core.extensions import db
from core.sites import service as sites
from core.sites.service import site_by_slug
from plugins.booking import service, waitlist
from plugins.booking.errors import BookingError
from plugins.booking.models import WaitlistEntry
from plugins.booking.slots import range_for, to_utc


def _wait(app, person, day, period="morning") -> int:
    with app.app_context():
        site = site_by_slug("figeac")
        entry = waitlist.join(site, "desk", db.session.get(User, person.id), *range_for(site, day, period))
        db.session.commit()
        return entry.id


def _statuses(app, *ids) -> list[str]:
    with app.app_context():
        return [db.session.get(WaitlistEntry, i).status for i in ids]


def _body(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def test_closing_a_day_ends_its_waitlist_and_tells_each_member_once_in_their_language(
        app, site_with_desk, make_user, mailbox):
    french, english, later = make_user(), make_user(locale="en"), make_user()
    day = next_weekday()
    morning, afternoon = _wait(app, french, day, "morning"), _wait(app, french, day, "afternoon")
    offered = _wait(app, english, day + timedelta(days=1), "day")
    not_closed = _wait(app, later, day + timedelta(days=7))
    with app.app_context():  # a place offered to the English member, not yet taken
        db.session.get(WaitlistEntry, offered).status = "offered"
        db.session.commit()
    mailbox.clear()

    with app.app_context():  # refused after all: nothing of it stays, nobody is told
        sites.add_closure(site_by_slug("figeac"), day, day + timedelta(days=1), "dégât des eaux", None)
        db.session.rollback()
    assert _statuses(app, morning, afternoon, offered) == ["waiting", "waiting", "offered"]

    with app.app_context():
        sites.add_closure(site_by_slug("figeac"), day, day + timedelta(days=1), "dégât des eaux", None)
        db.session.commit()
    assert _statuses(app, morning, afternoon, offered, not_closed) == ["closed", "closed", "closed", "waiting"]
    mailbox.wait_for(2)
    [to_french] = mailbox.to(french.email)  # one mail for both of their times
    [to_english] = mailbox.to(english.email)
    assert mailbox.to(later.email) == []
    assert to_french["Subject"] == "Fermeture de Figeac : vous n'êtes plus sur la liste d'attente"
    text = _body(to_french)
    assert "Figeac ferme aux moments où vous y attendiez une place" in text
    assert "Motif indiqué : dégât des eaux" in text and text.count("\n- ") == 2
    assert "Vous n'êtes plus sur la liste d'attente pour ces moments." in text
    assert to_english["Subject"] == "Figeac closing: you are off the waitlist"
    assert "Reason given: dégât des eaux" in _body(to_english)


def test_the_manager_is_told_the_waiting_members_will_be_told_before_confirming(
        app, client, auth, site_with_desk, make_user, mailbox):
    day = next_weekday()
    entry = _wait(app, make_user(), day)
    auth.login(make_user("site-manager", sites=["figeac"]))
    closure = {"starts_on": day.isoformat(), "ends_on": day.isoformat(), "reason": "travaux"}
    asked = client.post("/sites/figeac/closures", data=closure)
    assert asked.status_code == 200
    text = " ".join(lxml.html.fromstring(asked.get_data(as_text=True)).text_content().split())
    assert "1 membre en attente d'une place ces jours-là sera retiré de la liste d'attente" in text
    assert _statuses(app, entry) == ["waiting"]
    assert client.post("/sites/figeac/closures", data={**closure, "confirmed": "1"}).status_code == 303
    assert _statuses(app, entry) == ["closed"]


def test_joining_the_waitlist_for_a_closed_day_is_refused_saying_why(app, client, auth, site_with_desk, make_user):
    day = next_weekday()
    with app.app_context():
        sites.add_closure(site_by_slug("figeac"), day, day, "inventaire", None)
        db.session.commit()
    auth.login(make_user(locale="fr"))
    for data in ({"kind": "desk", "date": day.isoformat(), "period": "morning"},
                 {"resource": site_with_desk, "date": day.isoformat(), "period": "day"}):
        refused = client.post("/booking/sites/figeac/waitlist", data=data)
        assert refused.status_code == 422
        [message] = lxml.html.fromstring(refused.get_data(as_text=True)).xpath("//*[@role='alert']")
        assert message.text_content() == "Le lieu est fermé ce jour-là (inventaire)."
    other = make_user(locale="fr")
    with app.app_context():  # the rule itself, as any caller meets it
        with pytest.raises(BookingError) as refused:
            waitlist.join(site_by_slug("figeac"), "desk", db.session.get(User, other.id),
                          to_utc(day, time(8, 30), "Europe/Paris"), to_utc(day, time(12, 30), "Europe/Paris"))
        assert str(refused.value) == "Le lieu est fermé ce jour-là (inventaire)."
        db.session.rollback()
        assert db.session.scalar(select(func.count()).select_from(WaitlistEntry)) == 0


def test_a_member_joining_the_waitlist_while_a_closure_is_confirmed_is_not_left_waiting(app_factory, site_with_desk,
                                                                                       make_user):
    """The member's entry, not committed yet while the closure looked for the day's waitlist,
    was not found and stayed "waiting" on a closed day. The join now takes a place of the kind
    before checking the closures from the database, and the closure locks every place of the
    site before it reads the waitlist: whichever comes first, the other sees it. Each side is
    held at its read of the waitlist until the other is there too (PostgreSQL; SQLite's writers
    take turns)."""
    from devtools.races import call_together, committed, held_until_both_reach, watching_statements

    app = app_factory(JOBS_RUN="worker")
    member = make_user()
    day = next_weekday()

    def join():
        resource = service.get_resource(site_with_desk)
        waitlist.join(resource.site, "desk", db.session.get(User, member.id), *range_for(resource.site, day, "morning"))

    def close():
        sites.add_closure(site_by_slug("figeac"), day, day, "coupure d'électricité", None)

    with app.app_context():
        site_by_slug("figeac")  # the site's row cached before the race, as a busy server has it
    with watching_statements(app, held_until_both_reach("SELECT booking_waitlist")):
        results = call_together([committed(app, join, BookingError), committed(app, close)])
    assert results[1] == "ok", results
    with app.app_context():
        waiting = db.session.scalars(select(WaitlistEntry.status).where(WaitlistEntry.member_id == member.id)).all()
    assert "waiting" not in waiting, results
    assert results[0] == 422 or waiting == ["closed"], (results, waiting)
