"""Conventions' JSON API: a référent's conventions (an administrator's: all) and their usage."""
from __future__ import annotations

from decimal import Decimal

from flask import Blueprint, g, jsonify, request

from core.api.base import token_required
from core.api.openapi import error_responses, ok
from core.timeutil import today_at

from . import service, statements

api = Blueprint("conventions_api", __name__, url_prefix="/api/v1")


def _days(halfdays) -> float | None:
    return float(Decimal(halfdays) / 2) if halfdays is not None else None


def convention_json(c) -> dict:
    return {"id": c.id, "reference": c.reference, "status": c.status,
            "partner": {"id": c.partner.id, "name": c.partner.name, "siret": c.partner.siret},
            "sites": "all" if c.all_sites else list(c.site_ids or []), "kinds": list(c.kinds or []),
            "starts_on": c.starts_on.isoformat(), "ends_on": c.ends_on.isoformat(), "price_model": c.price_model,
            "caps": {"week_days": _days(c.week_cap), "month_days": _days(c.month_cap),
                     "year_days": _days(c.year_cap), "budget_days": _days(c.budget_halfdays),
                     "budget_cents": c.budget_cents}, "past_cap": c.past_cap,
            "cost_centres": list(c.cost_centres or []), "signed_copy": bool(c.signed_copy)}


@api.get("/conventions")
@token_required
def list_conventions():
    return jsonify([convention_json(c) for c in service.conventions_visible_to(g.api_user)])


@api.get("/conventions/<int:convention_id>/usage")
@token_required
def convention_usage(convention_id):
    from flask import current_app

    convention = service.convention_for(g.api_user, convention_id)  # 404 when not theirs
    report = statements.usage(convention, request.args.get("month") or None,
                              today_at(current_app.config["TERRITORY"].territory.timezone))
    return jsonify({"convention": convention.id, "month": report.month, "days": float(report.days),
                    "by_employee": [{"employee": n, "days": _days(h)} for n, h in report.by_employee.items()],
                    "by_site": [{"site": n, "days": _days(h)} for n, h in report.by_site.items()],
                    "by_cost_centre": [{"cost_centre": n, "days": _days(h), "amount_cents": cents}
                                       for n, (h, cents) in report.by_cost_centre.items()],
                    "lines": [{"employee": line.employee, "day": line.day.isoformat(), "site": line.site,
                               "kind": line.kind, "days": _days(line.halfdays), "amount_cents": line.amount_cents,
                               "cost_centre": line.cost_centre}
                              for line in report.lines],
                    "total_ht_cents": report.total_ht_cents, "total_ttc_cents": report.total_ttc_cents})


CONVENTION = {"type": "object", "required": ["id", "reference", "status", "partner", "sites", "caps"],
              "properties": {"id": {"type": "integer"}, "reference": {"type": "string"},
                             "status": {"type": "string"}, "partner": {"type": "object"},
                             "sites": {"oneOf": [{"type": "string"}, {"type": "array",
                                                                       "items": {"type": "integer"}}]},
                             "kinds": {"type": "array", "items": {"type": "string"}},
                             "starts_on": {"type": "string", "format": "date"},
                             "ends_on": {"type": "string", "format": "date"},
                             "price_model": {"type": "string"}, "caps": {"type": "object"},
                             "past_cap": {"type": "string"},
                             "cost_centres": {"type": "array", "items": {"type": "string"}},
                             "signed_copy": {"type": "boolean", "description": "its signed copy is stored"}}}
USAGE = {"type": "object", "required": ["convention", "month", "days", "by_employee", "by_site", "lines"],
         "properties": {"convention": {"type": "integer"}, "month": {"type": "string"},
                        "days": {"type": "number"}, "by_employee": {"type": "array"},
                        "by_site": {"type": "array"}, "by_cost_centre": {"type": "array"},
                        "lines": {"type": "array"},
                        "total_ht_cents": {"type": "integer"}, "total_ttc_cents": {"type": "integer"}}}

OPENAPI = {
    "schemas": {"Convention": CONVENTION, "ConventionUsage": USAGE},
    "paths": {
        "/conventions": {"get": {
            "summary": "The caller's conventions (a référent: their partner's; an administrator: all)",
            "operationId": "listConventions",
            "responses": {**ok({"type": "array", "items": {"$ref": "#/components/schemas/Convention"}}),
                          **error_responses(401)}}},
        "/conventions/{convention_id}/usage": {"get": {
            "summary": "A convention's days in a month: per employee, per site, totals, amount",
            "operationId": "getConventionUsage",
            "parameters": [{"name": "convention_id", "in": "path", "required": True, "schema": {"type": "integer"}},
                           {"name": "month", "in": "query", "required": False,
                            "schema": {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"}}],
            "responses": {**ok({"$ref": "#/components/schemas/ConventionUsage"}),
                          **error_responses(400, 401, 404)}}},
    },
}
