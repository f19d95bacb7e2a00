"""The reason a manager gives when cancelling a member's booking is kept on the booking
(`cancel_note`): the member's booking page and the manager's day show it, where it went into the
cancellation e-mail only. It is erased with the member's account, and its migration goes both
ways on either database."""
from __future__ import annotations

import lxml.html

from booking_dates import next_weekday
from core.accounts.models import User
from core.extensions import db
from plugins.booking import service
from plugins.booking.models import Booking
from plugins.booking.slots import range_for

REASON = "Dégât des eaux dans l'open space"


def _book(app, person, resource_id, day, period="morning") -> int:
    with app.app_context():
        resource = service.get_resource(resource_id)
        booking = service.book(resource, db.session.get(User, person.id), *range_for(resource.site, day, period))
        db.session.commit()
        return booking.id


def _text(response) -> str:
    return " ".join(lxml.html.fromstring(response.get_data(as_text=True)).text_content().split())


def test_the_managers_reason_is_kept_and_shown_to_the_member_and_on_the_managers_day(
        app, client, auth, site_with_desk, make_user):
    member, manager = make_user(), make_user(role="site-manager", sites=["figeac"])
    day = next_weekday()
    booking_id = _book(app, member, site_with_desk, day)
    auth.login(manager)
    done = client.post(f"/booking/manage/figeac/bookings/{booking_id}/cancel",
                       data={"reason": f"  {REASON}  ", "day": day.isoformat()})
    assert done.status_code == 303
    with app.app_context():
        booking = db.session.get(Booking, booking_id)
        assert (booking.status, booking.cancel_reason, booking.cancel_note) == ("cancelled", "manager", REASON)
    # The manager's day lists the cancelled booking with its reason; their view of the booking too.
    assert f"Motif indiqué : {REASON}" in _text(client.get(f"/booking/manage/figeac?day={day.isoformat()}"))
    assert f"Annulée par l'équipe du site : {REASON}" in _text(client.get(f"/booking/{booking_id}"))
    auth.logout()
    auth.login(member)
    page = client.get(f"/booking/{booking_id}")
    assert page.status_code == 200
    [note] = lxml.html.fromstring(page.get_data(as_text=True)).xpath("//*[@class='cancel-note']")
    assert note.text_content() == f"Annulée par l'équipe du site : {REASON}"


def test_the_api_gives_who_cancelled_and_the_teams_reason(app, client, site_with_desk, make_user, api_token):
    member = make_user()
    token = api_token(member)
    day = next_weekday()
    by_team = _book(app, member, site_with_desk, day)
    kept = _book(app, member, site_with_desk, day, "afternoon")
    with app.app_context():
        service.cancel(by_team, None, "manager", note=REASON)
        db.session.commit()
    listed = client.get("/api/v1/bookings", headers={"Authorization": f"Bearer {token}"}).get_json()
    by_id = {b["id"]: b for b in (listed["bookings"] if isinstance(listed, dict) else listed)}
    assert by_id[by_team]["cancelled"] == {"reason": "manager", "note": REASON}
    assert by_id[kept]["cancelled"] is None


def test_a_cancellation_without_a_reason_or_by_the_member_shows_no_reason(app, client, auth, site_with_desk,
                                                                         make_user, make_resource):
    member = make_user()
    day = next_weekday()
    by_team = _book(app, member, site_with_desk, day)
    own = _book(app, member, make_resource("figeac", "desk", "Poste 2"), day, "afternoon")
    with app.app_context():
        service.cancel(by_team, None, "manager")
        service.cancel(own, db.session.get(User, member.id), "member")
        db.session.commit()
        assert [db.session.get(Booking, i).cancel_note for i in (by_team, own)] == ["", ""]
    auth.login(member)
    assert "Annulée par l'équipe du site." in _text(client.get(f"/booking/{by_team}"))
    assert "équipe du site" not in _text(client.get(f"/booking/{own}"))


def test_a_closures_reason_is_kept_on_the_bookings_it_cancelled(app, client, auth, site_with_desk, make_user):
    from core.sites import service as sites
    from core.sites.service import site_by_slug

    member = make_user()
    day = next_weekday()
    booking_id = _book(app, member, site_with_desk, day)
    with app.app_context():
        sites.add_closure(site_by_slug("figeac"), day, day, "coupure d'électricité", None)
        db.session.commit()
        assert db.session.get(Booking, booking_id).cancel_note == "coupure d'électricité"
    auth.login(member)
    assert "Annulée : le lieu est fermé ce jour-là (coupure d'électricité)." in _text(client.get(f"/booking/{booking_id}"))


def test_the_reason_goes_with_the_members_other_data_when_they_erase_their_account(app, site_with_desk, make_user):
    from core.accounts import service as accounts

    member = make_user()
    booking_id = _book(app, member, site_with_desk, next_weekday())
    with app.app_context():
        service.cancel(booking_id, None, "manager", note=REASON)
        db.session.commit()
        export = accounts.export_data(db.session.get(User, member.id))
        assert REASON in export  # the member's download says it, while the account lives
        accounts.erase_account(db.session.get(User, member.id), member.password)
        db.session.commit()
        booking = db.session.get(Booking, booking_id)
        assert (booking.member_id, booking.status, booking.cancel_note) == (None, "cancelled", "")


def test_the_migration_goes_down_and_up_keeping_bookings_and_the_overlap_guard(app, site_with_desk, make_user):
    """Added in place on both databases: on SQLite a copied table would have lost the triggers
    that refuse two bookings of one desk at the same time."""
    import flask_migrate
    import pytest

    from sqlalchemy import exc as sa_exc

    member = make_user()
    day = next_weekday()
    booking_id = _book(app, member, site_with_desk, day)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
        flask_migrate.downgrade(revision="0002_booking_per_period")
        flask_migrate.upgrade(revision="heads")
        db.session.remove()
        db.engine.dispose()
    with app.app_context():
        booking = db.session.get(Booking, booking_id)
        assert (booking.status, booking.cancel_note) == ("confirmed", "")
        twin = Booking(resource_id=booking.resource_id, site_id=booking.site_id, starts_at=booking.starts_at,
                       ends_at=booking.ends_at, status="confirmed", checkin_code="x")
        with pytest.raises(sa_exc.DBAPIError) as refused:  # the database itself, as before
            db.session.add(twin)
            db.session.flush()
        assert service.is_overlap_error(refused.value)
        db.session.rollback()
    with app.app_context():
        service.cancel(booking_id, None, "manager", note=REASON)
        db.session.commit()
        assert db.session.get(Booking, booking_id).cancel_note == REASON
