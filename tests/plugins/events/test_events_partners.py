"""A partner's référents run information days for their staff (conventions' public API): who may
create, see, register and manage them, and nothing while conventions is off."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from core.db import utcnow
from core.extensions import db
from plugins.events.models import Event, Registration


@dataclass
class Staff:
    partner_id: int
    other_partner_id: int
    referent: object
    employee: object
    other_referent: object
    member: object
    figeac_id: int


@pytest.fixture
def staff(app, world, make_user):
    from core.sites.service import site_by_slug
    from plugins.conventions.models import Authorisation, Convention, Partner, Referent

    referent, employee, other_referent, member = make_user("partner"), make_user(), make_user("partner"), make_user()
    with app.app_context():
        lot = Partner(name="Conseil départemental du Lot", siret="22460001500016", address="Cahors")
        bank = Partner(name="Banque du Cantal", siret="56000000200017", address="Aurillac")
        db.session.add_all([lot, bank])
        db.session.flush()
        db.session.add_all([Referent(partner_id=lot.id, user_id=referent.id),
                            Referent(partner_id=bank.id, user_id=other_referent.id)])
        convention = Convention(partner_id=lot.id, reference="CONV-LOT-1", starts_on=date.today() - timedelta(days=30),
                                ends_on=date.today() + timedelta(days=300))
        db.session.add(convention)
        db.session.flush()
        db.session.add(Authorisation(convention_id=convention.id, user_id=employee.id, status="approved",
                                     valid_from=date.today() - timedelta(days=1)))
        db.session.commit()
        return Staff(lot.id, bank.id, referent, employee, other_referent, member, site_by_slug("figeac").id)


def _form(staff, **fields):
    data = {"title": "Matinée télétravail des agents du Lot", "description": "", "place": str(staff.figeac_id),
            "online_url": "", "day": (utcnow() + timedelta(days=12)).date().isoformat(), "starts": "09:00",
            "ends": "11:00", "capacity": "15", "audience": "partner", "partner": str(staff.partner_id)}
    data.update(fields)
    return data


def _event(app, title="Matinée télétravail des agents du Lot"):
    with app.app_context():
        return db.session.scalar(select(Event).where(Event.title == title))


def test_a_referent_creates_an_event_for_their_staff_who_alone_see_and_join_it(app, client, auth, staff):
    auth.login(staff.referent)
    page = client.get("/events/manage/new").get_data(as_text=True)
    assert "Conseil départemental du Lot" in page and "Banque du Cantal" not in page
    assert 'name="room"' not in page and 'name="price"' not in page  # the site's team's, not theirs
    response = client.post("/events/manage/new", data=_form(staff))
    assert response.status_code == 303, response.get_data(as_text=True)[:500]
    event = _event(app)
    assert (event.audience, event.partner_id, event.created_by_id) == ("partner", staff.partner_id, staff.referent.id)
    assert client.get(f"/events/manage/{event.id}").status_code == 200  # they run it: edit, attendance
    assert client.get(f"/events/manage/{event.id}/attendance").status_code == 200
    assert "Matinée télétravail" in client.get("/events/manage").get_data(as_text=True)
    auth.logout()

    auth.login(staff.employee)  # an agent of the Lot, authorised on its convention
    assert client.get(f"/events/{event.id}").status_code == 200
    assert client.post(f"/events/{event.id}/register").status_code == 303
    auth.logout()
    for outsider in (staff.member, staff.other_referent):
        auth.login(outsider)
        assert client.get(f"/events/{event.id}").status_code == 404
        assert client.post(f"/events/{event.id}/register").status_code == 404
        assert "Matinée télétravail" not in client.get("/events").get_data(as_text=True)
        assert client.get(f"/events/manage/{event.id}").status_code in (403, 404)
        auth.logout()
    assert client.get(f"/events/{event.id}").status_code == 404  # visitors neither
    with app.app_context():
        statuses = db.session.scalars(select(Registration.email).where(Registration.event_id == event.id)).all()
        assert statuses == [staff.employee.email]


@pytest.mark.parametrize("fields", [{"audience": "public"}, {"audience": "members"}, {"partner": "other"}])
def test_a_referent_cannot_create_an_event_for_anyone_else(app, client, auth, staff, fields):
    if fields.get("partner") == "other":
        fields = {"partner": str(staff.other_partner_id)}
    auth.login(staff.referent)
    response = client.post("/events/manage/new", data=_form(staff, **fields))
    assert response.status_code in (403, 422)
    assert _event(app) is None


def test_a_referents_event_takes_no_ticket_and_books_no_room(app, client, auth, staff):
    from core.accounts.models import User
    from plugins.events import service
    from plugins.events.errors import EventsError

    with app.test_request_context():
        from core.sites.service import site_by_slug

        referent = db.session.get(User, staff.referent.id)
        start = utcnow() + timedelta(days=9)
        with pytest.raises(EventsError):
            service.save_event(referent, None, site=site_by_slug("figeac"), title="Payant", description="",
                               online_url="", starts_at=start, ends_at=start + timedelta(hours=2), capacity=5,
                               audience="partner", partner_id=staff.partner_id, price_cents=1000)
        db.session.rollback()


def test_a_referent_editing_their_event_keeps_the_room_the_sites_team_booked_for_it(app, client, auth, staff,
                                                                                   world):
    """Their form has no room field, which read as "no room": changing the title gave the room
    back. The room stays while the event keeps its place and time."""
    from core.accounts.models import User
    from core.sites.service import site_by_slug
    from plugins.booking.resources import save_resource
    from plugins.events import service

    auth.login(staff.referent)
    assert client.post("/events/manage/new", data=_form(staff)).status_code == 303
    event = _event(app)
    with app.test_request_context(method="POST"):
        room = save_resource(site_by_slug("figeac"), None, kind="room", name="Salle Champollion", seats=30).id
        row = db.session.get(Event, event.id)
        service.save_event(db.session.get(User, world.manager.id), row, site=row.site, title=row.title,
                           description="", online_url="", starts_at=row.starts_at, ends_at=row.ends_at,
                           capacity=row.capacity, audience="partner", partner_id=staff.partner_id, room_id=room)
        db.session.commit()
    assert client.post(f"/events/manage/{event.id}", data=_form(staff, title="Matinée des agents")).status_code == 303
    with app.app_context():
        from plugins.booking.models import Booking

        row = db.session.get(Event, event.id)
        assert row.title == "Matinée des agents" and row.room_id == room
        assert db.session.get(Booking, row.room_booking_id).status == "confirmed"


def test_members_and_site_staff_of_other_sites_cannot_open_the_managers_pages(client, auth, staff):
    auth.login(staff.member)
    assert client.get("/events/manage/new").status_code == 403
    assert client.post("/events/manage/new", data=_form(staff)).status_code == 403


def test_with_conventions_off_a_referent_runs_nothing(app, client, auth, staff, runner):
    assert runner.invoke(args=["modules", "disable", "conventions"]).exit_code == 0
    auth.login(staff.referent)
    assert client.get("/events/manage/new").status_code == 403
    assert client.post("/events/manage/new", data=_form(staff)).status_code == 403
    assert _event(app) is None


def test_a_site_manager_names_only_partners_listed_or_working_with_their_sites(app, client, auth, staff, world,
                                                                                make_site):
    """A partner that chose not to be listed was offered to every site's team in the event form
    (and a crafted id of it accepted): now a manager sees the partners listed publicly and those
    with a signed or active convention covering one of their sites; the administrators all."""
    from plugins.conventions.models import Convention, Partner

    aurillac = make_site("aurillac")
    with app.app_context():
        from core.sites.service import site_by_slug

        listed = Partner(name="Cantal Compta", siret="56000000200017", listed_publicly=True)
        ours = Partner(name="Mairie de Figeac", siret="56000000200017")
        theirs = Partner(name="Hôpital d'Aurillac", siret="56000000200017")
        db.session.add_all([listed, ours, theirs])
        db.session.flush()
        day = date.today()
        db.session.add_all([
            Convention(partner_id=ours.id, reference="CONV-FIG-1", starts_on=day, ends_on=day + timedelta(days=300),
                       status="active", site_ids=[staff.figeac_id]),
            Convention(partner_id=theirs.id, reference="CONV-AUR-1", starts_on=day, ends_on=day + timedelta(days=300),
                       status="active", site_ids=[site_by_slug(aurillac).id])])
        db.session.commit()
        ours_id = ours.id
    auth.login(world.manager)
    page = client.get("/events/manage/new", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Cantal Compta" in page and "Mairie de Figeac" in page
    # Unlisted and working elsewhere (Aurillac) or with no signed convention (the Lot's is a draft).
    assert "Banque du Cantal" not in page and "Hôpital d" not in page and "Conseil départemental du Lot" not in page
    response = client.post("/events/manage/new", data=_form(staff, partner=str(staff.other_partner_id)),
                           headers={"Accept-Language": "fr"})
    assert response.status_code == 422 and "N&#39;est pas un choix valide" in response.get_data(as_text=True)
    assert _event(app) is None
    assert client.post("/events/manage/new", data=_form(staff, partner=str(ours_id))).status_code == 303
    auth.logout()
    auth.login(world.admin)
    page = client.get("/events/manage/new").get_data(as_text=True)
    assert all(name in page for name in ("Banque du Cantal", "Hôpital d", "Conseil départemental du Lot"))


def test_the_service_refuses_a_partner_the_site_team_may_not_invite(app, staff, world, make_event):
    """The form only offers the partners `invitable_partners` names; a caller of the service that
    skips the form (a script, a later API) is refused the same partner, and nothing is stored."""
    from plugins.events.errors import EventsError

    with pytest.raises(EventsError) as refused:  # the Banque du Cantal: unlisted, no convention at Figeac
        make_event(audience="partner", partner_id=staff.other_partner_id, title="Matinée de la banque")
    assert refused.value.status == 403
    assert _event(app, "Matinée de la banque") is None
    event_id = make_event(audience="partner", partner_id=staff.other_partner_id, actor=world.admin,
                          title="Matinée de la banque")  # the territory's administrators invite anyone
    assert _event(app, "Matinée de la banque").id == event_id
