"""Accessibility checks of the HTML of every page, through the test client (no browser).

The demo territory is seeded on a SQLite file and crawled as a visitor, a member, a site manager
and the territory admin, one page per route, following the links as a person would. On each page:

- a table that reflows on a phone (every table but `.keep-table`) has a `data-label` on each data
  cell, so that a cell shown on its own line keeps its column's name (the header row is hidden);
- a `.keep-table` is wide on purpose: it scrolls inside a `.table-scroll` region;
- a `.table-scroll` region can be scrolled with the keyboard (tabindex="0") and is a named region;
- an error summary can take the focus (tabindex="-1", base.html's script moves the focus there);
- the page's <title> is not another route's title.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import flask_migrate
import lxml.html
import pytest
from core import create_app
from core.extensions import db

ROOT = Path(__file__).resolve().parents[2]
DEMO_CONFIG = ROOT / "examples" / "territories" / "aveyron-lot-cantal.toml"
WHO = {"visitor": None, "member": "camille.martin@demo.tierslieux.fr",
       "manager": "gestion.figeac-maison-emploi@demo.tierslieux.fr", "admin": "admin@demo.tierslieux.fr"}
SKIP = (".ics", ".json", ".csv", ".pdf", ".png", ".jpg", ".jpeg", ".webp", ".txt", "/logout", "/static/")
MAX_PAGES = 80


@pytest.fixture(scope="module")
def demo(tmp_path_factory, smtp_server):
    import os

    from core.demo import seed

    folder = tmp_path_factory.mktemp("a11y-demo")
    before = os.environ.get("TIERSLIEUX_INSTANCE")
    os.environ["TIERSLIEUX_INSTANCE"] = str(folder)
    app = create_app(DEMO_CONFIG, {
        "TESTING": True, "SECRET_KEY": "a11y", "WTF_CSRF_ENABLED": False,
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'demo.db'}",
        "MAIL_SERVER": smtp_server.hostname, "MAIL_PORT": smtp_server.port,
        "RATELIMIT_STORAGE_URI": "memory://", "JOBS_RUN": "inline", "PAGE_CACHE_SECONDS": 0})
    with app.app_context():
        flask_migrate.upgrade(revision="heads")
        seed()
        db.session.commit()
        db.session.remove()
    yield app
    with app.app_context():
        db.engine.dispose()
    if before is not None:
        os.environ["TIERSLIEUX_INSTANCE"] = before


def _endpoint(app, path):
    try:
        return app.url_map.bind("localhost").match(path, method="GET")[0]
    except Exception:  # noqa: BLE001 (a 404, a POST-only route, a redirect rule: not a page)
        return None


def crawl(app, who):
    """{endpoint: (path, parsed page)} of the HTML pages reachable by links, signed in as `who`."""
    from core.demo import PASSWORD

    client = app.test_client()
    if who:
        answer = client.post("/login", data={"email": who, "password": PASSWORD})
        assert answer.status_code == 303, answer.status_code
    found, seen, queue = {}, set(), ["/"]
    while queue and len(found) < MAX_PAGES:
        path = queue.pop(0)
        endpoint = _endpoint(app, urlsplit(path).path)
        if endpoint is None or endpoint in found or path in seen:
            continue
        seen.add(path)
        answer = client.get(path)
        if answer.status_code != 200 or answer.mimetype != "text/html":
            continue
        tree = lxml.html.fromstring(answer.get_data(as_text=True))
        found[endpoint] = (path, tree)
        for href in tree.xpath("//a/@href"):
            url = urlsplit(urljoin("http://localhost" + path, href))
            if url.netloc != "localhost" or url.path.endswith(SKIP) or "/static/" in url.path:
                continue
            target = url.path + (f"?{url.query}" if url.query else "")
            if target not in seen:
                queue.append(target)
    return found


def table_problems(tree) -> list[str]:
    problems = []
    ids = set(tree.xpath("//@id"))
    for table in tree.xpath("//table"):
        name = (table.xpath("string(caption)") or table.get("id") or "?").strip()[:60]
        classes = (table.get("class") or "").split()
        in_region = table.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' table-scroll ')]")
        if "keep-table" in classes:
            if not in_region:
                problems.append(f"table {name!r}: .keep-table outside a .table-scroll region")
            continue
        if not table.xpath("thead//th[@scope='col']"):
            continue  # row headers only: each cell follows its row's header
        for cell in table.xpath("tbody/tr/td"):
            if cell.get("colspan") is None and not cell.get("data-label"):
                problems.append(f"table {name!r}: a cell without data-label ({cell.text_content().strip()[:40]!r})")
                break
    for region in tree.xpath("//div[contains(concat(' ', @class, ' '), ' table-scroll ')]"):
        label = region.get("aria-labelledby")
        if region.get("role") != "region" or region.get("tabindex") != "0" or \
                not (region.get("aria-label") or (label and label in ids)):
            problems.append(f"a .table-scroll region that is not a named, focusable region: {dict(region.attrib)}")
        if region.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' table-scroll ')]"):
            problems.append("a .table-scroll region inside another")
    for summary in tree.xpath("//*[contains(concat(' ', @class, ' '), ' error-summary ')]"):
        if summary.get("tabindex") != "-1":
            problems.append("an error summary that cannot take the focus")
    return problems


@pytest.fixture(scope="module")
def pages(demo):
    return {who: crawl(demo, email) for who, email in WHO.items()}


def test_the_crawl_reaches_the_pages_of_every_role(pages):
    assert len(pages["visitor"]) >= 5
    assert {"booking_manage.week", "booking_manage.resources"} <= set(pages["manager"]), sorted(pages["manager"])
    assert {"admin.users", "admin.module_list"} <= set(pages["admin"]), sorted(pages["admin"])


def test_tables_keep_their_headers_on_a_phone_and_scroll_regions_are_named(pages):
    problems = []
    for who, found in pages.items():
        for endpoint, (path, tree) in found.items():
            problems += [(who, path, problem) for problem in table_problems(tree)]
    assert not problems, "\n".join(map(str, problems))


def test_each_route_has_its_own_title(pages):
    titles = defaultdict(set)
    for found in pages.values():
        for endpoint, (path, tree) in found.items():
            titles[tree.findtext(".//title").strip()].add(endpoint)
    same = {title: endpoints for title, endpoints in titles.items() if len(endpoints) > 1}
    assert not same, "\n".join(f"{t}: {sorted(e)}" for t, e in same.items())


def test_the_territorys_legal_documents_are_marked_in_their_language_on_an_english_page(client):
    """French text on an English page must say so (WCAG 3.1.2, RGAA 8.7), or a screen reader
    reads it with an English voice: the documents and the footer's links to them did not."""
    import lxml.html

    english = {"Accept-Language": "en-GB,en;q=0.9"}
    page = lxml.html.fromstring(client.get("/legal/terms-of-sale", headers=english).get_data(as_text=True))
    assert page.get("lang") == "en"
    heading = page.xpath("//main//h1")[0]
    assert heading.get("lang") == "fr" and heading.text_content().strip() == "Conditions générales de vente"
    assert all(p.xpath("ancestor::*[@lang][1]/@lang") == ["fr"] for p in page.xpath("//main//article/div//p"))
    assert page.xpath("//main//article/div//p")
    links = lxml.html.fromstring(client.get("/login", headers=english).get_data(as_text=True)).xpath(
        "//footer//a[@href='/legal/terms-of-sale' or @href='/legal/privacy']")
    assert [a.get("lang") for a in links] == ["fr", "fr"]
