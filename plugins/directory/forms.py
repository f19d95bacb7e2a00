"""The directory's forms: each lists its fields (no mass assignment). The consent boxes start
unticked and carry the very wording stored with each consent."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField, SelectMultipleField, StringField, TextAreaField, widgets
from wtforms.validators import DataRequired, Length, Optional

from core.forms import Form

from .models import FIELDS
from .profiles import CONSENTS, MAX_BIO
from .relay import MAX_BODY

FIELD_LABELS = {"photo": _l("My photo"), "organisation": _l("Organisation"), "job": _l("Occupation"), "bio": _l("About me"),
                "skills": _l("Skills"), "commune": _l("Home commune"), "sites": _l("Sites where I usually work"),
                "available": _l("Available for assignments"), "links": _l("Links")}
KIND_LABELS = {"company": _l("Company"), "association": _l("Association"), "public": _l("Public body"),
               "other": _l("Other")}


class CheckboxesField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class ProfileForm(Form):
    listed = BooleanField(CONSENTS["listed"][1])
    contactable = BooleanField(CONSENTS["contactable"][1])
    public = BooleanField(CONSENTS["public"][1])
    show_presence = BooleanField(CONSENTS["show_presence"][1])
    shown = CheckboxesField(_l("Show on my profile"), choices=[(f, FIELD_LABELS[f]) for f in FIELDS])
    job_title = StringField(_l("Job title, in your words"), validators=[Optional(), Length(max=120)])
    bio = TextAreaField(_l("About me"), validators=[Optional(), Length(max=MAX_BIO)])
    available = BooleanField(_l("I am available for assignments"))
    link_1 = StringField(_l("Link 1 (web address)"), validators=[Optional(), Length(max=300)])
    link_2 = StringField(_l("Link 2 (web address)"), validators=[Optional(), Length(max=300)])
    link_3 = StringField(_l("Link 3 (web address)"), validators=[Optional(), Length(max=300)])
    organisation_id = SelectField(_l("Organisation"), coerce=int, default=0)
    site_ids = CheckboxesField(_l("Sites where I usually work"), coerce=int)


class VocabularyForm(Form):
    """A job or skill, typed (suggestions follow) or chosen among suggestions (`code`)."""

    text = StringField(_l("Find in the ROME vocabulary"), validators=[Optional(), Length(max=120)])
    code = StringField(validators=[Optional(), Length(max=12)])
    free = BooleanField(_l("Add as I wrote it"))


class ContactForm(Form):
    body = TextAreaField(_l("Your message"), validators=[DataRequired(), Length(max=MAX_BODY)])


class ReportForm(Form):
    reason = StringField(_l("Why (optional)"), validators=[Optional(), Length(max=500)])


class EmptyForm(Form):
    pass


class ModerationForm(Form):
    decision = SelectField(_l("Decision"), choices=[("dismiss", _l("Dismiss the report")),
                                                    ("suspend", _l("Stop the writer from writing"))])


class OrganisationForm(Form):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=160)])
    kind = SelectField(_l("Kind"), choices=list(KIND_LABELS.items()))
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=MAX_BIO)])
    website = StringField(_l("Website"), validators=[Optional(), Length(max=300)])
    site_id = SelectField(_l("Hosted at"), coerce=int, default=0)
