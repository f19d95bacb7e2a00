"""A day or half-day pass recorded at the desk before any booking: it was invoiced and paid for
nothing (no credit, no booking), and the member's booking afterwards asked for payment again.
It now pays what the member owes first (a booking held for its payment, or to pay on site), and
with nothing to pay becomes a credit of that pass, which pays their next booking of that kind at
the site. Sent twice (a double click), or by two managers at once, nothing is recorded twice."""
from __future__ import annotations

import re
from datetime import timedelta

import lxml.html
import pytest
from sqlalchemy import func, select

from core.db import utcnow
from core.extensions import db
from devtools.pytest_plugin import Auth
from devtools.races import errors, run_together
from plugins.billing import credits
from plugins.billing.models import CreditEntry, Invoice, Order

pytest.importorskip("plugins.booking.service")

from tests.plugins.billing.test_billing_bookings import book_day, next_tuesday  # noqa: E402
from tests.plugins.billing.test_billing_checkout_races import twin  # noqa: E402

PAY = "/billing/sites/{site}/manage/payments"


@pytest.fixture
def desks(app, desk):
    """The desk at Figeac (online payment once Stripe's keys are set), and one at Aurillac (on site only)."""
    from core.sites.service import site_by_slug
    from plugins.booking.resources import save_resource

    with app.app_context():
        aurillac = save_resource(site_by_slug("aurillac"), None, kind="desk", name="Poste 1").id
        db.session.commit()
    return {**desk, "aurillac": aurillac}


def form_key(client, site="figeac") -> str:
    """The one-time key of the payment form, as the page shows it."""
    page = lxml.html.fromstring(client.get(f"/billing/sites/{site}/manage").get_data(as_text=True))
    [key] = page.xpath("//input[@name='pay-key']/@value")
    return key


def record(client, email, product="day_pass", quantity=1, site="figeac", key=None):
    data = {"pay-email": email, "pay-product": product, "pay-quantity": quantity, "pay-method": "cash"}
    if key:
        data["pay-key"] = key
    return client.post(PAY.format(site=site), data=data)


def flashed(client, response) -> str:
    page = client.get(response.headers["Location"])
    return " ".join(lxml.html.fromstring(page.get_data(as_text=True)).text_content().split())


def money(app, member_id):
    """What the member's money did: orders (product, status, booking?), invoices, credits by product."""
    with app.app_context():
        orders = [(o.product_code, o.status, o.booking_id is not None)
                  for o in db.session.scalars(select(Order).where(Order.member_id == member_id).order_by(Order.id))]
        invoices = db.session.scalar(select(func.count()).select_from(Invoice).where(Invoice.member_id == member_id))
        return {"orders": orders, "invoices": invoices,
                "day": credits.balance(member_id, None, product="day_pass"),
                "half": credits.balance(member_id, None, product="half_day_pass")}


def booked(response) -> int:
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


def test_a_pass_recorded_before_any_booking_becomes_a_credit_that_pays_the_next_booking(
        app, client, auth, shop, desks, stripe_driver, mailbox):
    member = shop["member"]
    auth.login(shop["manager"])
    recorded = record(client, member.email, key=form_key(client))
    assert recorded.status_code == 303
    assert "Aucune réservation ne l'attend : c'est 1 crédit de ce pass" in flashed(client, recorded)
    assert money(app, member.id) == {"orders": [("day_pass", "paid", False)], "invoices": 1, "day": 1, "half": 0}
    with app.app_context():
        grant = db.session.scalar(select(CreditEntry).where(CreditEntry.reason == "pass"))
        assert (grant.product_code, grant.delta, grant.site.slug, grant.note) == ("day_pass", 1, "figeac",
                                                                                    "Pass journée")
    auth.logout()
    auth.login(member)
    first = book_day(client, desks["figeac"])
    assert first.status_code == 303 and "/billing/" not in first.headers["Location"]  # confirmed, nothing to pay
    assert money(app, member.id) == {"orders": [("day_pass", "paid", False)], "invoices": 1, "day": 0, "half": 0}
    account = client.get("/billing/").get_data(as_text=True)
    assert "Pass journée acheté sur place" in account
    second = book_day(client, desks["figeac"], day=next_tuesday() + timedelta(days=7))
    assert "/billing/bookings/" in second.headers["Location"]  # the pass is spent: this one is paid
    # The pass is the member's: cancelled in time, the booking it paid gives it back, as that pass.
    assert client.post(f"/booking/{booked(first)}/cancel").status_code == 303
    assert money(app, member.id)["day"] == 1


def test_a_half_day_pass_pays_a_half_day_and_never_a_whole_day(app, client, auth, shop, desks, stripe_driver):
    member = shop["member"]
    auth.login(shop["manager"])
    record(client, member.email, product="half_day_pass", key=form_key(client))
    assert money(app, member.id)["half"] == 1 and money(app, member.id)["day"] == 0
    auth.logout()
    auth.login(member)
    whole = book_day(client, desks["figeac"])
    assert "/billing/bookings/" in whole.headers["Location"]  # held for its payment: a day is not a half-day
    assert money(app, member.id)["half"] == 1
    later = client.post("/booking/sites/figeac/book", data={
        "resource": desks["figeac"], "date": (next_tuesday() + timedelta(days=7)).isoformat(),
        "period": "morning"})
    assert later.status_code == 303 and "/billing/" not in later.headers["Location"]
    assert money(app, member.id)["half"] == 0


def test_a_pass_recorded_for_a_booking_to_pay_on_site_pays_that_booking(app, client, auth, shop, desks, mailbox):
    """Aurillac takes payment on site: the booking is confirmed with its order waiting. A pass
    recorded by the form (not the order's own "Mark as paid") made a second order and now a
    credit beside it: the member paid twice. It now pays that order."""
    member = shop["member"]
    auth.login(member)
    booking_id = booked(book_day(client, desks["aurillac"], site="aurillac"))
    auth.logout()
    auth.login(shop["admin"])
    recorded = record(client, member.email, site="aurillac", key=form_key(client, "aurillac"))
    assert "Il paie la réservation de" in flashed(client, recorded)
    assert money(app, member.id) == {"orders": [("day_pass", "paid", True)], "invoices": 1, "day": 0, "half": 0}
    with app.app_context():
        order = db.session.scalar(select(Order).where(Order.booking_id == booking_id))
        assert (order.method, order.recorded_by_id, order.total_cents) == ("cash", shop["admin"].id, 1200)
    page = lxml.html.fromstring(client.get("/booking/manage/aurillac?day=" + next_tuesday().isoformat())
                                .get_data(as_text=True))
    assert "Rien à traiter" in " ".join(page.get_element_by_id("to-handle").text_content().split())


def test_several_passes_at_once_while_a_booking_waits_are_refused_with_which(app, client, auth, shop, desks):
    member = shop["member"]
    auth.login(member)
    book_day(client, desks["aurillac"], site="aurillac")
    auth.logout()
    auth.login(shop["admin"])
    refused = record(client, member.email, site="aurillac", quantity=2, key=form_key(client, "aurillac"))
    assert "a une réservation de ce type encore à payer" in flashed(client, refused)
    assert money(app, member.id) == {"orders": [("day_pass", "pending", True)], "invoices": 0, "day": 0, "half": 0}


def test_the_form_sent_twice_records_one_payment_and_one_credit(app, client, auth, shop, desks, mailbox):
    member = shop["member"]
    auth.login(shop["manager"])
    key = form_key(client)
    assert record(client, member.email, key=key).status_code == 303
    again = record(client, member.email, key=key)
    assert again.status_code == 303
    assert "Ce paiement est déjà enregistré (le formulaire a été envoyé deux fois)" in flashed(client, again)
    assert money(app, member.id) == {"orders": [("day_pass", "paid", False)], "invoices": 1, "day": 1, "half": 0}
    assert len(mailbox.wait_for(2, timeout=1)) == 1  # one invoice mailed
    other = record(client, shop["admin"].email, key=key)  # the same key, another payment: not recorded under it
    assert "Ce formulaire a déjà été envoyé, pour un autre paiement" in flashed(client, other)
    assert money(app, shop["admin"].id)["orders"] == []
    assert form_key(client) != key  # the page shown again has a new key: the next payment is recorded


def refund_all(client, order_id, to="card"):
    return client.post(f"/billing/sites/figeac/manage/orders/{order_id}/refund",
                       data={"refund-amount": "", "refund-reason": "parti", "refund-to": to,
                             "refund-confirmed": "yes"})


def test_a_refunded_pass_takes_its_unused_credit_back(app, client, auth, shop, desks):
    member = shop["member"]
    auth.login(shop["manager"])
    record(client, member.email, key=form_key(client))
    with app.app_context():
        order_id = db.session.scalar(select(Order.id))
    assert refund_all(client, order_id).status_code == 303
    assert money(app, member.id)["day"] == 0


def test_a_pass_refunded_while_spent_does_not_come_back_when_its_booking_is_cancelled(app, client, auth, shop, desks):
    """The money of a pass went back while its day paid a booking; cancelling that booking in
    time then gave the day back as well: the member kept the money and the day."""
    member = shop["member"]
    auth.login(shop["manager"])
    record(client, member.email, key=form_key(client))
    auth.logout()
    auth.login(member)
    booking_id = booked(book_day(client, desks["figeac"]))
    auth.logout()
    auth.login(shop["manager"])
    with app.app_context():
        order_id = db.session.scalar(select(Order.id))
    assert refund_all(client, order_id).status_code == 303
    auth.logout()
    auth.login(member)
    assert client.post(f"/booking/{booking_id}/cancel").status_code == 303
    assert money(app, member.id)["day"] == 0


def _twins(app, client, count):
    return [twin(app, client) for _ in range(count)]


def test_a_double_click_at_once_records_one_payment_and_one_credit(app, client, auth, shop, desks, mailbox):
    member = shop["member"]
    auth.login(shop["manager"])
    key = form_key(client)
    answers = run_together(lambda tab: record(tab, member.email, key=key), _twins(app, client, 3))
    assert errors(answers) == [] and [a.status_code for a in answers] == [303] * 3
    assert money(app, member.id) == {"orders": [("day_pass", "paid", False)], "invoices": 1, "day": 1, "half": 0}


def test_one_key_sent_at_once_for_two_members_records_one_and_refuses_the_other(app, client, auth, shop, desks):
    """A form's key posted for two members at once (a crafted request): their rows are two
    locks, so both read "not used yet" and the second met the unique key (a 500)."""
    auth.login(shop["manager"])
    key = form_key(client)
    answers = run_together(lambda tab, email: record(tab, email, key=key),
                           [(tab, email) for tab, email in zip(_twins(app, client, 2),
                                                               (shop["member"].email, shop["admin"].email))])
    assert errors(answers) == [] and [a.status_code for a in answers] == [303, 303]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Order)) == 1


def test_two_managers_recording_at_once_pay_the_waiting_booking_once(app, client, auth, shop, desks, make_user):
    """Two managers take the member's cash for today's unpaid booking at the same moment: one
    payment pays the booking, the other is the member's credit; never two invoices for the
    booking's order, never the order paid twice."""
    member = shop["member"]
    auth.login(member)
    booking_id = booked(book_day(client, desks["aurillac"], site="aurillac"))
    auth.logout()
    second = make_user(role="site-manager", sites=["aurillac"])
    clients = [app.test_client(), app.test_client()]
    Auth(clients[0]).login(shop["admin"])
    Auth(clients[1]).login(second)
    keys = [form_key(c, "aurillac") for c in clients]
    answers = run_together(lambda c, k: record(c, member.email, site="aurillac", key=k),
                           [(clients[0], keys[0]), (clients[1], keys[1])])
    assert errors(answers) == [] and [a.status_code for a in answers] == [303, 303]
    assert sorted(money(app, member.id)["orders"]) == [("day_pass", "paid", False), ("day_pass", "paid", True)]
    with app.app_context():
        paying = db.session.scalars(select(Order.id).where(Order.booking_id == booking_id)).all()
        assert len(paying) == 1
        assert db.session.scalar(select(func.count()).select_from(Invoice).where(Invoice.order_id == paying[0])) == 1
    assert money(app, member.id)["day"] == 1 and money(app, member.id)["invoices"] == 2


def test_mark_as_paid_and_a_pass_recorded_at_once_pay_the_booking_once(app, client, auth, shop, desks):
    """One manager clicks "Mark as paid" on the booking's order while another records a pass for
    the member: the order is paid once, with one invoice. The pass first: "Mark as paid" finds
    the order paid and says so; "Mark as paid" first: the pass is the member's credit."""
    member = shop["member"]
    auth.login(member)
    booking_id = booked(book_day(client, desks["aurillac"], site="aurillac"))
    auth.logout()
    with app.app_context():
        order_id = db.session.scalar(select(Order.id).where(Order.booking_id == booking_id))
    clients = [app.test_client(), app.test_client()]
    Auth(clients[0]).login(shop["admin"])
    Auth(clients[1]).login(shop["admin"])
    key = form_key(clients[1], "aurillac")
    answers = run_together(lambda act: act(), [
        lambda: clients[0].post(f"/billing/sites/aurillac/manage/orders/{order_id}/paid", data={"paid-method": "cash"}),
        lambda: record(clients[1], member.email, site="aurillac", key=key)])
    assert errors(answers) == [] and [a.status_code for a in answers] == [303, 303]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Invoice).where(Invoice.order_id == order_id)) == 1
    state = money(app, member.id)
    assert state in ({"orders": [("day_pass", "paid", True)], "invoices": 1, "day": 0, "half": 0},
                     {"orders": [("day_pass", "paid", True), ("day_pass", "paid", False)], "invoices": 2, "day": 1,
                      "half": 0}), state


def test_the_rule_pays_the_soonest_waiting_booking_and_gives_a_credit_without_one(app, shop, desks):
    """The rules directly: `record_at_desk` with nothing to pay grants the pass; with a key seen
    before gives the first payment back, marked `again`."""
    from core.accounts.models import User
    from core.sites.service import site_by_slug
    from plugins.billing.desk import record_at_desk
    from plugins.billing.products import quote

    with app.test_request_context(method="POST"):
        member, site = db.session.get(User, shop["member"].id), site_by_slug("figeac")
        first = record_at_desk(member, site, quote(site, "half_day_pass", member.id), 2, "cheque", None,
                               key="k" * 20)
        again = record_at_desk(member, site, quote(site, "half_day_pass", member.id), 2, "cheque", None,
                               key="k" * 20)
        assert (again.again, again.order.id, again.invoice.id) == (True, first.order.id, first.invoice.id)
        assert credits.balance(member.id, site.id, product="half_day_pass") == 2
        assert credits.balance(member.id, site_by_slug("aurillac").id, product="half_day_pass") == 0
        db.session.commit()


def test_a_half_day_pass_refunded_as_credits_pays_a_half_day_and_never_a_whole_day(
        app, client, auth, shop, desks, stripe_driver):
    """Refunded as credits, a half-day pass gave a credit paying any booking: the member's next
    whole day was paid by half a day's money. Its credit now pays a half-day only, as the pass did."""
    member = shop["member"]
    auth.login(shop["manager"])
    record(client, member.email, product="half_day_pass", key=form_key(client))
    with app.app_context():
        order_id = db.session.scalar(select(Order.id))
    assert refund_all(client, order_id, to="credits").status_code == 303
    with app.app_context():
        grant = db.session.scalar(select(CreditEntry).where(CreditEntry.reason == "refund"))
        assert (grant.delta, grant.product_code) == (1, "half_day_pass")
    assert money(app, member.id)["half"] == 1 and money(app, member.id)["day"] == 0
    auth.logout()
    auth.login(member)
    whole = book_day(client, desks["figeac"])
    assert "/billing/bookings/" in whole.headers["Location"]  # held for its payment: not paid by the credit
    assert money(app, member.id)["half"] == 1
    half = client.post("/booking/sites/figeac/book", data={
        "resource": desks["figeac"], "date": (next_tuesday() + timedelta(days=7)).isoformat(), "period": "morning"})
    assert half.status_code == 303 and "/billing/" not in half.headers["Location"]
    assert money(app, member.id)["half"] == 0


def test_the_member_is_told_days_and_half_days_apart(app, client, auth, shop, desks, api_token):
    """"Jours de crédit : 3" counted a half-day pass's credit as a day: the member thought they
    had a whole day more. Their pages and the API's credits now tell the two apart."""
    member = shop["member"]
    with app.app_context():
        far = utcnow() + timedelta(days=90)
        credits.grant(member.id, 2, "manual", far)
        credits.grant(member.id, 1, "pass", far, product_code="half_day_pass")
        db.session.commit()
    auth.login(member)
    told = "Crédit disponible\u00a0: 2 jours, 1 demi-journée"
    for page in ("/", "/billing/"):
        assert told in client.get(page).get_data(as_text=True), page
    answer = client.get("/api/v1/credits", headers={"Authorization": f"Bearer {api_token(member)}"}).json
    assert answer["balance"] == 3 and answer["balance_by_kind"] == {"days": 2, "half_days": 1}


def test_a_half_day_pass_refunded_as_credits_is_told_as_a_half_day(app, client, auth, shop, desks, mailbox):
    """Its credit pays a half-day: the manager's confirmation and the member's e-mail said
    "1 jour de crédit", a day the member does not get."""
    member = shop["member"]
    auth.login(shop["manager"])
    record(client, member.email, product="half_day_pass", key=form_key(client))
    with app.app_context():
        order_id = db.session.scalar(select(Order.id))
    mailbox.clear()
    asked = client.post(f"/billing/sites/figeac/manage/orders/{order_id}/refund",
                        data={"refund-amount": "", "refund-reason": "parti", "refund-to": "credits"})
    page = re.sub(r"\s+", " ", asked.get_data(as_text=True))
    assert "1 demi-journée de crédit au lieu d’argent" in page and "1 jour de crédit" not in page
    assert refund_all(client, order_id, to="credits").status_code == 303
    told = [m for m in mailbox.wait_for(1) if m["To"] == member.email]
    body = re.sub(r"\s+", " ", told[0].get_body(("plain",)).get_content())
    assert "1 demi-journée de crédit au lieu d’argent" in body
