"""Events' forms: each lists its fields (no mass assignment). The service checks the rules
again whatever the form."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (DateField, EmailField, IntegerField, SelectField, StringField, TextAreaField,
                     TimeField)
from wtforms.validators import URL, DataRequired, Email, Length, NumberRange, Optional

from core.forms import DecimalField, Form

AUDIENCE_LABELS = {"public": _l("Everyone (visitors by e-mail too)"), "members": _l("Members (signed in)"),
                   "partner": _l("A partner's staff")}
ONLINE = "online"


class EventForm(Form):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=5000)])
    place = SelectField(_l("Venue"))
    online_url = StringField(_l("Link of the online meeting"), validators=[Optional(), URL(), Length(max=500)],
                             description=_l("For an online event; shown to registered people only."))
    day = DateField(_l("Day"), validators=[DataRequired()])
    starts = TimeField(_l("Start"), validators=[DataRequired()])
    ends = TimeField(_l("End"), validators=[DataRequired()])
    capacity = IntegerField(_l("Seats"), default=20, validators=[DataRequired(), NumberRange(1, 10_000)])
    audience = SelectField(_l("Who may register"), choices=list(AUDIENCE_LABELS.items()))
    partner = SelectField(_l("Partner whose staff is invited"), coerce=int, choices=[(0, "—")], default=0,
                          description=_l("For an event restricted to a partner's staff."))
    price = DecimalField(_l("Ticket price excluding VAT (EUR)"), places=2, default=0,
                         validators=[Optional(), NumberRange(0, 10_000)],
                         description=_l("0 for a free event. A ticket is paid online; "
                                        "the site must take online payment."))
    room = SelectField(_l("Room to book for the event"), coerce=int, choices=[(0, "—")], default=0,
                       description=_l("The room is booked for the event's duration."))


class VisitorForm(Form):
    name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=120)],
                       render_kw={"autocomplete": "name"})
    email = EmailField(_l("Your e-mail address"), validators=[DataRequired(), Email(), Length(max=254)],
                       render_kw={"autocomplete": "email"},
                       description=_l("We send you a link to confirm your registration."))


class ConfirmForm(Form):
    """A button: the POST that a link in an e-mail leads to (mail scanners follow links, not forms)."""
