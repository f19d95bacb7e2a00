"""The managers' pages: their events, the event form, cancelling, attendance, reports."""
from __future__ import annotations

from decimal import Decimal

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _, ngettext
from flask_login import current_user, login_required

from core.csvexport import csv_response, csv_text
from core.db import find
from core.extensions import db
from core.modules.service import is_enabled
from core.sites.service import managed_sites, published_sites
from core.timeutil import exists_locally, local_to_utc, utc_to_local
from plugins.booking import rooms_at
from plugins.conventions import partner_names

from . import reports, service
from .errors import EventsError
from .forms import ONLINE, ConfirmForm, EventForm
from .models import Event


def _manager():
    if not (current_user.is_territory_admin or current_user.is_site_manager
            or service.referent_partners(current_user)):
        abort(403)


def _staff_only() -> bool:
    """A partner's référent who runs no site: events for their staff only."""
    return not (current_user.is_territory_admin or current_user.is_site_manager)


def _managed(event_id) -> Event:
    event = find(Event, event_id)
    if event is None or not service.is_on(event):
        abort(404)
    if not service.can_manage(current_user, event):
        abort(403)
    return event


def _sites():
    """Where the user may hold an event: the sites they run; for a référent, any open to events."""
    sites = published_sites() if _staff_only() else managed_sites(current_user)
    return [s for s in sites if is_enabled("events", s)]


def _form(event=None) -> EventForm:
    form = EventForm()
    sites = _sites()
    form.place.choices = [(str(s.id), s.name) for s in sites]
    if current_user.is_territory_admin or _staff_only():
        form.place.choices.append((ONLINE, _("Online")))
    form.room.choices = [(0, "—")] + [(r.id, f"{s.name} — {r.name}") for s in sites if is_enabled("booking", s)
                                      for r in rooms_at(s)]
    if not any(service.sells_tickets(s) for s in sites):
        del form.price  # no site of theirs sells tickets: events are free
    if _staff_only():  # a référent: their staff, no room, no ticket
        names = partner_names()
        form.audience.choices = [c for c in form.audience.choices if c[0] == "partner"]
        form.partner.choices = [(i, names[i]) for i in service.referent_partners(current_user) if i in names]
        del form.room
        if "price" in form:
            del form.price
    elif is_enabled("conventions"):
        form.partner.choices = [(0, "—")] + list(service.invitable_partners(current_user, event).items())
    else:
        form.audience.choices = [c for c in form.audience.choices if c[0] != "partner"]
    if event is not None and request.method == "GET":
        local_start = utc_to_local(event.starts_at, service.tz_of(event))
        form.title.data, form.description.data = event.title, event.description
        form.place.data = str(event.site_id) if event.site_id else ONLINE
        form.online_url.data, form.capacity.data = event.online_url, event.capacity
        form.day.data, form.starts.data = local_start.date(), local_start.time()
        form.ends.data = utc_to_local(event.ends_at, service.tz_of(event)).time()
        form.audience.data, form.partner.data = event.audience, event.partner_id or 0
        if "room" in form:
            form.room.data = event.room_id or 0
        if "price" in form:
            form.price.data = Decimal(event.price_cents) / 100
    return form


def _save(event):
    form = _form(event)
    if form.validate_on_submit():
        site = None if form.place.data == ONLINE else next(s for s in _sites() if str(s.id) == form.place.data)
        tz = site.timezone if site is not None else service.territory_tz()
        room_id = (form.room.data or None) if "room" in form else None
        price = int((form.price.data or 0) * 100) if "price" in form else (event.price_cents if event else 0)
        skipped = [field for field in (form.starts, form.ends) if not exists_locally(form.day.data, field.data, tz)]
        for field in skipped:  # stored an hour off, without a word, before
            field.errors = [*field.errors, _("This time does not exist on that day: the clocks go forward.")]
        if skipped:
            return render_template("events/form.html", form=form, event=event), 422
        try:
            saved = service.save_event(
                current_user, event, site=site, title=form.title.data.strip(),
                description=(form.description.data or "").strip(), online_url=(form.online_url.data or "").strip(),
                starts_at=local_to_utc(form.day.data, form.starts.data, tz),
                ends_at=local_to_utc(form.day.data, form.ends.data, tz), capacity=form.capacity.data,
                audience=form.audience.data, partner_id=form.partner.data or None, room_id=room_id, price_cents=price)
        except EventsError as exc:
            db.session.rollback()
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(_("The event is saved."), "success")
            return redirect(url_for(".show", event_id=saved.id), 303)
    status = 422 if request.method == "POST" else 200
    return render_template("events/form.html", form=form, event=event), status


def manage_index():
    _manager()
    return render_template("events/manage.html", events=service.managed_events(current_user), form=ConfirmForm())


def new():
    _manager()
    if not _sites() and not current_user.is_territory_admin:
        abort(403)
    return _save(None)


def edit(event_id):
    return _save(_managed(event_id))


def cancel(event_id):
    event = _managed(event_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    service.cancel_event(current_user, event)
    db.session.commit()
    flash(_("The event is cancelled; the registered people are told by e-mail."), "success")
    return redirect(url_for(".manage"), 303)


def attendance(event_id):
    event = _managed(event_id)
    form = ConfirmForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        try:
            present = service.take_attendance(current_user, event, request.form.getlist("present"))
        except EventsError as exc:
            db.session.rollback()
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(ngettext("Attendance saved: %(num)d person present.", "Attendance saved: %(num)d people present.", present), "success")
            return redirect(url_for(".attendance", event_id=event.id), 303)
    return render_template("events/attendance.html", event=event, form=form,
                           registrations=service.registrations(event),
                           waiting=service.registrations(event, ("waiting",)))


def report():
    _manager()
    revenue = reports.with_revenue()
    by_event = reports.by_event(current_user, revenue)
    by_site = reports.by_site(by_event)
    if request.args.get("format") == "csv":
        if request.args.get("by") == "site":
            return csv_response(csv_text(reports.site_header(revenue), reports.site_rows(by_site, revenue)),
                                "events-by-site")
        return csv_response(csv_text(reports.event_header(revenue), reports.event_rows(by_event, revenue)), "events")
    return render_template("events/reports.html", by_event=by_event, by_site=by_site, revenue=revenue)


def register(bp) -> None:
    bp.add_url_rule("/manage", "manage", login_required(manage_index))
    bp.add_url_rule("/manage/new", "new", login_required(new), methods=["GET", "POST"])
    bp.add_url_rule("/manage/<int:event_id>", "edit", login_required(edit), methods=["GET", "POST"])
    bp.add_url_rule("/manage/<int:event_id>/cancel", "cancel", login_required(cancel), methods=["POST"])
    bp.add_url_rule("/manage/<int:event_id>/attendance", "attendance", login_required(attendance),
                    methods=["GET", "POST"])
    bp.add_url_rule("/manage/reports", "reports", login_required(report))
