"""Members' pages: find a place, a site's week, book, my bookings, cancel, check in, calendars."""
from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required
from markupsafe import Markup

from core import geo
from core.db import done_reading, find, reads_first, utcnow
from core.extensions import db
from core.geo import svgmap
from core.geo.views import choose, preferred
from core.modules.guard import reachable_when_off
from core.modules.service import is_enabled
from core.plugins import hooks
from core.ui import collect
from core.pagecache import kept_for_visitors
from core.security import safe_next
from core.sites.access import visible_site_or_abort
from core.sites.views import status
from core.timeutil import today_at
from plugins.booking import availability, checkin, feeds, service, series, switching, waitlist
from plugins.booking.calendar import booking_ics
from plugins.booking.resources import resources_of
from plugins.booking.errors import BookingError, NotFound
from plugins.booking.models import Booking
from plugins.booking.forms import (BOOK_LABELS, KIND_LABELS, PERIOD_CHOICES, STATUS_LABELS, BookForm, CheckInForm,
                                   KindBookForm, SearchForm, SeriesForm, room_hours)
from plugins.booking.slots import PERIODS, parse_day, range_for

bp = Blueprint("booking", __name__, url_prefix="/booking")


def failed(exc: BookingError, back: str | None = None):
    """A refused action: its message in the user's language, with its 4xx status; nothing of
    the attempt is kept."""
    db.session.rollback()
    return render_template("booking/refused.html", message=str(exc), back=back), exc.status


# App-wide (booking's widgets and sections are rendered inside the core's pages), so every
# name starts with "booking_".
@bp.app_template_filter("booking_local")
def local_filter(instant, site, fmt="%d/%m/%Y %H:%M"):
    return instant.astimezone(ZoneInfo(site.timezone)).strftime(fmt)


class _Translated(dict):
    """Lazy labels, each translated when a page first reads it and then kept for that page: a
    search or a week table reads the same few labels hundreds of times, and each reading of a
    lazy string is a gettext call."""

    def __init__(self, lazy: dict):
        super().__init__()
        self._lazy = lazy

    def __missing__(self, key):
        value = self[key] = str(self._lazy[key])
        return value


@bp.app_context_processor
def _labels():
    return {"booking_kind_labels": _Translated(KIND_LABELS), "booking_book_labels": _Translated(BOOK_LABELS),
            "booking_period_labels": _Translated(PERIODS), "booking_status_labels": _Translated(STATUS_LABELS),
            "booking_timedelta": timedelta, "booking_payer_label": service.payer_label,
            "booking_open_at": lambda site: is_enabled("booking", site),
            "booking_manage_links": _manage_links, "booking_manage_nav": _manage_nav}


def _manage_links(site) -> list:
    """Other plugins' pages in a site's management menu (billing's payments, events' page of
    the site), from the plugins on at the site only."""
    return collect(hooks(site).booking_manage_links(site=site))


def _manage_nav(site) -> Markup:
    """The site's management menu, for another plugin's page of the site (billing's payments,
    events' page of the site): shown to its managers while booking is on there, else nothing."""
    if not (current_user.is_authenticated and current_user.manages(site) and is_enabled("booking", site)):
        return Markup("")
    return Markup(render_template("booking/_manage_nav.html", site=site))


def _site(site_slug):
    return visible_site_or_abort(site_slug)


def _own_booking(booking_id):
    """A booking the current user may open: not `service.get_booking`, which hides bookings
    where booking is off at their site. Its member still reads and cancels it there (read-only
    otherwise: no check-in); its site's manager only while booking is on there
    (`switching.own_booking_open`). New bookings there stay refused by the site's routes."""
    booking = find(Booking, booking_id)
    if booking is None or not switching.own_booking_open(booking, current_user):
        abort(404)
    return booking


def _search_commune(form):
    """The commune the search is near: the one typed or chosen, else the member's home."""
    text, code = (form.commune.data or "").strip(), request.args.get("commune_code")
    if text or code:
        here, candidates = choose(text, code)
        if here is not None:
            form.commune.data = here.label
        elif not candidates and text:
            form.commune.errors = list(form.commune.errors) + [
                _("No commune of France is called %(name)s.", name=text)]
        return here, candidates
    if current_user.is_authenticated and current_user.home_commune_code:
        here = geo.commune(current_user.home_commune_code)
        if here is not None:
            form.commune.data = here.label
            return here, []
    return None, []


def _network_map(results, here):
    sites = [svgmap.Point(o.site.commune, o.site.latitude, o.site.longitude,
                          url_for("booking.site", site_slug=o.site.slug), o.site.name) for o in results]
    mark = svgmap.Point(here.name, here.latitude, here.longitude) if here else None
    departements = {o.site.departement for o in results} or set(preferred())
    description = (_("The sites found, around %(commune)s; the list below gives the same sites.",
                     commune=here.label) if here else _("The sites found; the list below gives the same sites."))
    return svgmap.render(sites, departements, mark, title=_("Map of the sites"), description=description,
                         here_label=_("%(commune)s (you)", commune=here.name) if here else "")


@bp.get("", endpoint="search")
@kept_for_visitors
def search():
    form = SearchForm(request.args)
    valid = form.validate() if request.args else True
    here, candidates = _search_commune(form)
    near = (here.latitude, here.longitude) if here else None
    if near is None and current_user.is_authenticated and current_user.home_latitude is not None:
        near = (current_user.home_latitude, current_user.home_longitude)
    asked = form.date.data if valid else None  # a day gone by: shown as if none was asked, with its error
    day = asked or today_at(preferred_zone())
    member = current_user if current_user.is_authenticated else None
    args = dict(kind=form.kind.data or None, period=form.period.data or None, near=near,
                amenities=tuple(form.amenities.data or ()), member=member)
    results = availability.offers(day, **args)
    if not asked and results and all(o.closed or o.nothing_left for o in results):
        day += timedelta(days=1)  # evening: nothing left today, show tomorrow
        results = availability.offers(day, **args)
    return render_template("booking/search.html", form=form, results=results, day=day, here=here,
                           candidates=candidates, network_map=_network_map(results, here),
                           search_args=request.args.to_dict(flat=False)), 400 if form.errors else 200


def preferred_zone() -> str:
    return current_app.config["TERRITORY"].territory.timezone


def week_context(site, monday=None) -> dict:
    today = today_at(site.timezone)
    monday = monday or today - timedelta(days=today.weekday())
    days, rows = availability.week(site, monday)
    return {"site": site, "days": days, "rows": rows, "monday": monday}


@bp.get("/sites/<site_slug>", endpoint="site")
def site_week(site_slug):
    site = _site(site_slug)
    try:
        monday = parse_day(request.args["week"]) if request.args.get("week") else None
    except BookingError as exc:
        return failed(exc)
    return _site_page(site, monday)


def _site_page(site, monday=None, room_form=None, room_error=None, status_code=200):
    """A site's week (`monday`'s), with the room form as it was sent and its refusal when given."""
    if monday:
        monday -= timedelta(days=monday.weekday())
    context = week_context(site, monday)
    resources = resources_of(site)
    # The prices of one day (the hours of a half-day may differ from day to day), as the search.
    day = availability.price_day(site, context["monday"], today_at(site.timezone))
    member = current_user if current_user.is_authenticated else None
    prices = availability.site_prices(site, resources, member, day) if day and resources else []
    return render_template("booking/site.html", form=BookForm(), series_form=SeriesForm(), **context,
                           period_choices=PERIOD_CHOICES, resources=resources, site_status=status(site),
                           prices=prices, price_day=day, note_hints=availability.note_hints(prices),
                           room_form=room_form, room_error=room_error), status_code


def slot_from_form(form, site):
    """The resource (of this site) and UTC range a booking form names."""
    resource = service.get_resource(form.resource.data, site)
    starts_at, ends_at = range_for(site, form.date.data, form.period.data, form.start.data, form.end.data)
    return resource, starts_at, ends_at


def _outcome(booking) -> tuple:
    """What the answer to a new booking tells, asked before the commit: after it, the commit's
    expiry loaded the booking, its place, its site and the site's hours again only for this."""
    return booking.id, booking.status, service.payment_url(booking), service.why_member_pays(booking)


def _after_booking(outcome: tuple):
    booking_id, status, url, why = outcome
    if why:  # someone else pays their other days
        flash(why, "info")
    if url:
        return redirect(url, 303)
    if status == "held":
        flash(_("Your booking is held, waiting for the manager's approval."), "success")
    else:
        flash(_("Your booking is confirmed."), "success")
    return redirect(url_for("booking.show", booking_id=booking_id), 303)


@bp.post("/sites/<site_slug>/book", endpoint="book")
@reads_first
@login_required
def book(site_slug):
    site = _site(site_slug)
    form = BookForm()
    back = url_for("booking.site", site_slug=site.slug)
    if not form.validate():
        return failed(BookingError(_("Choose a place, a date and a time.")), back)
    try:
        resource, starts_at, ends_at = slot_from_form(form, site)
        now = utcnow()
        # A slot already taken is refused without waiting for the write lock (core.db.reads_first).
        service.refuse_early(resource, current_user, starts_at, ends_at, now)
        done_reading()
        booking = service.book(resource, current_user, starts_at, ends_at, current_user, now=now, previewed=True)
        outcome = _outcome(booking)
        db.session.commit()
    except BookingError as exc:
        if exc.code == "slot_taken":
            db.session.rollback()
            return render_template("booking/refused.html", message=str(exc), back=back, waitlist=True,
                                   site=site, form=form), 409
        if form.period.data == "hours":  # the room form: shown again as typed, the reason beside it
            db.session.rollback()
            return _site_page(site, form.date.data, room_form=form, room_error=str(exc),
                              status_code=exc.status or 422)
        return failed(exc, url_for("booking.site", site_slug=site.slug, week=form.date.data.isoformat()))
    return _after_booking(outcome)


@bp.post("/sites/<site_slug>/series", endpoint="series")
@login_required
def book_series(site_slug):
    site = _site(site_slug)
    form = SeriesForm()
    back = url_for("booking.site", site_slug=site.slug)
    if not form.validate():
        return failed(BookingError(_("Choose a place, a first date, a time and a last date.")), back)
    try:
        resource, starts_at, ends_at = slot_from_form(form, site)
        plan = series.plan(resource, current_user, starts_at, ends_at, form.until.data, current_user)
        if request.form.get("confirm") != "1":
            return render_template("booking/series.html", form=form, plan=plan, site=site, resource=resource)
        chosen = [occ for occ in plan if occ.problem is None]
        made = series.book_series(resource, current_user, chosen, current_user)
        db.session.commit()
    except BookingError as exc:
        return failed(exc, back)
    flash(ngettext("%(num)d booking made.", "%(num)d bookings made.", len(made)), "success")
    # The dates waiting for payment are one basket, paid at once on the payment page.
    pay = next((url for url in (service.payment_url(b) for b in made) if url), None)
    return redirect(pay or url_for("booking.mine"), 303)


@bp.app_template_global("booking_room_hours")
def room_hours_global(site):
    """The room form's time bounds and step at a site (see forms.room_hours)."""
    return room_hours(site)


@bp.post("/sites/<site_slug>/book-any", endpoint="book_any")
@reads_first
@login_required
def book_any(site_slug):
    """Book "a desk": one button per site and period; the platform picks a free place."""
    site = _site(site_slug)
    form = KindBookForm()
    back = url_for("booking.search", date=request.form.get("date") or None)
    if not form.validate():
        return failed(BookingError(_("Choose a kind of place, a date and a time.")), back)
    try:
        starts_at, ends_at = range_for(site, form.date.data, form.period.data, form.start.data, form.end.data)
        now = utcnow()
        service.refuse_when_full(site, form.kind.data, starts_at, ends_at, now)  # without the write lock
        done_reading()
        booking = service.book_any(site, form.kind.data, current_user, starts_at, ends_at, current_user, now=now)
        outcome = _outcome(booking)
        db.session.commit()
    except NotFound:
        db.session.rollback()
        abort(404)
    except BookingError as exc:
        if exc.code == "slot_taken":
            db.session.rollback()
            return render_template("booking/refused.html", message=str(exc), back=back, waitlist=True,
                                   site=site, form=form), 409
        return failed(exc, back)
    return _after_booking(outcome)


@bp.post("/sites/<site_slug>/waitlist", endpoint="waitlist_join")
@login_required
def waitlist_join(site_slug):
    """Wait for a place of a kind (from the search: "kind") or like a given one ("resource")."""
    site = _site(site_slug)
    by_kind = "kind" in request.form and not request.form.get("resource")
    form = KindBookForm() if by_kind else BookForm()
    try:
        if not form.validate():
            raise BookingError(_("Choose a place, a date and a time."))
        if by_kind:
            kind = form.kind.data
            starts_at, ends_at = range_for(site, form.date.data, form.period.data, form.start.data, form.end.data)
        else:
            resource, starts_at, ends_at = slot_from_form(form, site)
            kind = resource.kind
        waitlist.join(site, kind, current_user, starts_at, ends_at)
    except BookingError as exc:
        db.session.rollback()
        return failed(exc)
    db.session.commit()
    flash(_("You are on the waitlist. We will write to you if a place frees up."), "success")
    return redirect(url_for("booking.mine"), 303)


@bp.get("/waitlist/<int:entry_id>", endpoint="waitlist_accept_page")
@login_required
def waitlist_offer(entry_id):
    from plugins.booking.models import WaitlistEntry

    entry = find(WaitlistEntry, entry_id)
    if entry is None or entry.member_id != current_user.id or not is_enabled("booking", entry.site):
        abort(404)
    return render_template("booking/offer.html", entry=entry)


@bp.post("/waitlist/<int:entry_id>", endpoint="waitlist_accept")
@login_required
def waitlist_accept(entry_id):
    try:
        booking = waitlist.accept(entry_id, current_user)
        outcome = _outcome(booking)
        db.session.commit()
    except NotFound:
        abort(404)
    except BookingError as exc:
        return failed(exc, url_for("booking.mine"))
    return _after_booking(outcome)


@bp.get("/mine", endpoint="mine")
@reachable_when_off  # a member's own bookings: readable and cancellable while booking is off
@login_required
def mine():
    page = min(max(request.args.get("page", 1, type=int), 1), 100_000)  # a page past the end is empty, not an overflow
    upcoming, past, older = service.upcoming_and_past(current_user, page=max(page, 1))
    return render_template("booking/mine.html", upcoming=upcoming, past=past, page=max(page, 1), older=older,
                           feed_url=feeds.member_feed_url(current_user))


@bp.get("/<int:booking_id>", endpoint="show")
@reachable_when_off  # its member only, while booking is off (_own_booking)
@login_required
def show(booking_id):
    booking = _own_booking(booking_id)
    can_cancel, _refund = service.cancellation_preview(booking, _canceller(booking))
    site = booking.resource.site
    return render_template("booking/show.html", booking=booking, site=site, booking_on=is_enabled("booking", site),
                           off_everywhere=not is_enabled("booking"),
                           checkin_form=CheckInForm(), payment_url=service.payment_url(booking),
                           amount_due=service.amount_due(booking), can_cancel=can_cancel,
                           check_in_now=checkin.open_to_check_in(booking))


def _canceller(booking) -> str:
    return "manager" if booking.member_id != current_user.id else "member"


@bp.route("/<int:booking_id>/cancel", methods=["GET", "POST"], endpoint="cancel")
@reachable_when_off  # its member only, while booking is off (_own_booking)
@login_required
def cancel(booking_id):
    """GET: what cancelling gives back, and a button to confirm; POST: cancel, then back to the
    member's bookings, or to `next` when it is a path of this site (the basket's "Remove")."""
    booking = _own_booking(booking_id)
    reason = _canceller(booking)
    can_cancel, refund = service.cancellation_preview(booking, reason)
    if request.method == "GET":
        return render_template("booking/cancel.html", booking=booking, site=booking.resource.site,
                               can_cancel=can_cancel, refund=refund)
    try:
        service.cancel(booking.id, current_user, reason)
        db.session.commit()
    except BookingError as exc:
        return failed(exc, url_for("booking.show", booking_id=booking_id))
    flash(" ".join([_("The booking is cancelled."), refund or ""]).strip(), "success")
    return redirect(safe_next(request.form.get("next")) or url_for("booking.mine"), 303)


@bp.get("/<int:booking_id>/booking.ics", endpoint="ics")
@reachable_when_off  # its member only, while booking is off (_own_booking)
@login_required
def ics(booking_id):
    booking = _own_booking(booking_id)
    return Response(booking_ics(booking), mimetype="text/calendar",
                    headers={"Content-Disposition": f'attachment; filename="booking-{booking.id}.ics"'})


@bp.post("/<int:booking_id>/check-in", endpoint="check_in")
@login_required
def check_in(booking_id):
    form = CheckInForm()
    booking = find(Booking, booking_id)
    if booking is not None and not is_enabled("booking", booking.resource.site):
        abort(404)  # switched off at its site: the booking is read-only there, only cancellable
    try:
        checkin.check_in(booking_id, current_user, code=form.code.data or None)
        db.session.commit()
    except NotFound:
        abort(404)
    except BookingError as exc:
        return failed(exc, url_for("booking.show", booking_id=booking_id))
    flash(_("Welcome! Your arrival is recorded."), "success")
    return redirect(url_for("booking.show", booking_id=booking_id), 303)


@bp.post("/feed", endpoint="feed_create")
@login_required
def feed_create():
    """Make or renew the member's address, then back to their bookings, or to `next` when it is
    a path of this site (events' page of a site, whose members' feed opens with the same secret)."""
    feeds.create_member_feed(current_user)
    db.session.commit()
    flash(_("Your private calendar address is ready."), "success")
    return redirect(safe_next(request.form.get("next")) or url_for("booking.mine") + "#calendar", 303)


@bp.get("/feed/<token>.ics", endpoint="feed")
@reachable_when_off  # a member's own bookings; a site's feed is refused while booking is off there
def feed(token):
    body = feeds.render(token)
    if body is None:
        abort(404)
    return Response(body, mimetype="text/calendar")


__all__ = ["bp", "week_context"]
