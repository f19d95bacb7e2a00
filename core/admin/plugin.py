"""Administration as a built-in plugin."""
from flask_babel import lazy_gettext as _l

from core.admin.views import admin
from core.hookspecs import hookimpl
from core.ui import NavItem


@hookimpl
def blueprints():
    return [admin]


@hookimpl
def admin_links(user):
    links = [NavItem(_l("Modules"), "admin.module_list", order=10)]
    if user.is_territory_admin:
        links += [NavItem(_l("New site"), "sites.create", order=20),
                  NavItem(_l("Users and roles"), "admin.users", order=30),
                  NavItem(_l("Audit log"), "admin.audit_log", order=90)]
    return links


@hookimpl
def nav_items(user):
    if user.is_authenticated and (user.is_territory_admin or user.is_site_manager):
        return [NavItem(_l("Administration"), "admin.dashboard", order=90)]
    return None
