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


def partner_names() -> dict[int, str]:
    """Every partner's name by id, by name."""
    return {p.id: p.name for p in db.session.scalars(select(Partner).order_by(Partner.name, Partner.id))}
