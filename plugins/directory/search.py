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

from sqlalchemy import exists, select, text

from core import geo
from core.accounts.models import User
from core.extensions import db
from core.sites.service import site_by_slug

from . import rome
from .models import Profile, ProfileSite, ProfileSkill
from .profiles import terms, visible_clause

PAGE_SIZE = 20


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
        return text("to_tsvector('simple'::regconfig, directory_unaccent(directory_profile.search_text)) "
                    "@@ to_tsquery('simple'::regconfig, directory_unaccent(:directory_q))").bindparams(
            directory_q=" & ".join(f"{w}:*" for w in words))
    return Profile.id.in_(text("SELECT rowid FROM directory_profile_fts WHERE directory_profile_fts MATCH "
                               ":directory_q").bindparams(directory_q=" ".join(f'"{w}"*' for w in words)))


def search(query: Query, viewer, radius_default: int = 20) -> Results:
    clauses = list(visible_clause(viewer))
    if query.skill:
        codes = rome.expand([query.skill])
        clauses += [Profile.show_skills.is_(True),
                    exists().where(ProfileSkill.profile_id == Profile.id, ProfileSkill.code.in_(codes))]
    if query.job:
        clauses += [Profile.show_job.is_(True), Profile.job_code.in_(rome.expand([query.job]))]
    if query.site:
        site = site_by_slug(query.site)
        clauses += [Profile.show_sites.is_(True),
                    exists().where(ProfileSite.profile_id == Profile.id, ProfileSite.site_id == (site.id if site
                                                                                               else -1))]
    if query.available:
        clauses += [Profile.show_available.is_(True), Profile.available.is_(True)]
    if query.q.strip():
        clause = _text_clause(query.q)
        if clause is not None:
            clauses.append(clause)
    centre = geo.commune(query.commune) if query.commune else None
    if query.commune and centre is None:
        return Results(page=1)
    statement = select(Profile.id, User.home_latitude, User.home_longitude).join(User, User.id == Profile.user_id)
    radius = None
    if centre is not None:
        radius = query.radius_km or radius_default
        dlat = radius / 111.0
        dlon = radius / (111.0 * max(0.1, math.cos(math.radians(centre.latitude))))
        clauses += [Profile.show_commune.is_(True), User.home_latitude.between(centre.latitude - dlat,
                                                                               centre.latitude + dlat),
                    User.home_longitude.between(centre.longitude - dlon, centre.longitude + dlon)]
    rows = db.session.execute(statement.where(*clauses).order_by(Profile.updated_at.desc(), Profile.id.desc())).all()
    distances = {}
    if centre is not None:
        kept = []
        for profile_id, lat, lon in rows:
            km = geo.distance_km(centre.latitude, centre.longitude, lat, lon)
            if km <= radius:
                distances[profile_id] = km
                kept.append(profile_id)
        ids = sorted(kept, key=lambda i: (round(distances[i], 3), -i))
    else:
        ids = [row[0] for row in rows]
    page = max(1, min(query.page, max(1, math.ceil(len(ids) / PAGE_SIZE))))
    chosen = ids[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    loaded = {p.id: p for p in db.session.scalars(select(Profile).where(Profile.id.in_(chosen)))} if chosen else {}
    return Results([loaded[i] for i in chosen if i in loaded], len(ids), page, distances)
