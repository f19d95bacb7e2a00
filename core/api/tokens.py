"""Personal API tokens: shown once, stored as a SHA-256 digest, revocable."""
from __future__ import annotations

import hashlib
import secrets
from functools import cache

from flask_babel import ngettext
from sqlalchemy import ForeignKey, String, bindparam, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.db import UTCDateTime, utcnow
from core.errors import DomainError
from core.extensions import db

PREFIX = "tl_"
NAME_LENGTH = 80  # the column's


class TokenError(DomainError):
    """A token refused; the message is for the user."""


class ApiToken(db.Model):
    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    # A random token has enough entropy that a fast digest is safe; no need for a slow hash.
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    hint: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[object | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[object | None] = mapped_column(UTCDateTime)

    user = relationship("User")


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(user, name: str) -> str:
    """Store a new token for `user` and return its secret, which is never shown again."""
    name = " ".join((name or "").split())
    if not name or len(name) > NAME_LENGTH:  # the form checks it; the operators' command does not
        raise TokenError(ngettext("Give the token a name of at most %(num)d character.",
                                  "Give the token a name of at most %(num)d characters.", NAME_LENGTH))
    secret = PREFIX + secrets.token_urlsafe(32)
    db.session.add(ApiToken(user_id=user.id, name=name, digest=_digest(secret), hint=secret[:7]))
    return secret


def tokens_of(user) -> list[ApiToken]:
    return db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id,
                                                     ApiToken.revoked_at.is_(None))
                              .order_by(ApiToken.created_at)).all()


def revoke_token(user, token_id: int) -> bool:
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id or token.revoked_at is not None:
        return False
    token.revoked_at = utcnow()
    return True


def user_for_token(secret: str):
    """The active user a token belongs to, or None."""
    if not secret.startswith(PREFIX) or len(secret) > 100:
        return None
    user = db.session.scalar(_holder_query(), {"digest": _digest(secret)})
    return user if user is not None and user.is_active else None


@cache
def _holder_query():
    """The user of an unrevoked token, by its digest: built once with a bound parameter (every
    API call asks it; the token's own row is not needed)."""
    from core.accounts.models import User

    return select(User).join(ApiToken, ApiToken.user_id == User.id).where(
        ApiToken.digest == bindparam("digest"), ApiToken.revoked_at.is_(None))
