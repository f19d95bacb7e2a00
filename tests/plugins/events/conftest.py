"""Fixtures for events tests: a site with a manager, events made through the service."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta

import pytest

from core.accounts.models import User
from core.extensions import db


@dataclass
class World:
    site: str
    manager: object
    admin: object


@pytest.fixture
def world(make_site, make_user):
    site = make_site("figeac", name="Télécentre de Figeac")
    return World(site, make_user("site-manager", sites=[site]), make_user("territory-admin"))


@pytest.fixture
def lot_staff(app, make_user):
    """(partner_id, staff): the Lot's council, listed publicly (so a site's team may invite its
    staff), and one of its référents, who stands for its staff."""
    from plugins.conventions.models import Partner, Referent

    staff = make_user("partner")
    with app.app_context():
        partner = Partner(name="Conseil départemental du Lot", siret="22460001500016", address="Cahors",
                          listed_publicly=True)
        db.session.add(partner)
        db.session.flush()
        db.session.add(Referent(partner_id=partner.id, user_id=staff.id))
        db.session.commit()
        return partner.id, staff


@pytest.fixture
def make_event(app, world):
    """`make_event(capacity=10, audience="public", days=7, site="figeac", **fields)`: its id."""
    from core.sites.service import site_by_slug
    from core.timeutil import local_to_utc, today_at
    from plugins.events import service

    def make(capacity=10, audience="public", days=7, site="figeac", title="Journée d'information", start=time(9, 30),
             end=time(12, 0), actor=None, **fields) -> int:
        with app.test_request_context():
            where = site_by_slug(site) if site else None
            tz = where.timezone if where else "Europe/Paris"
            day = today_at(tz) + timedelta(days=days)
            person = db.session.get(User, (actor or (world.manager if site else world.admin)).id)
            event = service.save_event(
                person, None, site=where, title=title, description=fields.pop("description", "Venez nombreux."),
                online_url=fields.pop("online_url", ""), starts_at=local_to_utc(day, start, tz),
                ends_at=local_to_utc(day, end, tz), capacity=capacity, audience=audience, **fields)
            db.session.commit()
            return event.id

    return make


# Billing's Stripe emulator and driver, for paid events' tickets.
from tests.plugins.billing.conftest import stripe_driver, stripe_emulator  # noqa: E402,F401 - fixtures
