"""Finding profiles: by skill or job (with the narrower entries under a broader one), free text,
commune and distance, site, "available for assignments". Only what a profile shows can match.

Free text goes through the database's full-text index: SQLite FTS5 (`unicode61 remove_diacritics
2`) or PostgreSQL (`to_tsvector('simple', unaccent(...))`, GIN index). Both index the same
`search_text` (built by profiles.refresh) and get the same query (every word, as a prefix),
so they answer the same. Results come most recently updated first (by distance around a
commune): an order both databases give alike.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from flask import url_for
from sqlalchemy import and_, func, or_, select, text
from sqlalchemy.orm import joinedload, selectinload

from core import geo
from core.accounts.models import User
from core.extensions import db
from core.sites.models import Site
from core.sites.service import site_by_slug

from . import distance, rome
from .models import Organisation, Profile, ProfileSite, ProfileSkill
from .profiles import card, terms, visible_clause

PAGE_SIZE = 20
# What a result card reads (profiles.card), and not what the models load eagerly for other
# pages (a site's opening hours, the sites a member manages): fetched later only if asked for.
CARD_LOADING = (joinedload(Profile.user).lazyload(User.managed_sites),
                joinedload(Profile.organisation).lazyload(Organisation.site),
                selectinload(Profile.sites).lazyload(Site.opening_hours))


@dataclass
class Query:
    q: str = ""
    skill: str = ""
    job: str = ""
    commune: str = ""  # an INSEE code
    radius_km: int | None = None
    site: str = ""  # a site's slug
    available: bool = False
    page: int = 1


@dataclass
class Results:
    profiles: list = field(default_factory=list)
    total: int = 0
    page: int = 1
    distances: dict = field(default_factory=dict)  # profile id -> km, around a commune

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / PAGE_SIZE))


def _text_clause(q: str):
    words = terms(q).split()[:8]
    if not words:
        return None
    if db.session.get_bind().dialect.name == "postgresql":
        # Each word unaccented, then kept to its letters and digits, before it becomes a prefix:
        # unaccent turns some letters into tsquery's syntax ("⑴" into "(1)", "ʼ" into a quote,
        # "ː" into a colon), and the whole query unaccented at once was a syntax error, a 500.
        return text("to_tsvector('simple'::regconfig, directory_unaccent(directory_profile.search_text)) "
                    "@@ to_tsquery('simple'::regconfig, (SELECT string_agg(w || ':*', ' & ') FROM ("
                    "SELECT regexp_replace(directory_unaccent(x), '[^[:alnum:]]', '', 'g') AS w "
                    "FROM unnest(CAST(:directory_words AS text[])) AS x) AS words WHERE w <> ''))").bindparams(
            directory_words=words)
    return Profile.id.in_(text("SELECT rowid FROM directory_profile_fts WHERE directory_profile_fts MATCH "
                               ":directory_q").bindparams(directory_q=" ".join(f'"{w}"*' for w in words)))


def _filters(query: Query, viewer) -> list:
    """The WHERE clauses of a query (every id set read through an index)."""
    clauses = list(visible_clause(viewer))
    if query.skill:
        clauses += [Profile.show_skills.is_(True), Profile.id.in_(
            select(ProfileSkill.profile_id).where(ProfileSkill.code.in_(rome.expand([query.skill]))))]
    if query.job:
        clauses += [Profile.show_job.is_(True), Profile.job_code.in_(rome.expand([query.job]))]
    if query.site:
        site = site_by_slug(query.site)
        clauses += [Profile.show_sites.is_(True), Profile.id.in_(
            select(ProfileSite.profile_id).where(ProfileSite.site_id == (site.id if site else -1)))]
    if query.available:
        clauses += [Profile.show_available.is_(True), Profile.available.is_(True)]
    if query.q.strip():
        clause = _text_clause(query.q)
        if clause is not None:
            clauses.append(clause)
    return clauses


def search(query: Query, viewer, radius_default: int = 20, extra=()) -> Results:
    """One page of the profiles `viewer` may see that match, and how many match.

    The database counts, orders and cuts the page: only the page's ids come back, then their
    profiles. Around a commune, a bounding box on the indexed home position, then the exact
    distance as a squared chord (distance.py), nearest first.
    """
    clauses = _filters(query, viewer) + list(extra)
    centre = geo.commune(query.commune) if query.commune else None
    if query.commune and centre is None:
        return Results(page=1)
    columns, order = [Profile.id], [Profile.updated_at.desc(), Profile.id.desc()]
    if centre is not None:
        radius = query.radius_km or radius_default
        dlat = radius / 111.0
        dlon = radius / (111.0 * max(0.01, math.cos(math.radians(centre.latitude))))
        x, y, z = distance.point(centre.latitude, centre.longitude)
        chord2 = ((Profile.home_x - x) * (Profile.home_x - x) + (Profile.home_y - y) * (Profile.home_y - y)
                  + (Profile.home_z - z) * (Profile.home_z - z))
        clauses += [Profile.home_latitude.between(centre.latitude - dlat, centre.latitude + dlat),
                    Profile.home_longitude.between(centre.longitude - dlon, centre.longitude + dlon),
                    chord2 <= distance.chord2_within(radius)]
        columns, order = [Profile.id, chord2], [chord2, Profile.id.desc()]
    statement = (select(*columns, func.count().over()).join(User, User.id == Profile.user_id).where(*clauses)
                 .order_by(*order).limit(PAGE_SIZE))
    page = max(1, query.page)
    rows = db.session.execute(statement.offset((page - 1) * PAGE_SIZE)).all()
    if not rows and page > 1:  # past the last page: show the last one
        total = db.session.scalar(select(func.count()).select_from(Profile).join(User, User.id == Profile.user_id)
                                  .where(*clauses))
        page = max(1, math.ceil(total / PAGE_SIZE))
        rows = db.session.execute(statement.offset((page - 1) * PAGE_SIZE)).all()
    total = rows[0][-1] if rows else 0
    chosen = [row[0] for row in rows]
    distances = {row[0]: distance.km(row[1]) for row in rows} if centre is not None else {}
    loaded = {p.id: p for p in db.session.scalars(select(Profile).where(Profile.id.in_(chosen)).options(
        *CARD_LOADING))} if chosen else {}
    return Results([loaded[i] for i in chosen if i in loaded], total, page, distances)


def profiles_matching(codes, viewer, commune: str = "", radius_km: int | None = None, limit: int = 10) -> list[dict]:
    """Listed profiles `viewer` may see whose shown job or skills fall under one of the ROME
    `codes` (a domain or macro-skill counts for everything under it), nearest to `commune`'s
    INSEE code first when given (within `radius_km`): their cards, never an address. For other
    plugins (the boards' offers list the members who match)."""
    wanted = rome.expand(codes)
    if not wanted:
        return []
    by_code = or_(and_(Profile.show_job.is_(True), Profile.job_code.in_(wanted)),
                  and_(Profile.show_skills.is_(True), Profile.id.in_(
                      select(ProfileSkill.profile_id).where(ProfileSkill.code.in_(wanted)))))
    found = search(Query(commune=commune, radius_km=radius_km), viewer, extra=[by_code])
    cards = []
    for profile in found.profiles[:limit]:
        shown = card(profile) | {"url": url_for("directory.profile", profile_id=profile.id)}
        if profile.id in found.distances:
            shown["km"] = found.distances[profile.id]
        cards.append(shown)
    return cards
