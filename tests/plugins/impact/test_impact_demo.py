"""The demo's impact figures agree with its conventions: a partner's days are the days its
convention paid, each a checked-in booking. The demo credited commuters working in Cahors to the
Lot council without any booking: its convention's page said "0 % used" beside 493 days."""
from __future__ import annotations

import re

import lxml.html
from sqlalchemy import func, select

from core.extensions import db


def test_a_demo_partners_impact_days_are_the_days_its_convention_paid(app, client, runner):
    from core.demo import PASSWORD, seed
    from plugins.booking import Booking
    from plugins.conventions.models import Convention, Use
    from plugins.impact.models import ImpactDay

    assert runner.invoke(args=["modules", "enable", "conventions"]).exit_code == 0
    with app.test_request_context():
        seed()
        db.session.commit()
        conventions = db.session.scalars(select(Convention).order_by(Convention.id)).all()
        assert len(conventions) == 2
        for convention in conventions:
            used = db.session.scalars(select(Use).where(Use.convention_id == convention.id,
                                                        Use.status == "counted")).all()
            days = db.session.scalars(select(ImpactDay).where(ImpactDay.partner_id == convention.partner_id)).all()
            assert sum(u.halfdays for u in used) == 2 * len(days), convention.reference
            assert {d.booking_id for d in days} == {u.booking_id for u in used}
            for day in days:  # each a booking checked in, paid by this convention, that day
                booking = db.session.get(Booking, day.booking_id)
                assert booking.status == "checked_in" and booking.checked_in_at is not None
                assert booking.payer_reference == f"convention:{convention.id}" and day.counted
        lot = next(c for c in conventions if c.reference.startswith("CD46"))
        lot_id, lot_days = lot.id, db.session.scalar(select(func.count()).select_from(ImpactDay).where(
            ImpactDay.partner_id == lot.partner_id))
        assert lot_days > 100  # six agents, once a week since January
        # Nothing is credited to a partner without its convention: every other day pays itself.
        assert db.session.scalar(select(func.count()).select_from(ImpactDay).where(
            ImpactDay.partner_id != 0, ImpactDay.booking_id == 0)) == 0

    # The référent reads the same days on the convention's page, in both of its figures.
    assert client.post("/login", data={"email": "referent.lot@demo.tierslieux.fr",
                                       "password": PASSWORD}).status_code == 303
    page = client.get(f"/conventions/{lot_id}", headers={"Accept-Language": "fr"})
    tree = lxml.html.fromstring(page.get_data(as_text=True))
    text = tree.text_content()
    used_share = int(re.search(r"Budget consommé : (\d+)", text).group(1))
    assert used_share == round(100 * lot_days * 2 / lot.budget_halfdays) > 0
    [impact_days] = tree.xpath('//dl[@id="impact-partner-totals"]/dd[@data-figure="days"]')
    assert int(re.sub(r"\D", "", impact_days.text_content())) == lot_days
