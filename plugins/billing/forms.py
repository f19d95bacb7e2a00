"""Billing forms: each lists its fields, so posting a price or a member id changes nothing."""
from flask_babel import lazy_gettext as _l
from wtforms import DecimalField, EmailField, HiddenField, IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional

from core.forms import Form

METHODS = [("cash", _l("Cash")), ("cheque", _l("Cheque")), ("transfer", _l("Bank transfer"))]
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


class MarkPaidForm(Form):
    method = SelectField(_l("Payment method"), choices=METHODS, validators=[DataRequired()])


class RefundForm(Form):
    amount = DecimalField(_l("Amount to refund, including VAT (empty: all that is left)"), places=2,
                          validators=[Optional(), NumberRange(min=0.01)])
    reason = StringField(_l("Reason"), validators=[DataRequired(), Length(max=200)])
    to = SelectField(_l("Refund as"), choices=[("card", _l("Money (card or original means)")),
                                               ("credits", _l("Credits"))], validators=[DataRequired()])


class ReducedRateForm(Form):
    email = EmailField(_l("Member's e-mail address"), validators=[DataRequired(), Email()])
    category = SelectField(_l("Eligible as"), choices=CATEGORIES, validators=[DataRequired()])
