"""What plugins give the page layout (menu entries, panels) and the template helpers."""
from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app, url_for
from flask_babel import format_currency, get_locale
from flask_login import current_user

from core.plugins import hooks


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


def money(cents: int, currency: str | None = None) -> str:
    currency = currency or current_app.config["TERRITORY"].territory.currency
    return format_currency(cents / 100, currency)


def init_app(app) -> None:
    app.add_template_filter(money)

    @app.context_processor
    def _layout():
        def nav():
            from core.modules.guard import reachable

            return [item for item in collect(hooks().nav_items(user=current_user))
                    if reachable(item.endpoint, item.values)]

        return {"territory": app.config["TERRITORY"].territory, "main_nav": nav, "get_locale": get_locale}
