"""The Impact module as the core sees it: MODULE and its hooks, nothing else."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from core.hookspecs import hookimpl
from core.plugins import Module
from core.sites.service import managed_sites
from core.ui import NavItem, Widget

from . import access, demo, service
from .config import ImpactConfig
from .forms import MODE_LABELS
from .views import OPENAPI, api, bp

MODULE = Module(name="impact", label=_l("Impact"),
                description=_l("Kilometres, CO2, money and hours not spent commuting, per member, site, "
                               "partner and territory."),
                scope="territory", requires=("booking",), config=ImpactConfig)


@hookimpl
def blueprints():
    return [bp, api]


@hookimpl
def nav_items(user):
    if getattr(user, "is_authenticated", False):
        return [NavItem(_l("My impact"), "impact.me", order=75)]
    if service.public_page_on():
        return [NavItem(_l("Impact"), "impact.territory", order=75)]
    return None


@hookimpl
def admin_links(user):
    links = [NavItem(_l("Impact of %(site)s", site=site.name), "impact.site", {"site_slug": site.slug}, order=76)
             for site in managed_sites(user)]
    if user.is_territory_admin:
        links.insert(0, NavItem(_l("Impact of the network"), "impact.territory", order=75))
    return links


@hookimpl
def dashboard_widgets(user):
    today = access.today()
    year, has_profile = service.member_panel(user, today.replace(month=1, day=1), today)
    return [Widget(_l("My impact"), "impact/_widget.html", {"year": year, "has_profile": has_profile}, order=75)]


@hookimpl(optionalhook=True)  # conventions' hook: impact also runs without conventions
def conventions_partner_widgets(partner, user):
    start, end = access.period(None, None)
    report = service.group_report("partner", partner.id, start, end)
    return [Widget(_l("Commuting avoided by the staff"), "impact/_partner_widget.html",
                   {"report": report, "partner": partner, "rebound": service.config().rebound_share,
                    "min_group": service.config().min_group}, order=60)]


@hookimpl
def booking_checked_in(booking):
    service.on_checked_in(booking)


@hookimpl
def job_handlers():
    return {"impact.count_day": service.count_day}


@hookimpl
def openapi_paths():
    return OPENAPI


@hookimpl
def app_started(app):
    app.add_template_filter(month_label, "impact_month")
    app.add_template_filter(short_month, "impact_short_month")
    app.jinja_env.globals["impact_mode_labels"] = MODE_LABELS


def month_label(day) -> str:
    from flask_babel import format_date

    return format_date(day, "LLLL y")


def short_month(day) -> str:
    from flask_babel import format_date

    return format_date(day, "LLL")


@hookimpl
def user_data_export(user):
    return {"impact": service.export(user)}


@hookimpl
def user_data_erase(user):
    service.erase(user)


@hookimpl(trylast=True)  # after conventions' demo: its employers pay some of the days
def demo_seeded(sites, users):
    return demo.seed(sites, users)
