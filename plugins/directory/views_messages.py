"""Messages relayed by the directory (a member's mailbox, reply, report, block), the territory
admin's moderation queue, and the organisations' editing (territory admin, site managers)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from core.extensions import db

from . import profiles, relay
from .errors import DirectoryError
from .forms import ContactForm, EmptyForm, ModerationForm, OrganisationForm, ReportForm
from .models import Organisation
from .views import bp


@bp.get("/messages", endpoint="messages")
@login_required
def messages():
    return render_template("directory/messages.html", messages=relay.mailbox(current_user),
                           blocked=relay.blocked_by(current_user), form=EmptyForm(), masked=profiles.masked)


def _message_page(message, form=None, status=200):
    return render_template("directory/message.html", message=message, form=form or ContactForm(),
                           report_form=ReportForm(), empty=EmptyForm(), masked=profiles.masked,
                           received=message.recipient_id == current_user.id,
                           blocked=message.sender_id is not None and relay.is_blocked(current_user.id,
                                                                                      message.sender_id)), status


@bp.get("/messages/<int:message_id>", endpoint="message")
@login_required
def message(message_id):
    return _message_page(relay.message_for(current_user, message_id))


@bp.post("/messages/<int:message_id>/reply", endpoint="reply")
@login_required
def reply(message_id):
    original = relay.message_for(current_user, message_id)
    form = ContactForm()
    if not form.validate_on_submit():
        return _message_page(original, form, 422)
    try:
        relay.write(current_user, reply_to_id=message_id, body=form.body.data)
    except DirectoryError as error:
        db.session.rollback()
        form.body.errors = [*form.body.errors, error.message]
        return _message_page(relay.message_for(current_user, message_id), form, error.status)
    db.session.commit()
    flash(_("Your reply is sent."), "success")
    return redirect(url_for(".message", message_id=message_id), 303)


@bp.post("/messages/<int:message_id>/report", endpoint="report")
@login_required
def report(message_id):
    form = ReportForm()
    if form.validate_on_submit():
        relay.report(current_user, message_id, form.reason.data)
        db.session.commit()
        flash(_("Thank you. The territory's team will look at this message."), "success")
    return redirect(url_for(".message", message_id=message_id), 303)


@bp.post("/messages/<int:message_id>/block", endpoint="block")
@login_required
def block(message_id):
    if EmptyForm().validate_on_submit():
        relay.block(current_user, message_id)
        db.session.commit()
        flash(_("You will receive no more messages from this member."), "success")
    return redirect(url_for(".message", message_id=message_id), 303)


@bp.post("/blocks/<int:user_id>/remove", endpoint="unblock")
@login_required
def unblock(user_id):
    if EmptyForm().validate_on_submit():
        relay.unblock(current_user, user_id)
        db.session.commit()
    return redirect(url_for(".messages"), 303)


# --------------------------------------------------------------------------------------------
# Moderation (territory admin)
# --------------------------------------------------------------------------------------------


def _admin_only() -> None:
    if not current_user.is_authenticated or not current_user.is_territory_admin:
        abort(404)


@bp.get("/moderation", endpoint="moderation")
@login_required
def moderation():
    _admin_only()
    return render_template("directory/moderation.html", reports=relay.queue(), suspended=relay.suspended(),
                           form=ModerationForm(), empty=EmptyForm(), masked=profiles.masked)


@bp.post("/moderation/<int:message_id>", endpoint="moderate")
@login_required
def moderate(message_id):
    _admin_only()
    form = ModerationForm()
    if form.validate_on_submit():
        relay.moderate(current_user, message_id, form.decision.data)
        db.session.commit()
        flash(_("The report is handled."), "success")
    return redirect(url_for(".moderation"), 303)


@bp.post("/moderation/suspensions/<int:user_id>/lift", endpoint="lift")
@login_required
def lift(user_id):
    _admin_only()
    if EmptyForm().validate_on_submit():
        relay.lift(current_user, user_id)
        db.session.commit()
    return redirect(url_for(".moderation"), 303)


# --------------------------------------------------------------------------------------------
# Organisations (territory admin, site managers)
# --------------------------------------------------------------------------------------------


@bp.route("/organisations/new", methods=["GET", "POST"], endpoint="organisation_new")
@bp.route("/organisations/<int:organisation_id>/edit", methods=["GET", "POST"], endpoint="organisation_edit")
@login_required
def organisation_edit(organisation_id=None):
    organisation = db.session.get(Organisation, organisation_id) if organisation_id else None
    if organisation_id and organisation is None:
        abort(404)
    # A site manager edits the organisations hosted at their sites only (profiles.may_edit_organisation).
    if not profiles.may_edit_organisation(current_user, organisation):
        abort(404)
    form = OrganisationForm(obj=organisation if request.method == "GET" else None)
    form.site_id.choices = ([(0, _("None"))] if current_user.is_territory_admin else []) + \
        [(s.id, s.name) for s in profiles.hosting_sites(current_user)]
    if request.method == "GET" and organisation is not None:
        form.site_id.data = organisation.site_id or 0
    if form.validate_on_submit():
        try:
            saved = profiles.save_organisation(organisation, name=form.name.data, kind=form.kind.data,
                                               description=form.description.data or "",
                                               website=form.website.data or "", site_id=form.site_id.data or None,
                                               actor=current_user)
        except DirectoryError as error:
            db.session.rollback()
            form.name.errors = [*form.name.errors, error.message]
        else:
            db.session.commit()
            flash(_("The organisation is saved."), "success")
            return redirect(url_for(".organisation", organisation_id=saved.id), 303)
    return render_template("directory/organisation_edit.html", form=form, organisation=organisation), \
        422 if request.method == "POST" else 200
