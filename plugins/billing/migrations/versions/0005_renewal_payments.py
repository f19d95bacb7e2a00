"""A membership's renewal is paid by its own payment: the invoice keeps it
(`stripe_payment_intent`), so a refund of it in Stripe's dashboard is found and credited; and
the days a counted membership grants each month name the invoice that paid them
(`billing_credit_entry.invoice_id`), so such a refund takes back that month's days.

Existing rows: Stripe's payment ids of past renewals are not here to fill in (a refund of one
of them in the dashboard is still answered "not ours"); the first month's is the order's.

Revision ID: 0005_renewal_payments
Revises: 0004_order_credited_cents
"""
from alembic import op
import sqlalchemy as sa

revision = "0005_renewal_payments"
down_revision = "0004_order_credited_cents"
branch_labels = None
depends_on = None


def upgrade():
    # Plain ADD COLUMN on both databases: a batch would copy the tables on SQLite, which their
    # foreign keys refuse once there are rows.
    op.add_column("billing_invoice", sa.Column("stripe_payment_intent", sa.String(length=100), nullable=True))
    op.create_index(op.f("ix_billing_invoice_stripe_payment_intent"), "billing_invoice", ["stripe_payment_intent"])
    # No foreign key (as `booking_id`): SQLite drops no column a key names, so none could go back.
    op.add_column("billing_credit_entry", sa.Column("invoice_id", sa.Integer(), nullable=True))


def downgrade():
    op.drop_index(op.f("ix_billing_invoice_stripe_payment_intent"), table_name="billing_invoice")
    op.execute("ALTER TABLE billing_invoice DROP COLUMN stripe_payment_intent")
    op.execute("ALTER TABLE billing_credit_entry DROP COLUMN invoice_id")
