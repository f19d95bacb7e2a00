"""The Events module as the core sees it: MODULE and its hooks, nothing else.

Information days, welcome mornings, workshops at the sites (or online): registration with a
waitlist, reminders, attendance, an iCal feed per site, schema.org JSON-LD on the public pages.
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from core.hookspecs import hookimpl
from core.plugins import Module
from core.ui import NavItem, Widget

from . import demo, jobs, service, switching, tickets
from .api import OPENAPI, api
from .config import EventsConfig
from .views import bp

MODULE = Module(name="events", label=_l("Events"),
                description=_l("Information days and community events at the sites, with registration."),
                scope="site", config=EventsConfig)


@hookimpl
def blueprints():
    return [bp, api]


@hookimpl
def module_switch_off_impact(module, site):
    return switching.switch_off_impact(site) if module == MODULE.name else None


@hookimpl
def module_toggled(module, site, enabled, actor):
    if module == MODULE.name and enabled:  # the seats given back while paying was off
        service.promote_switched_on(site)


@hookimpl
def openapi_paths():
    return OPENAPI


@hookimpl
def nav_items(user):
    return [NavItem(_l("Events"), "events.index", order=55)]


@hookimpl
def admin_links(user):
    if user.is_territory_admin or user.is_site_manager:
        return [NavItem(_l("Events: manage, attendance, reports"), "events.manage", order=55)]
    return None


@hookimpl
def dashboard_widgets(user):
    mine = service.mine(user)
    if not mine:
        return None
    return [Widget(_l("Your events"), "events/_widget_mine.html", {"registrations": mine}, order=45)]


@hookimpl
def kept_dashboard_widgets(user):
    """Events off territory-wide: the member's registrations still lead to their own pages."""
    return dashboard_widgets(user)


@hookimpl(optionalhook=True)  # booking's hook: events loads where booking is not offered
def booking_manage_links(site):
    return [NavItem(_l("Events"), "events.site", {"site_slug": site.slug}, order=60)]


@hookimpl
def site_page_sections(site, user):
    events = service.upcoming(user, site, limit=3)
    if not events:
        return None
    return [Widget(_l("Next events"), "events/_section.html", {"site": site, "events": events}, order=55)]


@hookimpl
def user_data_export(user):
    return {"events": service.export(user)}


@hookimpl
def purge_expired(now):
    return {"visitors' registrations": service.purge(now)}


@hookimpl
def user_data_erase(user):
    # Called in the erasing transaction, also while the module is switched off.
    service.erase(user)


@hookimpl
def job_handlers():
    return jobs.HANDLERS


@hookimpl
def demo_seeded(sites, users):
    return demo.seeded(sites, users)


# Billing's hooks for the tickets of paid events (optional: billing may not be offered).


@hookimpl(optionalhook=True)
def billing_item_paid(order, invoice):
    return tickets.paid(order)


@hookimpl(optionalhook=True)
def billing_item_released(order):
    tickets.released(order)


@hookimpl(optionalhook=True)
def billing_item_refunded(order, credit_note, amount_cents):
    tickets.refunded(order)
