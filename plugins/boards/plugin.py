"""The Boards module as the core sees it: MODULE and its hooks, nothing else.

Job offers, skills wanted, activities to take over and spouse profiles (private to approved
recruiters), checked by the territory admin, shown until their end date. See docs/boards.md.
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from core import geo
from core.db import utcnow
from core.hookspecs import hookimpl
from core.plugins import Module
from core.ui import NavItem, Widget
from core.urls import external_url

from . import (
    access,
    alerts,
    demo,
    posts,
    privacy,
    views_manage,  # noqa: F401 -- its routes join the blueprint
    vocabulary,
)
from .api import OPENAPI, api
from .config import BoardsConfig
from .models import PUBLIC_KINDS
from .views import bp

MODULE = Module(name="boards", label=_l("Jobs and skills"),
                description=_l("Job offers, skills the territory lacks, activities to take over, and the "
                               "employment of newcomers' spouses, with the territory's welcome follow-up."),
                scope="territory", config=BoardsConfig)


@hookimpl
def blueprints():
    return [bp, api]


@hookimpl
def app_started(app):
    # Names for the boards' templates, prefixed (they join the app-wide names).
    app.jinja_env.globals.update(
        boards_kinds=posts.KIND_LABELS, boards_public_kinds=PUBLIC_KINDS, boards_contracts=posts.EMPLOYMENT_TYPES,
        boards_communes=posts.communes_of, boards_codes=lambda post: vocabulary.labelled(posts.codes_of(post)),
        boards_label_codes=vocabulary.labelled, boards_may_see_spouses=access.may_see_spouses,
        boards_status=posts.status_label, boards_departement=lambda code: geo.departements().get(code, code),
        boards_external=external_url, boards_now=utcnow)


@hookimpl
def nav_items(user):
    return [NavItem(_l("Jobs and skills"), "boards.index", order=75)]


@hookimpl
def admin_links(user):
    if not user.is_territory_admin:
        return None
    waiting = posts.waiting()
    label = ngettext("Boards: %(num)d post to check", "Boards: %(num)d posts to check", waiting) if waiting \
        else _l("Boards: posts to check")
    return [NavItem(label, "boards.queue", order=75),
            NavItem(_l("Boards: recruiters and welcome officers"), "boards.grants", order=76),
            NavItem(_l("Boards: welcome follow-up"), "boards.welcome", order=77)]


@hookimpl
def dashboard_widgets(user):
    return [Widget(_l("Jobs and skills"), "boards/_widget.html",
                   {"recruiter": access.may_see_spouses(user), "officer": access.is_welcome_officer(user),
                    "alert": alerts.alert_of(user)}, order=75)]


@hookimpl
def openapi_paths():
    return OPENAPI


@hookimpl
def job_handlers():
    return alerts.HANDLERS


@hookimpl
def user_data_export(user):
    return {"boards": privacy.export(user)}


@hookimpl
def purge_expired(now):
    return {"board posts": privacy.purge(now)}


@hookimpl
def user_data_erase(user):
    # Called in the erasing transaction, also while the module is switched off.
    privacy.erase(user)


@hookimpl
def demo_seeded(sites, users):
    return demo.seeded(sites, users)
