"""Account forms; each lists its fields, so posting anything else (a role, a site) does nothing."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional

from core.forms import Form
from core.accounts.passwords import MAX_LENGTH, MIN_LENGTH

LANGUAGES = [("fr", "Français"), ("en", "English")]


def _password(label):
    return PasswordField(label, validators=[
        DataRequired(), Length(min=MIN_LENGTH, max=MAX_LENGTH,
                               message=_l("Between %(min)d and %(max)d characters."))],
        render_kw={"autocomplete": "new-password"})


class LoginForm(Form):
    email = EmailField(_l("E-mail address"), validators=[DataRequired(), Length(max=254)],
                       render_kw={"autocomplete": "username"})
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=MAX_LENGTH)],
                             render_kw={"autocomplete": "current-password"})
    remember = BooleanField(_l("Stay signed in on this device"))


class SignupForm(Form):
    display_name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)],
                               render_kw={"autocomplete": "name"})
    email = EmailField(_l("E-mail address"), validators=[DataRequired(), Email(), Length(max=254)],
                       render_kw={"autocomplete": "email"})
    password = _password(_l("Password (at least 12 characters)"))
    confirm = PasswordField(_l("Password again"), validators=[
        DataRequired(), EqualTo("password", message=_l("The two passwords differ."))],
        render_kw={"autocomplete": "new-password"})
    accept_terms = BooleanField(_l("I accept the terms of sale"), validators=[
        DataRequired(message=_l("Tick this box to go on: the terms of sale apply to every booking."))])
    accept_privacy = BooleanField(_l("I have read the privacy notice"), validators=[
        DataRequired(message=_l("Tick this box to go on: the privacy notice says how your data are used."))])


class AcceptForm(Form):
    """Accepting a new version of the legal documents, at sign-in."""

    accept_terms = SignupForm.accept_terms
    accept_privacy = SignupForm.accept_privacy


def with_documents(form, documents, wording):
    """Label each acceptance box with the document's exact wording; drop those the territory
    does not configure."""
    for name, kind in (("accept_terms", "terms_of_sale"), ("accept_privacy", "privacy_notice")):
        if kind in documents:
            form[name].label.text = wording(kind)
        else:
            delattr(form, name)
    return form


class ConfirmForm(Form):
    """Only the CSRF token: confirming is a deliberate click, not a link being fetched."""


class ForgotForm(Form):
    email = EmailField(_l("E-mail address"), validators=[DataRequired(), Length(max=254)],
                       render_kw={"autocomplete": "email"})


class ResetForm(Form):
    password = _password(_l("New password (at least 12 characters)"))
    confirm = PasswordField(_l("New password again"), validators=[
        DataRequired(), EqualTo("password", message=_l("The two passwords differ."))],
        render_kw={"autocomplete": "new-password"})


class WelcomeForm(ResetForm):
    """A visitor's first password, from the invitation their site's manager had sent: the
    documents a sign-up accepts are accepted here (`with_documents` drops those not configured)."""

    accept_terms = SignupForm.accept_terms
    accept_privacy = SignupForm.accept_privacy


class VisitorForm(Form):
    """A visitor's account made at the desk: what signing in and an invoice need, nothing more."""

    first_name = StringField(_l("First name"), validators=[DataRequired(), Length(max=58)],
                             render_kw={"autocomplete": "off"})
    last_name = StringField(_l("Last name"), validators=[DataRequired(), Length(max=60)],
                            render_kw={"autocomplete": "off"})
    email = EmailField(_l("E-mail address"), validators=[DataRequired(), Email(), Length(max=254)],
                       description=_l("They sign in with it, once they have chosen their password from the e-mail "
                                      "they receive."), render_kw={"autocomplete": "off"})
    locale = SelectField(_l("Language of their e-mails"), choices=LANGUAGES)


class ProfileForm(Form):
    display_name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)],
                               render_kw={"autocomplete": "name"})
    locale = SelectField(_l("Language"), choices=LANGUAGES)
    home_commune = StringField(
        _l("Home commune"), validators=[Optional(), Length(max=120)],
        description=_l("Its name, e.g. Figeac or Saint-Santin (12). Used to show the nearest sites and the "
                       "commute you avoid."),
        render_kw={"data-commune-picker": "", "autocomplete": "off"})


class PasswordForm(Form):
    current = PasswordField(_l("Current password"), validators=[DataRequired()],
                            render_kw={"autocomplete": "current-password"})
    password = _password(_l("New password (at least 12 characters)"))
    confirm = PasswordField(_l("New password again"), validators=[
        DataRequired(), EqualTo("password", message=_l("The two passwords differ."))],
        render_kw={"autocomplete": "new-password"})


class EraseForm(Form):
    # Its own id: the password form on the same page has a field "password" too.
    password = PasswordField(_l("Your password, to confirm"), validators=[DataRequired()], id="erase-password",
                             render_kw={"autocomplete": "current-password"})


class TokenForm(Form):
    name = StringField(_l("Token name"), validators=[DataRequired(), Length(max=80)],
                       description=_l("For example: my calendar script."))
