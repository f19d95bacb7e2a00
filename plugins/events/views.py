"""Events' pages: the public lists and an event's page, registration, and the managers' pages.

The core answers 404 for every route here while the module is off, territory-wide or at the
site named by the `site_slug` argument; routes by event id ask `service.get_event`. A
registration's own pages (`/r/<token>`: read, calendar file, cancel, forget) stay open to its
holder while events are off (`@reachable_when_off`, `registration_by_token(kept=True)`).
"""
from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from core.errors import DomainError
from core.extensions import db
from core.ui import money
from plugins.billing import cancel_notice_hours, price_with_vat
from core.modules.guard import reachable, reachable_when_off
from core.modules.service import is_enabled
from core.sites.access import visible_site_or_abort
from core.sites.service import published_sites

from . import jsonld, manage, service, tickets
from .calendar import feed as events_feed, feed_reader, member_feed_url, private_feeds, registration_ics
from .forms import ConfirmForm, VisitorForm

bp = Blueprint("events", __name__, url_prefix="/events")
manage.register(bp)


@bp.app_template_global("events_price")
def _price(event) -> str:
    """A paid event's ticket, VAT included (what a consumer is shown)."""
    return money(price_with_vat(event.price_cents, event.vat_rate_bp))


@bp.app_template_global("events_open")
def _open(event) -> bool:
    """Whether events are on at `event`'s place (its page, paying): else only its registrations' pages."""
    return service.is_on(event)


@bp.app_template_global("events_notice_hours")
def _notice_hours() -> int:
    return cancel_notice_hours()


@bp.get("", endpoint="index")
def index():
    events = service.upcoming(current_user)
    sites = [s for s in published_sites() if is_enabled("events", s)]
    return render_template("events/index.html", events=events, sites=sites,
                           runs_staff_events=bool(service.referent_partners(current_user)),
                           json_ld=[jsonld.event(e) for e in events])


@bp.get("/sites/<site_slug>", endpoint="site")
def site_page(site_slug):
    site = visible_site_or_abort(site_slug)
    events = service.upcoming(current_user, site)
    signed_in = current_user.is_authenticated
    return render_template("events/site.html", site=site, events=events, json_ld=[jsonld.event(e) for e in events],
                           private_feed_url=member_feed_url(current_user, site) if signed_in else None,
                           may_make_feed=signed_in and private_feeds() and reachable("booking.feed_create"))


def _feed(site, reader):
    """`site`'s upcoming events that `reader` may see (None: a visitor) as an iCalendar feed."""
    body = events_feed(service.upcoming(reader, site), _("Events at %(site)s", site=site.name))
    return Response(body, mimetype="text/calendar", headers={
        "Content-Disposition": f'inline; filename="events-{site.slug}.ics"'})


@bp.get("/sites/<site_slug>/events.ics", endpoint="feed")
def site_feed(site_slug):
    """The public feed: public events only (anyone with the address reads it)."""
    return _feed(visible_site_or_abort(site_slug), None)


@bp.get("/sites/<site_slug>/feed/<token>.ics", endpoint="member_feed")
def member_feed(site_slug, token):
    """A member's own feed of a site: what they see there, members' events included."""
    reader = feed_reader(token)
    if reader is None:
        abort(404)
    return _feed(visible_site_or_abort(site_slug, reader), reader)


def _event_page(event, visitor_form=None, status=200):
    registration = None
    if current_user.is_authenticated:
        registration = service.registration_of(event, current_user.email)
    return render_template("events/show.html", event=event, registration=registration,
                           may_attend=service.may_attend(current_user, event),
                           can_manage=service.can_manage(current_user, event),
                           visitor_form=visitor_form or VisitorForm(), form=ConfirmForm(),
                           json_ld=jsonld.event(event)), status


@bp.get("/<int:event_id>", endpoint="show")
def show(event_id):
    return _event_page(service.get_event(event_id, current_user))


@bp.post("/<int:event_id>/register", endpoint="register")
@login_required
def register(event_id):
    event = service.get_event(event_id, current_user)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    registration = service.register_member(event, current_user)
    db.session.commit()
    if registration.status == "held":
        return _pay(registration)
    flash(_("You are registered.") if registration.status == "confirmed"
          else _("The event is full: you are on the waitlist. We will write to you if a seat frees up."), "success")
    return redirect(url_for(".show", event_id=event.id), 303)


def _pay(registration):
    """Send the member to billing's payment page for their held seat (billing commits)."""
    event_id = registration.event_id
    try:
        paying = tickets.checkout(registration, current_user)
    except DomainError as exc:  # billing's refusal (payment unavailable...) or events' (not held)
        db.session.rollback()
        flash(str(exc), "error")
        return redirect(url_for(".show", event_id=event_id), 303)
    db.session.commit()
    if paying is None:
        flash(_("Your seat was released: the time to pay ran out. Register again."), "error")
        return redirect(url_for(".show", event_id=event_id), 303)
    return redirect(paying.url, 303)


@bp.post("/<int:event_id>/pay", endpoint="pay")
@login_required
def pay(event_id):
    event = service.get_event(event_id, current_user)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    registration = service.registration_of(event, current_user.email)
    if registration is None or registration.status != "held":
        flash(_("No seat is held for you at this event."), "error")
        return redirect(url_for(".show", event_id=event.id), 303)
    return _pay(registration)


@bp.post("/<int:event_id>/visitor", endpoint="visitor")
def visitor(event_id):
    event = service.get_event(event_id, current_user)
    form = VisitorForm()
    if not form.validate_on_submit():
        db.session.rollback()
        return _event_page(event, form, 422)
    service.request_visitor(event, form.name.data, form.email.data)
    db.session.commit()
    return render_template("events/check_email.html", event=event, email=form.email.data.strip())


@bp.route("/r/<token>/confirm", methods=["GET", "POST"], endpoint="confirm")
def confirm(token):
    """The link shows a button; only the POST confirms (mail scanners follow links, not forms)."""
    registration = service.registration_by_token(token)
    form = ConfirmForm()
    if request.method == "GET" or not form.validate_on_submit():
        if registration.status != "pending":
            return redirect(url_for(".registration", token=token), 303)
        return render_template("events/confirm.html", registration=registration, event=registration.event, form=form)
    service.confirm_visitor(token)
    db.session.commit()
    return redirect(url_for(".registration", token=token), 303)


@bp.get("/r/<token>", endpoint="registration")
@reachable_when_off  # the holder of the link's secret, while events are off
def registration_page(token):
    registration = service.registration_by_token(token, kept=True)
    return render_template("events/registration.html", registration=registration, event=registration.event,
                           form=ConfirmForm())


@bp.get("/r/<token>/event.ics", endpoint="ics")
@reachable_when_off  # the holder of the link's secret, while events are off
def registration_calendar(token):
    registration = service.registration_by_token(token, kept=True)
    return Response(registration_ics(registration), mimetype="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="event-{registration.event_id}.ics"'})


@bp.post("/r/<token>/forget", endpoint="forget_registration")
@reachable_when_off  # the holder of the link's secret, while events are off
def forget_registration(token):
    """A visitor's "delete my details" (a member erases their account instead)."""
    registration = service.registration_by_token(token, kept=True)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    event_id = registration.event_id
    service.forget_visitor(registration)
    db.session.commit()
    flash(_("Your name and address are deleted from this registration."), "success")
    if not service.is_on(registration.event):  # its link died with the details, the event's page is off
        return redirect(url_for("home.index"), 303)
    return redirect(url_for(".show", event_id=event_id), 303)


@bp.post("/r/<token>/cancel", endpoint="cancel_registration")
@reachable_when_off  # the holder of the link's secret, while events are off
def cancel_registration(token):
    registration = service.registration_by_token(token, kept=True)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    registration = service.cancel_registration(registration)
    db.session.commit()
    flash(_("Your registration is cancelled."), "success")
    if registration.refunded_cents:
        flash(_("Your ticket is refunded to your card: %(amount)s.", amount=money(registration.refunded_cents)),
              "success")
    if current_user.is_authenticated and registration.user_id == current_user.id \
            and service.is_on(registration.event):
        return redirect(url_for(".show", event_id=registration.event_id), 303)
    return redirect(url_for(".registration", token=token), 303)
