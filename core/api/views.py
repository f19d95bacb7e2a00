"""The core's API endpoints: sites, modules, the caller, and the OpenAPI document."""
from flask import Blueprint, g, jsonify

from core.api import openapi
from core.api.base import token_required
from core.modules.service import is_enabled
from core.pagecache import kept_for_visitors
from core.plugins import registry
from core.sites.models import Site
from core.sites.service import published_site_rows

api = Blueprint("api", __name__, url_prefix="/api/v1")


def site_json(site: Site) -> dict:
    return {"slug": site.slug, "name": site.name, "kind": site.kind, "address": site.address,
            "postcode": site.postcode, "commune": site.commune, "departement": site.departement,
            "latitude": site.latitude, "longitude": site.longitude, "timezone": site.timezone,
            "amenities": list(site.amenities or [])}


@api.get("/sites")
@kept_for_visitors
def list_sites():
    return jsonify([site_json(site) for site in published_site_rows()])


@api.get("/modules")
def list_modules():
    sites = published_site_rows()
    out = []
    for name, module in sorted(registry().modules.items()):
        out.append({"name": name, "label": str(module.label), "scope": module.scope,
                    "requires": list(module.requires), "enabled": is_enabled(name),
                    "sites": {site.slug: is_enabled(name, site) for site in sites}})
    return jsonify(out)


@api.get("/me")
@token_required
def me():
    user = g.api_user
    return jsonify({"id": user.id, "email": user.email, "name": user.display_name, "role": user.role,
                    "language": user.locale, "managed_sites": [s.slug for s in user.managed_sites]})


@api.get("/openapi.json")
def openapi_document():
    return jsonify(openapi.document())
