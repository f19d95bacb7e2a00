"""Stripe-shaped API errors: the JSON body and status the stripe library turns into exceptions."""


class StripeError(Exception):
    def __init__(self, status, message, *, type="invalid_request_error", param=None,
                 code=None, **extra):
        super().__init__(message)
        self.status = status
        self.body = {"error": {"type": type, "message": message, "param": param,
                               "code": code, **extra}}
        # Stripe omits null keys in errors; the library copes with either.
        self.body["error"] = {k: v for k, v in self.body["error"].items() if v is not None}


def not_found(kind, object_id, param="id", status=404):
    return StripeError(status, f"No such {kind}: '{object_id}'", param=param,
                       code="resource_missing")


def missing(param):
    return StripeError(400, f"Missing required param: {param}.", param=param,
                       code="parameter_missing")


def invalid(message, param=None, code=None):
    return StripeError(400, message, param=param, code=code)


def card_error(code, message, decline_code=None, **extra):
    return StripeError(402, message, type="card_error", code=code,
                       decline_code=decline_code, **extra)
