"""The "noticeboard" module: a site's notices, shown on its page and listed at /noticeboard.

Install it like any plugin: an entry point in the `tierslieux.plugins` group of your package
(`noticeboard = examples.hello_plugin.plugin`), then add "noticeboard" to `modules.offered` in
the territory file. The core finds its `templates/` folder beside this file (and would find
`migrations/versions/`, `translations/`, `static/`, `hookspecs.py` and a `cli` group in
`cli.py` the same way).
"""
from flask import Blueprint, abort, render_template
from flask_babel import lazy_gettext as _l

from core.hookspecs import hookimpl
from core.plugins import Module
from core.sites.service import published_sites, site_by_slug
from core.ui import NavItem, Widget

MODULE = Module(name="noticeboard", label=_l("Noticeboard"), description=_l("Notices from each site."),
                scope="site")

bp = Blueprint("noticeboard", __name__, url_prefix="/noticeboard")

NOTICES = {"figeac": ["The coffee machine is fixed."]}


@bp.get("")
def index():
    return render_template("hello/index.html", sites=published_sites(), notices=NOTICES)


@bp.get("/<site_slug>")
def site_notices(site_slug):
    # The core already answered 404 if the module is off at this site.
    site = site_by_slug(site_slug) or abort(404)
    return render_template("hello/index.html", sites=[site], notices=NOTICES)


@hookimpl
def blueprints():
    return [bp]


@hookimpl
def nav_items(user):
    return [NavItem(_l("Noticeboard"), "noticeboard.index", order=60)]


@hookimpl
def site_page_sections(site, user):
    if NOTICES.get(site.slug):
        return [Widget(_l("Noticeboard"), "hello/section.html", {"notices": NOTICES[site.slug]})]
    return None
