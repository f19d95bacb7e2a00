"""Fixtures for conventions' tests: sites with desks, a partner and its convention, employees,
a live HTTP server for the races, API tokens, and booking helpers."""
from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from datetime import timedelta

import pytest
from werkzeug.serving import make_server

from core.extensions import db
from conventions_helpers import SIGNED_PDF, next_weekday  # noqa: F401 -- for the tests
from core.timeutil import today_at


@dataclass
class World:
    admin: object
    referent: object
    employee: object
    partner_id: int
    convention_id: int
    desks: dict  # site slug -> [resource ids]
    sites: dict  # site slug -> id


@pytest.fixture
def make_resource(app):
    from core.sites.service import site_by_slug
    from plugins.booking.resources import save_resource

    def make(site_slug="figeac", kind="desk", name=None) -> int:
        with app.app_context():
            resource = save_resource(site_by_slug(site_slug), None, kind=kind, name=name or f"{kind} {site_slug}")
            db.session.commit()
            return resource.id

    return make


@pytest.fixture
def world(app, runner, make_site, make_user, make_resource):
    """The Lot council: a convention at Figeac (not Aurillac), 1.5 days a week, 15 € a day."""
    from core.accounts.models import User
    from core.sites.service import site_by_slug
    from plugins.conventions import service
    from plugins.conventions.models import Authorisation

    assert runner.invoke(args=["modules", "enable", "conventions"]).exit_code == 0
    for slug in ("figeac", "aurillac"):
        make_site(slug)
    desks = {slug: [make_resource(slug, "desk", f"Poste {slug} {i}") for i in range(2)]
             for slug in ("figeac", "aurillac")}
    admin, referent, employee = make_user("territory-admin"), make_user("partner"), make_user(email="agent@lot.fr")
    with app.test_request_context():
        actor = db.session.get(User, admin.id)
        sites = {slug: site_by_slug(slug).id for slug in ("figeac", "aurillac")}
        partner = service.save_partner(actor, None, name="Conseil départemental du Lot", siret="22460001500016",
                                       address="Cahors", public_buyer=True, chorus_service_code="DRH",
                                       engagement_number="EJ-1")
        service.add_referent(actor, partner, referent.email)
        today = today_at("Europe/Paris")
        convention = service.save_convention(
            actor, partner, None, reference="CD46-TT", starts_on=today - timedelta(days=400),
            ends_on=today + timedelta(days=400), site_ids=[sites["figeac"]], kinds=["desk"], price_model="per_day",
            day_rate_cents=1500, half_day_rate_cents=800, week_cap=3, past_cap="refuse",
            email_domains=["lot.fr"])
        service.attach_signed_copy(actor, convention, io.BytesIO(SIGNED_PDF))  # draft -> signed
        service.move(actor, convention, "active")
        db.session.add(Authorisation(convention_id=convention.id, user_id=employee.id, status="approved",
                                     valid_from=convention.starts_on))
        db.session.commit()
        return World(admin, referent, employee, partner.id, convention.id, desks, sites)


@pytest.fixture
def book(client, api_token):
    """Book through the API as a person: (status, JSON body)."""
    tokens = {}

    def make(person, resource_id, day, start="08:30", end="18:00"):
        token = tokens.setdefault(person.id, api_token(person))
        response = client.post("/api/v1/bookings", json={"resource": resource_id, "start": f"{day}T{start}",
                                                         "end": f"{day}T{end}"},
                               headers={"Authorization": f"Bearer {token}", "Accept-Language": "en"})
        return response.status_code, response.get_json()

    return make


@pytest.fixture
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)
    with app.app_context():
        db.session.remove()
