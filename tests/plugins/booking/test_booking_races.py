"""No double booking: concurrent HTTP requests at one slot, on a real threaded server."""
from __future__ import annotations

import json
import urllib.parse
import urllib.error
import urllib.request

from sqlalchemy import func, select

from booking_dates import next_weekday
from core.extensions import db
from devtools.races import call_together
from plugins.booking.models import Booking

CLIENTS = 24


def _post(url, token, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST", headers={
        "Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_concurrent_requests_for_one_slot_give_one_booking(app, live_server, site_with_desk, make_user, api_token):
    tokens = [api_token(make_user()) for _ in range(CLIENTS)]
    day = next_weekday()
    body = {"resource": site_with_desk, "start": f"{day}T08:30", "end": f"{day}T12:30"}
    results = call_together([lambda t=t: _post(f"{live_server}/api/v1/bookings", t, body) for t in tokens])
    statuses = sorted(status for status, _ in results)
    assert statuses.count(201) == 1, results
    assert statuses.count(409) == CLIENTS - 1, results
    assert all(b["error"]["code"] == "slot_taken" for s, b in results if s == 409), results
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Booking)) == 1


def test_a_recurring_series_racing_single_bookings_never_overlaps(app, live_server, site_with_desk, make_user,
                                                                   api_token, auth, client):
    """A weekly series is booked all-or-nothing while single bookings race for its dates."""
    from datetime import timedelta

    day = next_weekday()
    series_member = make_user()
    tokens = [api_token(make_user()) for _ in range(CLIENTS - 1)]
    dates = [day + timedelta(days=7 * i) for i in range(4)]
    series_cookie_client = app.test_client()
    login = series_cookie_client.post("/login", data={"email": series_member.email,
                                                      "password": series_member.password})
    assert login.status_code == 303
    cookie = series_cookie_client.get_cookie("session", domain="tierslieux.test")

    def book_series():
        request = urllib.request.Request(
            f"{live_server}/booking/sites/figeac/series", method="POST",
            data=urllib.parse.urlencode({"resource": site_with_desk, "date": day.isoformat(), "period": "morning",
                                         "until": dates[-1].isoformat(), "confirm": "1"}).encode(),
            headers={"Cookie": f"session={cookie.value}", "Content-Type": "application/x-www-form-urlencoded",
                     "Host": "tierslieux.test"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, None
        except urllib.error.HTTPError as exc:
            return exc.code, None

    calls = [book_series] + [
        lambda t=t, i=i: _post(f"{live_server}/api/v1/bookings", t, {
            "resource": site_with_desk, "start": f"{dates[i % 4]}T08:30", "end": f"{dates[i % 4]}T12:30"})
        for i, t in enumerate(tokens)]
    results = call_together(calls)
    assert all(status in (200, 201, 409) for status, _ in results), results  # 200: after the 303
    with app.app_context():
        rows = db.session.execute(select(Booking.starts_at, Booking.member_id, Booking.series_id)
                                  .where(Booking.status == "confirmed")).all()
    starts = [r.starts_at for r in rows]
    assert len(starts) == len(set(starts)) <= 4  # never two bookings of one slot
    assert len(starts) == 4  # every date went to someone


def _session_cookie(app, person):
    """Sign in through the form with a test client; the session cookie for a real HTTP request."""
    browser = app.test_client()
    assert browser.post("/login", data={"email": person.email, "password": person.password}).status_code == 303
    return browser.get_cookie("session", domain="tierslieux.test").value


def _post_form(url, cookie, fields):
    request = urllib.request.Request(url, method="POST", data=urllib.parse.urlencode(fields).encode(), headers={
        "Cookie": f"session={cookie}", "Content-Type": "application/x-www-form-urlencoded",
        "Host": "tierslieux.test"})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_two_members_asking_for_a_desk_when_one_is_left_get_one_booking(app, live_server, make_site, make_resource,
                                                                        make_user):
    """"Book a desk" picks a free desk under booking's locks: for the last one, exactly one wins."""
    make_site("figeac")
    first = make_resource("figeac", "desk", "Poste 1")
    make_resource("figeac", "desk", "Poste 2")
    day = next_weekday()
    fields = {"kind": "desk", "date": day.isoformat(), "period": "morning"}
    assert _post_form(f"{live_server}/booking/sites/figeac/book-any", _session_cookie(app, make_user()),
                      fields) == 303
    cookies = [_session_cookie(app, make_user()) for _ in range(2)]
    results = call_together([lambda c=c: _post_form(f"{live_server}/booking/sites/figeac/book-any", c, fields)
                     for c in cookies])
    assert sorted(results) == [303, 409], results
    with app.app_context():
        rows = db.session.execute(select(Booking.resource_id).where(Booking.status == "confirmed")).all()
    assert sorted(r.resource_id for r in rows) == [first, first + 1]


def test_members_asking_for_a_desk_at_once_each_get_a_different_one(app, live_server, make_site, make_resource,
                                                                    make_user):
    """All ask at once while all desks are free: each is given a desk, never the same one twice."""
    make_site("figeac")
    desks = [make_resource("figeac", "desk", f"Poste {n}") for n in range(1, 5)]
    day = next_weekday()
    fields = {"kind": "desk", "date": day.isoformat(), "period": "day"}
    cookies = [_session_cookie(app, make_user()) for _ in range(5)]
    results = call_together([lambda c=c: _post_form(f"{live_server}/booking/sites/figeac/book-any", c, fields)
                     for c in cookies])
    assert sorted(results) == [303, 303, 303, 303, 409], results
    with app.app_context():
        rows = db.session.execute(select(Booking.resource_id).where(Booking.status == "confirmed")).all()
    assert sorted(r.resource_id for r in rows) == desks


def test_a_member_joining_the_waitlist_twice_at_once_waits_once(app, site_with_desk, make_user):
    """Two clicks on "Wait for a place" at once: one entry (PostgreSQL would read "none yet"
    in both transactions without the lock on the member)."""
    from core.accounts.models import User
    from plugins.booking import service, waitlist
    from plugins.booking.models import WaitlistEntry
    from plugins.booking.slots import range_for

    member = make_user()
    day = next_weekday()

    def join():
        with app.test_request_context(method="POST"):  # a click: a writing transaction
            resource = service.get_resource(site_with_desk)
            entry = waitlist.join(resource.site, "desk", db.session.get(User, member.id),
                                  *range_for(resource.site, day, "morning"))
            db.session.commit()
            return entry.id

    results = call_together([join] * 6)
    assert all(isinstance(result, int) for result in results), results
    assert len(set(results)) == 1, results
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(WaitlistEntry)) == 1


def test_two_places_freed_at_once_are_offered_to_the_first_two_waiting(app, app_factory, make_site, make_resource,
                                                                        make_user):
    """Two cancellations at once (two desks of one slot) both read the same first member in
    line; the second's compare-and-set found them offered and gave up: the second place was
    offered to nobody, and the second member waiting never heard of it. Each cancellation is
    held at its offer until both are there (PostgreSQL; SQLite's writers take turns)."""
    from core.accounts.models import User
    from devtools.races import committed, held_until_both_reach, watching_statements
    from plugins.booking import service, waitlist
    from plugins.booking.models import WaitlistEntry
    from plugins.booking.slots import range_for

    make_site("figeac")
    desks = [make_resource("figeac", "desk", f"Poste {n}") for n in (1, 2)]
    holders, waiting = [make_user(), make_user()], [make_user(), make_user()]
    day = next_weekday()
    with app.test_request_context(method="POST"):
        site = service.get_resource(desks[0]).site
        start, end = range_for(site, day, "morning")
        bookings = [service.book(service.get_resource(desk), db.session.get(User, holder.id), start, end).id
                    for desk, holder in zip(desks, holders)]
        db.session.commit()
        for person in waiting:
            waitlist.join(site, "desk", db.session.get(User, person.id), start, end)
        db.session.commit()

    racing = app_factory(JOBS_RUN="worker")  # the mails' jobs not run inline in the threads (docs/plugins.md)

    def cancel(booking_id):
        return committed(racing, lambda: service.cancel(booking_id, None, "manager"))

    with watching_statements(racing, held_until_both_reach("UPDATE booking_waitlist")):
        results = call_together([cancel(b) for b in bookings])
    assert results == ["ok", "ok"], results
    with app.app_context():
        offers = db.session.execute(select(WaitlistEntry.status, WaitlistEntry.offered_resource_id)).all()
    assert sorted(offers) == sorted(("offered", desk) for desk in desks), offers
