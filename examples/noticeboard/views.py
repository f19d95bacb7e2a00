"""Noticeboard's pages: thin views that parse, call the service, commit and render.

The core answers 404 for every route here while the module is off, territory-wide or at the
site named by the `site_slug` argument.
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from core.extensions import db
from core.modules.service import is_enabled
from core.sites.service import published_sites, site_by_slug

from . import service
from .forms import NoteForm

bp = Blueprint("noticeboard", __name__, url_prefix="/noticeboard")


def _site(site_slug):
    site = site_by_slug(site_slug)
    if site is None or not site.is_published:
        abort(404)
    return site


@bp.get("", endpoint="index")
def index():
    sites = [site for site in published_sites() if is_enabled("noticeboard", site)]
    return render_template("noticeboard/index.html", sites=sites)


@bp.get("/<site_slug>", endpoint="site")
def site_page(site_slug):
    site = _site(site_slug)
    return render_template("noticeboard/site.html", site=site, notes=service.notes_at(site), form=NoteForm())


@bp.post("/<site_slug>", endpoint="post")
@login_required
def post_note(site_slug):
    site = _site(site_slug)
    form = NoteForm()
    if not form.validate_on_submit():
        return render_template("noticeboard/site.html", site=site, notes=service.notes_at(site), form=form), 422
    # A NoticeboardError goes on to the core's handler, which rolls back and shows its message.
    service.post_note(site, current_user, form.text.data)
    db.session.commit()
    flash(_("Your note is posted."), "success")
    return redirect(url_for(".site", site_slug=site.slug), 303)
