"""Events switched off at a site or territory-wide: what the confirmation page tells the
manager. Switched off, an event's pages answer "not found" (`service.is_on`) until it is switched
on again; nothing is deleted. Its registrations' own pages stay open to their holders, who may
still cancel them (`views`: `@reachable_when_off`; the home page's "Your events" leads there)."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func, select

from core.db import utcnow
from core.extensions import db

from .models import Event, Registration

# Registrations that stand for someone coming or waiting (not a cancelled one).
STANDING = ("pending", "held", "confirmed", "waiting")


def switch_off_impact(site=None, now=None) -> list[str]:
    upcoming = [Event.status == "scheduled", Event.ends_at > (now or utcnow())]
    if site is not None:
        upcoming.append(Event.site_id == site.id)
    events = db.session.scalar(select(func.count()).select_from(Event).where(*upcoming)) or 0
    if not events:
        return [_("No upcoming event.")]
    people = db.session.scalar(select(func.count()).select_from(Registration).join(Event).where(
        *upcoming, Registration.status.in_(STANDING))) or 0
    said = [ngettext("%(num)d upcoming event is hidden until Events is switched on again; nothing is deleted.",
                     "%(num)d upcoming events are hidden until Events is switched on again; nothing is deleted.",
                     events)]
    if people:
        said.append(ngettext("%(num)d person registered can still open and cancel their registration.",
                             "%(num)d people registered can still open and cancel their registration.",
                             people))
    return said
