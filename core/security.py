"""Web security that holds for every page: headers, sessions, redirects, bad bytes."""
from __future__ import annotations

import time
from datetime import datetime, timezone
from functools import cache
from urllib.parse import urlsplit

from flask import abort, current_app, flash, g, redirect, request, session, url_for
from flask.sessions import SecureCookieSessionInterface
from flask_babel import lazy_gettext as _l
from flask_login import current_user, logout_user, user_loaded_from_cookie

from core.extensions import db, login_manager, talisman

CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
}


def safe_next(target: str | None) -> str | None:
    """Accept only a path on this host: refuses `//evil`, `/\\evil`, `https://evil`, `javascript:`."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(ord(char) < 32 for char in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


@login_manager.user_loader
def _load_user(user_id: str):
    try:
        ident, version = (int(part) for part in user_id.split(":", 1))
    except ValueError:
        return None
    user = db.session.scalar(_user_query(), {"id": ident})
    # A cookie from before a logout, a password change or a disabling carries an old version.
    if user is None or not user.is_active or user.session_version != version:
        return None
    return user


@cache
def _user_query():
    """The signed-in member's statement, built once with a bound id: every signed-in request
    loads them, and `session.get` builds its statement anew each time."""
    from sqlalchemy import bindparam, select

    from core.accounts.models import User

    return select(User).where(User.id == bindparam("id"))


def _absolute_timeout():
    """Idle time is bounded by the cookie lifetime; total session age by this check."""
    if not current_user.is_authenticated:
        return None
    started = session.get("login_at")
    limit = current_app.config["SESSION_ABSOLUTE_LIFETIME"]
    now = datetime.now(timezone.utc).timestamp()
    if started is None or now - started > limit.total_seconds():
        logout_user()
        session.clear()
        flash(_l("Your session has expired. Please sign in again."), "info")
        return redirect(url_for("auth.login", next=request.full_path if request.method == "GET" else None))
    return None


def _refuse_nul_bytes():
    """A NUL byte has no business in any field, and PostgreSQL refuses it in text (a 500).

    Checked once here for every path, form, query string and JSON body, plugins' included:
    `/sites/a%00b` reaches a view with a slug holding a NUL, looked up in the database.
    """
    values = [request.path] + list(request.args.values()) + list(request.form.values())
    if request.is_json:
        values.append(request.get_data(as_text=True))
    if any("\x00" in value or "\\u0000" in value for value in values):
        abort(400)


def _remembered(_app, user):
    """A remember-me cookie starts a new session: its absolute lifetime starts now."""
    session["login_at"] = datetime.now(timezone.utc).timestamp()


def path_secret() -> str | None:
    """The secret a request's address holds, if any: a route's `<token>` (a private calendar
    address, an invitation's or a registration's link) opens what it names to whoever holds it."""
    token = (request.view_args or {}).get("token")
    return token if isinstance(token, str) and token else None


def _no_store(response):
    # `is_anonymous`, not `is_authenticated`: the latter reads `is_active`, and after the
    # request's commit expired the member's row, that read loaded it again (one more statement).
    # An answer to a secret address is someone's too (their calendar), kept by no cache.
    if g.get("api_user") is not None or (current_user and not current_user.is_anonymous) or path_secret():
        response.headers["Cache-Control"] = "no-store"
    return response


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, its idle expiry pushed back at most once a minute.

    Flask re-sends a permanent session's cookie with every answer, to push its expiry back. Two
    requests of one browser then race: an answer that changed the session (a sign-in, a message
    to show after a redirect) can be overwritten by a later answer carrying the session as it
    was before, e.g. a suggestion list fetched while the form was sent, which loses the message
    or even the sign-in. An unchanged session is re-sent only when its last sending is a minute
    old (the time is kept in the signed session); a changed one always is.
    """

    REFRESH_SECONDS = 60

    def should_set_cookie(self, app, session) -> bool:
        if session.modified:
            return True
        if not (session.permanent and app.config["SESSION_REFRESH_EACH_REQUEST"]):
            return False
        return time.time() - session.get("_sent", 0) >= self.REFRESH_SECONDS

    def save_session(self, app, session, response) -> None:
        if session and session.permanent and self.should_set_cookie(app, session):
            session["_sent"] = int(time.time())
        super().save_session(app, session, response)


def init_app(app) -> None:
    app.session_interface = SessionInterface()
    production = app.config["PRODUCTION"]
    talisman.init_app(
        app,
        force_https=production,
        strict_transport_security=production,
        session_cookie_secure=production,
        content_security_policy=CSP,
        frame_options="DENY",
        referrer_policy="strict-origin-when-cross-origin",
        x_content_type_options=True,
    )
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    app.before_request(_refuse_nul_bytes)
    app.before_request(_absolute_timeout)
    user_loaded_from_cookie.connect(_remembered, app)
    app.after_request(_no_store)
