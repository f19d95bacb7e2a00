"""Who sees which invoice (role x owner), the JSON API, CSRF, the module switch and RGPD."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from core.extensions import db
from plugins.billing.models import Invoice
from tests.conftest import make_app


@pytest.fixture
def invoice_ref(app, client, auth, shop):
    auth.login(shop["manager"])
    client.post("/billing/sites/figeac/manage/payments",
                data={"pay-email": shop["member"].email, "pay-product": "day_pass", "pay-quantity": 1,
                      "pay-method": "cheque"})
    auth.logout()
    with app.app_context():
        return db.session.scalar(select(Invoice.reference))


@pytest.mark.parametrize("who, status", [("member", 200), ("stranger", 404), ("manager", 200),
                                         ("other_manager", 404), ("admin", 200), ("anonymous", 302)])
def test_each_role_sees_only_its_invoices(app, client, auth, shop, make_user, invoice_ref, who, status):
    people = dict(shop, stranger=make_user())
    if who != "anonymous":
        auth.login(people[who])
    for url in (f"/billing/invoices/{invoice_ref}", f"/billing/invoices/{invoice_ref}.pdf"):
        assert client.get(url).status_code == status


def test_the_api_gives_the_callers_invoices_and_credits_only(app, client, shop, make_user, invoice_ref):
    from core.accounts.models import User
    from core.api.tokens import create_token

    stranger = make_user()
    with app.app_context():
        mine = create_token(db.session.get(User, shop["member"].id), "test")
        theirs = create_token(db.session.get(User, stranger.id), "test")
        db.session.commit()
    headers = {"Authorization": f"Bearer {mine}"}
    listed = client.get("/api/v1/invoices", headers=headers).json
    assert [i["number"] for i in listed] == [invoice_ref] and listed[0]["total_ttc_cents"] == 1500
    assert client.get(f"/api/v1/invoices/{invoice_ref}", headers=headers).status_code == 200
    pdf = client.get(f"/api/v1/invoices/{invoice_ref}/pdf", headers=headers)
    assert pdf.data.startswith(b"%PDF")
    mine_credits = client.get("/api/v1/credits", headers=headers).json
    # The pass recorded with no booking to pay is the member's credit of that pass.
    assert mine_credits["balance"] == 1 and mine_credits["history"][0]["product"] == "day_pass"
    other = {"Authorization": f"Bearer {theirs}"}
    assert client.get("/api/v1/credits", headers=other).json["balance"] == 0
    assert client.get("/api/v1/invoices", headers=other).json == []
    assert client.get(f"/api/v1/invoices/{invoice_ref}", headers=other).status_code == 404
    assert client.get("/api/v1/credits").status_code == 401
    paths = client.get("/api/v1/openapi.json").json["paths"]
    assert "/invoices/{number}" in paths and "/credits" in paths


def test_the_api_hides_a_sites_invoices_from_its_staff_once_billing_is_off_there(app, client, shop,
                                                                                   api_token, invoice_ref):
    """The invoice page answered 404 to the site's manager once billing was switched off at the
    site, while the API still gave them the invoice and its PDF (found by the access review); its
    member still reads it both ways: a legal document."""
    from core.modules.service import set_enabled
    from core.sites.service import site_by_slug

    with app.app_context():
        set_enabled("billing", False, site=site_by_slug("figeac"))
        db.session.commit()
    staff = {"Authorization": f"Bearer {api_token(shop['manager'])}"}
    member = {"Authorization": f"Bearer {api_token(shop['member'])}"}
    for path in (f"/api/v1/invoices/{invoice_ref}", f"/api/v1/invoices/{invoice_ref}/pdf"):
        assert client.get(path, headers=staff).status_code == 404
        assert client.get(path, headers=member).status_code == 200


def test_the_desk_takes_no_payment_nor_reduced_prices_for_a_disabled_account(app, client, auth, shop, make_user):
    """A disabled account, typed at the desk, got an order, an invoice and a day's credit, or
    reduced prices (a job seeker's, a student's) recorded about it; booking's desk refuses it
    (found by the access review)."""
    from plugins.billing.models import Order, ReducedRate

    disabled = make_user(is_disabled=True)
    auth.login(shop["admin"])
    paid = client.post("/billing/sites/figeac/manage/payments", data={
        "pay-email": disabled.email, "pay-product": "day_pass", "pay-quantity": 1, "pay-method": "cash"})
    reduced = client.post("/billing/sites/figeac/manage/reduced", data={"reduced-email": disabled.email,
                                                                        "reduced-category": "student"})
    for response in (paid, reduced):
        assert response.status_code == 422 and "Aucun membre n" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalars(select(Order)).all() == [] and db.session.scalars(select(ReducedRate)).all() == []


def test_only_the_webhook_is_exempt_from_csrf(database_url, smtp_server, tmp_path, make_site, shop):
    protected = make_app(database_url, smtp_server, tmp_path, WTF_CSRF_ENABLED=True,
                         STRIPE_WEBHOOK_SECRET="whsec_x")
    client = protected.test_client()
    # No CSRF token: the webhook still reaches its signature check (400 "bad signature"),
    # while buying is refused by CSRF before any rule runs.
    hook = client.post("/billing/stripe/webhook", data=b"{}", headers={"Stripe-Signature": "t=1,v1=00"})
    assert hook.status_code == 400 and hook.json == {"error": "bad signature"}
    assert client.post("/billing/sites/figeac/buy", data={"product": "bundle_10"}).status_code == 400
    with protected.app_context():
        db.engine.dispose()


def test_switching_billing_off_at_a_site_hides_its_pages_but_not_the_webhook(app, client, auth, shop):
    from core.modules.service import set_enabled
    from core.sites.service import site_by_slug

    with app.app_context():
        set_enabled("billing", False, site=site_by_slug("figeac"))
        db.session.commit()
    assert client.get("/billing/sites/figeac/prices").status_code == 404
    assert client.get("/billing/sites/aurillac/prices").status_code == 200
    assert client.post("/billing/stripe/webhook", data=b"{}").status_code == 400


@pytest.mark.parametrize("module, at_site", [("booking", True), ("booking", False), ("billing", True)])
def test_a_held_booking_keeps_its_payment_link_only_where_it_can_still_be_paid(
        app, client, auth, shop, desk, stripe_driver, module, at_site):
    """The API lists a member's held booking as the page shows it: while booking and billing are
    on at its site, with the link to pay it; once either is off there (or everywhere), still
    listed but with no link, as the page shows none and the payment pages answer 404."""
    from core.accounts.models import User
    from core.api.tokens import create_token
    from core.modules.service import set_enabled
    from core.sites.service import site_by_slug
    from test_billing_bookings import book_day

    auth.login(shop["member"])
    response = book_day(client, desk["figeac"])
    pay_page = response.headers["Location"]
    booking_id = int(pay_page.rstrip("/").split("/")[-2])
    with app.app_context():
        token = create_token(db.session.get(User, shop["member"].id), "t")
        db.session.commit()

    def listed():
        (booking,) = client.get("/api/v1/bookings", headers={"Authorization": f"Bearer {token}"}).json
        page = client.get(f"/booking/{booking_id}").get_data(as_text=True)
        return booking["status"], booking["payment_url"], pay_page in page

    assert listed() == ("held", pay_page, True) and client.get(pay_page).status_code == 200
    with app.app_context():
        set_enabled(module, False, site=site_by_slug("figeac") if at_site else None)
        db.session.commit()
    assert listed() == ("held", None, False)
    assert client.get(pay_page).status_code == 404


def test_erasing_a_member_keeps_their_invoices_detached_with_the_client_snapshot(app, shop, invoice_ref):
    from core.accounts.models import User
    from core.plugins import registry

    with app.test_request_context():
        user = db.session.get(User, shop["member"].id)
        registry().pm.hook.user_data_erase(user=user)
        db.session.commit()
        invoice = db.session.scalar(select(Invoice).where(Invoice.reference == invoice_ref))
        assert invoice.member_id is None and invoice.client["email"] == shop["member"].email


def test_a_wrong_billing_table_stops_start_up_naming_the_key():
    from core.config import ConfigError
    from core.plugins import check_plugin_tables
    from plugins.billing.plugin import MODULE

    def parse(table):
        return check_plugin_tables({"billing": table}, {"billing": MODULE})["billing"]

    with pytest.raises(ConfigError, match=r"plugins\.billing\.products\.x\.price_cents"):
        parse({"products": {"x": {"kind": "day_pass", "label_fr": "a", "label_en": "a", "price_cents": -1}}})
    with pytest.raises(ConfigError, match=r"plugins\.billing\.colour: unknown key"):
        parse({"colour": "blue"})
    with pytest.raises(ConfigError, match="unknown product 'nope'"):
        parse({"sites": {"figeac": {"prices": {"nope": 100}}}})


def test_an_unpublished_sites_prices_are_hidden_except_from_its_managers(app, client, auth, make_site, make_user):
    """The prices page of an unpublished site was public; buying there is refused too."""
    make_site("montmurat", is_published=False)
    member, manager = make_user(), make_user(role="site-manager", sites=["montmurat"])
    assert client.get("/billing/sites/montmurat/prices").status_code == 404
    auth.login(member)
    assert client.get("/billing/sites/montmurat/prices").status_code == 404
    assert client.post("/billing/sites/montmurat/buy", data={"product": "bundle_10"}).status_code == 404
    auth.logout()
    auth.login(manager)
    assert client.get("/billing/sites/montmurat/prices").status_code == 200
    assert client.get("/sites/montmurat").status_code == 200


def test_the_invoice_marks_its_english_half_as_english(client, auth, shop, invoice_ref):
    """The invoice is French with an English translation beside each wording: a screen reader
    reads the English in English (WCAG 3.1.2), in the page and in the PDF made from it."""
    import lxml.html

    auth.login(shop["member"])
    tree = lxml.html.fromstring(client.get(f"/billing/invoices/{invoice_ref}").get_data(as_text=True))
    assert tree.get("lang") == "fr"
    english = tree.xpath("//*[contains(concat(' ', @class, ' '), ' en ')]")
    assert len(english) > 10 and all(node.get("lang") == "en" for node in english)
    assert "/ cheque" in [" ".join(node.text_content().split()) for node in english]
