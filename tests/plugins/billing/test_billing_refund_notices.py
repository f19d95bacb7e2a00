"""A manager's refund asks first (how much, and where it goes), and every refund is told to the
member once: by its own e-mail when it is made apart (a manager's, Stripe's dashboard), by the
cancellation's e-mail when it comes with one."""
from __future__ import annotations

import re

from sqlalchemy import select

from core.extensions import db
from plugins.billing.models import Invoice, Order
from plugins.booking.models import Booking
from test_billing_bookings import desk, paid_online  # noqa: F401 (fixture)
from test_billing_onsite import record

URL = "/billing/sites/figeac/manage/orders/{}/refund"


def plain(message) -> str:
    """The text, its spaces as one (money is written with a no-break space)."""
    return re.sub(r"\s+", " ", message.get_body(("plain",)).get_content())


def texts(mailbox, address, count):
    return [plain(m) for m in mailbox.wait_for(count) if m["To"] == address]


def refund_mails(mailbox, address):
    return [m for m in mailbox.messages if m["To"] == address and "avoir" in m["Subject"]]


def notes(app, order_id):
    with app.app_context():
        return [(n.reference, n.total_ttc_cents) for n in db.session.scalars(
            select(Invoice).where(Invoice.order_id == order_id, Invoice.kind == "credit_note"))]


def test_a_refund_by_hand_asks_first_then_refunds_and_mails_the_member(
        app, client, auth, shop, desk, stripe_driver, mailbox):  # noqa: F811
    _booking_id, order = paid_online(app, client, auth, shop["member"], desk, stripe_driver)
    auth.login(shop["manager"])
    mailbox.clear()
    asked = client.post(URL.format(order.id), data={"refund-amount": "", "refund-reason": "Wi-Fi en panne",
                                                    "refund-to": "card"})
    assert asked.status_code == 200
    html = re.sub(r"\s+", " ", asked.get_data(as_text=True))
    assert "Rembourser cette commande ?" in html
    assert "Remboursement : 15,00 € sur la carte utilisée pour payer." in html
    assert 'name="refund-amount" value="15.00"' in html and 'name="refund-confirmed" value="yes"' in html
    assert notes(app, order.id) == []  # asking refunded nothing
    with app.app_context():
        assert db.session.get(Order, order.id).refunded_cents == 0
    assert mailbox.wait_for(1, timeout=0.5) == []
    done = client.post(URL.format(order.id), data={"refund-amount": "15.00", "refund-reason": "Wi-Fi en panne",
                                                   "refund-to": "card", "refund-confirmed": "yes"})
    assert done.status_code == 303
    ((reference, cents),) = notes(app, order.id)
    assert cents == 1500
    (mail,) = refund_mails(mailbox, shop["member"].email) or [None]
    text = plain(mail)
    assert reference in mail["Subject"]
    assert "a effectué un remboursement sur votre commande" in text
    assert "Remboursement : 15,00 € sur la carte utilisée pour payer." in text
    assert "Motif indiqué : Wi-Fi en panne" in text and f"Avoir : {reference}" in text


def test_the_confirmation_says_days_of_credit_or_money_paid_back_by_the_team(app, client, auth, shop, mailbox):
    auth.login(shop["manager"])
    record(client, shop["member"].email, product="day_pass")
    with app.app_context():
        order_id = db.session.scalar(select(Order.id))
    as_credits = client.post(URL.format(order_id), data={"refund-reason": "fermé", "refund-to": "credits"})
    assert "Remboursement : 1 jour de crédit au lieu d’argent." in \
        re.sub(r"\s+", " ", as_credits.get_data(as_text=True))
    in_money = client.post(URL.format(order_id), data={"refund-amount": "5.00", "refund-reason": "fermé",
                                                       "refund-to": "card"})
    assert "Remboursement : 5,00 €, rendu par l’équipe du lieu (paiement fait sur place)." in \
        re.sub(r"\s+", " ", in_money.get_data(as_text=True))
    assert notes(app, order_id) == []
    too_much = client.post(URL.format(order_id), data={"refund-amount": "99.00", "refund-reason": "fermé",
                                                       "refund-to": "card"}, follow_redirects=True)
    assert "Le montant à rembourser" in too_much.get_data(as_text=True) and notes(app, order_id) == []
    client.post(URL.format(order_id), data={"refund-amount": "15.00", "refund-reason": "fermé",
                                            "refund-to": "credits", "refund-confirmed": "yes"})
    (mail,) = refund_mails(mailbox, shop["member"].email) or [None]
    assert "1 jour de crédit" in plain(mail)


def test_a_refund_made_in_stripe_dashboard_is_mailed_once(app, client, auth, shop, desk,  # noqa: F811
                                                          stripe_driver, mailbox):
    _booking_id, order = paid_online(app, client, auth, shop["member"], desk, stripe_driver)
    mailbox.clear()
    stripe_driver.client().v1.refunds.create({"payment_intent": order.stripe_payment_intent, "amount": 500})
    stripe_driver.deliver(client)
    ((reference, cents),) = notes(app, order.id)
    assert cents == 500
    mailbox.wait_for(1)
    (mail,) = refund_mails(mailbox, shop["member"].email) or [None]
    text = plain(mail)
    assert "Remboursement : 5,00 € sur la carte utilisée pour payer." in text and reference in text
    assert "Motif" not in text  # billing's own reason is for the books


def test_a_cancellation_mail_says_what_is_refunded_and_no_refund_mail_repeats_it(
        app, client, auth, shop, desk, stripe_driver, mailbox):  # noqa: F811
    booking_id, order = paid_online(app, client, auth, shop["member"], desk, stripe_driver)
    auth.login(shop["member"])
    mailbox.clear()
    client.post(f"/booking/{booking_id}/cancel")
    (text,) = [t for t in texts(mailbox, shop["member"].email, 1) if "annulée" in t or "annulé" in t]
    assert "Votre réservation est annulée." in text
    assert "Remboursement : 15,00 € sur la carte utilisée pour payer." in text
    assert "Le fichier joint retire cette réservation de votre calendrier." in text
    assert notes(app, order.id)[0][1] == 1500
    mailbox.wait_for(2, timeout=0.5)
    assert refund_mails(mailbox, shop["member"].email) == []  # the cancellation said it


def test_a_manager_cancelling_a_paid_booking_is_shown_the_refund_and_the_member_told_it(
        app, client, auth, shop, desk, stripe_driver, mailbox):  # noqa: F811
    booking_id, order = paid_online(app, client, auth, shop["member"], desk, stripe_driver)
    auth.login(shop["manager"])
    page = re.sub(r"\s+", " ", client.get(f"/booking/manage/figeac/bookings/{booking_id}/cancel").get_data(as_text=True))
    assert "Remboursement : 15,00 € sur la carte utilisée pour payer." in page
    with app.app_context():
        assert db.session.get(Booking, booking_id).status == "confirmed"
    assert notes(app, order.id) == []
    mailbox.clear()
    client.post(f"/booking/manage/figeac/bookings/{booking_id}/cancel", data={"reason": "Travaux"})
    (text,) = texts(mailbox, shop["member"].email, 1)
    assert "L’équipe de" in text and "a annulé votre réservation." in text and "Motif indiqué : Travaux" in text
    assert "Remboursement : 15,00 € sur la carte utilisée pour payer." in text
    assert notes(app, order.id)[0][1] == 1500
    mailbox.wait_for(2, timeout=0.5)
    assert refund_mails(mailbox, shop["member"].email) == []
