"""A visitor who walks into a site without an account: the site's manager makes them an ordinary
member account at the desk (their name and e-mail address, nothing more), and an e-mail invites
them to choose their password through a signed link valid a week (the password reset's own
mechanism: `tokens.invitation_token`). The manager then books their place or records their pass
as for any member. No Flask here: the view commits."""
from __future__ import annotations

from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import select

from core import audit
from core.accounts import tokens
from core.accounts.models import User
from core.accounts.service import AccountError, create_unless_exists
from core.audit import AuditEntry
from core.db import utcnow
from core.errors import Forbidden
from core.extensions import db
from core.mail import queue_mail
from core.urls import external_url

MADE_AT_DESK = "account.made_at_desk"
INVITE_DAYS = tokens.INVITE_MAX_AGE // (24 * 3600)
# The same address sent again this soon after its account was made at a desk, still without a
# password: the form sent twice (a double click, a page reloaded), not another visitor.
AGAIN_MINUTES = 10


def make_account(manager, site, email: str, first_name: str, last_name: str, locale: str | None) -> tuple[User, bool]:
    """Make a visitor's member account at `site`'s desk and queue their invitation (flushes).

    The account is a member's like any other: no password (nobody signs in with it until the
    visitor chooses one), the address unconfirmed until the link proves it, no directory profile
    (appearing there is the member's own choice), and `locale` the language of their e-mails.

    :return: (the account, False); or (the account, True) when this address was made at a desk
        moments ago and is still waiting for its password: the same form sent twice, and nothing
        more is done (no second account, no second e-mail).
    :raises Forbidden: `manager` does not run `site`.
    :raises AccountError: the address has an account already (code "exists", 409): the manager
        finds that member instead.
    """
    if not manager.manages(site):
        raise Forbidden(_("Only the managers of this site can make an account at its desk."))
    user, existing = create_unless_exists(email, None, " ".join(f"{first_name} {last_name}".split()), locale)
    if existing is not None:
        if _just_made_at_desk(existing):
            return existing, True
        raise AccountError(_("This e-mail address already has an account: find the member by their name or address "
                             "where you book for a member or record a payment."), "exists", status=409)
    audit.record(manager, MADE_AT_DESK, f"user:{user.id}", site=site.slug)
    invite(user, site)
    return user, False


def _just_made_at_desk(user: User) -> bool:
    if user.password_hash is not None or user.created_at < utcnow() - timedelta(minutes=AGAIN_MINUTES):
        return False
    return user.is_active and db.session.scalar(select(AuditEntry.id).where(
        AuditEntry.action == MADE_AT_DESK, AuditEntry.subject == f"user:{user.id}").limit(1)) is not None


def invite(user: User, site) -> None:
    """Queue the e-mail asking the visitor to choose their password, in their language."""
    link = external_url("auth.welcome", token=tokens.invitation_token(user))
    queue_mail(user.email, "visitor_invitation", locale=user.locale, user=user, site=site.name, link=link,
               days=INVITE_DAYS)
