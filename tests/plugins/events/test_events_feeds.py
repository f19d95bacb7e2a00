"""A site's events feeds: the public address carries public events only (anyone with it reads
it); a member subscribes to their own address, opened by the secret of their private calendar
address (booking's), which carries what they see on the site's events page and stops working
once they make a new address."""
from __future__ import annotations

import re
from html import unescape

from core.extensions import db

EN = {"Accept-Language": "en"}


def _summaries(response) -> list[str]:
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    return sorted(re.findall(r"^SUMMARY:(.*?)\r?$", response.get_data(as_text=True), re.M))


def _private_address(client) -> str | None:
    """The member's own address shown on the site's events page, as a path for the test client."""
    page = unescape(client.get("/events/sites/figeac", headers=EN).get_data(as_text=True))
    found = re.search(r'id="events-feed-url" type="text" readonly value="https?://[^/"]+(/[^"]+)"', page)
    return found.group(1) if found else None


def _events(make_event, lot_staff):
    partner_id, _staff = lot_staff
    make_event(title="Matinee d'accueil")
    make_event(title="Petit-dejeuner des membres", audience="members")
    make_event(title="Reserve au personnel", audience="partner", partner_id=partner_id)


def test_the_public_feed_carries_public_events_only(client, auth, make_user, make_event, lot_staff):
    _events(make_event, lot_staff)
    assert _summaries(client.get("/events/sites/figeac/events.ics")) == ["Matinee d'accueil"]
    page = client.get("/events/sites/figeac", headers=EN).get_data(as_text=True)
    assert "Your calendar" not in page and "private" not in page  # a visitor has no address of their own
    auth.login(make_user())  # signed in or not, the public address is the same for all
    assert _summaries(client.get("/events/sites/figeac/events.ics")) == ["Matinee d'accueil"]


def test_a_member_subscribes_to_their_own_address_of_a_sites_events(
        client, auth, make_user, make_event, lot_staff):
    _events(make_event, lot_staff)
    auth.login(make_user())
    page = client.get("/events/sites/figeac", headers=EN).get_data(as_text=True)
    assert "Get a private calendar address" in page and _private_address(client) is None
    made = client.post("/booking/feed", data={"next": "/events/sites/figeac#calendar"})
    assert made.status_code == 303 and made.headers["Location"].endswith("/events/sites/figeac#calendar")
    address = _private_address(client)
    assert address.startswith("/events/sites/figeac/feed/") and address.endswith(".ics")
    assert "Make a new private address" in client.get("/events/sites/figeac", headers=EN).get_data(as_text=True)
    auth.logout()  # a calendar app: no session
    assert _summaries(client.get(address)) == ["Matinee d'accueil", "Petit-dejeuner des membres"]
    token = address.rsplit("/", 1)[1].removesuffix(".ics")
    assert client.get(f"/booking/feed/{token}.ics").status_code == 200  # the same secret as their bookings'

    auth.login(make_user())  # another member's address is theirs alone
    client.post("/booking/feed", data={"next": "/events/sites/figeac"})
    assert _private_address(client) != address


def test_renewing_the_private_address_stops_the_old_one(client, auth, make_user, make_event, lot_staff):
    _events(make_event, lot_staff)
    auth.login(make_user())
    client.post("/booking/feed", data={"next": "/events/sites/figeac"})
    old = _private_address(client)
    client.post("/booking/feed", data={"next": "/events/sites/figeac"})  # from either page
    new = _private_address(client)
    auth.logout()
    assert new != old and client.get(old).status_code == 404
    assert _summaries(client.get(new)) == ["Matinee d'accueil", "Petit-dejeuner des membres"]


def test_a_partners_staff_find_their_employers_event_in_their_own_feed(client, auth, make_event, lot_staff):
    _events(make_event, lot_staff)
    _partner_id, staff = lot_staff
    auth.login(staff)
    client.post("/booking/feed", data={"next": "/events/sites/figeac"})
    address = _private_address(client)
    auth.logout()
    assert _summaries(client.get(address)) == ["Matinee d'accueil", "Petit-dejeuner des membres",
                                               "Reserve au personnel"]


def test_no_member_feed_for_a_sites_managers_address_a_closed_account_or_a_guess(
        app, client, auth, make_user, make_event, lot_staff, world):
    from core.accounts.models import User
    from plugins.booking.feeds import create_feed
    from core.sites.service import site_by_slug

    _events(make_event, lot_staff)
    with app.test_request_context():  # the private address of the site's bookings, for its manager
        site_token = create_feed(db.session.get(User, world.manager.id), site_by_slug("figeac")).token
        db.session.commit()
    assert client.get(f"/events/sites/figeac/feed/{site_token}.ics").status_code == 404
    assert client.get("/events/sites/figeac/feed/" + "Zq" * 21 + "Z.ics").status_code == 404
    member = make_user()
    auth.login(member)
    client.post("/booking/feed", data={"next": "/events/sites/figeac"})
    address = _private_address(client)
    auth.logout()
    assert client.get(address.replace("/figeac/", "/nowhere/")).status_code == 404
    with app.app_context():
        db.session.get(User, member.id).is_disabled = True
        db.session.commit()
    assert client.get(address).status_code == 404


def test_no_address_offered_while_booking_is_off_but_one_made_before_still_opens(
        client, auth, runner, make_user, make_event, lot_staff):
    _events(make_event, lot_staff)
    auth.login(make_user())
    client.post("/booking/feed", data={"next": "/events/sites/figeac"})
    address = _private_address(client)
    assert runner.invoke(args=["modules", "disable", "booking"]).exit_code == 0
    page = client.get("/events/sites/figeac", headers=EN).get_data(as_text=True)
    assert _private_address(client) == address and "Make a new private address" not in page
    auth.logout()
    assert _summaries(client.get(address)) == ["Matinee d'accueil", "Petit-dejeuner des membres"]


def test_a_members_feed_reads_who_they_work_for_once_not_per_partners_event(
        app, client, auth, make_user, make_event, lot_staff):
    """Calendar apps fetch the feed every few minutes: each partner's event asked again whom the
    reader works for and which partners they speak for (three statements per event)."""
    from devtools.queries import Queries

    partner_id, _staff = lot_staff
    auth.login(make_user())
    client.post("/booking/feed", data={"next": "/events/sites/figeac"})
    address = _private_address(client)
    auth.logout()

    def statements() -> int:
        with Queries(app) as queries:
            assert client.get(address).status_code == 200
        return queries.count

    make_event(title="Reserve au personnel", audience="partner", partner_id=partner_id)
    one = statements()
    for day in range(2, 7):
        make_event(title=f"Reserve au personnel {day}", audience="partner", partner_id=partner_id, days=day)
    assert statements() == one


def test_a_closed_accounts_secret_opens_neither_feed(app, client, auth, make_user, make_event, lot_staff):
    """One secret opens both feeds (the events' and the bookings'): a closed account's events
    feed answered 404, its bookings' feed went on answering whoever held the address, while its
    member could no longer sign in to renew it."""
    from core.accounts.models import User

    _events(make_event, lot_staff)
    member = make_user()
    auth.login(member)
    client.post("/booking/feed", data={"next": "/events/sites/figeac"})
    token = _private_address(client).rsplit("/", 1)[1].removesuffix(".ics")
    auth.logout()
    assert client.get(f"/booking/feed/{token}.ics").status_code == 200
    with app.app_context():
        db.session.get(User, member.id).is_disabled = True
        db.session.commit()
    assert client.get(f"/events/sites/figeac/feed/{token}.ics").status_code == 404
    assert client.get(f"/booking/feed/{token}.ics").status_code == 404
