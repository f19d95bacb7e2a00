"""The one error the billing rules raise; its message is translated and shown to the user."""


class BillingError(Exception):
    """A billing action that cannot be done (unknown product, nothing to refund...)."""

    def __init__(self, message, status: int = 400):
        super().__init__(message)
        self.status = status
