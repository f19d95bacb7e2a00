"""Findings of the review of the contract v2 and hardening work, each kept as a test: a
payment is never kept twice, refunded days are never spent, a newer checkout is not cancelled
by an older session's expiry, a member can always cancel in time, erasure closes open orders."""
from __future__ import annotations

from sqlalchemy import select

from core.extensions import db
from plugins.billing import credits
from plugins.billing.models import Invoice, Order
from plugins.booking.models import Booking
from test_billing_bookings import book_day, desk, hold_and_checkout, state  # noqa: F401 (fixture)
from test_billing_money_hardening import _refund
from test_billing_onsite import record


def _orders(app, booking_id):
    with app.app_context():
        return [(o.method, o.status) for o in db.session.scalars(
            select(Order).where(Order.booking_id == booking_id).order_by(Order.id))]


def test_a_card_payment_after_cash_at_the_desk_is_refunded_not_kept(app, client, auth, shop, desk,  # noqa: F811
                                                                     stripe_driver):
    auth.login(shop["member"])
    booking_id, session_id = hold_and_checkout(client, desk)
    auth.logout()
    app.config["JOBS_RUN"] = "worker"  # the job expiring the session has not run yet
    auth.login(shop["manager"])
    assert record(client, shop["member"].email, product="day_pass").status_code == 303
    assert state(app, booking_id)[0] == "confirmed"
    stripe_driver.pay(session_id)  # the member pays the still-open session meanwhile
    stripe_driver.deliver(client)
    assert sorted(_orders(app, booking_id)) == [("cash", "paid"), ("stripe", "refunded")]
    with app.app_context():
        card = db.session.scalar(select(Order).where(Order.booking_id == booking_id, Order.method == "stripe"))
        notes = db.session.scalars(select(Invoice).where(Invoice.order_id == card.id,
                                                         Invoice.kind == "credit_note")).all()
        assert len(notes) == 1


def test_a_day_given_back_after_its_bundle_was_refunded_cannot_be_spent(app, client, auth, shop, desk):  # noqa: F811
    auth.login(shop["manager"])
    record(client, shop["member"].email)  # 10 days
    with app.app_context():
        order_id = db.session.scalar(select(Order.id))
    auth.logout()
    auth.login(shop["member"])
    response = book_day(client, desk["figeac"])  # paid with one day
    booking_id = int(response.headers["Location"].rstrip("/").split("/")[-1])
    auth.logout()
    auth.login(shop["manager"])
    _refund(client, order_id, "", "card")  # the whole bundle, in money
    with app.app_context():
        assert credits.balance(shop["member"].id) == 0
    auth.logout()
    auth.login(shop["member"])
    assert client.post(f"/booking/{booking_id}/cancel").status_code == 303  # in time
    with app.app_context():
        assert db.session.get(Booking, booking_id).status == "cancelled"
        assert credits.balance(shop["member"].id) == 0  # was: 1, on money already returned


def test_an_older_sessions_expiry_does_not_cancel_a_newer_checkout(app, client, auth, shop, desk,  # noqa: F811
                                                                   stripe_driver):
    auth.login(shop["member"])
    booking_id, first = hold_and_checkout(client, desk)
    with app.app_context():  # the first session is about to expire: paying again opens a new one
        order = db.session.scalar(select(Order).where(Order.stripe_session_id == first))
        order.session_expires_at = order.created_at
        db.session.commit()
    again = client.post(f"/billing/bookings/{booking_id}/pay")
    assert again.status_code == 303
    second = again.headers["Location"].rsplit("/", 1)[-1]
    assert second != first
    stripe_driver.events()
    stripe_driver.expire(first)
    stripe_driver.deliver(client)
    assert state(app, booking_id)[0] == "held"  # was: cancelled by the first session's expiry
    stripe_driver.pay(second)
    stripe_driver.deliver(client)
    assert state(app, booking_id)[0] == "confirmed"
    assert sorted(_orders(app, booking_id)) == [("stripe", "cancelled"), ("stripe", "paid")]


def test_a_member_can_cancel_in_time_after_a_goodwill_refund_when_refunds_are_credits(
        app, client, auth, shop, desk, stripe_driver):  # noqa: F811
    app.extensions["tierslieux"].configs["billing"] = app.extensions["tierslieux"].configs["billing"].model_copy(
        update={"refund_policy": "credits"})
    auth.login(shop["member"])
    booking_id, session_id = hold_and_checkout(client, desk)
    stripe_driver.pay(session_id)
    stripe_driver.deliver(client)
    auth.logout()
    auth.login(shop["manager"])
    with app.app_context():
        order_id = db.session.scalar(select(Order.id).where(Order.booking_id == booking_id))
    assert _refund(client, order_id, "1.00", "card").status_code == 303  # a goodwill gesture
    auth.logout()
    auth.login(shop["member"])
    assert client.post(f"/booking/{booking_id}/cancel").status_code == 303  # was: refused
    with app.app_context():
        assert db.session.get(Booking, booking_id).status == "cancelled"
        assert db.session.get(Order, order_id).status == "refunded"  # the rest, by card


def test_erasure_closes_the_members_open_orders(app, client, auth, shop, stripe_driver):
    auth.login(shop["member"])
    bought = client.post("/billing/sites/figeac/buy", data={"product": "bundle_10"})
    assert bought.status_code == 303
    assert client.post("/account/erase", data={"password": shop["member"].password}).status_code == 303
    with app.app_context():
        assert db.session.scalars(select(Order.status)).all() == ["cancelled"]
