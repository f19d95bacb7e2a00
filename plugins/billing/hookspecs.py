"""Hooks the billing plugin offers to other plugins (conventions, impact...).

Events are called inside the transaction of the change (implementations flush, never commit;
work for after the commit is a job), through the hook view of the order's site.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from core.hookspecs import hookspec

if TYPE_CHECKING:  # types only, no import cycle
    from plugins.billing.models import Invoice, Order
    from plugins.booking import Booking, Payer

# --------------------------------------------------------------------------------------------
# Deciding
# --------------------------------------------------------------------------------------------


@hookspec(firstresult=True)
def billing_payer(booking: Booking) -> Payer | None:
    """Say that someone other than the member pays a booking (a partner's convention).

    Asked by billing's own `booking_payer` before credits and online payment are considered.

    :param booking: the `Booking` about to be stored.
    :return: a `plugins.booking.Payer` (e.g. kind "partner"), or None.
    """


# --------------------------------------------------------------------------------------------
# Events: called inside the transaction of the change
# --------------------------------------------------------------------------------------------


@hookspec
def payment_succeeded(order: Order, invoice: Invoice) -> None:
    """An order was paid (online, or recorded on site by a manager).

    :param order: the `plugins.billing.models.Order`.
    :param invoice: the `Invoice` issued for it.
    """


@hookspec
def payment_refunded(order: Order, credit_note: Invoice, amount_cents: int) -> None:
    """Money was given back on an order (to the card, or as credits).

    :param credit_note: the `Invoice` of kind "credit_note" issued for it.
    :param amount_cents: the amount refunded, including VAT.
    """


@hookspec
def invoice_issued(order: Order, invoice: Invoice) -> None:
    """An invoice or a credit note was issued (its number is final)."""
