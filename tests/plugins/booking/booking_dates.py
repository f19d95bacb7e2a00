"""Dates for booking tests: future local weekdays at the Europe/Paris sites."""
from __future__ import annotations

from datetime import date, timedelta

from core.timeutil import today_at


def next_weekday(weekday: int = 1, weeks_ahead: int = 1, avoid_holidays=True) -> date:
    """A future local date (Europe/Paris) on a weekday, skipping French public holidays."""
    from core.sites.service import is_public_holiday

    day = today_at("Europe/Paris") + timedelta(days=7 * weeks_ahead)
    day += timedelta(days=(weekday - day.weekday()) % 7)
    while avoid_holidays and is_public_holiday(day):
        day += timedelta(days=7)
    return day
