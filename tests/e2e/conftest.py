"""Browser tests: the demo territory served on a real port, driven by headless Chromium.

The server runs in a thread of the test process on a migrated, seeded SQLite file, exactly as
`make run` serves it (same configuration file, same seed). Chromium is Debian's; CI installs it
and these tests are then mandatory; elsewhere they are skipped when it is missing.
"""
from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import flask_migrate
import pytest
from core import create_app
from core.jobs.runner import start_thread, stop_thread
from core.demo import PASSWORD, seed
from core.extensions import db
from devtools.ports import wsgi_server
from devtools.serve import stand_ins

ROOT = Path(__file__).resolve().parents[2]
DEMO_CONFIG = ROOT / "examples" / "territories" / "aveyron-lot-cantal.toml"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"browser tests need Chromium at {CHROMIUM} (CI installs it)")
    skip = pytest.mark.skip(reason="Chromium is not installed (apt-get install -y chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


class LiveServer:
    def __init__(self, app):
        self.app = app
        self.server = wsgi_server("127.0.0.1", 0, app)
        self.url = f"http://127.0.0.1:{self.server.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()


@pytest.fixture(scope="session")
def live_app(tmp_path_factory, smtp_server):
    """The demo app on its own seeded database."""
    folder = tmp_path_factory.mktemp("demo")
    os.environ["TIERSLIEUX_INSTANCE"] = str(folder)
    app = create_app(DEMO_CONFIG, {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'demo.db'}",
        "SECRET_KEY": "browser-tests",
        "MAIL_SERVER": smtp_server.hostname,
        "MAIL_PORT": smtp_server.port,
        "JOBS_RUN": "thread",  # as serve-demo: a worker thread beside the app
    })
    with app.app_context():
        flask_migrate.upgrade(revision="heads")
        seed()
        db.session.remove()
    return app


@pytest.fixture(scope="session")
def live_server(live_app):
    """The demo served as `make run` serves it: the Stripe emulator beside it (mail goes to the
    tests' SMTP server instead of the demo's printing sink)."""
    server = LiveServer(live_app)
    live_app.config["PUBLIC_URL"] = server.url  # e-mail links and Stripe's return come back here
    started = [stand_in.start() for stand_in in stand_ins(live_app, server.url, mail=False)]
    start_thread(live_app, interval=0.2)
    server.start()
    yield server
    server.stop()
    stop_thread(live_app)
    for stand_in in started:
        stand_in.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)  # a loaded 2-core machine (CI) can take seconds for a page
    yield page
    context.close()


@pytest.fixture
def login(page):
    """Sign in through the real form, as a person would."""

    def sign_in(email: str, password: str = PASSWORD):
        page.goto("/login")
        page.get_by_label("Adresse e-mail").fill(email)
        page.get_by_label("Mot de passe").fill(password)
        page.get_by_role("button", name="Se connecter").click()
        page.wait_for_url(lambda url: "/login" not in url)

    return sign_in


@pytest.fixture
def sign_out(page):
    """`sign_out()`: the browser forgets its session for good. The page's own requests are let
    finish and the page is left first: a stylesheet or script still loading when the cookies are
    cleared comes back with the session cookie (a permanent session is refreshed by every answer,
    static files included) and signs the visitor in again (seen once on a loaded CI machine)."""

    def forget():
        page.wait_for_load_state("networkidle")
        page.goto("about:blank")
        page.context.clear_cookies()

    return forget


@pytest.fixture
def mail_link(smtp_server):
    """`mail_link(address, pattern)`: the first match of `pattern` in the latest e-mails to
    `address` received by the tests' SMTP server, waiting up to about ten seconds for it."""
    import re

    from devtools.pytest_plugin import Mailbox

    def find(address: str, pattern: str) -> str:
        box = Mailbox(smtp_server)
        for _ in range(50):
            for message in reversed(box.wait_for(1)):
                if address in message["To"]:
                    body = message.get_body(("plain",)).get_content() if message.is_multipart() \
                        else message.get_content()
                    found = re.search(pattern, body)
                    if found:
                        return found.group(0)
            box.wait_for(len(box.messages) + 1, timeout=0.2)
        raise AssertionError(f"no e-mail to {address} with {pattern}")

    return find


@pytest.fixture
def check_pages_as(page, login, sign_out):
    """`check_pages_as({who: [path, ...]})`: each page, signed in as `who` (None: signed out),
    answers 200, scrolls sideways at no width and has no serious axe violation (pagecheck.py)."""
    from pagecheck import check_pages

    def check(pages: dict, widths=None) -> None:
        for who, paths in pages.items():
            sign_out()
            if who:
                login(who)
            check_pages(page, paths, **({"widths": widths} if widths else {}))

    return check
