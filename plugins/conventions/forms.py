"""Conventions' forms: each lists its fields (no mass assignment). The service checks the terms
again whatever the form (check_convention)."""
from __future__ import annotations

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional, ValidationError

from core.forms import DecimalField, Form
from core.sites.forms import CheckboxesField
from plugins.conventions.models import MAX_DAYS

KIND_LABELS = {"desk": _l("Desk"), "office": _l("Office"), "room": _l("Meeting room"), "visio": _l("Video room")}
PRICE_MODEL_LABELS = {"per_day": _l("A convention rate per day or half-day booked"),
                      "flat_seat": _l("A flat fee per seat per month"), "prepaid": _l("Prepaid days")}
PAST_CAP_LABELS = {"refuse": _l("Refused"), "member_pays": _l("The employee pays personally")}
STATUS_LABELS = {"draft": _l("Draft"), "signed": _l("Signed"), "active": _l("Active"), "expired": _l("Expired"),
                 "terminated": _l("Terminated")}
AUTH_STATUS_LABELS = {"pending": _l("Waiting for approval"), "approved": _l("Approved"),
                      "refused": _l("Refused"), "inactive": _l("Cover ended")}
WEEKDAY_LABELS = [(0, _l("Monday")), (1, _l("Tuesday")), (2, _l("Wednesday")), (3, _l("Thursday")),
                  (4, _l("Friday")), (5, _l("Saturday")), (6, _l("Sunday"))]


def _half_days(form, field):
    if field.data is not None and (field.data <= 0 or (field.data * 2) % 1):
        raise ValidationError(_l("Give a number of days in halves (1, 1.5, 2...)."))


class PartnerForm(Form):
    name = StringField(_l("Legal name"), validators=[DataRequired(), Length(max=200)])
    siret = StringField(_l("SIREN or SIRET"), validators=[DataRequired(), Length(max=20)])
    vat_number = StringField(_l("VAT number"), validators=[Optional(), Length(max=20)])
    address = TextAreaField(_l("Billing address"), validators=[DataRequired(), Length(max=500)])
    public_buyer = BooleanField(_l("Public buyer (invoiced through Chorus Pro)"))
    chorus_service_code = StringField(_l("Chorus Pro service code"), validators=[Optional(), Length(max=100)])
    engagement_number = StringField(_l("Engagement (order) number"), validators=[Optional(), Length(max=50)])
    listed_publicly = BooleanField(_l("List publicly among the employers teleworking with us"))


class ReferentForm(Form):
    email = StringField(_l("E-mail address of the référent's account"),
                        validators=[DataRequired(), Email(), Length(max=254)])


class ConventionForm(Form):
    reference = StringField(_l("Reference"), validators=[DataRequired(), Length(max=40)])
    starts_on = DateField(_l("Start"), validators=[DataRequired()])
    ends_on = DateField(_l("End"), validators=[DataRequired()])
    tacit_renewal = BooleanField(_l("Renewed tacitly"))
    notice_days = IntegerField(_l("Notice (days)"), default=60, validators=[DataRequired(), NumberRange(0, 365)])
    all_sites = BooleanField(_l("All sites"))
    sites = CheckboxesField(_l("Sites covered"), coerce=int)
    kinds = CheckboxesField(_l("Kinds of place"), choices=list(KIND_LABELS.items()),
                            default=["desk", "office"])
    price_model = SelectField(_l("Price model"), choices=list(PRICE_MODEL_LABELS.items()))
    day_rate = DecimalField(_l("Rate per day, excluding VAT (€)"), places=2, validators=[Optional(),
                                                                                      NumberRange(0, 10_000)])
    half_day_rate = DecimalField(_l("Rate per half-day, excluding VAT (€)"), places=2,
                                 validators=[Optional(), NumberRange(0, 10_000)])
    seat_fee = DecimalField(_l("Fee per seat per month, excluding VAT (€)"), places=2,
                            validators=[Optional(), NumberRange(0, 100_000)])
    seats = IntegerField(_l("Seats"), validators=[Optional(), NumberRange(0, 10_000)])
    week_cap = DecimalField(_l("Days per employee per week"),
                            validators=[Optional(), _half_days, NumberRange(max=MAX_DAYS["week_cap"])])
    month_cap = DecimalField(_l("Days per employee per month"),
                             validators=[Optional(), _half_days, NumberRange(max=MAX_DAYS["month_cap"])])
    year_cap = DecimalField(_l("Days per employee per year"),
                            validators=[Optional(), _half_days, NumberRange(max=MAX_DAYS["year_cap"])])
    budget_days = DecimalField(_l("Overall budget in days (prepaid days)"),
                               validators=[Optional(), _half_days, NumberRange(max=MAX_DAYS["budget_halfdays"])])
    budget_euros = DecimalField(_l("Overall budget in euros, excluding VAT"), places=2,
                                validators=[Optional(), NumberRange(0.01, 10_000_000)])
    past_cap = SelectField(_l("Past a cap, a booking is"), choices=list(PAST_CAP_LABELS.items()))
    cancel_notice_hours = IntegerField(_l("Cancelled less than this many hours before, a day counts"), default=24,
                                       validators=[DataRequired(), NumberRange(0, 720)])
    no_show_counts = BooleanField(_l("A no-show counts as a day used"), default=True)
    email_domains = TextAreaField(_l("E-mail domains whose employees may ask to join (one per line)"),
                                  validators=[Optional(), Length(max=1000)])
    cost_centres = TextAreaField(_l("The employer's cost centres (one per line)"),
                                 validators=[Optional(), Length(max=3000)])

    def values(self) -> dict:
        """The service's values (cents, half-days) from the form's."""
        def cents(value):
            return int((value * 100).to_integral_value()) if value is not None else 0

        def halves(value):
            return int(value * 2) if value is not None else None

        return dict(reference=self.reference.data, starts_on=self.starts_on.data, ends_on=self.ends_on.data,
                    tacit_renewal=self.tacit_renewal.data, notice_days=self.notice_days.data,
                    all_sites=self.all_sites.data, site_ids=self.sites.data or [], kinds=self.kinds.data or [],
                    price_model=self.price_model.data, day_rate_cents=cents(self.day_rate.data),
                    half_day_rate_cents=cents(self.half_day_rate.data), seat_fee_cents=cents(self.seat_fee.data),
                    seats=self.seats.data or 0, week_cap=halves(self.week_cap.data),
                    month_cap=halves(self.month_cap.data), year_cap=halves(self.year_cap.data),
                    budget_halfdays=halves(self.budget_days.data),
                    budget_cents=cents(self.budget_euros.data) if self.budget_euros.data is not None else None,
                    past_cap=self.past_cap.data, cancel_notice_hours=self.cancel_notice_hours.data,
                    no_show_counts=self.no_show_counts.data,
                    email_domains=(self.email_domains.data or "").split(),
                    cost_centres=(self.cost_centres.data or "").splitlines())

    def fill(self, c) -> None:
        def euros(cents):
            return Decimal(cents) / 100 if cents else None

        def days(halfdays):
            return Decimal(halfdays) / 2 if halfdays is not None else None

        self.reference.data, self.starts_on.data, self.ends_on.data = c.reference, c.starts_on, c.ends_on
        self.tacit_renewal.data, self.notice_days.data, self.all_sites.data = c.tacit_renewal, c.notice_days, \
            c.all_sites
        self.sites.data, self.kinds.data, self.price_model.data = list(c.site_ids), list(c.kinds), c.price_model
        self.day_rate.data, self.half_day_rate.data = euros(c.day_rate_cents), euros(c.half_day_rate_cents)
        self.seat_fee.data, self.seats.data = euros(c.seat_fee_cents), c.seats
        self.week_cap.data, self.month_cap.data, self.year_cap.data = days(c.week_cap), days(c.month_cap), \
            days(c.year_cap)
        self.budget_days.data, self.budget_euros.data = days(c.budget_halfdays), euros(c.budget_cents)
        self.past_cap.data, self.cancel_notice_hours.data = c.past_cap, c.cancel_notice_hours
        self.no_show_counts.data, self.email_domains.data = c.no_show_counts, "\n".join(c.email_domains or [])
        self.cost_centres.data = "\n".join(c.cost_centres or [])


class StatusForm(Form):
    status = SelectField(_l("New status"), choices=list(STATUS_LABELS.items()))


class InviteForm(Form):
    email = StringField(_l("Employee's e-mail address"), validators=[DataRequired(), Email(), Length(max=254)])


class DecisionForm(Form):
    decision = SelectField(_l("Decision"), choices=[("approved", _l("Approve")), ("refused", _l("Refuse")),
                                                    ("inactive", _l("End (the employee left)"))])
    valid_until = DateField(_l("Valid until"), validators=[Optional()])
    weekdays = CheckboxesField(_l("Fixed weekdays (none: floating days)"), choices=WEEKDAY_LABELS, coerce=int)
    cost_centre = StringField(_l("Cost centre"), validators=[Optional(), Length(max=60)])


class SignedCopyForm(Form):
    signed_copy = FileField(_l("Signed copy (PDF)"), validators=[FileRequired()])


class EmptyForm(Form):
    """A button's form: only its CSRF token."""
