"""Reduced prices (students, job seekers...): who may grant them to whom.

Nobody grants a rate to themselves. The territory's administrator grants it to anyone; a site
manager only to a member of their site, meaning someone who has booked or bought there (a
booking or an order at that site). Every grant is audited.
"""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from core import audit
from core.accounts.models import User
from core.db import lock_row
from core.extensions import db
from plugins.billing.errors import BillingError
from plugins.billing.models import Order, ReducedRate
from plugins.booking import has_booked_at


def is_site_member(member_id: int, site_id: int) -> bool:
    """The member has booked or bought at the site."""
    bought = db.session.scalar(select(Order.id).where(Order.member_id == member_id, Order.site_id == site_id)
                               .limit(1))
    return bought is not None or has_booked_at(member_id, site_id)


def grant_reduced_rate(actor, site, member, category: str) -> ReducedRate:
    """Grant (or change) a member's reduced prices; flushed, audited.

    :raises BillingError: a grant to oneself, or a site manager granting it to someone who is
        not a member of their site (403).
    """
    if member.id == actor.id:
        raise BillingError(_("Nobody can grant reduced prices to themselves: ask another manager."), status=403)
    if not actor.is_territory_admin and not is_site_member(member.id, site.id):
        raise BillingError(_("This person has never booked nor bought at %(site)s: only the territory's "
                             "administrator can grant them reduced prices.", site=site.name), status=403)
    lock_row(User, member.id)  # two tabs or two managers at once: one row, not a unique-key 500
    row = db.session.get(ReducedRate, member.id) or ReducedRate(member_id=member.id)
    row.category, row.granted_by_id = category, actor.id
    db.session.add(row)
    db.session.flush()
    audit.record(actor, "billing.reduced_rate", f"user:{member.id}", category=category, site=site.slug)
    return row
