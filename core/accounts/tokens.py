"""Signed, expiring links sent by e-mail: confirm an address, reset a password."""
from __future__ import annotations

import hashlib

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

CONFIRM_MAX_AGE = 7 * 24 * 3600
RESET_MAX_AGE = 3600


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"tierslieux.{purpose}")


def _fingerprint(user) -> str:
    # Ties a reset link to the current password: once used (or the password changed), it dies.
    return hashlib.sha256((user.password_hash or "").encode()).hexdigest()[:16]


def confirmation_token(user) -> str:
    return _serializer("confirm").dumps({"id": user.id, "email": user.email})


def reset_token(user) -> str:
    return _serializer("reset").dumps({"id": user.id, "fp": _fingerprint(user)})


def read_confirmation(token: str) -> dict | None:
    try:
        return _serializer("confirm").loads(token, max_age=CONFIRM_MAX_AGE)
    except (BadSignature, SignatureExpired):
        return None


def read_reset(token: str, load_user):
    """Return the user a reset link is for, or None if it is forged, expired or used."""
    try:
        data = _serializer("reset").loads(token, max_age=RESET_MAX_AGE)
    except (BadSignature, SignatureExpired):
        return None
    user = load_user(data.get("id"))
    if user is None or not user.is_active or data.get("fp") != _fingerprint(user):
        return None
    return user
