"""The home page's panels of conventions.

An employee learns there that their employer pays their telework days, where, on which days,
and how much of each cap they have used (before, they found out by booking). A référent sees
their partners' conventions: how much of the budget is used and who waits for their decision.

A member's home asks this on every visit: whether the member holds an authorisation, or speaks
for a partner, is read from per-process copies of the few ids concerned (`core.cache`), so most
members' homes cost no query here.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from babel.dates import get_day_names
from flask_babel import get_locale
from sqlalchemy import func, select

from core.cache import cached, watch
from core.extensions import db
from core.modules.service import is_enabled
from core.sites.service import published_site_rows
from core.timeutil import today_at

from . import service
from .models import KINDS, Authorisation, Convention

watch(Authorisation, "authorisations")

# Conventions a référent still follows on their home page (a draft is the administrators' work).
FOLLOWED = ("signed", "active")


@dataclass(frozen=True)
class Cover:
    """What one convention pays for an employee, as of a day."""

    partner: str
    all_sites: bool  # every site of the network, else `site_names`
    site_names: tuple[str, ...]  # the published sites it covers where booking is on
    kinds: tuple[str, ...]  # the kinds of place it pays for; () for every kind
    weekdays: tuple[int, ...]  # () for floating days, else 0 = Monday...
    caps: tuple[tuple[str, int, int], ...]  # (period, half-days used, cap in half-days)
    until: date  # the last day covered: the authorisation's end or the convention's


@dataclass(frozen=True)
class Followed:
    """A convention as its référent follows it."""

    convention: Convention
    share: float | None  # of the budget used; None without a budget
    waiting: int  # employees who asked to join, waiting for a decision


def _approved_members() -> frozenset[int]:
    return cached("authorisations", "approved_user_ids", lambda: frozenset(db.session.scalars(
        select(Authorisation.user_id).where(Authorisation.status == "approved",
                                            Authorisation.user_id.is_not(None)).distinct())))


def may_be_covered(user) -> bool:
    """Whether `user` holds an approved authorisation at all (valid or not on a given day): read
    from a per-process copy, so members who hold none cost no query."""
    return getattr(user, "is_authenticated", False) and user.id in _approved_members()


def covers_of(user, day: date | None = None) -> list[Cover]:
    """The conventions paying `user`'s telework days on `day` (today), each with its caps' use."""
    if not may_be_covered(user):
        return []
    day = day or today_at(service.territory_tz())
    names = None
    out = []
    for auth in service.authorisations_of(user.id, day):
        convention = auth.convention
        if not convention.all_sites and names is None:
            names = {row.id: row.name for row in published_site_rows() if is_enabled("booking", row)}
        sites = () if convention.all_sites else tuple(
            sorted(names[i] for i in convention.site_ids or [] if i in names))
        caps = tuple((period, service.spent_by(auth, start, end), cap)
                     for period, cap, start, end in service.cap_periods(convention, day))
        ends = [d for d in (auth.valid_until, convention.ends_on) if d is not None]
        kinds = tuple(k for k in KINDS if k in (convention.kinds or [])) if set(convention.kinds or []) < set(KINDS) \
            else ()
        out.append(Cover(convention.partner.name, bool(convention.all_sites), sites, kinds,
                         tuple(sorted(auth.weekdays or [])), caps, min(ends)))
    return out


def followed_by(user) -> list[Followed]:
    """The signed and active conventions of the partners `user` speaks for (none for others)."""
    if not service.speaks_for_a_partner(user):
        return []
    conventions = list(db.session.scalars(
        select(Convention).where(Convention.partner_id.in_(service.partner_ids_of(user)),
                                 Convention.status.in_(FOLLOWED))
        .order_by(Convention.starts_on.desc(), Convention.id.desc())))
    if not conventions:
        return []
    waiting = dict(db.session.execute(
        select(Authorisation.convention_id, func.count()).where(
            Authorisation.convention_id.in_([c.id for c in conventions]), Authorisation.status == "pending")
        .group_by(Authorisation.convention_id)).all())
    return [Followed(c, service.budget_share(c), waiting.get(c.id, 0)) for c in conventions]


def day_names(weekdays) -> list[str]:
    """'mardi', 'jeudi' for (1, 3) in the reader's language."""
    names = get_day_names("wide", locale=get_locale())
    return [names[day] for day in weekdays]
