"""Billing forms: each lists its fields, so posting a price or a member id changes nothing."""
from flask_babel import lazy_gettext as _l
from wtforms import EmailField, HiddenField, IntegerField, SelectField, StringField
from wtforms.validators import (DataRequired, Email, InputRequired, Length, NumberRange, Optional, Regexp,
                                ValidationError)

from core.forms import DecimalField, Form

METHODS = [("cash", _l("Cash")), ("cheque", _l("Cheque")), ("transfer", _l("Bank transfer"))]
ORDER_STATUSES = {"pending": _l("awaiting payment"), "paid": _l("paid"), "failed": _l("payment failed"),
                  "expired": _l("expired"), "cancelled": _l("cancelled"), "refunded": _l("refunded")}
CATEGORIES = [("job_seeker", _l("Job seeker")), ("student", _l("Student"))]


class BuyForm(Form):
    product = HiddenField(validators=[DataRequired()])
    discount_code = StringField(_l("Discount code"), validators=[Optional(), Length(max=40)])


class PayForm(Form):
    """Only the CSRF token: what is paid comes from the booking, never from the form."""


class OnSitePaymentForm(Form):
    email = EmailField(_l("Member's e-mail address"), validators=[DataRequired(), Email()])
    product = SelectField(_l("Product"), validators=[DataRequired()])
    quantity = IntegerField(_l("Quantity"), default=1, validators=[InputRequired(), NumberRange(min=1, max=100)])
    method = SelectField(_l("Payment method"), choices=METHODS, validators=[DataRequired()])
    # Made when the page is shown, kept when it comes back with an error: the same form sent
    # twice records one payment (`desk.record_at_desk`).
    key = HiddenField(validators=[Optional(), Regexp(r"^[A-Za-z0-9_-]{16,64}$")])


class MarkPaidForm(Form):
    method = SelectField(_l("Payment method"), choices=METHODS, validators=[DataRequired()])


class RefundForm(Form):
    amount = DecimalField(_l("Amount to refund, including VAT (empty: all that is left)"), places=2,
                          validators=[Optional(), NumberRange(min=0.01)])
    reason = StringField(_l("Reason"), validators=[DataRequired(), Length(max=200)])
    to = SelectField(_l("Refund as"), choices=[("card", _l("Money (card or original means)")),
                                               ("credits", _l("Credits"))], validators=[DataRequired()])
    # Set by the confirmation page's button only: the row's form asks, this one refunds.
    confirmed = HiddenField()


class ReducedRateForm(Form):
    email = EmailField(_l("Member's e-mail address"), validators=[DataRequired(), Email()])
    category = SelectField(_l("Eligible as"), choices=CATEGORIES, validators=[DataRequired()])


def _siret(form, field):
    from stdnum.fr import siret

    if field.data and not siret.is_valid(field.data):
        raise ValidationError(_l("This is not a valid SIRET number (14 digits)."))


def _vat_number(form, field):
    from stdnum.eu import vat

    if field.data and not vat.is_valid(field.data):
        raise ValidationError(_l("This is not a valid EU VAT number (e.g. FR44732829320)."))


def _compact(value):
    return "".join((value or "").split()).upper() or None


class CustomerForm(Form):
    """A business customer's invoicing details: printed on their next invoices."""

    # autocomplete: the browser fills in what it knows of the person's company (WCAG 1.3.5).
    company_name = StringField(_l("Company name"), validators=[DataRequired(), Length(max=200)],
                               render_kw={"autocomplete": "organization"})
    address = StringField(_l("Street address"), validators=[DataRequired(), Length(max=300)],
                          render_kw={"autocomplete": "address-line1"})
    postcode = StringField(_l("Postcode"), validators=[DataRequired(), Length(max=12)],
                           render_kw={"autocomplete": "postal-code"})
    city = StringField(_l("City"), validators=[DataRequired(), Length(max=120)],
                       render_kw={"autocomplete": "address-level2"})
    siret = StringField(_l("SIRET"), filters=[_compact], validators=[Optional(), _siret],
                        description=_l("14 digits; or give a VAT number."))
    vat_number = StringField(_l("VAT number"), filters=[_compact], validators=[Optional(), _vat_number])

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if ok and not (self.siret.data or self.vat_number.data):
            self.siret.errors = list(self.siret.errors) + [_l("Give the company's SIRET or its VAT number.")]
            return False
        return ok


class ForgetCustomerForm(Form):
    """Only the CSRF token: invoices are made out to the member again."""
