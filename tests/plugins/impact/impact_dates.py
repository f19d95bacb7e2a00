"""The impact tests' day: a Tuesday to come (Europe/Paris), not a public holiday. In a module
of its own, not in conftest.py: `from conftest import` picks whichever plugin's conftest.py
pytest put first on sys.path, so it broke when several plugins' tests ran together."""
from __future__ import annotations

from datetime import timedelta

from core.timeutil import today_at


def next_weekday(weeks_ahead: int = 1):
    from core.sites.service import is_public_holiday

    day = today_at("Europe/Paris") + timedelta(days=7 * weeks_ahead)
    day += timedelta(days=(1 - day.weekday()) % 7)  # a Tuesday
    while is_public_holiday(day):
        day += timedelta(days=7)
    return day
