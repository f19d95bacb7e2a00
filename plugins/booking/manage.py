"""Site managers' pages: the day at the desk (arrivals, no-shows, requests, payments due, booking
on behalf), the week (printable), occupancy figures, the arrival QR code, resources, rules,
maintenance blocks, the CSV exports and the site's calendar feed."""
from __future__ import annotations

from datetime import time, timedelta

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from core.accounts.views_desk import just_made, visitor_form
from core.csvexport import csv_response, csv_text
from core.db import find, utcnow
from core.extensions import db
from core.timeutil import within_reach, today_at
from core.sites.access import managed_site_or_abort
from plugins.booking import checkin, desk, feeds, occupancy, qr, resources, service
from plugins.booking.availability import week
from plugins.booking.checkin import arrival_token, site_code
from plugins.booking.desk import bookings_between, member_named
from plugins.booking.errors import BookingError
from plugins.booking.forms import (KIND_LABELS, PERIOD_CHOICES, STATUS_LABELS, BlockForm, ManagerBookForm,
                                   ManagerCancelForm, ResourceForm, RulesForm)
from plugins.booking.models import Booking, Resource
from plugins.booking.models import Rule
from plugins.booking.rules import RULE_FIELDS, save_rules
from plugins.booking.slots import local_iso, parse_day, to_utc
from plugins.booking.views import failed, slot_from_form

manage = Blueprint("booking_manage", __name__, url_prefix="/booking/manage/<site_slug>")
# A manager's home: their site's day, or with several sites a chooser.
desk_home = Blueprint("booking_desk", __name__, url_prefix="/booking/manage")


def _day(site):
    return parse_day(request.args["day"]) if request.args.get("day") else today_at(site.timezone)


@manage.errorhandler(BookingError)
def _refused(exc: BookingError):
    """A date or a choice the rules refuse, in the user's language (never a 500)."""
    return failed(exc)


@desk_home.get("", endpoint="home")
@login_required
def home():
    sites = desk.desk_sites(current_user)
    if len(sites) == 1:
        return redirect(url_for("booking_manage.day", site_slug=sites[0].slug), 303)
    if not sites:
        abort(404)
    counts = {site.id: desk.to_handle(site, today_at(site.timezone)) for site in sites}
    return render_template("booking/manage_desk.html", sites=sites, counts=counts)


def _day_page(site, day, book_form=None, book_error=None, block_form=None, block_error=None, status=200):
    """The site's day: expected arrivals by period with their actions, requests to approve,
    payments due on site, booking for a member and blocking a resource (the input of either
    kept after a refusal, with its reason)."""
    bookings = bookings_between(site, day, day)
    now = utcnow()
    requests = db.session.scalars(select(Booking).where(
        Booking.site_id == site.id, Booking.status == "held", Booking.hold_reason == "approval",
        Booking.starts_at > now).order_by(Booking.starts_at).limit(100)).all()
    if book_form is None:
        book_form = ManagerBookForm(formdata=None, date=day, period="morning")
        visitor = just_made(site)  # their account made at this desk a moment ago: book them next
        if visitor is not None:
            book_form.member_email.data = visitor.email
    return render_template("booking/manage_day.html", site=site, day=day, bookings=bookings, now=now,
                           groups=desk.expected(site, day, bookings), requests=requests,
                           closed=desk.closed_notice(site, day),
                           due=desk.payments_due(site, bookings), links=desk.desk_links(bookings),
                           today=today_at(site.timezone), local_day=checkin.local_day,
                           code=site_code(site, to_utc(day, time(12), site.timezone)),
                           book_form=book_form, book_error=book_error, block_form=block_form, block_error=block_error,
                           visitor_form=visitor_form(),
                           visitor_next=url_for("booking_manage.day", site_slug=site.slug, day=day.isoformat(),
                                                _anchor="book-title"),
                           members=desk.site_members(site), period_choices=PERIOD_CHOICES,
                           resources=resources.resources_of(site), feed_url=feeds.member_feed_url(current_user, site),
                           prev_day=day - timedelta(days=1), next_day=day + timedelta(days=1)), status


@manage.get("", endpoint="day")
@login_required
def day_view(site_slug):
    site = managed_site_or_abort(site_slug)
    return _day_page(site, _day(site))


@manage.get("/week", endpoint="week")
@login_required
def week_view(site_slug):
    site = managed_site_or_abort(site_slug)
    day = _day(site)
    monday = day - timedelta(days=day.weekday())
    days, rows = week(site, monday)
    return render_template("booking/manage_week.html", site=site, days=days, rows=rows, monday=monday,
                           bookings=bookings_between(site, monday, monday + timedelta(days=6)))


@manage.post("/book", endpoint="book")
@login_required
def book_on_behalf(site_slug):
    """Book for a member with the members' periods (or hours); a refusal shows the day again
    with what was typed, and the reason."""
    site = managed_site_or_abort(site_slug)
    form = ManagerBookForm()
    day = form.date.data if form.date.data and within_reach(form.date.data) else today_at(site.timezone)
    try:
        if not form.validate():
            raise BookingError(_("Choose a place, a date, a time and the member."))
        member = member_named(site, form.member_email.data)
        resource, starts_at, ends_at = slot_from_form(form, site)
        booking = service.book(resource, member, starts_at, ends_at, current_user)
        db.session.commit()
    except BookingError as exc:
        db.session.rollback()
        return _day_page(site, day, book_form=form, book_error=str(exc), status=exc.status or 422)
    flash(_("The booking is made for %(name)s.", name=member.display_name), "success")
    return redirect(url_for("booking_manage.day", site_slug=site.slug, day=booking_day(site, booking)), 303)


def booking_day(site, booking) -> str:
    return checkin.local_day(site, booking.starts_at).isoformat()


@manage.post("/block", endpoint="block")
@login_required
def block(site_slug):
    site = managed_site_or_abort(site_slug)
    form = BlockForm()
    day = form.date.data if form.date.data and within_reach(form.date.data) else today_at(site.timezone)
    try:
        if not form.validate():
            raise BookingError(_("Choose a place, a date and a time."))
        resource, starts_at, ends_at = slot_from_form(form, site)
        service.block(resource, starts_at, ends_at, current_user, form.note.data or "")
        db.session.commit()
    except BookingError as exc:  # the day again, with what was typed and the reason
        db.session.rollback()
        return _day_page(site, day, block_form=form, block_error=str(exc), status=exc.status or 422)
    flash(_("The resource is blocked for that time."), "success")
    return redirect(url_for("booking_manage.day", site_slug=site.slug, day=day.isoformat()), 303)


def _site_booking(site, booking_id) -> Booking:
    booking = find(Booking, booking_id)
    if booking is None or booking.site_id != site.id:
        abort(404)
    return booking


@manage.post("/bookings/<int:booking_id>/approve", endpoint="approve")
@login_required
def approve(site_slug, booking_id):
    site = managed_site_or_abort(site_slug)
    booking = _site_booking(site, booking_id)
    try:
        if service.approve(booking.id, current_user) is None:
            return failed(BookingError(_("This booking is not waiting for approval any more.")))
        db.session.commit()
    except BookingError as exc:
        return failed(exc)
    flash(_("The booking is approved."), "success")
    return redirect(url_for("booking_manage.day", site_slug=site.slug, day=request.form.get("day") or None), 303)


@manage.route("/bookings/<int:booking_id>/cancel", methods=["GET", "POST"], endpoint="cancel")
@login_required
def cancel(site_slug, booking_id):
    """Refuse a booking waiting for approval, cancel a booking, or lift a maintenance block.
    GET: a member's booking, what cancelling it gives back and a reason to give them; POST:
    cancel (a block, which tells nobody, is lifted by its button at once)."""
    site = managed_site_or_abort(site_slug)
    booking = _site_booking(site, booking_id)
    reason = "approval_refused" if booking.status == "held" and booking.hold_reason == "approval" else "manager"
    form = ManagerCancelForm()
    back = url_for("booking_manage.day", site_slug=site.slug,
                   day=request.values.get("day") or booking_day(site, booking))
    if request.method == "GET" or not form.validate():
        can_cancel, refund = service.cancellation_preview(booking, reason)
        return render_template("booking/manage_cancel.html", site=site, booking=booking, form=form, back=back,
                               refusing=reason == "approval_refused", can_cancel=can_cancel, refund=refund,
                               day=request.values.get("day") or ""), 200 if request.method == "GET" else 422
    try:
        _cancelled, refund = service.cancellation_preview(booking, reason)
        service.cancel(booking.id, current_user, reason, note=form.reason.data or "")
        db.session.commit()
    except BookingError as exc:
        return failed(exc)
    done = _("The request is refused.") if reason == "approval_refused" else _("The booking is cancelled.")
    flash(" ".join([done, refund or ""]).strip() if booking.member_id else done, "success")
    return redirect(back, 303)


def _desk_action(site_slug, booking_id, action, done):
    site = managed_site_or_abort(site_slug)
    booking = _site_booking(site, booking_id)
    back = url_for("booking_manage.day", site_slug=site.slug, day=booking_day(site, booking))
    try:
        action(booking.id, site, current_user)
        db.session.commit()
    except BookingError as exc:
        return failed(exc, back)
    flash(done, "success")
    return redirect(back, 303)


@manage.post("/bookings/<int:booking_id>/arrived", endpoint="arrived")
@login_required
def arrived(site_slug, booking_id):
    return _desk_action(site_slug, booking_id, checkin.record_arrival, _("The arrival is recorded."))


@manage.post("/bookings/<int:booking_id>/no-show", endpoint="no_show")
@login_required
def no_show(site_slug, booking_id):
    return _desk_action(site_slug, booking_id, checkin.mark_no_show, _("Marked as a no-show."))


@manage.post("/bookings/<int:booking_id>/undo-no-show", endpoint="undo_no_show")
@login_required
def undo_no_show(site_slug, booking_id):
    return _desk_action(site_slug, booking_id, checkin.undo_no_show, _("The no-show is taken back."))


@manage.get("/arrival-code", endpoint="arrival_code")
@login_required
def arrival_code(site_slug):
    """Today's QR code for members to check in themselves, printable (valid today only)."""
    site = managed_site_or_abort(site_slug)
    today = today_at(site.timezone)
    url = qr.arrival_url(site, arrival_token(site, today))
    return render_template("booking/manage_arrival_code.html", site=site, day=today, url=url,
                           svg=qr.svg(url, _("QR code to check in at %(site)s today", site=site.name)), code=site_code(site, utcnow()))


@manage.get("/occupancy", endpoint="occupancy")
@login_required
def occupancy_view(site_slug):
    site = managed_site_or_abort(site_slug)
    day = _day(site)
    periods = [("week", _("This week"), occupancy.occupancy(site, *occupancy.week_of(day))),
               ("month", _("This month"), occupancy.occupancy(site, *occupancy.month_of(day)))]
    return render_template("booking/manage_occupancy.html", site=site, day=day, periods=periods)


@manage.get("/occupancy.csv", endpoint="occupancy_csv")
@login_required
def occupancy_csv(site_slug):
    site = managed_site_or_abort(site_slug)
    day = _day(site)
    first, last = (occupancy.month_of if request.args.get("period") == "month" else occupancy.week_of)(day)
    figures = occupancy.occupancy(site, first, last)
    return csv_response(csv_text(occupancy.csv_header(), occupancy.csv_rows(figures)),
                        f"occupancy-{site.slug}-{first.isoformat()}")


@manage.get("/export.csv", endpoint="export")
@login_required
def export(site_slug):
    site = managed_site_or_abort(site_slug)
    try:
        first = parse_day(request.args.get("from") or today_at(site.timezone).isoformat())
        last = parse_day(request.args.get("to") or (first + timedelta(days=30)).isoformat())
    except BookingError as exc:
        return failed(exc)
    # In the manager's language, as the pages (the dates stay ISO 8601, for spreadsheets).
    header = [_("Number"), _("Resource"), _("Kind"), _("Member"), _("E-mail"), _("Start"), _("End"), _("Status"),
              _("Arrived at")]
    rows = ([b.id, b.resource.name, str(KIND_LABELS.get(b.resource.kind, b.resource.kind)),
             b.member.display_name if b.member else (_("Blocked") if b.is_block else ""),
             b.member.email if b.member else "", local_iso(b.starts_at, site.timezone),
             local_iso(b.ends_at, site.timezone), str(STATUS_LABELS.get(b.status, b.status)),
             local_iso(b.checked_in_at, site.timezone) if b.checked_in_at else ""]
            for b in bookings_between(site, first, min(last, first + timedelta(days=366))))
    return csv_response(csv_text(header, rows), f"bookings-{site.slug}")


@manage.post("/feed", endpoint="feed")
@login_required
def site_feed(site_slug):
    site = managed_site_or_abort(site_slug)
    feeds.create_feed(current_user, site)
    db.session.commit()
    flash(_("The site's private calendar address is ready."), "success")
    return redirect(url_for("booking_manage.day", site_slug=site.slug), 303)


@manage.get("/resources", endpoint="resources")
@login_required
def resource_list(site_slug):
    site = managed_site_or_abort(site_slug)
    return render_template("booking/manage_resources.html", site=site,
                           resources=resources.resources_of(site, include_retired=True))


def _resource_values(form) -> dict:
    return {"kind": form.kind.data, "name": form.name.data.strip(), "group_name": (form.group_name.data or "").strip(),
            "seats": form.seats.data, "accessible": form.accessible.data,
            "equipment": [e.strip() for e in (form.equipment.data or "").split(",") if e.strip()],
            "photos": [p.strip() for p in (form.photos.data or "").splitlines() if p.strip().startswith("https://")],
            "description": form.description.data or "", "approval_required": form.approval_required.data}


@manage.route("/resources/new", methods=["GET", "POST"], endpoint="resource_new")
@manage.route("/resources/<int:resource_id>", methods=["GET", "POST"], endpoint="resource_edit")
@login_required
def resource_edit(site_slug, resource_id=None):
    site = managed_site_or_abort(site_slug)
    resource = None
    if resource_id is not None:
        resource = find(Resource, resource_id)
        if resource is None or resource.site_id != site.id:
            abort(404)
    # The stored values fill the form only when it is shown; a post stands on its own.
    form = ResourceForm(obj=resource if request.method == "GET" else None)
    if resource is not None and not form.is_submitted():
        form.equipment.data = ", ".join(resource.equipment or [])
        form.photos.data = "\n".join(resource.photos or [])
    if form.validate_on_submit():
        try:
            resources.save_resource(site, current_user, resource, **_resource_values(form))
            db.session.commit()
        except BookingError as exc:
            return failed(exc)
        flash(_("The resource is saved."), "success")
        return redirect(url_for("booking_manage.resources", site_slug=site.slug), 303)
    return render_template("booking/manage_resource.html", site=site, form=form, resource=resource), \
        400 if form.errors else 200


@manage.post("/resources/<int:resource_id>/retire", endpoint="resource_retire")
@login_required
def resource_retire(site_slug, resource_id):
    site = managed_site_or_abort(site_slug)
    resource = find(Resource, resource_id)
    if resource is None or resource.site_id != site.id:
        abort(404)
    resources.retire_resource(site, resource, current_user)
    db.session.commit()
    flash(_("The resource is retired; its bookings are kept."), "success")
    return redirect(url_for("booking_manage.resources", site_slug=site.slug), 303)


@manage.route("/rules", methods=["GET", "POST"], endpoint="rules")
@login_required
def rules(site_slug):
    site = managed_site_or_abort(site_slug)
    form = RulesForm()
    if form.validate_on_submit():
        values = {name: getattr(form, name).data for name in RULE_FIELDS if name != "approval_required"}
        values["approval_required"] = {"1": True, "0": False}.get(form.approval_required.data)
        try:
            save_rules(site.id, form.kind.data or "", **values)
        except BookingError as error:  # e.g. a minimum above the maximum: shown on the form again
            db.session.rollback()
            form.form_errors.append(error.message)
        else:
            db.session.commit()
            flash(_("The rules are saved."), "success")
            return redirect(url_for("booking_manage.rules", site_slug=site.slug), 303)
    stored = db.session.scalars(select(Rule).where(Rule.site_id == site.id).order_by(Rule.kind)).all()
    # "Edit" beside a row (?kind=room) fills the form with that row's values: a blank field is
    # saved as "the default", so a form always blank cleared the values not typed again.
    wanted = request.args.get("kind")
    if not form.is_submitted() and wanted in ("", *KIND_LABELS):
        form.kind.data = wanted
        row = next((rule for rule in stored if rule.kind == wanted), None)
        if row is not None:
            for name in RULE_FIELDS:
                if name != "approval_required":
                    getattr(form, name).data = getattr(row, name)
            form.approval_required.data = {True: "1", False: "0"}.get(row.approval_required, "")
    return render_template("booking/manage_rules.html", site=site, form=form, stored=stored,
                           rule_fields=RULE_FIELDS), 400 if form.errors else 200
