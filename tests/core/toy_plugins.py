"""Two tiny plugins for testing module toggles: alpha (per site) and beta (requires alpha)."""
from flask import Blueprint

from core.hookspecs import hookimpl
from core.plugins import Module
from core.ui import NavItem

alpha_bp = Blueprint("alpha", __name__, url_prefix="/alpha")
beta_bp = Blueprint("beta", __name__, url_prefix="/beta")


@alpha_bp.get("")
def alpha_index():
    return "alpha home"


@alpha_bp.get("/<site_slug>")
def alpha_site(site_slug):
    return f"alpha at {site_slug}"


@beta_bp.get("")
def beta_index():
    return "beta home"


class Alpha:
    MODULE = Module(name="alpha", label="Alpha", scope="site")
    PLUGIN_PACKAGE = None  # no folder: nothing for the core to find beside its hooks
    calls = []

    @hookimpl
    def blueprints(self):
        return [alpha_bp]

    @hookimpl
    def nav_items(self, user):
        return [NavItem("Alpha", "alpha.alpha_index")]

    @hookimpl
    def site_page_sections(self, site, user):
        self.calls.append(site.slug)
        return None


class Beta:
    MODULE = Module(name="beta", label="Beta", scope="territory", requires=("alpha",))
    PLUGIN_PACKAGE = None

    @hookimpl
    def blueprints(self):
        return [beta_bp]

    @hookimpl
    def nav_items(self, user):
        return [NavItem("Beta", "beta.beta_index")]


def plugins():
    return (Alpha(), Beta())
