"""Public pages of the network's sites, and their editing by managers and admins."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from core.extensions import db
from core.geo import svgmap
from core.geo.views import preferred
from core.pagecache import kept_for_visitors
from core.plugins import hooks, switched_off_hooks
from core.sites import service
from core.sites.forms import AMENITY_LABELS, KIND_LABELS, WEEKDAYS, ClosureForm, PhotoForm, SiteForm
from core.sites.models import Site
from core.sites.service import SiteError
from core.timeutil import today_at
from core.ui import collect
from core.sites.access import managed_site_or_abort, visible_site_or_abort

home = Blueprint("home", __name__)
sites = Blueprint("sites", __name__, url_prefix="/sites")


@home.get("/", endpoint="index")
@kept_for_visitors
def home_page():
    widgets = []
    if current_user.is_authenticated:  # a module off territory-wide keeps the panels of what members hold
        widgets = collect([*hooks().dashboard_widgets(user=current_user),
                           *switched_off_hooks().kept_dashboard_widgets(user=current_user)])
    return render_template("home.html", sites=service.published_site_rows(), widgets=widgets)


@sites.get("", endpoint="index")
@kept_for_visitors
def list_sites():
    shown = service.published_site_rows()
    return render_template("sites/index.html", sites=shown, amenity_labels=AMENITY_LABELS,
                           kind_labels=KIND_LABELS, network_map=network_map(shown))


def _site_or_404(slug: str) -> Site:
    return visible_site_or_abort(slug)


def status(site: Site) -> dict:
    """Whether a site is closed today, the next day it opens then, and its closures to come."""
    today = today_at(site.timezone)
    closed_today = not service.opening_intervals(site, today)
    return {"closed_today": closed_today, "next_open": service.next_open_day(site, today) if closed_today else None,
            "closures": service.upcoming_closures(site, today)}


def network_map(sites_shown, here=None):
    """The SVG map of some sites (core.geo.svgmap); the page's list is its accessible equivalent."""
    points = [svgmap.Point(s.commune, s.latitude, s.longitude, url_for("sites.show", site_slug=s.slug), s.name)
              for s in sites_shown]
    departements = {s.departement for s in sites_shown} or set(preferred())
    return svgmap.render(points, departements, here, title=_("Map of the network's sites"),
                         description=_("The network's sites; the list gives the same sites."))


@sites.get("/<site_slug>")
@kept_for_visitors
def show(site_slug):
    site = _site_or_404(site_slug)
    sections = collect(hooks(site).site_page_sections(site=site, user=current_user))
    return render_template("sites/show.html", site=site, sections=sections, weekdays=WEEKDAYS,
                           site_status=status(site),
                           format_hours=service.format_hours, amenity_labels=AMENITY_LABELS,
                           kind_labels=KIND_LABELS)


def _fill_site(form: SiteForm, site: Site) -> None:
    for field in ("name", "kind", "host_organisation", "address", "postcode", "commune", "departement",
                  "latitude", "longitude", "timezone", "description", "amenities", "contact_email",
                  "contact_phone", "closed_on_public_holidays", "is_published"):
        setattr(site, field, getattr(form, field).data)
    service.set_hours(site, {day: service.parse_hours(getattr(form, f"hours_{day}").data)
                             for day in range(7)})


@sites.route("/new", methods=["GET", "POST"])
@login_required
def create():
    if not current_user.is_territory_admin:
        abort(403)
    form = SiteForm()
    if form.validate_on_submit():
        site = Site(slug=form.slug.data)
        _fill_site(form, site)
        try:
            service.save_site(site, current_user, created=True)
            db.session.commit()
        except SiteError as exc:
            form.slug.errors.append(str(exc))
        else:
            flash(_("The site %(name)s is created.", name=site.name), "success")
            return redirect(url_for("sites.edit", site_slug=site.slug), 303)
    return render_template("sites/edit.html", form=form, site=None), 400 if form.errors else 200


@sites.route("/<site_slug>/edit", methods=["GET", "POST"])
@login_required
def edit(site_slug):
    site = managed_site_or_abort(site_slug)
    form = SiteForm(obj=site)
    del form.slug  # the address of a site never changes: links and feeds depend on it
    if not form.is_submitted():
        for day in range(7):
            getattr(form, f"hours_{day}").data = service.format_hours(site, day)
    if form.validate_on_submit():
        _fill_site(form, site)
        service.save_site(site, current_user)
        db.session.commit()
        flash(_("The site is saved."), "success")
        return redirect(url_for("sites.edit", site_slug=site.slug), 303)
    return _edit_page(site, form), 400 if form.errors else 200


def _edit_page(site: Site, form: SiteForm | None = None, closure_form: ClosureForm | None = None) -> str:
    """The site's edit page; a closure form given back keeps what was typed, and its errors."""
    if form is None:
        form = SiteForm(formdata=None, obj=site)
        del form.slug
        for day in range(7):
            getattr(form, f"hours_{day}").data = service.format_hours(site, day)
    return render_template("sites/edit.html", form=form, site=site, photo_form=PhotoForm(), weekdays=WEEKDAYS,
                           closure_form=closure_form or ClosureForm(formdata=None))


@sites.post("/<site_slug>/closures")
@login_required
def add_closure(site_slug):
    """Add a closure. When bookings (or anything a plugin keeps) stand on its days, the manager
    is first shown what it would cancel, and nothing is saved until they confirm; the closure
    and those cancellations then commit together."""
    site = managed_site_or_abort(site_slug)
    form = ClosureForm()
    if not form.validate_on_submit() or request.form.get("change"):
        return _edit_page(site, closure_form=form), 400 if form.errors else 200
    starts_on, ends_on, reason = form.starts_on.data, form.ends_on.data, form.reason.data or ""
    if not request.form.get("confirmed"):
        conflicts = service.closure_conflicts(site, starts_on, ends_on)
        if conflicts:
            return render_template("sites/closure_confirm.html", site=site, form=form, conflicts=conflicts)
    service.add_closure(site, starts_on, ends_on, reason, current_user)
    db.session.commit()
    flash(_("The closure is recorded.") if not request.form.get("confirmed") else
          _("The closure is recorded; what stood on those days is cancelled and the people concerned are told."), "success")
    return redirect(url_for("sites.edit", site_slug=site.slug) + "#closures", 303)


@sites.post("/<site_slug>/closures/<int:closure_id>/delete")
@login_required
def remove_closure(site_slug, closure_id):
    site = managed_site_or_abort(site_slug)
    if not service.remove_closure(site, closure_id, current_user):
        abort(404)
    db.session.commit()
    flash(_("The closure is removed."), "success")
    return redirect(url_for("sites.edit", site_slug=site.slug) + "#closures", 303)


@sites.post("/<site_slug>/photos")
@login_required
def add_photo(site_slug):
    site = managed_site_or_abort(site_slug)
    form = PhotoForm()
    if form.validate_on_submit():
        try:
            service.add_photo(site, form.photo.data.stream, form.alt_text.data, current_user)
            db.session.commit()
        except SiteError as exc:
            flash(str(exc), "error")
        else:
            flash(_("The photo is added."), "success")
    else:
        flash(_("Choose a photo and describe it."), "error")
    return redirect(url_for("sites.edit", site_slug=site.slug) + "#photos", 303)


@sites.post("/<site_slug>/photos/<int:photo_id>/delete")
@login_required
def remove_photo(site_slug, photo_id):
    site = managed_site_or_abort(site_slug)
    if not service.remove_photo(site, photo_id, current_user):
        abort(404)
    db.session.commit()
    flash(_("The photo is removed."), "success")
    return redirect(url_for("sites.edit", site_slug=site.slug) + "#photos", 303)
