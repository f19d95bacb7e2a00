"""Money and crashes: the success page's process dies while Stripe answers; a worker dies in
the middle of a refund. After a restart and a worker run: paid once, confirmed, refunded once."""
from __future__ import annotations

import time

import pytest
import requests
from sqlalchemy import select

from core.extensions import db
from core.jobs import Job
from plugins.billing.models import Invoice, Order
from plugins.booking import cancel_booking
from tests.crash.harness import HoldingProxy, free_port
from tests.crash.test_crashes import settings_of
from tests.plugins.billing.test_billing_bookings import hold_and_checkout, state

pytestmark = pytest.mark.slow


@pytest.fixture
def stripe_proxy(stripe_driver):
    port = int(stripe_driver.emulator.url.rsplit(":", 1)[1])
    proxy = HoldingProxy(port)
    yield proxy
    proxy.stop()


def _jobs(app, name):
    with app.app_context():
        statuses = db.session.scalars(select(Job.status).where(Job.name == name)).all()
        db.session.rollback()
        return statuses


def test_success_page_killed_while_stripe_answers_is_finished_by_a_worker(
        app, client, auth, shop, desk, stripe_driver, stripe_proxy, mail_server, processes):
    auth.login(shop["member"])
    booking_id, session_id = hold_and_checkout(client, desk)
    stripe_driver.pay(session_id)
    stripe_driver.events()  # the webhook is not delivered: Stripe's retries come too late here

    web = processes("web", settings_of(app, mail_server, STRIPE_API_BASE=stripe_proxy.url), free_port())
    browser = requests.Session()
    member = shop["member"]
    assert browser.post(f"{web.url}/login", data={"email": member.email, "password": member.password},
                        allow_redirects=False).status_code == 303
    stripe_proxy.hold.set()
    try:
        browser.get(f"{web.url}/billing/checkout/success", params={"session_id": session_id}, timeout=0.5)
    except requests.exceptions.ReadTimeout:
        pass
    assert stripe_proxy.held.wait(20)  # Stripe has answered; the page's process waits for it
    web.kill()

    status, _, order, invoices = state(app, booking_id)
    assert (status, order.status, invoices) == ("held", "pending", [])
    assert _jobs(app, "billing.fulfil_session") == ["running"]

    stripe_proxy.hold.clear()
    time.sleep(2.1)  # the dead process's lease runs out
    out = processes("worker-once", settings_of(app, mail_server)).finish()
    assert "done" in out, out
    status, _, order, invoices = state(app, booking_id)
    assert (status, order.status, invoices) == ("confirmed", "paid", [("invoice", 1500)])
    pdfs = [a.get_filename() for m in mail_server.messages for a in m.iter_attachments()
            if a.get_filename().endswith(".pdf")]
    assert len(pdfs) == 1
    assert set(_jobs(app, "billing.fulfil_session") + _jobs(app, "mail.send")) == {"done"}


def test_a_worker_killed_in_the_middle_of_a_refund_refunds_once(
        app, client, auth, shop, desk, stripe_driver, stripe_proxy, mail_server, processes):
    auth.login(shop["member"])
    booking_id, session_id = hold_and_checkout(client, desk)
    stripe_driver.pay(session_id)
    stripe_driver.deliver(client)
    assert state(app, booking_id)[0] == "confirmed"

    app.config["JOBS_RUN"] = "worker"  # from here on, only the worker processes run jobs
    with app.app_context():
        cancel_booking(booking_id, None, "manager")
        db.session.commit()
    settings = settings_of(app, mail_server, STRIPE_API_BASE=stripe_proxy.url)
    stripe_proxy.hold.set()
    worker = processes("worker", settings)
    assert stripe_proxy.held.wait(20)  # Stripe made the refund; the worker waits for the answer
    worker.kill()

    with app.app_context():
        order = db.session.scalar(select(Order).where(Order.booking_id == booking_id))
        note = db.session.scalar(select(Invoice).where(Invoice.order_id == order.id, Invoice.kind == "credit_note"))
        assert order.status == "refunded" and note is not None and note.stripe_refund_id is None
        payment_intent, note_id = order.stripe_payment_intent, note.id
        db.session.rollback()
    assert _jobs(app, "billing.refund_card") == ["running"]

    stripe_proxy.hold.clear()
    time.sleep(2.1)
    out = processes("worker-once", settings).finish()
    assert "done" in out, out
    refunds = stripe_driver.client().v1.refunds.list({"payment_intent": payment_intent}).data
    assert len(refunds) == 1 and refunds[0].amount == 1500
    with app.app_context():
        assert db.session.get(Invoice, note_id).stripe_refund_id == refunds[0].id
    assert _jobs(app, "billing.refund_card") == ["done"]
