"""Impact in a real browser, in the demo: a member gives their commute, checks in at Figeac and
sees the day in "my impact"; the territory's administrator sees the territory's figures move.
The impact pages reflow at 375 px and axe finds nothing serious on them."""
from __future__ import annotations

import re
import secrets
import time

import pytest

pytestmark = pytest.mark.browser

SITE = "figeac-maison-emploi"
ADMIN = "admin@demo.tierslieux.fr"
MEMBER = "agent1.lot@demo.tierslieux.fr"  # a demo agent without a commute profile
AXE_TAGS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _booking_today(live_app, email: str) -> int:
    """A confirmed desk booking today at Figeac, whatever today's hours (the rules about opening
    hours are not what this test is about)."""
    from datetime import time as clock, timedelta

    from sqlalchemy import select

    from core.accounts.models import User
    from core.extensions import db
    from core.sites.service import site_by_slug
    from core.timeutil import today_at
    from plugins.booking.models import Booking, Resource
    from plugins.booking.slots import to_utc

    with live_app.app_context():
        site = site_by_slug(SITE)
        today = today_at(site.timezone)
        member = User.by_email(email)
        taken = select(Booking.resource_id).where(Booking.site_id == site.id, Booking.status.in_(
            ("held", "confirmed", "checked_in")), Booking.starts_at < to_utc(today + timedelta(days=1), clock(0),
                                                                             site.timezone),
            Booking.ends_at > to_utc(today, clock(0), site.timezone))
        desk = db.session.scalar(select(Resource).where(Resource.site_id == site.id, Resource.kind == "desk",
                                                        Resource.retired_at.is_(None), Resource.id.not_in(taken)))
        booking = Booking(resource_id=desk.id, site_id=site.id, member_id=member.id, created_by_id=member.id,
                          starts_at=to_utc(today, clock(0, 5), site.timezone),
                          ends_at=to_utc(today, clock(23, 55), site.timezone), status="confirmed",
                          checkin_code=secrets.token_hex(4))
        db.session.add(booking)
        db.session.commit()
        return booking.id


def _figure(page, name: str) -> int:
    return int(re.sub(r"\D", "", page.locator(f'#impact-totals dd[data-figure="{name}"]').inner_text()))


def _month_figure(page, name: str) -> str:
    return page.locator(f'#impact-month dd[data-figure="{name}"]').inner_text()


def _until(check, page, url, timeout=15.0):
    """Reload `url` until `check()` holds (the day is counted by a job, in a worker thread)."""
    deadline = time.monotonic() + timeout
    while True:
        page.goto(url)
        if check():
            return
        assert time.monotonic() < deadline, f"{url} did not change"
        time.sleep(0.5)


def test_a_member_gives_a_commute_checks_in_and_the_figures_move(page, browser, live_server, live_app, login):
    # The administrator reads the territory's figures.
    login(ADMIN)
    page.goto("/impact/territory")
    days_before, km_before = _figure(page, "days"), _figure(page, "km")
    assert page.get_by_role("img", name="Journées en télécentre").count() == 1  # a chart per figure

    # The member gives their commute: home near Figeac, work in Cahors, a petrol car, counted.
    member = browser.new_context(base_url=live_server.url, locale="fr-FR").new_page()
    member.set_default_timeout(10_000)
    member.goto("/login")
    member.get_by_label("Adresse e-mail").fill(MEMBER)
    from core.demo import PASSWORD

    member.get_by_label("Mot de passe").fill(PASSWORD)
    member.get_by_role("button", name="Se connecter").click()
    member.wait_for_url(lambda url: "/login" not in url)
    member.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Mon impact").click()
    member.get_by_label("Commune de domicile").fill("Capdenac-Gare")
    member.get_by_label("Commune de votre lieu de travail habituel").fill("Cahors")
    member.get_by_label("Comment vous vous y rendriez").select_option(label="Voiture essence")
    member.get_by_label("Puissance fiscale de la voiture (CV)").fill("5")
    member.get_by_label("Compter mes journées dans les chiffres du réseau", exact=False).check()
    member.get_by_role("button", name="Enregistrer mon trajet").click()
    assert "Votre trajet est enregistré." in member.get_by_role("status").first.inner_text()
    assert _month_figure(member, "days") == "0"

    # They check in at Figeac from their booking's page.
    booking_id = _booking_today(live_app, MEMBER)
    member.goto(f"/booking/{booking_id}")
    member.get_by_role("button", name="Je suis arrivé·e").click()
    assert "Votre arrivée est enregistrée." in member.get_by_role("status").first.inner_text()

    # Their day is in "my impact": one day, the kilometres of Capdenac-Gare -> Cahors avoided.
    _until(lambda: _month_figure(member, "days") == "1", member, "/impact/me")
    km = int(re.sub(r"\D", "", _month_figure(member, "km")))
    assert km > 100  # 2 x (about 68 km to Cahors - about 6 km to Figeac), x 1.3 for the roads
    member.context.close()

    # The administrator sees the territory's figures move by that day.
    _until(lambda: _figure(page, "days") == days_before + 1, page, "/impact/territory")
    assert _figure(page, "km") >= km_before + km - 1


@pytest.mark.parametrize("width", [1280, 375])
def test_impact_pages_reflow_and_have_no_serious_accessibility_violations(page, login, sign_out, width):
    from axe_playwright_python.sync_playwright import Axe

    page.set_viewport_size({"width": width, "height": 900})
    for who, paths in {None: ["/impact/method"], "camille.martin@demo.tierslieux.fr": ["/impact/me"],
                       ADMIN: ["/impact/territory", f"/impact/sites/{SITE}"]}.items():
        sign_out()
        if who:
            login(who)
        for path in paths:
            page.goto(path)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{path} scrolls sideways"
            serious = [v for v in Axe().run(page, options=AXE_TAGS).response["violations"]
                       if v["impact"] in ("serious", "critical")]
            assert not serious, (path, [(v["id"], [n["target"] for n in v["nodes"]]) for v in serious])


def test_the_referent_sees_the_staffs_impact_on_the_conventions_page(page, login, live_app):
    from sqlalchemy import select

    from core.extensions import db
    from plugins.conventions.models import Convention

    with live_app.app_context():
        convention_id = db.session.scalar(select(Convention.id).where(Convention.reference.like("CD46-TT-%")))
    login("referent.lot@demo.tierslieux.fr")
    page.goto(f"/conventions/{convention_id}")
    panel = page.get_by_role("region", name="Trajets évités par le personnel")
    assert int(re.sub(r"\D", "", panel.locator('dd[data-figure="days"]').inner_text())) > 0
    panel.get_by_role("link", name="Mois par mois, avec graphiques").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Impact du personnel de Conseil départemental")
    assert page.get_by_role("img", name="Kilomètres non parcourus").count() == 1
