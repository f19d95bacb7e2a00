"""Payments taken on site by a manager, refunds by hand (to money or credits), and a refund
made in Stripe's dashboard arriving as an event."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from core.audit import AuditEntry
from core.extensions import db
from plugins.billing import credits
from plugins.billing.models import Invoice, Order


def record(client, email, product="bundle_10", method="cash", quantity=1, site="figeac"):
    return client.post(f"/billing/sites/{site}/manage/payments",
                       data={"pay-email": email, "pay-product": product, "pay-quantity": quantity,
                             "pay-method": method})


def test_a_manager_records_a_cash_payment_and_the_same_invoice_and_credits_follow(app, client, auth, shop, mailbox):
    auth.login(shop["manager"])
    assert record(client, shop["member"].email).status_code == 303
    with app.app_context():
        invoice = db.session.scalar(select(Invoice))
        assert invoice.payment_method == "cash" and invoice.member_id == shop["member"].id
        assert credits.balance(shop["member"].id) == 10
        assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "billing.payment_recorded"))
    assert len(mailbox.wait_for(1)) == 1


def test_a_manager_cannot_record_a_payment_at_another_site_and_posted_prices_are_ignored(app, client, auth, shop):
    auth.login(shop["manager"])
    assert record(client, shop["member"].email, site="aurillac").status_code == 403
    client.post("/billing/sites/figeac/manage/payments",
                data={"pay-email": shop["member"].email, "pay-product": "day_pass", "pay-quantity": 1,
                      "pay-method": "cash", "unit_cents": 1, "total_cents": 1})
    with app.app_context():
        assert db.session.scalar(select(Order.total_cents)) == 1500


def test_a_refund_by_hand_issues_a_credit_note_and_is_audited(app, client, auth, shop):
    auth.login(shop["manager"])
    record(client, shop["member"].email, product="day_pass")
    with app.app_context():
        order_id = db.session.scalar(select(Order.id))
    response = client.post(f"/billing/sites/figeac/manage/orders/{order_id}/refund",
                           data={"refund-amount": "15.00", "refund-reason": "site closed", "refund-to": "credits",
                                 "refund-confirmed": "yes"})
    assert response.status_code == 303
    with app.app_context():
        note = db.session.scalar(select(Invoice).where(Invoice.kind == "credit_note"))
        assert note.total_ttc_cents == 1500 and note.reason == "site closed"
        assert db.session.get(Order, order_id).status == "refunded"
        assert credits.balance(shop["member"].id) == 1
        entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "billing.refund"))
        assert entry.details["reason"] == "site closed" and entry.actor_id == shop["manager"].id
    again = client.post(f"/billing/sites/figeac/manage/orders/{order_id}/refund",
                        data={"refund-amount": "1.00", "refund-reason": "twice", "refund-to": "card", "refund-confirmed": "yes"})
    assert again.status_code == 303
    with app.app_context():
        assert len(db.session.scalars(select(Invoice).where(Invoice.kind == "credit_note")).all()) == 1


@pytest.mark.parametrize("amount", ["12,505", "abc", "0"])
def test_a_refund_refused_by_its_form_says_why_beside_the_amount(app, client, auth, shop, amount):
    """The 422 page came back without a word: the orders' refund forms are written by hand in the
    page and never showed the form's errors (WCAG 3.3.1)."""
    import lxml.html

    auth.login(shop["manager"])
    record(client, shop["member"].email, product="day_pass", method="cheque")
    with app.app_context():
        order_id = db.session.scalar(select(Order.id))
    answer = client.post(f"/billing/sites/figeac/manage/orders/{order_id}/refund",
                         data={"refund-amount": amount, "refund-reason": "Erreur de saisie", "refund-to": "credits",
                                 "refund-confirmed": "yes"})
    assert answer.status_code == 422
    tree = lxml.html.fromstring(answer.get_data(as_text=True))
    field = tree.get_element_by_id(f"amount-{order_id}")
    assert (field.get("aria-invalid"), field.get("value")) == ("true", amount)
    error = tree.get_element_by_id(field.get("aria-describedby"))
    assert error.text_content().strip() and "Please" not in error.text_content()  # in French
    summary = tree.find_class("error-summary")[0]
    assert summary.xpath(".//a/@href") == [f"#amount-{order_id}"]
    assert tree.get_element_by_id(f"to-{order_id}").xpath("./option[@selected]/@value") == ["credits"]
    with app.app_context():
        assert db.session.scalar(select(Order.refunded_cents)) == 0


def test_a_card_refund_goes_back_through_stripe_and_its_event_adds_no_second_credit_note(app, client, auth, shop,
                                                                                         make_user, stripe_driver):
    auth.login(shop["member"])
    response = client.post("/billing/sites/figeac/buy", data={"product": "bundle_10"})
    session_id = response.headers["Location"].rsplit("/", 1)[-1]
    stripe_driver.pay(session_id)
    stripe_driver.deliver(client)
    auth.logout()
    auth.login(shop["manager"])
    with app.app_context():
        order = db.session.scalar(select(Order))
        order_id, intent = order.id, order.stripe_payment_intent
    client.post(f"/billing/sites/figeac/manage/orders/{order_id}/refund",
                data={"refund-amount": "20.00", "refund-reason": "unused days", "refund-to": "card", "refund-confirmed": "yes"})
    refunds = stripe_driver.client().v1.refunds.list({"payment_intent": intent})
    assert [r.amount for r in refunds.data] == [2000]
    replies = stripe_driver.deliver(client)
    assert [r.json["effect"] for t, r in replies if t == "charge.refunded"] == ["already recorded"]
    with app.app_context():
        notes = db.session.scalars(select(Invoice).where(Invoice.kind == "credit_note")).all()
        assert len(notes) == 1 and notes[0].stripe_refund_id == refunds.data[0].id


def test_a_refund_made_in_the_stripe_dashboard_gets_its_credit_note(app, client, auth, shop, stripe_driver):
    auth.login(shop["member"])
    response = client.post("/billing/sites/figeac/buy", data={"product": "bundle_10"})
    session_id = response.headers["Location"].rsplit("/", 1)[-1]
    stripe_driver.pay(session_id)
    stripe_driver.deliver(client)
    with app.app_context():
        intent = db.session.scalar(select(Order.stripe_payment_intent))
    stripe_driver.client().v1.refunds.create({"payment_intent": intent, "amount": 3000})
    stripe_driver.deliver(client)
    with app.app_context():
        note = db.session.scalar(select(Invoice).where(Invoice.kind == "credit_note"))
        assert note.total_ttc_cents == 3000
        assert db.session.scalar(select(Order.refunded_cents)) == 3000


def test_revenue_by_site_and_month_and_the_accountants_csv(app, client, auth, shop):
    auth.login(shop["manager"])
    record(client, shop["member"].email)  # 100 € HT + 20 € VAT
    page = client.get("/billing/sites/figeac/manage").get_data(as_text=True)
    assert "120,00" in page and "20,00" in page
    csv_text = client.get("/billing/sites/figeac/manage/invoices.csv").get_data(as_text=True)
    header, line = csv_text.strip().splitlines()
    assert header.startswith("reference;kind;issued_on") and line.endswith(";100,00;20,00;120,00;EUR")
    assert client.get("/billing/sites/aurillac/manage/invoices.csv").status_code == 403
    assert client.get("/billing/revenue").status_code == 403
    auth.logout()
    auth.login(shop["admin"])
    assert "Figeac" in client.get("/billing/revenue").get_data(as_text=True)
    assert len(client.get("/billing/revenue/invoices.csv").get_data(as_text=True).strip().splitlines()) == 2


def test_a_members_data_download_holds_their_invoices_and_credits(app, client, auth, shop):
    from core.accounts.models import User
    from core.plugins import registry

    auth.login(shop["manager"])
    record(client, shop["member"].email)
    with app.test_request_context():
        parts = registry().pm.hook.user_data_export(user=db.session.get(User, shop["member"].id))
    billing = next(p["billing"] for p in parts if p and "billing" in p)
    assert len(billing["invoices"]) == 1 and billing["credits"][0]["delta"] == 10


def test_a_manager_grants_reduced_prices_to_an_eligible_member(app, client, auth, shop):
    from core.sites.service import site_by_slug
    from plugins.billing.products import quote

    auth.login(shop["manager"])
    record(client, shop["member"].email, product="day_pass")  # a member of the site: bought there
    assert client.post("/billing/sites/figeac/manage/reduced",
                       data={"reduced-email": shop["member"].email, "reduced-category": "job_seeker"}).status_code == 303
    with app.test_request_context():
        site = site_by_slug("figeac")
        assert quote(site, "day_pass", shop["member"].id).unit_cents == 800
        assert quote(site, "day_pass", shop["manager"].id).unit_cents == 1250
        assert quote(site, "bundle_10", shop["member"].id).reduced is False  # no reduced price configured


def test_the_accountants_csv_neutralises_formulas_and_keeps_negative_amounts(app, client, auth, shop, make_user):
    import csv
    import io

    member = make_user(name='=HYPERLINK("http://x")')
    auth.login(shop["manager"])
    record(client, member.email)
    with app.app_context():
        order_id = db.session.scalar(select(Order.id))
    client.post(f"/billing/sites/figeac/manage/orders/{order_id}/refund",
                data={"refund-amount": "10.00", "refund-reason": "site closed", "refund-to": "card", "refund-confirmed": "yes"})
    for url in ("/billing/sites/figeac/manage/invoices.csv", "/billing/revenue/invoices.csv"):
        if url.startswith("/billing/revenue"):
            auth.logout()
            auth.login(shop["admin"])
        rows = list(csv.DictReader(io.StringIO(client.get(url).get_data(as_text=True)), delimiter=";"))
        assert rows and {row["client"] for row in rows} == {"""'=HYPERLINK("http://x")"""}
        assert {row["total_ttc"] for row in rows} == {"120,00", "-10,00"}  # numbers stay numbers (French decimals)


def test_the_revenue_month_and_the_csvs_issue_date_are_the_sites_not_utcs(app, client, auth, shop):
    """An invoice issued at 00:30 in Paris on 1 December (23:30 UTC on 30 November) is December's
    revenue and says 2026-12-01 in the accountant's export."""
    from datetime import datetime, timezone

    from plugins.billing.reports import invoices_csv, revenue

    auth.login(shop["manager"])
    record(client, shop["member"].email)
    with app.app_context():
        invoice = db.session.scalar(select(Invoice))
        invoice.issued_at = datetime(2026, 11, 30, 23, 30, tzinfo=timezone.utc)
        db.session.commit()
        assert [row["month"] for row in revenue()] == ["2026-12"]
        line = invoices_csv().splitlines()[1]
        assert re.split("[;,]", line)[2] == "2026-12-01", line  # issued_on
