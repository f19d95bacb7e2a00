"""The boards' JSON API: live posts. Without a token, the public kinds only (job offers,
skills wanted, activities to take over); with the bearer token of an approved recruiter, a
welcome officer or the admin, spouse profiles too. Expired and unchecked posts never."""
from __future__ import annotations

import re

from flask import Blueprint, jsonify, request
from flask_babel import gettext as _

from core import geo
from core.api.base import ApiError, optional_token_user
from core.api.openapi import error_responses, ok
from core.urls import external_url

from . import posts, vocabulary
from .models import KINDS, SPOUSE_PROFILE

api = Blueprint("boards_api", __name__, url_prefix="/api/v1")
ROME = re.compile(r"^[A-Z0-9]{1,12}$")


def _caller():
    return optional_token_user()


def as_dict(post) -> dict:
    data = {"id": post.id, "kind": post.kind, "title": post.title, "description": post.description,
            "codes": vocabulary.labelled(posts.codes_of(post)),
            "communes": [{"code": c.code, "name": c.name, "departement": c.departement}
                         for c in posts.communes_of(post)],
            "ends_on": post.ends_on.isoformat(),
            "published_at": post.published_at.isoformat() if post.published_at else None,
            "url": external_url("boards.show", post_id=post.id)}
    if post.kind != SPOUSE_PROFILE:
        data.update(organisation=post.organisation, employment_type=post.employment_type,
                    headcount=post.headcount, source_url=post.source_url or None, reason=post.reason)
    return data


@api.get("/boards/posts")
def list_posts():
    viewer = _caller()
    kind = request.args.get("kind", "")
    if kind and kind not in KINDS:
        raise ApiError(400, _("Unknown kind: use one of %(kinds)s.", kinds=", ".join(KINDS)), "bad_request")
    rome = request.args.get("rome", "").strip().upper()
    if rome and not (ROME.match(rome) and vocabulary.known(rome)):  # docs/boards.md: an unknown code, 400
        raise ApiError(400, _("Unknown ROME code: %(code)s.", code=rome[:20]), "bad_request")
    commune_text = request.args.get("commune", "").strip()
    commune = None
    if commune_text:
        found = geo.resolve(commune_text, limit=1)
        if not found:
            raise ApiError(400, _("Unknown commune: %(name)s.", name=commune_text[:60]), "bad_request")
        commune = found[0].code
    found = posts.listing(viewer, kind=kind or None, rome=rome or None, commune=commune)
    return jsonify({"total": len(found), "posts": [as_dict(p) for p in found]})


POST = {"type": "object", "required": ["id", "kind", "title", "codes", "communes", "ends_on", "url"],
        "properties": {"id": {"type": "integer"}, "kind": {"type": "string", "enum": list(KINDS)},
                       "title": {"type": "string"}, "description": {"type": "string"},
                       "codes": {"type": "array", "items": {"type": "object"}},
                       "communes": {"type": "array", "items": {"type": "object"}},
                       "ends_on": {"type": "string", "format": "date"},
                       "published_at": {"type": ["string", "null"]}, "url": {"type": "string"},
                       "organisation": {"type": "string"}, "employment_type": {"type": "string"},
                       "headcount": {"type": ["integer", "null"]}, "source_url": {"type": ["string", "null"]},
                       "reason": {"type": "string"}}}


def _param(name, description):
    return {"name": name, "in": "query", "required": False, "description": description, "schema": {"type": "string"}}


OPENAPI = {
    "schemas": {"BoardsPost": POST},
    "paths": {"/boards/posts": {"get": {
        "summary": "Live board posts: public kinds for everyone; spouse profiles only with the token of an "
                   "approved recruiter, a welcome officer or the territory admin",
        "operationId": "listBoardPosts",
        "security": [{}, {"bearer": []}],
        "parameters": [_param("kind", "job_offer, skill_wanted, activity or spouse_profile"),
                       _param("rome", "A ROME job (J1404), domain (J14) or skill code_ogr: the narrower ones too"),
                       _param("commune", "A commune: INSEE code or name")],
        "responses": {**ok({"type": "object", "required": ["total", "posts"],
                            "properties": {"total": {"type": "integer"},
                                           "posts": {"type": "array",
                                                     "items": {"$ref": "#/components/schemas/BoardsPost"}}}}),
                      **error_responses(400, 401)}}}},
}
