"""Which pages a switched-off module still answers: the guard every request passes, and the
same question asked of a link before it is shown (so menus never offer a page that is a 404).

A view marked `@reachable_when_off` stays open while its module is off: legal documents such
as a member's own invoices must stay readable after billing is switched off. The view still
decides who may see what (a member their own documents, staff only where the module is on).
"""
from __future__ import annotations

from flask import abort, current_app, g, request

from core.modules.service import is_enabled
from core.plugins import registry


def reachable_when_off(view):
    view.reachable_when_off = True
    return view


def _module_of(blueprints) -> str | None:
    bound = registry().blueprint_modules
    return next((bound[name] for name in blueprints if name in bound), None)


def _kept_open(endpoint: str | None) -> bool:
    view = current_app.view_functions.get(endpoint or "")
    return getattr(view, "reachable_when_off", False)


def reachable(endpoint: str, values: dict | None = None) -> bool:
    """Whether a link to `endpoint` (with its URL values) would pass the module guard."""
    from core.sites.service import site_by_slug

    blueprint = endpoint.rpartition(".")[0]
    module = _module_of([blueprint]) if blueprint else None
    if module is None or _kept_open(endpoint):
        return True
    slug = (values or {}).get("site_slug")
    site = site_by_slug(slug) if slug else None
    if slug and site is None:
        return False
    return is_enabled(module, site)


def check_request():
    """Before each request: 404 on the pages of a switched-off module.

    A route with a `site_slug` argument is checked at that site, so a site manager's switch
    applies to their site's pages only.
    """
    from core.sites.service import site_by_slug

    module = _module_of(request.blueprints)
    if module is None or _kept_open(request.endpoint):
        return None
    site = None
    slug = (request.view_args or {}).get("site_slug")
    if slug:
        site = site_by_slug(slug)
        if site is None:
            abort(404)
        g.site = site
    if not is_enabled(module, site):
        abort(404)
    return None
