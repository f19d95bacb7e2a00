"""Accounts as a built-in plugin: its pages and its part of a member's data."""
from sqlalchemy import select

from core.accounts.models import Consent
from core.audit import AuditEntry
from core.accounts.views import account, auth
from core.accounts.views_desk import desk
from core.api.tokens import ApiToken
from core.extensions import db
from core.hookspecs import hookimpl


@hookimpl
def blueprints():
    return [auth, account, desk]


@hookimpl
def user_data_export(user):
    consents = select(Consent).where(Consent.user_id == user.id).order_by(Consent.given_at)
    return {
        "account": {
            "email": user.email, "name": user.display_name, "role": user.role, "language": user.locale,
            "home_commune": user.home_commune, "home_commune_code": user.home_commune_code,
            "home_latitude": user.home_latitude,
            "home_longitude": user.home_longitude, "created_at": user.created_at,
            "email_confirmed_at": user.email_confirmed_at, "last_login_at": user.last_login_at,
            "managed_sites": [site.slug for site in user.managed_sites],
        },
        "consents": [{"purpose": c.purpose, "wording": c.wording, "given_at": c.given_at,
                      "withdrawn_at": c.withdrawn_at, "version": c.version,
                      "document": None if c.document is None else {
                          "title": c.document.title, "version": c.document.version, "sha256": c.document.sha256,
                          "text": c.document.text}}
                     for c in db.session.scalars(consents).unique()],
        # Their API tokens: names and when made and last used (never the secret, which is not kept).
        "api_tokens": [{"name": t.name, "hint": t.hint, "created_at": t.created_at, "last_used_at": t.last_used_at,
                        "revoked_at": t.revoked_at}
                       for t in db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)
                                                   .order_by(ApiToken.id))],
        # What the log recorded about them (a role or password changed, reduced prices granted).
        "audit": [{"at": e.at.isoformat(), "action": e.action, "details": e.details}
                  for e in db.session.scalars(select(AuditEntry).where(AuditEntry.subject == f"user:{user.id}")
                                              .order_by(AuditEntry.id))],
        # What the log recorded them doing (a booking cancelled, a site's hours changed): the act
        # and what it was done to, not its details, which may name other people.
        "audit_by_them": [{"at": at.isoformat(), "action": action, "subject": subject}
                          for at, action, subject in db.session.execute(
                              select(AuditEntry.at, AuditEntry.action, AuditEntry.subject)
                              .where(AuditEntry.actor_id == user.id).order_by(AuditEntry.id))],
    }


@hookimpl
def user_data_erase(user):
    db.session.execute(ApiToken.__table__.delete().where(ApiToken.user_id == user.id))
