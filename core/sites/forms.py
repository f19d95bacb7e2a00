"""Site forms: the site itself (with a week of opening hours) and closures."""
import re

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import (BooleanField, DateField, EmailField, FloatField, SelectField, SelectMultipleField,
                     StringField, TextAreaField, widgets)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional, Regexp, ValidationError

from core.forms import Form
from core.sites.service import SiteError, check_closure_dates, parse_hours
from core.timeutil import is_time_zone

WEEKDAYS = [_l("Monday"), _l("Tuesday"), _l("Wednesday"), _l("Thursday"), _l("Friday"), _l("Saturday"),
            _l("Sunday")]
AMENITY_LABELS = {
    "wifi": _l("Wi-Fi"), "coffee": _l("Coffee"), "kitchen": _l("Kitchen"),
    "restaurant_nearby": _l("Restaurant nearby"), "parking": _l("Parking"),
    "step_free_access": _l("Step-free access"), "videoconference": _l("Videoconference"),
    "printer": _l("Printer"), "bike_parking": _l("Bike parking"), "public_transport": _l("Public transport"),
}
KIND_LABELS = {"telecentre": _l("Telecentre"), "coworking": _l("Coworking space")}


class CheckboxesField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def _valid_hours(form, field):
    try:
        parse_hours(field.data)
    except SiteError as exc:
        raise ValidationError(str(exc)) from None


def _valid_timezone(form, field):
    if not is_time_zone(field.data or ""):
        raise ValidationError(_l("Unknown time zone."))


def _known_departement(form, field):
    """A département of metropolitan France or Corsica (the communes' reference data), or an
    overseas one (971-976): "99" or "00" look like codes and are none."""
    from core.geo import departements

    code = field.data or ""
    if code not in departements() and not re.fullmatch(r"97[1-6]", code):
        raise ValidationError(_l("A département code such as 12."))


class SiteForm(Form):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=160)])
    slug = StringField(_l("Address name (in links)"), validators=[
        DataRequired(), Length(max=80),
        Regexp(r"^[a-z0-9]+(-[a-z0-9]+)*$", message=_l("Lower-case letters, digits and dashes only."))])
    kind = SelectField(_l("Kind"), choices=list(KIND_LABELS.items()))
    host_organisation = StringField(_l("Host organisation"), validators=[Optional(), Length(max=160)])
    address = StringField(_l("Street address"), validators=[DataRequired(), Length(max=255)])
    postcode = StringField(_l("Postcode"), validators=[DataRequired(), Regexp(r"^\d{5}$",
                                                                                message=_l("Five digits."))])
    commune = StringField(_l("Commune"), validators=[DataRequired(), Length(max=120)])
    departement = StringField(_l("Département"), validators=[
        DataRequired(), _known_departement])
    # Blank: the commune's centre (few managers know their coordinates). 0 is a place: Optional
    # only passes a blank field, never "0".
    latitude = FloatField(_l("Latitude"), validators=[Optional(), NumberRange(-90, 90)],
                          description=_l("Leave empty to use the centre of the commune."))
    longitude = FloatField(_l("Longitude"), validators=[Optional(), NumberRange(-180, 180)],
                           description=_l("Leave empty to use the centre of the commune."))
    timezone = StringField(_l("Time zone"), default="Europe/Paris",
                           validators=[DataRequired(), Length(max=64), _valid_timezone])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=5000)])
    amenities = CheckboxesField(_l("Amenities"), choices=list(AMENITY_LABELS.items()))
    contact_email = EmailField(_l("Contact e-mail"), validators=[Optional(), Email(), Length(max=254)])
    contact_phone = StringField(_l("Contact phone"), validators=[Optional(), Length(max=30)])
    closed_on_public_holidays = BooleanField(_l("Closed on public holidays"), default=True)
    is_published = BooleanField(_l("Shown on the public list of sites"), default=True)


    def validate_commune(self, field):
        """A commune of the département, by its name in the reference data (accents, hyphens and
        "St" free): a typo would put the site on no map and at no distance from anyone. A
        département the data does not list (975) is taken as typed."""
        from core import geo

        found = self.commune_found()
        if found is None and self.departement.data in geo.communes_departements():
            raise ValidationError(_l("No commune of this name in département %(code)s. Check the spelling.",
                                     code=self.departement.data))

    def commune_found(self):
        """The reference data's commune the form names, or None."""
        from core import geo

        key = geo.normalise(self.commune.data or "")
        code = (self.departement.data or "").strip().upper()
        return next((c for c in geo.resolve(f"{self.commune.data} ({code})", limit=50)
                     if geo.normalise(c.name) == key and c.departement == code), None) if key else None

    def validate(self, extra_validators=None):
        if not super().validate(extra_validators):
            return False
        if self.latitude.data is None or self.longitude.data is None:
            found = self.commune_found()
            if found is None:
                self.latitude.errors = [*self.latitude.errors, _l(
                    "Give the latitude and the longitude: this commune is not in the reference data.")]
                return False
            self.latitude.data, self.longitude.data = found.latitude, found.longitude
        return True


for _day, _label in enumerate(WEEKDAYS):
    setattr(SiteForm, f"hours_{_day}", StringField(
        _label, validators=[Optional(), Length(max=100), _valid_hours],
        description=_l("For example 08:30-12:30, 13:30-18:00; empty when closed.")))


class PhotoForm(Form):
    photo = FileField(_l("Photo (JPEG, PNG or WebP, up to 8 MB)"), validators=[FileRequired()])
    alt_text = StringField(_l("What the photo shows"), validators=[DataRequired(), Length(max=200)],
                           description=_l("Read out to people who cannot see the photo."))


class ClosureForm(Form):
    starts_on = DateField(_l("First day"), validators=[DataRequired()])
    ends_on = DateField(_l("Last day"), validators=[DataRequired()])
    reason = StringField(_l("Reason"), validators=[Optional(), Length(max=200)],
                         description=_l("Told to the members whose bookings the closure cancels."))

    def validate_ends_on(self, field):
        # Said beside the last day, with what was typed kept (a flash after a redirect lost it).
        if self.starts_on.data and field.data:
            try:
                check_closure_dates(self.starts_on.data, field.data)
            except SiteError as exc:
                raise ValidationError(str(exc)) from None
