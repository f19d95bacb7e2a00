"""What plugins give the page layout (menu entries, panels) and the template helpers."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton, format_time
from babel.numbers import format_currency as _babel_currency
from babel.numbers import format_decimal, format_percent
from flask import current_app, url_for
from flask_babel import get_locale, gettext
from flask_login import current_user

from core.plugins import hooks, switched_off_hooks


@dataclass(frozen=True)
class NavItem:
    label: object
    endpoint: str
    values: dict = field(default_factory=dict)
    order: int = 50

    @property
    def url(self) -> str:
        return url_for(self.endpoint, **self.values)


@dataclass(frozen=True)
class Widget:
    """A panel: a title and a template; the template sees the panel as `widget`
    (its data as `widget.context`)."""

    title: object
    template: str
    context: dict = field(default_factory=dict)
    order: int = 50


def collect(results) -> list:
    """Flatten a collector hook's lists and sort them by `order`."""
    items = [item for result in results if result for item in result]
    return sorted(items, key=lambda item: item.order)


CLOCK = "HH:mm"  # the one way a time of day is written, on pages and in mails

# Prices and times of day repeat across a page (a search shows the same few dozen): Babel's
# formatting, the costliest part of such pages, is kept per value and language.

@lru_cache(maxsize=4096)
def _money_text(cents: int, currency: str, locale: str) -> str:
    return _babel_currency(cents / 100, currency, locale=locale)


@lru_cache(maxsize=4096)
def _clock_text(at: time, locale: str) -> str:
    # 24-hour in every language: Babel's "short" time is "9:00 AM" in English, while opening
    # hours, the room form and the CSV exports say "09:00", so English pages and mails mixed both.
    return format_time(at, CLOCK, locale=locale)


def money(cents: int, currency: str | None = None) -> str:
    currency = currency or current_app.config["TERRITORY"].territory.currency
    return _money_text(cents, currency, str(get_locale()))


# Dates and times in the reader's language, never "Mon 30/11" or "2026-12-03" in a French page.
# Instants are stored in UTC: the filters that take one show it at a place's time zone (a site's,
# or the territory's when none is given).

def _zone(where) -> ZoneInfo:
    if where is None:
        return ZoneInfo(current_app.config["TERRITORY"].territory.timezone)
    return ZoneInfo(where if isinstance(where, str) else where.timezone)


def _day_of(value, where=None) -> date:
    if isinstance(value, datetime):
        return value.astimezone(_zone(where)).date() if value.tzinfo else value.date()
    return value


def long_date(value, where=None) -> str:
    """'jeudi 3 décembre 2026' / 'Thursday, December 3, 2026'."""
    return _babel_date(_day_of(value, where), "full", locale=get_locale())


def medium_date(value, where=None) -> str:
    """'3 déc. 2026' / 'Dec 3, 2026': tables and lists."""
    return _babel_date(_day_of(value, where), "medium", locale=get_locale())


def short_day(value, where=None) -> str:
    """'jeu. 3 déc.' / 'Thu, Dec 3': column headings of a week."""
    return format_skeleton("MMMEd", _day_of(value, where), locale=get_locale())


def weekday(value, where=None) -> str:
    """'jeudi' / 'Thursday'."""
    return _babel_date(_day_of(value, where), "EEEE", locale=get_locale())


def clock(value, where=None) -> str:
    """'09:00' (every language) of an instant at a place (or of a naive time)."""
    if isinstance(value, datetime):
        value = (value.astimezone(_zone(where)) if value.tzinfo else value).time()
    return _clock_text(value, str(get_locale()))


def moment(value, where=None) -> str:
    """'jeudi 3 décembre 2026, 09:00': an instant at a place, in full."""
    return f"{long_date(value, where)}, {clock(value, where)}"


def medium_moment(value, where=None) -> str:
    """'3 déc. 2026, 09:00' / 'Dec 3, 2026, 09:00': an instant in a table (the audit log, tokens)."""
    return f"{medium_date(value, where)}, {clock(value, where)}"


def term(label) -> str:
    """'Lieu :' / 'Place:': a label before its value, with the colon of the reader's language
    (French puts a no-break space before it)."""
    return gettext("%(term)s:", term=label)


def percent(ratio) -> str:
    """'20 %' in French (with its narrow no-break space), '20%' in English."""
    return format_percent(ratio, locale=get_locale())


def number(value, digits: int | None = None) -> str:
    """'1 234,5' in French; `digits` fixes the decimals."""
    pattern = None if digits is None else ("#,##0." + "0" * digits if digits else "#,##0")
    return format_decimal(value, format=pattern, locale=get_locale())


def plural_count(value) -> int:
    """The whole number to give ngettext for a count that may have decimals (1.5 days): one of
    the same grammatical number in the current language. ngettext chooses from a whole number,
    and the languages differ on decimals: French says "1,5 jour" (below 2, singular), English
    "1.5 days" (plural unless exactly 1). A whole count is given as it is."""
    value = value if isinstance(value, (int, Decimal)) else Decimal(str(value))
    if value == int(value):
        return int(value)
    locale = get_locale()
    whole = _whole_of_form(str(locale), locale.plural_form(value))
    return int(value) if whole is None else whole


@lru_cache(maxsize=64)
def _whole_of_form(locale: str, form: str) -> int | None:
    """The smallest whole number of plural form `form` ('one', 'other'...) in `locale`."""
    return next((n for n in range(1000) if Locale.parse(locale).plural_form(n) == form), None)


FILTERS = {f.__name__: f for f in (money, long_date, medium_date, short_day, weekday, clock,
                                    moment, medium_moment, term, percent, number, plural_count)}


def init_app(app) -> None:
    for name, func in FILTERS.items():
        app.add_template_filter(func, name)

    from core.modules.guard import reachable

    @app.context_processor
    def _layout():
        def nav():
            # A module switched off territory-wide keeps the entries to what members hold of it.
            items = collect([*hooks().nav_items(user=current_user),
                             *switched_off_hooks().kept_nav_items(user=current_user)])
            return [item for item in items if reachable(item.endpoint, item.values)]

        return {"territory": app.config["TERRITORY"].territory, "territory_legal": app.config["TERRITORY"].legal,
                "main_nav": nav, "get_locale": get_locale, "reachable": reachable}
