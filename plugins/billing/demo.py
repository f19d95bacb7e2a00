"""Billing's part of the demo data. (The Stripe emulator `make run` starts is in devtools.)"""
from __future__ import annotations


def seeded(sites, users) -> list[str]:
    from core.extensions import db
    from plugins.billing.models import ReducedRate

    student = users.get("member-3")
    if student is not None and db.session.get(ReducedRate, student.id) is None:
        db.session.add(ReducedRate(member_id=student.id, category="student", granted_by_id=users["admin"].id))
    return ["", "Payments: test card 4242 4242 4242 4242 (any future date, any CVC); "
            f"{student.email if student else 'member 3'} has reduced prices (student)."]
