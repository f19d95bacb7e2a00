"""Invoice numbers: gapless and unique per series under concurrent payments and rollbacks;
legal mentions; PDF; credit notes."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from core.accounts.models import User
from core.extensions import db
from devtools.races import errors, run_together
from core.sites.service import site_by_slug
from plugins.billing.checkout import create_order
from plugins.billing.invoices import issue_credit_note, issue_invoice
from plugins.billing.models import Invoice
from plugins.billing.pdf import invoice_html, invoice_pdf
from plugins.billing.products import quote


def _pay(app, member_id, rollback=False):
    with app.app_context():
        member, site = db.session.get(User, member_id), site_by_slug("figeac")
        order = create_order(member, site, quote(site, "day_pass", member.id), method="cash")
        order.status = "paid"
        issue_invoice(order)
        if rollback:
            db.session.rollback()
        else:
            db.session.commit()
        db.session.remove()


def test_invoice_numbers_stay_gapless_and_unique_under_concurrent_payments_and_rollbacks(app, shop):
    member_id = shop["member"].id
    results = run_together(lambda index: _pay(app, member_id, rollback=index % 3 == 0), range(12), timeout=60)
    assert errors(results) == []
    with app.app_context():
        numbers = db.session.scalars(select(Invoice.number).order_by(Invoice.number)).all()
    assert numbers == list(range(1, 9))  # 12 payments, 4 rolled back: 1..8, no hole


def test_an_invoice_carries_the_french_legal_mentions_and_renders_as_pdf(app, shop):
    _pay(app, shop["member"].id)
    with app.app_context():
        invoice = db.session.scalar(select(Invoice))
        html = invoice_html(invoice)
        pdf = invoice_pdf(invoice)
    for mention in ("SIREN 732829320", "FR44732829320", "Date d'émission", "Date de la prestation",
                    "Prix unitaire HT", "TVA", "Total TTC", "member-1", invoice.reference, "Pass journée"):
        assert mention in html, mention
    assert "293 B" not in html
    assert pdf.startswith(b"%PDF")


def test_under_the_small_business_exemption_invoices_carry_no_vat_and_say_why(app, shop):
    operator = app.config["TERRITORY"].operator
    exempt = operator.model_copy(update={"vat_exempt": True, "vat_number": None})
    app.config["TERRITORY"] = app.config["TERRITORY"].model_copy(update={"operator": exempt})
    _pay(app, shop["member"].id)
    with app.app_context():
        invoice = db.session.scalar(select(Invoice))
        assert invoice.total_vat_cents == 0 and invoice.total_ttc_cents == 1250
        assert "TVA non applicable, art. 293 B du CGI" in invoice_html(invoice)


def test_a_credit_note_has_its_own_series_and_points_at_the_invoice(app, shop):
    _pay(app, shop["member"].id)
    with app.app_context():
        invoice = db.session.scalar(select(Invoice))
        note = issue_credit_note(invoice, 500, "goodwill")
        db.session.commit()
        assert note.kind == "credit_note" and note.reference.startswith("AV") and note.number == 1
        assert note.credited_invoice_id == invoice.id and note.total_ttc_cents == 500
        assert note.total_ht_cents + note.total_vat_cents == 500


@pytest.mark.parametrize("slug, tz, paid_utc, day", [
    ("figeac", "Europe/Paris", datetime(2026, 1, 31, 23, 30, tzinfo=timezone.utc), date(2026, 2, 1)),  # 00:30, winter
    ("figeac", "Europe/Paris", datetime(2026, 6, 30, 22, 30, tzinfo=timezone.utc), date(2026, 7, 1)),  # 00:30, summer
    ("figeac", "Europe/Paris", datetime(2026, 6, 30, 21, 59, tzinfo=timezone.utc), date(2026, 6, 30)),  # 23:59
    ("fort-de-france", "America/Martinique", datetime(2026, 7, 1, 2, 30, tzinfo=timezone.utc), date(2026, 6, 30)),
])
def test_a_one_off_order_is_dated_the_sites_local_day_not_utcs(app, shop, make_site, slug, tz, paid_utc, day):
    """A day pass paid at 00:30 in Paris on the 1st is a service of the 1st; at 22:30 in
    Martinique on the 30th (02:30 UTC on the 1st), of the 30th."""
    from plugins.billing import bookings

    if slug != "figeac":
        make_site(slug, timezone=tz)
    with app.app_context():
        member, site = db.session.get(User, shop["member"].id), site_by_slug(slug)
        order = create_order(member, site, quote(site, "day_pass", member.id), method="cash")
        order.status, order.paid_at = "paid", paid_utc
        assert bookings.service_date(order) == day
        assert issue_invoice(order, service_date=bookings.service_date(order)).service_date == day
        order.paid_at = None  # not paid yet: the day it was ordered, there too
        order.created_at = paid_utc
        assert bookings.service_date(order) == day



def test_the_series_year_is_the_territorys_not_utcs(app):
    """An invoice issued at 00:30 in Paris on 1 January opens the new year's series, though UTC
    is still on 31 December; at 00:30 UTC on 1 January (01:30 in Paris), too."""
    from datetime import datetime, timezone

    from plugins.billing import invoice_series

    with app.app_context():
        assert invoice_series("F", datetime(2026, 12, 31, 23, 30, tzinfo=timezone.utc)) == "F2027"
        assert invoice_series("FP", datetime(2026, 12, 31, 22, 59, tzinfo=timezone.utc)) == "FP2026"
        assert invoice_series("F", datetime(2027, 1, 1, 0, 30, tzinfo=timezone.utc)) == "F2027"


def _recorded_by_hand(app, client, auth, shop, reader: str, recorder: str) -> str:
    """A day pass paid by cheque, recorded by the site's manager: its invoice's reference. The
    member reads in `reader`'s language, the manager in `recorder`'s."""
    with app.app_context():
        db.session.get(User, shop["member"].id).locale = reader
        db.session.get(User, shop["manager"].id).locale = recorder
        db.session.commit()
    auth.login(shop["manager"])
    assert client.post("/billing/sites/figeac/manage/payments",
                       data={"pay-email": shop["member"].email, "pay-product": "day_pass", "pay-quantity": 1,
                             "pay-method": "cheque"}).status_code == 303
    auth.logout()
    with app.app_context():
        return db.session.scalar(select(Invoice.reference))


@pytest.mark.parametrize("reader, recorder", [("en", "fr"), ("fr", "en")])
def test_an_invoice_is_the_same_french_document_whoever_reads_or_made_it(app, client, auth, shop, reader, recorder):
    """The invoice is French with English glosses, the French text binding. For a reader in
    English its dates and amounts were written the English way inside the French wording, and a
    manager reading in English recorded the item as "Day pass" on a French member's invoice."""
    import re

    import lxml.html

    reference = _recorded_by_hand(app, client, auth, shop, reader, recorder)
    auth.login(shop["member"])
    tree = lxml.html.fromstring(client.get(f"/billing/invoices/{reference}").get_data(as_text=True))
    assert tree.get("lang") == "fr"
    for node in tree.xpath("//*[@lang='en']"):  # what is left is the French text
        node.drop_tree()
    french = " ".join(tree.text_content().split())
    assert not re.search(r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|€\d", french), french
    assert "15,00 €" in french.replace("\u202f", " ").replace("\xa0", " ")
    items = [" ".join(td.text_content().split()) for td in tree.xpath("//table[@class='lines']/tbody/tr/td[1]")]
    assert items == ["Pass journée"], items
    assert client.get(f"/billing/invoices/{reference}.pdf").data.startswith(b"%PDF")
