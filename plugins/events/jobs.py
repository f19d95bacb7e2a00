"""Events' jobs: the reminder the day before (scheduled when an event is created or moved)."""
from __future__ import annotations

from . import service


def remind(event_id: int, starts_at: str) -> None:
    service.remind(event_id, starts_at)


HANDLERS = {"events.remind": remind}
