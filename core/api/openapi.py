"""The OpenAPI 3 document: the core's paths plus what each plugin adds through `openapi_paths`."""
from __future__ import annotations

from flask import current_app

from core.plugins import hooks

ERROR = {"type": "object", "required": ["error"], "properties": {"error": {
    "type": "object", "required": ["code", "message"],
    "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}}


def error_responses(*statuses: int) -> dict:
    descriptions = {400: "Bad request", 401: "Missing or invalid token", 403: "Forbidden",
                    404: "Not found", 409: "Conflict", 415: "Not JSON", 422: "Invalid data",
                    503: "A service it needs (Stripe) cannot be reached: try again later"}
    return {str(s): {"description": descriptions.get(s, "Error"),
                     "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            for s in statuses}


def ok(schema: dict, description: str = "OK", status: int = 200, headers: dict | None = None) -> dict:
    answer = {"description": description, "content": {"application/json": {"schema": schema}}}
    if headers:
        answer["headers"] = headers
    return {str(status): answer}


CORE = {
    "schemas": {
        "Error": ERROR,
        "Site": {"type": "object", "required": ["slug", "name", "commune", "departement", "latitude",
                                                 "longitude", "timezone"],
                 "properties": {"slug": {"type": "string"}, "name": {"type": "string"},
                                "kind": {"type": "string"}, "address": {"type": "string"},
                                "postcode": {"type": "string"}, "commune": {"type": "string"},
                                "departement": {"type": "string"}, "latitude": {"type": "number"},
                                "longitude": {"type": "number"}, "timezone": {"type": "string"},
                                "amenities": {"type": "array", "items": {"type": "string"}}}},
        "Me": {"type": "object", "required": ["id", "email", "name", "role"],
               "properties": {"id": {"type": "integer"}, "email": {"type": "string"},
                              "name": {"type": "string"}, "role": {"type": "string"},
                              "language": {"type": ["string", "null"]},
                              "managed_sites": {"type": "array", "items": {"type": "string"}}}},
    },
    "paths": {
        "/sites": {"get": {"summary": "The network's sites", "operationId": "listSites", "security": [],
                           "responses": ok({"type": "array", "items": {"$ref": "#/components/schemas/Site"}})}},
        "/modules": {"get": {"summary": "Effective module state, territory-wide and per site",
                             "operationId": "listModules", "security": [],
                             "responses": ok({"type": "array", "items": {"type": "object"}})}},
        "/me": {"get": {"summary": "The token's owner", "operationId": "getMe",
                        "responses": {**ok({"$ref": "#/components/schemas/Me"}), **error_responses(401)}}},
    },
}


def document() -> dict:
    territory = current_app.config["TERRITORY"].territory
    paths, schemas = dict(CORE["paths"]), dict(CORE["schemas"])
    for part in hooks().openapi_paths():
        if part:
            paths.update(part.get("paths", {}))
            schemas.update(part.get("schemas", {}))
    return {
        "openapi": "3.1.0",
        "info": {"title": f"Tiers-Lieux API — {territory.name}", "version": "1"},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
                       "schemas": schemas},
        "paths": paths,
    }
