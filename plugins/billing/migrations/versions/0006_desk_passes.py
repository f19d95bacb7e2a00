"""A pass recorded at the desk before any booking becomes a credit of that pass: a grant names
the product it pays (`billing_credit_entry.product_code`, None for the days of a bundle, a
membership or a refund, which pay any day or half-day). And the desk's payment form carries a
one-time key stored on the order it records (`billing_order.desk_key`, unique), so the same form
posted twice records one payment.

Existing rows: no grant names a product, no order a key; both stay so.

Revision ID: 0006_desk_passes
Revises: 0005_renewal_payments
"""
from alembic import op
import sqlalchemy as sa

revision = "0006_desk_passes"
down_revision = "0005_renewal_payments"
branch_labels = None
depends_on = None


def upgrade():
    # Plain ADD COLUMN on both databases (see 0005): a batch would copy the tables on SQLite.
    op.add_column("billing_credit_entry", sa.Column("product_code", sa.String(length=64), nullable=True))
    op.add_column("billing_order", sa.Column("desk_key", sa.String(length=64), nullable=True))
    op.create_index("uq_billing_order_desk_key", "billing_order", ["desk_key"], unique=True)


def downgrade():
    op.drop_index("uq_billing_order_desk_key", table_name="billing_order")
    op.execute("ALTER TABLE billing_order DROP COLUMN desk_key")
    op.execute("ALTER TABLE billing_credit_entry DROP COLUMN product_code")
