"""Language and time zone: the member's choice, then the browser, then the territory's."""
from __future__ import annotations

from flask import Blueprint, current_app, has_request_context, redirect, request, session
from flask_login import current_user

from core.extensions import db
from core.security import safe_next

bp = Blueprint("i18n", __name__)


def offered_locales() -> list[str]:
    return current_app.config["TERRITORY"].territory.locales


def select_locale() -> str:
    if not has_request_context():  # command line, background work: the territory's language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    locales = offered_locales()
    if current_user and current_user.is_authenticated and current_user.locale in locales:
        return current_user.locale
    if session.get("locale") in locales:
        return session["locale"]
    return request.accept_languages.best_match(locales) or current_app.config["BABEL_DEFAULT_LOCALE"]


def select_timezone() -> str:
    return current_app.config["TERRITORY"].territory.timezone


@bp.post("/language")
def choose_language():
    """The language switcher in the page footer: a plain form, no JavaScript."""
    locale = request.form.get("locale")
    if locale in offered_locales():
        session["locale"] = locale
        if current_user.is_authenticated:
            current_user.locale = locale
            db.session.commit()
    return redirect(safe_next(request.form.get("next")) or "/", 303)


def init_app(app) -> None:
    app.register_blueprint(bp)
