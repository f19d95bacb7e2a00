"""Administration forms."""
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, SelectField, SelectMultipleField, widgets
from wtforms.validators import AnyOf, DataRequired

from core.forms import Form
from core.accounts.roles import ROLES


class ToggleForm(Form):
    """One switch; the module and site come from the URL, the wanted state from the button."""

    enabled = HiddenField(validators=[AnyOf(["on", "off"])])
    # "yes" from the confirmation page only: switching off without it shows that page first.
    confirm = HiddenField()


class UserRoleForm(Form):
    role = SelectField(_l("Role"), choices=list(ROLES.items()), validators=[DataRequired()])
    sites = SelectMultipleField(_l("Sites managed"), coerce=int, widget=widgets.ListWidget(prefix_label=False),
                                option_widget=widgets.CheckboxInput())
