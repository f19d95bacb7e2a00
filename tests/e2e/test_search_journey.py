"""A visitor finds the nearest sites from a commune: on the map and in the list, with TTC prices,
at desktop and phone widths, with no sideways scrolling and no serious accessibility violation."""
from __future__ import annotations

from datetime import timedelta

import pytest
from pagecheck import check_pages, page_problems

pytestmark = pytest.mark.browser

MEMBER = "camille.martin@demo.tierslieux.fr"
WIDTHS = (1280, 375)


def _open_everywhere(live_app):
    """The next Tuesday or Thursday (every demo site opens then) that is not a holiday."""
    from core.sites.service import is_public_holiday
    from core.timeutil import today_at

    with live_app.app_context():
        day = today_at("Europe/Paris") + timedelta(days=1)
        while day.weekday() not in (1, 3) or is_public_holiday(day):
            day += timedelta(days=1)
        return day


@pytest.mark.parametrize("width", WIDTHS)
def test_a_visitor_picks_a_commune_and_sees_the_nearest_sites_on_the_map_and_in_the_list(page, live_app, width):
    page.set_viewport_size({"width": width, "height": 900})
    day = _open_everywhere(live_app)
    page.goto("/booking")
    page.get_by_label("Près de", exact=True).fill("Maurs")
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_role("button", name="Trouver des places libres").click()
    page.wait_for_url(lambda url: "commune=Maurs" in url)
    assert page.get_by_role("heading", level=2).first.inner_text().endswith("près de Maurs (15)")

    map_ = page.locator("svg.network-map")
    assert map_.is_visible()
    assert "Maurs (vous)" in map_.inner_html()
    assert map_.locator("a").count() == 5  # the five demo telecentres, each a link

    offers = page.locator("li.site-offer")
    assert offers.count() == 5
    first = offers.first
    assert "Télécentre de Montmurat" in first.get_by_role("heading", level=3).inner_text()  # about 10 km away
    assert "à vol d’oiseau" in first.inner_text()
    assert "TTC" in first.inner_text()
    assert first.get_by_role("link", name="Se connecter pour réserver").is_visible()
    assert not page_problems(page, (width,))


def test_search_and_site_pages_fit_a_phone_and_pass_axe(page, login):
    check_pages(page, ["/sites", "/sites/figeac-maison-emploi", "/booking/sites/figeac-maison-emploi",
                       "/booking?commune=Sainte-Colombe"], statuses=(200, 400))
    login(MEMBER)
    check_pages(page, ["/booking", "/account"])
    # The member's home commune is already the search's.
    page.goto("/booking")
    assert page.get_by_label("Près de", exact=True).input_value() == "Capdenac-Gare (12)"
