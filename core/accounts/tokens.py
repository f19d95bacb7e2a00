"""Signed, expiring links sent by e-mail: confirm an address, reset a password, and choose a
first password (an account a site's manager made for a visitor at the desk)."""
from __future__ import annotations

import hashlib

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

CONFIRM_MAX_AGE = 7 * 24 * 3600
RESET_MAX_AGE = 3600
# A visitor's invitation is read days later, at home: a week, not the hour of a reset asked
# for a moment ago. The same fingerprint kills it once a password is chosen (by it or a reset).
INVITE_MAX_AGE = 7 * 24 * 3600


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"tierslieux.{purpose}")


def _fingerprint(user) -> str:
    # Ties a reset link to the current password: once used (or the password changed), it dies.
    return hashlib.sha256((user.password_hash or "").encode()).hexdigest()[:16]


def confirmation_token(user) -> str:
    return _serializer("confirm").dumps({"id": user.id, "email": user.email})


def reset_token(user) -> str:
    return _serializer("reset").dumps({"id": user.id, "fp": _fingerprint(user)})


def invitation_token(user) -> str:
    """A reset link of its own salt and lifetime: a reset link does not pass for an invitation."""
    return _serializer("invite").dumps({"id": user.id, "fp": _fingerprint(user)})


def read_confirmation(token: str) -> dict | None:
    try:
        return _serializer("confirm").loads(token, max_age=CONFIRM_MAX_AGE)
    except (BadSignature, SignatureExpired):
        return None


def read_reset(token: str, load_user):
    """Return the user a reset link is for, or None if it is forged, expired or used."""
    return _read_password_link("reset", RESET_MAX_AGE, token, load_user)


def read_invitation(token: str, load_user):
    """Return the user an invitation is for, or None if it is forged, expired or used."""
    return _read_password_link("invite", INVITE_MAX_AGE, token, load_user)


def _read_password_link(purpose: str, max_age: int, token: str, load_user):
    try:
        data = _serializer(purpose).loads(token, max_age=max_age)
    except (BadSignature, SignatureExpired):
        return None
    user = load_user(data.get("id"))
    if user is None or not user.is_active or data.get("fp") != _fingerprint(user):
        return None
    return user
