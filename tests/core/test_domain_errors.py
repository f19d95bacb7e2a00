"""One domain error: a refusal raised by a rule answers with its status and message, as a page
or as JSON under /api/."""
from __future__ import annotations

import pytest
from flask import Blueprint

from core.extensions import db
from core.api.base import ApiError
from core.errors import Conflict, DomainError, Forbidden, NotFound
from core.hookspecs import hookimpl
from core.modules import service
from core.plugins import Module
from plugins.billing.errors import BillingError
from plugins.booking.errors import BookingError, NotAllowed, SlotTaken
from plugins.booking.errors import NotFound as BookingNotFound

ERRORS = {
    "plain": DomainError("Refused."),
    "coded": DomainError("Refused.", "too_late", status=400),
    "missing": NotFound("No such thing."),
    "taken": SlotTaken("Someone was faster."),
    "billing": BillingError("Nothing to pay.", status=409),
}
pages = Blueprint("refusals", __name__, url_prefix="/refusals")
api = Blueprint("refusals_api", __name__, url_prefix="/api/v1/refusals")


def _refuse(kind):
    raise ERRORS[kind]


pages.add_url_rule("/<kind>", "refuse", _refuse)
api.add_url_rule("/<kind>", "refuse", _refuse)


class Refusals:
    MODULE = Module(name="refusals", label="Refusals")
    PLUGIN_PACKAGE = None

    @hookimpl
    def blueprints(self):
        return [pages, api]


EXTRA_PLUGINS = (Refusals(),)


def test_errors_derive_from_the_one_domain_error():
    assert (SlotTaken.status, SlotTaken.code) == (409, "slot_taken")
    assert issubclass(SlotTaken, Conflict) and issubclass(SlotTaken, BookingError)
    assert issubclass(BookingNotFound, NotFound) and BookingNotFound.status == 404
    assert issubclass(NotAllowed, Forbidden) and NotAllowed.status == 403
    error = BillingError("No.", "not_held", status=409)
    assert (error.message, error.code, error.status) == ("No.", "not_held", 409)
    assert (BookingError("No.").status, BookingError("No.").code) == (422, "invalid")
    assert isinstance(ApiError(415, "JSON please."), DomainError) and ApiError(415, "x").code == "unsupported_media_type"
    with pytest.raises(TypeError):
        BillingError("No.", 409)  # the old shape: the status must be named


@pytest.mark.parametrize("kind, status, code", [
    ("plain", 422, "invalid"), ("coded", 400, "too_late"), ("missing", 404, "not_found"),
    ("taken", 409, "slot_taken"), ("billing", 409, "bad_request"),
])
def test_a_refusal_answers_its_status_as_a_page_and_as_json(app, client, kind, status, code):
    with app.test_request_context():
        service.set_enabled("refusals", True)
        db.session.commit()
    page = client.get(f"/refusals/{kind}", headers={"Referer": "http://tierslieux.test/sites"})
    assert page.status_code == status
    html = page.get_data(as_text=True)
    assert ERRORS[kind].message in html and 'href="http://tierslieux.test/sites"' in html
    answer = client.get(f"/api/v1/refusals/{kind}")
    assert answer.status_code == status
    assert answer.get_json() == {"error": {"code": code, "message": ERRORS[kind].message}}


def test_a_back_link_never_leads_off_site(app, client):
    with app.test_request_context():
        service.set_enabled("refusals", True)
        db.session.commit()
    page = client.get("/refusals/plain", headers={"Referer": "https://evil.example/"})
    assert "evil.example" not in page.get_data(as_text=True)
