"""Matching: a post and a person match when they share a ROME code (a domain or macro-skill
covers the narrower ones) and one of the post's communes lies within reach of the person's
communes: the distance as the crow flies times the detour factor (an estimate of the road)."""
from __future__ import annotations

import math

from sqlalchemy import select

from core import geo
from core.extensions import db
from core.plugins import plugin_config

from plugins.directory import profiles_matching

from . import access, posts, vocabulary
from .models import JOB_OFFER, SKILL_WANTED, SPOUSE_PROFILE, Alert, Post


def road_km(a: geo.Commune, b: geo.Commune) -> float:
    """Estimated road distance between two communes."""
    return geo.distance_km(a.latitude, a.longitude, b.latitude, b.longitude) * plugin_config("boards").detour_factor


def nearest_km(ours, theirs) -> float | None:
    distances = [road_km(a, b) for a in ours for b in theirs]
    return min(distances) if distances else None


def codes_meet(ours, theirs) -> bool:
    return bool(vocabulary.widen(ours) & vocabulary.widen(theirs))


def _within(post: Post, communes, radius_km: float) -> float | None:
    km = nearest_km(posts.communes_of(post), communes)
    return km if km is not None and km <= radius_km else None


def spouses_for(post: Post, viewer) -> list[tuple[Post, float]]:
    """Live spouse profiles matching an offer or a skill wanted, nearest first; only for those
    who may see spouse profiles (approved recruiters, welcome officers, the admin)."""
    if post.kind not in (JOB_OFFER, SKILL_WANTED) or not access.may_see_spouses(viewer):
        return []
    radius = plugin_config("boards").match_radius_km
    wanted = vocabulary.widen(posts.codes_of(post))
    found = []
    for spouse in db.session.scalars(select(Post).where(*posts.live_clause(), Post.kind == SPOUSE_PROFILE)):
        if wanted & vocabulary.widen(posts.codes_of(spouse)):
            km = _within(post, posts.communes_of(spouse), radius)
            if km is not None:
                found.append((spouse, km))
    return sorted(found, key=lambda pair: (pair[1], pair[0].id))


def members_for(post: Post, viewer) -> list[tuple[Alert, float]]:
    """Members who asked to be proposed to employers and match a live post, nearest first: shown
    to the post's author, approved recruiters and the admin. None for a post waiting for the
    moderator, rejected or expired: its author sees it, but must not reach members through it."""
    if post.kind not in (JOB_OFFER, SKILL_WANTED) or not posts.is_live(post) \
            or not (posts.owns(post, viewer) or access.is_recruiter(viewer)):
        return []
    found = []
    for alert in db.session.scalars(select(Alert).where(Alert.matchable.is_(True))):
        home = geo.commune(alert.commune_code)
        if home is None or alert.user_id == getattr(viewer, "id", None) or not alert.user.is_active:
            continue
        if codes_meet(alert.codes, posts.codes_of(post)):
            km = _within(post, [home], alert.radius_km)
            if km is not None:
                found.append((alert, km))
    return sorted(found, key=lambda pair: (pair[1], pair[0].user_id))


def directory_profiles_for(post: Post, viewer) -> list[dict]:
    """Members listed in the directory whose shown job or skills the post asks for, near its
    first commune: the directory decides who `viewer` may see (its own opt-in and visibility);
    they are reached through the directory's own contact form."""
    if post.kind not in (JOB_OFFER, SKILL_WANTED) or not vocabulary.available():
        return []
    config = plugin_config("boards")
    communes = posts.communes_of(post)
    # The directory searches whole kilometres as the crow flies: ask for the next one up, then
    # keep those within reach by road, as for spouses (rounding to the nearest missed a member
    # 29.97 km away by road, and a radius below one kilometre became the directory's default).
    found = profiles_matching(posts.codes_of(post), viewer, commune=communes[0].code if communes else "",
                              radius_km=max(1, math.ceil(config.match_radius_km / config.detour_factor)))
    kept = []
    for card in found:  # crow-flies from the directory, by road as the boards say elsewhere
        if "km" in card:
            card["km"] = card["km"] * config.detour_factor
            if card["km"] > config.match_radius_km:
                continue
        kept.append(card)
    return kept


def is_matching_member(post: Post, viewer, user_id: int) -> bool:
    return any(alert.user_id == user_id for alert, _km in members_for(post, viewer))


def posts_for(alert: Alert, since, until=None) -> list[Post]:
    """Live public posts published after `since` (and up to `until`) matching a member's alert
    (the weekly digest)."""
    home = geo.commune(alert.commune_code)
    if home is None:
        return []
    query = select(Post).where(*posts.live_clause(), Post.kind != SPOUSE_PROFILE)
    if since is not None:
        query = query.where(Post.published_at > since)
    if until is not None:
        query = query.where(Post.published_at <= until)
    return [p for p in db.session.scalars(query.order_by(Post.published_at, Post.id))
            if codes_meet(alert.codes, posts.codes_of(p)) and _within(p, [home], alert.radius_km) is not None]
