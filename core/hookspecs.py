"""What a plugin can do: every hook the core calls, grouped by when it is called.

Implementations may take fewer arguments than the spec (pluggy passes only those named), so a
spec can grow without breaking plugins. Collectors return a list or None; `firstresult` hooks
stop at the first answer that is not None. docs/plugins.md documents every hook here (a test
keeps the two in step).

What a plugin's package folder holds (migrations, translations, templates, static files, its
own hookspecs, its CLI group) needs no hook: `core.plugins` finds it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:  # types only: importing the models here would make a cycle
    from datetime import date, datetime
    from pathlib import Path

    import click
    from flask import Blueprint, Flask
    from flask_login import AnonymousUserMixin

    from core.accounts.models import User
    from core.ops import Gauge
    from core.sites.models import Closure, Site
    from core.ui import NavItem, Widget

PROJECT = "tierslieux"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


# --------------------------------------------------------------------------------------------
# Start-up: called once per app, for every offered plugin, whether switched on or not
# --------------------------------------------------------------------------------------------


@hookspec
def blueprints() -> list[Blueprint] | None:
    """Give the Flask blueprints of this plugin (pages and API endpoints).

    The core registers them and answers 404 for all their routes while the module is off,
    territory-wide or, for a route with a `site_slug` argument, at that site.

    :return: a list of `flask.Blueprint`.
    """


@hookspec
def cli_commands() -> list[click.Command] | None:
    """Give click commands or groups to add to the `tierslieux` command.

    For the core's built-in plugins, which have no package folder of their own; a plugin
    puts a click group named `cli` in its `cli.py` instead (`tierslieux <name> ...`).

    :return: a list of `click.Command`.
    """


@hookspec
def app_started(app: Flask) -> None:
    """Called at the end of `create_app`, for last set-up (template filters, CSRF exemptions).

    :param app: the Flask application.
    """


# --------------------------------------------------------------------------------------------
# Pages: collectors called while rendering; switched-off plugins are not asked
# --------------------------------------------------------------------------------------------


@hookspec
def nav_items(user: User | AnonymousUserMixin) -> list[NavItem] | None:
    """Give entries for the main menu.

    :param user: the current user (may be anonymous).
    :return: a list of `core.ui.NavItem`.
    """


@hookspec
def dashboard_widgets(user: User) -> list[Widget] | None:
    """Give panels for the signed-in member's home page.

    :param user: the signed-in user.
    :return: a list of `core.ui.Widget`.
    """


@hookspec
def kept_nav_items(user: User | AnonymousUserMixin) -> list[NavItem] | None:
    """Give main menu entries to what a member keeps of this module while it is switched off
    territory-wide (their own bookings). Asked only of plugins switched off territory-wide;
    entries to views not marked `@core.modules.guard.reachable_when_off` are dropped.

    :param user: the current user (may be anonymous).
    :return: a list of `core.ui.NavItem`.
    """


@hookspec
def kept_dashboard_widgets(user: User) -> list[Widget] | None:
    """Give home page panels for what a member keeps of this module while it is switched off
    territory-wide (their bookings, their registrations). Asked only of plugins switched off
    territory-wide; a panel links only to views marked `@core.modules.guard.reachable_when_off`.

    :param user: the signed-in user.
    :return: a list of `core.ui.Widget`.
    """


@hookspec
def admin_links(user: User) -> list[NavItem] | None:
    """Give links for the administration page (territory admins and site managers).

    :param user: the signed-in user.
    :return: a list of `core.ui.NavItem`.
    """


@hookspec
def site_page_sections(site: Site, user: User | AnonymousUserMixin) -> list[Widget] | None:
    """Give sections for a site's public page (free places, prices, ...).

    Called through the hook view of that site, so a module off there adds nothing.

    :param site: the `core.sites.models.Site` shown.
    :param user: the current user (may be anonymous).
    :return: a list of `core.ui.Widget`.
    """


# --------------------------------------------------------------------------------------------
# Accounts and personal data
# --------------------------------------------------------------------------------------------


@hookspec
def user_registered(user: User) -> None:
    """Called in the transaction that creates an account.

    :param user: the new `core.accounts.models.User`.
    """


@hookspec
def account_updated(user: User) -> None:
    """Called in the transaction where a member changes their account's name, language or home
    commune (what other plugins may have copied, such as a search index).

    :param user: the `core.accounts.models.User`, already changed.
    """


@hookspec(firstresult=True)
def landing_url(user: User) -> str | None:
    """Say where a user lands after signing in (a site manager: their site's day); the first
    answer wins. Asked only when the sign-in asked for no page of its own.

    :param user: the `core.accounts.models.User` just signed in.
    :return: a path on this site, or None (the home page).
    """


@hookspec
def user_data_export(user: User) -> dict[str, Any] | None:
    """Give this plugin's part of a member's data download (RGPD, right of access).

    :param user: the member asking.
    :return: a dict `{section_name: JSON-serialisable data}`.
    """


@hookspec
def user_data_erase(user: User) -> None:
    """Erase or detach this plugin's data about a member who erases their account.

    Called in the erasing transaction, before the account row is anonymised. Keep what the law
    makes the operator keep (invoices), detached from the person.

    :param user: the member leaving.
    """


# --------------------------------------------------------------------------------------------
# Sites and modules
# --------------------------------------------------------------------------------------------


@hookspec
def site_saved(site: Site, created: bool) -> None:
    """Called in the transaction that creates or edits a site.

    :param site: the `Site`.
    :param created: True when the site is new.
    """


@hookspec
def closure_conflicts(site: Site, starts_on: date, ends_on: date) -> list[str] | None:
    """Asks, before a manager adds a closure: what of this plugin's still stands at the site on
    those days (inclusive local dates) and `site_closed` would cancel, as translated sentences
    the manager reads before confirming ("2 bookings on those days will be cancelled: ...").
    Writes nothing. Asked of every offered plugin whatever the modules' switches, as
    `site_closed` is: what was booked before a module went off still stands.

    :param site: the `Site` about to close.
    :param starts_on: the closure's first day.
    :param ends_on: its last day.
    :return: a list of sentences, or None (nothing stands).
    """


@hookspec
def site_closed(site: Site, closure: Closure, actor: User | None) -> None:
    """Acts, in the transaction that adds a closure, once it is flushed: cancel what stood at
    the site on its days (as the site's own cancellation: in full, its people told, with
    `closure.reason`). Called for every offered plugin whatever the modules' switches.

    :param site: the `Site`.
    :param closure: the new `core.sites.models.Closure` (`starts_on`, `ends_on`, `reason`).
    :param actor: the `User` who added it, or None.
    """


@hookspec
def site_import_columns() -> dict[str, Callable[[str], Callable[[Site], None]]] | None:
    """Columns this plugin adds to `tierslieux sites import` (e.g. booking's `desks`), by name.

    Each column is a function taking the cell's text: it raises `ValueError` with a plain reason
    when the cell is wrong (the row is reported, nothing of the file is loaded), else returns a
    function the importer calls with the saved site, in the import's transaction (it flushes).
    Importing the same file again must change nothing more (idempotent).
    """


@hookspec
def module_toggled(module: str, site: Site | None, enabled: bool, actor: User | None) -> None:
    """Called when a module was switched on or off, in the transaction of the switch.

    :param module: the module name.
    :param site: the `Site`, or None for the whole territory.
    :param enabled: the new state.
    :param actor: the `User` who switched it, or None from the CLI.
    """


@hookspec
def module_switch_off_impact(module: str, site: Site | None) -> list[str] | None:
    """Collector, asked before a module is switched off (the admin's confirmation page): say
    in a short translated sentence or two what stays standing or is held back of this plugin's
    data there ("12 upcoming bookings stay valid: members can still see and cancel them.").
    Asked once for each module the switch would take off (`module` may be another plugin's
    that yours relies on), through the hooks of that place. Writes nothing.

    :param module: the name of a module that would go off.
    :param site: the `Site`, or None for the whole territory.
    :return: a list of sentences, or None when there is nothing to say.
    """


# --------------------------------------------------------------------------------------------
# JSON API
# --------------------------------------------------------------------------------------------


@hookspec
def openapi_paths() -> dict[str, dict] | None:
    """Give this plugin's part of the OpenAPI 3 document at /api/v1/openapi.json.

    :return: a dict `{"paths": {...}, "schemas": {...}}`; paths are relative to /api/v1.
    """


# --------------------------------------------------------------------------------------------
# Jobs: durable work after a commit (core.jobs)
# --------------------------------------------------------------------------------------------


@hookspec
def job_handlers() -> dict[str, Callable[..., None]] | None:
    """Give the functions that run this plugin's jobs, by name (`core.jobs.enqueue(name, ...)`).

    A handler takes the job's keyword arguments, runs inside the job's transaction (flush, never
    commit: the runner commits its changes with the "done" mark) and must be idempotent: a job
    is retried after a failure or a crash. Raise `core.jobs.Permanent` when retrying cannot help.
    Names are prefixed with the plugin's name ("billing.refund_card"). Jobs run whether or not
    the module is switched on: what was promised before it was switched off is still owed.

    :return: a dict name -> callable.
    """


# --------------------------------------------------------------------------------------------
# Uploaded files (core.uploads)
# --------------------------------------------------------------------------------------------


@hookspec
def uploads_in_use() -> dict[Path, Iterable[str]] | None:
    """Give the names of the uploaded files this plugin's rows name, by the folder they are in
    (`core.uploads.upload_folder()` or a folder of this plugin's under it).

    `tierslieux uploads sweep` deletes the other files of the folders given here once they are
    a day old: files written by a request whose transaction never committed because its process
    was killed in between (a photo or a signed copy nobody can see, personal data kept for
    nothing). A folder no plugin gives is never swept, so give every name that any row of any
    status still holds. Called territory-wide, whatever the modules' switches.

    :return: a dict folder -> names (a query's scalars will do).
    """


@hookspec
def purge_expired(now: datetime) -> dict[str, int] | None:
    """Delete, or strip of what names a person, this plugin's rows kept beyond their period
    (its own table's `*_days` settings; `core.retention`). Run daily by `tierslieux retention
    purge`, territory-wide whatever the modules' switches, in one transaction with the other
    plugins' purges; flush, never commit. Keep what the law or the books need (invoices) and
    what a member's account still shows them.

    :return: how many rows went, by a short English label ("visitor registrations": 3).
    """


# --------------------------------------------------------------------------------------------
# Operations: /metrics (core.ops)
# --------------------------------------------------------------------------------------------


@hookspec
def metrics() -> list[Gauge] | None:
    """Give gauges for Prometheus, read from the database at each scrape of `/metrics`
    (bookings by status, payments): every app server then reports the same figures.

    Read only; keep it to a few grouped counts. Names get the `tierslieux_` prefix.

    :return: a list of `core.ops.Gauge(name, help, labels, values)`.
    """


# --------------------------------------------------------------------------------------------
# Demo
# --------------------------------------------------------------------------------------------


@hookspec
def demo_seeded(sites: dict[str, Site], users: dict[str, User]) -> list[str] | None:
    """Called by `tierslieux seed-demo` after the core's demo data; add this plugin's.

    Must be idempotent: the command may run again on the same database.

    :param sites: dict slug -> `Site` of the demo network.
    :param users: dict role-or-name -> `User` (keys: "admin", "manager-<slug>", "member-<n>").
    :return: lines to print (logins, hints), or None.
    """
