"""The billing tables: orders, the credit ledger, subscriptions, invoices, Stripe events.

Money is integer cents with a currency; VAT rates are basis points copied from configuration
at the time of sale. `booking_id` columns are plain integers without a foreign key: billing's
first revision must build on a database where booking's tables may not exist yet (booking's
branch landed separately), and a booking is never deleted, only cancelled.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.db import UTCDateTime, utcnow
from core.extensions import db

# An order's status only moves forward along this ranking; a late or replayed Stripe event
# can never take a paid order back to pending.
ORDER_RANK = {"pending": 0, "failed": 1, "expired": 1, "cancelled": 1, "paid": 2, "refunded": 3}
# The kind of an order for something another plugin sells (an event's ticket): see `items`.
ITEM_KIND = "item"


class Order(db.Model):
    """One purchase: a pass for a booking, a bundle, a membership's first month, or an item
    another plugin sells (kind "item": `seller` names the plugin, `seller_reference` its key)."""

    __tablename__ = "billing_order"
    __table_args__ = (Index("ix_billing_order_seller_reference", "seller", "seller_reference"),
                      Index("uq_billing_order_desk_key", "desk_key", unique=True))

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), index=True)
    product_code: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(default=1)
    unit_cents: Mapped[int]  # excluding VAT
    vat_rate_bp: Mapped[int]
    total_cents: Mapped[int]  # including VAT: what the member pays
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    discount_code: Mapped[str | None] = mapped_column(String(40), index=True)
    status: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    method: Mapped[str] = mapped_column(String(12), default="stripe")  # stripe, cash, cheque, transfer
    booking_id: Mapped[int | None] = mapped_column(index=True)
    stripe_session_id: Mapped[str | None] = mapped_column(String(100), unique=True)
    stripe_payment_intent: Mapped[str | None] = mapped_column(String(100), index=True)
    session_expires_at: Mapped[object | None] = mapped_column(UTCDateTime)
    refunded_cents: Mapped[int] = mapped_column(default=0)
    # The part of refunded_cents given back as credit days, not money (the rest went back
    # through Stripe, or by the site's own means for an order paid on site).
    credited_cents: Mapped[int] = mapped_column(default=0, server_default="0")
    client_name: Mapped[str] = mapped_column(String(200), default="")
    client_email: Mapped[str] = mapped_column(String(254), default="")
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)
    paid_at: Mapped[object | None] = mapped_column(UTCDateTime)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    # Items sold for another plugin (kind "item"); None otherwise.
    seller: Mapped[str | None] = mapped_column(String(20))
    seller_reference: Mapped[str | None] = mapped_column(String(80))
    seller_url: Mapped[str | None] = mapped_column(String(300))  # the page to come back to after paying
    service_date: Mapped[date | None] = mapped_column(Date)  # the day of the service (the event's)
    # The one-time key of the desk's payment form that recorded it: the same form posted twice
    # (a double click) finds this order instead of recording a second (`desk.record_at_desk`).
    desk_key: Mapped[str | None] = mapped_column(String(64))

    site = relationship("Site")
    member = relationship("User", foreign_keys=[member_id])


class CreditEntry(db.Model):
    """A line of a member's ledger: a grant (positive, may expire) or a use of one grant.

    Uses and give-backs point at the grant they draw on, so a balance is the sum, over grants
    still valid, of the grant and its uses: expired days vanish with their grant.
    """

    __tablename__ = "billing_credit_entry"
    __table_args__ = (Index("ix_billing_credit_member_grant", "member_id", "grant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))  # None: the whole network
    grant_id: Mapped[int | None] = mapped_column(ForeignKey("billing_credit_entry.id"))
    delta: Mapped[int]
    reason: Mapped[str] = mapped_column(String(20))  # bundle, membership, pass, booking, give_back, refund, manual
    order_id: Mapped[int | None] = mapped_column(ForeignKey("billing_order.id"))
    invoice_id: Mapped[int | None]  # a membership month's grant: the invoice paying it
    booking_id: Mapped[int | None]
    expires_at: Mapped[object | None] = mapped_column(UTCDateTime)
    # A grant that pays one kind of booking only (a day or a half-day pass bought at the desk
    # before any booking: reason "pass"); None: any day or half-day, as bundles' days.
    product_code: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)

    site = relationship("Site")


class Subscription(db.Model):
    """A monthly membership, mirrored from its Stripe subscription."""

    __tablename__ = "billing_subscription"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    order_id: Mapped[int] = mapped_column(ForeignKey("billing_order.id"))
    product_code: Mapped[str] = mapped_column(String(64))
    stripe_subscription_id: Mapped[str] = mapped_column(String(100), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="active")  # active, past_due, canceled
    cancel_at_period_end: Mapped[bool] = mapped_column(default=False)
    current_period_end: Mapped[object | None] = mapped_column(UTCDateTime)
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)

    site = relationship("Site")
    order = relationship("Order")


class ReducedRate(db.Model):
    """A member a manager found eligible for reduced prices (job seeker, student)."""

    __tablename__ = "billing_reduced_rate"

    member_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    category: Mapped[str] = mapped_column(String(20))  # job_seeker, student
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    granted_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)


class InvoiceSeries(db.Model):
    """The next number of a series; taken by an UPDATE in the paying transaction, so a
    rollback gives the number back and no number is ever skipped."""

    __tablename__ = "billing_invoice_series"

    series: Mapped[str] = mapped_column(String(20), primary_key=True)
    next_number: Mapped[int] = mapped_column(default=1)


class Invoice(db.Model):
    """An invoice or a credit note (avoir); never deleted, never renumbered.

    The seller and client are copied at issue: the document must stay as issued even when the
    operator moves or the member erases their account.
    """

    __tablename__ = "billing_invoice"
    __table_args__ = (UniqueConstraint("series", "number", name="uq_billing_invoice_series_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series: Mapped[str] = mapped_column(String(20))
    number: Mapped[int]
    reference: Mapped[str] = mapped_column(String(40), unique=True)  # e.g. F2026-00001
    kind: Mapped[str] = mapped_column(String(12), default="invoice")  # invoice, credit_note
    order_id: Mapped[int] = mapped_column(ForeignKey("billing_order.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), index=True)
    credited_invoice_id: Mapped[int | None] = mapped_column(ForeignKey("billing_invoice.id"))
    stripe_invoice_id: Mapped[str | None] = mapped_column(String(100), unique=True)
    # The payment of a membership's invoice: a renewal is paid by its own, not the order's, and
    # a refund of it in Stripe's dashboard is found by it.
    stripe_payment_intent: Mapped[str | None] = mapped_column(String(100), index=True)
    stripe_refund_id: Mapped[str | None] = mapped_column(String(100), unique=True)
    issued_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)
    service_date: Mapped[date] = mapped_column(Date)
    seller: Mapped[dict] = mapped_column(JSON)
    client: Mapped[dict] = mapped_column(JSON)
    lines: Mapped[list] = mapped_column(JSON)
    vat_breakdown: Mapped[list] = mapped_column(JSON)
    total_ht_cents: Mapped[int]
    total_vat_cents: Mapped[int]
    total_ttc_cents: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3))
    payment_method: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str] = mapped_column(String(300), default="")

    order = relationship("Order")
    site = relationship("Site")
    credited_invoice = relationship("Invoice", remote_side=[id])


class StripeEvent(db.Model):
    """A Stripe event already handled, stored in the transaction of its effect."""

    __tablename__ = "billing_stripe_event"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    type: Mapped[str] = mapped_column(String(80))
    effect: Mapped[str] = mapped_column(String(200))
    received_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)


class OrderLine(db.Model):
    """One booking of a basket order (kind "basket"): a day, a half-day, a room's hours.

    A basket is paid once (one Checkout session, one invoice with one line per booking) and
    each line is confirmed, refunded or credited on its own. `total_cents` is the line's share
    of the order's total including VAT (the shares add up to the total to the cent).
    """

    __tablename__ = "billing_order_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("billing_order.id"), index=True)
    booking_id: Mapped[int] = mapped_column(index=True)
    product_code: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(default=1)
    unit_cents: Mapped[int]  # excluding VAT
    vat_rate_bp: Mapped[int]
    total_cents: Mapped[int]  # including VAT
    refunded_cents: Mapped[int] = mapped_column(default=0)
    service_date: Mapped[date] = mapped_column(Date)

    order = relationship("Order", back_populates="lines")


Order.lines = relationship(OrderLine, order_by=OrderLine.id, back_populates="order")


class Customer(db.Model):
    """A member's invoicing identity when they buy as a business: printed on their invoices,
    and the reason their prices are shown excluding VAT beside the price including it."""

    __tablename__ = "billing_customer"

    member_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    company_name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300))
    postcode: Mapped[str] = mapped_column(String(12))
    city: Mapped[str] = mapped_column(String(120))
    siret: Mapped[str] = mapped_column(String(14), default="")
    vat_number: Mapped[str] = mapped_column(String(20), default="")
    updated_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
