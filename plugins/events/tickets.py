"""Paid events: a ticket sold through billing's public API, and billing's hooks back.

A member registering for a paid event takes a seat by the same compare-and-set as a free one,
held (`status` "held") until `hold_expires_at`; `checkout` sends them to billing's Checkout
and keeps the seat while that page can be paid. Billing then tells events, in the transaction
of the payment, through `billing_item_paid` (the seat confirmed, or False: refunded by billing),
`billing_item_released` (the page expired unpaid: the seat goes to the waitlist) and
`billing_item_refunded` (refunded in full from billing's side: the registration is cancelled).
"""
from __future__ import annotations

from flask import current_app
from flask_babel import force_locale, gettext as _

from core.db import find, utcnow
from core.extensions import db
from core.timeutil import utc_to_local
from core.ui import moment
from core.urls import external_url
from plugins.billing import ItemCheckout, checkout_item

from . import service
from .errors import EventsError
from .models import HELD, Registration


def _registration_of(order) -> Registration | None:
    """The registration an order of billing pays, when the order is events' ticket."""
    if order.seller != service.SELLER or not (order.seller_reference or "").startswith("registration:"):
        return None
    number = order.seller_reference.split(":", 1)[1]
    return find(Registration, number)


def label(event) -> str:
    """The ticket's line on its order and invoice: in the territory's language whoever buys it,
    as billing's own items (the invoice is a French document)."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return _("Ticket: %(title)s, %(day)s, %(site)s", title=event.title, day=moment(event.starts_at, event.site),
                 site=event.site.name)[:200]


def checkout(registration: Registration, user) -> ItemCheckout | None:
    """The payment page of a held seat (billing commits the order first, then its session); the
    hold then lasts as long as the page can be paid. None when the hold lapsed meanwhile (the
    checkout is closed; the caller commits and tells the member).

    :raises EventsError: the seat is not held for this member.
    :raises plugins.billing.errors.BillingError: billing refused (payment unavailable...).
    """
    event = registration.event
    if registration.status != HELD or registration.user_id != user.id:
        raise EventsError(_("No seat is held for you at this event."), "not_held", status=409)
    paying = checkout_item(user, event.site, seller=service.SELLER, reference=service.ticket_reference(registration),
                           label=label(event), unit_cents=event.price_cents, vat_rate_bp=event.vat_rate_bp,
                           service_date=utc_to_local(event.starts_at, service.tz_of(event)).date(),
                           url=external_url("events.show", event_id=event.id))
    registration = db.session.get(Registration, registration.id)
    if service.extend_hold(registration, paying.expires_at, paying.order_id):
        return paying
    service.cancel_item_checkout(service.SELLER, service.ticket_reference(registration))
    return None


# --------------------------------------------------------------------------------------------
# Billing's hooks, in billing's transaction
# --------------------------------------------------------------------------------------------


def paid(order) -> bool | None:
    registration = _registration_of(order)
    if registration is None:
        return None
    return service.ticket_paid(registration, order.id)


def released(order) -> None:
    """A payment page closed unpaid: the seat goes, unless it is held longer than the page (a
    seat offered from the waitlist is the member's for a day; its release job frees it then)."""
    registration = _registration_of(order)
    if registration is None or registration.status != HELD or registration.order_id not in (None, order.id):
        return
    page_ends = order.session_expires_at or utcnow()
    if registration.hold_expires_at and registration.hold_expires_at > page_ends + service.PAYMENT_GRACE:
        return  # held beyond this page (an offer): `schedule_release`'s job frees it at its end
    service.release(registration)


def refunded(order) -> None:
    """Refunded in full from billing's side (a manager, Stripe's dashboard): the ticket is gone,
    the seat too. Events' own refunds cancel the registration first and land here as a no-op."""
    registration = _registration_of(order)
    if (registration is None or order.status != "refunded" or registration.order_id != order.id
            or registration.status != "confirmed" or registration.event.ends_at <= utcnow()):
        return
    service.cancel_registration(registration)
