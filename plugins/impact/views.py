"""Impact's pages and API: thin views that parse, check who asks, call the service, render.

The core answers 404 for every route here while the module is off.
"""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, g, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from core import geo
from core.api.base import token_required
from core.api.openapi import error_responses, ok
from core.csvexport import csv_response, csv_text
from core.errors import Forbidden
from core.extensions import db
from core.geo.views import choose
from core.urls import external_url
from plugins.conventions import Partner

from . import access, service
from .forms import ProfileForm, PublicForm

bp = Blueprint("impact", __name__, url_prefix="/impact")
api = Blueprint("impact_api", __name__, url_prefix="/api/v1")


def _pick(form_field, text_code_name):
    """(commune or None, candidates); an error on the field when the text matches none or several."""
    text = (form_field.data or "").strip()
    if not text and not request.form.get(text_code_name):
        return None, []
    found, candidates = choose(text, request.form.get(text_code_name))
    if found is None:
        form_field.errors = list(form_field.errors) + [
            _("Several communes match: choose yours below.") if candidates
            else _("No commune of France is called %(name)s.", name=text)]
    return found, candidates


@bp.route("/me", methods=["GET", "POST"], endpoint="me")
@login_required
def me():
    profile = service.profile_of(current_user)
    form = ProfileForm()
    if not form.is_submitted():
        home = geo.commune(current_user.home_commune_code)
        work = geo.commune(profile.work_commune_code) if profile else None
        form.home_commune.data = home.label if home else ""
        form.work_commune.data = work.label if work else ""
        if profile:
            form.mode.data, form.fiscal_hp.data = profile.mode, profile.fiscal_hp
            form.consent.data = profile.consent_at is not None
    home_candidates = work_candidates = []
    status = 200
    if form.validate_on_submit():
        home, home_candidates = _pick(form.home_commune, "home_commune_code")
        work, work_candidates = _pick(form.work_commune, "work_commune_code")
        if not form.home_commune.errors and not form.work_commune.errors:
            service.save_profile(current_user, home=home, work=work, mode=form.mode.data,
                                 fiscal_hp=form.fiscal_hp.data, consent=form.consent.data)
            db.session.commit()
            flash(_("Your commute is saved."), "success")
            return redirect(url_for("impact.me"), 303)
        status = 400
    elif form.errors:
        status = 400
    today = access.today()
    since = current_user.created_at.date() if current_user.created_at else today
    reports = [(key, service.member_report(current_user, start, end))
               for key, start, end in service.periods(today, min(since, today))]
    return render_template("impact/me.html", form=form, profile=profile, reports=reports,
                           home_candidates=home_candidates, work_candidates=work_candidates,
                           year=reports[1][1], rebound=service.config().rebound_share), status


@bp.get("/method", endpoint="method")
def method_page():
    return render_template("impact/method.html", values=service.method_values(), cfg=service.config())


def _group_page(scope: str, scope_id, title: str, **extra):
    start, end = access.period(request.args.get("from"), request.args.get("to"))
    report = service.group_report(scope, scope_id, start, end)
    return render_template("impact/report.html", report=report, title=title, cfg=service.config(),
                           rebound=service.config().rebound_share, **extra)


@bp.get("/sites/<site_slug>", endpoint="site")
@login_required
def site_report(site_slug):
    scope, site_id, site = access.resolve_scope(current_user, "site", site_slug)
    return _group_page(scope, site_id, _("Impact of %(site)s", site=site.name), site=site)


@bp.get("/partners/<int:partner_id>", endpoint="partner")
@login_required
def partner_report(partner_id):
    scope, pid, _partner = access.resolve_scope(current_user, "partner", str(partner_id))
    partner = db.session.get(Partner, pid)
    if partner is None:
        abort(404)
    return _group_page(scope, pid, _("Impact of %(partner)s's staff", partner=partner.name))


@bp.get("/territory", endpoint="territory")
def territory_report():
    if not service.public_page_on() and not current_user.is_authenticated:
        # Not public: a visitor signs in first (and comes back here), as on every members' page.
        return current_app.login_manager.unauthorized()
    access.resolve_scope(current_user, "territory", None)
    form = PublicForm(public=service.public_page_on())
    return _group_page("territory", None, _("Impact of the network"), public_form=form,
                       public=service.public_page_on())


@bp.post("/territory/public", endpoint="public")
@login_required
def switch_public():
    if not current_user.is_territory_admin:
        raise Forbidden(_("Only the territory's administrators may do this."))
    form = PublicForm()
    if form.validate_on_submit():
        service.set_public_page(bool(form.public.data))
        db.session.commit()
        flash(_("The public page is on.") if form.public.data else _("The public page is off."), "success")
    return redirect(url_for("impact.territory"), 303)


def _open_data():
    start, end = access.period(request.args.get("from"), request.args.get("to"), default_months=24)
    return start, end, service.open_data(start, end)


@bp.get("/open-data.csv", endpoint="open_data_csv")
def open_data_csv():
    _start, _end, rows = _open_data()
    header = ["month", "site", "members", "days", "km_avoided", "co2e_kg", "euros", "hours",
              "detour_factor", "mean_speed_kmh", "rebound_share", "money", "co2e_factors_kg_per_km", "method_page"]
    values = service.method_values()
    factors = " ".join(f"{mode}={f['kg_per_km']}" for mode, f in values["factors"].items())
    method = [values["detour_factor"], values["mean_speed_kmh"], values["rebound_share"], values["money"], factors,
              external_url("impact.method")]
    body = [[("" if r[k] is None else r[k]) for k in header[:8]] + method for r in rows]
    text = csv_text(header, body, french_style=False)
    return csv_response(text, "impact-open-data")


@bp.get("/open-data.json", endpoint="open_data_json")
def open_data_json():
    start, end, rows = _open_data()
    return jsonify({"from": start.isoformat(), "to": end.isoformat(), "method": service.method_values(),
                    "rows": rows})


# --------------------------------------------------------------------------------------------
# API
# --------------------------------------------------------------------------------------------

def report_json(scope: str, scope_id, start, end, user) -> dict:
    """The figures both the API and the pages show (the pages read the same Report)."""
    report = service.report(scope, scope_id, start, end, user)
    cfg = service.config()
    hidden = scope != "me" and report.hidden
    body = {"scope": scope, "from": start.isoformat(), "to": end.isoformat(), "hidden": hidden,
            **({} if hidden else report.totals.as_json(cfg.rebound_share)),
            "months": [] if hidden else [{"month": f"{m:%Y-%m}", **t.as_json(cfg.rebound_share)}
                                         for m, t in report.months],
            "method": service.method_values()}
    if scope == "me":
        body["declared_days"] = report.declared
    else:
        body["members_counted"] = report.members_counted
        body["members_seen"] = report.members_seen
        body["top_communes"] = [{"commune": label, "members": n} for label, n in report.communes]
    return body


@api.get("/impact")
@token_required
def impact_api():
    scope, scope_id, _named = access.resolve_scope(g.api_user, request.args.get("scope"), request.args.get("id"))
    start, end = access.period(request.args.get("from"), request.args.get("to"))
    return jsonify(report_json(scope, scope_id, start, end, g.api_user))


OPENAPI = {
    "schemas": {"Impact": {"type": "object", "required": ["scope", "from", "to", "method"], "properties": {
        "scope": {"type": "string"}, "from": {"type": "string", "format": "date"},
        "to": {"type": "string", "format": "date"}, "hidden": {"type": "boolean"},
        "days": {"type": "integer"}, "trips": {"type": "integer"}, "km_avoided": {"type": "number"},
        "co2e_kg": {"type": "number"}, "co2e_kg_range": {"type": "array", "items": {"type": "number"}},
        "euros": {"type": "number"}, "hours": {"type": "number"}, "members_counted": {"type": "integer"},
        "members_seen": {"type": "integer"}, "declared_days": {"type": "integer"},
        "months": {"type": "array"}, "top_communes": {"type": "array"}, "method": {"type": "object"}}}},
    "paths": {"/impact": {"get": {
        "summary": "Kilometres, CO2e, euros and hours not spent commuting: mine, a site's, a partner's, "
                   "the territory's",
        "operationId": "getImpact",
        "parameters": [
            {"name": "scope", "in": "query", "required": False,
             "schema": {"type": "string", "enum": list(access.SCOPES)}},
            {"name": "id", "in": "query", "required": False, "schema": {"type": "string"},
             "description": "a site's slug or id; a partner's id"},
            {"name": "from", "in": "query", "required": False, "schema": {"type": "string"},
             "description": "2026-01 or 2026-01-15"},
            {"name": "to", "in": "query", "required": False, "schema": {"type": "string"}}],
        "responses": {**ok({"$ref": "#/components/schemas/Impact"}), **error_responses(400, 401, 403, 404)}}}},
}
