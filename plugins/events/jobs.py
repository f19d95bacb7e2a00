"""Events' jobs: the reminder the day before (scheduled when an event is created or moved)."""
from __future__ import annotations

from . import service


def remind(event_id: int, starts_at: str) -> None:
    service.remind(event_id, starts_at)


def release_holds(event_id: int) -> None:
    service.release_expired(event_id)


def tell_changed(event_id: int, sequence: int, changes: list) -> None:
    service.tell_changed(event_id, sequence, changes)


HANDLERS = {"events.remind": remind, service.RELEASE_JOB: release_holds, service.CHANGED_JOB: tell_changed}
