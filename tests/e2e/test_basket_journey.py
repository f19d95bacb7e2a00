"""A basket in a real browser, in the demo: three days booked one after the other land in one
basket, paid once with the test card on the Stripe emulator's page; the payment pages pass axe
and none scrolls sideways on a phone."""
from __future__ import annotations

from datetime import timedelta

import pytest
from pagecheck import check_pages

pytestmark = pytest.mark.browser

MEMBER = "lucas.bernard@demo.tierslieux.fr"
SITE = "Télécentre Chrysalis"
SLUG = "decazeville-chrysalis"


def _open_tuesdays(count, weeks_ahead=3):
    """`count` Tuesdays from `weeks_ahead` weeks on that are not public holidays (away from the
    days the other browser tests book)."""
    from core.sites.service import is_public_holiday
    from core.timeutil import today_at

    day = today_at("Europe/Paris") + timedelta(days=7 * weeks_ahead)
    day += timedelta(days=(1 - day.weekday()) % 7)
    found = []
    while len(found) < count:
        if not is_public_holiday(day):
            found.append(day)
        day += timedelta(days=7)
    return found


def _pay_with_test_card(page, card="4242 4242 4242 4242"):
    page.get_by_label("Numéro de carte").fill(card)
    page.get_by_label("Date d'expiration").fill("12/34")
    page.get_by_label("Cryptogramme").fill("123")
    page.get_by_role("button", name="Payer").click()


def test_member_books_three_days_in_one_basket_and_pays_once(page, login):
    pytest.importorskip("plugins.booking.service")
    login(MEMBER)
    for day in _open_tuesdays(3):
        page.goto(f"/booking?date={day.isoformat()}&period=day&kind=desk")
        offer = page.locator("li.site-offer").filter(has=page.get_by_role("heading", name=SITE))
        offer.get_by_role("button", name="Réserver un poste").click()  # the platform picks the desk
        page.wait_for_url("**/billing/bookings/*/pay")
    basket_url = page.url
    basket = page.get_by_role("table")
    assert basket.get_by_role("rowheader").count() == 3 + 2  # three days, the total, the VAT
    assert "45,00" in basket.inner_text() and "HT" not in basket.inner_text()
    check_pages(page, [basket_url])
    check_pages(page, [f"/billing/sites/{SLUG}/basket"])
    page.goto(basket_url)
    page.get_by_role("button", name="Payer les 3 réservations par carte").click()
    page.wait_for_url("**/pay/cs_test_*")
    _pay_with_test_card(page)
    page.wait_for_url("**/billing/checkout/success*")
    assert "45,00" in page.get_by_role("status").inner_text()
    success_url = page.url
    page.goto("/booking/mine")
    assert page.locator("main").inner_text().count("Confirmée") >= 3
    page.goto("/billing/")
    invoice_link = page.get_by_role("table", name="Vos factures et avoirs").get_by_role("link").first
    invoice_path = invoice_link.get_attribute("href")
    for path in (success_url, "/billing/", f"/billing/sites/{SLUG}/prices", invoice_path):
        check_pages(page, [path])
    # The site's page: its booking forms (the room's time pickers, the weekly series); its
    # week table is another part of the page.
    check_pages(page, [f"/booking/sites/{SLUG}"])
    page.goto(invoice_path)
    text = page.locator("main").inner_text()
    assert "SIRET" in text and "Total TTC" in text and text.count("Pass journée") == 3
