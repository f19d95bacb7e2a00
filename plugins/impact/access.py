"""Who may see which report, and the period a request asks for: shared by the pages and the API
so both answer the same."""
from __future__ import annotations

import re
from datetime import date, timedelta

from flask import current_app
from flask_babel import gettext as _

from core.errors import DomainError, Forbidden, NotFound
from core.sites.models import Site
from core.sites.service import site_by_slug
from core.db import as_id, find
from core.modules.service import is_enabled
from core.timeutil import today_at
from plugins.conventions import partner_ids_of

from . import service

SCOPES = ("me", "site", "partner", "territory")
MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


class BadRequest(DomainError):
    status = 400
    code = "bad_request"


def today() -> date:
    return today_at(current_app.config["TERRITORY"].territory.timezone)


def parse_day(text: str | None, *, end: bool) -> date | None:
    """"2026-03" (the month's first or last day) or "2026-03-14"; None when absent."""
    if not text:
        return None
    match = MONTH.match(text.strip())
    try:
        if not match:
            raise ValueError
        year, month, day = int(match.group(1)), int(match.group(2)), match.group(3)
        if not 1900 <= year <= 2999:  # month arithmetic would overflow at the ends of the calendar
            raise ValueError
        if day:
            return date(year, month, int(day))
        first = date(year, month, 1)
        return service.month_of(first + timedelta(days=32)) - timedelta(days=1) if end else first
    except ValueError:
        raise BadRequest(_("A date is written 2026-03 or 2026-03-14.")) from None


def period(start_text: str | None, end_text: str | None, default_months: int = 12) -> tuple[date, date]:
    """The period asked for; by default the last 12 months, this one included."""
    end = parse_day(end_text, end=True) or today()
    start = parse_day(start_text, end=False)
    if start is None:
        start = service.month_of(end)
        for _step in range(default_months - 1):
            start = service.month_of(start - timedelta(days=1))
    if start > end:
        raise BadRequest(_("The period starts after it ends."))
    if (end - start).days > 366 * 20:
        raise BadRequest(_("At most twenty years at a time."))
    return start, end


def resolve_scope(user, scope: str | None, scope_id: str | None):
    """(scope, the id the reports filter on, what it names) once the user may see it; refuses
    with 400 (bad scope or id), 403 or 404."""
    scope = scope or "me"
    if scope not in SCOPES:
        raise BadRequest(_("The scope is one of me, site, partner, territory."))
    authenticated = user is not None and getattr(user, "is_authenticated", False)
    if scope == "me":
        if not authenticated:
            raise Forbidden(_("Sign in to see your figures."))
        return scope, user.id, user
    if scope == "territory":
        if not service.public_page_on() and not (authenticated and user.is_territory_admin):
            raise Forbidden(_("The territory's figures are not public."))
        return scope, None, None
    if not scope_id:
        raise BadRequest(_("Give the id of the site or partner."))
    if scope == "site":
        site = site_by_slug(scope_id) or find(Site, scope_id)
        # Off at the site (booking, which it counts from, switched off there): its page answers
        # 404 (the module guard), and the API the same.
        if site is None or not is_enabled("impact", site):
            raise NotFound(_("There is no such site."))
        if not (authenticated and user.manages(site)):
            raise Forbidden(_("Only the site's managers see its figures."))
        return scope, site.id, site
    partner_id = as_id(scope_id)  # not "²", nor 10**30
    if partner_id is None:
        raise BadRequest(_("A partner's id is a number."))
    if not authenticated or not (user.is_territory_admin or partner_id in partner_ids_of(user)):
        raise Forbidden(_("Only the partner's référents see its figures."))
    return scope, partner_id, partner_id
