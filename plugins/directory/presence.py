"""Who is here this week at a site: members with a booking there this week (read through
booking's public API) who chose to show their presence. Nothing when booking is off there."""
from __future__ import annotations

from datetime import time, timedelta

from sqlalchemy import select

from core.accounts.models import User
from core.extensions import db
from core.modules.service import is_enabled
from core.timeutil import local_to_utc, today_at
from plugins.booking import members_present

from .models import Profile
from .profiles import visible_clause


def this_week(site, viewer) -> list[Profile]:
    """Visible profiles that show their presence, booked at `site` from Monday to Sunday of the
    site's current week. Signed-in members only: presence is never shown to visitors."""
    if not getattr(viewer, "is_authenticated", False) or not is_enabled("booking", site):
        return []
    today = today_at(site.timezone)
    monday = today - timedelta(days=today.weekday())
    ids = members_present(site.id, local_to_utc(monday, time(0), site.timezone),
                          local_to_utc(monday + timedelta(days=7), time(0), site.timezone))
    if not ids:
        return []
    return db.session.scalars(select(Profile).join(User, User.id == Profile.user_id).where(
        Profile.user_id.in_(ids), Profile.show_presence.is_(True), *visible_clause(viewer))
        .order_by(User.display_name, Profile.id)).all()
