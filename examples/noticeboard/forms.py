"""Noticeboard's forms: each lists its fields (no mass assignment)."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from .service import MAX_LENGTH


class NoteForm(FlaskForm):
    text = TextAreaField(_l("Your note"), validators=[DataRequired(), Length(max=MAX_LENGTH)])
