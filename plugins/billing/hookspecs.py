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


# --------------------------------------------------------------------------------------------
# Items another plugin sells through billing (`plugins.billing.checkout_item`): the seller's
# implementation looks at `order.seller` (its plugin's name) and `order.seller_reference` (its
# own key) and ignores other orders. Called inside the transaction of the change, through the
# hook view of the order's site; each is called once per change of the order (its row lock and
# forward-only status make a replayed webhook find it done).
# --------------------------------------------------------------------------------------------


@hookspec(firstresult=True)
def billing_item_paid(order: Order, invoice: Invoice) -> bool | None:
    """An item's order was paid and invoiced: deliver it (a held seat becomes a seat).

    :return: True once delivered; False when it cannot be any more (the seat was released
        meanwhile): billing then refunds the order in full in the same transaction and mails
        the buyer. None: not this plugin's order (when nobody answers True, it is refunded too).
    """


@hookspec
def billing_item_released(order: Order) -> None:
    """An item's Checkout session expired or failed unpaid, and no newer checkout of the same
    item is open: release what was held for it (the seat)."""


@hookspec
def billing_item_refunded(order: Order, credit_note: Invoice, amount_cents: int) -> None:
    """Money was given back on an item's order (by its seller, a manager or Stripe's dashboard);
    `order.status` is "refunded" once all of it was."""
