"""Fixtures for impact's tests: a site with a desk, booking then checking in a member, tokens."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from core.extensions import db
from impact_dates import next_weekday


@pytest.fixture
def desk(app, make_site):
    from core.sites.service import site_by_slug
    from plugins.booking.resources import save_resource

    make_site("figeac")
    with app.app_context():
        site = site_by_slug("figeac")
        site.commune, site.departement = "Figeac", "46"
        resource = save_resource(site, None, kind="desk", name="Poste 1", seats=1)
        db.session.commit()
        return resource.id


@pytest.fixture
def attend(app, desk):
    """Book a member at Figeac on a day (morning or afternoon) and check them in then."""
    from core.accounts.models import User
    from plugins.booking import checkin, service
    from plugins.booking.slots import range_for

    desks = {}  # one desk per member

    def go(person, day=None, period="morning", check_in=True) -> int:
        from plugins.booking.resources import save_resource

        day = day or next_weekday()
        with app.test_request_context():
            if person.id not in desks:
                first = service.get_resource(desk)
                desks[person.id] = desk if not desks else save_resource(
                    first.site, None, kind="desk", name=f"Poste {len(desks) + 1}", seats=1).id
                db.session.commit()
            resource = service.get_resource(desks[person.id])
            member = db.session.get(User, person.id)
            booking = service.book(resource, member, *range_for(resource.site, day, period))
            db.session.commit()
            if check_in:
                checkin.check_in(booking.id, member, now=booking.starts_at)
                db.session.commit()
            return booking.id

    return go


@pytest.fixture
def profile(app):
    """Give a member a commute: home, workplace (INSEE codes or names), mode, consent."""
    from core import geo
    from core.accounts.models import User
    from plugins.impact import service

    def give(person, home="Capdenac-Gare", work="Rodez", mode="petrol", hp=5, consent=True):
        with app.test_request_context():
            user = db.session.get(User, person.id)
            service.save_profile(user, home=geo.resolve(home, ("46", "12"))[0], work=geo.resolve(work, ("12", "46"))[0],
                                 mode=mode, fiscal_hp=hp, consent=consent)
            db.session.commit()

    return give


class _Osrm(BaseHTTPRequestHandler):
    """A routing server's answer: 61.5 km whatever the question."""

    def do_GET(self):  # noqa: N802
        body = json.dumps({"code": "Ok", "routes": [{"distance": 61500.0}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def osrm_server():
    """A real HTTP server answering as OSRM; a test may shut it down to see the fallback."""
    server = HTTPServer(("127.0.0.1", 0), _Osrm)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)
