"""Cancelling asks first and says what comes back; what it says is what cancelling then does
(billing answers booking's `booking_refund_preview` from the same plan it acts on)."""
from __future__ import annotations

import re

from sqlalchemy import select

from core.extensions import db
from plugins.billing import credits
from plugins.billing.models import Invoice, Order
from plugins.booking.models import Booking
from test_billing_bookings import book_day, desk, hold_and_checkout  # noqa: F401 (fixture)


def preview(client, booking_id) -> str:
    page = client.get(f"/booking/{booking_id}/cancel")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    return re.sub(r"\s+", " ", html.split('class="panel refund-preview"')[1].split("</p>")[0].split("<p>")[1])


def credit_notes(app, booking_id):
    with app.app_context():
        order = db.session.scalar(select(Order).where(Order.booking_id == booking_id).order_by(Order.id.desc()))
        return order.status, [i.total_ttc_cents for i in db.session.scalars(
            select(Invoice).where(Invoice.order_id == order.id, Invoice.kind == "credit_note"))]


def set_billing(app, **values):
    configs = app.extensions["tierslieux"].configs
    configs["billing"] = configs["billing"].model_copy(update=values)


def paid_booking(client, auth, shop, desk, stripe_driver):  # noqa: F811
    auth.login(shop["member"])
    booking_id, session_id = hold_and_checkout(client, desk)
    stripe_driver.pay(session_id)
    stripe_driver.deliver(client)
    return booking_id


def test_the_confirmation_page_says_the_card_refund_and_cancelling_refunds_exactly_that(
        app, client, auth, shop, desk, stripe_driver):  # noqa: F811
    booking_id = paid_booking(client, auth, shop, desk, stripe_driver)
    said = preview(client, booking_id)
    assert said == "Remboursement : 15,00 € sur la carte utilisée pour payer."
    with app.app_context():
        assert db.session.get(Booking, booking_id).status == "confirmed"  # asking cancelled nothing
    done = client.post(f"/booking/{booking_id}/cancel", follow_redirects=True)
    assert said in re.sub(r"\s+", " ", done.get_data(as_text=True))  # told again once done
    assert credit_notes(app, booking_id) == ("refunded", [1500])


def test_with_refunds_as_credits_the_page_says_days_and_the_days_come_back(
        app, client, auth, shop, desk, stripe_driver):  # noqa: F811
    set_billing(app, refund_policy="credits")
    booking_id = paid_booking(client, auth, shop, desk, stripe_driver)
    with app.app_context():
        before = credits.balance(shop["member"].id)
    assert preview(client, booking_id) == "Remboursement : 1 jour de crédit au lieu d’argent."
    assert client.post(f"/booking/{booking_id}/cancel").status_code == 303
    with app.app_context():
        assert credits.balance(shop["member"].id) == before + 1


def test_too_late_the_page_says_not_refundable_and_nothing_is_refunded(
        app, client, auth, shop, desk, stripe_driver):  # noqa: F811
    booking_id = paid_booking(client, auth, shop, desk, stripe_driver)
    set_billing(app, cancel_notice_hours=24 * 60)  # the booking is a week or two away
    assert preview(client, booking_id) == "Non remboursable : moins de 1440 heures avant le début."
    assert client.post(f"/booking/{booking_id}/cancel").status_code == 303
    assert credit_notes(app, booking_id) == ("paid", [])


def test_a_day_paid_with_credits_is_said_to_come_back_and_does(app, client, auth, shop, desk):  # noqa: F811
    auth.login(shop["manager"])
    client.post("/billing/sites/figeac/manage/payments",
                data={"pay-email": shop["member"].email, "pay-product": "bundle_10", "pay-quantity": 1,
                      "pay-method": "cash"})
    auth.logout()
    auth.login(shop["member"])
    booking_id = int(book_day(client, desk["figeac"]).headers["Location"].rstrip("/").split("/")[-1])
    assert preview(client, booking_id) == "1 jour de crédit utilisé est rendu."
    assert client.post(f"/booking/{booking_id}/cancel").status_code == 303
    with app.app_context():
        assert credits.balance(shop["member"].id) == 10


def test_an_unpaid_booking_is_said_to_refund_nothing_and_its_order_is_closed(app, client, auth, shop, desk):  # noqa: F811
    auth.login(shop["member"])
    response = book_day(client, desk["aurillac"], site="aurillac")  # paid on site, on arrival
    booking_id = int(response.headers["Location"].rstrip("/").split("/")[-1])
    # one wording for "nothing was paid", billing's and booking's own (when no plugin answers)
    assert preview(client, booking_id) == "Rien n’a été payé pour cette réservation : rien à rembourser."
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    assert preview(client, booking_id) == "Nothing was paid for this booking: nothing to refund."
    done = client.post(f"/booking/{booking_id}/cancel", follow_redirects=True)
    assert "Nothing was paid for this booking: nothing to refund." in done.get_data(as_text=True)
    assert credit_notes(app, booking_id) == ("cancelled", [])
