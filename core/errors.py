"""Error pages in the user's language, and JSON errors under /api/."""
from __future__ import annotations

import logging

from flask import jsonify, make_response, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError, SecurityError


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
        422: _("Some of the data given is not valid."),
        429: _("Too many attempts. Please wait a moment and try again."),
        500: _("Something went wrong on our side. Nothing was changed; please try again."),
    }


API_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
             405: "method_not_allowed", 409: "conflict", 413: "too_large", 415: "unsupported_media_type",
             422: "invalid", 429: "rate_limited", 500: "server_error"}


def api_error(status: int, message: str | None = None, code: str | None = None, **extra):
    body = {"code": code or API_CODES.get(status, "error"), "message": message or _messages().get(status, "")}
    body.update(extra)
    return jsonify(error=body), status


def _handle_http(exc: HTTPException):
    status = exc.code or 500
    if isinstance(exc, SecurityError):  # a Host outside TRUSTED_HOSTS: no link can be built for it
        return make_response(_messages()[400], 400, {"Content-Type": "text/plain; charset=utf-8"})
    if wants_json() and getattr(exc, "response", None) is not None:  # an ApiError's own code and message
        return exc.response
    if isinstance(exc, CSRFError):
        message = _("The form had expired or was sent from elsewhere. Please try again.")
    else:
        message = _messages().get(status, exc.description)
    if wants_json():
        response = make_response(api_error(status, message))
    else:
        response = make_response(render_template("errors/error.html", status=status, message=message), status)
    for key, value in exc.get_headers():
        if key.lower() in ("retry-after", "allow", "www-authenticate"):
            response.headers[key] = value
    return response


def _handle_unexpected(exc: Exception):
    from core.extensions import db

    db.session.rollback()
    logging.getLogger("tierslieux").exception("unhandled error on %s %s", request.method, request.path)
    return _handle_http(InternalServerError())


def init_app(app) -> None:
    app.register_error_handler(HTTPException, _handle_http)
    if not app.testing and not app.debug:
        app.register_error_handler(Exception, _handle_unexpected)
