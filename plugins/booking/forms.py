"""Booking forms; each lists its fields, so nothing else posted is ever stored."""
from __future__ import annotations

from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from core.forms import Form
from core.sites.forms import AMENITY_LABELS, CheckboxesField
from core.timeutil import today_at
from plugins.booking.rules import LIMITS as RULE_LIMITS

KIND_LABELS = {"desk": _l("Desk"), "office": _l("Closed office"), "room": _l("Meeting room"),
               "visio": _l("Videoconference room")}
BOOK_LABELS = {"desk": _l("Book a desk"), "office": _l("Book an office"), "room": _l("Book a room"),
               "visio": _l("Book a videoconference room")}
STATUS_LABELS = {"held": _l("Waiting (payment or approval)"), "confirmed": _l("Confirmed"),
                 "checked_in": _l("Arrived"), "cancelled": _l("Cancelled"), "expired": _l("Expired"),
                 "no_show": _l("No-show")}
PERIOD_CHOICES = [("morning", _l("Morning")), ("afternoon", _l("Afternoon")), ("day", _l("Whole day"))]


class SearchForm(Form):
    class Meta:
        csrf = False  # a GET search changes nothing

    commune = StringField(_l("Near"), validators=[Optional(), Length(max=120)],
                          description=_l("A commune, e.g. Figeac or Saint-Santin (12)."),
                          render_kw={"data-commune-picker": "", "autocomplete": "off"})
    date = DateField(_l("Date"), validators=[Optional()])
    period = SelectField(_l("When"), choices=[("", _l("Any time"))] + PERIOD_CHOICES, validators=[Optional()])
    kind = SelectField(_l("What"), choices=[("", _l("Any place"))] + list(KIND_LABELS.items()),
                       validators=[Optional()])
    amenities = CheckboxesField(_l("With"), choices=list(AMENITY_LABELS.items()), validators=[Optional()])

    def validate_date(self, field):
        # A day gone by has nothing to book: said once, not "nothing left" under every site.
        if field.data and field.data < today_at(current_app.config["TERRITORY"].territory.timezone):
            raise ValidationError(_l("This day has passed: choose today or a later day."))


# Only rooms go by the hour (`rules.check_period`): the forms that name a desk or a room say so.
HOURS_FOR_ROOMS = ("hours", _l("Hours (rooms)"))


class KindBookForm(Form):
    """Book "a desk" (any free place of a kind): the platform picks which."""

    kind = SelectField(_l("What"), choices=list(KIND_LABELS.items()), validators=[DataRequired()])
    date = DateField(_l("Date"), validators=[DataRequired()])
    period = SelectField(_l("When"), choices=PERIOD_CHOICES + [HOURS_FOR_ROOMS], validators=[DataRequired()])
    start = StringField(_l("From (HH:MM)"), validators=[Optional(), Length(max=5)])
    end = StringField(_l("Until (HH:MM)"), validators=[Optional(), Length(max=5)])


ROOM_STEP_MINUTES = 30  # the room form's time picker moves by half-hours (rooms are paid by started hour)


class BookForm(Form):
    resource = IntegerField(_l("Resource"), validators=[DataRequired()])
    date = DateField(_l("Date"), validators=[DataRequired()])
    period = SelectField(_l("When"), choices=PERIOD_CHOICES + [HOURS_FOR_ROOMS], validators=[DataRequired()])
    # "HH:MM" (the one-click buttons) or "HH:MM:SS" (some browsers' time inputs).
    start = StringField(_l("From"), validators=[Optional(), Length(max=8)])
    end = StringField(_l("Until"), validators=[Optional(), Length(max=8)])


def room_hours(site) -> dict:
    """What the room form's time inputs accept: the site's earliest opening and latest closing
    over its week, and the step, as `<input type="time">` wants them."""
    hours = list(getattr(site, "opening_hours", []) or [])
    opens = min((h.opens for h in hours), default=None)
    closes = max((h.closes for h in hours), default=None)
    return {"min": opens.strftime("%H:%M") if opens else "", "max": closes.strftime("%H:%M") if closes else "",
            "step": ROOM_STEP_MINUTES * 60}


class SeriesForm(BookForm):
    until = DateField(_l("Every week until"), validators=[DataRequired()])


class CheckInForm(Form):
    code = StringField(_l("Code shown at the site"), validators=[Optional(), Length(max=12)])


class ManagerBookForm(BookForm):
    # A name or an address: the picker suggests the members who booked here by name, and a
    # name typed without picking is looked up among them (`desk.member_named`).
    member_email = StringField(_l("Member (name or e-mail)"), validators=[DataRequired(), Length(max=254)])


class BlockForm(BookForm):
    # A maintenance block takes any hours, a desk's too.
    period = SelectField(_l("When"), choices=PERIOD_CHOICES + [("hours", _l("Hours"))], validators=[DataRequired()])
    note = StringField(_l("Reason"), validators=[Optional(), Length(max=255)])


class ResourceForm(Form):
    kind = SelectField(_l("Kind"), choices=list(KIND_LABELS.items()), validators=[DataRequired()])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    group_name = StringField(_l("Group (e.g. the open space)"), validators=[Optional(), Length(max=120)])
    seats = IntegerField(_l("Seats"), default=1, validators=[DataRequired(), NumberRange(min=1, max=500)])
    equipment = StringField(_l("Equipment (comma-separated)"), validators=[Optional(), Length(max=500)])
    accessible = BooleanField(_l("Accessible to wheelchair users"), default=True)
    photos = TextAreaField(_l("Photo addresses (one per line)"), validators=[Optional(), Length(max=2000)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=2000)])
    approval_required = BooleanField(_l("Bookings need the manager's approval"))


def _bounded(label, rule: str) -> IntegerField:
    """An optional number rule, within the bounds booking's rules hold it to (`rules.LIMITS`)."""
    return IntegerField(label, validators=[Optional(), NumberRange(*RULE_LIMITS[rule])])


class RulesForm(Form):
    kind = SelectField(_l("Applies to"), choices=[("", _l("Site defaults"))] + list(KIND_LABELS.items()),
                       validators=[Optional()])
    min_minutes = _bounded(_l("Minimum duration (minutes)"), "min_minutes")
    max_minutes = _bounded(_l("Maximum duration (minutes)"), "max_minutes")
    max_days_ahead = _bounded(_l("Book at most this many days ahead"), "max_days_ahead")
    min_notice_minutes = _bounded(_l("Latest notice (minutes before the start)"), "min_notice_minutes")
    cancel_deadline_minutes = _bounded(_l("Cancel until (minutes before the start)"), "cancel_deadline_minutes")
    buffer_minutes = _bounded(_l("Buffer between room bookings (minutes)"), "buffer_minutes")
    max_per_week = _bounded(_l("Most bookings per member per week"), "max_per_week")
    max_per_period = _bounded(_l("Most places of this kind a member holds at the same time"), "max_per_period")
    approval_required = SelectField(_l("Approval required"), choices=[("", _l("Inherit")), ("1", _l("Yes")),
                                                                      ("0", _l("No"))], validators=[Optional()])


class ManagerCancelForm(Form):
    """A manager cancelling a member's booking (or refusing a request): why, for the member."""
    reason = TextAreaField(_l("Reason (optional)"), validators=[Optional(), Length(max=500)],
                           description=_l("Told to the member in the cancellation e-mail."))
