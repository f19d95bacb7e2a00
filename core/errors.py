"""Error pages in the user's language, and JSON errors under /api/.

`DomainError` is the one error a rule raises when it refuses an action (the core's, and every
plugin's errors derive from it). Left unhandled by a view, it is answered by one handler: a
page with its message and status, or under /api/ `{"error": {"code", "message"}}`.
"""
from __future__ import annotations

import logging

from flask import jsonify, make_response, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError, SecurityError

from core.extensions import db


class DomainError(Exception):
    """A rule refused an action.

    :param message: for the user, already translated (shown on the page or in the JSON body).
    :param code: a short stable word for API clients ("slot_taken"); the class's by default.
    :param status: the HTTP status; the class's by default (422).
    """

    status = 422
    code = "invalid"

    def __init__(self, message, code: str | None = None, status: int | None = None):
        super().__init__(str(message))
        if code is not None and not isinstance(code, str):
            raise TypeError("DomainError: code is a string; give the HTTP status as status=...")
        self.message = str(message)
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status


class NotFound(DomainError):
    status = 404
    code = "not_found"


class Conflict(DomainError):
    status = 409
    code = "conflict"


class Forbidden(DomainError):
    status = 403
    code = "forbidden"


def wants_json() -> bool:
    return request.path.startswith("/api/")


def _messages():
    return {
        400: _("The request could not be understood."),
        401: _("You need to sign in."),
        403: _("You are not allowed to do this."),
        404: _("This page does not exist, or this service is not offered here."),
        405: _("This action is not allowed on this address."),
        409: _("This conflicts with the current state; please reload and try again."),
        413: _("The file or form is too large."),
        415: _("This kind of content is not accepted here."),
        416: _("This part of the file does not exist."),
        422: _("Some of the data given is not valid."),
        429: _("Too many attempts. Please wait a moment and try again."),
        500: _("Something went wrong on our side. Nothing was changed; please try again."),
        503: _("The service is unavailable for a moment. Please try again shortly."),
    }


def _message_for(status: int) -> str:
    """The page's sentence, in the user's language: Werkzeug's descriptions are English only."""
    messages = _messages()
    return messages.get(status) or messages[500 if status >= 500 else 400]


API_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
             405: "method_not_allowed", 409: "conflict", 413: "too_large", 415: "unsupported_media_type",
             422: "invalid", 429: "rate_limited", 500: "server_error", 503: "unavailable"}


def api_error(status: int, message: str | None = None, code: str | None = None, **extra):
    body = {"code": code or API_CODES.get(status, "error"), "message": message or _messages().get(status, "")}
    body.update(extra)
    return jsonify(error=body), status


def _handle_domain(exc: DomainError):
    # The action was refused: nothing the request did before is kept.
    db.session.rollback()
    if wants_json():
        return api_error(exc.status, exc.message, exc.code)
    back = request.referrer if request.referrer and request.referrer.startswith(request.host_url) else None
    return render_template("errors/error.html", status=exc.status, message=exc.message, refused=True,
                           back=back), exc.status


def _handle_http(exc: HTTPException):
    status = exc.code or 500
    if isinstance(exc, SecurityError):  # a Host outside TRUSTED_HOSTS: no link can be built for it
        return make_response(_messages()[400], 400, {"Content-Type": "text/plain; charset=utf-8"})
    if isinstance(exc, CSRFError):
        message = _("The form had expired or was sent from elsewhere. Please try again.")
    else:
        message = _message_for(status)
    if wants_json():
        response = make_response(api_error(status, message))
    else:
        response = make_response(render_template("errors/error.html", status=status, message=message), status)
    for key, value in exc.get_headers():
        if key.lower() in ("retry-after", "allow", "www-authenticate"):
            response.headers[key] = value
    return response


def _handle_unexpected(exc: Exception):
    db.session.rollback()
    logging.getLogger("tierslieux").exception("unhandled error on %s %s", request.method, request.path)
    return _handle_http(InternalServerError())


def init_app(app) -> None:
    app.register_error_handler(HTTPException, _handle_http)
    app.register_error_handler(DomainError, _handle_domain)
    if not app.testing and not app.debug:
        app.register_error_handler(Exception, _handle_unexpected)
