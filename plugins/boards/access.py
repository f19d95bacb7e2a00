"""Who may do what on the boards. The territory admin grants two roles of the boards' own:
`recruiter` (an employer approved to see spouse profiles) and `welcome_officer` (follows each
spouse's steps, and may see their profiles too). Nobody else ever sees a spouse profile, except
the spouse and the profile's author.

Services flush; the caller commits.
"""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from core import audit
from core.accounts.models import User
from core.cache import cached, watch
from core.db import lock_row
from core.errors import Forbidden
from core.extensions import db
from core.plugins import plugin_config

from .errors import BoardsError
from .models import Grant

RECRUITER, WELCOME_OFFICER = "recruiter", "welcome_officer"
ROLES = {RECRUITER: _l("Approved recruiter"), WELCOME_OFFICER: _l("Welcome officer")}


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and getattr(user, "is_active", False)


def is_admin(user) -> bool:
    return _signed_in(user) and user.is_territory_admin


watch(Grant, "boards_grants")


def roles_of(user) -> frozenset[str]:
    """The boards roles granted to `user`. Every member's home asks, and the grants are a few
    rows changed by the territory admin: they are kept per process (`core.cache`), so a grant
    or a revocation reaches every worker within `CACHE_CHECK_SECONDS`."""
    if not _signed_in(user):
        return frozenset()
    return _all_roles().get(user.id, frozenset())


def _all_roles() -> dict[int, frozenset[str]]:
    def build():
        roles: dict[int, set[str]] = {}
        for user_id, role in db.session.execute(select(Grant.user_id, Grant.role)):
            roles.setdefault(user_id, set()).add(role)
        return {user_id: frozenset(granted) for user_id, granted in roles.items()}

    return cached("boards_grants", "roles", build)


def has_grant(user, role: str) -> bool:
    return role in roles_of(user)


def is_recruiter(user) -> bool:
    """An approved recruiter (or the territory admin)."""
    return is_admin(user) or has_grant(user, RECRUITER)


def is_welcome_officer(user) -> bool:
    return is_admin(user) or has_grant(user, WELCOME_OFFICER)


def may_see_spouses(user) -> bool:
    """Whether spouse profiles may be shown to this user (not only their own)."""
    return is_recruiter(user) or has_grant(user, WELCOME_OFFICER)


def contact_limit(user) -> int | None:
    """How many messages this user may relay in the directory's window: the approved people
    (recruiters, welcome officers) write to many and have the boards' own limit; anyone else
    the directory's (None)."""
    if is_recruiter(user) or is_welcome_officer(user):
        return plugin_config("boards").approved_contact_limit
    return None


def require(allowed: bool) -> None:
    if not allowed:
        raise Forbidden(_("This page is for the people the territory approved."))


def grants() -> list[Grant]:
    return db.session.scalars(select(Grant).join(User, User.id == Grant.user_id)
                              .order_by(Grant.role, User.display_name)).all()


def grant(admin, email: str, role: str, organisation: str = "") -> Grant:
    """The territory admin approves a recruiter or names a welcome officer (an existing account)."""
    if role not in ROLES:
        raise BoardsError(_("Choose a role."))
    user = User.by_email(email or "")
    if user is None or not user.is_active:
        raise BoardsError(_("No account uses this e-mail address: the person signs up first."))
    lock_row(User, user.id)  # granted twice at once (two tabs): one row, no 500
    row = db.session.get(Grant, (user.id, role), populate_existing=True)
    if row is None:
        row = Grant(user_id=user.id, role=role, granted_by_id=admin.id)
        db.session.add(row)
    row.organisation = (organisation or "").strip()[:160]
    audit.record(admin, "boards.granted", f"user:{user.id}", role=role)
    db.session.flush()
    return row


def revoke(admin, user_id: int, role: str) -> None:
    row = db.session.get(Grant, (user_id, role))
    if row is not None:
        db.session.delete(row)
        audit.record(admin, "boards.revoked", f"user:{user_id}", role=role)
        db.session.flush()

