"""The boards' forms, one per kind of post: each lists its fields (no mass assignment). Consent
boxes start unticked and carry the very wording stored with the consent."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l, ngettext
from flask_babel.speaklater import LazyString
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
)

from core.forms import Form
from core.plugins import plugin_config

from . import access, alerts, welcome
from .posts import EMPLOYMENT_TYPES, SPOUSE_CONSENT

CODES_HELP = _l("ROME codes (J1404) or words (kinésithérapeute), separated by commas.")
COMMUNES_HELP = _l("Names or INSEE codes, separated by commas; add the département if needed: Saint-Santin (12).")


def _ends_on_help() -> str:
    # The territory's `max_days`, not a number written here: the refusal says the same.
    return ngettext("At most %(num)d day ahead; you can renew it.", "At most %(num)d days ahead; you can renew it.",
                    plugin_config("boards").max_days)


class _PostForm(Form):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=160)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=5000)])
    codes = StringField(_l("Jobs or skills (ROME)"), description=CODES_HELP,
                        validators=[DataRequired(), Length(max=500)])
    communes = StringField(_l("Communes"), description=COMMUNES_HELP, validators=[DataRequired(), Length(max=500)])
    ends_on = DateField(_l("Shown until"), description=LazyString(_ends_on_help),
                        validators=[InputRequired()])


def _contract():
    # No kind chosen for the author: "Full time" preselected was sent unread for any contract.
    return SelectField(_l("Kind of contract"), choices=[("", _l("Choose…")), *EMPLOYMENT_TYPES.items()],
                       default="", validators=[DataRequired(message=_l("Choose a kind of contract."))])


class JobOfferForm(_PostForm):
    organisation = StringField(_l("Employer"), validators=[DataRequired(), Length(max=160)])
    employment_type = _contract()
    headcount = IntegerField(_l("How many people"), validators=[Optional(), NumberRange(1, 999)])
    source_url = StringField(_l("Link to the original offer (when relayed)"),
                             validators=[Optional(), Length(max=300)])


class SkillWantedForm(_PostForm):
    organisation = StringField(_l("Employer or body looking for it"), validators=[DataRequired(), Length(max=160)])
    headcount = IntegerField(_l("How many people"), validators=[Optional(), NumberRange(1, 999)])
    reason = TextAreaField(_l("Why it cannot be found here"), validators=[Optional(), Length(max=2000)])
    employment_type = _contract()


class ActivityForm(_PostForm):
    organisation = StringField(_l("Business"), validators=[Optional(), Length(max=160)])
    reason = TextAreaField(_l("Why it is to take over"), validators=[Optional(), Length(max=2000)])
    source_url = StringField(_l("Link to more details"), validators=[Optional(), Length(max=300)])


class SpouseProfileForm(_PostForm):
    title = StringField(_l("Job sought"), validators=[DataRequired(), Length(max=160)])
    description = TextAreaField(_l("Background and what you are looking for"), validators=[Optional(),
                                                                                          Length(max=5000)])
    communes = StringField(_l("Communes you can reach"), description=COMMUNES_HELP,
                           validators=[DataRequired(), Length(max=500)])
    consent = BooleanField(SPOUSE_CONSENT[1], validators=[DataRequired()])


class OfficerSpouseForm(SpouseProfileForm):
    email = EmailField(_l("The spouse's e-mail address (their account)"),
                        validators=[DataRequired(), Email(), Length(max=254)])
    consent = BooleanField(_l("The spouse consents: their profile may be shown to the recruiters the territory "
                              "approved and to its welcome officer, who may write to them through the platform."),
                           validators=[DataRequired()])


FORMS = {"job_offer": JobOfferForm, "skill_wanted": SkillWantedForm, "activity": ActivityForm,
         "spouse_profile": SpouseProfileForm}


class RenewForm(Form):
    ends_on = DateField(_l("New end date"), validators=[InputRequired()])


class ModerationForm(Form):
    decision = HiddenField(validators=[DataRequired()])
    reason = StringField(_l("Reason (if rejected)"), validators=[Optional(), Length(max=500)])


class EmptyForm(Form):
    pass


class GrantForm(Form):
    email = EmailField(_l("E-mail address"), validators=[DataRequired(), Email(), Length(max=254)])
    role = SelectField(_l("Role"), choices=[(k, v) for k, v in access.ROLES.items()])
    organisation = StringField(_l("Organisation"), validators=[Optional(), Length(max=160)])


class StepForm(Form):
    kind = SelectField(_l("Step"), choices=[(k, v) for k, v in welcome.STEPS.items()])
    happened_on = DateField(_l("Date"), validators=[InputRequired()])
    outcome = SelectField(_l("Outcome (for the outcome step)"),
                          choices=[("", "—"), *[(k, v) for k, v in welcome.OUTCOMES.items()]], default="")
    note = StringField(_l("Note"), validators=[Optional(), Length(max=500)])


class AlertForm(Form):
    codes = StringField(_l("Your jobs or skills (ROME)"), description=CODES_HELP,
                        validators=[DataRequired(), Length(max=500)])
    commune = StringField(_l("Your commune"), validators=[DataRequired(), Length(max=120)])
    radius_km = IntegerField(_l("How far you would go (km by road)"), default=30,
                             validators=[InputRequired(), NumberRange(1, 200)])
    digest = BooleanField(alerts.CONSENTS["digest"][1])
    matchable = BooleanField(alerts.CONSENTS["matchable"][1])


class ContactForm(Form):
    body = TextAreaField(_l("Your message"), validators=[DataRequired(), Length(max=4000)])
