"""The booking module as the core sees it: its hooks into pages, API, data and the demo.

Its migrations, translations, templates, static files, hookspecs and `tierslieux booking`
commands are found by the core in this package's folder.
"""
from __future__ import annotations

from flask import url_for
from flask_babel import lazy_gettext as _l, ngettext
from sqlalchemy import delete, func, select, update

from core.extensions import db
from core.hookspecs import hookimpl
from core.ops import Gauge
from core.plugins import Module
from core.sites.service import managed_sites
from core.ui import NavItem, Widget
from core.timeutil import today_at
from plugins.booking import alerts, closures, demo, desk, notify, resources, switching
from plugins.booking.api import OPENAPI, api
from plugins.booking.arrive import arrive
from plugins.booking.manage import desk_home, manage
from plugins.booking.models import Booking, Feed, WaitlistEntry
from plugins.booking.service import bookings_of, cancel_future_bookings
from plugins.booking.views import bp, week_context

MODULE = Module(name="booking", label=_l("Booking"),
                description=_l("Desks, offices and rooms of each site, booked online by members."),
                scope="site")


@hookimpl
def blueprints():
    return [bp, manage, desk_home, arrive, api]


@hookimpl
def nav_items(user):
    items = [NavItem(_l("Book a place"), "booking.search", order=20)]
    if user.is_authenticated:
        items.append(NavItem(_l("My bookings"), "booking.mine", order=21))
    if getattr(user, "is_site_manager", False):
        sites = desk.desk_sites(user)
        count = sum(desk.to_handle(site, today_at(site.timezone)) for site in sites)
        label = ngettext("Front desk: %(num)d to handle", "Front desk: %(num)d to handle", count) if count else _l("Front desk")
        if sites:
            items.append(NavItem(label, "booking_desk.home", order=5))
    return items


@hookimpl
def kept_nav_items(user):
    """Booking off territory-wide: "My bookings" stays for a member who holds bookings."""
    if user.is_authenticated and switching.holds_bookings(user):
        return [NavItem(_l("My bookings"), "booking.mine", order=21)]
    return None


@hookimpl
def module_switch_off_impact(module, site):
    return switching.switch_off_impact(site) if module == MODULE.name else None


@hookimpl
def landing_url(user):
    """A site manager lands on their site's day (several sites: a chooser)."""
    if getattr(user, "is_site_manager", False) and desk.desk_sites(user):
        return url_for("booking_desk.home")
    return None


@hookimpl
def booking_held(booking):
    alerts.booking_held(booking)


@hookimpl
def booking_confirmed(booking):
    alerts.booking_confirmed(booking)


@hookimpl
def job_handlers():
    return {alerts.ALERT_JOB: alerts.alert_managers, notify.MAIL_JOB: notify.send_mail_job}


@hookimpl
def dashboard_widgets(user):
    upcoming = bookings_of(user, upcoming_only=True, limit=5)
    return [Widget(_l("My next bookings"), "booking/_widget_next.html", {"bookings": upcoming}, order=10)]


@hookimpl
def kept_dashboard_widgets(user):
    """Booking off territory-wide: the member's next bookings, while they have some."""
    upcoming = bookings_of(user, upcoming_only=True, limit=5)
    if not upcoming:
        return None
    return [Widget(_l("My next bookings"), "booking/_widget_next.html", {"bookings": upcoming}, order=10)]


@hookimpl
def site_page_sections(site, user):
    return [Widget(_l("Free places this week"), "booking/_site_section.html", week_context(site), order=10)]


@hookimpl
def admin_links(user):
    return [NavItem(_l("Bookings at %(site)s", site=site.name), "booking_manage.day",
                    {"site_slug": site.slug}) for site in managed_sites(user)]


@hookimpl
def openapi_paths():
    return OPENAPI


@hookimpl
def user_data_export(user):
    waiting = db.session.scalars(select(WaitlistEntry).where(WaitlistEntry.member_id == user.id)
                                 .order_by(WaitlistEntry.id)).all()
    return {"bookings": [{"id": b.id, "resource": b.resource.name, "site": b.resource.site.slug,
                          "starts_at": b.starts_at.isoformat(), "ends_at": b.ends_at.isoformat(),
                          "status": b.status, "created_at": b.created_at.isoformat(),
                          "cancel_reason": b.cancel_reason, "cancel_note": b.cancel_note,
                          "checked_in_at": b.checked_in_at.isoformat() if b.checked_in_at else None}
                         for b in bookings_of(user)],
            "waitlist": [{"site": e.site_id, "kind": e.kind, "starts_at": e.starts_at.isoformat(),
                          "ends_at": e.ends_at.isoformat(), "status": e.status} for e in waiting],
            # Their private calendar addresses (a site's, for its managers), without the secret.
            "calendar_feeds": [{"site": f.site_id, "created_at": f.created_at.isoformat()}
                               for f in db.session.scalars(select(Feed).where(Feed.user_id == user.id)
                                                           .order_by(Feed.id))]}


@hookimpl
def user_data_erase(user):
    # Future bookings are cancelled the normal way (other plugins refund them: billing may have
    # done it already), past ones stay for occupancy figures, without the person.
    cancel_future_bookings(user, "account_erased")
    # The reasons their cancellations were given go with them: the manager's words are about them.
    db.session.execute(update(Booking).where(Booking.member_id == user.id).values(member_id=None, note="",
                                                                                  cancel_note=""))
    db.session.execute(update(Booking).where(Booking.created_by_id == user.id).values(created_by_id=None))
    db.session.execute(delete(WaitlistEntry).where(WaitlistEntry.member_id == user.id))
    db.session.execute(delete(Feed).where(Feed.user_id == user.id))


@hookimpl
def demo_seeded(sites, users):
    return demo.seed(sites)


@hookimpl
def metrics():
    """Bookings by status, for /metrics."""
    counts = db.session.execute(select(Booking.status, func.count()).group_by(Booking.status)).all()
    return [Gauge("bookings", "Bookings by status", ("status",), {(status,): n for status, n in counts})]


@hookimpl
def closure_conflicts(site, starts_on, ends_on):
    return closures.conflicts(site, starts_on, ends_on)


@hookimpl
def site_closed(site, closure, actor):
    closures.cancel_for_closure(site, closure, actor)


@hookimpl
def site_import_columns():
    return resources.import_columns()
