"""Events in a real browser, in the demo: a visitor registers for the information day on telework
for employers at Figeac, confirms from the e-mail (the local SMTP server) and adds it to their
calendar; the events' pages reflow at 375 px and axe finds nothing serious on them."""
from __future__ import annotations


import pytest

pytestmark = pytest.mark.browser

ADMIN = "admin@demo.tierslieux.fr"
FIGEAC = "figeac-maison-emploi"
TITLE = "Journée d'information : le télétravail pour les employeurs"
VISITOR = "dirigeante.pme@example.org"


def _event_id(live_app) -> int:
    from sqlalchemy import select

    from core.extensions import db
    from plugins.events.models import Event

    with live_app.app_context():
        return db.session.scalar(select(Event.id).where(Event.title == TITLE))


def test_a_visitor_registers_for_the_information_day_at_figeac_and_confirms_from_the_mail(
        page, live_server, live_app, mail_link):
    page.goto("/")
    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Événements").click()
    page.get_by_role("link", name=TITLE).click()
    main = page.locator("main")
    assert "Ouvert à tous" in main.inner_text()
    page.get_by_label("Votre nom").fill("Dominique Dirigeante")
    page.get_by_label("Votre adresse e-mail").fill(VISITOR)
    page.get_by_role("button", name="S'inscrire").click()
    assert VISITOR in page.locator("main").inner_text()
    assert page.get_by_role("heading", name="Consultez votre messagerie").count() == 1

    link = mail_link(VISITOR, r"https?://\S+/events/r/\S+/confirm")
    page.goto(link)
    page.get_by_role("button", name="Confirmer mon inscription").click()
    assert "Vous êtes inscrit·e." in page.locator("main").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Ajouter à mon agenda (iCal)").click()
    assert b"BEGIN:VEVENT" in open(download.value.path(), "rb").read()
    mail_link(VISITOR, r"https?://\S+/events/r/[^/\s]+(?:\s|$)")  # "you are registered", its link

    # The public page of the event counts the seat, and says so to search engines.
    page.goto(f"/events/{_event_id(live_app)}")
    json_ld = page.locator('script[type="application/ld+json"]').inner_text()
    assert '"remainingAttendeeCapacity": 39' in json_ld or '"remainingAttendeeCapacity":39' in json_ld


def test_events_pages_reflow_and_have_no_serious_accessibility_violations(check_pages_as, live_app):
    event_id = _event_id(live_app)
    check_pages_as({None: ["/events", f"/events/sites/{FIGEAC}", f"/events/{event_id}", f"/sites/{FIGEAC}"],
                 ADMIN: ["/events/manage", "/events/manage/new", f"/events/manage/{event_id}",
                         f"/events/manage/{event_id}/attendance", "/events/manage/reports"]})
