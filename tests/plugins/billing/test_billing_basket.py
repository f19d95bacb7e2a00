"""Baskets: several days held for payment at a site are paid at once (one Checkout session,
one order, one invoice with a line per day), confirmed together once, idempotently; a day lost
before the payment arrives is refunded on its own line; one day of a paid basket is cancelled
and refunded on its own; a weekly series goes into one basket."""
from __future__ import annotations

import re
import threading
from datetime import timedelta

import lxml.html
import pytest
from sqlalchemy import select

from core.db import utcnow
from core.extensions import db
from plugins.billing.models import Invoice, Order, OrderLine

booking = pytest.importorskip("plugins.booking.service")

from tests.core.test_accessibility_pages import table_problems  # noqa: E402
from tests.plugins.billing.test_billing_bookings import book_day, invoice_pdfs, next_tuesday  # noqa: E402


def three_days(client, desk):
    """Three Tuesdays held for payment; the basket page's address."""
    first = next_tuesday()
    pages = []
    for week in range(3):
        response = book_day(client, desk["figeac"], day=first + timedelta(days=7 * week))
        assert response.status_code == 303 and "/billing/bookings/" in response.headers["Location"]
        pages.append(response.headers["Location"])
    return [int(page.rstrip("/").split("/")[-2]) for page in pages], pages[-1]


def pay_basket(client):
    started = client.post("/billing/sites/figeac/basket")
    assert started.status_code == 303 and "/pay/cs_test_" in started.headers["Location"], started.headers
    return started.headers["Location"].rsplit("/", 1)[-1]


def statuses(app, ids):
    from plugins.booking.models import Booking

    with app.app_context():
        return [db.session.get(Booking, i).status for i in ids]


def basket_order(app):
    with app.app_context():
        order = db.session.scalar(select(Order).where(Order.kind == "basket").order_by(Order.id.desc()))
        invoices = db.session.scalars(select(Invoice).where(Invoice.order_id == order.id).order_by(Invoice.id)).all()
        lines = db.session.scalars(select(OrderLine).where(OrderLine.order_id == order.id)).all()
        return order, [(i.kind, i.total_ttc_cents, len(i.lines)) for i in invoices], lines


def test_three_days_are_held_together_and_listed_with_prices_including_vat(app, client, auth, shop, desk,
                                                                          stripe_driver):
    from plugins.booking.models import Booking

    auth.login(shop["member"])
    ids, page = three_days(client, desk)
    with app.app_context():
        expiries = {db.session.get(Booking, i).hold_expires_at for i in ids}
    assert len(expiries) == 1  # they lapse together
    html = client.get(page).get_data(as_text=True)
    assert html.count("15,00") >= 3 and "45,00" in html  # 12,50 € HT + 20 % VAT each
    assert "12,50" not in html  # a consumer sees prices including VAT only
    assert table_problems(lxml.html.fromstring(html)) == []  # on a phone, each cell says its column


def test_a_basket_of_three_days_is_paid_once_confirmed_and_invoiced_with_a_line_per_day(
        app, client, auth, shop, desk, stripe_driver, mailbox):
    auth.login(shop["member"])
    ids, _page = three_days(client, desk)
    session_id = pay_basket(client)
    items = stripe_driver.client().v1.checkout.sessions.line_items.list(session_id)
    assert [i.amount_total for i in items.data] == [1500, 1500, 1500]
    assert statuses(app, ids) == ["held"] * 3
    assert stripe_driver.pay(session_id)[0] == 200
    stripe_driver.deliver(client)
    assert statuses(app, ids) == ["confirmed"] * 3
    order, invoices, lines = basket_order(app)
    assert order.status == "paid" and order.total_cents == 4500 and sorted(line.booking_id for line in lines) == ids
    assert invoices == [("invoice", 4500, 3)]
    mailbox.wait_for(7)
    assert len(invoice_pdfs(mailbox)) == 1


def test_a_replayed_webhook_confirms_nothing_twice(app, client, auth, shop, desk, stripe_driver, mailbox):
    auth.login(shop["member"])
    ids, _page = three_days(client, desk)
    session_id = pay_basket(client)
    stripe_driver.pay(session_id)
    events = stripe_driver.events()
    first = stripe_driver.deliver(client, events)
    again = stripe_driver.deliver(client, events)
    assert all(r.status_code == 200 for _, r in first + again)
    assert all(r.json["effect"] == "replay" for _, r in again)
    assert basket_order(app)[1] == [("invoice", 4500, 3)]
    assert statuses(app, ids) == ["confirmed"] * 3


def test_the_success_page_racing_the_webhook_gives_one_invoice(app, client, auth, shop, desk, stripe_driver,
                                                               mailbox):
    auth.login(shop["member"])
    ids, _page = three_days(client, desk)
    session_id = pay_basket(client)
    stripe_driver.pay(session_id)
    events = [e for e in stripe_driver.events() if e[0]["type"] == "checkout.session.completed"]
    start = threading.Barrier(2)
    codes = []

    def webhook():
        with app.test_client() as other:
            start.wait()
            codes.extend(r.status_code for _, r in stripe_driver.deliver(other, events))

    def success_page():
        start.wait()
        codes.append(client.get(f"/billing/checkout/success?session_id={session_id}").status_code)

    threads = [threading.Thread(target=f) for f in (webhook, success_page)]
    [t.start() for t in threads]
    [t.join(30) for t in threads]
    assert codes == [200, 200]
    assert basket_order(app)[1] == [("invoice", 4500, 3)]
    assert statuses(app, ids) == ["confirmed"] * 3
    mailbox.wait_for(7, timeout=1.0)
    assert len(invoice_pdfs(mailbox)) == 1


def test_a_day_lost_before_the_payment_arrives_is_refunded_on_its_line_and_the_rest_confirmed(
        app, client, auth, shop, desk, stripe_driver, mailbox):
    from plugins.booking.models import Booking

    auth.login(shop["member"])
    ids, _page = three_days(client, desk)
    session_id = pay_basket(client)
    with app.app_context():  # the second day's hold lapses and the slot goes, the session still open
        booking.expire_holds_where(utcnow() + timedelta(days=1), Booking.id == ids[1])
        db.session.commit()
    stripe_driver.pay(session_id)
    stripe_driver.deliver(client)
    assert statuses(app, ids) == ["confirmed", "expired", "confirmed"]
    order, invoices, lines = basket_order(app)
    assert order.status == "paid" and order.refunded_cents == 1500
    assert invoices == [("invoice", 4500, 3), ("credit_note", 1500, 1)]
    assert [line.refunded_cents for line in sorted(lines, key=lambda line: line.booking_id)] == [0, 1500, 0]
    refunds = stripe_driver.client().v1.refunds.list({"payment_intent": order.stripe_payment_intent})
    assert [r.amount for r in refunds.data] == [1500]
    bodies = [m.get_body(("plain",)).get_content() for m in mailbox.wait_for(8) if m["To"] == shop["member"].email]
    assert any("15,00" in body and ("rembours" in body or "refund" in body) for body in bodies)


def test_cancelling_one_day_of_a_paid_basket_refunds_that_day_with_its_own_credit_note(
        app, client, auth, shop, desk, stripe_driver):
    auth.login(shop["member"])
    ids, _page = three_days(client, desk)
    session_id = pay_basket(client)
    stripe_driver.pay(session_id)
    stripe_driver.deliver(client)
    assert client.post(f"/booking/{ids[2]}/cancel").status_code == 303
    assert statuses(app, ids) == ["confirmed", "confirmed", "cancelled"]
    order, invoices, _lines = basket_order(app)
    assert order.status == "paid" and order.refunded_cents == 1500
    assert invoices == [("invoice", 4500, 3), ("credit_note", 1500, 1)]
    with app.app_context():
        note = db.session.scalar(select(Invoice).where(Invoice.kind == "credit_note"))
        assert note.total_ht_cents == 1250 and note.lines[0]["label"].startswith("Pass journée")
    refunds = stripe_driver.client().v1.refunds.list({"payment_intent": order.stripe_payment_intent})
    assert [r.amount for r in refunds.data] == [1500]
    assert client.post(f"/booking/{ids[2]}/cancel").status_code in (409, 422)  # not twice
    assert basket_order(app)[0].refunded_cents == 1500


def test_a_basket_refunded_whole_by_its_manager_is_not_refunded_again_when_a_day_is_cancelled(
        app, client, auth, shop, desk, stripe_driver):
    auth.login(shop["member"])
    ids, _page = three_days(client, desk)
    stripe_driver.pay(pay_basket(client))
    stripe_driver.deliver(client)
    order, _invoices, _lines = basket_order(app)
    auth.logout()
    auth.login(shop["manager"])
    refund_url = f"/billing/sites/figeac/manage/orders/{order.id}/refund"
    form = {"refund-reason": "goodwill", "refund-to": "card", "refund-confirmed": "yes"}
    client.post(refund_url, data={**form, "refund-amount": "10.00"})  # a part of a basket: refused
    assert basket_order(app)[0].refunded_cents == 0
    client.post(refund_url, data={**form, "refund-amount": ""})  # the whole basket
    assert basket_order(app)[0].refunded_cents == 4500
    auth.logout()
    auth.login(shop["member"])
    page = client.get(f"/booking/{ids[0]}/cancel").get_data(as_text=True)
    assert "Remboursement" not in page and "Refund:" not in page  # nothing left to give back
    assert client.post(f"/booking/{ids[0]}/cancel").status_code == 303
    order, invoices, _lines = basket_order(app)
    assert statuses(app, ids)[0] == "cancelled" and order.refunded_cents == 4500
    assert invoices == [("invoice", 4500, 3), ("credit_note", 4500, 3)]  # one credit note, none for the day


def test_a_part_of_a_basket_refunded_in_stripes_dashboard_gets_its_credit_note_and_no_more_is_refunded(
        app, client, auth, shop, desk, stripe_driver):
    """10 EUR of a three-day basket refunded in Stripe's dashboard: the webhook answered 400 for
    good (a basket is refunded whole or day by day on the platform) and no credit note was
    written. The money has gone: it is recorded; days cancelled later give back what is left."""
    auth.login(shop["member"])
    ids, _page = three_days(client, desk)
    stripe_driver.pay(pay_basket(client))
    stripe_driver.deliver(client)
    order, _invoices, _lines = basket_order(app)
    stripe_driver.client().v1.refunds.create({"payment_intent": order.stripe_payment_intent, "amount": 1000})
    assert all(reply.status_code == 200 for _type, reply in stripe_driver.deliver(client))
    order, invoices, _lines = basket_order(app)
    assert order.refunded_cents == 1000 and invoices == [("invoice", 4500, 3), ("credit_note", 1000, 1)]
    for booking_id in ids:
        assert client.post(f"/booking/{booking_id}/cancel").status_code == 303
    order, invoices, _lines = basket_order(app)
    assert order.refunded_cents == 4500 and sum(total for kind, total, _n in invoices if kind == "credit_note") == 4500
    refunded = stripe_driver.client().v1.refunds.list({"payment_intent": order.stripe_payment_intent})
    assert sum(r.amount for r in refunded.data) == 4500, [r.amount for r in refunded.data]


def test_an_expired_basket_session_releases_every_day(app, client, auth, shop, desk, stripe_driver):
    auth.login(shop["member"])
    ids, _page = three_days(client, desk)
    session_id = pay_basket(client)
    stripe_driver.expire(session_id)
    stripe_driver.deliver(client)
    assert set(statuses(app, ids)) <= {"cancelled", "expired"}
    order, invoices, _lines = basket_order(app)
    assert order.status == "expired" and invoices == []


def test_adding_a_day_closes_the_open_checkout_so_only_the_whole_basket_can_be_paid(
        app, client, auth, shop, desk, stripe_driver):
    auth.login(shop["member"])
    first = next_tuesday()
    for week in range(2):
        book_day(client, desk["figeac"], day=first + timedelta(days=7 * week))
    old_session = pay_basket(client)
    response = book_day(client, desk["figeac"], day=first + timedelta(days=14))
    assert response.status_code == 303
    with app.app_context():
        old = db.session.scalar(select(Order).where(Order.stripe_session_id == old_session))
        assert old.status == "cancelled"
    new_session = pay_basket(client)
    assert new_session != old_session
    assert len(basket_order(app)[2]) == 3


def test_paying_an_empty_basket_or_someone_elses_is_refused_without_an_order(app, client, auth, shop, desk,
                                                                           make_user, stripe_driver):
    auth.login(shop["member"])
    response = client.post("/billing/sites/figeac/basket")
    assert response.status_code == 303 and response.headers["Location"].endswith("/billing/sites/figeac/basket")
    assert client.post("/billing/sites/nowhere/basket").status_code == 404
    ids, _page = three_days(client, desk)
    auth.logout()
    auth.login(make_user())
    assert client.get(f"/billing/bookings/{ids[0]}/pay").status_code == 404
    assert client.post(f"/billing/bookings/{ids[0]}/pay").status_code == 404
    assert client.post("/billing/sites/figeac/basket").status_code == 303
    assert client.get("/billing/bookings/99999999999/pay").status_code == 404
    with app.app_context():
        assert db.session.scalar(select(Order.id)) is None


def test_a_weekly_series_goes_into_one_basket_paid_once(app, client, auth, shop, desk, stripe_driver):
    from plugins.booking.models import Booking

    auth.login(shop["member"])
    first = next_tuesday()
    data = {"resource": desk["figeac"], "date": first.isoformat(), "period": "day",
            "until": (first + timedelta(days=21)).isoformat(), "confirm": "1"}
    response = client.post("/booking/sites/figeac/series", data=data)
    assert response.status_code == 303 and "/billing/bookings/" in response.headers["Location"]
    with app.app_context():
        held = db.session.scalars(select(Booking).where(Booking.status == "held")).all()
        ids = sorted(b.id for b in held)
        assert len(held) >= 3 and len({b.hold_expires_at for b in held}) == 1
    session_id = pay_basket(client)
    stripe_driver.pay(session_id)
    stripe_driver.deliver(client)
    assert set(statuses(app, ids)) == {"confirmed"}
    assert basket_order(app)[1][0][2] == len(ids)


def test_removing_a_day_from_the_basket_comes_back_to_the_basket(app, client, auth, shop, desk, stripe_driver):
    """"Retirer" posts what the page's form holds and lands on the basket again, with what is left;
    a `next` leading off this site is not followed."""
    auth.login(shop["member"])
    ids, _page = three_days(client, desk)
    html = client.get("/billing/sites/figeac/basket").get_data(as_text=True)
    form = re.search(rf'<form method="post" action="(/booking/{ids[0]}/cancel)">(.*?)</form>', html, re.S)
    assert form, html
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(2)))
    removed = client.post(form.group(1), data=fields)
    assert removed.status_code == 303 and removed.headers["Location"].endswith("/billing/sites/figeac/basket")
    assert statuses(app, ids)[0] == "cancelled"
    basket_html = client.get(removed.headers["Location"]).get_data(as_text=True)
    assert "30,00" in basket_html and f"/booking/{ids[0]}/cancel" not in basket_html
    for booking_id, outside in ((ids[1], "https://evil.example/"), (ids[2], "//evil.example/basket")):
        away = client.post(f"/booking/{booking_id}/cancel", data={"next": outside})
        assert away.status_code == 303 and away.headers["Location"].endswith("/booking/mine")


def test_a_basket_is_named_in_its_readers_language_and_invoiced_in_french(app, client, auth, make_user, shop, desk,
                                                                          stripe_driver):
    """The invoice's lines are in the territory's language; the basket page names the same days
    in its reader's (it showed "Pass journée" on an English page once the lines were French)."""
    auth.login(make_user(locale="en"))
    _ids, _page = three_days(client, desk)
    tree = lxml.html.fromstring(client.get("/billing/sites/figeac/basket").get_data(as_text=True))
    rows = [" ".join(th.text_content().split()) for th in tree.xpath("//tbody//th[@scope='row']")]
    assert len(rows) == 3 and all(row.startswith("Day pass — ") for row in rows), rows
    stripe_driver.pay(pay_basket(client))
    stripe_driver.deliver(client)
    _order, _invoices, lines = basket_order(app)
    assert len(lines) == 3 and all(line.label.startswith("Pass journée — ") for line in lines), lines


def test_a_credit_note_gives_billings_own_reason_in_french(app, client, auth, shop, desk, stripe_driver):
    """A credit note read "Avoir sur la facture ... — booking cancelled (member)": billing's own
    reasons were English words in the French document (a manager's typed one stays as written)."""
    from test_billing_bookings import hold_and_checkout

    auth.login(shop["member"])
    booking_id, session_id = hold_and_checkout(client, desk)
    stripe_driver.pay(session_id)
    stripe_driver.deliver(client)
    assert client.post(f"/booking/{booking_id}/cancel").status_code == 303
    with app.app_context():
        note = db.session.scalar(select(Invoice).where(Invoice.kind == "credit_note"))
    assert note.reason == "réservation annulée par le membre"
    assert "réservation annulée par le membre" in client.get(f"/billing/invoices/{note.reference}",
                                                              headers={"Accept-Language": "en"}).get_data(as_text=True)


def test_a_basket_half_day_cancelled_for_credits_gives_a_half_day_credit(app, client, auth, shop, desk,
                                                                           stripe_driver):
    """A basket's half-day cancelled in time under refunds as credits gave a credit paying any
    booking (a whole day for half a day's money); it now pays a half-day only."""
    from plugins.billing.models import CreditEntry
    from tests.plugins.billing.test_billing_refund_preview import set_billing

    set_billing(app, refund_policy="credits")
    auth.login(shop["member"])
    ids = []
    for week in range(2):
        held = client.post("/booking/sites/figeac/book", data={
            "resource": desk["figeac"], "date": (next_tuesday() + timedelta(days=7 * week)).isoformat(),
            "period": "morning"})
        assert held.status_code == 303 and "/billing/bookings/" in held.headers["Location"]
        ids.append(int(held.headers["Location"].rstrip("/").split("/")[-2]))
    stripe_driver.pay(pay_basket(client))
    stripe_driver.deliver(client)
    assert client.post(f"/booking/{ids[0]}/cancel").status_code == 303
    with app.app_context():
        grant = db.session.scalar(select(CreditEntry).where(CreditEntry.reason == "refund"))
        assert (grant.delta, grant.product_code) == (1, "half_day_pass")
