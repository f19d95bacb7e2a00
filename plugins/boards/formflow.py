"""One way for the boards' form pages to act: a valid form runs its action and commits; a rule's
refusal is shown on the form again (rolled back, with its status)."""
from __future__ import annotations

from core.errors import DomainError
from core.extensions import db


def well_formed(form, names) -> dict:
    """The values of the fields among `names` that the form itself found nothing wrong with."""
    return {name: form[name].data for name in names if name in form and not form[name].errors}


def handle(form, action, problems=None):
    """`(done, result, status)`: `done` when the form was valid and the action committed.

    :param problems: called once the form is validated, gives the rules' refusals of its
        well-formed fields ({name: message}), shown beside those fields together with the
        form's own errors, so that one sending shows every error.
    """
    if not form.is_submitted():
        return False, None, 200
    valid = form.validate()
    for name, message in (problems() if problems is not None else {}).items():
        form[name].errors = [*form[name].errors, message]
        valid = False
    if not valid:
        return False, None, 422
    try:
        result = action()
    except DomainError as error:
        db.session.rollback()
        form.form_errors.append(error.message)
        return False, None, error.status
    db.session.commit()
    return True, result, 200
