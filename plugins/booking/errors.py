"""Domain errors of booking: the message is for the user (translated), the code for the API."""


class BookingError(Exception):
    status = 422
    code = "invalid"

    def __init__(self, message, code=None):
        super().__init__(str(message))
        if code:
            self.code = code


class SlotTaken(BookingError):
    status = 409
    code = "slot_taken"


class NotAllowed(BookingError):
    status = 403
    code = "forbidden"


class NotFound(BookingError):
    status = 404
    code = "not_found"


class Refused(BookingError):
    """Another plugin refused a booking while acting on it (the credits it counted on are gone)."""

    status = 409
    code = "refused"
