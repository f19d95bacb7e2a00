"""A member's own directory entry: consents, fields shown, job, skills; withdrawal in one click."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from core.extensions import db
from core.sites.forms import PhotoForm
from core.sites.service import published_sites

from . import photos, profiles, rome
from .errors import DirectoryError
from .forms import EmptyForm, ProfileForm, VocabularyForm
from .models import FIELDS, Profile
from .views import bp


def _profile_form(profile, formdata=None) -> ProfileForm:
    form = ProfileForm(formdata=formdata)
    form.organisation_id.choices = [(0, _("No organisation"))] + [(o.id, o.name) for o in profiles.organisations()]
    form.site_ids.choices = [(s.id, s.name) for s in published_sites()]
    if formdata is None:
        form.shown.data = [f for f in FIELDS if getattr(profile, f"show_{f}")] if profile else \
            [f for f in FIELDS if f not in ("commune", "photo")]
        if profile is not None:
            for flag in profiles.CONSENTS:
                getattr(form, flag).data = getattr(profile, flag)
            form.job_title.data, form.bio.data, form.available.data = profile.job_title, profile.bio, profile.available
            for index, link in enumerate(profile.links[:3], start=1):
                getattr(form, f"link_{index}").data = link
            form.organisation_id.data = profile.organisation_id or 0
            form.site_ids.data = [s.id for s in profile.sites]
    return form


def _render(form, status=200, job_form=None, skill_form=None, job_choices=(), skill_choices=(), photo_form=None):
    profile = profiles.profile_of(current_user)
    return render_template("directory/me.html", form=form, profile=profile, photo_form=photo_form or PhotoForm(),
                           job=rome.job(profile.job_code) if profile and profile.job_code else None,
                           job_form=job_form or VocabularyForm(prefix="job"),
                           skill_form=skill_form or VocabularyForm(prefix="skill"),
                           job_choices=job_choices, skill_choices=skill_choices, empty=EmptyForm(),
                           card=profiles.card(profile) if profile else None), status


@bp.get("/me", endpoint="me")
@login_required
def me():
    return _render(_profile_form(profiles.profile_of(current_user)))


@bp.post("/me", endpoint="me_save")
@login_required
def me_save():
    form = _profile_form(profiles.profile_of(current_user), request.form)
    if not form.validate_on_submit():
        return _render(form, 422)
    try:
        profiles.set_consents(current_user, **{flag: getattr(form, flag).data for flag in profiles.CONSENTS})
        current = profiles.profile_of(current_user)
        profiles.save(current_user, shown=form.shown.data or (), job_code=current.job_code,
                      job_title=form.job_title.data, bio=form.bio.data, available=form.available.data,
                      links=[form.link_1.data, form.link_2.data, form.link_3.data],
                      organisation_id=form.organisation_id.data or None, site_ids=form.site_ids.data or ())
    except DirectoryError as error:
        db.session.rollback()
        form.form_errors.append(error.message)
        return _render(form, 422)
    db.session.commit()
    flash(_("Your directory profile is saved.") if form.listed.data else
          _("Saved. You are not listed in the directory: nobody sees this profile."), "success")
    return redirect(url_for(".me"), 303)


@bp.post("/me/withdraw", endpoint="me_withdraw")
@login_required
def me_withdraw():
    if EmptyForm().validate_on_submit():
        profiles.set_consents(current_user, listed=False, contactable=False, public=False, show_presence=False)
        db.session.commit()
        flash(_("You are no longer in the directory. Nobody can see your profile or write to you through it."),
              "success")
    return redirect(url_for(".me"), 303)


def _vocabulary(prefix: str, kinds: tuple, apply):
    """Add a job or skill: a code chosen, or a text typed: one exact label is taken, otherwise
    the suggestions are shown to choose from (a skill may also be kept as typed)."""
    form = VocabularyForm(prefix=prefix)
    if not form.validate_on_submit():
        return _render(_profile_form(profiles.profile_of(current_user)), 422, **{f"{prefix}_form": form})
    code, typed = (form.code.data or "").strip(), (form.text.data or "").strip()
    try:
        if code:
            apply(code=code)
        elif typed and form.free.data and prefix == "skill":
            apply(label=typed)
        elif typed:
            choices = rome.suggest(typed, limit=12, kinds=kinds)
            exact = [e for e in choices if rome.fold(e.label) == rome.fold(typed) or e.code == typed.upper()]
            if len(exact) != 1:
                db.session.rollback()
                if not choices:
                    form.text.errors = [_("Nothing in the vocabulary matches %(text)s.", text=typed)]
                return _render(_profile_form(profiles.profile_of(current_user)), 200 if choices else 422,
                               **{f"{prefix}_form": form, f"{prefix}_choices": choices})
            apply(code=exact[0].code)
        else:
            raise DirectoryError(_("Type a few letters of a job or skill."))
    except DirectoryError as error:
        db.session.rollback()
        form.text.errors = [*form.text.errors, error.message]
        return _render(_profile_form(profiles.profile_of(current_user)), 422, **{f"{prefix}_form": form})
    db.session.commit()
    flash(_("Your profile is updated."), "success")
    return redirect(url_for(".me") + "#" + prefix, 303)


@bp.post("/me/job", endpoint="me_job")
@login_required
def me_job():
    def apply(code=None, label=None):
        found = rome.job(code)
        if found is None or found.kind != "job":
            raise DirectoryError(_("Unknown job code: %(code)s.", code=code))
        profile = profiles.profile_of(current_user, create=True)
        profiles.save(current_user, shown=[f for f in FIELDS if getattr(profile, f"show_{f}")], job_code=found.code,
                      job_title=profile.job_title, bio=profile.bio, available=profile.available,
                      links=profile.links, organisation_id=profile.organisation_id,
                      site_ids=[s.id for s in profile.sites])

    return _vocabulary("job", ("job",), apply)


@bp.post("/me/skills", endpoint="me_skill")
@login_required
def me_skill():
    return _vocabulary("skill", ("macro_skill", "skill"),
                       lambda code=None, label=None: profiles.add_skill(current_user, code=code, label=label or ""))


@bp.post("/me/skills/<int:skill_id>/remove", endpoint="me_skill_remove")
@login_required
def me_skill_remove(skill_id):
    if EmptyForm().validate_on_submit():
        profiles.remove_skill(current_user, skill_id)
        db.session.commit()
    return redirect(url_for(".me") + "#skill", 303)


@bp.post("/me/photo", endpoint="me_photo")
@login_required
def me_photo():
    """A photo only for a listed member (withdrawing removes it); shown once "photo" is ticked."""
    form = PhotoForm()
    profile = profiles.profile_of(current_user)
    if profile is None or not profile.listed:
        form.photo.errors = [_("Tick the first box and save before adding a photo.")]
        return _render(_profile_form(profile), 422, photo_form=form)
    if not form.validate_on_submit():
        return _render(_profile_form(profile), 422, photo_form=form)
    try:
        photos.set_photo(profile, form.photo.data.stream, form.alt_text.data)
    except DirectoryError as error:
        db.session.rollback()
        form.photo.errors = [error.message]
        return _render(_profile_form(profiles.profile_of(current_user)), 422, photo_form=form)
    db.session.commit()
    flash(_("The photo is added.") if profile.show_photo else
          _("The photo is added. Tick \"My photo\" among the fields to show for others to see it."), "success")
    return redirect(url_for(".me") + "#photo", 303)


@bp.post("/me/photo/remove", endpoint="me_photo_remove")
@login_required
def me_photo_remove():
    if EmptyForm().validate_on_submit():
        photos.remove(profiles.profile_of(current_user))
        db.session.commit()
        flash(_("The photo is removed."), "success")
    return redirect(url_for(".me") + "#photo", 303)


@bp.get("/me/photo", endpoint="photo_own")
@login_required
def photo_own():
    """The member's own photo, shown or not (for their profile page)."""
    path = photos.path_of(profiles.profile_of(current_user) or Profile())
    if path is None:
        abort(404)
    response = send_file(path, mimetype="image/jpeg", max_age=0)
    response.headers["Cache-Control"] = "private, no-cache"
    return response
