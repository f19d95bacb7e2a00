""""Paid by <partner>": the employee sees it on the booking's page, in their bookings and in
the confirmation e-mail; the site's managers see it in their day, with a page on the convention."""
from __future__ import annotations

from conventions_helpers import next_weekday

EN = {"Accept-Language": "en"}
PARTNER = "Conseil départemental du Lot"


def _booked(world, book, site="figeac") -> int:
    status, body = book(world.employee, world.desks[site][0], next_weekday(1))
    assert status == 201, body
    return body["id"]


def test_the_employee_sees_who_pays_on_the_booking_page_and_in_their_bookings(client, auth, world, book, mailbox):
    booking_id = _booked(world, book)
    auth.login(world.employee)
    page = client.get(f"/booking/{booking_id}", headers=EN).get_data(as_text=True)
    assert f"Nothing to pay: your employer, {PARTNER}, pays this booking (convention CD46-TT)." in page
    mine = client.get("/booking/mine", headers=EN).get_data(as_text=True)
    assert f"Paid by {PARTNER}" in mine
    mailbox.wait_for(1)
    [confirmation] = [m for m in mailbox.messages if world.employee.email in m["To"]]
    assert PARTNER in confirmation.get_body(("plain",)).get_content()


def test_a_member_paying_themselves_sees_no_partner(client, auth, world, book, make_user):
    member = make_user()
    status, body = book(member, world.desks["figeac"][1], next_weekday(1))
    assert status == 201, body
    auth.login(member)
    assert "Paid by" not in client.get("/booking/mine", headers=EN).get_data(as_text=True)
    assert "Nothing to pay: your employer" not in client.get(f"/booking/{body['id']}", headers=EN).get_data(
        as_text=True)


def test_the_site_manager_sees_which_bookings_a_convention_pays(client, auth, world, book, make_user):
    booking_id = _booked(world, book)
    day = next_weekday(1)
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    desk = client.get(f"/booking/manage/figeac?day={day.isoformat()}", headers=EN).get_data(as_text=True)
    assert f'href="/conventions/bookings/{booking_id}"' in desk and f"Paid by {PARTNER}" in desk
    page = client.get(f"/conventions/bookings/{booking_id}", headers=EN)
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "CD46-TT" in text and "15.00" in text.replace(",", ".")


def test_the_convention_page_of_a_booking_is_for_its_site_managers_only(client, auth, world, book, make_user):
    booking_id = _booked(world, book)
    auth.login(make_user(role="site-manager", sites=["aurillac"]))
    assert client.get(f"/conventions/bookings/{booking_id}").status_code == 404
    auth.logout()
    auth.login(world.employee)
    assert client.get(f"/conventions/bookings/{booking_id}").status_code == 404
    assert client.get("/conventions/bookings/999999").status_code == 404
