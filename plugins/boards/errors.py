"""The boards' domain error: a view that lets it through gets the core's answer (a page with the
message and status, or JSON under /api/)."""
from core.errors import DomainError


class BoardsError(DomainError):
    """A boards rule refused the action (422 unless given another status)."""
