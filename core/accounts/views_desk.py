"""A site's desk: its manager makes an account for a visitor who has none (`visitors`), then goes
straight on to book their place or record their pass, the page they came from filling in the
visitor's address once (`just_made`). The form is a partial the desk pages include
(`accounts/_visitor_form.html`); this page shows it alone, and again with its errors."""
from __future__ import annotations

import time

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from core.accounts import visitors
from core.accounts.forms import LANGUAGES, VisitorForm
from core.accounts.models import User
from core.accounts.service import AccountError
from core.extensions import db, limiter
from core.security import safe_next
from core.sites.access import managed_site_or_abort

desk = Blueprint("visitors", __name__, url_prefix="/sites/<site_slug>/visitors")
KEPT = "desk_visitor"  # the session's note of the visitor just made: {"site", "member", "at"}
KEPT_SECONDS = 10 * 60  # long enough to book them; a note found hours later would name the wrong person
# Per manager: a busy morning makes a few accounts, a stolen manager's session does not send
# invitations to a list of addresses.
LIMIT = "60 per hour"


def visitor_form(formdata=None) -> VisitorForm:
    """The form as a desk page includes it, the territory's language chosen for the e-mails."""
    form = VisitorForm(prefix="visitor", formdata=formdata)
    if formdata is None and form.locale.data not in dict(LANGUAGES):
        form.locale.data = current_app.config["BABEL_DEFAULT_LOCALE"]
    return form


def just_made(site) -> User | None:
    """The visitor whose account the signed-in manager has just made at this site's desk, given
    once (the next desk page fills in their address), then forgotten."""
    kept = session.pop(KEPT, None)
    if not isinstance(kept, dict) or kept.get("site") != site.id or time.time() - kept.get("at", 0) > KEPT_SECONDS:
        return None
    member = db.session.get(User, kept.get("member"))
    return member if member is not None and member.is_active else None


def _per_manager() -> str:
    return f"visitors:{current_user.id}"


@desk.route("/new", methods=["GET", "POST"], endpoint="new")
@login_required
@limiter.limit(LIMIT, methods=["POST"], key_func=_per_manager)
def new_visitor(site_slug):
    site = managed_site_or_abort(site_slug)
    back = safe_next(request.args.get("next"))
    form = visitor_form(request.form if request.method == "POST" else None)
    if request.method == "GET" or not form.validate_on_submit():
        return _page(site, form, back, 200 if request.method == "GET" else 422)
    try:
        member, again = visitors.make_account(current_user, site, form.email.data, form.first_name.data,
                                              form.last_name.data, form.locale.data)
        db.session.commit()
    except AccountError as exc:
        db.session.rollback()
        form.email.errors.append(str(exc))
        return _page(site, form, back, exc.status)
    session[KEPT] = {"site": site.id, "member": member.id, "at": time.time()}
    if again:
        flash(_("%(name)s's account was made a moment ago: no second e-mail is sent. Go on with their booking or "
                "their pass.", name=member.display_name), "info")
    else:
        flash(_("%(name)s's account is made, and an e-mail to %(email)s asks them to choose their password. Go on: "
                "book their place or record their pass.", name=member.display_name, email=member.email), "success")
    return redirect(back or url_for("visitors.new", site_slug=site.slug), 303)


def _page(site, form, back, status):
    return render_template("accounts/visitor_new.html", site=site, visitor_form=form, visitor_next=back,
                           back=back), status
