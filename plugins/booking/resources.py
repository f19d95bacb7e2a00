"""Managing a site's resources: create, edit, retire (never delete a resource with history)."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from core import audit
from core.db import utcnow
from core.extensions import db
from plugins.booking.errors import BookingError
from plugins.booking.models import KINDS, Resource

FIELDS = ("kind", "name", "group_name", "seats", "equipment", "accessible", "photos", "description",
          "approval_required")


def resources_of(site, include_retired=False) -> list[Resource]:
    query = select(Resource).where(Resource.site_id == site.id)
    if not include_retired:
        query = query.where(Resource.retired_at.is_(None))
    return db.session.scalars(query.order_by(Resource.kind, Resource.group_name, Resource.name)).all()


def save_resource(site, actor, resource: Resource | None = None, **values) -> Resource:
    """Create a resource at a site, or edit one of its resources, from the listed fields only."""
    if values.get("kind", getattr(resource, "kind", None)) not in KINDS:
        raise BookingError(_("Choose a kind of resource."))
    if not (values.get("name") or getattr(resource, "name", "")).strip():
        raise BookingError(_("Give the resource a name."))
    created = resource is None
    if created:
        resource = Resource(site_id=site.id)
        db.session.add(resource)
    elif resource.site_id != site.id:
        raise BookingError(_("There is no such resource."))
    for name in FIELDS:
        if name in values:
            setattr(resource, name, values[name])
    db.session.flush()
    audit.record(actor, "booking.resource_created" if created else "booking.resource_updated",
                 f"site:{site.slug}", resource=resource.id)
    return resource


def retire_resource(site, resource: Resource, actor) -> None:
    """Stop offering a resource; its bookings and history stay."""
    if resource.site_id != site.id:
        raise BookingError(_("There is no such resource."))
    resource.retired_at = resource.retired_at or utcnow()
    audit.record(actor, "booking.resource_retired", f"site:{site.slug}", resource=resource.id)
    db.session.flush()


# `tierslieux sites import`: the `desks` and `rooms` columns (core.hookspecs.site_import_columns)
# Named in the territory's language ("Salle 1", ...): msgids the catalogue already has.
IMPORT_COLUMNS = {"desks": ("desk", _l("Desk")), "rooms": ("room", _l("Room"))}


def _count(text: str) -> int:
    text = (text or "").strip()
    if not text:
        return 0
    if not (text.isascii() and text.isdigit()) or int(text) > 200:
        raise ValueError("a whole number of resources, from 0 to 200")
    return int(text)


def import_column(kind: str, label: str):
    """A site has at least N active resources of `kind` (named "<label> 1", ...): the missing ones
    are created, none is retired (a re-import changes nothing)."""
    def check(text: str):
        wanted = _count(text)

        def apply(site) -> None:
            have = [r for r in resources_of(site) if r.kind == kind]
            names, label_text = {r.name for r in have}, str(label)
            number = 0
            for _missing in range(wanted - len(have)):
                number += 1
                while f"{label_text} {number}" in names:
                    number += 1
                save_resource(site, None, kind=kind, name=f"{label_text} {number}")
        return apply
    return check


def import_columns() -> dict:
    return {column: import_column(kind, label) for column, (kind, label) in IMPORT_COLUMNS.items()}
