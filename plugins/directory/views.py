"""The directory's pages: thin views that parse, call the services, commit and render.

The core answers 404 for every route here while the module is off. Pages carry `noindex`
unless the territory made its directory public.
"""
from __future__ import annotations

from flask import (Blueprint, abort, current_app, flash, has_request_context, jsonify, redirect, render_template,
                   request, send_file, url_for)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from core import geo
from core.extensions import db, limiter
from core.plugins import plugin_config
from core.sites.access import visible_site_or_abort
from core.sites.service import published_sites

from . import photos, presence, profiles, relay, rome
from .errors import DirectoryError
from .forms import FIELD_LABELS, KIND_LABELS, ContactForm, EmptyForm, ReportForm
from .models import Organisation
from .search import Query, search

bp = Blueprint("directory", __name__, url_prefix="/directory")


@bp.app_context_processor
def _labels():
    return {"directory_field_labels": FIELD_LABELS, "directory_kind_labels": KIND_LABELS,
            # mails are rendered outside any request (jobs): nothing to index there
            "directory_indexable": has_request_context() and request.endpoint in INDEXABLE
            and profiles.is_public_directory()}


@bp.after_request
def _robots(response):
    if not (profiles.is_public_directory() and request.endpoint in INDEXABLE):
        response.headers["X-Robots-Tag"] = "noindex"
    return response


INDEXABLE = {"directory.index", "directory.profile", "directory.organisations", "directory.organisation"}


def _may_browse() -> None:
    """Members always; visitors only when the directory is public (then they see public profiles)."""
    if not current_user.is_authenticated and not profiles.is_public_directory():
        abort(redirect(url_for("auth.login", next=request.full_path.rstrip("?"))))


def _int(value, default=None, low=1, high=10_000):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if low <= number <= high else default


def _departements() -> tuple:
    return tuple(current_app.config["TERRITORY"].territory.departements)


def parse_query(args) -> tuple[Query, dict]:
    """The search's query from a URL's arguments (the page's form and the API share it)."""
    what = {"commune_label": "", "choices": []}
    query = Query(q=(args.get("q") or "").strip()[:120], skill=(args.get("skill") or "").strip()[:12],
                  job=(args.get("job") or "").strip().upper()[:5], site=(args.get("site") or "").strip()[:80],
                  available=args.get("available") in ("1", "on", "true", "y"), page=_int(args.get("page"), 1),
                  radius_km=_int(args.get("radius"), None, 1, 500))
    commune = (args.get("commune") or "").strip()[:120]
    if commune:
        found = geo.resolve(commune, _departements(), limit=5)
        if found:
            query.commune = found[0].code
            what["commune_label"] = found[0].label
            what["choices"] = found[1:] if len(found) > 1 and not geo.CODE.match(commune) else []
        else:
            query.commune = "none"
    return query, what


@bp.get("", endpoint="index")
def index():
    _may_browse()
    query, what = parse_query(request.args)
    searched = any((query.q, query.skill, query.job, query.commune, query.site, query.available))
    config = plugin_config("directory")
    results = search(query, current_user, config.default_radius_km)
    entries = {"skill": rome.skill(query.skill) if query.skill else None,
               "job": rome.job(query.job) if query.job else None}
    suggestions = rome.suggest(query.q, limit=6) if query.q and not (query.skill or query.job) else []
    return render_template("directory/index.html", query=query, what=what, results=results, searched=searched,
                           entries=entries, suggestions=suggestions, sites=published_sites(),
                           radius=query.radius_km or config.default_radius_km,
                           cards={p.id: profiles.card(p) for p in results.profiles},
                           me=profiles.profile_of(current_user) if current_user.is_authenticated else None)


SUGGEST_KINDS = {"job": ("job",), "skill": ("macro_skill", "skill")}


@bp.get("/suggest.json", endpoint="suggest")
@limiter.limit("120 per minute")  # called as one types; a scraper of the vocabulary gets 429
def suggest():
    """Jobs and skills for the typed words (the profile's autocomplete; `kind=job` or `skill`)."""
    _may_browse()
    kinds = SUGGEST_KINDS.get(request.args.get("kind") or "", ("job", "domain", "macro_skill", "skill"))
    found = rome.suggest(request.args.get("q"), limit=_int(request.args.get("limit"), 10, 1, 50), kinds=kinds)
    return jsonify([e.as_dict() for e in found])


@bp.get("/people/<int:profile_id>", endpoint="profile")
def profile(profile_id):
    _may_browse()
    found = profiles.visible_profile(profile_id, current_user)
    if found is None:
        abort(404)
    mine = current_user.is_authenticated and found.user_id == current_user.id
    can_write = (current_user.is_authenticated and found.contactable and not mine)
    return render_template("directory/profile.html", profile=found, card=profiles.card(found), mine=mine,
                           can_write=can_write, form=ContactForm(),
                           allowance=relay.allowance(current_user) if can_write else None)


@bp.get("/people/<int:profile_id>/photo", endpoint="photo")
def photo(profile_id):
    """A profile's photo, to whoever may see the profile, while its owner shows it."""
    _may_browse()
    found = profiles.visible_profile(profile_id, current_user)
    path = photos.path_of(found) if found is not None and found.show_photo else None
    if path is None:
        abort(404)
    response = send_file(path, mimetype="image/jpeg", max_age=0, conditional=True, etag=True)
    response.headers["Content-Disposition"] = "inline"
    # Not in shared caches: who may see it depends on who asks, and a withdrawal is immediate.
    response.headers["Cache-Control"] = "private, no-cache"
    return response


@bp.post("/people/<int:profile_id>/contact", endpoint="contact")
@login_required
def contact(profile_id):
    found = profiles.visible_profile(profile_id, current_user)
    if found is None:
        abort(404)
    form = ContactForm()
    if form.validate_on_submit():
        try:
            relay.write(current_user, profile_id=profile_id, body=form.body.data)
        except DirectoryError as error:
            db.session.rollback()
            status = error.status
            form.body.errors = [*form.body.errors, error.message]
        else:
            db.session.commit()
            flash(_("Your message is sent to %(name)s. Their address is not shown to you; if they reply "
                    "by e-mail, you will get their reply in your mailbox.", name=profiles.masked(
                        found.user.display_name)), "success")
            return redirect(url_for(".profile", profile_id=profile_id), 303)
    else:
        status = 422
    return render_template("directory/profile.html", profile=found, card=profiles.card(found), mine=False,
                           can_write=True, form=form, allowance=relay.allowance(current_user)), status


@bp.get("/organisations", endpoint="organisations")
def organisations():
    _may_browse()
    return render_template("directory/organisations.html", organisations=profiles.organisations(),
                           may_edit=profiles.may_edit_organisation(current_user, None))


@bp.get("/organisations/<int:organisation_id>", endpoint="organisation")
def organisation(organisation_id):
    _may_browse()
    found = db.session.get(Organisation, organisation_id) or abort(404)
    members = profiles.members_of(found, current_user)
    return render_template("directory/organisation.html", organisation=found, members=members,
                           cards={p.id: profiles.card(p) for p in members},
                           may_edit=profiles.may_edit_organisation(current_user, found))


@bp.get("/sites/<site_slug>", endpoint="here")
@login_required
def here(site_slug):
    site = visible_site_or_abort(site_slug)
    present = presence.this_week(site, current_user)
    return render_template("directory/here.html", site=site, present=present,
                           cards={p.id: profiles.card(p) for p in present}, form=EmptyForm(),
                           report_form=ReportForm())
