"""Impact's forms: each lists its fields (no mass assignment)."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, IntegerField, SelectField, StringField
from wtforms.validators import NumberRange, Optional

from core.forms import Form

MODE_LABELS = {
    "petrol": _l("Petrol car"), "diesel": _l("Diesel car"), "hybrid": _l("Hybrid car"),
    "electric": _l("Electric car"), "public_transport": _l("Public transport"),
    "two_wheeler": _l("Motorbike or scooter"), "bike_walk": _l("Bike or on foot"),
}


class ProfileForm(Form):
    home_commune = StringField(
        _l("Home commune"), validators=[Optional()],
        description=_l("Its name, e.g. Figeac or Saint-Santin (12). The same as in your account."),
        render_kw={"data-commune-picker": "", "autocomplete": "off"})
    work_commune = StringField(
        _l("Commune of your usual workplace"), validators=[Optional()],
        description=_l("Where you would go to work without the telecentre, e.g. Rodez or Toulouse (31)."),
        render_kw={"data-commune-picker": "", "autocomplete": "off"})
    mode = SelectField(_l("How you would travel there"), choices=list(MODE_LABELS.items()))
    fiscal_hp = IntegerField(_l("Fiscal horsepower of the car (CV)"), validators=[Optional(), NumberRange(1, 50)],
                             description=_l("On the registration certificate, box P.6. For a car only."))
    consent = BooleanField(_l("Count my days in the network's figures (anonymous totals)"),
                           description=_l("Sites, employers and the territory see totals only, never a person, "
                                          "and never a group of fewer than 5 members."))


class PublicForm(Form):
    public = BooleanField(_l("Publish the territory's figures on a public page"))
