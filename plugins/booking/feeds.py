"""Private calendar feeds: a secret address per member, and per site for its managers.

A member's secret also opens other plugins' private feeds of theirs (events' members' events at
a site: `feed_member`), so one address to keep secret and one button to revoke them all."""
from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy import select

from core.accounts.models import User
from core.db import lock_row, utcnow
from core.extensions import db
from core.urls import external_url
from core.modules.service import is_enabled
from core.sites.models import Site
from plugins.booking.calendar import document
from plugins.booking.models import Booking, Feed

PAST = timedelta(days=60)


def _feeds(user, site=None):
    return select(Feed).where(Feed.user_id == user.id,
                              Feed.site_id.is_(None) if site is None else Feed.site_id == site.id).order_by(Feed.id)


def _feed(user, site=None) -> Feed | None:
    return db.session.scalar(_feeds(user, site))


def create_feed(user, site=None) -> Feed:
    """Make (or renew: the old address stops working) a feed's secret address. The member's
    row first: two clicks at once stored two feeds, and renewing changed only one of them, so a
    leaked address went on working; any such second feed is deleted here."""
    lock_row(User, user.id)
    feed, *extra = db.session.scalars(_feeds(user, site)).all() or [None]
    for old in extra:
        db.session.delete(old)
    if feed is None:
        feed = Feed(user_id=user.id, site_id=getattr(site, "id", None))
        db.session.add(feed)
    feed.token = secrets.token_urlsafe(32)
    db.session.flush()
    return feed


def create_member_feed(user) -> Feed:
    return create_feed(user)


def member_feed_token(user) -> str | None:
    """The secret of `user`'s own calendar address, or None before they asked for one."""
    feed = _feed(user)
    return feed.token if feed else None


def feed_member(token: str) -> User | None:
    """The active member whose own calendar address (not a site's) has this secret, or None:
    renewing the address (`create_feed`) stops every feed opened with the old one."""
    feed = db.session.scalar(select(Feed).where(Feed.token == token, Feed.site_id.is_(None)))
    user = db.session.get(User, feed.user_id) if feed is not None else None
    return user if user is not None and user.is_active else None


def member_feed_url(user, site=None) -> str | None:
    feed = _feed(user, site)
    return external_url("booking.feed", token=feed.token) if feed else None


def render(token: str) -> bytes | None:
    """The feed's calendar, or None for an unknown token, a closed account or a manager who no longer
    manages."""
    feed = db.session.scalar(select(Feed).where(Feed.token == token))
    if feed is None:
        return None
    user = db.session.get(User, feed.user_id)
    if not user.is_active:  # a closed account: its address stops, as the events' feed it opens (`feed_member`)
        return None
    query = select(Booking).where(Booking.starts_at > utcnow() - PAST)
    if feed.site_id is None:
        query = query.where(Booking.member_id == user.id)
        name = user.display_name
    else:
        site = db.session.get(Site, feed.site_id)
        if not user.manages(site) or not is_enabled("booking", site):
            return None
        query = query.where(Booking.site_id == site.id)
        name = site.name
    bookings = db.session.scalars(query.order_by(Booking.starts_at)).all()
    return document(bookings, name)
