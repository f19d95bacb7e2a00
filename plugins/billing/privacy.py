"""A member erasing their account: invoices stay (legal retention), detached from the person.

The client's name and address were copied onto each invoice when it was issued, as the law
requires; only the link to the account goes. Orders lose their link and contact copy too.
"""
from __future__ import annotations

from sqlalchemy import delete, update

from core.extensions import db
from plugins.billing.models import CreditEntry, Invoice, Order, ReducedRate, Subscription


def detach(user) -> None:
    db.session.execute(update(Invoice).where(Invoice.member_id == user.id).values(member_id=None))
    db.session.execute(update(Order).where(Order.member_id == user.id).values(member_id=None, client_email=""))
    db.session.execute(update(Subscription).where(Subscription.member_id == user.id).values(member_id=None))
    db.session.execute(delete(ReducedRate).where(ReducedRate.member_id == user.id))
    db.session.execute(delete(CreditEntry).where(CreditEntry.member_id == user.id, CreditEntry.grant_id.is_not(None)))
    db.session.execute(delete(CreditEntry).where(CreditEntry.member_id == user.id))
