"""A visitor finds the nearest sites from a commune: on the map and in the list, with TTC prices,
at desktop and phone widths, with no sideways scrolling and no serious accessibility violation."""
from __future__ import annotations

from datetime import timedelta

import pytest

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


def _no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def _serious_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a",
                                                                            "wcag21aa"]}})
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")]


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
    assert _no_sideways_scroll(page)
    assert not _serious_violations(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_search_and_site_pages_fit_a_phone_and_pass_axe(page, login, width):
    page.set_viewport_size({"width": width, "height": 900})
    for path in ("/sites", "/sites/figeac-maison-emploi", "/booking/sites/figeac-maison-emploi",
                 "/booking?commune=Sainte-Colombe"):
        assert page.goto(path).status in (200, 400), path
        assert _no_sideways_scroll(page), path
        assert not _serious_violations(page), path
    login(MEMBER)
    for path in ("/booking", "/account"):
        assert page.goto(path).status == 200, path
        assert _no_sideways_scroll(page), path
        assert not _serious_violations(page), path
    # The member's home commune is already the search's.
    page.goto("/booking")
    assert page.get_by_label("Près de", exact=True).input_value() == "Capdenac-Gare (12)"
