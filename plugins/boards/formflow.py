"""One way for the boards' form pages to act: a valid form runs its action and commits; a rule's
refusal is shown on the form again (rolled back, with its status)."""
from __future__ import annotations

from core.errors import DomainError
from core.extensions import db


def handle(form, action):
    """`(done, result, status)`: `done` when the form was valid and the action committed."""
    if not form.is_submitted():
        return False, None, 200
    if not form.validate():
        return False, None, 422
    try:
        result = action()
    except DomainError as error:
        db.session.rollback()
        form.form_errors.append(error.message)
        return False, None, error.status
    db.session.commit()
    return True, result, 200
