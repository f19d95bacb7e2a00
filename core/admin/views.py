"""Administration pages; every view checks the role, and managers see only their sites."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from core.accounts.models import User
from core.forms import refuse
from core.accounts.service import AccountError, set_role
from core.accounts.roles import ROLES
from core.admin.forms import ToggleForm, UserRoleForm
from core.audit import AuditEntry
from core.extensions import db
from core.modules import service as modules
from core.modules.guard import reachable
from core.plugins import hooks, registry
from core.sites.access import managed_site_or_abort
from core.sites.models import Site
from core.sites.service import managed_sites
from core.ui import collect

admin = Blueprint("admin", __name__, url_prefix="/admin")


@admin.before_request
@login_required
def _staff_only():
    if not (current_user.is_territory_admin or current_user.is_site_manager):
        abort(403)


def _admin_only():
    if not current_user.is_territory_admin:
        abort(403)


@admin.get("")
def dashboard():
    # A plugin lists a link per managed site; a site that switched the module off would get a 404.
    links = [link for link in collect(hooks().admin_links(user=current_user)) if reachable(link.endpoint, link.values)]
    return render_template("admin/dashboard.html", links=links, sites=managed_sites(current_user))


@admin.get("/modules")
def module_list():
    sites = managed_sites(current_user)
    rows = []
    for name, module in sorted(registry().modules.items()):
        rows.append({"module": module, "territory": modules.is_enabled(name),
                     "sites": {site.id: modules.is_enabled(name, site) for site in sites}})
    return render_template("admin/modules.html", rows=rows, sites=sites, form=ToggleForm())


def _switchable_place(site_slug):
    """The site a switch is for (None: the territory), once the user may switch there."""
    if site_slug is None:
        _admin_only()
        return None
    return managed_site_or_abort(site_slug)


@admin.get("/modules/<name>/off")
@admin.get("/modules/<name>/sites/<site_slug>/off")
def confirm_module_off(name, site_slug=None):
    """Switching off asks first: what goes off with it and what members keep there. A page of
    its own (no JavaScript dialog); it changes nothing, the POST it leads to does."""
    site = _switchable_place(site_slug)
    try:
        going, impact = modules.switch_off_preview(name, site)
    except modules.ModuleError as exc:
        flash(str(exc), "error")
        return redirect(url_for("admin.module_list"), 303)
    if not going:  # already off here: nothing to confirm
        return redirect(url_for("admin.module_list"), 303)
    labels = registry().modules
    return render_template("admin/module_off.html", module=labels[name], site=site,
                           others=[labels[n] for n in going[1:]], impact=impact,
                           form=ToggleForm(enabled="off", confirm="yes"))


@admin.post("/modules/<name>")
@admin.post("/modules/<name>/sites/<site_slug>")
def toggle_module(name, site_slug=None):
    site = _switchable_place(site_slug)
    form = ToggleForm()
    if not form.validate_on_submit():
        refuse(form)
    enabled = form.enabled.data == "on"
    if not enabled and form.confirm.data != "yes":
        # Switching off takes other modules along and hides pages: it is done only from the
        # page that said so (switching on loses nothing and stays one click).
        return redirect(url_for("admin.confirm_module_off", name=name, site_slug=site_slug), 303)
    try:
        changed = modules.set_enabled(name, enabled, site=site, actor=current_user)
        db.session.commit()
    except modules.ModuleError as exc:
        flash(str(exc), "error")
    else:
        labels = ", ".join(str(registry().modules[n].label) for n in changed)
        if changed:
            flash(_("Saved: %(modules)s.", modules=labels), "success")
    return redirect(url_for("admin.module_list"), 303)


@admin.get("/users")
def users():
    _admin_only()
    query = select(User).where(User.erased_at.is_(None)).order_by(User.role, User.display_name)
    return render_template("admin/users.html", users=db.session.scalars(query).all(), roles=ROLES)


@admin.route("/users/<int:user_id>", methods=["GET", "POST"])
def edit_user(user_id):
    _admin_only()
    user = db.session.get(User, user_id)
    if user is None or user.erased_at is not None:
        abort(404)
    form = UserRoleForm(role=user.role, sites=[s.id for s in user.managed_sites])
    all_sites = db.session.scalars(select(Site).order_by(Site.name)).all()
    form.sites.choices = [(s.id, s.name) for s in all_sites]
    if form.validate_on_submit():
        chosen = set(form.sites.data or [])
        try:
            set_role(current_user, user, form.role.data, [s for s in all_sites if s.id in chosen])
            db.session.commit()
        except AccountError as exc:
            flash(str(exc), "error")
        else:
            flash(_("Saved."), "success")
            return redirect(url_for("admin.users"), 303)
    return render_template("admin/user.html", user=user, form=form), 400 if form.errors else 200


@admin.get("/audit")
def audit_log():
    _admin_only()
    page = min(max(request.args.get("page", 1, type=int), 1), 100_000)
    entries = db.paginate(select(AuditEntry).order_by(AuditEntry.id.desc()), page=page, per_page=50,
                          error_out=False)
    return render_template("admin/audit.html", entries=entries)
