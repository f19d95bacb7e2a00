"""Hooks the booking plugin offers to other plugins (billing, conventions, impact...).

Added to the app's plugin manager by the core, which finds this file in the plugin's folder. Each is called through
the hook view of the booking's site, so a module switched off at that site is not asked.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from core.hookspecs import hookspec

if TYPE_CHECKING:  # types only: the models import the core's, which must not import them back
    from core.accounts.models import User
    from core.sites.models import Site
    from core.sites.service import SiteRow
    from plugins.booking.models import Booking
    from plugins.booking.payment import Payer, Price, PriceNote

# --------------------------------------------------------------------------------------------
# Asking: called before a booking is stored (and for previews); they write nothing
# --------------------------------------------------------------------------------------------


@hookspec
def validate_booking(booking: Booking, actor: User) -> str | None:
    """Refuse a booking being made, or let it through.

    :param booking: the `Booking` about to be stored (not yet flushed; `resource`, `member`,
        `starts_at`, `ends_at` set).
    :param actor: the `User` making it (the member, or a manager booking on their behalf).
    :return: a reason to refuse (a translated string), or None.
    """


@hookspec(firstresult=True)
def booking_payer(booking: Booking) -> Payer | None:
    """Say who pays for a booking; the first answer wins.

    :param booking: the `Booking` about to be stored.
    :return: a `plugins.booking.payment.Payer`, or None when nobody needs to pay (the booking
        is then confirmed at once).
    """


@hookspec(firstresult=True)
def booking_price(booking: Booking) -> Price | None:
    """Say how much a booking costs; the first answer wins.

    Also asked for a quote before anyone books (the search's prices, `plugins.booking.quotes`):
    the booking is then never stored (no id, status "quote", `member_id` None for a visitor).

    :param booking: the `Booking` about to be stored, or a quote's unsaved one.
    :return: a `plugins.booking.payment.Price`, or None for free.
    """


@hookspec(firstresult=True)
def booking_price_note(member: User, site: Site | SiteRow, day: date | None) -> dict[str, PriceNote] | None:
    """What a signed-in member is told in place of the prices someone else pays for them at a
    site (their employer's convention: "Paid for by ..."); the first answer wins. Asked once per
    site shown (the search, a site's week and its prices), never per price: answer from what you
    keep per request or per process, without a query per site. A promise to read, not a decision:
    caps and budgets are checked when the member books. Writes nothing. Never asked for a
    visitor.

    :param member: the signed-in `User`.
    :param site: the `Site`, or the search's `core.sites.service.SiteRow` (read its `id`).
    :param day: the local date the prices are for (the search's day), or None for prices read
        without a day (a site's price list or week: say on which days in the note's hint).
    :return: by kind of place ("desk", "office", "room", "visio"), the `PriceNote` to show; None
        (or nothing for a kind) where the member pays the price shown.
    """


@hookspec(firstresult=True)
def booking_payment_url(booking: Booking) -> str | None:
    """Where to send the member to complete a held booking (a checkout page), if anywhere.

    :param booking: a stored `Booking` with status "held".
    :return: a URL, or None.
    """


@hookspec(firstresult=True)
def booking_amount_due(booking: Booking) -> str | None:
    """What the member still has to pay for a booking, and how, as one translated sentence
    shown on the booking's page and in its e-mails ("12,00 € to pay on site"); writes nothing.

    :param booking: a stored `Booking`.
    :return: the sentence, or None when nothing is due.
    """


@hookspec(firstresult=True)
def booking_owing(bookings: list[Booking]) -> set[int] | None:
    """Of these bookings, the ids of those for which `booking_amount_due` would say something is
    due, asked once for a list (the front desk's badge, on every page of a manager) in a few
    queries instead of one sentence per booking; writes nothing.

    :param bookings: stored bookings the member pays themselves (`payer_kind` "member").
    :return: their ids still owing, or None when no plugin takes payments.
    """


@hookspec(firstresult=True)
def booking_refund_preview(booking: Booking, reason: str) -> str | None:
    """What cancelling a booking now would give back, as one translated sentence shown before
    the member confirms ("Refund: 15,00 € to the card used to pay.", "Not refundable: less than
    24 hours before the start."); it must say what `booking_cancelled` then does. Writes nothing.

    :param booking: a stored, active `Booking`.
    :param reason: who would cancel: "member", "manager" or "site_closed" (as for `booking_cancelled`).
    :return: the sentence, or None when there is nothing to say (nothing paid through you).
    """


@hookspec(firstresult=True)
def booking_why_member_pays(booking: Booking) -> str | None:
    """Why a booking that someone else pays for the member's other days is theirs this time, as
    a translated sentence shown once it is made, before the payment if any ("Your employer's
    convention does not pay this day: ..."); writes nothing.

    :param booking: the booking just made, held for the member's payment.
    :return: the sentence, or None when the member simply pays.
    """


@hookspec(firstresult=True)
def booking_payer_label(booking: Booking) -> str | None:
    """Who pays a booking when it is not the member, as a short translated phrase shown beside
    it in the member's list ("Paid by Conseil départemental du Lot"); writes nothing.

    :param booking: a stored `Booking`.
    :return: the phrase, or None.
    """


# --------------------------------------------------------------------------------------------
# Events (acting): called inside the booking's transaction, after the change is flushed.
# Implementations write what follows (flush, never commit) or raise `Refused` to refuse it all.
# --------------------------------------------------------------------------------------------


@hookspec
def booking_held(booking: Booking) -> None:
    """A booking was stored as held, until `booking.hold_expires_at` (payment, approval)."""


@hookspec
def booking_confirmed(booking: Booking) -> None:
    """A booking was confirmed (at once, or when its hold completed)."""


@hookspec
def booking_cancelled(booking: Booking, actor: User | None, reason: str) -> None:
    """A booking was cancelled, by its member, a manager, or an expired hold.

    :param actor: the `User` who cancelled, or None for the system (expired hold).
    :param reason: a short code: "member", "manager", "site_closed" (the site closed that day),
        "hold_expired", "payment_failed", "approval_refused", "account_erased", "employer" (the
        employer paying it ended the member's cover: conventions).
    """


@hookspec
def booking_checked_in(booking: Booking) -> None:
    """A member checked in on arrival."""


@hookspec
def booking_no_show_undone(booking: Booking, actor: User | None) -> None:
    """A manager took back a no-show the same day (the member came late): the booking is
    "confirmed" again, flushed, under the locks a booking takes (its resource, its member).
    Whatever the no-show gave back (a convention not counting no-shows gave the day back to its
    caps) is spent again: check it under your own lock, as for a new booking, and raise
    `Refused` to refuse the undo (the no-show then stays).

    :param actor: the `User` (a manager of the site) taking it back.
    """


# --------------------------------------------------------------------------------------------
# The site's desk: what a manager sees beside the day's bookings and in the site's figures
# --------------------------------------------------------------------------------------------


@hookspec
def booking_desk_links(booking: Booking) -> list | None:
    """Links a site manager sees beside a booking in the site's day (record its payment...).

    :param booking: a stored `Booking` of the day.
    :return: a list of `core.ui.NavItem`, or None.
    """


@hookspec
def booking_manage_links(site: Site) -> list | None:
    """Pages of yours for managing this site, in its management menu beside the day and the
    week (the payments to record, ...), for a user who manages it.

    :return: a list of `core.ui.NavItem`, or None.
    """


@hookspec
def booking_revenue(site: Site, bounds: list[datetime]) -> tuple[str, list[int]] | None:
    """Collector: each paying plugin's part of the site's revenue (excluding VAT, credit notes
    subtracted) between consecutive instants; the site's figures add the parts up (billing: its
    invoices; conventions: the days partners pay at the site).

    :param site: the `Site`.
    :param bounds: n + 1 aware UTC instants, in order.
    :return: (currency, n amounts in cents), or None when the plugin took no payment there.
    """
