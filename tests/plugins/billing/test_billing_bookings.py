"""Day passes: booking asks billing who pays; a held booking is paid through Checkout, then
confirmed; an expired session frees the slot; a late payment is refunded; credits come first."""
from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from core.db import utcnow
from core.extensions import db
from core.timeutil import today_at
from plugins.billing import credits
from plugins.billing.models import Invoice, Order

booking = pytest.importorskip("plugins.booking.service")


def next_tuesday():
    from core.sites.service import is_public_holiday

    day = today_at("Europe/Paris") + timedelta(days=7)
    day += timedelta(days=(1 - day.weekday()) % 7)
    while is_public_holiday(day):
        day += timedelta(days=7)
    return day


@pytest.fixture
def desk(app, shop):
    """A desk at Figeac (online payment) and one at Aurillac (the test territory: on site only)."""
    from core.sites.service import site_by_slug
    from plugins.booking.resources import save_resource

    with app.app_context():
        ids = {slug: save_resource(site_by_slug(slug), None, kind="desk", name="Poste 1").id
               for slug in ("figeac", "aurillac")}
        db.session.commit()
    return ids


def book_day(client, resource_id, site="figeac", day=None):
    return client.post(f"/booking/sites/{site}/book",
                       data={"resource": resource_id, "date": (day or next_tuesday()).isoformat(), "period": "day"})


def hold_and_checkout(client, desk, day=None):
    response = book_day(client, desk["figeac"], day=day)
    assert response.status_code == 303 and "/billing/bookings/" in response.headers["Location"], response.headers
    pay_page = response.headers["Location"]
    booking_id = int(pay_page.rstrip("/").split("/")[-2])
    assert client.get(pay_page).status_code == 200
    started = client.post(pay_page)
    assert started.status_code == 303, started.get_data(as_text=True)[:300]
    return booking_id, started.headers["Location"].rsplit("/", 1)[-1]


def paid_online(app, client, auth, member, desk, stripe_driver, day=None) -> tuple[int, Order]:
    """A day pass `member` booked and paid online (signed out after): its booking's id, its order."""
    auth.login(member)
    booking_id, session_id = hold_and_checkout(client, desk, day=day)
    stripe_driver.pay(session_id)
    stripe_driver.deliver(client)
    auth.logout()
    with app.app_context():
        return booking_id, db.session.scalar(select(Order).where(Order.booking_id == booking_id))


def refund_by_hand(client, order_id, amount, to, site="figeac"):
    """The site manager's refund form (signed in as them)."""
    return client.post(f"/billing/sites/{site}/manage/orders/{order_id}/refund",
                       data={"refund-amount": amount, "refund-reason": "site closed", "refund-to": to,
                             "refund-confirmed": "yes"})


def invoice_pdfs(mailbox):
    """The invoice PDFs mailed (booking's own e-mails carry .ics files)."""
    return [a.get_filename() for m in mailbox.messages for a in m.iter_attachments()
            if a.get_filename().endswith(".pdf")]


def state(app, booking_id):
    from plugins.booking.models import Booking

    with app.app_context():
        row = db.session.get(Booking, booking_id)
        order = db.session.scalar(select(Order).where(Order.booking_id == booking_id).order_by(Order.id.desc()))
        invoices = db.session.scalars(select(Invoice).where(Invoice.order_id == order.id)
                                      .order_by(Invoice.id)).all() if order else []
        return row.status, row.hold_expires_at, order, [(i.kind, i.total_ttc_cents) for i in invoices]


def test_a_day_pass_is_held_paid_confirmed_invoiced_and_mailed(app, client, auth, shop, desk, stripe_driver, mailbox):
    auth.login(shop["member"])
    booking_id, session_id = hold_and_checkout(client, desk)
    status, hold_until, order, _ = state(app, booking_id)
    assert status == "held" and order.status == "pending" and hold_until == order.session_expires_at
    stripe_driver.pay(session_id)
    stripe_driver.deliver(client)
    status, _, order, invoices = state(app, booking_id)
    assert (status, order.status, invoices) == ("confirmed", "paid", [("invoice", 1500)])
    mailbox.wait_for(3)
    assert len(invoice_pdfs(mailbox)) == 1
    [confirmed] = [m for m in mailbox.to(shop["member"].email) if m["Subject"].startswith("Réservation confirmée")]
    assert [part.get_content_type() for part in confirmed.iter_attachments()] == ["text/calendar"]
    assert client.post(f"/booking/{booking_id}/cancel").status_code == 303  # and a cancellation is mailed too
    mailbox.wait_for(4)
    assert [m for m in mailbox.to(shop["member"].email) if m["Subject"].startswith("Réservation annulée")]


def test_two_concurrent_fulfilments_confirm_one_booking_with_one_invoice(app, client, auth, shop, desk,
                                                                          stripe_driver, mailbox):
    auth.login(shop["member"])
    booking_id, session_id = hold_and_checkout(client, desk)
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
    status, _, order, invoices = state(app, booking_id)
    assert status == "confirmed" and invoices == [("invoice", 1500)]
    mailbox.wait_for(4, timeout=1.0)
    assert len(invoice_pdfs(mailbox)) == 1


def test_an_expired_session_releases_the_slot_for_someone_else(app, client, auth, shop, desk, make_user,
                                                              stripe_driver):
    auth.login(shop["member"])
    booking_id, session_id = hold_and_checkout(client, desk)
    stripe_driver.expire(session_id)
    stripe_driver.deliver(client)
    status, _, order, invoices = state(app, booking_id)
    assert status in ("cancelled", "expired") and order.status == "expired" and invoices == []
    auth.logout()
    auth.login(make_user())
    assert "/billing/bookings/" in book_day(client, desk["figeac"]).headers["Location"]


def test_a_declined_card_leaves_nothing_confirmed(app, client, auth, shop, desk, stripe_driver):
    auth.login(shop["member"])
    booking_id, session_id = hold_and_checkout(client, desk)
    assert stripe_driver.pay(session_id, card="4000000000000002")[0] == 402
    stripe_driver.deliver(client)
    status, _, order, invoices = state(app, booking_id)
    assert (status, order.status, invoices) == ("held", "pending", [])


def test_a_payment_arriving_after_the_slot_was_lost_is_refunded_and_the_member_told(app, client, auth, shop, desk,
                                                                                   stripe_driver, mailbox):
    from plugins.booking.models import Booking

    auth.login(shop["member"])
    booking_id, session_id = hold_and_checkout(client, desk)
    with app.app_context():  # the hold lapses and the slot goes, while the session is still open
        booking.expire_holds_where(utcnow() + timedelta(days=1), Booking.id == booking_id)
        db.session.commit()
    stripe_driver.pay(session_id)
    stripe_driver.deliver(client)
    status, _, order, invoices = state(app, booking_id)
    assert status == "expired" and order.status == "refunded"
    assert invoices == [("invoice", 1500), ("credit_note", 1500)]
    refunds = stripe_driver.client().v1.refunds.list({"payment_intent": order.stripe_payment_intent})
    assert [r.amount for r in refunds.data] == [1500]
    subjects = [m["Subject"] for m in mailbox.wait_for(2) if m["To"] == shop["member"].email]
    assert any("rembours" in s.lower() or "refund" in s.lower() for s in subjects)


def test_credits_pay_a_booking_first_and_come_back_when_it_is_cancelled_in_time(app, client, auth, shop, desk):
    auth.login(shop["manager"])
    client.post("/billing/sites/figeac/manage/payments",
                data={"pay-email": shop["member"].email, "pay-product": "bundle_10", "pay-quantity": 1,
                      "pay-method": "cash"})
    auth.logout()
    auth.login(shop["member"])
    response = book_day(client, desk["figeac"])
    assert "/billing/" not in response.headers["Location"]  # confirmed at once
    booking_id = int(response.headers["Location"].rstrip("/").split("/")[-1])
    with app.app_context():
        assert credits.balance(shop["member"].id) == 9
    assert client.post(f"/booking/{booking_id}/cancel").status_code == 303
    with app.app_context():
        assert credits.balance(shop["member"].id) == 10


def test_at_a_site_paid_on_site_the_booking_is_confirmed_and_the_manager_records_the_payment(
        app, client, auth, shop, desk, make_user, stripe_driver):
    member = shop["member"]
    auth.login(member)
    response = book_day(client, desk["aurillac"], site="aurillac")
    assert "/billing/" not in response.headers["Location"]
    with app.app_context():
        order = db.session.scalar(select(Order).where(Order.method == "on_site"))
        assert order.status == "pending" and order.total_cents == 1200  # Aurillac's 10 € HT + VAT
        order_id = order.id
    assert _to_handle_on_the_day(app, order_id) == 1  # the front desk's badge counts it that day
    auth.logout()
    manager = make_user(role="site-manager", sites=["aurillac"])
    auth.login(manager)
    assert client.post(f"/billing/sites/aurillac/manage/orders/{order_id}/paid",
                       data={"paid-method": "cheque"}).status_code == 303
    with app.app_context():
        invoice = db.session.scalar(select(Invoice).where(Invoice.order_id == order_id))
        assert invoice.payment_method == "cheque" and invoice.total_ttc_cents == 1200
    assert _to_handle_on_the_day(app, order_id) == 0


def test_the_front_desk_badge_counts_what_is_owed_on_site_in_five_statements(
        app, client, auth, shop, desk, make_user):
    from devtools.queries import Queries
    from plugins.booking import desk as front_desk
    from plugins.booking.resources import save_resource
    from core.sites.service import site_by_slug

    with app.app_context():
        places = [desk["aurillac"]] + [save_resource(site_by_slug("aurillac"), None, kind="desk", name=f"Poste {n}").id
                                       for n in (2, 3)]
        db.session.commit()
    for place in places:
        auth.login(make_user())
        assert book_day(client, place, site="aurillac").status_code == 303
        auth.logout()
    with app.app_context():
        order_ids = db.session.scalars(select(Order.id).where(Order.method == "on_site").order_by(Order.id)).all()
    assert len(order_ids) == 3
    auth.login(shop["other_manager"])
    assert client.post(f"/billing/sites/aurillac/manage/orders/{order_ids[0]}/paid",
                       data={"paid-method": "cash"}).status_code == 303
    with app.test_request_context():
        site = site_by_slug("aurillac")
        front_desk.to_handle(site, next_tuesday())  # the cached site and module rows, read once
        with Queries(app) as queries:
            assert front_desk.to_handle(site, next_tuesday()) == 2  # the two not paid yet
        # The day's bookings (with their sites' hours), the paid orders, the paid baskets, approvals.
        assert queries.count <= 5, "\n".join(s[:90] for s in queries.statements)
        todays = front_desk.bookings_between(site, next_tuesday(), next_tuesday())
        assert len(front_desk.payments_due(site, todays)) == 2  # the sentences agree with the count


def _to_handle_on_the_day(app, order_id) -> int:
    from core.timeutil import utc_to_local
    from plugins.booking import desk
    from plugins.booking.models import Booking

    with app.test_request_context():
        booking = db.session.get(Booking, db.session.get(Order, order_id).booking_id)
        day = utc_to_local(booking.starts_at, booking.resource.site.timezone).date()
        return desk.to_handle(booking.resource.site, day)


def test_the_api_starts_the_checkout_of_a_held_booking(app, client, auth, shop, desk, stripe_driver):
    from core.accounts.models import User
    from core.api.tokens import create_token

    auth.login(shop["member"])
    response = book_day(client, desk["figeac"])
    booking_id = int(response.headers["Location"].rstrip("/").split("/")[-2])
    with app.app_context():
        token = create_token(db.session.get(User, shop["member"].id), "t")
        db.session.commit()
    reply = client.post(f"/api/v1/bookings/{booking_id}/checkout", headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 201 and reply.json["session_id"].startswith("cs_test_")
    assert reply.json["url"].endswith(reply.json["session_id"])


def test_cancelling_a_paid_day_pass_in_time_refunds_the_card_with_a_credit_note(app, client, auth, shop, desk,
                                                                               stripe_driver):
    auth.login(shop["member"])
    booking_id, session_id = hold_and_checkout(client, desk)
    stripe_driver.pay(session_id)
    stripe_driver.deliver(client)
    assert client.post(f"/booking/{booking_id}/cancel").status_code == 303
    status, _, order, invoices = state(app, booking_id)
    assert status == "cancelled" and order.status == "refunded"
    assert invoices == [("invoice", 1500), ("credit_note", 1500)]
    refunds = stripe_driver.client().v1.refunds.list({"payment_intent": order.stripe_payment_intent})
    assert [r.amount for r in refunds.data] == [1500]


@pytest.mark.parametrize("used", [False, True])
def test_money_refunded_in_stripe_for_days_given_as_credits_takes_the_days_back(app, client, auth, shop, desk,
                                                                               stripe_driver, used):
    """A day pass refunded as a day of credit, then refunded again in Stripe's dashboard: the
    webhook took the credits for money already recorded, and the member kept both. The money
    now pays the credits back: the day is taken back, or the audit says it was already used."""
    _booking_id, order = paid_online(app, client, auth, shop["member"], desk, stripe_driver)
    order_id, intent, site_id = order.id, order.stripe_payment_intent, order.site_id
    auth.login(shop["manager"])
    assert refund_by_hand(client, order_id, "15.00", "credits").status_code == 303
    with app.app_context():
        assert credits.balance(shop["member"].id) == 1
        if used:
            credits.consume(shop["member"].id, site_id, None)
            db.session.commit()
    stripe_driver.client().v1.refunds.create({"payment_intent": intent, "amount": 1500})
    replies = stripe_driver.deliver(client)
    assert [r.status_code for t, r in replies if t == "charge.refunded"] == [200]
    with app.app_context():
        assert credits.balance(shop["member"].id) == 0
        assert len(db.session.scalars(select(Invoice).where(Invoice.kind == "credit_note")).all()) == 1
        order = db.session.get(Order, order_id)
        assert (order.refunded_cents, order.credited_cents) == (1500, 0)
        from core.audit import AuditEntry

        entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "billing.credits_paid_back"))
        assert entry.details == {"amount_cents": 1500, "days": 1, "days_taken_back": 0 if used else 1}
    assert [r.json["effect"] for t, r in stripe_driver.deliver(client) if t == "charge.refunded"] == []


def test_an_order_refunded_as_credits_before_the_column_existed_counts_as_credited(app, client, auth, shop, desk,
                                                                                   stripe_driver):
    """billing 0004 adds what an order gave back as credits; the refunds made before it are
    found from their credit notes (no Stripe refund) and the order's refund credits."""
    import flask_migrate

    ids = {}
    for to in ("card", "credits"):  # the credit day would pay for the next booking
        day = next_tuesday() + timedelta(days=7 * len(ids))
        ids[to] = paid_online(app, client, auth, shop["member"], desk, stripe_driver, day=day)[1].id
        auth.login(shop["manager"])
        assert refund_by_hand(client, ids[to], "15.00", to).status_code == 303
        auth.logout()
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
        flask_migrate.downgrade(revision="0003_events_item_orders")
        flask_migrate.upgrade(revision="heads")
        assert {to: db.session.get(Order, order_id).credited_cents for to, order_id in ids.items()} == \
            {"credits": 1500, "card": 0}
        db.session.remove()
        db.engine.dispose()


def test_a_credit_day_paid_back_in_stripe_while_used_is_not_kept_once_its_booking_is_cancelled(
        app, client, auth, shop, desk, stripe_driver):
    """A day spent when Stripe paid its money back was not taken back; cancelling the booking
    that spent it (in time) then gave it back to its grant: the member kept the day and the money."""
    from plugins.booking.models import Booking

    member = shop["member"]
    _booking_id, order = paid_online(app, client, auth, member, desk, stripe_driver)
    order_id, intent = order.id, order.stripe_payment_intent
    auth.login(shop["manager"])
    assert refund_by_hand(client, order_id, "15.00", "credits").status_code == 303
    auth.logout()
    with app.app_context():
        assert credits.balance(member.id) == 1
    # The member spends the credit day on another booking.
    auth.login(member)
    later = next_tuesday() + timedelta(days=14)
    assert book_day(client, desk["figeac"], day=later).status_code == 303
    with app.app_context():
        assert credits.balance(member.id) == 0
        used_by = db.session.scalars(select(Booking.id).where(Booking.member_id == member.id)
                                     .order_by(Booking.id.desc())).first()
    # The site refunds the 15 EUR again in Stripe's dashboard: the day is in use, none taken back.
    stripe_driver.client().v1.refunds.create({"payment_intent": intent, "amount": 1500})
    stripe_driver.deliver(client)
    # The member cancels the booking that used the day, in time: the day comes back.
    assert client.post(f"/booking/{used_by}/cancel").status_code == 303
    with app.app_context():
        assert db.session.get(Booking, used_by).status == "cancelled"
        # 15 EUR refunded in money for that day, and the day is theirs again.
        assert credits.balance(member.id) == 0, "the member keeps a day whose money Stripe paid back"


def test_paying_back_one_of_two_credit_days_takes_the_unused_one_not_the_spent_one(
        app, client, auth, shop, desk, stripe_driver):
    from test_billing_basket import pay_basket

    """A basket of two days, both cancelled in time as credits: two grants of one day on the
    order. The member spends one; the site then pays one day (15 EUR) back in Stripe's
    dashboard. One day of the two must go: the unused one. The spent one was taken instead
    (its grant below zero), so the member keeps a day to spend, the day used, and 15 EUR."""
    configs = app.extensions["tierslieux"].configs
    configs["billing"] = configs["billing"].model_copy(update={"refund_policy": "credits"})
    member = shop["member"]
    auth.login(member)
    first = next_tuesday()
    ids = []
    for week in range(2):
        response = book_day(client, desk["figeac"], day=first + timedelta(days=7 * week))
        assert response.status_code == 303
        ids.append(int(response.headers["Location"].rstrip("/").split("/")[-2]))
    stripe_driver.pay(pay_basket(client))
    stripe_driver.deliver(client)
    for booking_id in ids:
        assert client.post(f"/booking/{booking_id}/cancel").status_code == 303
    with app.app_context():
        order = db.session.scalar(select(Order).where(Order.kind == "basket"))
        assert (order.refunded_cents, order.credited_cents) == (3000, 3000)
        assert credits.balance(member.id) == 2
    # One credit day spent on another booking (a day kept: never cancelled).
    assert book_day(client, desk["figeac"], day=first + timedelta(days=21)).status_code == 303
    with app.app_context():
        assert credits.balance(member.id) == 1
    # 15 EUR (one day's worth of those credits) paid back in Stripe's dashboard.
    stripe_driver.client().v1.refunds.create({"payment_intent": order.stripe_payment_intent, "amount": 1500})
    assert all(reply.status_code == 200 for _t, reply in stripe_driver.deliver(client))
    with app.app_context():
        # Two days credited, one paid back in money, one spent: nothing left to spend.
        assert credits.balance(member.id) == 0, "the unused day stays although its money was paid back"


def test_the_cancel_page_does_not_promise_back_a_day_whose_money_stripe_paid_back(
        app, client, auth, shop, desk, stripe_driver):
    """The commit's own scenario: a credit day spent, then its money paid back in Stripe's
    dashboard (the grant below zero). Cancelling that booking in time gives nothing back now,
    but the cancel page still tells the member "1 day of credit used is given back"
    (`refund_preview` and `booking_cancelled` are to agree: refunds.py)."""
    from plugins.booking.models import Booking

    member = shop["member"]
    _booking_id, order = paid_online(app, client, auth, member, desk, stripe_driver)
    auth.login(shop["manager"])
    assert refund_by_hand(client, order.id, "15.00", "credits").status_code == 303
    auth.logout()
    auth.login(member)
    assert book_day(client, desk["figeac"], day=next_tuesday() + timedelta(days=14)).status_code == 303
    with app.app_context():
        used_by = db.session.scalars(select(Booking.id).where(Booking.member_id == member.id)
                                     .order_by(Booking.id.desc())).first()
    stripe_driver.client().v1.refunds.create({"payment_intent": order.stripe_payment_intent, "amount": 1500})
    stripe_driver.deliver(client)
    page = client.get(f"/booking/{used_by}/cancel", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert client.post(f"/booking/{used_by}/cancel").status_code == 303
    with app.app_context():
        assert credits.balance(member.id) == 0  # nothing given back, as the commit wants
    assert "is given back" not in page, "the page promised a day of credit back; none came"


def test_a_paid_day_pass_on_a_day_the_site_closes_is_refunded_in_full_and_the_member_told(
        app, client, auth, shop, desk, stripe_driver, mailbox):
    """A closure is the site's cancellation: the card is refunded in full, with a credit note
    saying why, and the member's e-mail gives the closure's reason and what comes back."""
    from core.sites.service import add_closure, site_by_slug

    day = next_tuesday()
    booking_id, order = paid_online(app, client, auth, shop["member"], desk, stripe_driver, day=day)
    mailbox.clear()
    with app.app_context():
        add_closure(site_by_slug("figeac"), day, day, "coupure d'électricité", None)
        db.session.commit()
    status, _, order, invoices = state(app, booking_id)
    assert status == "cancelled" and order.status == "refunded"
    assert invoices == [("invoice", 1500), ("credit_note", 1500)]
    with app.app_context():
        note = db.session.scalar(select(Invoice).where(Invoice.order_id == order.id, Invoice.kind == "credit_note"))
        assert note.reason == "réservation annulée : le lieu est fermé ce jour-là"
    refunds = stripe_driver.client().v1.refunds.list({"payment_intent": order.stripe_payment_intent})
    assert [r.amount for r in refunds.data] == [1500]
    mailbox.wait_for(1)
    [cancelled] = [m for m in mailbox.to(shop["member"].email) if m["Subject"].startswith("Réservation annulée")]
    body = cancelled.get_body(preferencelist=("plain",)).get_content()
    assert "Motif indiqué : coupure d'électricité" in body
    assert "Remboursement : 15,00\u00a0€ sur la carte utilisée pour payer." in body


def test_a_booking_s_order_and_invoice_name_the_day_it_pays(app, client, auth, shop, desk, stripe_driver):
    """A basket's lines said "Pass journée — <day>", a single booking's order only "Pass journée":
    its invoice, its Stripe page and the success page did not say which day was paid."""
    from babel.dates import format_date

    from plugins.billing.models import Invoice

    day = next_tuesday()
    _booking_id, order = paid_online(app, client, auth, shop["member"], desk, stripe_driver, day=day)
    with app.app_context():
        invoice = db.session.scalar(select(Invoice).where(Invoice.order_id == order.id))
        label = invoice.lines[0]["label"]
    assert order.label == label == f"Pass journée — {format_date(day, 'medium', locale='fr')}", label


def test_a_manager_finds_the_payments_from_the_site_s_day(app, client, auth, shop, desk, stripe_driver):
    """Recording a payment at the desk was reachable only through Administration: the site's
    management menu had no link to it, and a booking held for its online payment (a member who
    pays at the desk instead) had none beside it on the day."""
    import lxml.html

    day = next_tuesday()
    auth.login(shop["member"])
    hold_and_checkout(client, desk, day=day)  # held until paid, its Checkout open
    auth.logout()
    auth.login(shop["manager"])
    tree = lxml.html.fromstring(client.get(f"/booking/manage/figeac?day={day}").get_data(as_text=True))
    menu = tree.xpath("//nav[@aria-label='Gestion du lieu']//a")
    assert any(a.text_content().strip() == "Paiements" and a.get("href") == "/billing/sites/figeac/manage"
               for a in menu), [a.text_content() for a in menu]
    assert tree.xpath("//main//a[starts-with(normalize-space(.), 'Enregistrer le paiement')]/@href") == [
        "/billing/sites/figeac/manage#orders-title"]


def test_a_new_booking_paid_on_site_opens_one_order_at_its_price_asking_each_question_once(
        app, client, auth, shop, desk):
    """The order of a booking paid on site costs what the booking's price said: the member's
    reduced rate is read once for both, and the order is opened without asking for the booking's
    open order (the booking is new in the transaction). A hold approved in the same transaction
    still gets no second order."""
    from core.accounts.models import User
    from core.sites.service import site_by_slug
    from devtools.queries import Queries
    from plugins.billing.models import ReducedRate
    from plugins.booking.models import Booking, Resource
    from plugins.booking.resources import save_resource
    from plugins.booking.slots import range_for

    member = shop["member"]
    with app.app_context():
        db.session.add(ReducedRate(member_id=member.id, category="job_seeker"))
        db.session.commit()
    auth.login(member)
    app.config["JOBS_RUN"] = "worker"  # the e-mail's job, which reads the amount due, runs elsewhere
    with Queries(app) as queries:
        assert book_day(client, desk["aurillac"], site="aurillac").status_code == 303
    # The booking's transaction, up to the order it opens (the page it redirects to reads more).
    transaction = queries.statements[:next(i for i, s in enumerate(queries.statements)
                                           if s.startswith("INSERT INTO billing_order"))]
    asked = [s for s in transaction if "billing_reduced_rate" in s or "FROM billing_order" in s]
    assert len(asked) == 1 and "billing_reduced_rate" in asked[0], asked
    with app.app_context():
        booked = db.session.scalar(select(Booking).where(Booking.resource_id == desk["aurillac"]))
        order = db.session.scalar(select(Order).where(Order.booking_id == booked.id))
        assert (booked.price_cents, order.unit_cents, order.status) == (800, 800, "pending")  # the reduced rate
    with app.test_request_context():
        site = site_by_slug("aurillac")
        place = save_resource(site, None, kind="office", name="Bureau 1", approval_required=True)
        starts_at, ends_at = range_for(site, next_tuesday(), "day")
        held = booking.book(db.session.get(Resource, place.id), db.session.get(User, member.id), starts_at, ends_at)
        assert (held.status, held.hold_reason, held.payer_reference) == ("held", "approval", "on_site")
        assert booking.approve(held.id, db.session.get(User, shop["other_manager"].id)).status == "confirmed"
        assert db.session.scalar(select(func.count()).select_from(Order).where(Order.booking_id == held.id)) == 1
