"""`tierslieux modules list|enable|disable NAME [--site SLUG]`."""
import click
from flask.cli import with_appcontext

from core.modules import service
from core.plugins import registry
from core.sites.models import Site
from core.sites.service import site_by_slug
from core.extensions import db


@click.group("modules", help="List and switch the territory's modules.")
def modules_cli():
    pass


def _site(slug):
    if slug is None:
        return None
    site = site_by_slug(slug)
    if site is None:
        raise click.BadParameter(f"no site with slug '{slug}'", param_hint="--site")
    return site


@modules_cli.command("list")
@with_appcontext
def list_modules():
    sites = db.session.scalars(db.select(Site).order_by(Site.slug)).all()
    for name, module in sorted(registry().modules.items()):
        state = "on" if service.is_enabled(name) else "off"
        requires = f" (requires {', '.join(module.requires)})" if module.requires else ""
        click.echo(f"{name:<14} {state:<4} {module.scope}{requires}")
        if module.scope == "site":
            for site in sites:
                click.echo(f"  {site.slug:<24} {'on' if service.is_enabled(name, site) else 'off'}")


def _toggle(name, site_slug, enabled):
    try:
        changed = service.set_enabled(name, enabled, site=_site(site_slug))
        db.session.commit()
    except service.ModuleError as exc:
        raise click.ClickException(str(exc)) from None
    where = f"at {site_slug}" if site_slug else "territory-wide"
    word = "on" if enabled else "off"
    click.echo(f"switched {word} {where}: {', '.join(changed)}" if changed else f"already {word} {where}")


@modules_cli.command("enable")
@click.argument("name")
@click.option("--site", "site_slug", help="Only at this site (site-scoped modules).")
@with_appcontext
def enable(name, site_slug):
    _toggle(name, site_slug, True)


@modules_cli.command("disable")
@click.argument("name")
@click.option("--site", "site_slug", help="Only at this site (site-scoped modules).")
@with_appcontext
def disable(name, site_slug):
    _toggle(name, site_slug, False)
