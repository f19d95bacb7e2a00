"""Public pages for visitors who are not signed in, kept a few seconds per process.

A newsletter or a local paper's link sends hundreds of visitors to the same few pages (the list of
sites, a site's page, the search) within minutes; rendering each of them again costs 5-20 ms of
templates and queries for the same HTML. `@anonymous_page` keeps a page's HTML for
`PAGE_CACHE_SECONDS` (5 by default, 0 turns it off) per path with its query, language and the
versions of the cached kinds (a site or a module changed: a new key at once). Members who are
signed in always get a fresh page, and so does anyone with a message waiting or anything else in
their session than its CSRF token and language.

What differs between two visitors of one page is their CSRF token (the footer's language form):
the kept HTML holds a placeholder, replaced by the visitor's own token on the way out. Bookings
are not versioned (every booking would change the key): a visitor may see a place taken up to
`PAGE_CACHE_SECONDS` late, which booking refuses anyway once they sign in.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from contextvars import ContextVar
from functools import wraps

from flask import current_app, g, request, session
from flask_babel import get_locale
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from core.cache import versions

MAX_PAGES = 128  # per process: paths with their queries, the least recently served dropped first
MAX_BYTES = 256 * 1024  # a bigger page is rendered every time: at most 32 MB kept per worker
# Session keys a visitor's page does not depend on (or that the key already holds: the language);
# Flask-Login marks an anonymous session `_fresh` (and `_id` with session protection).
_NEUTRAL = {"csrf_token", "_sent", "_permanent", "locale", "_fresh", "_id"}
_PLACEHOLDER = "tl-csrf-token-placeholder"
_RENDERING: ContextVar[bool] = ContextVar("tierslieux_page_rendering", default=False)
_LOCK = threading.Lock()


def csrf_token() -> str:
    """The templates' `csrf_token()`: the placeholder while a page is rendered to be kept."""
    return _PLACEHOLDER if _RENDERING.get() else generate_csrf()


def init_app(app) -> None:
    app.config.setdefault("PAGE_CACHE_SECONDS", 5)
    app.extensions["tierslieux_pages"] = OrderedDict()
    # Flask-WTF gives templates its generate_csrf as a global and through a context processor:
    # this one, registered after it, wins.
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.context_processor(lambda: {"csrf_token": csrf_token})


def _cacheable() -> bool:
    return (request.method == "GET" and not current_user.is_authenticated
            and not (set(session.keys()) - _NEUTRAL))


def anonymous_page(view):
    """Keep the HTML this view renders for visitors not signed in (see the module's doc)."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        seconds = current_app.config.get("PAGE_CACHE_SECONDS", 0)
        if not seconds or not _cacheable():
            return view(*args, **kwargs)
        pages: OrderedDict = current_app.extensions["tierslieux_pages"]
        key = (request.endpoint, request.full_path, str(get_locale()), tuple(sorted(versions().items())))
        now = time.monotonic()
        with _LOCK:
            held = pages.get(key)
            if held is not None and held[0] > now:
                pages.move_to_end(key)
                body = held[1]
            else:
                body = None
        if body is None:
            field = current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
            token = _RENDERING.set(True)
            try:
                answer = view(*args, **kwargs)
            finally:
                _RENDERING.reset(token)
            if isinstance(answer, tuple) and len(answer) == 2 and answer[1] == 200:
                answer = answer[0]
            if not isinstance(answer, str):  # a redirect, an error, a response of its own: not kept
                return _with_token(current_app.make_response(answer))
            body = answer
            # A form of the page made the visitor's own token (a WTForms CSRF field): not kept.
            if len(body) <= MAX_BYTES and field not in g:
                with _LOCK:
                    pages[key] = (now + seconds, body)
                    pages.move_to_end(key)
                    while len(pages) > MAX_PAGES:
                        pages.popitem(last=False)
        return body.replace(_PLACEHOLDER, generate_csrf()) if _PLACEHOLDER in body else body

    return wrapper


def _with_token(response):
    if not response.direct_passthrough and not response.is_streamed:
        data = response.get_data(as_text=True)
        if _PLACEHOLDER in data:
            response.set_data(data.replace(_PLACEHOLDER, generate_csrf()))
    return response
