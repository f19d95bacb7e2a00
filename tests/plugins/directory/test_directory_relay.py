"""The contact relay: the message arrives by e-mail from the platform with the writer's name and
Reply-To, the recipient's address never reaches the writer; rate limit per sender; report,
block, moderation; the API; export and erasure; who is here this week."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from core.accounts.models import User
from core.extensions import db

EN = {"Accept-Language": "en"}


def _profile_id(app, person):
    from plugins.directory.models import Profile

    with app.app_context():
        return db.session.scalar(select(Profile.id).where(Profile.user_id == person.id))


def test_a_message_is_relayed_with_the_writers_name_and_reply_to(app, client, auth, make_user, make_profile,
                                                                  mailbox):
    claire = make_profile("Claire Vidal", email="claire@cabinet.example")
    writer = make_user(name="Lucas Bernard", email="lucas@example.org")
    auth.login(writer)
    # The form says what happens next: the reply address is the writer's, so Claire sees it (it
    # said "your reply address is then yours", which a usability review could not make sense of).
    form = client.get(f"/directory/people/{_profile_id(app, claire)}").get_data(as_text=True)
    assert "ce membre verra votre adresse" in form
    response = client.post(f"/directory/people/{_profile_id(app, claire)}/contact",
                           data={"body": "Bonjour, pouvez-vous tenir ma comptabilité ?"}, headers=EN)
    assert response.status_code == 303
    page = client.get(response.headers["Location"], headers=EN).get_data(as_text=True)
    assert "Your message is sent to Claire Vidal" in page and "claire@cabinet.example" not in page
    sent = mailbox.wait_for(1)[0]
    assert sent["To"] == "claire@cabinet.example" and sent["Reply-To"] == "lucas@example.org"
    assert "Lucas Bernard" in sent["Subject"]
    assert "pouvez-vous tenir ma comptabilité" in sent.get_content()
    # The writer's own mailbox page shows the message, never the address.
    mine = client.get("/directory/messages", headers=EN).get_data(as_text=True)
    assert "To Claire Vidal" in mine and "claire@cabinet.example" not in mine


def test_a_reply_through_the_platform_reveals_no_address(app, client, auth, make_user, make_profile, mailbox):
    from plugins.directory.models import Message

    claire = make_profile("Claire Vidal", email="claire@cabinet.example")
    writer = make_user(name="Lucas Bernard", email="lucas@example.org")
    auth.login(writer)
    client.post(f"/directory/people/{_profile_id(app, claire)}/contact", data={"body": "Bonjour"})
    auth.logout()
    auth.login(claire)
    with app.app_context():
        message_id = db.session.scalar(select(Message.id))
    page = client.get(f"/directory/messages/{message_id}", headers=EN).get_data(as_text=True)
    assert "Message from Lucas Bernard" in page and "lucas@example.org" not in page
    assert client.post(f"/directory/messages/{message_id}/reply", data={"body": "Avec plaisir"}).status_code == 303
    reply = [m for m in mailbox.wait_for(2) if m["To"] == "lucas@example.org"][0]
    assert reply["Reply-To"] == "claire@cabinet.example" and "Avec plaisir" in reply.get_content()


def test_a_writer_is_throttled_after_the_configured_number(app, client, auth, make_user, make_profile, mailbox):
    from core.plugins import plugin_config

    with app.app_context():
        limit = plugin_config("directory").contact_limit
    target = _profile_id(app, make_profile("Claire Vidal"))
    auth.login(make_user(name="Pressing Writer"))
    for index in range(limit):
        assert client.post(f"/directory/people/{target}/contact", data={"body": f"Message {index}"}).status_code == 303
    response = client.post(f"/directory/people/{target}/contact", data={"body": "One too many"}, headers=EN)
    assert response.status_code == 429
    assert "the most allowed" in response.get_data(as_text=True)
    assert len(mailbox.wait_for(limit + 1, timeout=1)) == limit


def test_the_throttle_counts_its_messages_and_hours_in_the_singular_too(app, client, auth, make_user, make_profile,
                                                                        mailbox):
    """"Vous avez envoyé 1 messages au cours des 1 dernières heures": one message an hour said
    through gettext. Each count now has its own plural (ngettext), in both languages."""
    configs = app.extensions["tierslieux"].configs
    configs["directory"] = configs["directory"].model_copy(update={"contact_limit": 1, "contact_window_hours": 1})
    target = _profile_id(app, make_profile("Claire Vidal"))
    auth.login(make_user(name="Pressing Writer"))
    assert client.post(f"/directory/people/{target}/contact", data={"body": "Bonjour"}).status_code == 303
    french = client.post(f"/directory/people/{target}/contact", data={"body": "Encore"},
                         headers={"Accept-Language": "fr"})
    assert french.status_code == 429
    assert "Vous avez envoyé 1 message au cours de la dernière heure, le maximum autorisé." in \
        french.get_data(as_text=True)
    english = client.post(f"/directory/people/{target}/contact", data={"body": "Again"}, headers=EN)
    assert "You have sent 1 message in the last hour, the most allowed." in english.get_data(as_text=True)
    configs["directory"] = configs["directory"].model_copy(update={"contact_limit": 1, "contact_window_hours": 24})
    again = client.post(f"/directory/people/{target}/contact", data={"body": "Again"}, headers=EN)
    assert "You have sent 1 message in the last 24 hours, the most allowed." in again.get_data(as_text=True)


def test_the_same_message_sent_twice_is_sent_once(app, app_factory, client, auth, make_user, make_profile,
                                                  mailbox):
    """A double click, a form sent again, or both copies at the same instant (real threads):
    one message, one e-mail, and no count against the writer's allowance for the copy."""
    from devtools.races import call_together
    from plugins.directory import relay
    from plugins.directory.models import Message

    claire = make_profile("Claire Vidal", email="claire@cabinet.example")
    target = _profile_id(app, claire)
    writer = make_user(name="Lucas Bernard")
    auth.login(writer)
    for _ in range(2):
        assert client.post(f"/directory/people/{target}/contact", data={"body": "Bonjour !"}).status_code == 303
    assert len(mailbox.wait_for(2, timeout=1)) == 1
    racing = app_factory(JOBS_RUN="worker")

    def send():
        with racing.test_request_context(method="POST"):
            message = relay.write(db.session.get(User, writer.id), profile_id=target, body="Et encore bonjour")
            db.session.commit()
            message_id = message.id
            db.session.remove()
            return message_id

    ids = call_together([send, send])
    assert not any(isinstance(i, Exception) for i in ids) and ids[0] == ids[1]
    with app.app_context():
        bodies = sorted(db.session.scalars(select(Message.body)))
    assert bodies == ["Bonjour !", "Et encore bonjour"]
    assert client.post(f"/directory/people/{target}/contact", data={"body": "Autre chose"}).status_code == 303


def test_the_window_lets_the_writer_write_again_later(app, make_user, make_profile):
    from plugins.directory import relay
    from plugins.directory.models import Message

    target = _profile_id(app, make_profile("Claire Vidal"))
    writer = make_user(name="Writer")
    with app.test_request_context():
        user = db.session.get(User, writer.id)
        for index in range(5):
            relay.write(user, profile_id=target, body=f"x{index}")
        db.session.commit()
        assert relay.allowance(user) == 0
        for message in db.session.scalars(select(Message)):
            message.created_at = message.created_at - timedelta(hours=25)
        db.session.commit()
        assert relay.allowance(user) == 5


def test_unlisted_or_uncontactable_members_cannot_be_written_to(app, client, auth, make_user, make_profile):
    quiet = _profile_id(app, make_profile("Quiet", contactable=False))
    hidden = _profile_id(app, make_profile("Hidden", listed=False))
    auth.login(make_user())
    assert client.post(f"/directory/people/{quiet}/contact", data={"body": "x"}).status_code == 404
    assert client.post(f"/directory/people/{hidden}/contact", data={"body": "x"}).status_code == 404
    assert client.get(f"/directory/people/{hidden}").status_code == 404


def test_report_block_and_moderation(app, client, auth, make_user, make_profile, mailbox):
    from plugins.directory.models import Message

    claire = make_profile("Claire Vidal")
    pest = make_user(name="Pest")
    admin = make_user("territory-admin")
    target = _profile_id(app, claire)
    auth.login(pest)
    client.post(f"/directory/people/{target}/contact", data={"body": "Spam spam"})
    auth.logout()
    auth.login(claire)
    with app.app_context():
        message_id = db.session.scalar(select(Message.id))
    assert client.post(f"/directory/messages/{message_id}/report", data={"reason": "Publicité"}).status_code == 303
    assert client.post(f"/directory/messages/{message_id}/block").status_code == 303
    auth.logout()
    auth.login(pest)
    response = client.post(f"/directory/people/{target}/contact", data={"body": "Again"}, headers=EN)
    assert response.status_code == 403 and "does not accept your messages" in response.get_data(as_text=True)
    auth.logout()
    auth.login(admin)
    assert "Directory: 1 reported message" in client.get("/admin", headers=EN).get_data(as_text=True)  # the count
    queue = client.get("/directory/moderation", headers=EN).get_data(as_text=True)
    assert "Spam spam" in queue and "Publicité" in queue
    assert client.post(f"/directory/moderation/{message_id}", data={"decision": "suspend"}).status_code == 303
    assert "Spam spam" not in client.get("/directory/moderation").get_data(as_text=True)
    dashboard = client.get("/admin", headers=EN).get_data(as_text=True)
    assert "Directory: reported messages" in dashboard and "1 reported" not in dashboard
    auth.logout()
    other = _profile_id(app, make_profile("Other Member"))
    auth.login(pest)
    assert client.post(f"/directory/people/{other}/contact", data={"body": "Hi"}).status_code == 403
    auth.logout()
    auth.login(make_user())
    assert client.get("/directory/moderation").status_code == 404


def test_the_api_lists_shown_fields_and_never_an_email(app, client, make_user, make_profile, api_token):
    make_profile("Claire Vidal", job="M1203", title="Comptable", skills=["121739"], email="claire@cabinet.example")
    make_profile("Damien Roques", listed=False, job="M1203", title="Comptable")
    token = api_token(make_user(name="Reader"))
    assert client.get("/api/v1/directory").status_code == 401
    response = client.get("/api/v1/directory?skill=300319", headers={"Authorization": f"Bearer {token}"})
    body = response.get_json()
    assert response.status_code == 200 and body["total"] == 1
    card = body["profiles"][0]
    assert card["name"] == "Claire Vidal" and card["job"]["code"] == "M1203"
    assert card["skills"][0]["code"] == "121739"
    assert "@" not in response.get_data(as_text=True)
    assert client.get("/api/v1/directory?q=comptab&page=x&radius=-3",
                      headers={"Authorization": f"Bearer {token}"}).get_json()["total"] == 1
    spec = client.get("/api/v1/openapi.json").get_json()
    assert "/directory" in spec["paths"]


def test_export_and_erasure(app, client, auth, make_user, make_profile, mailbox):
    from core.accounts.service import erase_account
    from core.plugins import registry
    from plugins.directory.models import Message, Organisation, Profile

    with app.app_context():
        org = Organisation(name="Chrysalis Numérique")
        db.session.add(org)
        db.session.commit()
        org_id = org.id
    leaving = make_profile("Leaving Member", organisation_id=org_id, title="Comptable")
    staying = make_profile("Staying Member")
    auth.login(staying)
    client.post(f"/directory/people/{_profile_id(app, leaving)}/contact", data={"body": "Bonjour"})
    auth.logout()
    with app.test_request_context():
        user = db.session.get(User, leaving.id)
        export = {}
        for part in registry().pm.hook.user_data_export(user=user):
            export.update(part or {})
        assert export["directory"]["profile"]["job"]["title"] == "Comptable"
        assert export["directory"]["messages"][0]["body"] == "Bonjour"
        erase_account(user, leaving.password)
        db.session.commit()
        assert db.session.scalar(select(Profile).where(Profile.user_id == leaving.id)) is None
        message = db.session.scalar(select(Message))
        assert message.recipient_id is None and message.sender_id == staying.id
    auth.login(staying)
    assert "Leaving Member" not in client.get("/directory?q=comptable").get_data(as_text=True)
    assert "Leaving Member" not in client.get(f"/directory/organisations/{org_id}").get_data(as_text=True)
    page = client.get("/directory/messages", headers=EN).get_data(as_text=True)
    assert "an erased account" in page


def test_who_is_here_this_week_shows_only_members_who_chose_it(app, client, auth, make_site, make_user,
                                                               make_profile):
    from datetime import time

    from core.sites.service import site_by_slug
    from core.timeutil import local_to_utc, today_at
    from plugins.booking.models import Booking
    from plugins.booking.resources import save_resource

    make_site("figeac")
    shown = make_profile("Présente Visible", presence=True)
    hidden = make_profile("Présente Discrète", presence=False)
    with app.app_context():
        site = site_by_slug("figeac")
        day = today_at(site.timezone)
        for index, person in enumerate((shown, hidden)):
            desk = save_resource(site, None, kind="desk", name=f"Poste {index}")
            db.session.add(Booking(resource_id=desk.id, site_id=site.id, member_id=person.id, status="confirmed",
                                   starts_at=local_to_utc(day, time(9), site.timezone),
                                   ends_at=local_to_utc(day, time(12), site.timezone), checkin_code="x"))
        db.session.commit()
    auth.login(make_user(name="Viewer"))
    page = client.get("/directory/sites/figeac", headers=EN).get_data(as_text=True)
    assert "Présente Visible" in page and "Présente Discrète" not in page
    assert "Présente Visible" in client.get("/sites/figeac").get_data(as_text=True)
    auth.logout()
    assert "Présente Visible" not in client.get("/sites/figeac").get_data(as_text=True)
