"""The directory's JSON API: listed profiles with the fields each chose to show, never an
e-mail address."""
from __future__ import annotations

from flask import Blueprint, g, jsonify, request

from core.api.base import token_required
from core.api.openapi import error_responses, ok
from core.plugins import plugin_config

from . import profiles
from .search import PAGE_SIZE, search
from .views import parse_query

api = Blueprint("directory_api", __name__, url_prefix="/api/v1")


@api.get("/directory")
@token_required
def list_profiles():
    query, _what = parse_query(request.args)
    results = search(query, g.api_user, plugin_config("directory").default_radius_km)
    items = []
    for profile in results.profiles:
        card = profiles.card(profile)
        if profile.id in results.distances:
            card["distance_km"] = round(results.distances[profile.id], 1)
        items.append(card)
    return jsonify({"total": results.total, "page": results.page, "page_size": PAGE_SIZE, "profiles": items})


PROFILE = {"type": "object", "required": ["id", "name", "contactable"],
           "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "contactable": {"type": "boolean"},
                          "job": {"type": "object"}, "organisation": {"type": "object"}, "bio": {"type": "string"},
                          "skills": {"type": "array", "items": {"type": "object"}},
                          "commune": {"type": "object"}, "sites": {"type": "array", "items": {"type": "object"}},
                          "available": {"type": "boolean"}, "links": {"type": "array", "items": {"type": "string"}},
                          "distance_km": {"type": "number"}}}


def _param(name, description, schema=None):
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema or {"type": "string"}}


OPENAPI = {
    "schemas": {"DirectoryProfile": PROFILE},
    "paths": {"/directory": {"get": {
        "summary": "Listed profiles, with the fields each member chose to show (never an e-mail address)",
        "operationId": "searchDirectory",
        "parameters": [_param("q", "Free text (every word, as a prefix; accents ignored)"),
                       _param("skill", "A ROME skill or macro-skill code_ogr (a macro-skill finds its skills)"),
                       _param("job", "A ROME job (M1203), professional domain (M12) or grand domain (M)"),
                       _param("commune", "A commune: INSEE code or name"),
                       _param("radius", "Kilometres around the commune", {"type": "integer", "minimum": 1}),
                       _param("site", "A site's slug"),
                       _param("available", "1: available for assignments only"),
                       _param("page", "Page number, from 1", {"type": "integer", "minimum": 1})],
        "responses": {**ok({"type": "object", "required": ["total", "page", "profiles"],
                            "properties": {"total": {"type": "integer"}, "page": {"type": "integer"},
                                           "page_size": {"type": "integer"},
                                           "profiles": {"type": "array",
                                                        "items": {"$ref": "#/components/schemas/DirectoryProfile"}}}}),
                      **error_responses(400, 401)}}}},
}
