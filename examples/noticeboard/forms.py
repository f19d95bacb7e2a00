"""Noticeboard's forms: each lists its fields (no mass assignment)."""
from flask_babel import lazy_gettext as _l
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from core.forms import Form

from .service import MAX_LENGTH


class NoteForm(Form):
    text = TextAreaField(_l("Your note"), validators=[DataRequired(), Length(max=MAX_LENGTH)])
