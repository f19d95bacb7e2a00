"""Paid events (a ticket sold through billing) and the iCalendar SEQUENCE of a moved event.

Revision ID: 0002_events_tickets
Revises: 0001_events
"""
from alembic import op
import sqlalchemy as sa

revision = "0002_events_tickets"
down_revision = "0001_events"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("events_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("price_cents", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("vat_rate_bp", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("sequence", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("events_registration", schema=None) as batch_op:
        batch_op.add_column(sa.Column("hold_expires_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("order_id", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("events_registration", schema=None) as batch_op:
        batch_op.drop_column("order_id")
        batch_op.drop_column("hold_expires_at")
    with op.batch_alter_table("events_event", schema=None) as batch_op:
        batch_op.drop_column("sequence")
        batch_op.drop_column("vat_rate_bp")
        batch_op.drop_column("price_cents")
