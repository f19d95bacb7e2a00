"""Stripe's documented test card numbers and what paying with each of them does."""
import datetime
from dataclasses import dataclass

# Cards that succeed. 3-D Secure cards are approved without a challenge (no browser flow here).
SUCCESS = {"4242424242424242", "4000056655665556", "5555555555554444", "2223003122003222",
           "5200828282828210", "378282246310005", "6011111111111117", "4000002500003155",
           "4000000000003220", "4000002760003184"}

# number -> (error code, decline code, customer-facing message)
DECLINES = {
    "4000000000000002": ("card_declined", "generic_decline", "Your card was declined."),
    "4000000000009995": ("card_declined", "insufficient_funds",
                         "Your card has insufficient funds."),
    "4000000000009987": ("card_declined", "lost_card", "Your card was declined."),
    "4000000000009979": ("card_declined", "stolen_card", "Your card was declined."),
    "4100000000000019": ("card_declined", "fraudulent", "Your card was declined."),
    "4000000000000069": ("expired_card", "expired_card", "Your card has expired."),
    "4000000000000127": ("incorrect_cvc", "incorrect_cvc",
                         "Your card's security code is incorrect."),
    "4000000000000119": ("processing_error", "processing_error",
                         "An error occurred while processing your card. "
                         "Try again in a little bit."),
}

# What Stripe's hosted page says in French (a session created with locale "fr"), by decline
# code, then by error code.
FRENCH = {
    "generic_decline": "Votre carte a été refusée.",
    "lost_card": "Votre carte a été refusée.",
    "stolen_card": "Votre carte a été refusée.",
    "fraudulent": "Votre carte a été refusée.",
    "card_declined": "Votre carte a été refusée.",
    "test_mode_live_card": "Votre carte a été refusée : en mode test, utilisez une carte de test.",
    "insufficient_funds": "Le solde de votre carte est insuffisant.",
    "expired_card": "Votre carte a expiré.",
    "incorrect_cvc": "Le cryptogramme de votre carte est incorrect.",
    "processing_error": "Une erreur est survenue lors du traitement de votre carte. Réessayez dans un instant.",
}

LIVE_CARD = ("card_declined", "test_mode_live_card",
             "Your card was declined. Your request was in test mode, but used a non test (live) "
             "card. For a list of valid test cards, visit: https://stripe.com/docs/testing.")


@dataclass
class CardResult:
    number: str
    brand: str
    last4: str
    exp_month: int
    exp_year: int
    code: str = None          # set when the attempt fails
    decline_code: str = None
    message: str = None
    charged: bool = False     # False: rejected before reaching the bank (no charge is recorded)

    @property
    def ok(self):
        return self.code is None


def _luhn(number):
    total = 0
    for i, digit in enumerate(reversed(number)):
        d = int(digit) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _brand(number):
    if number.startswith("4"):
        return "visa"
    if number[:2] in ("34", "37"):
        return "amex"
    if number[:1] in ("2", "5"):
        return "mastercard"
    return "discover" if number.startswith("6") else "unknown"


def check_card(number, exp="12/34", cvc="123", today=None):
    """Validate like Stripe's card form, then apply the test-card outcome."""
    number = "".join((number or "").split()).replace("-", "")
    result = CardResult(number, _brand(number), number[-4:], 0, 0)
    if not number.isdigit() or not 12 <= len(number) <= 19 or not _luhn(number):
        return _fail(result, "incorrect_number", None, "Your card number is incorrect.")
    parts = (exp or "").replace(" ", "").split("/")
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or not 1 <= int(parts[0]) <= 12:
        return _fail(result, "invalid_expiry_month", None,
                     "Your card's expiration date is incomplete.")
    result.exp_month = int(parts[0])
    result.exp_year = int(parts[1]) + (2000 if len(parts[1]) == 2 else 0)
    today = today or datetime.date.today()
    if (result.exp_year, result.exp_month) < (today.year, today.month):
        return _fail(result, "invalid_expiry_year", None,
                     "Your card's expiration year is in the past.")
    if not (cvc or "").isdigit() or len(cvc) not in (3, 4):
        return _fail(result, "invalid_cvc", None, "Your card's security code is incomplete.")
    if number in SUCCESS:
        return result
    result.charged = True
    return _fail(result, *DECLINES.get(number, LIVE_CARD))


def _fail(result, code, decline_code, message):
    result.code, result.decline_code, result.message = code, decline_code, message
    return result
