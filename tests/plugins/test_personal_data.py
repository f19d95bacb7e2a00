"""A member's personal data across the plugins: the download gives all the platform holds about
them, erasure leaves none of it behind (found by a privacy review; each test failed before its
fix)."""
from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select

from core.accounts import service
from core.accounts import service as accounts
from core.accounts.models import User
from core.audit import AuditEntry
from core.db import utcnow
from core.extensions import db
from core.mail import MailMessage
from core.sites.models import Site
from core.timeutil import today_at
from tests.plugins.booking.booking_dates import next_weekday
from tests.plugins.booking.conftest import make_resource, site_with_desk  # noqa: F401 - fixtures


def test_erasure_leaves_no_mail_message_with_the_members_address_or_name(app, client, make_user, mailbox):
    """The outbox keeps every mail forever (recipient, subject, bodies): an erased member's
    address and name stay in mail_message rows, which nothing erases nor purges."""
    member = make_user(email="camille.durand@example.org", name="Camille Durand")
    assert client.post("/password/forgot", data={"email": member.email}).status_code in (200, 303)
    mailbox.wait_for(1)
    with app.test_request_context():
        assert db.session.scalar(select(MailMessage.id).where(MailMessage.recipient == member.email)) is not None
        service.erase_account(db.session.get(User, member.id), member.password)
        db.session.commit()
        left = db.session.scalars(select(MailMessage)).all()
        assert [m.recipient for m in left if m.recipient == member.email] == []
        assert [m.id for m in left if "Camille Durand" in (m.body_text or "") + (m.body_html or "")] == []


def test_a_mail_queued_before_the_erasure_is_not_sent_to_the_erased_member(app_factory, make_site, mailbox):
    """A mail still in the outbox (SMTP down, retried for hours; here a worker not run yet)
    goes to the erased member's real address after the erasure."""
    from core.accounts.service import create_user
    from core.jobs import run_pending

    app = app_factory(JOBS_RUN="worker")
    with app.test_request_context():
        user = create_user("dominique.leroy@example.org", "a long enough password", "Dominique Leroy",
                           confirmed=True)
        db.session.commit()
        service.request_password_reset(user.email)
        db.session.commit()
        assert db.session.scalar(select(MailMessage.id).where(
            MailMessage.recipient == "dominique.leroy@example.org", MailMessage.status == "pending")) is not None
        service.erase_account(db.session.get(User, user.id), "a long enough password")
        db.session.commit()
        run_pending()
    mailbox.wait_for(1, timeout=1.0)
    assert mailbox.to("dominique.leroy@example.org") == []


def test_the_download_gives_the_audit_entries_about_the_member(app, make_user, make_site):
    """The audit log records acts about a member (`subject = user:<id>`: role changes, password
    changes, reduced prices granted with their category); no plugin puts them in the download."""
    from core.sites.service import site_by_slug
    from plugins.billing.rates import grant_reduced_rate

    make_site("figeac")
    member, admin = make_user(), make_user("territory-admin")
    with app.test_request_context():
        user = db.session.get(User, member.id)
        service.change_password(user, member.password, "another long password")
        grant_reduced_rate(db.session.get(User, admin.id), site_by_slug("figeac"), user, "job_seeker")
        db.session.commit()
        from core.audit import AuditEntry
        about = db.session.scalars(select(AuditEntry.action).where(AuditEntry.subject == f"user:{member.id}")).all()
        assert {"account.password_changed", "billing.reduced_rate"} <= set(about)
        text = service.export_data(db.session.get(User, member.id))
    assert "account.password_changed" in text and "billing.reduced_rate" in text


def test_the_download_gives_what_the_log_recorded_the_member_doing_without_others_details(app, make_user,
                                                                                        make_site):
    from core import audit

    member, other = make_user(), make_user(email="autre@example.org")
    with app.test_request_context():
        audit.record(db.session.get(User, member.id), "booking.cancelled", "booking:7", member_email=other.email)
        audit.record(db.session.get(User, other.id), "booking.cancelled", "booking:8")
        db.session.commit()
        data = json.loads(service.export_data(db.session.get(User, member.id)))
    assert [(e["action"], e["subject"]) for e in data["audit_by_them"]] == [("booking.cancelled", "booking:7")]
    assert other.email not in json.dumps(data["audit_by_them"])


def test_an_erased_employee_s_address_does_not_stay_in_the_audit_log(app, runner, make_site, make_user):
    """`conventions.invite` audits the invited address (details.email); erasing that person's
    account leaves it there (the audit log is only ever added to)."""
    from plugins.conventions import service

    assert runner.invoke(args=["modules", "enable", "conventions"]).exit_code == 0
    make_site("figeac")
    admin = make_user("territory-admin")
    employee = make_user(email="claude.martin@lot.fr", name="Claude Martin")
    with app.test_request_context():
        from core.sites.service import site_by_slug

        actor = db.session.get(User, admin.id)
        partner = service.save_partner(actor, None, name="Conseil départemental du Lot", siret="22460001500016",
                                       address="Cahors", public_buyer=True, chorus_service_code="DRH",
                                       engagement_number="EJ-1")
        today = today_at("Europe/Paris")
        convention = service.save_convention(
            actor, partner, None, reference="CD46-TT", starts_on=today - timedelta(days=10),
            ends_on=today + timedelta(days=400), site_ids=[site_by_slug("figeac").id], kinds=["desk"],
            price_model="per_day", day_rate_cents=1500, half_day_rate_cents=800, past_cap="refuse")
        service.invite(actor, convention, employee.email)
        db.session.commit()

        user = db.session.get(User, employee.id)
        accounts.erase_account(user, employee.password)
        db.session.commit()
        kept = [e.details for e in db.session.scalars(select(AuditEntry))
                if employee.email in json.dumps(e.details)]
    assert kept == []


def test_an_erased_members_orders_keep_neither_address_nor_name(app, make_site, make_user):
    """`privacy.detach` blanks `client_email` but not `client_name` (privacy.py:55), while its
    docstring says orders lose "their link and contact copy": an order never paid, which no
    invoice needs, keeps the erased member's name."""
    from core.sites.service import site_by_slug
    from plugins.billing.checkout import create_order
    from plugins.billing.models import Order
    from plugins.billing.products import quote

    make_site("figeac")
    member = make_user(name="Dominique Leroy")
    with app.test_request_context():
        user, site = db.session.get(User, member.id), site_by_slug("figeac")
        order = create_order(user, site, quote(site, "bundle_10", user.id), method="cash")
        db.session.commit()
        order_id = order.id
        accounts.erase_account(user, member.password)
        db.session.commit()
        kept = db.session.get(Order, order_id)
        assert kept.paid_at is None  # an order nobody paid: no invoice needs it
        assert (kept.member_id, kept.client_email) == (None, "")
        assert kept.client_name == ""


def test_the_download_lists_the_members_orders_memberships_and_reduced_price_category(app, make_site, make_user):
    """Billing's download gives invoices, company details and credits only: orders (what was
    bought, pending or paid on site, with the name and address copied on them), memberships and
    the reduced-price category a manager recorded (job seeker, student) are held but not given."""
    from core.sites.service import site_by_slug
    from plugins.billing.checkout import create_order
    from plugins.billing.products import quote
    from plugins.billing.rates import grant_reduced_rate

    make_site("figeac")
    member, admin = make_user(), make_user("territory-admin")
    with app.test_request_context():
        user, site = db.session.get(User, member.id), site_by_slug("figeac")
        create_order(user, site, quote(site, "bundle_10", user.id), method="cash")
        grant_reduced_rate(db.session.get(User, admin.id), site, user, "job_seeker")
        db.session.commit()
        data = json.loads(accounts.export_data(db.session.get(User, member.id)))
    billing = json.dumps(data["billing"])
    assert "job_seeker" in billing
    assert "bundle_10" in billing or "Carnet" in billing


def test_the_download_gives_the_members_arrival_times_and_waitlist_entries(app, make_user,
                                                                           site_with_desk):  # noqa: F811
    """The booking section gave id, resource, site, times, status and creation only: the arrival
    recorded at check-in (presence data) and the member's waitlist entries were left out."""
    from plugins.booking import checkin, waitlist
    from plugins.booking import service as bookings
    from plugins.booking.slots import range_for

    member = make_user()
    with app.test_request_context():
        person, resource = db.session.get(User, member.id), bookings.get_resource(site_with_desk)
        booking = bookings.book(resource, person, *range_for(resource.site, next_weekday(), "morning"))
        db.session.commit()
        checkin.check_in(booking.id, person, now=booking.starts_at)
        waitlist.join(resource.site, "desk", person, *range_for(resource.site, next_weekday(2), "afternoon"))
        db.session.commit()
        data = json.loads(accounts.export_data(db.session.get(User, member.id)))
    [exported] = data["bookings"]
    assert exported["checked_in_at"] and exported["status"] == "checked_in"
    assert [(w["kind"], w["status"]) for w in data["waitlist"]] == [("desk", "waiting")]


def test_the_download_gives_every_message_not_the_200_latest(app, make_user):
    """`relay.export` reads `mailbox(user)`, the inbox page's query with `.limit(200)`: a member
    with more messages gets only the 200 newest in their download (art. 15)."""
    from plugins.directory.models import Message

    member, other = make_user(), make_user()
    with app.test_request_context():
        start = utcnow() - timedelta(days=400)
        for i in range(205):
            db.session.add(Message(sender_id=other.id, recipient_id=member.id, body=f"message {i:03d}",
                                   created_at=start + timedelta(days=i)))
        db.session.commit()
        data = json.loads(accounts.export_data(db.session.get(User, member.id)))
    bodies = {m["body"] for m in data["directory"]["messages"]}
    assert len(bodies) == 205, f"{len(bodies)} messages in the download, 205 held"
    assert "message 000" in bodies


def test_the_download_gives_the_reason_the_member_wrote_when_reporting(app, make_user):
    """A report's reason is free text the member wrote (`directory_message.report_reason`),
    kept for the moderators; the download says only `reported: true`."""
    from plugins.directory import relay
    from plugins.directory.models import Message

    member, other = make_user(), make_user()
    with app.test_request_context():
        message = Message(sender_id=other.id, recipient_id=member.id, body="hello")
        db.session.add(message)
        db.session.flush()
        relay.report(db.session.get(User, member.id), message.id, "Il insiste depuis trois semaines")
        db.session.commit()
        text = accounts.export_data(db.session.get(User, member.id))
    assert "Il insiste depuis trois semaines" in text


def test_a_home_commune_cleared_on_my_impact_is_no_longer_searched_in_the_directory(app, client, auth, make_user,
                                                                                   api_token):
    """/impact/me saves the home commune onto the account (impact/service.py save_profile) without
    firing `account_updated`: the directory keeps the old commune's name in its search text and
    its position, so the member is still found by it, and around it, after removing it."""
    from core import geo
    from plugins.directory import profiles
    from plugins.directory.models import FIELDS

    member, reader = make_user(name="Alix Bertrand"), make_user()
    with app.test_request_context():
        user = db.session.get(User, member.id)
        home = geo.resolve("Maurs", ("15",))[0]
        user.home_commune, user.home_commune_code = home.name, home.code
        user.home_latitude, user.home_longitude = home.latitude, home.longitude
        profiles.set_consents(user, listed=True, contactable=True, public=False, show_presence=False)
        profiles.save(user, shown=FIELDS)
        db.session.commit()
    token = api_token(reader)
    headers = {"Authorization": f"Bearer {token}"}
    found = client.get("/api/v1/directory?q=maurs", headers=headers).get_json()
    assert [p["name"] for p in found["profiles"]] == ["Alix Bertrand"]

    auth.login(member)
    response = client.post("/impact/me", data={"home_commune": "", "work_commune": "", "mode": "bike_walk"})
    assert response.status_code == 303
    with app.app_context():
        assert db.session.get(User, member.id).home_commune_code is None  # the account forgot it
    found = client.get("/api/v1/directory?q=maurs", headers=headers).get_json()
    around = client.get("/api/v1/directory?commune=Maurs&radius=5", headers=headers).get_json()
    assert found["profiles"] == [] and around["profiles"] == []


def test_erasure_takes_the_address_out_of_the_audit_but_not_one_that_contains_it(app, make_user):
    """The address alone is replaced: "ann@lot.fr" is not the end of someone else's "joann@lot.fr"."""
    from core import audit

    member = make_user(email="ann@lot.fr")
    with app.test_request_context():
        audit.record(None, "conventions.invited", "conventions_convention:1", email="ann@lot.fr")
        audit.record(None, "conventions.invited", "conventions_convention:1", email="joann@lot.fr")
        db.session.commit()
        accounts.erase_account(db.session.get(User, member.id), member.password)
        db.session.commit()
        emails = sorted(e.details["email"] for e in db.session.scalars(
            select(AuditEntry).where(AuditEntry.action == "conventions.invited")))
    assert emails == [f"erased-{member.id}@invalid", "joann@lot.fr"]


def test_erasure_keeps_the_relay_mail_the_member_wrote_to_another_member(app, make_user):
    """Erasure deleted the relay mails the member had written to others (one still waiting was
    never sent to them): those are the others' mails, kept without the address to reply to."""
    from core.mail import MailMessage, queue_mail

    writer = make_user(email="writer@example.org")
    make_user(email="reader@example.org")
    with app.test_request_context():
        queue_mail("reader@example.org", "directory_message", reply_to="writer@example.org", sender_name="W.",
                   body="Hello", is_reply=False, message_url="http://x/1")
        db.session.commit()
        accounts.erase_account(db.session.get(User, writer.id), writer.password)
        db.session.commit()
        kept = db.session.execute(select(MailMessage.recipient, MailMessage.reply_to)).all()
    assert kept == [("reader@example.org", None)]


def test_a_credit_note_issued_after_the_erasure_names_the_client_of_its_invoice(app, make_site, make_user):
    """A credit note took its client from the order, whose copy erasure blanks: a refund after
    the erasure gave a credit note with no name, unlike the invoice it cancels (kept by law)."""
    from core.sites.service import site_by_slug
    from plugins.billing.checkout import create_order
    from plugins.billing.fulfilment import record_paid_on_site
    from plugins.billing.models import Order
    from plugins.billing.products import quote
    from plugins.billing.refunds import refund

    make_site("figeac")
    member = make_user(name="Dominique Leroy")
    with app.test_request_context():
        user, site = db.session.get(User, member.id), site_by_slug("figeac")
        order = create_order(user, site, quote(site, "bundle_10", user.id), method="cash")
        invoice = record_paid_on_site(order)
        db.session.commit()
        order_id, invoice_client = order.id, dict(invoice.client)
        assert invoice_client["name"] == "Dominique Leroy"
        accounts.erase_account(db.session.get(User, member.id), member.password)
        db.session.commit()
        note = refund(db.session.get(Order, order_id), None, "goodwill", to="card")
        db.session.commit()
        assert note.client["name"] == invoice_client["name"]


def test_the_download_gives_the_directory_fields_not_shown_the_blocks_and_a_suspension(app, make_site, make_user):
    """The directory's part was its public card plus a few fields: a job code, an organisation,
    skills and sites the member did not tick to show were held and given nowhere, nor the members
    they blocked, nor their suspension by the moderators (found by the access review)."""
    from plugins.directory import profiles, relay
    from plugins.directory.models import Message, Organisation, Suspension

    make_site("figeac")
    member, pest, admin = make_user(), make_user(name="Relentless Writer"), make_user("territory-admin")
    with app.test_request_context():
        user = db.session.get(User, member.id)
        organisation = Organisation(name="Chrysalis Numérique")
        db.session.add(organisation)
        db.session.flush()
        profiles.set_consents(user, listed=True)
        profiles.save(user, shown=["bio"], job_code="M1203", bio="Bilans", organisation_id=organisation.id,
                      site_ids=[db.session.scalar(select(Site.id).where(Site.slug == "figeac"))])
        profiles.add_skill(user, label="Occitan")
        message = Message(sender_id=pest.id, recipient_id=member.id, body="encore moi")
        db.session.add(message)
        db.session.flush()
        relay.block(user, message.id)
        db.session.add(Suspension(user_id=member.id, by_id=admin.id))
        db.session.commit()
        directory = json.loads(accounts.export_data(db.session.get(User, member.id)))["directory"]
    profile = directory["profile"]
    assert profile["job"]["code"] == "M1203" and profile["organisation"]["name"] == "Chrysalis Numérique"
    assert [s["label"] for s in profile["skills"]] == ["Occitan"]
    assert [s["slug"] for s in profile["sites"]] == ["figeac"]
    assert [b["member"] for b in directory["blocked"]] == ["Relentless Writer"]
    assert directory["suspended_since"]


def test_the_download_gives_the_api_tokens_and_the_calendar_feeds(app, make_user):
    """Tokens (their names, when made and last used) and the private calendar addresses are the
    member's, and were in no part of the download (found by the access review)."""
    from core.api.tokens import create_token
    from plugins.booking import feeds

    member = make_user()
    with app.test_request_context():
        user = db.session.get(User, member.id)
        secret = create_token(user, "Mon agenda")
        token = feeds.create_member_feed(user).token
        db.session.commit()
        text = accounts.export_data(db.session.get(User, member.id))
    data = json.loads(text)
    assert [t["name"] for t in data["api_tokens"]] == ["Mon agenda"]
    assert secret not in text and token not in text  # the secrets stay out of a file that travels
    assert [f["site"] for f in data["calendar_feeds"]] == [None]


def test_the_download_gives_an_employees_weekdays_and_cost_centre_and_a_referents_partners(app, make_site,
                                                                                          make_user):
    """What a référent decided about an employee (their days of the week, their cost centre)
    and the partners a référent speaks for were held and not given (found by the access review)."""
    from plugins.conventions import service as conventions
    from plugins.conventions.models import Authorisation

    make_site("figeac")
    admin, referent, employee = make_user("territory-admin"), make_user(), make_user()
    with app.test_request_context():
        actor = db.session.get(User, admin.id)
        partner = conventions.save_partner(actor, None, name="Conseil départemental du Lot",
                                           siret="22460001500016", address="Cahors")
        conventions.add_referent(actor, partner, referent.email)
        today = today_at("Europe/Paris")
        convention = conventions.save_convention(
            actor, partner, None, reference="CD46-TT", starts_on=today - timedelta(days=10),
            ends_on=today + timedelta(days=300), site_ids=[db.session.scalar(select(Site.id))], kinds=["desk"],
            price_model="per_day", day_rate_cents=1500, half_day_rate_cents=800, past_cap="refuse",
            cost_centres=["DRH", "Routes"])
        db.session.add(Authorisation(convention_id=convention.id, user_id=employee.id, status="approved",
                                     valid_from=today, weekdays=[0, 3], cost_centre="Routes"))
        db.session.commit()
        mine = json.loads(accounts.export_data(db.session.get(User, employee.id)))["conventions"]
        theirs = json.loads(accounts.export_data(db.session.get(User, referent.id)))
    assert [(c["weekdays"], c["cost_centre"]) for c in mine] == [([0, 3], "Routes")]
    assert theirs["conventions_referent_of"] == ["Conseil départemental du Lot"]
