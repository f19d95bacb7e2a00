"""Language and time zone: the member's choice, then the browser, then the territory's."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, g, has_request_context, redirect, request, session
from flask_babel import get_translations
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from core.extensions import csrf, db
from core.security import safe_next

bp = Blueprint("i18n", __name__)


def offered_locales() -> list[str]:
    return current_app.config["TERRITORY"].territory.locales


def select_locale() -> str:
    if not has_request_context():  # command line, background work: the territory's language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    locales = offered_locales()
    api_user = g.get("api_user")  # an API token's holder: the API takes no cookie session
    if api_user is not None and api_user.locale in locales:
        return api_user.locale
    if current_user and current_user.is_authenticated and current_user.locale in locales:
        return current_user.locale
    if session.get("locale") in locales:
        return session["locale"]
    return browser_locale(current_app, request.headers.get("Accept-Language"))


def browser_locale(app, accept_language: str | None) -> str:
    """The offered language the browser prefers most (`Accept-Language`), else the territory's."""
    locales = app.config["TERRITORY"].territory.locales
    return parse_accept_header(accept_language, LanguageAccept).best_match(locales) or app.config["BABEL_DEFAULT_LOCALE"]


def select_timezone() -> str:
    return current_app.config["TERRITORY"].territory.timezone


@bp.post("/language")
@csrf.exempt
def choose_language():
    """The language switcher in the page footer: a plain form, no JavaScript.

    A visitor's choice lives in their own session only, and a forged switch of it changes
    nothing but the language they read: their form carries no CSRF token, so the public pages
    are the same bytes for every visitor (core/pagecache.py serves them without making each a
    token and a signed session cookie). A member's choice is saved on their account: theirs
    carries the token, checked here.

    Sent from another site, a member's request arrives without their cookies (SameSite=Lax) and
    looks like a visitor's: answering it would set a new session cookie over theirs and sign
    them out. So what the browser says comes from elsewhere (`Sec-Fetch-Site`, `Origin`) is
    refused, as a missing token would be.
    """
    if current_app.config.get("WTF_CSRF_ENABLED", True):
        if current_user.is_authenticated:
            csrf.protect()
        elif _from_elsewhere():
            raise CSRFError("The language switch was sent from another site.")
    locale = request.form.get("locale")
    if locale in offered_locales():
        session["locale"] = locale
        if current_user.is_authenticated:
            current_user.locale = locale
            db.session.commit()
    return redirect(safe_next(request.form.get("next")) or "/", 303)


def _from_elsewhere() -> bool:
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return True
    origin = request.headers.get("Origin")  # its host only: a proxy ending TLS may hide the scheme
    return bool(origin) and urlsplit(origin).netloc != request.host


def init_app(app) -> None:
    app.register_blueprint(bp)
    # The templates' _() and ngettext(), as Flask-Babel's, with the catalogue looked up once per
    # language in force rather than at each call: a page asks a hundred times, and each of
    # Flask-Babel's lookups walks the request's context several times (a tenth of a search page).
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: _translations().ugettext(s),
        ngettext=lambda s, p, n: _translations().ungettext(s, p, n),
        pgettext=lambda c, s: _translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: _translations().unpgettext(c, s, p, n),
        newstyle=True)


def _translations():
    """Flask-Babel's catalogue for the language in force, kept beside the language it is for.

    Flask-Babel keeps the request's language on its state in `g` and replaces that object when
    the language changes (`force_locale` for an e-mail in the reader's language, `refresh` after
    a member chose one): a catalogue kept for another object is looked up again. Without that
    state (outside a request, or before the language is known) it is Flask-Babel's own lookup.
    """
    state = g.get("_flask_babel")
    locale = getattr(state, "babel_locale", None)
    if locale is None:
        return get_translations()
    kept = getattr(state, "tierslieux_translations", None)
    if kept is None or kept[0] is not locale:
        kept = state.tierslieux_translations = (locale, get_translations())
    return kept[1]
