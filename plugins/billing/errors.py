"""The error the billing rules raise; its message is translated and shown to the user.

A `core.errors.DomainError`, `BillingError(message, code=None, status=None)` like every
plugin's; 400 unless given (409 for a booking no longer waiting for payment).
"""
from core import errors


class BillingError(errors.DomainError):
    """A billing action that cannot be done (unknown product, nothing to refund...)."""

    status = 400
    code = "bad_request"
