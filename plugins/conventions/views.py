"""Conventions' pages: thin views that parse, call the service, commit and render.

The core answers 404 for every route here while the module is off. Territory administrators
manage partners and conventions; a référent sees their partner's conventions (employees,
requests, days and places used, statements); an invited employee accepts by a signed link.
"""
from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _, ngettext
from flask_login import current_user, login_required

from core.csvexport import csv_response, csv_text
from core.db import find
from core.extensions import db
from core.forms import refuse
from core.plugins import hooks
from core.sites.service import published_site_rows, published_sites
from core.timeutil import today_at
from core.ui import collect, long_date
from core.uploads import UploadError, document_path
from plugins.booking import NotFound, get_booking

from . import document, ending, invoicing, service, statements
from .errors import ConventionError
from .forms import (AUTH_STATUS_LABELS, KIND_LABELS, PAST_CAP_LABELS, PRICE_MODEL_LABELS, STATUS_LABELS,
                    ConventionForm, DecisionForm, EmptyForm, InviteForm, PartnerForm, ReferentForm, SignedCopyForm,
                    StatusForm)
from .models import Authorisation, Convention, Partner, Statement

bp = Blueprint("conventions", __name__, url_prefix="/conventions", static_folder="static",
               static_url_path="/static")


@bp.app_context_processor
def _labels():
    return {"conventions_labels": {"status": STATUS_LABELS, "auth": AUTH_STATUS_LABELS, "kind": KIND_LABELS,
                                   "price": PRICE_MODEL_LABELS, "past_cap": PAST_CAP_LABELS}}


def _today() -> date:
    from flask import current_app

    return today_at(current_app.config["TERRITORY"].territory.timezone)


def _admin_only() -> None:
    if not current_user.is_authenticated or not current_user.is_territory_admin:
        abort(404)


def _site_choices():
    return [(s.id, s.name) for s in published_sites()]


# --------------------------------------------------------------------------------------------
# Lists
# --------------------------------------------------------------------------------------------


@bp.get("", endpoint="index")
@login_required
def index():
    conventions = service.conventions_visible_to(current_user)
    if not conventions and not current_user.is_territory_admin and not service.partner_ids_of(current_user):
        abort(404)
    return render_template("conventions/index.html", conventions=conventions)


@bp.get("/admin", endpoint="admin")
@login_required
def admin():
    _admin_only()
    partners = db.session.scalars(db.select(Partner).order_by(Partner.name)).all()
    return render_template("conventions/admin.html", partners=partners,
                           conventions=service.conventions_visible_to(current_user))


# --------------------------------------------------------------------------------------------
# Partners (territory administrators)
# --------------------------------------------------------------------------------------------


def _partner_or_404(partner_id) -> Partner:
    partner = find(Partner, partner_id)
    if partner is None:
        abort(404)
    return partner


@bp.route("/admin/partners/new", methods=["GET", "POST"], endpoint="new_partner")
@bp.route("/admin/partners/<int:partner_id>", methods=["GET", "POST"], endpoint="edit_partner")
@login_required
def edit_partner(partner_id=None):
    _admin_only()
    partner = _partner_or_404(partner_id) if partner_id is not None else None
    form = PartnerForm(obj=partner)
    if form.validate_on_submit():
        try:
            partner = service.save_partner(current_user, partner, **{f: form[f].data for f in service.PARTNER_FIELDS})
            db.session.commit()
        except ConventionError as exc:
            db.session.rollback()
            field = {"bad_siret": form.siret, "bad_vat": form.vat_number,
                     "bad_chorus": form.chorus_service_code}.get(exc.code, form.name)
            field.errors = [*field.errors, str(exc)]
        else:
            flash(_("The partner is saved."), "success")
            return redirect(url_for(".edit_partner", partner_id=partner.id), 303)
    status = 422 if any(f.errors for f in form) else 200
    return render_template("conventions/partner_form.html", form=form, partner=partner,
                           referent_form=ReferentForm()), status


@bp.post("/admin/partners/<int:partner_id>/referents", endpoint="add_referent")
@login_required
def add_referent(partner_id):
    _admin_only()
    partner = _partner_or_404(partner_id)
    form = ReferentForm()
    if not form.validate_on_submit():
        flash(_("Give the e-mail address of an existing account."), "error")
    else:
        try:
            service.add_referent(current_user, partner, form.email.data)
            db.session.commit()
            flash(_("The référent is added."), "success")
        except ConventionError as exc:
            db.session.rollback()
            flash(str(exc), "error")
    return redirect(url_for(".edit_partner", partner_id=partner.id), 303)


# --------------------------------------------------------------------------------------------
# Conventions (territory administrators)
# --------------------------------------------------------------------------------------------


@bp.route("/admin/partners/<int:partner_id>/conventions/new", methods=["GET", "POST"], endpoint="new_convention")
@bp.route("/admin/conventions/<int:convention_id>", methods=["GET", "POST"], endpoint="edit_convention")
@login_required
def edit_convention(partner_id=None, convention_id=None):
    _admin_only()
    convention = find(Convention, convention_id) if convention_id is not None else None
    if convention_id is not None and convention is None:
        abort(404)
    partner = convention.partner if convention is not None else _partner_or_404(partner_id)
    form = ConventionForm()
    form.sites.choices = _site_choices()
    if request.method == "GET" and convention is not None:
        form.fill(convention)
    if form.validate_on_submit():
        try:
            convention = service.save_convention(current_user, partner, convention, **form.values())
            document.prepare(convention)  # the PDF to sign, rendered by a job
            db.session.commit()
        except ConventionError as exc:
            db.session.rollback()
            form.reference.errors = [*form.reference.errors, str(exc)]
        else:
            flash(_("The convention is saved."), "success")
            return redirect(url_for(".detail", convention_id=convention.id), 303)
    status = 422 if any(f.errors for f in form) else 200
    return render_template("conventions/convention_form.html", form=form, partner=partner,
                           convention=convention), status


@bp.post("/<int:convention_id>/status", endpoint="status")
@login_required
def change_status(convention_id):
    _admin_only()
    convention = service.convention_for(current_user, convention_id)
    form = StatusForm()
    if not form.validate_on_submit():
        refuse(form)
    service.move(current_user, convention, form.status.data)  # a ConventionError: the core's page
    if convention.status in ("signed", "active"):
        from .jobs import schedule

        schedule(_today())
    db.session.commit()
    flash(_("The convention's status is changed."), "success")
    return redirect(url_for(".detail", convention_id=convention.id), 303)


# --------------------------------------------------------------------------------------------
# A convention's page: référents and administrators
# --------------------------------------------------------------------------------------------


@bp.get("/<int:convention_id>", endpoint="detail")
@login_required
def detail(convention_id):
    convention = service.convention_for(current_user, convention_id)
    report = _asked_usage(convention)
    issued = db.session.scalars(db.select(Statement).where(Statement.convention_id == convention.id)
                                .order_by(Statement.month.desc())).all()
    status_form = StatusForm()
    status_form.status.choices = [(s, STATUS_LABELS[s]) for s in service.TRANSITIONS[convention.status]
                                  if s != "signed" or convention.signed_copy]  # signed: by uploading the copy
    employees = service.employees(convention)
    return render_template("conventions/detail.html", convention=convention, report=report,
                           employees=employees, invitable_again=ending.invitable_again(employees),
                           invite_form=InviteForm(),
                           decision_form=DecisionForm(), status_form=status_form, statements=issued,
                           signed_copy_form=SignedCopyForm(),
                           share=service.budget_share(convention), button=EmptyForm(),
                           previous=_shift(report.start, -1), following=_shift(report.start, 1),
                           burn=statements.burndown(convention, _today()),
                           partner_widgets=collect(hooks().conventions_partner_widgets(partner=convention.partner,
                                                                                       user=current_user)))


def _shift(start: date, months: int) -> str:
    month = start.month - 1 + months
    return f"{start.year + month // 12:04d}-{month % 12 + 1:02d}"


@bp.post("/<int:convention_id>/invite", endpoint="invite")
@login_required
def invite(convention_id):
    convention = service.convention_for(current_user, convention_id)
    form = InviteForm()
    if not form.validate_on_submit():
        flash(_("Give a valid e-mail address."), "error")
    else:
        service.invite(current_user, convention, form.email.data)
        db.session.commit()
        # Where the invited person will show: the référent looked for them in the list, in vain.
        flash(ngettext("An invitation was sent to %(email)s, valid %(num)d day. They will appear in the list of "
                       "employees once they accept it.",
                       "An invitation was sent to %(email)s, valid %(num)d days. They will appear in the list of "
                       "employees once they accept it.", service.INVITE_DAYS, email=form.email.data), "success")
    return redirect(url_for(".detail", convention_id=convention.id), 303)


@bp.post("/authorisations/<int:authorisation_id>", endpoint="decide")
@login_required
def decide(authorisation_id):
    form = DecisionForm()
    if not form.validate_on_submit():
        refuse(form)
    if form.decision.data == "inactive":
        # Ending cancels the employee's bookings the convention pays after the end: it is done
        # only from the page that lists them (keeping or approving changes nothing booked).
        return redirect(url_for(".end", authorisation_id=authorisation_id), 303)
    asked = find(Authorisation, authorisation_id)
    was = asked.status if asked is not None else None
    done = service.decide(current_user, authorisation_id, form.decision.data, valid_until=form.valid_until.data,
                          # No box ticked: floating days (nothing is sent for no box; the form says it showed them).
                          weekdays=(form.weekdays.data or []) if "weekdays_shown" in request.form else None,
                          cost_centre=form.cost_centre.data if "cost_centre" in request.form else None)
    db.session.commit()
    flash(_decided(done, was), "success")
    return redirect(url_for(".detail", convention_id=done.authorisation.convention_id), 303)


def _decided(done: service.Decided, was: str | None) -> str:
    """What the référent's decision did, in their words: "Saved." said nothing of it; nor of the
    bookings a last day moved earlier cancelled, which the ending's confirmation counts."""
    auth = done.authorisation
    name = auth.user.display_name if auth.user else _("The former employee")
    if auth.status == "refused":
        return _("%(name)s's request is refused.", name=name)
    if was == "pending":
        said = [_("%(name)s is approved: their telework days are now paid by the convention.", name=name)]
    else:
        said = [_("%(name)s's days are saved.", name=name)]
    if done.cancelled:
        said.append(_("The convention pays for their days until %(date)s.", date=long_date(auth.valid_until)))
        said.append(_cancelled_count(done.cancelled, name))
    return " ".join(said)


def _cancelled_count(cancelled: tuple[int, ...], name: str) -> str:
    return ngettext("%(num)d booking the convention paid after that date is cancelled, and %(name)s is told by "
                    "e-mail.",
                    "%(num)d bookings the convention paid after that date are cancelled, and %(name)s is told by "
                    "e-mail.", len(cancelled), name=name)


@bp.route("/authorisations/<int:authorisation_id>/end", methods=["GET", "POST"], endpoint="end")
@login_required
def end(authorisation_id):
    """GET: what ending the employee's cover cancels (their bookings the convention pays after
    the end), and a button to confirm; POST: end it, cancel them, mail the employee once."""
    auth = ending.authorisation_for(current_user, authorisation_id)  # 404: not the référent's employee
    if request.method == "GET":
        end_on = ending.end_date(auth, _today())
        return render_template("conventions/end.html", auth=auth, convention=auth.convention, end_on=end_on,
                               bookings=ending.standing(auth, end_on) if auth.status == "approved" else [],
                               form=EmptyForm())
    form = EmptyForm()
    if not form.validate_on_submit():
        refuse(form)
    done = ending.end(current_user, authorisation_id, end_on=_shown_end(request.form.get("end_on")))
    db.session.commit()
    flash(_ended(done), "success")
    return redirect(url_for(".detail", convention_id=auth.convention_id, _anchor="employees-title"), 303)


def _shown_end(value: str | None) -> date | None:
    """The end date the confirmation page showed (a hidden field): the POST ends on it, so a page
    left open across midnight cancels what it listed, not a day less. None when not sent."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConventionError(_("This end date is not a date: open the page again and confirm from there."),
                              "bad_dates") from None


def _ended(done: ending.Ending) -> str:
    """What ending did: the bookings cancelled, and how to take it back."""
    auth = done.authorisation
    name = auth.user.display_name if auth.user else _("The former employee")
    if done.already:
        return _("%(name)s's cover had ended already: nothing more was done.", name=name)
    said = [_("%(name)s can no longer book days paid by the convention after %(date)s.", name=name,
              date=long_date(done.end_on))]
    if done.cancelled:
        said.append(_cancelled_count(done.cancelled, name))
    elif auth.user is not None:
        said.append(_("No booking of theirs was to be cancelled; %(name)s is told by e-mail.", name=name))
    if auth.user is not None:
        said.append(_("Ended by mistake? Invite them again: the button is beside their name in the list of "
                      "employees."))
    return " ".join(said)


@bp.post("/authorisations/<int:authorisation_id>/invite-again", endpoint="invite_again")
@login_required
def invite_again(authorisation_id):
    """Taking an ending back: the employee is invited again, to the address of their account."""
    form = EmptyForm()
    if not form.validate_on_submit():
        refuse(form)
    auth, sent = ending.invite_again(current_user, authorisation_id)
    db.session.commit()
    if not sent:
        flash(_("An invitation was sent to %(name)s a moment ago already: no other was sent.",
                name=auth.user.display_name), "info")
        return redirect(url_for(".detail", convention_id=auth.convention_id, _anchor="employees-title"), 303)
    flash(ngettext("An invitation was sent to %(name)s, valid %(num)d day. Their cover starts again once they "
                   "accept it; the bookings cancelled when it ended stay cancelled.",
                   "An invitation was sent to %(name)s, valid %(num)d days. Their cover starts again once they "
                   "accept it; the bookings cancelled when it ended stay cancelled.", service.INVITE_DAYS,
                   name=auth.user.display_name), "success")
    return redirect(url_for(".detail", convention_id=auth.convention_id, _anchor="employees-title"), 303)


def _asked_usage(convention):
    """The convention's usage for the month the request asks (`?month=2026-03`; the last one by default)."""
    return statements.usage(convention, request.args.get("month") or None, _today())


@bp.get("/<int:convention_id>/statement", endpoint="statement")
@login_required
def statement(convention_id):
    convention = service.convention_for(current_user, convention_id)
    report = _asked_usage(convention)
    return render_template("conventions/statement.html", convention=convention, report=report,
                           issued=invoicing.statement_of(convention.id, report.month),
                           running=(report.start.year, report.start.month) >= (_today().year, _today().month))


@bp.get("/<int:convention_id>/statement.csv", endpoint="statement_csv")
@login_required
def statement_csv(convention_id):
    convention = service.convention_for(current_user, convention_id)
    report = _asked_usage(convention)
    header, rows = statements.csv_rows(report)
    return csv_response(csv_text(header, rows), f"convention-{convention.id}-{report.month}")


@bp.get("/<int:convention_id>/cost-centres.csv", endpoint="cost_centres_csv")
@login_required
def cost_centres_csv(convention_id):
    convention = service.convention_for(current_user, convention_id)
    report = _asked_usage(convention)
    header, rows = statements.cost_centre_rows(report)
    return csv_response(csv_text(header, rows), f"convention-{convention.id}-{report.month}-cost-centres")


# --------------------------------------------------------------------------------------------
# The convention to sign and its signed copy (the administrator and the partner's référents)
# --------------------------------------------------------------------------------------------


@bp.get("/<int:convention_id>/convention.pdf", endpoint="document")
@login_required
def document_pdf(convention_id):
    """The convention to sign, from its terms and the territory's clauses (cached by content)."""
    convention = service.convention_for(current_user, convention_id)
    pdf = document.document_pdf(convention)
    db.session.commit()  # the rendering, cached when the job had not run yet
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="convention-{convention.reference}.pdf"'})


@bp.post("/<int:convention_id>/signed-copy", endpoint="upload_signed_copy")
@login_required
def upload_signed_copy(convention_id):
    _admin_only()
    convention = service.convention_for(current_user, convention_id)
    form = SignedCopyForm()
    if not form.validate_on_submit():
        flash(_("Choose the signed copy (a PDF file)."), "error")
        return redirect(url_for(".detail", convention_id=convention.id), 303)
    try:
        service.attach_signed_copy(current_user, convention, form.signed_copy.data.stream)
    except (UploadError, ConventionError) as exc:
        db.session.rollback()
        flash(str(exc), "error")
    else:
        if convention.status == "signed":
            from .jobs import schedule

            schedule(_today())
        db.session.commit()
        flash(_("The signed copy is stored."), "success")
    return redirect(url_for(".detail", convention_id=convention.id), 303)


@bp.get("/<int:convention_id>/signed-copy.pdf", endpoint="signed_copy")
@login_required
def signed_copy(convention_id):
    """The signed copy: the territory's administrators and the partner's référents only."""
    convention = service.convention_for(current_user, convention_id)
    path = document_path(convention.signed_copy)
    if path is None:
        abort(404)
    return send_file(path, mimetype="application/pdf", as_attachment=True,
                     download_name=f"convention-{convention.reference}-signed.pdf", max_age=0)


@bp.post("/<int:convention_id>/invoice", endpoint="invoice")
@login_required
def invoice(convention_id):
    _admin_only()
    convention = service.convention_for(current_user, convention_id)
    month = statements.parse_month(request.form.get("month"))[0].strftime("%Y-%m")
    issued = invoicing.issue_statement(convention, month, _today())
    db.session.commit()
    flash(_("Invoice %(reference)s is issued.", reference=issued.invoice_reference), "success")
    return redirect(url_for(".detail", convention_id=convention.id, month=month), 303)


@bp.get("/<int:convention_id>/invoices/<month>.pdf", endpoint="invoice_pdf")
@login_required
def invoice_pdf(convention_id, month):
    convention = service.convention_for(current_user, convention_id)
    issued = invoicing.statement_of(convention.id, month)
    if issued is None or issued.pdf is None:
        abort(404)
    return Response(issued.pdf, mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="{issued.invoice_reference}.pdf"'})


# --------------------------------------------------------------------------------------------
# Site managers: which convention pays a booking of their site
# --------------------------------------------------------------------------------------------


@bp.get("/bookings/<int:booking_id>", endpoint="booking_payer")
@login_required
def booking_payer(booking_id):
    """The convention paying a booking, for the managers of its site: partner, terms, the day's
    amount, and this month's days the convention paid at the site (no employee's details)."""
    try:
        booking = get_booking(booking_id)
    except NotFound:
        abort(404)
    site = booking.resource.site
    convention = service.paying_convention(booking)
    if convention is None or not current_user.manages(site):
        abort(404)
    use = service.use_of(booking.id)
    month = use.day if use is not None else _today()
    return render_template("conventions/booking_payer.html", booking=booking, site=site, convention=convention,
                           use=use, site_days=statements.site_days(convention, site, month))


# --------------------------------------------------------------------------------------------
# Public: the partners who chose to be listed
# --------------------------------------------------------------------------------------------


@bp.get("/partners", endpoint="partners")
def partners():
    return render_template("conventions/partners.html", listed=service.listed_partners(published_site_rows()))


# --------------------------------------------------------------------------------------------
# Employees joining
# --------------------------------------------------------------------------------------------


@bp.route("/join/<token>", methods=["GET", "POST"], endpoint="join")
def join(token):
    convention, email = service.read_invitation(token)  # a bad or expired link: the core's page
    if not current_user.is_authenticated:
        return render_template("conventions/join.html", convention=convention, email=email, token=token,
                               form=EmptyForm())
    form = EmptyForm()
    if request.method == "POST" and form.validate_on_submit():
        service.accept_invitation(current_user, token)
        db.session.commit()
        flash(_("You joined %(partner)s's convention: your telework days there are paid by your employer.",
                partner=convention.partner.name), "success")
        return redirect(url_for("home.index"), 303)
    return render_template("conventions/join.html", convention=convention, email=email, token=token, form=form)


@bp.post("/domain/<int:convention_id>", endpoint="join_by_domain")
@login_required
def join_by_domain(convention_id):
    if not EmptyForm().validate_on_submit():
        abort(400)
    service.request_by_domain(current_user, convention_id)
    db.session.commit()
    flash(_("Your request was sent to your employer's référent."), "success")
    return redirect(url_for("home.index"), 303)
