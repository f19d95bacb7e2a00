"""Booking switched off at a site or for the whole territory: the manager is asked first
(Payments goes with it, the bookings standing there are counted); then members still find, see
and cancel what they hold there, nobody else reaches it, and nobody books there any more."""
from __future__ import annotations

from html import unescape

from booking_dates import next_weekday
from core.extensions import db
from plugins.booking.models import Booking


def _book(client, resource, day):
    response = client.post("/booking/sites/figeac/book", data={"resource": resource, "date": day.isoformat(),
                                                               "period": "morning"})
    assert response.status_code == 303
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[-1])


def _on(app, module, slug):
    from core.modules.service import is_enabled
    from core.sites.service import site_by_slug

    with app.test_request_context():
        return is_enabled(module, site_by_slug(slug))


def _switch_off(client, auth, manager):
    auth.login(manager)
    done = client.post("/admin/modules/booking/sites/figeac", data={"enabled": "off", "confirm": "yes"},
                       follow_redirects=True)
    assert "Enregistré : Réservation, Paiements." in done.get_data(as_text=True)
    auth.logout()


def test_the_manager_is_told_what_goes_with_it_and_what_stands_before_anything_changes(
        app, client, auth, site_with_desk, make_user):
    member, manager = make_user(), make_user("site-manager", sites=["figeac"])
    auth.login(member)
    _book(client, site_with_desk, next_weekday(weeks_ahead=1))
    _book(client, site_with_desk, next_weekday(weekday=2, weeks_ahead=1))
    auth.logout()
    auth.login(manager)
    listing = client.get("/admin/modules").get_data(as_text=True)
    assert 'href="/admin/modules/booking/sites/figeac/off"' in listing
    page = client.get("/admin/modules/booking/sites/figeac/off")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Désactiver Réservation pour Figeac ?" in html
    assert "<li>Paiements</li>" in html.split('class="panel module-off-dependents"')[1].split("</div>")[0]
    impact = html.split('class="panel module-off-impact"')[1].split("</div>")[0]
    assert ("2 réservations à venir restent valables : les membres peuvent toujours les voir et les annuler."
            in impact)
    assert "Les nouvelles réservations dans ce lieu seront refusées." in impact
    assert "Une réservation déjà payée puis annulée reste remboursée" in impact  # billing's word
    assert _on(app, "booking", "figeac") and _on(app, "billing", "figeac")  # asking changed nothing
    # The old one-click form (no confirmation) only leads to the question.
    answer = client.post("/admin/modules/booking/sites/figeac", data={"enabled": "off"})
    assert answer.headers["Location"].endswith("/admin/modules/booking/sites/figeac/off")
    assert _on(app, "booking", "figeac") and _on(app, "billing", "figeac")


def test_members_still_see_and_cancel_their_booking_and_nobody_books_there(
        app, client, auth, site_with_desk, make_user):
    member, manager = make_user(), make_user("site-manager", sites=["figeac"])
    auth.login(member)
    booking_id = _book(client, site_with_desk, next_weekday(weeks_ahead=2))
    auth.logout()
    _switch_off(client, auth, manager)

    auth.login(manager)  # the manager's side of a switched-off module stays closed
    assert client.get(f"/booking/{booking_id}").status_code == 404
    assert client.get("/booking/manage/figeac").status_code == 404
    auth.logout()

    auth.login(member)
    mine = client.get("/booking/mine").get_data(as_text=True)
    assert f'href="/booking/{booking_id}"' in mine and 'href="/booking/sites/figeac"' not in mine
    page = client.get(f"/booking/{booking_id}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "La réservation est désactivée dans ce lieu pour le moment" in html
    assert f"/booking/{booking_id}/check-in" not in html  # read-only: no arrival form
    assert client.post(f"/booking/{booking_id}/check-in").status_code == 404
    assert client.get(f"/booking/{booking_id}/cancel").status_code == 200
    assert client.post(f"/booking/{booking_id}/cancel").status_code == 303
    with app.app_context():
        assert db.session.get(Booking, booking_id).status == "cancelled"
    refused = client.post("/booking/sites/figeac/book", data={
        "resource": site_with_desk, "date": next_weekday(weeks_ahead=3).isoformat(), "period": "morning"})
    assert refused.status_code == 404
    with app.app_context():
        assert db.session.query(Booking).count() == 1


def _switch_off_everywhere(app, client, auth, admin):
    auth.login(admin)
    assert client.post("/admin/modules/booking", data={"enabled": "off", "confirm": "yes"}).status_code == 303
    assert not _on(app, "booking", "figeac")
    auth.logout()


def test_switched_off_for_the_whole_territory_the_page_says_members_keep_their_bookings(
        app, client, auth, site_with_desk, make_user):
    member = make_user()
    auth.login(member)
    _book(client, site_with_desk, next_weekday(weeks_ahead=1))
    auth.logout()
    auth.login(make_user("territory-admin"))
    html = unescape(client.get("/admin/modules/booking/off").get_data(as_text=True))
    assert "1 réservation à venir reste valable : son membre peut toujours la voir et l'annuler." in html
    assert "Les nouvelles réservations seront refusées dans tous les lieux." in html
    for dependent in ("Paiements", "Conventions", "Impact"):
        assert f"<li>{dependent}</li>" in html


def test_switched_off_everywhere_a_member_still_finds_sees_and_cancels_their_booking(
        app, client, auth, site_with_desk, make_user):
    """Booking off for the whole territory: the member's list, the booking's page, its calendar
    file and its cancellation stay open to them (the menu and the home page lead there); the
    cancelled slot is free again once booking is back; nothing else of booking answers."""
    member, admin = make_user(), make_user("territory-admin")
    day = next_weekday(weeks_ahead=2)
    auth.login(member)
    booking_id = _book(client, site_with_desk, day)
    auth.logout()
    _switch_off_everywhere(app, client, auth, admin)

    auth.login(member)
    home = client.get("/").get_data(as_text=True)
    assert 'href="/booking/mine"' in home  # the menu keeps "My bookings"
    assert f'href="/booking/{booking_id}"' in home  # the home page's panel, its next bookings
    assert 'href="/booking"' not in home  # "Book a place" is gone
    mine = client.get("/booking/mine")
    assert mine.status_code == 200
    html = mine.get_data(as_text=True)
    assert f'href="/booking/{booking_id}"' in html and f'href="/booking/{booking_id}/cancel"' in html
    assert 'href="/booking/sites/figeac"' not in html and 'action="/booking/feed"' not in html
    page = client.get(f"/booking/{booking_id}")
    assert page.status_code == 200
    assert "La réservation est désactivée pour le moment" in page.get_data(as_text=True)
    assert client.get(f"/booking/{booking_id}/booking.ics").status_code == 200
    assert client.get(f"/booking/{booking_id}/cancel").status_code == 200
    # Nothing new: the search, the week, booking, the waitlist, checking in.
    for url in ("/booking", "/booking/sites/figeac"):
        assert client.get(url).status_code == 404, url
    form = {"resource": site_with_desk, "date": next_weekday(weeks_ahead=3).isoformat(), "period": "morning"}
    for url in ("/booking/sites/figeac/book", "/booking/sites/figeac/waitlist", "/booking/feed",
                f"/booking/{booking_id}/check-in"):
        assert client.post(url, data=form).status_code == 404, url
    assert client.post(f"/booking/{booking_id}/cancel").status_code == 303
    with app.app_context():
        assert db.session.get(Booking, booking_id).status == "cancelled"
        assert db.session.query(Booking).count() == 1
    auth.logout()

    auth.login(admin)
    assert client.post("/admin/modules/booking", data={"enabled": "on"}).status_code == 303
    auth.logout()
    auth.login(make_user())  # the desk that was cancelled is free for someone else
    assert client.post("/booking/sites/figeac/book", data={"resource": site_with_desk, "date": day.isoformat(),
                                                           "period": "morning"}).status_code == 303


def test_switched_off_everywhere_nobody_else_reaches_a_members_booking(
        app, client, auth, site_with_desk, make_user):
    member, admin = make_user(), make_user("territory-admin")
    manager, other = make_user("site-manager", sites=["figeac"]), make_user()
    auth.login(member)
    booking_id = _book(client, site_with_desk, next_weekday(weeks_ahead=2))
    auth.logout()
    _switch_off_everywhere(app, client, auth, admin)
    for someone in (other, manager, admin):
        auth.login(someone)
        for url in (f"/booking/{booking_id}", f"/booking/{booking_id}/cancel", f"/booking/{booking_id}/booking.ics"):
            assert client.get(url).status_code == 404, (someone.email, url)
        assert client.post(f"/booking/{booking_id}/cancel").status_code == 404
        mine = client.get("/booking/mine").get_data(as_text=True)
        assert f"/booking/{booking_id}" not in mine
        assert 'href="/booking/mine"' not in client.get("/").get_data(as_text=True)  # they hold none
        auth.logout()
    with app.app_context():
        assert db.session.get(Booking, booking_id).status == "confirmed"


def test_switched_off_at_one_site_a_booking_elsewhere_works_as_usual(
        app, client, auth, site_with_desk, make_site, make_resource, make_user):
    make_site("aurillac")
    elsewhere = make_resource("aurillac", "desk", "Poste A")
    member, manager = make_user(), make_user("site-manager", sites=["figeac"])
    auth.login(member)
    here = _book(client, site_with_desk, next_weekday(weeks_ahead=2))
    there = client.post("/booking/sites/aurillac/book", data={
        "resource": elsewhere, "date": next_weekday(weeks_ahead=2).isoformat(), "period": "morning"})
    assert there.status_code == 303
    there = int(there.headers["Location"].rstrip("/").rsplit("/", 1)[-1])
    auth.logout()
    _switch_off(client, auth, manager)
    auth.login(member)
    mine = client.get("/booking/mine").get_data(as_text=True)
    assert f'href="/booking/{here}"' in mine and f'href="/booking/{there}"' in mine
    assert 'href="/booking/sites/figeac"' not in mine and 'action="/booking/feed"' in mine
    assert "désactivée" not in client.get(f"/booking/{there}").get_data(as_text=True)
    assert client.get("/booking/sites/aurillac").status_code == 200
    assert client.get("/booking/sites/figeac").status_code == 404
    assert client.post(f"/booking/{here}/cancel").status_code == 303
    assert client.post(f"/booking/{there}/cancel").status_code == 303
    assert client.post("/booking/sites/aurillac/book", data={
        "resource": elsewhere, "date": next_weekday(weeks_ahead=3).isoformat(), "period": "morning"}).status_code == 303
    with app.app_context():
        assert sorted(b.status for b in db.session.query(Booking)) == ["cancelled", "cancelled", "confirmed"]


def test_the_api_lists_and_cancels_a_members_booking_where_booking_is_off_as_the_pages_do(
        app, client, auth, site_with_desk, make_user, api_token):
    """Switched off at the site, then for the whole territory: the member's API client still
    lists their bookings and cancels one (as `/booking/mine` does); another member gets 404, and
    nobody books through the API."""
    member, manager, admin = make_user(), make_user("site-manager", sites=["figeac"]), make_user("territory-admin")
    auth.login(member)
    first, second = (_book(client, site_with_desk, next_weekday(weeks_ahead=weeks)) for weeks in (2, 3))
    auth.logout()
    mine, theirs = ({"Authorization": f"Bearer {api_token(person)}"} for person in (member, make_user()))
    day = next_weekday(weeks_ahead=4)
    new = {"resource": site_with_desk, "start": f"{day}T08:30", "end": f"{day}T12:30"}

    _switch_off(client, auth, manager)
    assert sorted(b["id"] for b in client.get("/api/v1/bookings", headers=mine).json) == [first, second]
    assert client.post(f"/api/v1/bookings/{first}/cancel", headers=theirs).status_code == 404
    cancelled = client.post(f"/api/v1/bookings/{first}/cancel", headers=mine)
    assert cancelled.status_code == 200 and cancelled.json["status"] == "cancelled"
    assert client.post("/api/v1/bookings", json=new, headers=mine).status_code == 404

    _switch_off_everywhere(app, client, auth, admin)
    assert {b["id"]: b["status"] for b in client.get("/api/v1/bookings", headers=mine).json} == {
        first: "cancelled", second: "confirmed"}
    assert client.get("/api/v1/bookings", headers=theirs).json == []
    assert client.post(f"/api/v1/bookings/{second}/cancel", headers=theirs).status_code == 404
    assert client.post(f"/api/v1/bookings/{second}/cancel", headers=mine).json["status"] == "cancelled"
    assert client.post("/api/v1/bookings", json=new, headers=mine).status_code == 404
    with app.app_context():
        assert db.session.query(Booking).count() == 2
