"""Sign-up, sign-in and the member's own account pages; thin: parse, call the service, render."""
from __future__ import annotations

from datetime import datetime, timezone

from flask import (Blueprint, Response, abort, current_app, flash, redirect, render_template, request,
                   session, url_for)
from flask_babel import get_locale, gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from core.accounts import legal, service
from core.accounts.forms import (AcceptForm, ConfirmForm, EraseForm, ForgotForm, LoginForm, PasswordForm, ProfileForm,
                                 ResetForm, SignupForm, TokenForm, WelcomeForm, with_documents)
from core.accounts.service import AccountError
from core.api import tokens as api_tokens
from core import geo
from core.extensions import db, limiter
from core.plugins import hooks
from core.geo.views import choose
from core.security import safe_next

auth = Blueprint("auth", __name__)
account = Blueprint("account", __name__, url_prefix="/account")


def _login_failed(response) -> bool:
    # Only failed attempts count, so a member who signs in is never throttled by it.
    return response.status_code != 303


def _account_key() -> str:
    # Per account and address: an attacker elsewhere cannot lock a member out of their own.
    email = (request.form.get("email") or "").strip().lower()
    return f"login:{email}:{request.remote_addr}"


def _start_session(user, remember: bool) -> None:
    session.clear()  # no session fixation: nothing from before the login survives
    login_user(user, remember=remember)
    session.permanent = True
    session["login_at"] = datetime.now(timezone.utc).timestamp()


@auth.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_LIMITS"], methods=["POST"], deduct_when=_login_failed)
@limiter.limit(lambda: current_app.config["LOGIN_LIMITS_PER_ACCOUNT"], methods=["POST"],
               key_func=_account_key, deduct_when=_login_failed)
def login():
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = service.authenticate(form.email.data, form.password.data)
            db.session.commit()
        except AccountError as exc:
            flash(str(exc), "error")
            return render_template("auth/login.html", form=form), 401
        _start_session(user, form.remember.data)
        target = safe_next(request.args.get("next")) or hooks().landing_url(user=user) or url_for("home.index")
        if legal.pending(user):  # a document changed since they accepted it: ask again first
            return redirect(url_for("account.accept_documents", next=target), 303)
        return redirect(target, 303)
    status = 400 if form.errors else 200
    return render_template("auth/login.html", form=form), status


@auth.post("/logout")
@login_required
def logout():
    service.end_sessions(current_user)
    db.session.commit()
    logout_user()
    session.clear()
    flash(_("You are signed out."), "success")
    return redirect(url_for("home.index"), 303)


@auth.route("/signup", methods=["GET", "POST"])
@limiter.limit("20 per hour", methods=["POST"])
def signup():
    documents = legal.documents()
    form = with_documents(SignupForm(), documents, legal.wording)
    if form.validate_on_submit():
        try:
            service.register(form.email.data, form.password.data, form.display_name.data,
                             locale=str(get_locale()), accepted=bool(documents),
                             next_url=safe_next(request.args.get("next")))
            db.session.commit()
        except AccountError as exc:
            form.password.errors.append(str(exc))
        else:
            return render_template("auth/check_email.html", email=form.email.data)
    return render_template("auth/signup.html", form=form, documents=documents), 400 if form.errors else 200


@auth.get("/legal/<slug>")
def legal_document(slug):
    """The terms of sale or the privacy notice, as the territory gives them."""
    kind = next((kind for kind, name in legal.SLUGS.items() if name == slug), None)
    document = legal.documents().get(kind)
    if document is None:
        abort(404)
    return render_template("auth/legal.html", document=document, body=legal.render(document.text))


@auth.route("/confirm/<token>", methods=["GET", "POST"])
def confirm(token):
    """The link shows a button; only the POST confirms (mail scanners follow links, not forms)."""
    try:
        if request.method == "GET":
            user = service.read_confirmation(token)
            return render_template("auth/confirm.html", user=user, form=ConfirmForm())
        if not ConfirmForm().validate_on_submit():
            abort(400)
        service.confirm_email(token)
        db.session.commit()
    except AccountError as exc:
        flash(str(exc), "error")
        return render_template("auth/confirm_failed.html"), 400
    flash(_("Your e-mail address is confirmed. You can sign in."), "success")
    # The page they were on when asked to sign in (a search), carried by the mail's link.
    return redirect(url_for("auth.login", next=safe_next(request.args.get("next"))), 303)


@auth.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def forgot_password():
    form = ForgotForm()
    if form.validate_on_submit():
        service.request_password_reset(form.email.data)
        db.session.commit()
        flash(_("If an account exists for this address, we sent it a link to choose a new password."),
              "info")
        return redirect(url_for("auth.login"), 303)
    return render_template("auth/forgot.html", form=form)


@auth.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token):
    form = ResetForm()
    if form.validate_on_submit():
        try:
            service.reset_password(token, form.password.data)
            db.session.commit()
        except AccountError as exc:
            flash(str(exc), "error")
            return render_template("auth/reset.html", form=form), 400
        flash(_("Your password is changed. You can sign in."), "success")
        return redirect(url_for("auth.login"), 303)
    return render_template("auth/reset.html", form=form)


@auth.route("/welcome/<token>", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def welcome(token):
    """A visitor whose account a site's manager made chooses their password (and accepts the
    documents a sign-up accepts); the e-mail's link shows the form, only its POST acts."""
    documents = legal.documents()
    form = with_documents(WelcomeForm(), documents, legal.wording)
    try:
        user = service.read_invitation(token)
        if form.validate_on_submit():
            service.accept_invitation(token, form.password.data, accepted=bool(documents))
            db.session.commit()
            flash(_("Your password is saved. You can sign in."), "success")
            return redirect(url_for("auth.login"), 303)
    except AccountError as exc:
        db.session.rollback()
        return render_template("auth/welcome.html", form=None, refused=str(exc), documents=documents), 400
    return render_template("auth/welcome.html", form=form, user=user, documents=documents), \
        400 if form.errors else 200


@account.route("", methods=["GET", "POST"])
@login_required
def profile():
    form = ProfileForm(obj=current_user)
    if not form.is_submitted() and current_user.home_commune_code:
        known = geo.commune(current_user.home_commune_code)
        form.home_commune.data = known.label if known else current_user.home_commune
    candidates = []
    if form.validate_on_submit():
        home, candidates = _home_commune(form)
        if not form.home_commune.errors:
            service.update_account(current_user, form.display_name.data, form.locale.data, home)
            db.session.commit()
            flash(_("Your profile is saved."), "success")
            return redirect(url_for("account.profile"), 303)
    return _profile_page(form=form, candidates=candidates)


def _profile_page(**forms):
    """The account page, each of its forms new unless given: a form sent back with errors shows
    them by its fields and in its error summary (400), as every form of the site does."""
    if "form" not in forms:
        forms["form"] = ProfileForm(formdata=None, obj=current_user)
        if current_user.home_commune_code:
            known = geo.commune(current_user.home_commune_code)
            forms["form"].home_commune.data = known.label if known else current_user.home_commune
    forms = {"password_form": PasswordForm(formdata=None), "token_form": TokenForm(formdata=None),
             "erase_form": EraseForm(formdata=None), "candidates": [], **forms}
    failed = any(form.errors for name, form in forms.items() if name != "candidates")
    return render_template("account/profile.html", tokens=api_tokens.tokens_of(current_user), **forms), \
        400 if failed else 200


@account.route("/documents", methods=["GET", "POST"])
@login_required
def accept_documents():
    """A document changed since the member accepted it: show what changed, ask again."""
    kinds = legal.pending(current_user)
    target = safe_next(request.args.get("next")) or url_for("home.index")
    if not kinds:
        return redirect(target, 303)
    documents = {kind: legal.documents()[kind] for kind in kinds}
    form = with_documents(AcceptForm(), documents, legal.wording)
    if form.validate_on_submit():
        legal.accept(current_user, kinds)
        db.session.commit()
        flash(_("Thank you: your acceptance is recorded."), "success")
        return redirect(target, 303)
    return render_template("account/documents.html", form=form, documents=documents), 400 if form.errors else 200


def _home_commune(form):
    """(the commune chosen or None, the candidates to choose from); an error on the field when
    the text matches no commune, or several."""
    text = (form.home_commune.data or "").strip()
    if not text and not request.form.get("home_commune_code"):
        return None, []
    home, candidates = choose(text, request.form.get("home_commune_code"))
    if home is None:
        form.home_commune.errors = list(form.home_commune.errors) + [
            _("Several communes match: choose yours below.") if candidates
            else _("No commune of France is called %(name)s.", name=text)]
    return home, candidates


@account.post("/password")
@login_required
def change_password():
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            service.change_password(current_user, form.current.data, form.password.data)
            db.session.commit()
        except AccountError as exc:
            db.session.rollback()
            form.current.errors = [str(exc)]
        else:
            # The version moved on: sign this browser in again, the others are out.
            _start_session(current_user._get_current_object(), remember=False)
            flash(_("Your password is changed; your other sessions are signed out."), "success")
            return redirect(url_for("account.profile"), 303)
    return _profile_page(password_form=form)


@account.post("/tokens")
@login_required
def create_token():
    form = TokenForm()
    if not form.validate_on_submit():
        return _profile_page(token_form=form)
    secret = api_tokens.create_token(current_user, form.name.data)
    db.session.commit()
    return render_template("account/token_created.html", secret=secret, name=form.name.data)


@account.post("/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id):
    if not api_tokens.revoke_token(current_user, token_id):
        abort(404)
    db.session.commit()
    flash(_("The token is revoked."), "success")
    return redirect(url_for("account.profile"), 303)


@account.get("/data.json")
@login_required
def export_data():
    body = service.export_data(current_user)
    return Response(body, mimetype="application/json", headers={
        "Content-Disposition": 'attachment; filename="my-data.json"'})


@account.post("/erase")
@login_required
def erase():
    form = EraseForm()
    if form.validate_on_submit():
        try:
            service.erase_account(current_user._get_current_object(), form.password.data)
            db.session.commit()
        except AccountError as exc:
            db.session.rollback()
            form.password.errors = [str(exc)]
            return _profile_page(erase_form=form)
        logout_user()
        session.clear()
        flash(_("Your account and personal data are erased."), "success")
        return redirect(url_for("home.index"), 303)
    return _profile_page(erase_form=form)
