"""The Noticeboard module as the core sees it: MODULE and its hooks, nothing else.

The core finds the rest in this folder by itself: migrations/versions/ (this plugin's Alembic
branch), translations/ (its French catalogue), templates/ (and static/, hookspecs.py, a `cli`
group in cli.py when you add them).
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from core.hookspecs import hookimpl
from core.plugins import Module
from core.ui import NavItem, Widget

from . import service
from .views import bp

MODULE = Module(name="noticeboard", label=_l("Noticeboard"), description=_l("Notes posted at each site."),
                scope="site")


@hookimpl
def blueprints():
    return [bp]


@hookimpl
def nav_items(user):
    return [NavItem(_l("Noticeboard"), "noticeboard.index", order=70)]


@hookimpl
def site_page_sections(site, user):
    notes = service.notes_at(site, limit=3)
    if not notes:
        return None
    return [Widget(_l("Noticeboard"), "noticeboard/_section.html", {"site": site, "notes": notes}, order=70)]


@hookimpl
def user_data_export(user):
    return {"noticeboard": service.export(user)}


@hookimpl
def user_data_erase(user):
    # Called in the erasing transaction, also while the module is switched off.
    service.erase(user)
