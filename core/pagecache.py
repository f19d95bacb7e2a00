"""Public pages and API answers for visitors not signed in (and API callers without a token),
kept a few seconds per process.

A newsletter or a local paper's link sends hundreds of visitors to the same few pages (the list of
sites, a site's page, the search) within minutes; rendering each of them again costs 5-20 ms of
templates and queries for the same HTML. `@kept_for_visitors` keeps a page's answer for
`PAGE_CACHE_SECONDS` (5 by default, 0 turns it off) per scheme, host, path with its query,
language and the versions of the cached kinds (a site or a module changed: a new key at once).

Two ways in, one store:
- `KeptPages`, a WSGI layer in front of Flask, answers a GET without cookies or credentials (a
  first visit, a link opened from a newsletter, a crawler) from the kept answer, headers and body,
  before any of Flask's request handling: no session to open, no hooks, no template. Only the
  request id is new, and the request is still counted and logged. It knows the versions this
  process read less than `CACHE_CHECK_SECONDS` ago; when they are older, the request goes through
  Flask, which reads them again.
- The decorator serves the kept body to a visitor whose session holds nothing their page depends
  on (a CSRF token from a form seen earlier, a chosen language: the key holds it), through Flask.

An answer is kept only when it is the same for every visitor: a 200 that set no cookie and made
no CSRF token (a page with a form: rendered every time). Members who are signed in always get a
fresh page, and so does anyone with a message waiting. Bookings are not versioned (every booking
would change the key): a visitor may see a place taken up to `PAGE_CACHE_SECONDS` late, which
booking refuses anyway once they sign in.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from functools import wraps
from typing import NamedTuple

from flask import current_app, g, request, session
from flask_babel import get_locale
from flask_login import current_user

from core import cache, i18n
from core.ops import logs, metrics

MAX_PAGES = 128  # per process: paths with their queries, the least recently served dropped first
MAX_BYTES = 256 * 1024  # a bigger page is rendered every time: at most 32 MB kept per worker
# Session keys a visitor's page does not depend on (or that the key already holds: the language);
# Flask-Login marks an anonymous session `_fresh` (and `_id` with session protection).
_NEUTRAL = {"csrf_token", "_sent", "_permanent", "locale", "_fresh", "_id"}
_TO_KEEP = "tierslieux.page_to_keep"  # WSGI environ: the key and route of an answer to keep
_LOCK = threading.Lock()


class Page(NamedTuple):
    expires: float  # time.monotonic()
    status: str
    headers: tuple[tuple[str, str], ...]  # as sent, without the request id
    body: bytes
    route: str  # the URL rule, for the metrics


def _key(environ, locale: str, versions: dict[str, int]) -> tuple:
    return (environ.get("wsgi.url_scheme"), environ.get("HTTP_HOST"), environ.get("SCRIPT_NAME", ""),
            environ.get("PATH_INFO"), environ.get("QUERY_STRING", ""), locale, tuple(sorted(versions.items())))


def _pages(app) -> OrderedDict:
    return app.extensions["tierslieux_pages"]


def _find(app, key) -> Page | None:
    pages = _pages(app)
    with _LOCK:
        page = pages.get(key)
        if page is None or page.expires <= time.monotonic():
            return None
        pages.move_to_end(key)
        return page


def _keep(app, key, page: Page) -> None:
    pages = _pages(app)
    with _LOCK:
        pages[key] = page
        pages.move_to_end(key)
        while len(pages) > MAX_PAGES:
            pages.popitem(last=False)


class KeptPages:
    """WSGI middleware: kept answers for requests without cookies or credentials, and the
    keeping of the answers `@kept_for_visitors` marked."""

    def __init__(self, app, wsgi_app):
        self.app = app
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        if (environ.get("REQUEST_METHOD") == "GET" and self.app.config.get("PAGE_CACHE_SECONDS")
                and "HTTP_COOKIE" not in environ and "HTTP_AUTHORIZATION" not in environ):
            versions = cache.recent_versions(self.app)
            if versions is not None:
                locale = i18n.browser_locale(self.app, environ.get("HTTP_ACCEPT_LANGUAGE"))
                page = _find(self.app, _key(environ, locale, versions))
                if page is not None:
                    return self._serve(page, environ, start_response)
        return self._through(environ, start_response)

    def _serve(self, page: Page, environ, start_response):
        started = time.perf_counter()
        request_id = logs.request_id(environ.get("HTTP_X_REQUEST_ID"))
        start_response(page.status, [*page.headers, (logs.HEADER, request_id)])
        status = int(page.status[:3])
        metrics.count(page.route, "GET", status, time.perf_counter() - started)
        logs.access(request_id, "GET", environ.get("PATH_INFO", ""), status, started, environ.get("REMOTE_ADDR"))
        return [page.body]

    def _through(self, environ, start_response):
        sent = []

        def remember(status, headers, exc_info=None):
            sent[:] = [status, headers]
            return start_response(status, headers, exc_info)

        answer = self.wsgi_app(environ, remember)
        marked = environ.get(_TO_KEEP)
        if marked is None or not sent or not sent[0].startswith("200 ") \
                or any(name.lower() == "set-cookie" for name, _ in sent[1]):
            return answer
        try:
            body = b"".join(answer)
        finally:
            if hasattr(answer, "close"):
                answer.close()
        key, route, seconds = marked
        if len(body) <= MAX_BYTES:
            headers = tuple((name, value) for name, value in sent[1] if name != logs.HEADER)
            _keep(self.app, key, Page(time.monotonic() + seconds, sent[0], headers, body, route))
        return [body]


def init_app(app) -> None:
    app.config.setdefault("PAGE_CACHE_SECONDS", 5)
    app.extensions["tierslieux_pages"] = OrderedDict()
    app.wsgi_app = KeptPages(app, app.wsgi_app)


def _cacheable() -> bool:
    return (request.method == "GET" and "Authorization" not in request.headers
            and not current_user.is_authenticated and not (set(session.keys()) - _NEUTRAL))


def kept_for_visitors(view):
    """Keep the answer this view gives visitors not signed in (see the module's doc)."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        seconds = current_app.config.get("PAGE_CACHE_SECONDS", 0)
        if not seconds or not _cacheable():
            return view(*args, **kwargs)
        key = _key(request.environ, str(get_locale()), cache.versions())
        page = _find(current_app, key)
        if page is not None:
            return current_app.response_class(page.body, status=int(page.status[:3]),
                                              content_type=dict(page.headers).get("Content-Type"))
        answer = view(*args, **kwargs)
        # A CSRF token made while rendering (a form, or `csrf_token()`) is this visitor's own:
        # the page is not kept. The WSGI layer keeps the rest if it is a 200 that set no cookie.
        if current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token") not in g:
            request.environ[_TO_KEEP] = (key, request.url_rule.rule, seconds)
        return answer

    return wrapper
