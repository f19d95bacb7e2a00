"""What every API endpoint shares: bearer-token authentication and JSON body parsing."""
from __future__ import annotations

from functools import wraps

from flask import g, request
from flask_babel import gettext as _, refresh

from core.api.tokens import user_for_token
from core.errors import API_CODES, DomainError, api_error
from core.forms import has_control_characters


class ApiError(DomainError):
    """A `DomainError` for what only the API refuses (a malformed body, a bad parameter),
    status first: `ApiError(400, message, "bad_request")`. Answered `{"error": {"code",
    "message"}}` by the core's handler; a service's own `DomainError` needs no translating."""

    def __init__(self, status: int, message: str, code: str | None = None):
        super().__init__(message, code or API_CODES.get(status, "error"), status)


def optional_token_user():
    """For endpoints open to all that show more to a token's holder: the user of the bearer
    token, None without an Authorization header, a 401 for a token that is not valid."""
    if not request.headers.get("Authorization"):
        return None
    user = _bearer_user()
    if user is None:
        raise ApiError(401, _("A valid API token is required."), "unauthorized")
    _authenticated(user)
    return user


def _authenticated(user) -> None:
    """The request is the token holder's: answered in their language (core.i18n), never stored
    by a cache (core.security)."""
    g.api_user = user
    refresh()  # a language chosen before the token was read is chosen again


def _bearer_user():
    scheme, _sep, secret = request.headers.get("Authorization", "").partition(" ")
    return user_for_token(secret.strip()) if scheme.lower() == "bearer" else None


def token_required(view):
    """Authenticate with `Authorization: Bearer <token>`; cookies are not accepted, so the
    API needs no CSRF token."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        user = _bearer_user()
        if user is None:
            response, status = api_error(401, _("A valid API token is required."), "unauthorized")
            response.headers["WWW-Authenticate"] = 'Bearer realm="tierslieux"'
            return response, status
        _authenticated(user)
        return view(*args, **kwargs)

    return wrapper


def json_body() -> dict:
    """The request's JSON object, or a 400/415 the client can understand."""
    if not request.is_json:
        raise ApiError(415, _("Send a JSON body with Content-Type: application/json."), "unsupported_media_type")
    try:
        data = request.get_json(silent=True)
    except RecursionError:  # "[[[[..." nested past the parser's depth; `silent` catches ValueError only
        data = None
    if not isinstance(data, dict):
        raise ApiError(400, _("The body must be a JSON object."), "bad_request")
    if _has_control_characters(data):  # the API's texts are single-line, like the forms' (core/forms.py)
        raise ApiError(400, _("Text values must fit on one line, without tabs or control characters."),
                       "bad_request")
    return data


def _has_control_characters(value) -> bool:
    """Any string in a JSON document, keys included, holding a control character (iterative:
    a deeply nested body must not exhaust the stack)."""
    todo = [value]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            if has_control_characters(item):
                return True
        elif isinstance(item, dict):
            todo.extend(item.keys())
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)
    return False
