"""The territory admin's pages (moderation queue, archive, grants), the welcome officer's
follow-up, and a member's alert. Thin: parse, call, commit, render."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from core.extensions import db
from core.forms import refuse

from . import access, alerts, posts, vocabulary, welcome
from .formflow import handle, well_formed
from .forms import (
    AlertForm,
    EmptyForm,
    GrantForm,
    ModerationForm,
    OfficerSpouseForm,
    StepForm,
)
from .views import bp


def _admin():
    access.require(access.is_admin(current_user))


@bp.get("/admin", endpoint="queue")
@login_required
def queue():
    _admin()
    return render_template("boards/queue.html", posts=posts.queue(), form=ModerationForm(),
                           labelled=lambda p: vocabulary.labelled(posts.codes_of(p)))


@bp.post("/admin/posts/<int:post_id>", endpoint="moderate")
@login_required
def moderate(post_id):
    _admin()
    form = ModerationForm()
    if not form.validate_on_submit():
        refuse(form)
    post = posts.moderate(current_user, post_id, form.decision.data, form.reason.data)
    db.session.commit()
    flash(_("Published: %(title)s.", title=post.title) if post.status == "published"
          else _("Rejected: %(title)s.", title=post.title), "success")
    return redirect(url_for(".queue"), 303)


@bp.get("/admin/archive", endpoint="archive")
@login_required
def archive():
    _admin()
    return render_template("boards/archive.html", posts=posts.archive())


@bp.route("/admin/grants", methods=["GET", "POST"], endpoint="grants")
@login_required
def grants():
    _admin()
    form = GrantForm()
    done, _grant, status = handle(form, lambda: access.grant(current_user, form.email.data, form.role.data,
                                                             form.organisation.data))
    if done:
        flash(_("The role is granted."), "success")
        return redirect(url_for(".grants"), 303)
    return render_template("boards/grants.html", form=form, grants=access.grants(), roles=access.ROLES,
                           empty=EmptyForm()), status


@bp.post("/admin/grants/<int:user_id>/<role>/revoke", endpoint="revoke")
@login_required
def revoke(user_id, role):
    _admin()
    if not EmptyForm().validate_on_submit():
        abort(400)
    access.revoke(current_user, user_id, role)
    db.session.commit()
    flash(_("The role is withdrawn."), "success")
    return redirect(url_for(".grants"), 303)


@bp.get("/welcome", endpoint="welcome")
@login_required
def welcome_page():
    access.require(access.is_welcome_officer(current_user))
    year = request.args.get("year", type=int) or posts.today().year
    year = min(max(year, 2000), 2100)
    return render_template("boards/welcome.html", profiles=welcome.followed(), year=year,
                           placed=welcome.placed_by_departement(year), steps=welcome.STEPS,
                           outcomes=welcome.OUTCOMES, today=posts.today())


@bp.route("/welcome/<int:post_id>", methods=["GET", "POST"], endpoint="follow")
@login_required
def follow(post_id):
    post = welcome.spouse_profile(current_user, post_id)
    form = StepForm()
    done, _step, status = handle(form, lambda: welcome.add_step(current_user, post_id, form.kind.data,
                                                                form.happened_on.data, form.note.data,
                                                                form.outcome.data))
    if done:
        flash(_("The step is recorded."), "success")
        return redirect(url_for(".follow", post_id=post_id), 303)
    post = welcome.spouse_profile(current_user, post_id)
    return render_template("boards/follow.html", post=post, form=form, steps=welcome.STEPS,
                           outcomes=welcome.OUTCOMES, codes=vocabulary.labelled(posts.codes_of(post)),
                           communes=posts.communes_of(post)), status


@bp.route("/welcome/new", methods=["GET", "POST"], endpoint="new_spouse")
@login_required
def new_spouse():
    access.require(access.is_welcome_officer(current_user))
    form = OfficerSpouseForm()
    done, post, status = handle(form, lambda: posts.create_for_spouse(
        current_user, form.email.data, title=form.title.data, description=form.description.data,
        codes=form.codes.data, communes=form.communes.data, ends_on=form.ends_on.data, consent=form.consent.data),
        problems=lambda: posts.field_problems(well_formed(form, ("codes", "communes", "ends_on"))))
    if done:
        flash(_("Your post is sent: it will show once the territory's team has checked it."), "success")
        return redirect(url_for(".follow", post_id=post.id), 303)
    return render_template("boards/form.html", form=form, kind="spouse_profile",
                           kind_label=posts.KIND_LABELS["spouse_profile"], vocabulary_on=vocabulary.available(),
                           action=url_for(".new_spouse")), status


@bp.route("/alerts", methods=["GET", "POST"], endpoint="alerts")
@login_required
def alert_page():
    alert = alerts.alert_of(current_user)
    form = AlertForm()
    if request.method == "GET" and alert is not None:
        form.codes.data = ", ".join(alert.codes)
        form.commune.data = alert.commune_code
        form.radius_km.data, form.digest.data, form.matchable.data = alert.radius_km, alert.digest, alert.matchable
    done, _alert, status = handle(form, lambda: alerts.save(
        current_user, codes=form.codes.data, commune=form.commune.data, radius_km=form.radius_km.data,
        digest=form.digest.data, matchable=form.matchable.data))
    if done:
        flash(_("Your alert is saved."), "success")
        return redirect(url_for(".alerts"), 303)
    return render_template("boards/alerts.html", form=form, alert=alert, empty=EmptyForm()), status


@bp.post("/alerts/remove", endpoint="remove_alert")
@login_required
def remove_alert():
    if not EmptyForm().validate_on_submit():
        abort(400)
    alerts.remove(current_user)
    db.session.commit()
    flash(_("Your alert is removed."), "success")
    return redirect(url_for(".alerts"), 303)
