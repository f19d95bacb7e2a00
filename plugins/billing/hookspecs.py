"""Hooks the billing plugin offers to other plugins (conventions, impact...).

Events are called inside the transaction of the change (implementations flush, never commit;
work for after the commit is a job), through the hook view of the order's site.
"""
from core.hookspecs import hookspec

# --------------------------------------------------------------------------------------------
# Deciding
# --------------------------------------------------------------------------------------------


@hookspec(firstresult=True)
def billing_payer(booking):
    """Say that someone other than the member pays a booking (a partner's convention).

    Asked by billing's own `booking_payer` before credits and online payment are considered.

    :param booking: the `Booking` about to be stored.
    :return: a `plugins.booking.payment.Payer` (e.g. kind "partner"), or None.
    """


# --------------------------------------------------------------------------------------------
# Events: called inside the transaction of the change
# --------------------------------------------------------------------------------------------


@hookspec
def payment_succeeded(order, invoice):
    """An order was paid (online, or recorded on site by a manager).

    :param order: the `plugins.billing.models.Order`.
    :param invoice: the `Invoice` issued for it.
    """


@hookspec
def payment_refunded(order, credit_note, amount_cents):
    """Money was given back on an order (to the card, or as credits).

    :param credit_note: the `Invoice` of kind "credit_note" issued for it.
    :param amount_cents: the amount refunded, including VAT.
    """


@hookspec
def invoice_issued(order, invoice):
    """An invoice or a credit note was issued (its number is final)."""
