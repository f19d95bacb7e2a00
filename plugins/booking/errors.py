"""Booking's domain errors: the message is for the user (translated), the code for the API.

All are `core.errors.DomainError`s, `BookingError(message, code=None, status=None)`: a view
may let them through to the core's handler (a page, or JSON under /api/, with their status).
"""
from core import errors


class BookingError(errors.DomainError):
    """A booking rule refused the action (422 unless a subclass says otherwise)."""


class SlotTaken(BookingError, errors.Conflict):
    code = "slot_taken"


class NotAllowed(BookingError, errors.Forbidden):
    pass


class NotFound(BookingError, errors.NotFound):
    pass


class Refused(BookingError, errors.Conflict):
    """Another plugin refused a booking while acting on it (the credits it counted on are gone)."""

    code = "refused"
