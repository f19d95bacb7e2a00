"""Sites as a built-in plugin: public pages and the main menu entry."""
from flask_babel import lazy_gettext as _l

from core.geo.views import bp as geo
from core.hookspecs import hookimpl
from core.sites.service import DELETE_PHOTO_JOB, delete_photo_file
from core.sites.views import home, sites
from core.uploads import bp as media, upload_folder
from core.ui import NavItem


@hookimpl
def blueprints():
    return [home, sites, media, geo]


@hookimpl
def job_handlers():
    return {DELETE_PHOTO_JOB: delete_photo_file}


@hookimpl
def uploads_in_use():
    from sqlalchemy import select

    from core.extensions import db
    from core.sites.models import SitePhoto

    return {upload_folder(): db.session.scalars(select(SitePhoto.filename))}


@hookimpl
def nav_items(user):
    return [NavItem(_l("Sites"), "sites.index", order=10)]
