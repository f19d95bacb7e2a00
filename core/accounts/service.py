"""Account rules: sign-up, confirmation, sign-in, passwords, personal data. No Flask views here."""
from __future__ import annotations

import json

from flask_babel import gettext as _, ngettext
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from core import audit, mail
from core.accounts import legal, roles, tokens
from core.accounts.models import Consent, User
from core.accounts.passwords import MAX_LENGTH, MIN_LENGTH, hash_password, needs_rehash, verify_password
from core.db import as_id, find, is_unique_violation, lock_row, utcnow
from core.errors import DomainError
from core.extensions import db
from core.mail import queue_mail
from core.plugins import registry
from core.urls import external_url


NAME_LENGTH = 120  # the column's


class AccountError(DomainError):
    """A refused account action; the message is for the user."""


def check_password_rules(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise AccountError(ngettext("The password must have at least %(num)d character.",
                                    "The password must have at least %(num)d characters.", MIN_LENGTH))
    if len(password) > MAX_LENGTH:
        raise AccountError(ngettext("The password must have at most %(num)d character.",
                                    "The password must have at most %(num)d characters.", MAX_LENGTH))


def create_user(email: str, password: str | None, display_name: str, role: str = roles.MEMBER,
                locale: str | None = None, confirmed: bool = False, sites=()) -> User:
    """Create an account in the current transaction (the caller commits)."""
    email, display_name = email.strip().lower(), display_name.strip()
    # The forms check these; the operators' command and other callers come here without one.
    if len(email) > 254 or "@" not in email.strip("@"):
        raise AccountError(_("Give a valid e-mail address."))
    if len(display_name) > NAME_LENGTH:
        raise AccountError(ngettext("The name has at most %(num)d character.", "The name has at most %(num)d characters.",
                                    NAME_LENGTH))
    if role not in roles.ROLES:
        raise AccountError(_("Unknown role: %(role)s.", role=role))
    if User.by_email(email) is not None:
        raise AccountError(_("An account already exists with this e-mail address."), "exists")
    if password is not None:
        check_password_rules(password)
    user = User(email=email, display_name=display_name or email.split("@")[0], role=role,
                locale=locale, password_hash=hash_password(password) if password else None,
                email_confirmed_at=utcnow() if confirmed else None)
    try:  # the same address sent twice at once (a double-click on "sign up"): both read "none"
        with db.session.begin_nested():
            db.session.add(user)
            user.managed_sites = list(sites)  # once in the session (the savepoint flushes first)
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise
        raise AccountError(_("An account already exists with this e-mail address."), "exists") from None
    registry().pm.hook.user_registered(user=user)
    return user


def create_unless_exists(email: str, password: str | None, display_name: str,
                         locale: str | None) -> tuple[User | None, User | None]:
    """(the new member account, None), or (None, the account the address has already), also when
    a click sent at the same moment made it first (its commit is seen once `create_user` meets it)."""
    existing = User.by_email(email)
    if existing is not None:
        return None, existing
    try:
        return create_user(email, password, display_name, locale=locale), None
    except AccountError as error:
        if error.code != "exists":
            raise
        return None, User.by_email(email)


def send_confirmation(user: User, next_url: str | None = None) -> None:
    """`next_url`: the page the visitor was on when asked to sign in (a search), kept through
    the confirmation and the first sign-in."""
    link = external_url("auth.confirm", token=tokens.confirmation_token(user), **({"next": next_url} if next_url else {}))
    queue_mail(user.email, "confirm_email", locale=user.locale, user=user, link=link)


def register(email: str, password: str, display_name: str, locale: str | None, accepted: bool = False,
             next_url: str | None = None) -> None:
    """Sign-up: the account exists at once but cannot sign in until the address is confirmed.

    When the address already has an account, its owner is told by e-mail instead, and the
    visitor sees the same answer. Both ways do the same work (one password hash, one mail
    queued and sent, one commit by the view), so neither the page nor its timing reveals who is a member:
    skipping the hash made a known address answer in 113 ms and a new one in 477 ms.
    """
    check_password_rules(password)
    user, existing = create_unless_exists(email, password, display_name, locale)
    if existing is None:
        if accepted:
            legal.accept(user)
        send_confirmation(user, next_url)
    else:
        hash_password(password)  # thrown away: only there to take the time a new account takes
        link = external_url("auth.forgot_password")
        queue_mail(existing.email, "already_registered", locale=existing.locale, user=existing, link=link)


def read_confirmation(token: str) -> User:
    """The account a confirmation link is for, or an error (the link is shown, then posted)."""
    data = tokens.read_confirmation(token)
    user = db.session.get(User, data["id"]) if data else None
    if user is None or user.email != data["email"]:
        raise AccountError(_("This confirmation link is invalid or has expired."))
    return user


def set_role(admin: User, user: User, role: str, sites) -> None:
    """A territory admin gives a role (and, to a site manager, the sites they run)."""
    if user.id == admin.id and role != user.role:
        raise AccountError(_("You cannot change your own role."))
    if role not in roles.ROLES:
        raise AccountError(_("Unknown role: %(role)s.", role=role))
    user.role = role
    user.managed_sites = list(sites) if role == roles.SITE_MANAGER else []
    audit.record(admin, "user.role_changed", f"user:{user.id}", role=role,
                 sites=[s.slug for s in user.managed_sites])


def confirm_email(token: str) -> User:
    user = read_confirmation(token)
    if user.email_confirmed_at is None:
        user.email_confirmed_at = utcnow()
    return user


def authenticate(email: str, password: str) -> User:
    """Check credentials; the same message whatever was wrong, so accounts cannot be probed."""
    user = User.by_email(email)
    if not verify_password(user.password_hash if user else None, password) or user is None:
        raise AccountError(_("Wrong e-mail address or password."))
    if not user.is_active:
        raise AccountError(_("Wrong e-mail address or password."))
    if user.email_confirmed_at is None:
        raise AccountError(_("Please confirm your e-mail address first: we sent you a link."))
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    return user


def end_sessions(user: User) -> None:
    """Every session cookie and remember-me cookie issued so far stops working."""
    user.session_version += 1


def change_password(user: User, current: str, new: str) -> None:
    if not verify_password(user.password_hash, current):
        raise AccountError(_("The current password is wrong."))
    set_password(user, new)


def set_password(user: User, new: str) -> None:
    check_password_rules(new)
    user.password_hash = hash_password(new)
    end_sessions(user)
    audit.record(user, "account.password_changed", f"user:{user.id}")


def request_password_reset(email: str) -> None:
    """Mail a reset link if the account exists; say nothing either way."""
    user = User.by_email(email)
    if user is None or not user.is_active:
        return
    link = external_url("auth.reset_password", token=tokens.reset_token(user))
    queue_mail(user.email, "reset_password", locale=user.locale, user=user, link=link)


def _locked_user(ident) -> User | None:
    """The account under its lock, as committed now: a reset link posted twice at once is
    used once (its fingerprint, the password hash, has changed when the second reads it)."""
    number = as_id(ident)
    if number is None:
        return None
    lock_row(User, number)
    return db.session.get(User, number, populate_existing=True)


def reset_password(token: str, new: str) -> User:
    user = tokens.read_reset(token, _locked_user)
    if user is None:
        raise AccountError(_("This reset link is invalid, expired or already used."))
    if user.email_confirmed_at is None:
        user.email_confirmed_at = utcnow()  # the link proves the address
    set_password(user, new)
    return user


def _invitation_refused() -> AccountError:
    return AccountError(_("This invitation link is invalid, expired or already used. Choose your password with "
                          "\"Forgot your password?\" on the sign-in page."))


def read_invitation(token: str) -> User:
    """The account an invitation is for (its page names them), or an error; nothing is written."""
    user = tokens.read_invitation(token, lambda ident: find(User, ident))
    if user is None:
        raise _invitation_refused()
    return user


def accept_invitation(token: str, new: str, accepted: bool = False) -> User:
    """A visitor whose account a site's manager made chooses their first password: the link
    proves their address, and the documents they ticked are accepted (`accepted`)."""
    user = tokens.read_invitation(token, _locked_user)  # posted twice at once: the second finds it used
    if user is None:
        raise _invitation_refused()
    if user.email_confirmed_at is None:
        user.email_confirmed_at = utcnow()
    set_password(user, new)
    if accepted:
        legal.accept(user)
    return user


def record_consent(user: User, purpose: str, wording: str) -> Consent:
    consent = Consent(user_id=user.id, purpose=purpose, wording=str(wording))
    db.session.add(consent)
    return consent


def withdraw_consent(user: User, purpose: str) -> None:
    for consent in db.session.scalars(select(Consent).where(
            Consent.user_id == user.id, Consent.purpose == purpose, Consent.withdrawn_at.is_(None))):
        consent.withdrawn_at = utcnow()


def update_account(user: User, display_name: str, locale: str | None, home) -> None:
    """Save a member's name, language and home commune (a `core.geo` commune or None); plugins
    that copied any of it hear of the change (`account_updated`). Flushes."""
    display_name = display_name.strip()
    if len(display_name) > NAME_LENGTH:  # the form checks it too
        raise AccountError(ngettext("The name has at most %(num)d character.", "The name has at most %(num)d characters.",
                                    NAME_LENGTH))
    user.display_name, user.locale = display_name, locale
    set_home(user, home)


def set_home(user: User, home) -> None:
    """A member's home commune (a `core.geo` commune or None), from any page that asks for it
    (My account, impact's commute); plugins that copied it hear of the change
    (`account_updated`: the directory searched a commune the member had removed). Flushes."""
    user.home_commune = home.name if home else None
    user.home_commune_code = home.code if home else None
    user.home_latitude = home.latitude if home else None
    user.home_longitude = home.longitude if home else None
    db.session.flush()
    registry().pm.hook.account_updated(user=user)


def export_data(user: User) -> str:
    """All a member's data as JSON (RGPD art. 15 and 20); each plugin adds its part."""
    data = {}
    for part in registry().pm.hook.user_data_export(user=user):
        data.update(part or {})
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def erase_account(user: User, password: str) -> None:
    """Erase a member (RGPD art. 17): plugins erase or detach their part, the row is anonymised.

    The row itself stays, emptied, so that kept documents (invoices) still point somewhere.
    """
    # The member's row first, before any plugin changes their bookings or orders: the lock
    # order every writer follows (docs/architecture.md, "Transactions"), whatever the order
    # the plugins' hooks are called in. Read again under it: a second click finds it erased.
    lock_row(User, user.id)
    db.session.refresh(user)
    if user.erased_at is not None or not verify_password(user.password_hash, password):
        raise AccountError(_("The password is wrong."))
    registry().pm.hook.user_data_erase(user=user)
    # After the plugins, whose cancellations may have queued mails to the member: none is kept.
    mail.forget(user.email)
    audit.forget(user.email, f"erased-{user.id}@invalid")
    audit.record(None, "account.erased", f"user:{user.id}")
    user.email = f"erased-{user.id}@invalid"
    user.display_name = _("Erased account")
    user.password_hash = None
    user.home_commune = user.home_commune_code = user.home_latitude = user.home_longitude = None
    user.locale = None
    user.managed_sites = []
    user.erased_at = utcnow()
    end_sessions(user)
