"""A member scanning the site's QR code: a page saying what it will do (a GET changes nothing),
then checking in to their booking of today there."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from core.db import utcnow
from core.extensions import db
from core.sites.access import visible_site_or_abort
from plugins.booking import checkin
from plugins.booking.errors import BookingError
from plugins.booking.forms import CheckInForm
from plugins.booking.views import failed

arrive = Blueprint("booking_arrive", __name__, url_prefix="/booking/sites/<site_slug>/arrive")


@arrive.get("/<token>", endpoint="arrive")
@login_required
def arrive_page(site_slug, token):
    site = visible_site_or_abort(site_slug)
    if token != checkin.arrival_token(site, checkin.local_day(site, utcnow())):
        return failed(BookingError(_("This is not today's code for this site: scan the code shown at the site "
                                     "today.")))
    return render_template("booking/arrive.html", site=site, token=token, form=CheckInForm())


@arrive.post("/<token>", endpoint="check_in")
@login_required
def arrive_check_in(site_slug, token):
    site = visible_site_or_abort(site_slug)
    form = CheckInForm()
    try:
        if not form.validate():
            raise BookingError(_("The form has expired: scan the code again."))
        booking = checkin.check_in_at_site(site, current_user, token)
        db.session.commit()
    except BookingError as exc:
        return failed(exc)
    flash(_("Welcome! Your arrival is recorded."), "success")
    return redirect(url_for("booking.show", booking_id=booking.id), 303)
