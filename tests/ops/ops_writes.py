"""Writes a demo receives: members buying a bundle at the desk (an invoice and credits) and
booking desks with those credits, each committed; the ids of what committed are kept."""
from __future__ import annotations

import threading
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from core.accounts.models import User
from core.errors import DomainError
from core.extensions import db
from core.sites.service import site_by_slug
from core.timeutil import today_at
from plugins.billing.desk import desk_order
from plugins.billing.fulfilment import record_paid_on_site
from plugins.billing.models import CreditEntry
from plugins.billing.products import quote
from plugins.booking.service import book_any

SITE = "figeac-maison-emploi"
PERIODS = [(time(8, 30), time(12, 30)), (time(13, 30), time(18, 0))]


class Committed:
    """What the writers committed, in order: ("booking" | "invoice" | "credit", id)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.items: list[tuple[str, int]] = []

    def add(self, items):
        with self.lock:
            self.items.extend(items)

    def snapshot(self) -> list[tuple[str, int]]:
        with self.lock:
            return list(self.items)


def slots(offset: int):
    """Morning and afternoon of weekdays from next week on, one writer every `offset`th day."""
    zone = ZoneInfo("Europe/Paris")
    day = today_at("Europe/Paris") + timedelta(days=7 + offset)
    while True:
        if day.weekday() < 5:
            for start, end in PERIODS:
                yield datetime.combine(day, start, zone), datetime.combine(day, end, zone)
        day += timedelta(days=3)


def write(app, member_id: int, offset: int, stop: threading.Event, committed: Committed, rounds=None) -> None:
    """Buy a bundle, book with it (one booking per round), until `stop` (or `rounds`)."""
    done = 0
    periods = slots(offset)
    while not stop.is_set() and (rounds is None or done < rounds):
        with app.app_context():
            member, site = db.session.get(User, member_id), site_by_slug(SITE)
            if done % 5 == 0:
                invoice = record_paid_on_site(desk_order(member, site, quote(site, "bundle_10", member.id), 1,
                                                         "cash", None))
                grants = db.session.scalars(select(CreditEntry.id).where(
                    CreditEntry.order_id == invoice.order_id)).all()
                db.session.commit()
                committed.add([("invoice", invoice.id)] + [("credit", g) for g in grants])
            starts, ends = next(periods)
            try:
                booking_id = book_any(site, "desk", member, starts, ends).id
                db.session.commit()
            except DomainError:  # a public holiday, say: the next slot
                db.session.rollback()
                continue
            finally:
                db.session.remove()
            committed.add([("booking", booking_id)])
            done += 1
