"""The JSON API: the caller's invoices and credits (bearer token)."""
from __future__ import annotations

from flask import Blueprint, g, jsonify
from flask_babel import gettext as _
from sqlalchemy import select

from core.api.base import ApiError, token_required
from core.api.openapi import error_responses, ok
from core.extensions import db
from core.modules.service import is_enabled
from plugins.billing import credits
from plugins.billing.errors import BillingError
from plugins.billing.flows import checkout_held_booking
from plugins.billing.invoices import invoice_by_reference
from plugins.billing.models import Invoice
from plugins.billing.pdf import invoice_pdf
from plugins.booking import Booking

api = Blueprint("billing_api", __name__, url_prefix="/api/v1")


def invoice_json(invoice: Invoice) -> dict:
    return {"number": invoice.reference, "kind": invoice.kind, "issued_at": invoice.issued_at.isoformat(),
            "service_date": invoice.service_date.isoformat(), "site": invoice.site.slug,
            "total_ht_cents": invoice.total_ht_cents, "total_vat_cents": invoice.total_vat_cents,
            "total_ttc_cents": invoice.total_ttc_cents, "currency": invoice.currency,
            "lines": invoice.lines, "vat": invoice.vat_breakdown}


@api.get("/invoices")
@token_required
def list_invoices():
    rows = db.session.scalars(select(Invoice).where(Invoice.member_id == g.api_user.id)
                              .order_by(Invoice.issued_at.desc())).all()
    return jsonify([invoice_json(i) for i in rows])


def _invoice(number: str) -> Invoice:
    invoice = invoice_by_reference(g.api_user, number)
    if invoice is None:
        raise ApiError(404, _("There is no invoice with this number."), "not_found")
    return invoice


@api.get("/invoices/<number>")
@token_required
def get_invoice(number):
    return jsonify(invoice_json(_invoice(number)))


@api.get("/invoices/<number>/pdf")
@token_required
def get_invoice_pdf(number):
    invoice = _invoice(number)
    return invoice_pdf(invoice), 200, {"Content-Type": "application/pdf"}


@api.get("/credits")
@token_required
def get_credits():
    history = credits.history(g.api_user.id)
    held = credits.held(g.api_user.id)
    # "balance" counts a half-day pass's credit as one, as before; "balance_by_kind" tells them apart.
    return jsonify({"balance": credits.balance(g.api_user.id),
                    "balance_by_kind": {"days": held.days, "half_days": held.half_days},
                    "history": [{"delta": e.delta, "reason": e.reason, "at": e.created_at.isoformat(),
                                 "expires_at": e.expires_at.isoformat() if e.expires_at else None,
                                 "site": e.site.slug if e.site else None, "product": e.product_code}
                                for e in history]})


INVOICE = {"type": "object", "required": ["number", "kind", "total_ttc_cents", "currency"],
           "properties": {"number": {"type": "string"}, "kind": {"type": "string", "enum": ["invoice", "credit_note"]},
                          "issued_at": {"type": "string"}, "service_date": {"type": "string"},
                          "site": {"type": "string"}, "total_ht_cents": {"type": "integer"},
                          "total_vat_cents": {"type": "integer"}, "total_ttc_cents": {"type": "integer"},
                          "currency": {"type": "string"}, "lines": {"type": "array"}, "vat": {"type": "array"}}}
NUMBER = [{"name": "number", "in": "path", "required": True, "schema": {"type": "string"}}]

OPENAPI = {
    "schemas": {"Invoice": INVOICE,
                "Credits": {"type": "object", "required": ["balance", "history"],
                            "properties": {
                                "balance": {"type": "integer",
                                            "description": "Credits left, a half-day's counted as one"},
                                "balance_by_kind": {
                                    "type": "object", "required": ["days", "half_days"],
                                    "description": "The balance by what it pays: a whole day (or a half-day), "
                                                   "a half-day only (a half-day pass's credit)",
                                    "properties": {"days": {"type": "integer"}, "half_days": {"type": "integer"}}},
                                "history": {"type": "array"}}}},
    "paths": {
        "/invoices": {"get": {"summary": "The caller's invoices and credit notes", "operationId": "listInvoices",
                              "responses": {**ok({"type": "array", "items": {"$ref": "#/components/schemas/Invoice"}}),
                                            **error_responses(401)}}},
        "/invoices/{number}": {"get": {"summary": "One invoice", "operationId": "getInvoice", "parameters": NUMBER,
                                       "responses": {**ok({"$ref": "#/components/schemas/Invoice"}),
                                                     **error_responses(401, 404)}}},
        "/invoices/{number}/pdf": {"get": {"summary": "One invoice as PDF", "operationId": "getInvoicePdf",
                                           "parameters": NUMBER,
                                           "responses": {"200": {"description": "The PDF",
                                                                 "content": {"application/pdf": {}}},
                                                         **error_responses(401, 404)}}},
        "/credits": {"get": {"summary": "The caller's credit balance and history", "operationId": "getCredits",
                             "responses": {**ok({"$ref": "#/components/schemas/Credits"}), **error_responses(401)}}},
    },
}


@api.post("/bookings/<int:booking_id>/checkout")
@token_required
def booking_checkout(booking_id):
    """A Checkout session paying the caller's held booking: `{"url", "session_id"}`."""
    booking = db.session.get(Booking, booking_id) if 0 < booking_id < 2**31 else None
    if booking is None or booking.member_id != g.api_user.id or not is_enabled("billing", booking.resource.site):
        raise ApiError(404, _("There is no such booking."), "not_found")
    try:
        session = checkout_held_booking(booking, g.api_user)
    except BillingError as exc:
        db.session.rollback()
        # The booking is still held when payment is in progress or Stripe cannot be reached:
        # the client must not tell the member to book again.
        code = exc.code if exc.code in ("payment_processing", "payment_unavailable") else "not_held"
        raise ApiError(exc.status, str(exc), code) from None
    return jsonify({"url": session.url, "session_id": session.id}), 201


OPENAPI["paths"]["/bookings/{booking_id}/checkout"] = {"post": {
    "summary": "Pay a held booking through Stripe Checkout", "operationId": "checkoutBooking",
    "parameters": [{"name": "booking_id", "in": "path", "required": True, "schema": {"type": "integer"}}],
    "responses": {**ok({"type": "object", "required": ["url", "session_id"],
                        "properties": {"url": {"type": "string"}, "session_id": {"type": "string"}}},
                       "Checkout session", 201), **error_responses(401, 404, 409, 503)}}}
