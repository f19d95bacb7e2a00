"""A day pass sold to a visitor passing through, paid on site: the page says how (an account,
the booking, then the payment), an unknown address says what to do, and a booking the manager
made for a member who pays is one click from recording the payment."""
from __future__ import annotations

import lxml.html
from sqlalchemy import select

from core.extensions import db
from plugins.booking.models import Booking
from test_billing_bookings import next_tuesday as next_weekday


def test_the_payments_page_says_a_visitor_needs_an_account_and_an_unknown_address_says_what_to_do(client, auth, shop):
    """The manager typed the visitor's address and got "No member has this e-mail address": a
    dead end, nothing said that the visitor had to sign up first, nor in which order to go on.
    The page now makes the visitor's account itself (tests/core/test_desk_visitors.py), and says
    that a pass recorded before the booking is not lost (test_billing_desk_passes.py)."""
    auth.login(shop["manager"])
    page = lxml.html.fromstring(client.get("/billing/sites/figeac/manage").get_data(as_text=True))
    help_text = " ".join(page.get_element_by_id("onsite-help").text_content().split())
    assert "Un visiteur sans compte : créez-le d'abord" in help_text
    assert "il devient un crédit de ce pass" in help_text and "Réservez avant ou après" in help_text
    assert page.xpath("//form[@action='/sites/figeac/visitors/new?next=/billing/sites/figeac/manage%23onsite-title']")
    answer = client.post("/billing/sites/figeac/manage/payments",
                         data={"pay-email": "visiteur@example.org", "pay-product": "day_pass", "pay-quantity": 1,
                               "pay-method": "cash"})
    assert answer.status_code == 422
    text = " ".join(lxml.html.fromstring(answer.get_data(as_text=True)).text_content().split())
    assert "Aucun membre n'a cette adresse e-mail. Créez d'abord le compte du visiteur" in text


def test_a_booking_made_for_a_paying_member_links_to_recording_its_payment_which_confirms_it(
        app, client, auth, shop, desk, stripe_driver):
    """The manager booked a desk for a visitor (held until paid online, the site taking Stripe):
    the day's row offered only
    "Cancel", and its status read "Waiting (payment or approval)". It now says whose payment it
    waits for and links to the payment form; recording the day pass there confirms it."""
    day = next_weekday()
    member = shop["member"]
    auth.login(shop["manager"])
    booked = client.post("/booking/manage/figeac/book", data={
        "member_email": member.email, "resource": desk["figeac"], "date": day.isoformat(), "period": "day"})
    assert booked.status_code == 303
    with app.app_context():
        booking = db.session.scalar(select(Booking).where(Booking.member_id == member.id))
        assert (booking.status, booking.hold_reason) == ("held", "payment")
    page = lxml.html.fromstring(client.get(f"/booking/manage/figeac?day={day}").get_data(as_text=True))
    row = page.xpath("//section[@aria-labelledby='arrivals-title']//tbody/tr")[0]
    assert "En attente du paiement du membre" in row.text_content()
    assert row.xpath(".//a[starts-with(normalize-space(.), 'Enregistrer le paiement')]/@href") == [
        "/billing/sites/figeac/manage#onsite-title"]
    paid = client.post("/billing/sites/figeac/manage/payments",
                       data={"pay-email": member.email, "pay-product": "day_pass", "pay-quantity": 1,
                             "pay-method": "cash"})
    assert paid.status_code == 303
    with app.app_context():
        assert db.session.get(Booking, booking.id).status == "confirmed"
