"""Paid events: a ticket sold through billing's public API (Stripe Checkout, the emulator), the
seat held until paid, confirmed by the webhook once (replays change nothing), released when the
payment page expires or is abandoned, refunded on cancellation by the documented rule; and the
last-seat race with paid seats."""
from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from core.accounts.models import User
from core.db import utcnow
from core.extensions import db
from core.jobs import Job, run_pending
from devtools.races import call_together
from plugins.billing.models import Invoice, Order, StripeEvent
from plugins.events import service
from plugins.events.errors import EventsError
from plugins.events.models import Event, Registration
from test_events_races import CLIENTS

PRICE = 1000  # 10,00 € excluding VAT: 12,00 € with 20 % VAT


def _register(client, event_id):
    """POST the member's registration; the session id when sent to the payment page."""
    response = client.post(f"/events/{event_id}/register")
    assert response.status_code == 303, response.get_data(as_text=True)[:300]
    location = response.headers["Location"]
    return location.rsplit("/", 1)[-1] if "/events/" not in location else None


def _registration(app, event_id, email):
    with app.app_context():
        row = db.session.scalar(select(Registration).where(Registration.event_id == event_id,
                                                           Registration.email == email))
        db.session.expunge(row)
        return row


def _seats(app, event_id):
    with app.app_context():
        return db.session.get(Event, event_id).seats_taken


def _count(app, model, *where):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_a_paid_ticket_holds_the_seat_is_confirmed_by_the_webhook_and_invoiced_with_the_event(
        app, client, auth, stripe_driver, make_user, make_event, mailbox):
    event_id = make_event(capacity=5, price_cents=PRICE, title="Atelier comptabilité")
    page = client.get(f"/events/{event_id}").get_data(as_text=True)
    assert "12,00" in page and "Gratuit" not in page  # the price with VAT, to everyone
    member = make_user()
    auth.login(member)
    session_id = _register(client, event_id)
    assert session_id, "the member is sent to the payment page"
    held = _registration(app, event_id, member.email)
    assert held.status == "held" and held.order_id is not None and _seats(app, event_id) == 1
    assert held.hold_expires_at > utcnow() + timedelta(minutes=30)  # as long as the page can be paid
    assert f"/events/{event_id}/pay" in client.get(f"/events/{event_id}").get_data(as_text=True)

    assert stripe_driver.pay(session_id)[0] == 200
    replies = stripe_driver.deliver(client)
    assert ("checkout.session.completed", 200) in [(t, r.status_code) for t, r in replies]
    registration = _registration(app, event_id, member.email)
    assert registration.status == "confirmed" and registration.hold_expires_at is None
    with app.app_context():
        order = db.session.get(Order, registration.order_id)
        assert (order.status, order.kind, order.seller, order.total_cents) == ("paid", "item", "events", 1200)
        invoice = db.session.scalar(select(Invoice).where(Invoice.order_id == order.id))
        event = db.session.get(Event, event_id)
        line = invoice.lines[0]["label"]
        assert "Atelier comptabilité" in line and "Télécentre de Figeac" in line
        assert invoice.total_ttc_cents == 1200 and invoice.total_vat_cents == 200
        assert invoice.service_date == event.starts_at.astimezone(ZoneInfo("Europe/Paris")).date()
    messages = mailbox.wait_for(2)
    subjects = [m["Subject"] for m in mailbox.to(member.email)]
    assert len(messages) == 2 and any("inscrit" in s.lower() for s in subjects), subjects
    assert any(a.get_filename().endswith(".ics") for m in messages for a in m.iter_attachments())
    assert _seats(app, event_id) == 1


def test_a_replayed_webhook_and_the_success_page_confirm_and_invoice_once(
        app, client, auth, stripe_driver, make_user, make_event, mailbox):
    event_id = make_event(capacity=5, price_cents=PRICE)
    member = make_user()
    auth.login(member)
    session_id = _register(client, event_id)
    stripe_driver.pay(session_id)
    events = stripe_driver.events()
    stripe_driver.deliver(client, events)
    replies = stripe_driver.deliver(client, events, only=("checkout.session.completed",))
    assert replies and all(r.json["effect"] == "replay" for _t, r in replies)
    assert client.get(f"/billing/checkout/success?session_id={session_id}").status_code == 200  # fulfils again: no-op
    assert _count(app, Invoice) == 1 and _count(app, Order, Order.status == "paid") == 1
    assert _registration(app, event_id, member.email).status == "confirmed" and _seats(app, event_id) == 1
    assert len(mailbox.wait_for(3, timeout=0.5)) == 2  # one confirmation, one invoice
    assert _count(app, StripeEvent, StripeEvent.type == "checkout.session.completed") == 1


def test_an_expired_payment_page_releases_the_seat_to_the_waitlist(
        app, client, auth, stripe_driver, make_user, make_event, mailbox):
    event_id = make_event(capacity=1, price_cents=PRICE)
    first, second = make_user(), make_user()
    auth.login(first)
    session_id = _register(client, event_id)
    auth.logout()
    auth.login(second)
    assert _register(client, event_id) is None  # full: the waitlist, no payment
    assert _registration(app, event_id, second.email).status == "waiting"
    stripe_driver.expire(session_id)
    replies = stripe_driver.deliver(client)
    assert [r.json["effect"] for t, r in replies if t == "checkout.session.expired"] == ["order expired"]
    assert _registration(app, event_id, first.email).status == "cancelled"
    offered = _registration(app, event_id, second.email)
    assert offered.status == "held" and offered.hold_expires_at > utcnow() + timedelta(hours=23)  # offered a day
    assert _seats(app, event_id) == 1
    mailbox.wait_for(1)
    assert any("place" in m["Subject"].lower() for m in mailbox.to(second.email))
    # The one offered opens the payment page and leaves it: its expiry (half an hour later) gave
    # the seat to the next one, though the offer mail promised it for a day. It stays held.
    left = client.post(f"/events/{event_id}/pay")
    stripe_driver.expire(left.headers["Location"].rsplit("/", 1)[-1])
    stripe_driver.deliver(client)
    assert _registration(app, event_id, second.email).status == "held"
    # And pays from the event's page.
    response = client.post(f"/events/{event_id}/pay")
    assert response.status_code == 303 and "/events/" not in response.headers["Location"]
    stripe_driver.pay(response.headers["Location"].rsplit("/", 1)[-1])
    stripe_driver.deliver(client)
    assert _registration(app, event_id, second.email).status == "confirmed"


def test_an_abandoned_or_crashed_checkout_releases_the_seat_when_its_hold_lapses(
        app, client, auth, stripe_driver, make_user, make_event):
    event_id = make_event(capacity=1, price_cents=PRICE)
    member, other = make_user(), make_user()
    auth.login(member)
    # Stripe unreachable when the payment page is asked for: no 500, the seat held a quarter of an hour.
    emulator = app.config["STRIPE_API_BASE"]
    app.config["STRIPE_API_BASE"] = "http://127.0.0.1:9"
    response = client.post(f"/events/{event_id}/register")
    app.config["STRIPE_API_BASE"] = emulator
    assert response.status_code == 303 and response.headers["Location"].endswith(f"/events/{event_id}")
    held = _registration(app, event_id, member.email)
    assert held.status == "held" and held.hold_expires_at < utcnow() + timedelta(minutes=16)
    # The member comes back, opens the payment page, and leaves it (abandons).
    session_id = client.post(f"/events/{event_id}/pay").headers["Location"].rsplit("/", 1)[-1]
    assert session_id.startswith("cs_")
    auth.logout()
    with app.app_context():  # the hold lapses: its release job comes due
        held = db.session.get(Registration, held.id)
        jobs = db.session.scalars(select(Job).where(Job.name == service.RELEASE_JOB, Job.status == "pending")).all()
        assert any(j.run_at == held.hold_expires_at for j in jobs)
        for job in jobs:
            job.run_at = utcnow() - timedelta(seconds=1)
        held.hold_expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
        run_pending(names=[service.RELEASE_JOB])
        run_pending()  # closing the payment page at Stripe
    assert _registration(app, event_id, member.email).status == "cancelled" and _seats(app, event_id) == 0
    with app.app_context():
        assert db.session.scalar(select(Order.status).where(Order.stripe_session_id == session_id)) == "cancelled"
    assert stripe_driver.pay(session_id)[0] != 200  # the page can no longer be paid
    auth.login(other)
    assert _register(client, event_id)  # the seat is for someone else now


def test_a_late_payment_for_a_released_seat_is_refunded(app, client, auth, stripe_driver, make_user, make_event):
    event_id = make_event(capacity=1, price_cents=PRICE)
    member = make_user()
    auth.login(member)
    session_id = _register(client, event_id)
    registration = _registration(app, event_id, member.email)
    with app.app_context():  # released in the same instant Stripe takes the money (its page not closed yet)
        row = db.session.get(Registration, registration.id)
        service.release(row)
        db.session.query(Order).filter(Order.stripe_session_id == session_id).update({"status": "pending"})
        db.session.query(Job).filter(Job.name == "billing.expire_session").delete()
        db.session.commit()
    stripe_driver.pay(session_id)
    stripe_driver.deliver(client)
    with app.app_context():
        order = db.session.scalar(select(Order).where(Order.stripe_session_id == session_id))
        assert order.status == "refunded" and order.refunded_cents == 1200
        assert db.session.scalar(select(func.count()).select_from(Invoice).where(Invoice.kind == "credit_note")) == 1
    assert _registration(app, event_id, member.email).status == "cancelled" and _seats(app, event_id) == 0


def _paid_registration(app, client, auth, stripe_driver, make_user, event_id):
    member = make_user()
    auth.login(member)
    stripe_driver.pay(_register(client, event_id))
    stripe_driver.deliver(client)
    registration = _registration(app, event_id, member.email)
    assert registration.status == "confirmed"
    return member, registration


def test_cancelling_in_time_refunds_the_ticket_late_does_not(app, client, auth, stripe_driver, make_user, make_event):
    early = make_event(capacity=3, price_cents=PRICE, days=7)
    member, registration = _paid_registration(app, client, auth, stripe_driver, make_user, early)
    response = client.post(f"/events/r/{registration.token}/cancel", follow_redirects=True)
    assert "remboursé" in response.get_data(as_text=True)
    with app.app_context():
        order = db.session.get(Order, registration.order_id)
        assert order.status == "refunded" and order.refunded_cents == 1200
        assert db.session.scalar(select(Job.status).where(Job.name == "billing.refund_card")) == "done"
    assert _seats(app, early) == 0

    auth.logout()
    late = make_event(capacity=3, price_cents=PRICE, days=3)
    member, registration = _paid_registration(app, client, auth, stripe_driver, make_user, late)
    with app.test_request_context():
        row = db.session.get(Registration, registration.id)
        within = row.event.starts_at - timedelta(hours=23)  # the notice is 24 hours
        assert service.cancel_registration(row, now=within).refunded_cents == 0
        db.session.commit()
    with app.app_context():
        assert db.session.get(Order, registration.order_id).status == "paid"  # within the notice: kept
        assert db.session.get(Registration, registration.id).status == "cancelled"
    assert _seats(app, late) == 0


def test_a_ticket_cancelled_too_late_for_a_refund_still_stands_when_its_member_registers_again(
        app, client, auth, stripe_driver, make_user, make_event, mailbox):
    """Paid, cancelled within the notice (no refund), then registered again: billing refused a
    second order for the same ticket ("paid already") and each try held a seat for nothing. The
    payment kept still pays for the seat: it is confirmed at once, with nothing more to pay."""
    late = make_event(capacity=3, price_cents=PRICE, days=3)
    member, registration = _paid_registration(app, client, auth, stripe_driver, make_user, late)
    with app.test_request_context():
        row = db.session.get(Registration, registration.id)
        service.cancel_registration(row, now=row.event.starts_at - timedelta(hours=23))
        db.session.commit()
    assert _seats(app, late) == 0
    mailbox.clear()
    assert client.post(f"/events/{late}/register").status_code == 303
    assert len(mailbox.wait_for(2, timeout=1)) == 1  # "you are registered", once
    again = _registration(app, late, member.email)
    assert (again.status, again.order_id) == ("confirmed", registration.order_id)
    assert _seats(app, late) == 1
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Order)) == 1  # nothing more to pay


def test_an_event_cancelled_by_its_organiser_refunds_every_ticket_and_closes_open_payments(
        app, client, auth, world, stripe_driver, make_user, make_event):
    event_id = make_event(capacity=3, price_cents=PRICE)
    _member, paid = _paid_registration(app, client, auth, stripe_driver, make_user, event_id)
    auth.logout()
    holder = make_user()
    auth.login(holder)
    open_session = _register(client, event_id)
    auth.logout()
    auth.login(world.manager)
    assert client.post(f"/events/manage/{event_id}/cancel").status_code == 303
    with app.app_context():
        assert db.session.get(Order, paid.order_id).status == "refunded"
        assert db.session.scalar(select(Order.status).where(Order.stripe_session_id == open_session)) == "cancelled"


def test_a_full_refund_made_in_billing_cancels_the_registration(
        app, client, auth, world, stripe_driver, make_user, make_event):
    event_id = make_event(capacity=2, price_cents=PRICE)
    _member, registration = _paid_registration(app, client, auth, stripe_driver, make_user, event_id)
    with app.app_context():
        from plugins.billing.refunds import refund

        refund(db.session.get(Order, registration.order_id), None, "geste commercial")
        db.session.commit()
    assert _registration(app, event_id, registration.email).status == "cancelled" and _seats(app, event_id) == 0


@pytest.mark.parametrize("price", ["sNaN", "NaN", "Infinity", "1e999999999", "12,345", "-1"])
def test_a_price_that_is_not_an_amount_is_refused_on_the_form(app, client, auth, world, stripe_driver, price):
    auth.login(world.manager)
    with app.app_context():
        from core.sites.service import site_by_slug

        site_id = site_by_slug("figeac").id
    assert 'name="price"' in client.get("/events/manage/new").get_data(as_text=True)
    data = {"title": "Atelier payant", "place": str(site_id), "day": (utcnow() + timedelta(days=3)).date().isoformat(),
            "starts": "09:00", "ends": "11:00", "capacity": "5", "audience": "public", "partner": "0", "room": "0",
            "price": price}
    assert client.post("/events/manage/new", data=data).status_code == 422
    data["price"] = "12,50"  # a decimal comma is what French speakers type
    assert client.post("/events/manage/new", data=data).status_code == 303
    with app.app_context():
        assert db.session.scalar(select(Event.price_cents).where(Event.title == "Atelier payant")) == 1250


def test_visitors_sign_in_for_a_paid_event_and_a_site_without_online_payment_cannot_sell(
        app, client, auth, world, stripe_driver, make_event):
    event_id = make_event(price_cents=PRICE)
    visitor = {"name": "Léa", "email": "lea@example.org"}
    assert client.post(f"/events/{event_id}/visitor", data=visitor).status_code == 403
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Registration)) == 0
    app.config["STRIPE_SECRET_KEY"] = ""  # no online payment: no price asked, a paid event refused
    auth.login(world.manager)
    assert 'name="price"' not in client.get("/events/manage/new").get_data(as_text=True)
    with pytest.raises(EventsError):
        make_event(price_cents=PRICE, title="Atelier payant")
    with app.app_context():
        assert db.session.scalar(select(Event).where(Event.title == "Atelier payant")) is None


def test_twenty_parallel_registrations_for_the_last_paid_seat_hold_one_and_waitlist_the_rest(
        app, app_factory, client, auth, stripe_driver, make_user, make_event):
    racing = app_factory(JOBS_RUN="worker", STRIPE_SECRET_KEY=app.config["STRIPE_SECRET_KEY"],
                         STRIPE_API_BASE=app.config["STRIPE_API_BASE"])
    event_id = make_event(capacity=2, price_cents=PRICE)
    early = make_user()
    auth.login(early)
    stripe_driver.pay(_register(client, event_id))  # one seat left
    stripe_driver.deliver(client)
    people = [make_user() for _ in range(CLIENTS)]

    def register(person_id):
        def call():
            with racing.test_request_context(method="POST"):
                event = db.session.get(Event, event_id)
                registration = service.register_member(event, db.session.get(User, person_id))
                db.session.commit()
                status = registration.status
                db.session.remove()
                return status
        return call

    results = call_together([register(p.id) for p in people])
    assert sorted(results, key=str) == ["held"] + ["waiting"] * (CLIENTS - 1), results
    with app.app_context():
        event = db.session.get(Event, event_id)
        assert event.seats_taken == event.capacity == 2
        statuses = dict(db.session.execute(select(Registration.status, func.count()).where(
            Registration.event_id == event_id).group_by(Registration.status)).all())
        assert statuses == {"confirmed": 1, "held": 1, "waiting": CLIENTS - 1}


def test_reports_count_confirmed_seats_apart_from_held_ones_and_the_ticket_revenue(
        app, client, auth, world, runner, stripe_driver, make_user, make_event):
    """Registered: confirmed seats only; a seat held while its ticket is being paid is shown on
    its own. Ticket revenue: invoiced excluding VAT minus refunds, per event and per site, asked
    of billing's public API; no column for it while billing is off."""
    workshop = make_event(capacity=5, price_cents=PRICE, title="Atelier comptabilité")
    day = make_event(capacity=5, price_cents=PRICE, title="Journée d'information", days=8)
    _paid_registration(app, client, auth, stripe_driver, make_user, workshop)  # 10,00 € HT
    _member, refunded = _paid_registration(app, client, auth, stripe_driver, make_user, workshop)
    assert client.post(f"/events/r/{refunded.token}/cancel").status_code == 303  # in time: refunded in full
    auth.login(make_user())
    assert _register(client, workshop)  # sent to pay, never pays: a held seat
    _paid_registration(app, client, auth, stripe_driver, make_user, day)
    auth.login(world.manager)
    en = {"Accept-Language": "en"}
    header, *rows = client.get("/events/manage/reports?format=csv", headers=en).get_data(as_text=True).splitlines()
    assert header.split(",")[4:] == ["Registered", "Awaiting payment", "Waitlist", "Cancellations", "Present",
                                     "No-shows", "Not recorded", "Ticket revenue excluding VAT"]
    by_title = {row.split(",")[0]: row.split(",")[4:] for row in rows}
    assert by_title["Atelier comptabilité"] == ["1", "1", "0", "1", "0", "0", "1", "10.00"]
    assert by_title["Journée d'information"] == ["1", "0", "0", "0", "0", "0", "1", "10.00"]
    site_csv = client.get("/events/manage/reports?format=csv&by=site", headers=en).get_data(as_text=True)
    assert site_csv.splitlines()[1] == "Télécentre de Figeac,2,2,1,0,1,0,0,2,20.00"
    page = client.get("/events/manage/reports").get_data(as_text=True)
    assert "En attente de paiement" in page and "Recettes des billets HT" in page and "20,00" in page
    assert runner.invoke(args=["modules", "disable", "billing"]).exit_code == 0
    header = client.get("/events/manage/reports?format=csv", headers=en).get_data(as_text=True).splitlines()[0]
    assert header.endswith("Not recorded")
    assert "Recettes des billets HT" not in client.get("/events/manage/reports").get_data(as_text=True)


def test_cancelling_a_held_ticket_while_its_payment_is_fulfilled_never_deadlocks(
        app, client, auth, stripe_driver, make_user, make_event):
    """A member cancels a ticket held for payment at the moment Stripe's webhook says it is
    paid. The cancellation changed the registration and then closed its order; fulfilment
    locks the member, the order, then the registration: on PostgreSQL each waited for the
    other. Here the cancellation is held back before its order lock until fulfilment holds
    the order (at most two seconds). The cancellation now takes the member first, fulfilment
    waits there, and the late payment is refunded."""
    from tests.plugins.billing.test_billing_checkout_races import cancelled_while_fulfilled

    event_id = make_event(capacity=3, price_cents=PRICE, days=7)
    member = make_user()
    auth.login(member)
    assert stripe_driver.pay(_register(client, event_id))[0] == 200
    events = [e for e in stripe_driver.events() if e[0]["type"] == "checkout.session.completed"]
    registration = _registration(app, event_id, member.email)
    assert registration.status == "held"
    results = cancelled_while_fulfilled(app, stripe_driver, events,
                                        lambda: client.post(f"/events/r/{registration.token}/cancel").status_code)
    assert results == [303, 200], results
    assert _registration(app, event_id, member.email).status == "cancelled"
    with app.app_context():
        order = db.session.scalar(select(Order).where(Order.member_id == member.id))
        assert (order.status, order.refunded_cents) == ("refunded", 1200)
    assert _seats(app, event_id) == 0


def test_a_ticket_bought_in_english_is_invoiced_in_french(app, client, auth, stripe_driver, make_user, make_event):
    """The ticket's line was written in the buyer's language, its date too, and printed so on
    the French invoice ("Ticket: ..., Tuesday, December 8, 2026, 09:30, ...")."""
    event_id = make_event(capacity=5, price_cents=1000, title="Atelier comptabilité")
    auth.login(make_user(locale="en"))
    response = client.post(f"/events/{event_id}/register")
    assert response.status_code == 303
    assert stripe_driver.pay(response.headers["Location"].rsplit("/", 1)[-1])[0] == 200
    stripe_driver.deliver(client)
    with app.app_context():
        order_id = db.session.scalar(select(Registration.order_id).where(Registration.event_id == event_id))
        line = db.session.scalar(select(Invoice).where(Invoice.order_id == order_id)).lines[0]["label"]
    assert line.startswith("Billet : Atelier comptabilité") and "day" not in line, line


def test_erasing_an_account_within_the_notice_does_not_refund_an_event_ticket(
        app, client, auth, stripe_driver, make_user, make_event):
    """A booking starting within billing's notice is no longer refunded when its member erases
    their account (the late rule of their own cancellation). A paid event's ticket, under the
    same notice, still is, in full: cancelling it themselves gets nothing back, erasing the
    account gets the money back (even during the event)."""
    event_id = make_event(capacity=3, price_cents=1000, days=3)
    member = make_user()
    auth.login(member)
    response = client.post(f"/events/{event_id}/register")
    stripe_driver.pay(response.headers["Location"].rsplit("/", 1)[-1])
    stripe_driver.deliver(client)
    auth.logout()
    with app.test_request_context():
        from core.accounts.models import User
        from plugins.billing.models import Order

        row = db.session.scalar(db.select(Registration).where(Registration.event_id == event_id))
        assert row.status == "confirmed"
        order_id = row.order_id
        within = row.event.starts_at - timedelta(hours=23)  # the notice is 24 hours
        service.erase(db.session.get(User, member.id), now=within)  # as the erasure does
        db.session.commit()
    with app.app_context():
        from plugins.billing.models import Order

        order = db.session.get(Order, order_id)
        assert (order.status, order.refunded_cents) == ("paid", 0), "refunded in full by erasing the account"


def test_the_refund_notice_on_a_paid_events_page_has_its_plural(app, client, auth, stripe_driver, make_user,
                                                                make_event):
    """Said with gettext, a notice of one hour read "au moins 1 heures avant le début"."""
    event_id = make_event(capacity=5, price_cents=PRICE)
    auth.login(make_user())
    configs = app.extensions["tierslieux"].configs
    for hours, said in ((1, "annulé au moins 1 heure avant le début"), (48, "annulé au moins 48 heures avant le début")):
        configs["billing"] = configs["billing"].model_copy(update={"cancel_notice_hours": hours})
        page = client.get(f"/events/{event_id}", headers={"Accept-Language": "fr"}).get_data(as_text=True)
        assert said in page
