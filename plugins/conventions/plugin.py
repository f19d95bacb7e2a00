"""The Conventions module as the core sees it: MODULE and its hooks, nothing else.

Partner employers pay for their staff's telework days: booking asks this plugin who pays
(`booking_payer`, first, before billing's own answer), whether a convention forbids a booking
(`validate_booking`), and tells it when a booking is held, confirmed or cancelled.
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from core.hookspecs import hookimpl
from core.plugins import Module
from core.ui import NavItem, Widget

from . import dashboard, demo, jobs, notes, service, statements
from .api import OPENAPI, api
from .config import ConventionsConfig
from .views import bp

MODULE = Module(name="conventions", label=_l("Conventions"),
                description=_l("Partner employers pay for their staff's telework days, within caps."),
                scope="territory", requires=("booking",), config=ConventionsConfig)


@hookimpl
def blueprints():
    return [bp, api]


@hookimpl
def uploads_in_use():
    from core.uploads import document_folder

    return {document_folder(): service.signed_copies_in_use()}


@hookimpl
def nav_items(user):
    if not getattr(user, "is_authenticated", False):
        return None
    if user.is_territory_admin or service.speaks_for_a_partner(user):
        return [NavItem(_l("Conventions"), "conventions.index", order=65)]
    return None


@hookimpl
def admin_links(user):
    if user.is_territory_admin:
        return [NavItem(_l("Partners and conventions"), "conventions.admin", order=65)]
    return None


@hookimpl
def dashboard_widgets(user):
    widgets = []
    covers = dashboard.covers_of(user)
    if covers:  # what the employer pays, just after the member's next bookings
        widgets.append(Widget(_l("Your employer pays your days"), "conventions/_covers_widget.html",
                              {"covers": covers, "day_names": dashboard.day_names}, order=12))
    followed = dashboard.followed_by(user)
    if followed:
        widgets.append(Widget(_l("Your conventions"), "conventions/_followed_widget.html", {"followed": followed},
                              order=8))
    joinable, waiting = service.by_domain(user)
    if joinable or waiting:
        widgets.append(Widget(_l("Your employer's convention"), "conventions/_join_widget.html",
                              {"joinable": joinable, "waiting": waiting}, order=35))
    return widgets or None


@hookimpl
def site_page_sections(site, user):
    from core.sites.service import published_site_rows

    listed = service.listed_partners(published_site_rows(), site)
    if not listed:
        return None
    return [Widget(_l("They telework here"), "conventions/_site_section.html", {"listed": listed}, order=60)]


@hookimpl
def openapi_paths():
    return OPENAPI


@hookimpl
def user_data_export(user):
    return {"conventions": service.export(user), "conventions_referent_of": service.partners_spoken_for(user)}


@hookimpl
def user_data_erase(user):
    service.erase(user)


@hookimpl(wrapper=True)
def demo_seeded(sites, users):
    # Around the other plugins' demos: the partners and their agents first (impact's demo books
    # the agents' days through booking's hooks), then last month's invoice of those days.
    lines = demo.seeded(sites, users)
    others = yield
    return [*others, lines + demo.invoiced()]


@hookimpl
def job_handlers():
    return jobs.HANDLERS


@hookimpl
def app_started(app):
    app.add_template_filter(month_label, "conventions_month")
    app.add_template_filter(short_month, "conventions_short_month")


def month_label(day) -> str:
    """"novembre 2026" / "November 2026"."""
    from flask_babel import format_date

    return format_date(day, "LLLL y")


def short_month(day) -> str:
    """"nov." / "Nov" (a chart's axis)."""
    from flask_babel import format_date

    return format_date(day, "LLL")


# --------------------------------------------------------------------------------------------
# Booking's hooks. Asking hooks write nothing (the lock taken in validate_booking only queues
# bookings of one convention); acting hooks flush in booking's transaction or raise `Refused`.
# --------------------------------------------------------------------------------------------


@hookimpl
def validate_booking(booking, actor):
    return service.refusal(booking)


@hookimpl(tryfirst=True)
def booking_payer(booking):
    return service.payer(booking)


@hookimpl(optionalhook=True)  # billing's hook: conventions also run where billing is not offered
def billing_payer(booking):
    return service.payer(booking)


@hookimpl
def booking_held(booking):
    service.record_use(booking)


@hookimpl
def booking_confirmed(booking):
    service.record_use(booking)


@hookimpl
def booking_cancelled(booking, actor, reason):
    service.release_use(booking, reason)


@hookimpl
def booking_no_show_undone(booking, actor):
    service.spend_again(booking)


@hookimpl(tryfirst=True)
def booking_refund_preview(booking, reason):
    return service.release_preview(booking, reason)


@hookimpl
def booking_revenue(site, bounds):
    return statements.revenue_between(site, bounds)


@hookimpl(tryfirst=True)
def booking_amount_due(booking):
    return service.nothing_due(booking)


@hookimpl
def booking_why_member_pays(booking):
    return service.why_member_pays(booking)


@hookimpl
def booking_payer_label(booking):
    return service.paid_by(booking)


@hookimpl
def booking_price_note(member, site, day):
    return notes.price_note(member, site, day)


@hookimpl
def booking_desk_links(booking):
    label = service.paid_by(booking)
    if label is None:
        return None
    return [NavItem(label, "conventions.booking_payer", {"booking_id": booking.id})]
