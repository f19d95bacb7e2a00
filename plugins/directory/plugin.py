"""The Directory module as the core sees it: MODULE and its hooks, nothing else.

Members choose to be listed (off by default), what shows, and whether others may write to them;
the platform relays messages without showing addresses. See docs/directory.md.
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from core.hookspecs import hookimpl
from core.plugins import Module
from core.ui import NavItem, Widget

from . import demo, photos, presence, profiles, relay
from . import views_me, views_messages  # noqa: F401 -- their routes join the blueprint
from .api import OPENAPI, api
from .config import DirectoryConfig
from .views import bp

MODULE = Module(name="directory", label=_l("Directory"),
                description=_l("Members who choose to be listed, their skills (ROME), organisations, and a "
                               "contact relay that never shows an address."),
                scope="territory", config=DirectoryConfig)


@hookimpl
def blueprints():
    return [bp, api]


@hookimpl
def nav_items(user):
    if getattr(user, "is_authenticated", False) or profiles.is_public_directory():
        return [NavItem(_l("Directory"), "directory.index", order=70)]
    return None


@hookimpl
def uploads_in_use():
    return {photos.folder(): photos.names_in_use()}


@hookimpl
def admin_links(user):
    if user.is_territory_admin:
        reported = relay.reported()
        label = ngettext("Directory: %(num)d reported message", "Directory: %(num)d reported messages", reported) \
            if reported else _l("Directory: reported messages")
        return [NavItem(label, "directory.moderation", order=70)]
    return None


@hookimpl
def dashboard_widgets(user):
    return [Widget(_l("Directory"), "directory/_widget.html", {"profile": profiles.profile_of(user)}, order=70)]


@hookimpl
def site_page_sections(site, user):
    present = presence.this_week(site, user)
    if not present:
        return None
    return [Widget(_l("Here this week"), "directory/_here.html",
                   {"site": site, "cards": [profiles.card(p) for p in present]}, order=70)]


@hookimpl
def openapi_paths():
    return OPENAPI


@hookimpl
def user_data_export(user):
    profile = profiles.profile_of(user)
    return {"directory": {"profile": None if profile is None else profiles.export(profile),
                          "messages": relay.export(user), **relay.export_restrictions(user)}}


@hookimpl
def job_handlers():
    return {photos.DELETE_JOB: photos.delete_file}


@hookimpl
def account_updated(user):
    # The name (and the home commune, when shown) is in the search text: a renamed member is
    # found by the new name at once. Also while the module is off, so the index stays right.
    profile = profiles.profile_of(user)
    if profile is not None:
        profiles.refresh(profile)


@hookimpl
def purge_expired(now):
    return {"directory messages": relay.purge(now)}


@hookimpl
def user_data_erase(user):
    # Called in the erasing transaction, also while the module is switched off.
    relay.forget(user)
    profiles.forget(user)


@hookimpl
def demo_seeded(sites, users):
    return demo.seeded(sites, users)
