"""Conventions' pages and API: administrators create partners and conventions (validated,
audited); a référent invites, approves, sees usage and statements (days and places only);
invitations; the API; Factur-X invoices; personal data."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from conventions_helpers import ask_by_domain_and_be_refused, next_weekday
from core.accounts.models import User
from core.audit import AuditEntry
from core.extensions import db
from core.plugins import registry
from plugins.conventions.errors import ConventionError
from plugins.conventions.models import Authorisation, Convention, Partner, Use


def _link(mailbox, address):
    message = mailbox.wait_for(1) and [m for m in mailbox.messages if address in m["To"]][-1]
    body = message.get_body(("plain",)).get_content() if message.is_multipart() else message.get_content()
    return re.search(r"https?://\S+/conventions/join/\S+", body).group(0)


@pytest.mark.parametrize("siret, ok", [("22120001710003", True), ("221 200 017", True),
                                       ("22460001500017", False), ("12345", False), ("abcdefghijklmn", False)])
def test_the_partner_form_checks_the_siret_with_luhn(client, auth, world, siret, ok):
    auth.login(world.admin)
    response = client.post("/conventions/admin/partners/new", data={
        "name": "Hôpital de Figeac", "siret": siret, "address": "Figeac"}, headers={"Accept-Language": "en"})
    assert response.status_code == (303 if ok else 422)
    if not ok:
        assert "check digit" in response.get_data(as_text=True)


def test_partner_and_convention_forms_are_validated_and_audited(app, client, auth, world):
    auth.login(world.admin)
    bad = client.post(f"/conventions/admin/partners/{world.partner_id}/conventions/new", data={
        "reference": "X", "starts_on": "2027-01-01", "ends_on": "2026-01-01", "price_model": "per_day",
        "kinds": ["desk"], "all_sites": "y", "day_rate": "15", "past_cap": "refuse", "notice_days": "60",
        "cancel_notice_hours": "24"})
    assert bad.status_code == 422
    half = client.post(f"/conventions/admin/partners/{world.partner_id}/conventions/new", data={
        "reference": "X", "starts_on": "2026-01-01", "ends_on": "2027-01-01", "price_model": "per_day",
        "kinds": ["desk"], "all_sites": "y", "day_rate": "15", "past_cap": "refuse", "notice_days": "60",
        "cancel_notice_hours": "24", "week_cap": "1.3"})
    assert half.status_code == 422
    good = client.post(f"/conventions/admin/partners/{world.partner_id}/conventions/new", data={
        "reference": "CHU-2026", "starts_on": "2026-01-01", "ends_on": "2027-01-01", "price_model": "per_day",
        "kinds": ["desk", "office"], "all_sites": "y", "day_rate": "15.50", "past_cap": "member_pays",
        "notice_days": "60", "cancel_notice_hours": "24", "week_cap": "1.5", "email_domains": "chu.fr"})
    assert good.status_code == 303, good.get_data(as_text=True)
    with app.app_context():
        c = db.session.scalar(select(Convention).where(Convention.reference == "CHU-2026"))
        assert (c.day_rate_cents, c.week_cap, c.all_sites, c.status) == (1550, 3, True, "draft")
        actions = set(db.session.scalars(select(AuditEntry.action)))
        assert {"conventions.partner_created", "conventions.created", "conventions.status"} <= actions
    # Caps, rates and budgets as French speakers type them, and values that are no amount.
    base = {"starts_on": "2026-01-01", "ends_on": "2027-01-01", "price_model": "per_day", "kinds": ["desk"],
            "all_sites": "y", "day_rate": "15", "past_cap": "refuse", "notice_days": "60",
            "cancel_notice_hours": "24"}
    for field, value in (("week_cap", "NaN"), ("year_cap", "Infinity"), ("budget_days", "1e999999"),
                         ("budget_euros", "12,345"), ("day_rate", "sNaN"), ("month_cap", "99999999999999"),
                         # Beyond its period's days; a budget of two billion days was a 500 on
                         # PostgreSQL (its half-days overflow the column).
                         ("week_cap", "7.5"), ("month_cap", "32"), ("year_cap", "367"), ("budget_days", "2000000000")):
        refused = client.post(f"/conventions/admin/partners/{world.partner_id}/conventions/new",
                              data={**base, "reference": f"BAD-{field}", field: value})
        assert refused.status_code == 422, (field, value)
    french = client.post(f"/conventions/admin/partners/{world.partner_id}/conventions/new",
                         data={**base, "reference": "CHU-FR", "day_rate": "15,50", "budget_euros": "1 234,50",
                               "year_cap": "40,5"})
    assert french.status_code == 303, french.get_data(as_text=True)
    with app.app_context():
        c = db.session.scalar(select(Convention).where(Convention.reference == "CHU-FR"))
        assert (c.day_rate_cents, c.budget_cents, c.year_cap) == (1550, 123450, 81)
        assert db.session.scalar(select(func.count()).select_from(Convention).where(
            Convention.reference.like("BAD-%"))) == 0
    duplicate = client.post(f"/conventions/admin/partners/{world.partner_id}/conventions/new", data={
        "reference": "CHU-2026", "starts_on": "2026-01-01", "ends_on": "2027-01-01", "price_model": "per_day",
        "kinds": ["desk"], "all_sites": "y", "day_rate": "15", "past_cap": "refuse", "notice_days": "60",
        "cancel_notice_hours": "24"})
    assert duplicate.status_code == 422


def test_only_territory_admins_reach_the_admin_pages(client, auth, world):
    auth.login(world.referent)
    assert client.get("/conventions/admin").status_code == 404
    assert client.get("/conventions/admin/partners/new").status_code == 404
    assert client.post(f"/conventions/{world.convention_id}/invoice", data={"month": "2026-10"}).status_code == 404


def test_the_menu_offers_conventions_to_referents_and_follows_their_changes(app, client, auth, world):
    """The menu reads a per-process copy of who is a référent: adding one or erasing one (a bulk
    delete) shows at the next page."""
    from core.accounts.models import User
    from plugins.conventions import service

    def menu_offers_conventions(person) -> bool:
        auth.login(person)
        page = client.get("/sites").get_data(as_text=True)
        auth.logout()
        return 'href="/conventions/"' in page or 'href="/conventions"' in page

    assert menu_offers_conventions(world.referent)
    assert not menu_offers_conventions(world.employee)
    with app.test_request_context():
        service.add_referent(db.session.get(User, world.admin.id), db.session.get(service.Partner, world.partner_id),
                             world.employee.email)
        db.session.commit()
    assert menu_offers_conventions(world.employee)
    with app.test_request_context():
        service.erase(db.session.get(User, world.employee.id))
        db.session.commit()
    assert not menu_offers_conventions(world.employee)


def test_a_decision_with_a_bad_date_says_what_to_correct(app, client, auth, world):
    with app.app_context():
        auth_id = db.session.scalar(select(Authorisation.id).where(Authorisation.user_id == world.employee.id))
    auth.login(world.referent)
    response = client.post(f"/conventions/authorisations/{auth_id}",
                           data={"decision": "approved", "valid_until": "9999-12-31"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Valable jusqu" in page and "Donnez une date" in page  # the field, and why


def test_a_referent_fixes_weekdays_then_gives_floating_days_back_by_unticking_them_all(app, client, auth, world):
    """No ticked box sends nothing, which kept the fixed days: the employee stayed refused on
    the other days although the form says "none: floating days"."""
    with app.app_context():
        auth_id = db.session.scalar(select(Authorisation.id).where(Authorisation.user_id == world.employee.id))
    auth.login(world.referent)
    page = client.get(f"/conventions/{world.convention_id}").get_data(as_text=True)
    assert 'name="weekdays_shown"' in page  # the form says it showed the boxes
    for sent, kept in (({"weekdays_shown": "1", "weekdays": ["1", "3"]}, [1, 3]), ({}, [1, 3]),
                       ({"weekdays_shown": "1"}, [])):
        response = client.post(f"/conventions/authorisations/{auth_id}", data={"decision": "approved", **sent})
        assert response.status_code == 303
        with app.app_context():
            assert db.session.get(Authorisation, auth_id).weekdays == kept, sent


def test_a_referent_invites_an_employee_who_accepts(app, client, auth, world, make_user, mailbox):
    newcomer = make_user(email="nouvelle.agente@lot.fr")
    auth.login(world.referent)
    response = client.post(f"/conventions/{world.convention_id}/invite", data={"email": newcomer.email})
    assert response.status_code == 303
    # Where the invited person will show, and for how long the link works: they are not listed yet.
    page = client.get(response.headers["Location"], headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert (f"Une invitation a été envoyée à {newcomer.email}, valable 14 jours. La personne apparaîtra dans la "
            "liste des agents quand elle l'aura acceptée.") in page.replace("&#39;", "'")
    link = _link(mailbox, newcomer.email)
    path = link.split("://", 1)[1].split("/", 1)[1]
    auth.logout()
    page = client.get(f"/{path}")
    assert page.status_code == 200 and "/login?next=" in page.get_data(as_text=True)
    stranger = make_user()
    auth.login(stranger)
    assert client.post(f"/{path}").status_code == 403  # another account cannot use it
    auth.logout()
    auth.login(newcomer)
    assert client.post(f"/{path}").status_code == 303
    assert client.post(f"/{path}").status_code == 303  # twice: still one authorisation
    with app.app_context():
        auths = db.session.scalars(select(Authorisation).where(Authorisation.user_id == newcomer.id)).all()
        assert [a.status for a in auths] == ["approved"]


@pytest.mark.parametrize("token", ["nonsense", "eyJjIjoxLCJlIjoieEB5LnoifQ.bad.sig"])
def test_a_tampered_invitation_is_refused(client, world, token):
    assert client.get(f"/conventions/join/{token}").status_code == 404


def test_an_expired_invitation_is_refused(app, client, world):
    from itsdangerous import TimestampSigner, URLSafeTimedSerializer

    class Old(TimestampSigner):  # signed in 2001
        def get_timestamp(self):
            return 1_000_000_000

    token = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt="tierslieux.conventions.invite",
                                   signer=Old).dumps({"c": world.convention_id, "e": "x@lot.fr"})
    assert client.get(f"/conventions/join/{token}").status_code == 410


def test_an_employee_asks_to_join_by_domain_and_the_referent_approves(app, client, auth, world, make_user,
                                                                      mailbox):
    employee = make_user(email="paul@lot.fr")
    auth.login(employee)
    assert "Ask to join" in client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert client.post(f"/conventions/domain/{world.convention_id}").status_code == 303
    assert client.post(f"/conventions/domain/{world.convention_id}").status_code == 403  # already asked
    mailbox.wait_for(1)
    assert any(world.referent.email in m["To"] for m in mailbox.messages)
    with app.app_context():
        auth_id = db.session.scalar(select(Authorisation.id).where(Authorisation.user_id == employee.id))
    outsider = make_user(email="eve@example.org")
    auth.logout()
    auth.login(outsider)
    assert client.post(f"/conventions/domain/{world.convention_id}").status_code == 403
    assert client.post(f"/conventions/authorisations/{auth_id}", data={"decision": "approved"}).status_code == 404
    auth.logout()
    auth.login(world.referent)
    assert client.post(f"/conventions/authorisations/{auth_id}",
                       data={"decision": "approved", "weekdays_shown": "1", "weekdays": ["1", "3"]}).status_code == 303
    assert client.post(f"/conventions/authorisations/{auth_id}", data={"decision": "refused"}).status_code == 409
    with app.app_context():
        a = db.session.get(Authorisation, auth_id)
        assert (a.status, a.weekdays) == ("approved", [1, 3])


def test_the_referent_sees_days_and_places_and_a_statement_whose_total_matches(app, client, auth, world, book,
                                                                             make_user):
    day = next_weekday(1)
    status, body = book(world.employee, world.desks["figeac"][0], day)
    assert status == 201
    with app.app_context():  # a note on the booking is the employee's, not the employer's
        from plugins.booking import Booking
        db.session.get(Booking, body["id"]).note = "SECRET-NOTE"
        db.session.commit()
    month = f"{day:%Y-%m}"
    auth.login(world.referent)
    page = client.get(f"/conventions/{world.convention_id}?month={month}", headers={"Accept-Language": "fr"})
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Figeac" in text and world.employee.email.split("@")[0] in text
    assert "SECRET-NOTE" not in text
    statement = client.get(f"/conventions/{world.convention_id}/statement?month={month}",
                           headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "15,00" in statement and "18,00" in statement and "SECRET-NOTE" not in statement
    csv = client.get(f"/conventions/{world.convention_id}/statement.csv?month={month}",
                     headers={"Accept-Language": "fr"})
    assert csv.status_code == 200 and csv.mimetype == "text/csv"
    lines = csv.get_data(as_text=True).splitlines()
    assert lines[0] == "Agent;Mois;Jours" and lines[-1] == f"Total;{month};1"
    assert client.get(f"/conventions/{world.convention_id}/statement?month=2026-13").status_code == 400
    assert client.get(f"/conventions/{world.convention_id}?month=nope").status_code == 400
    auth.logout()
    other = make_user("partner")
    auth.login(other)
    assert client.get(f"/conventions/{world.convention_id}").status_code == 404
    assert client.get(f"/conventions/{world.convention_id}/statement.csv").status_code == 404


def test_the_api_lists_conventions_and_usage(app, client, world, book, api_token, make_user):
    day = next_weekday(1)
    book(world.employee, world.desks["figeac"][0], day, "08:30", "12:30")
    token = api_token(world.referent)
    listed = client.get("/api/v1/conventions", headers={"Authorization": f"Bearer {token}"}).get_json()
    assert [c["reference"] for c in listed] == ["CD46-TT"]
    assert listed[0]["caps"]["week_days"] == 1.5 and listed[0]["sites"] == [world.sites["figeac"]]
    usage = client.get(f"/api/v1/conventions/{world.convention_id}/usage?month={day:%Y-%m}",
                       headers={"Authorization": f"Bearer {token}"}).get_json()
    assert usage["days"] == 0.5 and usage["total_ht_cents"] == 800 and usage["by_site"][0]["site"] == "Figeac"
    bad = client.get(f"/api/v1/conventions/{world.convention_id}/usage?month=2026-1",
                     headers={"Authorization": f"Bearer {token}"})
    assert bad.status_code == 400 and bad.get_json()["error"]["code"] == "bad_month"
    stranger = api_token(make_user())
    assert client.get("/api/v1/conventions", headers={"Authorization": f"Bearer {stranger}"}).get_json() == []
    assert client.get(f"/api/v1/conventions/{world.convention_id}/usage",
                      headers={"Authorization": f"Bearer {stranger}"}).status_code == 404
    admin = api_token(world.admin)
    assert len(client.get("/api/v1/conventions", headers={"Authorization": f"Bearer {admin}"}).get_json()) == 1
    assert client.get("/api/v1/conventions").status_code == 401


def test_the_monthly_invoice_is_numbered_once_and_carries_valid_factur_x(app, client, auth, world, book):
    from facturx import get_facturx_xml_from_pdf, xml_check_xsd

    from plugins.conventions import invoicing
    from plugins.conventions.jobs import monthly

    day = next_weekday(1)
    book(world.employee, world.desks["figeac"][0], day)
    book(world.employee, world.desks["figeac"][1], day + timedelta(days=1), "13:30", "18:00")
    month = f"{day:%Y-%m}"
    first_next = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
    with app.test_request_context():
        convention = db.session.get(Convention, world.convention_id)
        statement = invoicing.issue_statement(convention, month, today=first_next)
        again = invoicing.issue_statement(convention, month, today=first_next)
        db.session.commit()
        assert again.id == statement.id
        assert (statement.halfdays, statement.total_ht_cents, statement.total_ttc_cents) == (3, 2300, 2760)
        assert statement.invoice_reference.startswith("FP") and statement.invoice_reference.endswith("-00001")
        _name, xml = get_facturx_xml_from_pdf(statement.pdf, check_xsd=True)
        assert xml_check_xsd(xml, flavor="factur-x", level="en16931")
        text = xml.decode()
        assert "22460001500016" in text and "<ram:BuyerReference>DRH</ram:BuyerReference>" in text
        assert "EJ-1" in text and "<ram:GrandTotalAmount>27.60</ram:GrandTotalAmount>" in text
        with pytest.raises(ConventionError) as refused:  # the month still running
            invoicing.issue_statement(convention, f"{first_next:%Y-%m}", today=first_next)
        assert (refused.value.code, refused.value.status) == ("month_not_over", 409)
        monthly(first_next.isoformat())  # the job: the month was invoiced already, nothing new
        db.session.commit()
    auth.login(world.referent)
    pdf = client.get(f"/conventions/{world.convention_id}/invoices/{month}.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")


def test_an_erased_employee_days_stay_in_statements_detached(app, client, auth, world, book):
    from plugins.booking import Booking

    day = next_weekday(1)
    status, body = book(world.employee, world.desks["figeac"][0], day)
    with app.test_request_context():  # a day already teleworked (future bookings are cancelled on erasure)
        booking, use = db.session.get(Booking, body["id"]), db.session.scalar(select(Use))
        booking.starts_at -= timedelta(days=14)
        booking.ends_at -= timedelta(days=14)
        use.day = day = day - timedelta(days=14)
        db.session.commit()
        user = db.session.get(User, world.employee.id)
        exported = {}
        for part in registry().pm.hook.user_data_export(user=user):
            exported.update(part or {})
        assert exported["conventions"][0]["convention"] == "CD46-TT"
        registry().pm.hook.user_data_erase(user=user)
        db.session.commit()
        auth_row = db.session.scalar(select(Authorisation))
        assert (auth_row.user_id, auth_row.status) == (None, "inactive")
        assert db.session.scalar(select(Use)).authorisation_id == auth_row.id
    auth.login(world.referent)
    text = client.get(f"/conventions/{world.convention_id}/statement?month={day:%Y-%m}",
                      headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Former employee (account erased)" in text


def test_demo_data_loads_twice(app, runner, world):
    from core.demo import seed

    with app.test_request_context():
        seed()
        seed()
        names = set(db.session.scalars(select(Partner.name)))
        assert "Conseil départemental du Lot" in names and len(names) == 2


def test_the_demo_conventions_are_signed_through_the_rules_with_their_signed_copy(app, runner):
    """The demo follows the rule every convention does: active only once signed, and signed only
    with its signed copy, stored and readable."""
    from core.demo import seed
    from core.uploads import document_path
    from plugins.conventions.models import Convention

    assert runner.invoke(args=["modules", "enable", "conventions"]).exit_code == 0
    with app.test_request_context():
        seed()
        db.session.commit()
        conventions = db.session.scalars(select(Convention)).all()
        assert len(conventions) == 2 and {c.status for c in conventions} == {"active"}
        for convention in conventions:
            path = document_path(convention.signed_copy)
            assert path is not None and path.read_bytes().startswith(b"%PDF-"), convention.reference
            assert convention.signed_copy_sha256 and convention.signed_copy_at is not None


def test_the_demo_issues_the_councils_invoice_of_last_month_which_its_referent_opens(app, client, runner):
    """The demo had no issued statement: a référent or an administrator trying it found an empty
    list of invoices. Last month's is issued as the monthly job does, of the agents' days."""
    from core.demo import PASSWORD, seed
    from core.timeutil import today_at
    from plugins.conventions.models import Statement

    assert runner.invoke(args=["modules", "enable", "conventions"]).exit_code == 0
    with app.test_request_context():
        lines = seed()
        seed()  # once: seeding again issues nothing more
        db.session.commit()
        today = today_at("Europe/Paris")
        lot = db.session.scalar(select(Convention).where(Convention.reference.like("CD46-%")))
        issued = db.session.scalars(select(Statement)).all()
        if today.month == 1:  # the demo's conventions start on 1 January: no month of theirs is over yet
            assert issued == []
            return
        [statement] = issued
        last_month = f"{today.replace(day=1) - timedelta(days=1):%Y-%m}"
        assert (statement.convention_id, statement.month) == (lot.id, last_month)
        assert statement.halfdays > 0 and statement.total_ttc_cents > 0  # the agents' days (impact's demo)
        reference, lot_id = statement.invoice_reference, lot.id
    assert any(reference in line for line in lines)
    for email in ("referent.lot@demo.tierslieux.fr", "admin@demo.tierslieux.fr"):
        assert client.post("/login", data={"email": email, "password": PASSWORD}).status_code == 303
        page = client.get(f"/conventions/{lot_id}", headers={"Accept-Language": "fr"}).get_data(as_text=True)
        assert reference in page and f"/conventions/{lot_id}/invoices/{last_month}.pdf" in page
        pdf = client.get(f"/conventions/{lot_id}/invoices/{last_month}.pdf")
        assert pdf.status_code == 200 and pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF-")
        client.post("/logout")


def test_the_demos_invoice_waits_for_a_month_of_the_convention_to_be_over(app, world):
    from plugins.conventions.demo import invoice_last_month

    with app.test_request_context():
        convention = db.session.get(Convention, world.convention_id)
        start = convention.starts_on
        assert invoice_last_month(convention, start) is None  # in its first month, no month of it is over
        first_full = (start.replace(day=1) + timedelta(days=32)).replace(day=1)
        after = (first_full + timedelta(days=32)).replace(day=5)
        statement = invoice_last_month(convention, after)
        assert statement.month == f"{first_full:%Y-%m}" and statement.pdf.startswith(b"%PDF-")
        assert invoice_last_month(convention, after).id == statement.id  # once


def test_a_refused_employee_cannot_ask_again_by_domain_for_thirty_days(app, client, auth, world, make_user, mailbox):
    """Each request mails the référents: refused, the employee was offered "Ask to join" again
    at once, and could send the same question as often as they liked. For 30 days after the
    référent's decision the button is gone and a request is answered 409."""
    employee = make_user(email="paul@lot.fr")
    auth_id = ask_by_domain_and_be_refused(app, client, auth, world, employee)
    mailbox.wait_for(1)
    mailbox.clear()
    auth.login(employee)
    assert "Ask to join" not in client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    again = client.post(f"/conventions/domain/{world.convention_id}", headers={"Accept-Language": "en"})
    assert again.status_code == 409 and "less than 30 days ago" in again.get_data(as_text=True)
    assert mailbox.wait_for(1, timeout=0.5) == []  # the référents were not asked again
    with app.app_context():  # a month later
        db.session.get(Authorisation, auth_id).decided_at -= timedelta(days=31)
        db.session.commit()
    assert "Ask to join" in client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert client.post(f"/conventions/domain/{world.convention_id}").status_code == 303


def test_a_day_already_invoiced_stays_counted_when_its_booking_is_cancelled(app, world, book):
    """A manager cancelling a past booking after the month was invoiced gave its day back: the
    live usage no longer matched the invoice, with no credit note. The invoiced day stays."""
    from plugins.booking import Booking
    from plugins.booking import service as booking_service
    from plugins.conventions import invoicing
    from plugins.conventions.statements import usage

    day = next_weekday(1)
    status, body = book(world.employee, world.desks["figeac"][0], day)
    assert status == 201
    last_month = (day.replace(day=1) - timedelta(days=1)).replace(day=10)
    with app.test_request_context(method="POST"):  # a day teleworked last month, invoiced on the 1st
        booking, use = db.session.get(Booking, body["id"]), db.session.scalar(select(Use))
        shift = booking.starts_at.date() - last_month
        booking.starts_at -= shift
        booking.ends_at -= shift
        use.day = last_month
        db.session.commit()
        convention = db.session.get(Convention, world.convention_id)
        month = f"{last_month:%Y-%m}"
        statement = invoicing.issue_statement(convention, month, day.replace(day=1))
        db.session.commit()
        booking_service.cancel(body["id"], db.session.get(User, world.admin.id), "manager", enforce_deadline=False)
        db.session.commit()
        assert db.session.scalar(select(Use.status)) == "counted"
        assert usage(db.session.get(Convention, world.convention_id), month).halfdays == statement.halfdays == 2


@pytest.mark.parametrize("key, halves", [("week_cap", 15), ("month_cap", 63), ("year_cap", 733),
                                         ("budget_halfdays", 2 ** 31 - 1), ("budget_cents", 2 ** 31 - 1)])
def test_a_cap_beyond_its_period_or_a_budget_beyond_reason_is_refused_by_the_rule(app, world, key, halves):
    """The rule, not only the form: a caller without a form (a command, the demo) gets the same
    refusal, before the value reaches the database's integer."""
    from plugins.conventions import service

    with app.test_request_context():
        base = db.session.get(Convention, world.convention_id)
        terms = {name: getattr(base, name) for name in service.CONVENTION_FIELDS}
        terms.update(reference="CD46-BIG", price_model="prepaid" if key == "budget_halfdays" else "per_day",
                     **{key: halves})
        with pytest.raises(ConventionError) as refused:
            service.save_convention(db.session.get(User, world.admin.id), base.partner, None, **terms)
        assert refused.value.code == "bad_cap"


def test_each_decision_says_what_it_did_in_the_referents_words(app, client, auth, world, make_user):
    """Approving, keeping, refusing or ending an employee all said "Enregistré." """
    newcomer, other = make_user(email="nouvelle@lot.fr"), make_user(email="autre@lot.fr")
    with app.app_context():
        convention = db.session.get(Convention, world.convention_id)
        pending = Authorisation(convention_id=convention.id, user_id=newcomer.id, status="pending",
                                valid_from=convention.starts_on)
        refused = Authorisation(convention_id=convention.id, user_id=other.id,
                                status="pending", valid_from=convention.starts_on)
        db.session.add_all([pending, refused])
        db.session.commit()
        pending_id, refused_id = pending.id, refused.id
        employee_id = db.session.scalar(select(Authorisation.id).where(Authorisation.user_id == world.employee.id))
        names = {i: db.session.get(User, u).display_name for i, u in (
            (pending_id, newcomer.id), (employee_id, world.employee.id))}
    auth.login(world.referent)
    for auth_id, decision, said in (
            (pending_id, "approved", f"La demande de {names[pending_id]} est acceptée : ses journées de télétravail "
                                     "sont désormais payées par la convention."),
            (refused_id, "refused", "est refusée."),
            (employee_id, "approved", f"Les jours de {names[employee_id]} sont enregistrés."),
            (employee_id, "inactive", f"{names[employee_id]} ne peut plus réserver de journées payées par la "
                                      "convention après le ")):
        # Ending is confirmed on a page of its own (test_conventions_ending.py), then said the same way.
        path = f"/conventions/authorisations/{auth_id}" + ("/end" if decision == "inactive" else "")
        response = client.post(path, data={"decision": decision}, headers={"Accept-Language": "fr"},
                               follow_redirects=True)
        page = response.get_data(as_text=True).replace("&#39;", "'")
        assert response.status_code == 200 and said in page, decision
        assert "Enregistré." not in page


def test_the_referent_reads_what_is_left_of_the_budget_with_its_unit(app, client, auth, world, book):
    """Only a percentage used was visible; what was left sat in the chart's hidden description."""
    from conventions_helpers import set_convention

    assert book(world.employee, world.desks["figeac"][0], next_weekday(1))[0] == 201
    auth.login(world.referent)
    set_convention(app, world.convention_id, budget_halfdays=20)
    page = client.get(f"/conventions/{world.convention_id}", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Reste : 9 jours sur 10." in page
    set_convention(app, world.convention_id, budget_halfdays=None, budget_cents=30000)
    page = client.get(f"/conventions/{world.convention_id}", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Reste : 285,00\u00a0€ sur 300,00\u00a0€." in page.replace("\u202f", "\u00a0")


def test_each_weekday_box_keeps_its_name_beside_it_on_a_phone(client, auth, world):
    """At 390 px a box ended one line and its day's name ("Jeudi") began the next."""
    auth.login(world.referent)
    page = client.get(f"/conventions/{world.convention_id}").get_data(as_text=True)
    boxes = re.findall(r'<input type="checkbox" id="(wd-[0-9]+-[0-9])"', page)
    assert len(boxes) == 7
    for box in boxes:
        assert re.search(rf'<span class="conventions-day"><input type="checkbox" id="{box}"[^>]*> '
                         rf'<label for="{box}">[^<]+</label></span>', page), box
    css = client.get("/conventions/static/conventions.css").get_data(as_text=True)
    assert re.search(r"\.conventions-day \{[^}]*white-space: nowrap", css)


def test_a_request_waiting_is_listed_first_and_the_home_page_leads_to_it(app, client, auth, world, make_user):
    """Ordered by the status' name, a request came after every employee and everyone who left:
    the home page said "1 agent attend votre décision" and the référent had to scroll for it."""
    left, newcomer = make_user(email="partie@lot.fr"), make_user(email="demande@lot.fr")
    with app.app_context():
        convention = db.session.get(Convention, world.convention_id)
        db.session.add_all([Authorisation(convention_id=convention.id, user_id=left.id, status="inactive",
                                          valid_from=convention.starts_on),
                            Authorisation(convention_id=convention.id, user_id=newcomer.id, status="pending",
                                          valid_from=convention.starts_on)])
        db.session.commit()
        names = [db.session.get(User, u.id).display_name for u in (newcomer, world.employee, left)]
    auth.login(world.referent)
    page = client.get(f"/conventions/{world.convention_id}").get_data(as_text=True)
    listed = page[page.index('id="employees-title"'):]
    positions = [listed.index(f"<strong>{name}</strong>") for name in names]
    assert positions == sorted(positions), names
    # who left reads as what happened to them, not "Inactive" (a word for the record, agreeing with it)
    assert re.search(rf"<strong>{names[2]}</strong>\s*— Prise en charge terminée", client.get(
        f"/conventions/{world.convention_id}", headers={"Accept-Language": "fr"}).get_data(as_text=True))
    home = client.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert re.search(rf'<a href="/conventions/{world.convention_id}#employees-title">1 agent attend votre décision</a>',
                     home)


def test_the_statement_leads_to_its_invoice_or_says_when_it_comes(app, client, auth, world, book):
    """The month's statement said nothing of its invoice: it sat at the bottom of the convention's page."""
    from plugins.conventions import invoicing

    day = next_weekday(1)
    assert book(world.employee, world.desks["figeac"][0], day)[0] == 201
    month = f"{day:%Y-%m}"
    auth.login(world.referent)
    url = f"/conventions/{world.convention_id}/statement?month={month}"
    page = client.get(url, headers={"Accept-Language": "fr"}).get_data(as_text=True)
    # next_weekday is in a week or later: this month, or the next one
    assert "Ce mois n'est pas fini : sa facture sera émise au début du mois suivant." in page.replace("&#39;", "'")
    past = client.get(f"/conventions/{world.convention_id}/statement?month=2026-01",
                      headers={"Accept-Language": "fr"}).get_data(as_text=True).replace("&#39;", "'")
    assert "Ce mois n'est pas encore facturé." in past and "pas fini" not in past
    with app.test_request_context():
        first_next = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
        issued = invoicing.issue_statement(db.session.get(Convention, world.convention_id), month, today=first_next)
        db.session.commit()
        reference = issued.invoice_reference
    page = client.get(url, headers={"Accept-Language": "fr"}).get_data(as_text=True).replace("\u202f", "\u00a0")
    assert f"Facture {reference} : 18,00\u00a0€ TTC." in page
    assert f'href="/conventions/{world.convention_id}/invoices/{month}.pdf"' in page
    assert client.get(f"/conventions/{world.convention_id}/invoices/{month}.pdf").status_code == 200
