"""Paying in a real browser, in the demo: the Stripe emulator's hosted page, the test card,
the success page and the invoice PDF downloaded."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

MEMBER = "camille.martin@demo.tierslieux.fr"


def _pay_with_test_card(page, card="4242 4242 4242 4242"):
    page.get_by_label("Numéro de carte").fill(card)
    page.get_by_label("Date d'expiration").fill("12/34")
    page.get_by_label("Cryptogramme").fill("123")
    page.get_by_role("button", name="Payer").click()


def test_member_buys_a_bundle_at_decazeville_and_downloads_the_invoice(page, login):
    login(MEMBER)
    page.goto("/billing/sites/decazeville-chrysalis/prices")
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Carnet de 10 journées"))
    row.get_by_role("button", name="Payer en ligne").click()
    page.wait_for_url("**/pay/cs_test_*")
    _pay_with_test_card(page)
    page.wait_for_url("**/billing/checkout/success*")
    assert "120,00" in page.get_by_role("status").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger la facture").click()
    path = download.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
    page.goto("/billing/")
    assert "Crédit disponible\u00a0: 10 jours" in page.locator("body").inner_text()


def _next_open_tuesday():
    from datetime import timedelta

    from core.sites.service import is_public_holiday
    from core.timeutil import today_at

    day = today_at("Europe/Paris") + timedelta(days=7)
    day += timedelta(days=(1 - day.weekday()) % 7)
    while is_public_holiday(day):
        day += timedelta(days=7)
    return day


def test_member_pays_a_day_pass_at_decazeville_with_the_test_card_and_downloads_the_invoice(page, login):
    pytest.importorskip("plugins.booking.service")
    login("lucas.bernard@demo.tierslieux.fr")
    page.goto(f"/booking?date={_next_open_tuesday().isoformat()}&period=day&kind=desk")
    decazeville = page.locator("li.site-offer").filter(has=page.get_by_role("heading", name="Télécentre Chrysalis"))
    decazeville.get_by_role("button", name="Réserver un poste").click()
    page.wait_for_url("**/billing/bookings/*/pay")
    assert "Pass journée" in page.locator("main").inner_text()
    page.get_by_role("button", name="Payer par carte").click()
    page.wait_for_url("**/pay/cs_test_*")
    _pay_with_test_card(page)
    page.wait_for_url("**/billing/checkout/success*")
    assert "15,00" in page.get_by_role("status").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger la facture").click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
    page.goto("/booking/mine")
    assert "Confirmée" in page.locator("main").inner_text()
