"""Who is invoiced and what they are shown: prices including VAT for everyone, excluding VAT
beside them for a business customer, whose company is printed on their invoices; the seller's
full identity on every invoice; the invoice styled without inline style; a bundle valid
12 calendar months; rooms booked by the hour with time pickers."""
from __future__ import annotations

from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta
from sqlalchemy import select

from core.extensions import db
from plugins.billing.models import CreditEntry, Customer, Invoice

from tests.plugins.billing.test_billing_bookings import next_tuesday  # noqa: E402
from tests.plugins.billing.test_billing_checkout import buy

COMPANY = {"company_name": "Menuiserie Delmas SARL", "address": "3 rue du Port", "postcode": "46100",
           "city": "Figeac", "siret": "552 081 317 66522", "vat_number": ""}


def test_a_member_gives_a_company_and_its_details_are_checked(app, client, auth, shop):
    auth.login(shop["member"])
    page = client.get("/billing/").get_data(as_text=True)
    assert 'action="/billing/customer"' in page
    import lxml.html

    form = lxml.html.fromstring(page)
    purposes = {"company_name": "organization", "address": "address-line1", "postcode": "postal-code",
                "city": "address-level2"}  # the browser fills them in (WCAG 1.3.5)
    assert {name: form.xpath(f"//input[@name='{name}']/@autocomplete") for name in purposes} == \
        {name: [purpose] for name, purpose in purposes.items()}
    bad = client.post("/billing/customer", data={**COMPANY, "siret": "12345678901234"})
    assert bad.status_code == 422 and "SIRET" in bad.get_data(as_text=True)
    neither = client.post("/billing/customer", data={**COMPANY, "siret": ""})
    assert neither.status_code == 422
    bad_vat = client.post("/billing/customer", data={**COMPANY, "vat_number": "FR00"})
    assert bad_vat.status_code == 422
    with app.app_context():
        assert db.session.get(Customer, shop["member"].id) is None
    assert client.post("/billing/customer", data=COMPANY).status_code == 303
    with app.app_context():
        row = db.session.get(Customer, shop["member"].id)
        assert (row.company_name, row.siret) == ("Menuiserie Delmas SARL", "55208131766522")
    assert client.post("/billing/customer/forget").status_code == 303
    with app.app_context():
        assert db.session.get(Customer, shop["member"].id) is None


def test_a_consumer_sees_prices_including_vat_and_a_business_sees_both(app, client, auth, shop):
    auth.login(shop["member"])
    page = client.get("/billing/sites/figeac/prices").get_data(as_text=True)
    assert "15,00" in page and "12,50" not in page  # the day pass: 12,50 € HT, 15,00 € TTC
    client.post("/billing/customer", data=COMPANY)
    page = client.get("/billing/sites/figeac/prices").get_data(as_text=True)
    assert "15,00" in page and "12,50" in page


def test_a_business_invoice_names_the_company_and_the_seller_in_full(app, client, auth, shop, stripe_driver):
    auth.login(shop["member"])
    client.post("/billing/customer", data={**COMPANY, "vat_number": "FR 44 732829320"})
    session_id = buy(client)
    stripe_driver.pay(session_id)
    stripe_driver.deliver(client)
    with app.app_context():
        invoice = db.session.scalar(select(Invoice))
        assert invoice.client["company"] == "Menuiserie Delmas SARL"
        assert invoice.client["vat_number"] == "FR44732829320"
        assert invoice.seller["siret"] == "73282932000017" and invoice.seller["legal_form"] == "Syndicat mixte"
        assert invoice.seller["address"] == "12 avenue Victor Hugo, 12000 Rodez"
        reference = invoice.reference
    response = client.get(f"/billing/invoices/{reference}")
    html = response.get_data(as_text=True)
    assert "Menuiserie Delmas SARL" in html and "SIRET 73282932000017" in html and "Syndicat mixte" in html
    assert "<style" not in html and "style=" not in html and "invoice.css" in html
    assert "style-src 'self'" in response.headers["Content-Security-Policy"]
    pdf = client.get(f"/billing/invoices/{reference}.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")


def test_a_bundle_valid_12_months_ends_12_calendar_months_after_payment(app, client, auth, shop, stripe_driver):
    auth.login(shop["member"])
    session_id = buy(client)
    stripe_driver.pay(session_id)
    stripe_driver.deliver(client)
    with app.app_context():
        grant = db.session.scalar(select(CreditEntry).where(CreditEntry.reason == "bundle"))
        paid_at = grant.created_at
        assert abs(grant.expires_at - (paid_at + relativedelta(months=12))) < timedelta(minutes=1)
        assert grant.expires_at - paid_at > timedelta(days=364)  # not 360 days


@pytest.fixture
def room(app, shop):
    pytest.importorskip("plugins.booking.service")
    from core.sites.service import site_by_slug
    from plugins.booking.resources import save_resource

    with app.app_context():
        room_id = save_resource(site_by_slug("figeac"), None, kind="room", name="Salle Champollion").id
        db.session.commit()
    return room_id


def test_a_room_is_booked_by_the_hour_with_time_pickers_bounded_by_the_opening_hours(app, client, auth, shop, room,
                                                                                    stripe_driver):
    auth.login(shop["member"])
    page = client.get("/booking/sites/figeac").get_data(as_text=True)
    assert 'id="room-start" name="start" type="time"' in page and 'step="1800"' in page
    assert 'min="' in page and 'max="' in page
    day = next_tuesday().isoformat()
    response = client.post("/booking/sites/figeac/book", data={"resource": room, "date": day, "period": "hours",
                                                                "start": "10:00:00", "end": "12:00"})
    assert response.status_code == 303  # the test territory sells no room hours: confirmed at once
    shown = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "10:00" in shown and "12:00" in shown
