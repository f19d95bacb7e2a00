"""The site manager's day in a real browser: checking a member in moves the occupancy chart;
the desk's pages reflow at 375 px and axe finds nothing serious on them."""
from __future__ import annotations

import secrets

import pytest
from pagecheck import check_pages

pytestmark = pytest.mark.browser

SITE = "figeac-maison-emploi"
MANAGER = f"gestion.{SITE}@demo.tierslieux.fr"
MEMBER = "camille.martin@demo.tierslieux.fr"


def _booking_today(live_app) -> tuple[int, str]:
    """A confirmed desk booking of the member today at the site, whatever today's hours: stored as
    it is (the rules about opening hours and notice are not what this test is about)."""
    from datetime import time, timedelta

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
        member = User.by_email(MEMBER)
        taken = select(Booking.resource_id).where(Booking.site_id == site.id, Booking.status.in_(
            ("held", "confirmed", "checked_in")), Booking.starts_at < to_utc(today + timedelta(days=1), time(0),
                                                                             site.timezone),
            Booking.ends_at > to_utc(today, time(0), site.timezone))
        desk = db.session.scalar(select(Resource).where(Resource.site_id == site.id, Resource.kind == "desk",
                                                        Resource.retired_at.is_(None), Resource.id.not_in(taken)))
        booking = Booking(resource_id=desk.id, site_id=site.id, member_id=member.id, created_by_id=member.id,
                          starts_at=to_utc(today, time(0, 5), site.timezone),
                          ends_at=to_utc(today, time(23, 55), site.timezone), status="confirmed",
                          checkin_code=secrets.token_hex(4))
        db.session.add(booking)
        db.session.commit()
        return booking.id, today.isoformat()


def _arrived_bar(page, today: str) -> float:
    return float(page.locator(f'svg#week-occupancy rect.bar-2[data-day="{today}"]').get_attribute("data-value"))


def test_manager_checks_a_member_in_and_the_occupancy_chart_moves(page, login, live_app):
    booking_id, today = _booking_today(live_app)
    login(MANAGER)
    assert page.url.endswith(f"/booking/manage/{SITE}")  # a manager lands on their site's day
    page.goto(f"/booking/manage/{SITE}/occupancy")
    before = _arrived_bar(page, today)
    page.goto(f"/booking/manage/{SITE}")
    form = page.locator(f'form[action$="/bookings/{booking_id}/arrived"]')
    form.get_by_role("button").click()
    assert "L'arrivée est enregistrée." in page.get_by_role("status").first.inner_text()
    page.goto(f"/booking/manage/{SITE}/occupancy")
    assert _arrived_bar(page, today) > before


def test_desk_pages_reflow_and_have_no_serious_accessibility_violations(page, login):
    login(MANAGER)
    check_pages(page, [f"/booking/manage/{SITE}", f"/booking/manage/{SITE}/occupancy",
                       f"/booking/manage/{SITE}/arrival-code", f"/booking/manage/{SITE}/week"])


def test_wider_than_a_phone_the_day_status_words_stay_whole(page, login, live_app):
    """At 1280 px the day's "Confirmée" ran on two lines ("Confirmé" / "e"): the page lets a
    table cell break anywhere, and the buttons beside it took the width. Each word of the status
    now stays on one line (the words themselves may still wrap between them)."""
    _booking_today(live_app)
    login(MANAGER)
    for width in (1280, 720):  # 720: a tablet, or a narrow window; still the table's own layout
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(f"/booking/manage/{SITE}")
        broken = page.evaluate(STATUS_WORDS_BROKEN)
        assert broken[0] >= 1 and broken[1] == [], (width, broken)


STATUS_WORDS_BROKEN = """() => {
        const cells = [...document.querySelectorAll('#arrivals-title ~ table td[data-label="Statut"]')];
        const out = [];
        for (const cell of cells) {
            const text = cell.firstChild;
            if (!text || text.nodeType !== Node.TEXT_NODE) continue;
            const words = text.textContent.trim().split(/\\s+/);
            const range = document.createRange();
            range.selectNodeContents(text);
            if (range.getClientRects().length > words.length) out.push(text.textContent.trim());
        }
        return [cells.length, out];
    }"""
