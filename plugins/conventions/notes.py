"""What the search and a site's prices tell an employee where their employer's convention pays:
"Paid for by <partner>" in place of the usual price (booking's `booking_price_note`); they
took the price shown for what they would pay.

Booking asks once per site shown. Most members hold no authorisation (`dashboard.may_be_covered`,
a per-process copy): nothing is read for them. For the others, their authorisations of the day
are read once per request, whatever the number of sites. Caps and budget are not read: the
note is a promise within them, checked when the member books.
"""
from __future__ import annotations

from datetime import date

from flask import g
from flask_babel import gettext as _

from core.timeutil import today_at
from plugins.booking import PriceNote

from . import dashboard, service


def price_note(member, site, day: date | None) -> dict[str, PriceNote] | None:
    """By kind of place, what `member` is told at `site` on `day` (None: any day, as a site's
    price list is read) where a convention of theirs pays; None where they pay themselves."""
    notes: dict[str, PriceNote] = {}
    for auth, note in _notes_of(member, day):
        for kind in auth.convention.kinds or []:  # the first convention paying a kind, as a booking's payer
            if kind not in notes and service.uncovered(auth, site.id, kind, day) is None:
                notes[kind] = note
    return notes or None


def _notes_of(member, day: date | None) -> list[tuple]:
    """The member's authorisations valid on `day` (today when None), each with its note: read and
    worded once per request, not once per site (and for most members, nothing to read)."""
    memo = g.setdefault("_conventions_price_notes", {})
    key = (getattr(member, "id", None), day)  # a visitor (never asked) holds nothing
    if key not in memo:
        if dashboard.may_be_covered(member):
            on = day or today_at(service.territory_tz())
            memo[key] = [(auth, _note(auth, day is None)) for auth in service.authorisations_of(member.id, on)]
        else:
            memo[key] = []
    return memo[key]


def _note(auth, any_day: bool) -> PriceNote:
    label = _("Paid for by %(partner)s", partner=auth.convention.partner.name)
    if any_day and auth.weekdays:  # a price list has no day: say which are theirs
        return PriceNote(label, _("On your days (%(days)s), within your convention's quota, checked when you book.",
                                  days=", ".join(dashboard.day_names(sorted(auth.weekdays)))))
    return PriceNote(label, _("Within your convention's quota, checked when you book."))
