"""The booking module as the core sees it: its hooks into pages, API, CLI, data and the demo."""
from __future__ import annotations

from pathlib import Path

from flask_babel import lazy_gettext as _l

from core.hookspecs import hookimpl
from core.plugins import Module
from core.ui import NavItem, Widget

HERE = Path(__file__).parent

MODULE = Module(name="booking", label=_l("Booking"),
                description=_l("Desks, offices and rooms of each site, booked online by members."),
                scope="site")


@hookimpl
def add_hookspecs(pluginmanager):
    from plugins.booking import hookspecs

    pluginmanager.add_hookspecs(hookspecs)


@hookimpl
def blueprints():
    from plugins.booking.api import api
    from plugins.booking.manage import manage
    from plugins.booking.views import bp

    return [bp, manage, api]


@hookimpl
def migrations_path():
    return str(HERE / "migrations" / "versions")


@hookimpl
def translations_path():
    return str(HERE / "translations")


@hookimpl
def cli_commands():
    from plugins.booking.cli import booking_cli

    return [booking_cli]


@hookimpl
def nav_items(user):
    items = [NavItem(_l("Book a place"), "booking.search", order=20)]
    if user.is_authenticated:
        items.append(NavItem(_l("My bookings"), "booking.mine", order=21))
    return items


@hookimpl
def dashboard_widgets(user):
    from plugins.booking.service import bookings_of

    upcoming = bookings_of(user, upcoming_only=True)[:5]
    return [Widget(_l("My next bookings"), "booking/_widget_next.html", {"bookings": upcoming}, order=10)]


@hookimpl
def site_page_sections(site, user):
    from plugins.booking.views import week_context

    return [Widget(_l("Free places this week"), "booking/_site_section.html", week_context(site), order=10)]


@hookimpl
def admin_links(user):
    from core.sites.service import managed_sites

    return [NavItem(_l("Bookings at %(site)s", site=site.name), "booking_manage.day",
                    {"site_slug": site.slug}) for site in managed_sites(user)]


@hookimpl
def openapi_paths():
    from plugins.booking.api import OPENAPI

    return OPENAPI


@hookimpl
def user_data_export(user):
    from plugins.booking.service import bookings_of

    return {"bookings": [{"id": b.id, "resource": b.resource.name, "site": b.resource.site.slug,
                          "starts_at": b.starts_at.isoformat(), "ends_at": b.ends_at.isoformat(),
                          "status": b.status, "created_at": b.created_at.isoformat()}
                         for b in bookings_of(user)]}


@hookimpl
def user_data_erase(user):
    from sqlalchemy import delete, update

    from core.extensions import db
    from plugins.booking.models import ACTIVE, Booking, Feed, WaitlistEntry

    # Past bookings stay for occupancy figures (and billing's legal records), without the person.
    db.session.execute(update(Booking).where(Booking.member_id == user.id, Booking.status.in_(ACTIVE))
                       .values(status="cancelled", cancel_reason="member"))
    db.session.execute(update(Booking).where(Booking.member_id == user.id).values(member_id=None, note=""))
    db.session.execute(update(Booking).where(Booking.created_by_id == user.id).values(created_by_id=None))
    db.session.execute(delete(WaitlistEntry).where(WaitlistEntry.member_id == user.id))
    db.session.execute(delete(Feed).where(Feed.user_id == user.id))


@hookimpl
def demo_seeded(sites, users):
    from plugins.booking.demo import seed

    return seed(sites)
