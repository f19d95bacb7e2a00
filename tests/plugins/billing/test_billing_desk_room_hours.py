"""Room hours recorded at the desk with no room booking to pay: invoiced and paid for nothing
(a pass kept for later becomes a credit, but there is no credit of hours), and the room, booked
afterwards, asked for payment again. The desk now pays the room booking waiting for those
hours, or refuses beside the form, nothing stored: book the room first, or record the hours
its booking waits for."""
from __future__ import annotations

import lxml.html
import pytest
from sqlalchemy import func, select

from core.extensions import db
from plugins.billing.config import Product
from plugins.billing.models import Invoice, Order

pytest.importorskip("plugins.booking.service")

from tests.plugins.billing.test_billing_bookings import next_tuesday  # noqa: E402
from tests.plugins.billing.test_billing_desk_passes import booked, flashed, form_key, record  # noqa: E402


@pytest.fixture
def room(app, shop):
    """A meeting room at Figeac, sold by the hour (the test territory books rooms for free)."""
    from core.sites.service import site_by_slug
    from plugins.booking.resources import save_resource

    configs = app.extensions["tierslieux"].configs
    hour = Product(kind="room_hour", label_fr="Salle de réunion (l'heure)", label_en="Meeting room (per hour)",
                   price_cents=2000)
    configs["billing"] = configs["billing"].model_copy(
        update={"free": [], "products": {**configs["billing"].products, "room_hour": hour}})
    with app.app_context():
        room_id = save_resource(site_by_slug("figeac"), None, kind="room", name="Salle Champollion").id
        db.session.commit()
    return room_id


def book_room(client, room, start="10:00", end="12:00"):
    return client.post("/booking/sites/figeac/book", data={"resource": room, "date": next_tuesday().isoformat(),
                                                            "period": "hours", "start": start, "end": end})


def orders(app, member_id):
    with app.app_context():
        rows = [(o.product_code, o.quantity, o.status, o.booking_id is not None)
                for o in db.session.scalars(select(Order).where(Order.member_id == member_id).order_by(Order.id))]
        invoices = db.session.scalar(select(func.count()).select_from(Invoice).where(Invoice.member_id == member_id))
        return rows, invoices


def field_error(response, name) -> str:
    page = lxml.html.fromstring(response.get_data(as_text=True))
    [error] = page.xpath(f"//*[@id='pay-{name}-error']")
    return " ".join(error.text_content().split())


def test_room_hours_with_no_room_booking_are_refused_beside_the_form_and_nothing_is_stored(
        app, client, auth, shop, room, mailbox):
    member = shop["member"]
    auth.login(shop["manager"])
    refused = record(client, member.email, product="room_hour", quantity=2, key=form_key(client))
    assert refused.status_code == 422
    assert "Aucune réservation de salle de" in field_error(refused, "product")
    assert "réservez d'abord la salle" in field_error(refused, "product")
    page = lxml.html.fromstring(refused.get_data(as_text=True))
    assert page.xpath("//input[@name='pay-email']/@value") == [member.email]  # what was typed, kept
    assert orders(app, member.id) == ([], 0)
    assert mailbox.wait_for(1, timeout=0.5) == []


def test_room_hours_in_english_say_to_book_the_room_first(app, client, auth, shop, room, make_user):
    auth.login(make_user(role="site-manager", sites=["figeac"], locale="en"))
    refused = record(client, shop["member"].email, product="room_hour", quantity=1, key=form_key(client))
    assert refused.status_code == 422
    assert "book the room for" in field_error(refused, "product")


def test_room_hours_pay_the_room_booking_held_for_its_payment(app, client, auth, shop, room, stripe_driver):
    member = shop["member"]
    auth.login(member)
    held = book_room(client, room)
    assert "/billing/bookings/" in held.headers["Location"]  # held for its online payment
    booking_id = int(held.headers["Location"].rstrip("/").split("/")[-2])
    auth.logout()
    auth.login(shop["manager"])
    wrong = record(client, member.email, product="room_hour", quantity=3, key=form_key(client))
    assert wrong.status_code == 422
    assert "attend 2 heures : enregistrez 2 heures pour elle" in field_error(wrong, "quantity")
    assert orders(app, member.id) == ([], 0)
    paid = record(client, member.email, product="room_hour", quantity=2, key=form_key(client))
    assert paid.status_code == 303 and "Il paie la réservation de" in flashed(client, paid)
    assert orders(app, member.id) == ([("room_hour", 2, "paid", True)], 1)
    with app.app_context():
        from plugins.booking.models import Booking

        assert db.session.get(Booking, booking_id).status == "confirmed"


def test_room_hours_pay_the_room_booking_to_pay_on_site(app, client, auth, shop, room):
    """Without Stripe's keys the booking is confirmed with its order to pay on site: the hours pay it."""
    member = shop["member"]
    auth.login(member)
    booking_id = booked(book_room(client, room, "14:00", "15:00"))
    assert orders(app, member.id) == ([("room_hour", 1, "pending", True)], 0)
    auth.logout()
    auth.login(shop["manager"])
    wrong = record(client, member.email, product="room_hour", quantity=2, key=form_key(client))
    assert "attend 1 heure : enregistrez 1 heure pour elle" in field_error(wrong, "quantity")
    paid = record(client, member.email, product="room_hour", quantity=1, key=form_key(client))
    assert paid.status_code == 303
    assert orders(app, member.id) == ([("room_hour", 1, "paid", True)], 1)
    with app.app_context():
        assert db.session.scalar(select(Order.booking_id).where(Order.member_id == member.id)) == booking_id
