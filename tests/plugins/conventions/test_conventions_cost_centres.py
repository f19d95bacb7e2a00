"""Cost centres: a convention lists its employer's, the référent gives each employee one, each day
used keeps it, and the statement, its CSV and the Factur-X invoice lines group by it."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from conventions_helpers import next_weekday
from core.extensions import db
from plugins.conventions.models import Authorisation, Convention, Use


def _centres(app, world, *labels):
    with app.app_context():
        db.session.get(Convention, world.convention_id).cost_centres = list(labels)
        db.session.get(Convention, world.convention_id).week_cap = None
        db.session.commit()


def _authorisation_id(app, user_id) -> int:
    with app.app_context():
        return db.session.scalar(select(Authorisation.id).where(Authorisation.user_id == user_id))


def test_the_convention_form_keeps_the_cost_centres_one_per_line(app, client, auth, world):
    auth.login(world.admin)
    response = client.post(f"/conventions/admin/partners/{world.partner_id}/conventions/new", data={
        "reference": "CHU-2026", "starts_on": "2026-01-01", "ends_on": "2027-01-01", "price_model": "per_day",
        "kinds": ["desk"], "all_sites": "y", "day_rate": "15", "past_cap": "refuse", "notice_days": "60",
        "cancel_notice_hours": "24", "cost_centres": " DRH \n\nDSI\nDRH\n"})
    assert response.status_code == 303, response.get_data(as_text=True)
    with app.app_context():
        c = db.session.scalar(select(Convention).where(Convention.reference == "CHU-2026"))
        assert c.cost_centres == ["DRH", "DSI"]


def test_days_and_invoice_lines_are_grouped_by_the_employees_cost_centres(app, client, auth, world, book,
                                                                         make_user, api_token):
    from facturx import get_facturx_xml_from_pdf

    from plugins.conventions import invoicing

    _centres(app, world, "DRH", "DSI")
    other = make_user(email="agent2@lot.fr")
    with app.app_context():
        db.session.add(Authorisation(convention_id=world.convention_id, user_id=other.id, status="approved",
                                     valid_from=db.session.get(Convention, world.convention_id).starts_on))
        db.session.commit()
    auth.login(world.referent)
    for person, centre in ((world.employee, "DSI"), (other, "DRH")):
        response = client.post(f"/conventions/authorisations/{_authorisation_id(app, person.id)}",
                               data={"decision": "approved", "cost_centre": centre})
        assert response.status_code == 303
    wrong = client.post(f"/conventions/authorisations/{_authorisation_id(app, other.id)}",
                        data={"decision": "approved", "cost_centre": "Marketing"},
                        headers={"Accept-Language": "en"})
    assert wrong.status_code == 422 and "cost centres" in wrong.get_data(as_text=True)
    day = next_weekday(1)
    assert book(world.employee, world.desks["figeac"][0], day)[0] == 201
    assert book(world.employee, world.desks["figeac"][0], day + timedelta(days=1), "08:30", "12:30")[0] == 201
    assert book(other, world.desks["figeac"][1], day)[0] == 201
    with app.app_context():
        assert sorted(db.session.scalars(select(Use.cost_centre))) == ["DRH", "DSI", "DSI"]
    month = f"{day:%Y-%m}"
    usage = client.get(f"/api/v1/conventions/{world.convention_id}/usage?month={month}",
                       headers={"Authorization": f"Bearer {api_token(world.referent)}"}).get_json()
    assert usage["by_cost_centre"] == [{"cost_centre": "DRH", "days": 1.0, "amount_cents": 1500},
                                       {"cost_centre": "DSI", "days": 1.5, "amount_cents": 2300}]
    statement = client.get(f"/conventions/{world.convention_id}/statement?month={month}",
                           headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Days per cost centre" in statement and "DSI" in statement
    csv = client.get(f"/conventions/{world.convention_id}/cost-centres.csv?month={month}",
                     headers={"Accept-Language": "fr"})
    assert csv.status_code == 200
    lines = csv.get_data(as_text=True).splitlines()
    assert lines == ["Centre de coût;Mois;Jours;Montant HT", f"DRH;{month};1;15,00", f"DSI;{month};1,5;23,00",
                     f"Total;{month};2,5;38,00"], lines
    first_next = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
    with app.test_request_context():
        convention = db.session.get(Convention, world.convention_id)
        issued = invoicing.issue_statement(convention, month, today=first_next)
        db.session.commit()
        _name, xml = get_facturx_xml_from_pdf(issued.pdf, check_xsd=True)
    text = xml.decode()
    # one line per cost centre and kind of day, each with its centre as the buyer's accounting reference
    assert text.count("<ram:IncludedSupplyChainTradeLineItem>") == 3
    assert text.count("<ram:ReceivableSpecifiedTradeAccountingAccount><ram:ID>DSI</ram:ID>") == 2
    assert text.count("<ram:ReceivableSpecifiedTradeAccountingAccount><ram:ID>DRH</ram:ID>") == 1
    assert "<ram:LineTotalAmount>38.00</ram:LineTotalAmount>" in text


def test_a_use_keeps_the_cost_centre_it_was_booked_under(app, client, auth, world, book):
    _centres(app, world, "DRH", "DSI")
    auth.login(world.referent)
    auth_id = _authorisation_id(app, world.employee.id)
    client.post(f"/conventions/authorisations/{auth_id}", data={"decision": "approved", "cost_centre": "DRH"})
    assert book(world.employee, world.desks["figeac"][0], next_weekday(1))[0] == 201
    client.post(f"/conventions/authorisations/{auth_id}", data={"decision": "approved", "cost_centre": "DSI"})
    with app.app_context():
        assert db.session.scalar(select(Use.cost_centre)) == "DRH"
        assert db.session.get(Authorisation, auth_id).cost_centre == "DSI"
