"""Who may manage a site, as pages ask it: one check for the core's pages and every plugin's."""
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
