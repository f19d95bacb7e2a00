"""Who may see and manage a site, as pages ask it: one check for the core's pages and every plugin's."""
from flask import abort
from flask_login import current_user

from core.sites.service import site_by_slug


def managed_site_or_abort(site_slug: str):
    """The site named in the URL if the signed-in user manages it; 404 if there is none, else 403."""
    site = site_by_slug(site_slug)
    if site is None:
        abort(404)
    if not current_user.manages(site):
        abort(403)
    return site


def can_see(site, user) -> bool:
    """An unpublished site is invisible, and unbookable, except to its managers and the
    territory admin: its page, its prices, its resources and its week answer 404 to others."""
    if site.is_published:
        return True
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.manages(site))


def visible_site_or_abort(site_slug: str, user=None):
    """The site named in the URL if the user (by default the signed-in one) may see it, else 404."""
    site = site_by_slug(site_slug)
    if site is None or not can_see(site, current_user if user is None else user):
        abort(404)
    return site
