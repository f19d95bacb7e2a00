"""`plugins.directory.relay_message`, the relay for other plugins: it reaches a member who is not
listed, with the directory's rules (empty body, rate limit, blocks, suspension), and the message
joins the recipient's mailbox where it can be reported or its writer blocked."""
from __future__ import annotations

import pytest

from core.accounts.models import User
from core.errors import DomainError
from core.extensions import db


def _send(app, sender, recipient, body="Bonjour", about="Objet : une offre"):
    from plugins.directory import relay_message

    with app.test_request_context():
        message = relay_message(db.session.get(User, sender.id), db.session.get(User, recipient.id), body, about=about)
        db.session.commit()
        return message.id


def test_relay_message_reaches_an_unlisted_member_without_showing_an_address(app, client, auth, make_user, mailbox):
    writer = make_user(name="Recruteuse", email="writer@example.org")
    spouse = make_user(name="Conjoint", email="spouse@example.org")  # no directory profile at all
    message_id = _send(app, writer, spouse, "Un poste vous attend.")
    mail = mailbox.wait_for(1)[0]
    assert mail["To"] == "spouse@example.org" and mail["Reply-To"] == "writer@example.org"
    assert "Objet : une offre" in mail.get_content() and "Un poste vous attend." in mail.get_content()
    auth.login(writer)
    page = client.get(f"/directory/messages/{message_id}").get_data(as_text=True)
    assert "spouse@example.org" not in page
    auth.logout()
    auth.login(spouse)  # the recipient may report it and block its writer, as any relayed message
    assert client.post(f"/directory/messages/{message_id}/report", data={"reason": "spam"}).status_code == 303
    assert client.post(f"/directory/messages/{message_id}/block").status_code == 303
    with pytest.raises(DomainError) as refused:
        _send(app, writer, spouse)
    assert refused.value.status == 403


def test_relay_message_keeps_the_rate_limit_and_refuses_an_empty_body(app, make_user):
    from core.plugins import plugin_config

    writer, spouse = make_user(), make_user()
    with app.app_context():
        limit = plugin_config("directory").contact_limit
    with pytest.raises(DomainError):
        _send(app, writer, spouse, body="   ")
    for index in range(limit):
        _send(app, writer, spouse, body=f"Bonjour {index}")
    with pytest.raises(DomainError) as refused:
        _send(app, writer, spouse, body="Encore")
    assert refused.value.status == 429
