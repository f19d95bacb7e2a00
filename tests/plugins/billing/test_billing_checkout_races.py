"""Double clicks on "Pay": concurrent checkouts of one held booking make one order and one
session; a session opened on an order closed meanwhile is not stored but expired; a payment
arriving on a closed order confirms the booking only while it is still held for it, and is
refunded otherwise, so the money is never kept twice."""
from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from core.db import utcnow
from core.extensions import db
from devtools.pytest_plugin import Auth
from devtools.races import errors, locks, run_together, watching_statements
from plugins.billing.models import Invoice, Order

pytest.importorskip("plugins.booking.service")

from tests.plugins.billing.test_billing_bookings import book_day, next_tuesday  # noqa: E402


def held_booking(client, desk, day=None):
    response = book_day(client, desk["figeac"], day=day)
    assert response.status_code == 303 and "/billing/bookings/" in response.headers["Location"], response.headers
    return int(response.headers["Location"].rstrip("/").split("/")[-2])


def twin(app, client):
    """Another browser tab: a test client with the same signed-in session."""
    other = app.test_client()
    with client.session_transaction() as jar:
        cookies = dict(jar)
    with other.session_transaction() as jar:
        jar.update(cookies)
    return other


def orders_of(app, booking_id):
    with app.app_context():
        rows = db.session.scalars(select(Order).where(Order.booking_id == booking_id).order_by(Order.id)).all()
        return [(o.id, o.status, o.stripe_session_id, o.refunded_cents) for o in rows]


def booking_status(app, booking_id):
    from plugins.booking.models import Booking

    with app.app_context():
        return db.session.get(Booking, booking_id).status


def test_concurrent_clicks_on_pay_get_one_order_and_one_session(app, client, auth, shop, desk, stripe_driver):
    auth.login(shop["member"])
    booking_id = held_booking(client, desk)
    tabs = [twin(app, client) for _ in range(3)]
    replies = run_together(lambda tab: tab.post(f"/billing/bookings/{booking_id}/pay"), tabs)
    assert errors(replies) == []
    assert [r.status_code for r in replies] == [303] * 3
    sessions = {r.headers["Location"].rsplit("/", 1)[-1] for r in replies}
    orders = orders_of(app, booking_id)
    assert len(orders) == 1 and orders[0][1] == "pending", orders  # none abandoned under another click's feet
    assert sessions == {orders[0][2]}
    assert stripe_driver.client().v1.checkout.sessions.retrieve(orders[0][2]).status == "open"


def test_a_click_reuses_the_order_a_first_click_is_still_opening(app, client, auth, shop, desk, stripe_driver):
    """The first click committed its order and is waiting for Stripe: the second one pays that
    order (Stripe's Idempotency-Key gives it the same session) instead of closing it."""
    from core.accounts.models import User
    from plugins.billing import bookings
    from plugins.billing.checkout import open_session, session_request
    from plugins.booking.models import Booking

    auth.login(shop["member"])
    booking_id = held_booking(client, desk)
    with app.test_request_context(method="POST"):
        member = User.by_email(shop["member"].email)
        first = bookings.checkout_order(db.session.get(Booking, booking_id), member)
        first_id, request = first.id, session_request(first)
        db.session.commit()  # the first click's order, its session not asked for yet
    reply = client.post(f"/billing/bookings/{booking_id}/pay")  # the second click
    assert reply.status_code == 303
    with app.test_request_context(method="POST"):  # the first click's answer from Stripe comes back
        session = open_session(first_id, request)
        db.session.commit()
    assert reply.headers["Location"].rsplit("/", 1)[-1] == session.id
    assert orders_of(app, booking_id) == [(first_id, "pending", session.id, 0)]


def test_a_session_opened_on_an_order_closed_meanwhile_is_not_stored_and_is_expired(app, client, auth, shop, desk,
                                                                                   stripe_driver):
    from core.accounts.models import User
    from plugins.billing import bookings, flows
    from plugins.billing.checkout import SessionClosed, session_request
    from plugins.booking.models import Booking

    auth.login(shop["member"])
    booking_id = held_booking(client, desk)
    with app.test_request_context(method="POST"):
        order = bookings.checkout_order(db.session.get(Booking, booking_id), User.by_email(shop["member"].email))
        order_id, request = order.id, session_request(order)
        db.session.commit()
        bookings.abandon(order)  # closed while the click waits for Stripe (its booking cancelled, say)
        db.session.commit()
        with pytest.raises(SessionClosed) as refused:
            flows._open(order_id, request)
        assert refused.value.status == 409
        db.session.rollback()  # what the view does: the expiry job was committed before
    assert orders_of(app, booking_id) == [(order_id, "cancelled", None, 0)]
    sessions = stripe_driver.client().v1.checkout.sessions.list({"limit": 10}).data
    assert [s.status for s in sessions if s.client_reference_id == str(order_id)] == ["expired"]


def _close_without_expiring(app, order_id):
    """An order closed whose session's expiry job has not run yet (Stripe unreachable then):
    the session can still be paid."""
    with app.app_context():
        db.session.execute(update(Order).where(Order.id == order_id).values(status="cancelled"))
        db.session.commit()


def _money_kept(app, booking_id):
    with app.app_context():
        paid = db.session.scalar(select(func.coalesce(func.sum(Order.total_cents - Order.refunded_cents), 0))
                                 .where(Order.booking_id == booking_id, Order.status.in_(("paid", "refunded"))))
        notes = db.session.scalars(select(Invoice.kind).join(Order, Invoice.order_id == Order.id)
                                   .where(Order.booking_id == booking_id).order_by(Invoice.id)).all()
        return paid, notes


def test_a_payment_on_a_closed_order_after_the_newer_one_paid_is_refunded(app, client, auth, shop, desk,
                                                                         stripe_driver, mailbox):
    auth.login(shop["member"])
    booking_id = held_booking(client, desk)
    first_session = _session_of(client, booking_id)
    [(first_id, *_rest)] = orders_of(app, booking_id)
    _close_without_expiring(app, first_id)
    second_session = _session_of(client, booking_id)
    assert second_session != first_session
    stripe_driver.pay(second_session)
    stripe_driver.deliver(client)
    assert booking_status(app, booking_id) == "confirmed"
    stripe_driver.pay(first_session)  # the old tab, still open
    effects = [r.json["effect"] for t, r in stripe_driver.deliver(client) if t == "checkout.session.completed"]
    assert effects and effects[0].startswith("closed order paid")
    orders = orders_of(app, booking_id)
    assert [(o[1], o[3]) for o in orders] == [("refunded", 1500), ("paid", 0)]
    assert _money_kept(app, booking_id) == (1500, ["invoice", "invoice", "credit_note"])
    first_pi = stripe_driver.client().v1.checkout.sessions.retrieve(first_session).payment_intent
    assert [r.amount for r in stripe_driver.client().v1.refunds.list({"payment_intent": first_pi}).data] == [1500]
    assert booking_status(app, booking_id) == "confirmed"


def test_a_payment_on_a_closed_order_confirms_a_booking_still_held_and_closes_the_newer_one(
        app, client, auth, shop, desk, stripe_driver):
    """Decided: the member paid the very price of a slot still held for them, so the booking is
    confirmed; the newer checkout is closed (its session expired) so it cannot be paid too."""
    auth.login(shop["member"])
    booking_id = held_booking(client, desk)
    first_session = _session_of(client, booking_id)
    [(first_id, *_rest)] = orders_of(app, booking_id)
    _close_without_expiring(app, first_id)
    second_session = _session_of(client, booking_id)
    stripe_driver.pay(first_session)
    stripe_driver.deliver(client)
    assert booking_status(app, booking_id) == "confirmed"
    assert [o[1] for o in orders_of(app, booking_id)] == ["paid", "cancelled"]
    assert stripe_driver.client().v1.checkout.sessions.retrieve(second_session).status == "expired"
    assert stripe_driver.pay(second_session)[0] == 400  # nobody can pay it any more
    assert _money_kept(app, booking_id) == (1500, ["invoice"])


def test_concurrent_clicks_on_pay_for_a_basket_get_one_order(app, client, auth, shop, desk, stripe_driver):
    from datetime import timedelta

    auth.login(shop["member"])
    day = next_tuesday()
    ids = [held_booking(client, desk, day=day + timedelta(days=7 * n)) for n in range(2)]
    tabs = [twin(app, client) for _ in range(3)]
    replies = run_together(lambda tab: tab.post("/billing/sites/figeac/basket"), tabs)
    assert errors(replies) == [] and [r.status_code for r in replies] == [303] * 3
    with app.app_context():
        baskets = db.session.scalars(select(Order).where(Order.kind == "basket")).all()
        assert [(o.status, o.stripe_session_id is not None) for o in baskets] == [("pending", True)]
        assert {r.headers["Location"].rsplit("/", 1)[-1] for r in replies} == {baskets[0].stripe_session_id}
    assert all(orders_of(app, booking_id) == [] for booking_id in ids)


def _pay_again(client, booking_id):
    response = client.post(f"/billing/bookings/{booking_id}/pay")
    assert response.status_code == 303, response.status_code
    return response.headers["Location"]


def _session_of(client, booking_id):
    """Click "Pay": the id of the Checkout session it sends the member to."""
    return _pay_again(client, booking_id).rsplit("/", 1)[-1]


def test_a_session_expired_at_stripe_before_its_webhook_gives_a_new_one(app, client, auth, shop, desk, stripe_driver):
    """Its order's Idempotency-Key would give the expired session back: the order is closed and
    a new one opens a new session."""
    auth.login(shop["member"])
    booking_id = held_booking(client, desk)
    first = _session_of(client, booking_id)
    stripe_driver.expire(first)  # its webhook not delivered yet
    second = _session_of(client, booking_id)
    assert second != first
    assert stripe_driver.client().v1.checkout.sessions.retrieve(second).status == "open"
    orders = orders_of(app, booking_id)
    assert [(status, session) for _id, status, session, _r in orders] == [("cancelled", first), ("pending", second)]
    assert booking_status(app, booking_id) == "held"


def test_a_click_on_pay_after_paying_says_the_payment_is_on_its_way(app, client, auth, shop, desk, stripe_driver):
    """Paid at Stripe, its webhook not there yet: the member is told, not sent to a closed
    session (a redirect to nowhere) nor given another one to pay."""
    auth.login(shop["member"])
    booking_id = held_booking(client, desk)
    session_id = _session_of(client, booking_id)
    stripe_driver.pay(session_id)
    assert _pay_again(client, booking_id).endswith("/billing/")  # the payments page, with the message
    assert "Votre paiement est en cours de traitement" in client.get("/billing/").get_data(as_text=True)
    assert [(status, session) for _id, status, session, _r in orders_of(app, booking_id)] == [("pending", session_id)]


def test_pay_with_stripe_unreachable_says_so_and_keeps_the_hold(app, client, auth, shop, desk, stripe_driver):
    auth.login(shop["member"])
    booking_id = held_booking(client, desk)
    app.config["STRIPE_API_BASE"] = "http://127.0.0.1:9"  # nothing listens there
    assert _pay_again(client, booking_id).endswith("/billing/")
    assert "indisponible" in client.get("/billing/").get_data(as_text=True)
    assert booking_status(app, booking_id) == "held"
    app.config["STRIPE_API_BASE"] = stripe_driver.emulator.url  # back: the next click pays
    assert not _pay_again(client, booking_id).endswith("/billing/")  # to Stripe
    assert [status for _id, status, _s, _r in orders_of(app, booking_id)] == ["pending"]


def test_the_api_says_stripe_is_unreachable_not_that_the_booking_is_not_held(app, client, auth, shop, desk,
                                                                            api_token, stripe_driver):
    """The API answered every billing refusal as "not_held": with Stripe unreachable a client
    told its member to book again, while the booking was still held. And 503 was undocumented."""
    auth.login(shop["member"])
    booking_id = held_booking(client, desk)
    app.config["STRIPE_API_BASE"] = "http://127.0.0.1:9"  # nothing listens there
    headers = {"Authorization": f"Bearer {api_token(shop['member'])}"}
    reply = client.post(f"/api/v1/bookings/{booking_id}/checkout", headers=headers)
    assert (reply.status_code, reply.json["error"]["code"]) == (503, "payment_unavailable")
    assert booking_status(app, booking_id) == "held"
    documented = client.get("/api/v1/openapi.json").json["paths"]["/bookings/{booking_id}/checkout"]["post"]
    assert "503" in documented["responses"]
    app.config["STRIPE_API_BASE"] = stripe_driver.emulator.url
    assert client.post(f"/api/v1/bookings/{booking_id}/checkout", headers=headers).status_code == 201


def changes_booking(statement):
    return statement.lstrip().startswith("UPDATE booking_booking")


def paid_checkout_events(client, desk, stripe_driver):
    """A held booking paid at Stripe, its webhook not delivered yet: (booking id, the events)."""
    booking_id = held_booking(client, desk)
    assert stripe_driver.pay(_session_of(client, booking_id))[0] == 200
    return booking_id, [e for e in stripe_driver.events() if e[0]["type"] == "checkout.session.completed"]


def cancelled_while_fulfilled(app, stripe_driver, events, cancel):
    """Run `cancel()` and the delivery of the payment's `events` together, `cancel` held back
    before it locks an order until fulfilment holds the order (two seconds at most): what
    `cancel` returned, and the webhook's status."""
    role, order_locked = threading.local(), threading.Event()

    def before(_conn, _cursor, statement, *_args):
        if getattr(role, "name", None) == "cancel" and locks(statement, "billing_order"):
            order_locked.wait(2)

    def after(_conn, _cursor, statement, *_args):
        if getattr(role, "name", None) == "webhook" and locks(statement, "billing_order"):
            order_locked.set()

    def cancelling():
        role.name = "cancel"
        return cancel()

    def webhook():
        role.name = "webhook"
        return stripe_driver.deliver(app.test_client(), events)[0][1].status_code

    with watching_statements(app, before, after):
        return run_together(lambda call: call(), [cancelling, webhook])


def test_a_cancellation_while_the_payment_is_fulfilled_never_deadlocks(app, client, auth, shop, desk, stripe_driver):
    """The member cancels a held booking at the moment its payment's webhook is fulfilled. The
    cancellation locks the booking and then its order; fulfilment took the order and then the
    booking: on PostgreSQL each waited for the other until one was killed (a 500). Here the
    cancellation is held back just before it locks the order until fulfilment has locked it
    (at most two seconds): both now take the member's row first, so fulfilment waits at that
    lock, never reaches the order, and the cancellation goes on. Money is not kept: the
    payment is refunded on the cancelled booking."""
    auth.login(shop["member"])
    booking_id, events = paid_checkout_events(client, desk, stripe_driver)
    results = cancelled_while_fulfilled(app, stripe_driver, events,
                                        lambda: client.post(f"/booking/{booking_id}/cancel").status_code)
    assert results == [303, 200], results
    assert booking_status(app, booking_id) == "cancelled"
    [(_id, status, _session, refunded)] = orders_of(app, booking_id)
    assert status == "refunded" and refunded == 1500, orders_of(app, booking_id)


@pytest.mark.parametrize("lapse_by", ["sweep", "another_booking"])
def test_a_hold_lapsing_while_its_payment_is_fulfilled_never_deadlocks(app, client, auth, shop, desk, stripe_driver,
                                                                       make_user, lapse_by):
    """A paid hold's webhook arrives as the hold lapses: the sweep expires it, or another
    member books the slot and `store` frees it. Either changed the booking and then locked its
    order (`booking_cancelled`), while fulfilment locks the member, the order, then the
    booking: a deadlock on PostgreSQL. Here the webhook waits (at most two seconds) until the
    hold has changed, and the lapsing side waits before its order lock until the webhook holds
    the order. Both now take the hold's member first: the webhook waits at that lock, the hold
    lapses, and the late payment is refunded."""
    from plugins.booking.models import Booking
    from plugins.booking.sweep import expire_holds

    auth.login(shop["member"])
    booking_id, events = paid_checkout_events(client, desk, stripe_driver)
    with app.app_context():  # lapsed a minute ago
        db.session.execute(update(Booking).where(Booking.id == booking_id)
                           .values(hold_expires_at=utcnow() - timedelta(minutes=1)))
        db.session.commit()
    newcomer = app.test_client()
    Auth(newcomer).login(make_user())
    role, hold_changed, order_locked = threading.local(), threading.Event(), threading.Event()

    def before(_conn, _cursor, statement, *_args):
        name = getattr(role, "name", None)
        if name == "lapse" and locks(statement, "billing_order"):
            order_locked.wait(2)
        elif name == "webhook" and locks(statement, "user_account"):
            hold_changed.wait(2)

    def after(_conn, _cursor, statement, *_args):
        name = getattr(role, "name", None)
        if name == "lapse" and changes_booking(statement):
            hold_changed.set()
        elif name == "webhook" and locks(statement, "billing_order"):
            order_locked.set()

    def lapse():
        role.name = "lapse"
        if lapse_by == "another_booking":
            return book_day(newcomer, desk["figeac"]).status_code
        with app.app_context():
            count = expire_holds()
            db.session.commit()
            return count

    def webhook():
        role.name = "webhook"
        return stripe_driver.deliver(app.test_client(), events)[0][1].status_code

    with watching_statements(app, before, after):
        results = run_together(lambda call: call(), [lapse, webhook])
    [(_id, status, _session, refunded)] = orders_of(app, booking_id)
    lapsed = (303 if lapse_by == "another_booking" else 1, 200), "expired", "refunded", 1500
    with app.app_context():
        held_back = db.engine.dialect.name == "postgresql"
    if not held_back:  # SQLite sends no lock to hold back: its writers simply take turns
        paid_first = (409 if lapse_by == "another_booking" else 0, 200), "confirmed", "paid", 0
        assert (tuple(results), booking_status(app, booking_id), status, refunded) in (lapsed, paid_first)
        return
    assert (tuple(results), booking_status(app, booking_id), status, refunded) == lapsed


def test_an_approval_while_the_member_cancels_another_hold_never_deadlocks(app, client, auth, shop, desk,
                                                                         stripe_driver):
    """A manager approves a booking (now to be paid online) while its member cancels another
    hold waiting for payment, its checkout open. The approval moves the member's holds to one
    expiry, locking their orders; the cancellation changed its booking and then locks its
    order. Approving took no member lock: each waited for the other (PostgreSQL). Here the
    approval is held back before its order lock until the cancellation has changed its
    booking, and the cancellation before its own until the approval holds the order."""
    from tests.plugins.billing.test_billing_money_hardening import _approval_desk, _booked_id

    resource_id = _approval_desk(app)
    auth.login(shop["member"])
    paid_hold = held_booking(client, desk)
    _session_of(client, paid_hold)  # an open checkout: a pending order with its session
    approval = _booked_id(book_day(client, resource_id, day=next_tuesday() + timedelta(days=7)))
    manager = app.test_client()
    Auth(manager).login(shop["manager"])
    role, booking_changed, order_locked = threading.local(), threading.Event(), threading.Event()

    def before(_conn, _cursor, statement, *_args):
        name = getattr(role, "name", None)
        if name == "cancel" and locks(statement, "billing_order"):
            order_locked.wait(2)
        elif name == "approve" and locks(statement, "billing_order"):
            booking_changed.wait(2)

    def after(_conn, _cursor, statement, *_args):
        name = getattr(role, "name", None)
        if name == "cancel" and changes_booking(statement):
            booking_changed.set()
        elif name == "approve" and locks(statement, "billing_order"):
            order_locked.set()

    def cancel():
        role.name = "cancel"
        return client.post(f"/booking/{paid_hold}/cancel").status_code

    def approve():
        role.name = "approve"
        return manager.post(f"/booking/manage/figeac/bookings/{approval}/approve").status_code

    with watching_statements(app, before, after):
        results = run_together(lambda call: call(), [cancel, approve])
    assert results == [303, 303], results
    assert (booking_status(app, paid_hold), booking_status(app, approval)) == ("cancelled", "held")
    assert [status for _id, status, _s, _r in orders_of(app, paid_hold)] == ["cancelled"]
