"""The part of an order's refunds given as credits rather than money (`credited_cents`), so that
money refunded later in Stripe's dashboard for the same days is told apart from a refund
already recorded.

Existing orders: the credit notes of a Stripe order that gave credit days back (a "refund"
grant on the order) and were never paid back through Stripe (no refund id) are counted.

Revision ID: 0004_order_credited_cents
Revises: 0003_events_item_orders
"""
from alembic import op
import sqlalchemy as sa

revision = "0004_order_credited_cents"
down_revision = "0003_events_item_orders"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("billing_order", schema=None) as batch_op:
        batch_op.add_column(sa.Column("credited_cents", sa.Integer(), nullable=False, server_default="0"))
    op.execute(
        "UPDATE billing_order SET credited_cents = COALESCE((SELECT SUM(ABS(n.total_ttc_cents)) "
        "FROM billing_invoice n WHERE n.order_id = billing_order.id AND n.kind = 'credit_note' "
        "AND n.stripe_refund_id IS NULL), 0) "
        "WHERE method = 'stripe' AND EXISTS (SELECT 1 FROM billing_credit_entry c "
        "WHERE c.order_id = billing_order.id AND c.reason = 'refund' AND c.delta > 0)")


def downgrade():
    # Not in a batch: on SQLite a batch copies the table and drops the old one, which the
    # invoices' and lines' foreign keys refuse once there are orders. Both databases drop a
    # plain column in place (SQLite since 3.35).
    op.execute("ALTER TABLE billing_order DROP COLUMN credited_cents")
