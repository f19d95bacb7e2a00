"""A member books a desk at Montmurat (paid on site: confirmed at once) for the next open morning in a
real browser, and finds it."""
from __future__ import annotations

from datetime import timedelta

import pytest
from pagecheck import check_pages

pytestmark = pytest.mark.browser

MEMBER = "camille.martin@demo.tierslieux.fr"
MONTMURAT = "montmurat"  # takes no online payment: the booking is confirmed at once, whatever ran before


def _next_open_day(live_app):
    """Tomorrow at Montmurat, or the next day it opens (weekends, public holidays, closures)."""
    from core.sites.service import opening_intervals, site_by_slug
    from core.timeutil import today_at

    with live_app.app_context():
        site = site_by_slug(MONTMURAT)
        day = today_at(site.timezone) + timedelta(days=1)
        while not opening_intervals(site, day):
            day += timedelta(days=1)
        return day


def test_member_books_a_desk_for_the_next_morning_at_montmurat_and_sees_it(page, login, live_app):
    day = _next_open_day(live_app)
    login(MEMBER)
    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Réserver une place").click()
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Quand").select_option("morning")
    page.get_by_label("Quoi").select_option("desk")
    page.get_by_role("button", name="Trouver des places libres").click()
    site = page.locator("li.site-offer").filter(has=page.get_by_role("heading", name="Télécentre de Montmurat"))
    site.get_by_role("button", name="Réserver un poste").click()  # one button: the platform picks the desk
    # Camille's employer (the bank) pays only Rodez: her booking says so beside its confirmation.
    told = " ".join(page.get_by_role("status").all_inner_texts())
    assert "Votre réservation est confirmée." in told
    assert "ne prend pas en charge cette réservation : La convention de votre employeur ne couvre pas " \
           "Télécentre de Montmurat." in told.replace("\u00a0", " "), told

    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Mes réservations").click()
    from babel.dates import format_date

    coming = page.get_by_role("region", name="À venir")
    card = coming.get_by_role("listitem").filter(has_text=format_date(day, "full", locale="fr")).first
    assert "Télécentre de Montmurat" in card.inner_text()
    assert "Confirmée" in card.inner_text()


def test_booking_pages_have_no_serious_accessibility_violations(page, login):
    login(MEMBER)
    check_pages(page, ["/booking", f"/booking/sites/{MONTMURAT}", "/booking/mine"])
