"""Items other plugins sell through billing (an event's ticket): the seller's name and key on
the order, the page to come back to, and the day of the service printed on the invoice.

Revision ID: 0003_events_item_orders
Revises: 0002_money_basket_and_customer
"""
from alembic import op
import sqlalchemy as sa

revision = "0003_events_item_orders"
down_revision = "0002_money_basket_and_customer"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("billing_order", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seller", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("seller_reference", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("seller_url", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("service_date", sa.Date(), nullable=True))
        batch_op.create_index("ix_billing_order_seller_reference", ["seller", "seller_reference"], unique=False)


def downgrade():
    with op.batch_alter_table("billing_order", schema=None) as batch_op:
        batch_op.drop_index("ix_billing_order_seller_reference")
        batch_op.drop_column("service_date")
        batch_op.drop_column("seller_url")
        batch_op.drop_column("seller_reference")
        batch_op.drop_column("seller")
