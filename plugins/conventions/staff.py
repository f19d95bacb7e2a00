"""Who works for which partner, for other plugins (an information day for a partner's staff)."""
from __future__ import annotations

from flask import current_app
from sqlalchemy import or_, select

from core.extensions import db
from core.timeutil import today_at
from plugins.conventions.models import Authorisation, Convention, Partner, Referent


def partners_of(user) -> list[int]:
    """The partners `user` works for: an approved authorisation valid today on one of their
    conventions, or a référent's account."""
    if not getattr(user, "is_authenticated", False):
        return []
    today = today_at(current_app.config["TERRITORY"].territory.timezone)
    staff = select(Convention.partner_id).join(Authorisation, Authorisation.convention_id == Convention.id).where(
        Authorisation.user_id == user.id, Authorisation.status == "approved", Authorisation.valid_from <= today,
        or_(Authorisation.valid_until.is_(None), Authorisation.valid_until >= today))
    referents = select(Referent.partner_id).where(Referent.user_id == user.id)
    return sorted(set(db.session.scalars(staff)) | set(db.session.scalars(referents)))


def is_employee_of(user, partner_id) -> bool:
    return partner_id is not None and partner_id in partners_of(user)


def partner_names(sites=None) -> dict[int, str]:
    """Partners' names by id, by name: every partner; with `sites` (a site team's), only those
    a partner let anyone see (listed publicly) or working with one of them (a signed or active
    convention covering it), so a partner that chose not to be listed is named only to the
    teams of its own sites."""
    query = select(Partner).order_by(Partner.name, Partner.id)
    if sites is not None:
        site_ids = {site.id for site in sites}
        working = {partner_id for partner_id, all_sites, covered in db.session.execute(
            select(Convention.partner_id, Convention.all_sites, Convention.site_ids)
            .where(Convention.status.in_(("signed", "active"))))
            if all_sites or site_ids & set(covered or [])}
        query = query.where(or_(Partner.listed_publicly.is_(True), Partner.id.in_(working)))
    return {p.id: p.name for p in db.session.scalars(query)}
