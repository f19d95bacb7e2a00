"""Conventions in a real browser, in the demo: the Lot council's référent invites an agent, who
signs up from the e-mail, accepts, books a day at Figeac and pays nothing; the référent sees that
day in the month's usage and downloads a statement whose total matches; the administrator
invoices last month and the référent downloads the invoice, whose Factur-X XML the `factur-x`
library finds and validates. The conventions' pages reflow at 375 px and axe finds nothing
serious on them."""
from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest
from core.demo import PASSWORD as DEMO_PASSWORD

pytestmark = pytest.mark.browser

ADMIN = "admin@demo.tierslieux.fr"
REFERENT = "referent.lot@demo.tierslieux.fr"
AGENT = "nouvel.agent@lot.fr"
AGENT_NAME = "Nouvel Agent"
FIGEAC = "figeac-maison-emploi"
FIGEAC_NAME = "Télécentre de la Maison de l'Emploi"
PASSWORD = "un mot de passe assez long"


def _lot_convention(live_app) -> tuple[int, str]:
    """The Lot council's convention of the demo: (id, its partner's name)."""
    from sqlalchemy import select

    from core.extensions import db
    from plugins.conventions.models import Convention

    with live_app.app_context():
        convention = db.session.scalar(select(Convention).where(Convention.reference.like("CD46-TT-%")))
        return convention.id, convention.partner.name


def _next_open_weekday(live_app):
    """The next day Figeac opens, from tomorrow on, Monday to Friday."""
    from core.sites.service import opening_intervals, site_by_slug
    from core.timeutil import today_at

    with live_app.app_context():
        site = site_by_slug(FIGEAC)
        day = today_at(site.timezone) + timedelta(days=1)
        while day.weekday() >= 5 or not opening_intervals(site, day):
            day += timedelta(days=1)
        return day


def _link_in_mail(smtp_server, address: str, pattern: str) -> str:
    from devtools.pytest_plugin import Mailbox

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


def _today(live_app):
    from core.timeutil import today_at

    with live_app.app_context():
        return today_at(live_app.config["TERRITORY"].territory.timezone)


def _check_facturx(path, reference: str, total_ttc_cents: int) -> None:
    """The downloaded invoice: Factur-X XML embedded, valid (EN 16931 schema), for the Lot council
    (its SIRET, Chorus Pro service code and engagement number), totals as the statement says."""
    from xml.etree import ElementTree

    from facturx import get_facturx_xml_from_pdf, xml_check_xsd

    with open(path, "rb") as handle:
        pdf = handle.read()
    assert pdf.startswith(b"%PDF")
    name, xml = get_facturx_xml_from_pdf(pdf, check_xsd=True)
    assert name == "factur-x.xml"
    assert xml_check_xsd(xml, flavor="factur-x", level="en16931")
    ns = {"rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
          "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"}
    root = ElementTree.fromstring(xml)
    assert root.findtext("rsm:ExchangedDocument/ram:ID", namespaces=ns) == reference
    agreement = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/"
    assert root.findtext(agreement + "ram:BuyerReference", namespaces=ns) == "DRH-TELETRAVAIL"
    assert root.findtext(agreement + "ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:ID",
                         namespaces=ns) == "22460001500016"
    assert root.findtext(agreement + "ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID",
                         namespaces=ns) == "EJ-2026-0412"
    grand = root.findtext("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
                          "ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:GrandTotalAmount", namespaces=ns)
    assert round(float(grand) * 100) == total_ttc_cents


def _money(text: str) -> int:
    """"15,00 €" -> 1500."""
    return int(re.sub(r"[^\d]", "", text))


def test_a_referent_invites_an_agent_who_books_figeac_for_free_and_the_statement_matches(
        page, browser, live_server, live_app, smtp_server, login, sign_out):
    convention_id, partner = _lot_convention(live_app)
    day = _next_open_weekday(live_app)
    month = f"{day:%Y-%m}"

    # The référent invites the agent from the convention's page.
    login(REFERENT)
    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Conventions").click()
    page.get_by_role("link", name=re.compile("Conseil départemental du Lot")).click()
    page.get_by_label("Adresse e-mail de l'agent").fill(AGENT)
    page.get_by_role("button", name="Inviter").click()
    assert AGENT in page.get_by_role("status").first.inner_text()
    invitation = _link_in_mail(smtp_server, AGENT, r"https?://\S+/conventions/join/\S+")

    # The agent, in their own browser, follows the link, signs up, confirms, signs in, accepts.
    agent = browser.new_context(base_url=live_server.url, locale="fr-FR").new_page()
    agent.set_default_timeout(10_000)
    agent.goto(invitation)
    assert partner in agent.locator("main").inner_text()
    agent.get_by_role("link", name=f"Créez-en un avec {AGENT}").click()
    agent.get_by_label("Nom").fill(AGENT_NAME)
    agent.get_by_label("Adresse e-mail").fill(AGENT)
    agent.get_by_label("Mot de passe (12 caractères au moins)").fill(PASSWORD)
    agent.get_by_label("Mot de passe (confirmation)").fill(PASSWORD)
    agent.get_by_label("J’ai lu et j’accepte les conditions générales de vente", exact=False).check()
    agent.get_by_label("J’ai lu la politique de confidentialité", exact=False).check()
    agent.get_by_role("button", name="Créer mon compte").click()
    agent.goto(_link_in_mail(smtp_server, AGENT, r"https?://\S+/confirm/\S+"))
    agent.get_by_role("button", name="Confirmer mon adresse").click()
    agent.goto(invitation)
    agent.get_by_role("link", name="Connectez-vous pour accepter").click()
    agent.get_by_label("Adresse e-mail").fill(AGENT)
    agent.get_by_label("Mot de passe").fill(PASSWORD)
    agent.get_by_role("button", name="Se connecter").click()
    agent.get_by_role("button", name="Accepter l'invitation").click()
    assert partner in agent.get_by_role("status").first.inner_text()

    # The agent books a day at Figeac: confirmed at once, nothing to pay.
    agent.goto(f"/booking?date={day.isoformat()}&period=day&kind=desk")
    offer = agent.locator("li.site-offer").filter(has=agent.get_by_role("heading", name=FIGEAC_NAME))
    offer.get_by_role("button", name="Réserver un poste").first.click()  # the platform picks the desk
    assert "Votre réservation est confirmée." in agent.get_by_role("status").first.inner_text()
    assert "/billing/" not in agent.url  # no payment page
    assert re.search(r"/booking/\d+$", agent.url)  # the booking's page
    booking_id = int(agent.url.rsplit("/", 1)[1])
    assert FIGEAC_NAME in agent.locator("main").inner_text()
    assert f"Rien à payer : votre employeur, {partner}, paie cette réservation" in agent.locator("main").inner_text()
    agent.goto("/booking/mine")
    coming = agent.get_by_role("region", name="À venir")
    assert f"Payé par {partner}" in coming.get_by_role("listitem").filter(has_text=FIGEAC_NAME).first.inner_text()
    agent.context.close()

    # Figeac's manager sees, in the day's list, that the convention pays this booking.
    manager = browser.new_context(base_url=live_server.url, locale="fr-FR").new_page()
    manager.goto("/login")
    manager.get_by_label("Adresse e-mail").fill(f"gestion.{FIGEAC}@demo.tierslieux.fr")
    manager.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    manager.get_by_role("button", name="Se connecter").click()
    manager.wait_for_url(lambda url: "/login" not in url)
    manager.goto(f"/booking/manage/{FIGEAC}?day={day.isoformat()}")
    manager.get_by_role("link", name=re.compile(f"Payé par {partner}")).first.click()
    assert manager.url.endswith(f"/conventions/bookings/{booking_id}")
    assert "15,00" in manager.locator("main").inner_text()
    manager.context.close()

    # The référent sees the day in the month's usage and downloads a statement that matches.
    page.goto(f"/conventions/{convention_id}")
    assert page.get_by_role("img", name="Budget mois par mois").count() == 1  # the burn-down
    page.goto(f"/conventions/{convention_id}?month={month}")
    employees = page.get_by_role("table", name="Jours par agent")
    assert employees.get_by_role("row").filter(has_text=AGENT_NAME).get_by_role("cell").nth(1).inner_text() == "1"
    sites = page.get_by_role("table", name="Jours par site")
    assert sites.get_by_role("row").filter(has_text=FIGEAC_NAME).count() == 1
    page.get_by_role("link", name="Relevé du mois").click()
    lines = page.get_by_role("table", name="Jours consommés").get_by_role("row").filter(has_text=AGENT_NAME)
    assert lines.count() == 1
    assert FIGEAC_NAME in lines.inner_text()
    amounts = [_money(cell.inner_text()) for cell in
               page.get_by_role("table", name="Jours consommés").locator("tbody tr td:last-child").all()]
    total_ht = _money(page.locator("[data-total-ht]").inner_text())
    assert _money(lines.locator("td").last.inner_text()) == 1500  # the Lot's rate per day
    assert total_ht == sum(amounts)
    days_total = page.locator("[data-total-days]").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Jours par agent (CSV)").click()
    with open(download.value.path(), encoding="utf-8-sig") as handle:
        rows = list(csv.reader(io.StringIO(handle.read()), delimiter=";"))
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name[AGENT_NAME][1:] == [month, "1"]
    assert by_name["Total"][2] == days_total

    # The administrator invoices last month; the référent downloads the invoice, a PDF carrying
    # EN 16931 XML that the factur-x library finds and validates, and that matches the statement.
    last_month = f"{_today(live_app).replace(day=1) - timedelta(days=1):%Y-%m}"
    sign_out()
    login(ADMIN)
    page.goto(f"/conventions/{convention_id}")
    page.get_by_label("Mois à facturer (AAAA-MM)").fill(last_month)
    page.get_by_role("button", name="Émettre la facture").click()
    issued = page.get_by_role("status").first.inner_text()
    reference = re.search(r"La facture (\S+) est émise", issued).group(1)
    sign_out()
    login(REFERENT)
    page.goto(f"/conventions/{convention_id}/statement?month={last_month}")
    statement_ttc = _money(page.locator("[data-total-ttc]").inner_text())
    page.goto(f"/conventions/{convention_id}")
    invoices = page.get_by_role("region", name="Relevés et factures")
    with page.expect_download() as download:
        invoices.get_by_role("listitem").filter(has_text=reference).get_by_role(
            "link", name="Télécharger la facture (PDF)").click()
    _check_facturx(download.value.path(), reference, statement_ttc)


def _pages(live_app, convention_id: int):
    """The conventions' pages, by who sees them."""
    from sqlalchemy import select

    from core.extensions import db
    from core.sites.models import Site
    from plugins.conventions import service
    from plugins.conventions.models import Convention, Partner, Use

    with live_app.test_request_context():
        convention = db.session.get(Convention, convention_id)
        partner = db.session.scalar(select(Partner).where(Partner.id == convention.partner_id))
        token = service.invitation_token(convention, "camille.martin@demo.tierslieux.fr")
        paid = db.session.scalar(select(Use.booking_id).join(Use.site).where(Use.convention_id == convention_id,
                                                                            Site.slug == FIGEAC))
    manager = {f"gestion.{FIGEAC}@demo.tierslieux.fr": [f"/conventions/bookings/{paid}"]} if paid else {}
    return {**manager,
        ADMIN: ["/conventions", "/conventions/admin", "/conventions/admin/partners/new",
                f"/conventions/admin/partners/{partner.id}", f"/conventions/admin/partners/{partner.id}/conventions/new",
                f"/conventions/admin/conventions/{convention_id}", f"/conventions/{convention_id}"],
        # The home pages too: the référent's "Vos conventions", an agent's "Votre employeur prend en charge".
        REFERENT: ["/", "/conventions", f"/conventions/{convention_id}", f"/conventions/{convention_id}/statement"],
        "agent1.lot@demo.tierslieux.fr": ["/"],
        "camille.martin@demo.tierslieux.fr": [f"/conventions/join/{token}"],
        None: [f"/conventions/join/{token}", "/conventions/partners"],
    }


def test_conventions_pages_reflow_and_have_no_serious_accessibility_violations(check_pages_as, live_app):
    convention_id, _partner = _lot_convention(live_app)
    check_pages_as(_pages(live_app, convention_id))
