"""Every page a visitor, a member, a site manager and the territory admin can reach, on a phone:
no horizontal scrolling at 320 and 375 px (WCAG 1.4.10), no serious or critical axe violation,
and no English day name nor ISO date in the French text.

The pages are found as a person finds them: by following the links of each page from the home
page, one sample page per route (a site's page stands for every site's), signed in as each role.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from pagecheck import axe_violations

pytestmark = pytest.mark.browser

WHO = {"visitor": None, "member": "camille.martin@demo.tierslieux.fr",
       "manager": "gestion.figeac-maison-emploi@demo.tierslieux.fr", "admin": "admin@demo.tierslieux.fr"}
SKIP = re.compile(r"\.(ics|json|csv|pdf|png|jpe?g|webp|txt)$|/logout|/static/")
# Full English day names, or an abbreviation before a day number ("Mon 30/11"; "Mon compte" is French).
ENGLISH_DAYS = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                          r"|\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,? \d")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
MAX_PAGES = 60  # per role: one page per route, well above what the app has


def _route(app, path):
    try:
        endpoint, _args = app.url_map.bind("127.0.0.1").match(path, method="GET")
    except Exception:  # noqa: BLE001 (a 404, a POST-only route, a redirect rule: not a page)
        return None
    return endpoint


def crawl(page, app, base, check):
    """{endpoint: path} of the HTML pages reachable by links, one path per endpoint; `check(path)`
    runs on each while it is open (one visit a page: the suite's time goes on page loads and axe)."""
    seen, found, queue = set(), {}, ["/"]
    while queue and len(found) < MAX_PAGES:
        path = queue.pop(0)
        endpoint = _route(app, urlsplit(path).path)
        if endpoint is None or endpoint in found or path in seen:
            continue
        seen.add(path)
        response = page.goto(path)
        if response is None or response.status != 200 or "text/html" not in response.headers.get("content-type", ""):
            continue
        found[endpoint] = path
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
        check(path)
        for href in hrefs:
            url = urlsplit(urljoin(base + path, href))
            if url.netloc != urlsplit(base).netloc or SKIP.search(url.path):
                continue
            target = url.path + (f"?{url.query}" if url.query else "")
            if target not in seen:
                queue.append(target)
    return found


def give_the_member_a_booking(app, email):
    """A booking two weeks ahead, so the member's booking and cancellation pages are reached too."""
    from datetime import timedelta

    from core.accounts.models import User
    from core.db import utcnow
    from core.sites.service import opening_intervals, site_by_slug
    from core.timeutil import today_at
    from plugins.booking import BookingError, service
    from plugins.booking.resources import resources_of
    from plugins.booking.slots import range_for

    with app.test_request_context():
        site = site_by_slug("figeac-maison-emploi")
        member = User.by_email(email)
        # Another test of the session may have left the member a hold that lapses during the crawl
        # (it would show no cancel link): only a booking that stays active through the crawl will do.
        soon = utcnow() + timedelta(minutes=10)
        if any(b.status == "confirmed" or (b.status == "held" and b.hold_expires_at and b.hold_expires_at > soon)
               for b in service.upcoming_and_past(member)[0]):
            return
        day = today_at(site.timezone) + timedelta(days=14)
        for _ in range(30):
            if opening_intervals(site, day):
                for resource in [r for r in resources_of(site) if r.kind == "desk"]:
                    try:
                        service.book(resource, member, *range_for(site, day, "morning"), member)
                        db_commit()
                        return
                    except BookingError:
                        rollback()
            day += timedelta(days=1)


def db_commit():
    from core.extensions import db

    db.session.commit()


def rollback():
    from core.extensions import db

    db.session.rollback()


def visible_text(page) -> str:
    return page.evaluate("""() => {
        const main = document.body.cloneNode(true);
        main.querySelectorAll('script, style, [hidden], input, select, textarea').forEach(n => n.remove());
        return main.innerText; }""")


@pytest.mark.parametrize("who", list(WHO))
def test_every_page_reflows_on_a_phone_and_passes_axe(browser, live_server, live_app, who):
    from core.demo import PASSWORD

    if who == "member":
        give_the_member_a_booking(live_app, WHO[who])
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport={"width": 320, "height": 740})
    page = context.new_page()
    page.set_default_timeout(20_000)
    problems = []

    def check(path):
        for width in (320, 375):  # resized in place: the layout is redone without a new load
            page.set_viewport_size({"width": width, "height": 740})
            scroll, inner = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
            if scroll > inner:
                problems.append((path, width, f"{scroll} px wide"))
        text = visible_text(page)
        for pattern in (ENGLISH_DAYS, ISO_DATE):
            if (match := pattern.search(text)):
                problems.append((path, "text", match.group(0)))
        problems.extend((path, *violation) for violation in axe_violations(page))
        page.set_viewport_size({"width": 320, "height": 740})

    try:
        if WHO[who]:
            page.goto("/login")
            page.get_by_label("Adresse e-mail").fill(WHO[who])
            page.get_by_label("Mot de passe").fill(PASSWORD)
            page.get_by_role("button", name="Se connecter").click()
            page.wait_for_url(lambda url: "/login" not in url)
        pages = crawl(page, live_app, live_server.url, check)
        assert len(pages) >= 4, pages
        if who == "member":
            assert {"booking.show", "booking.cancel", "booking.mine"} <= set(pages), pages
        print(who, len(pages), sorted(pages.values()))
        assert not problems, problems
    finally:
        context.close()


def test_the_header_folds_into_a_menu_button_that_works_with_the_keyboard(page):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/")
    button = page.get_by_role("button", name="Menu")
    sign_in = page.get_by_role("banner").get_by_role("link", name="Se connecter")
    assert button.get_attribute("aria-expanded") == "false"
    assert not sign_in.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert sign_in.is_visible()
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    page.set_viewport_size({"width": 1200, "height": 800})
    assert not button.is_visible() and sign_in.is_visible()


def test_without_javascript_the_menus_show_on_a_phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", java_script_enabled=False,
                                  viewport={"width": 320, "height": 700})
    page = context.new_page()
    try:
        page.goto("/")
        assert page.get_by_role("banner").get_by_role("link", name="Se connecter").is_visible()
        assert not page.get_by_role("button", name="Menu").is_visible()
        assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    finally:
        context.close()


HEADER_ROWS = """() => {
  // Each element's middle line; two elements are on one row when their middles are within 6 px.
  const header = document.querySelector('header');
  const middle = el => { const r = el.getBoundingClientRect(); return Math.round((r.top + r.bottom) / 2); };
  const links = nav => [...header.querySelectorAll(`nav[aria-label="${nav}"] li`)];
  const rows = [];
  for (const m of [...header.querySelectorAll('.brand, li')].map(middle).sort((a, b) => a - b)) {
    if (!rows.length || m - rows[rows.length - 1] > 6) rows.push(m);
  }
  return {brand: middle(header.querySelector('.brand')), account: links('Votre compte').map(middle),
          main: links('Menu principal').map(middle), rows: rows.length,
          current: [...header.querySelectorAll('[aria-current="page"]')].map(a => a.innerText)};
}"""


@pytest.mark.parametrize("who, first", [("manager", "Accueil"), ("admin", "Lieux")])
def test_the_header_menu_fits_on_two_rows_at_1280_px_in_the_order_it_is_seen(page, login, who, first):
    """A site manager's menu ran onto three lines at 1280 px (ten entries and the account's two):
    the name and the account's links now share the first row, the main menu the second, on one
    line, the longest label a manager's menu can have ("Accueil : 12 à traiter") included.
    Nothing is hidden: tabbing reaches every link, each in view, in the order they are seen."""
    page.set_viewport_size({"width": 1280, "height": 800})
    login(WHO[who])  # the manager lands on the front desk, the administrator on the home page
    rows = page.evaluate(HEADER_ROWS)
    assert rows["rows"] == 2, rows
    assert all(abs(m - rows["brand"]) <= 6 for m in rows["account"]) and len(set(rows["main"])) == 1, rows
    if who == "manager":
        assert rows["current"] == ["Accueil"]  # the front desk's address begins with "Réserver"'s: one current page
        page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Accueil").evaluate(
            "a => { a.textContent = 'Accueil\\u00a0: 12 à traiter'; }")
        assert len(set(page.evaluate(HEADER_ROWS)["main"])) == 1
    banner = page.get_by_role("banner")
    expected = [e.inner_text().strip() for e in banner.locator("a, button:visible").all()]
    assert expected[0].startswith("Réseau des télécentres") and any(t.startswith(first) for t in expected)
    page.locator("body").focus()
    seen = []
    page.keyboard.press("Tab")  # the skip link
    for _ in expected:
        page.keyboard.press("Tab")
        seen.append(page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
            return [e.innerText.trim(), r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth]; }"""))
    assert [text for text, _visible in seen] == expected
    assert all(visible for _text, visible in seen), seen
    assert not axe_violations(page)


LEFT_EDGES = """() => {
  const main = document.querySelector('main'), style = getComputedStyle(main);
  const start = el => Math.round(el.getBoundingClientRect().left);
  return {main: Math.round(main.getBoundingClientRect().left + parseFloat(style.paddingLeft)),
          brand: start(document.querySelector('.brand')),
          footer: start(document.querySelector('.footer-row').firstElementChild),
          menu: start(document.querySelector('nav[aria-label="Menu principal"] li')),
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          right: Math.max(...[...document.querySelectorAll('header li, header .brand')].map(
            el => el.getBoundingClientRect().right)) - document.documentElement.clientWidth};
}"""


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("who", ["visitor", "admin"])
def test_the_header_and_footer_start_where_the_page_does(page, login, who, width):
    """At 1280 px the site's name started 16 px from the window's edge and the page's text at
    80 px (the header is wider, for its menu): now both start at 80, the header still wider to
    the right, and nothing runs past the window, at 1280 or 375 px."""
    page.set_viewport_size({"width": width, "height": 800})
    if WHO[who]:
        login(WHO[who])
    page.goto("/sites")
    edges = page.evaluate(LEFT_EDGES)
    assert edges["brand"] == edges["footer"] == edges["main"], edges
    if width == 1280:
        assert edges["main"] == 80 and edges["menu"] == 80, edges
    assert edges["overflow"] <= 0 and edges["right"] <= 0, edges
