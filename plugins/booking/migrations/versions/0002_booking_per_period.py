"""Booking rules: the most places of a kind a member holds at the same time.

Revision ID: 0002_booking_per_period
Revises: 0001_booking
Create Date: 2026-11-30 03:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "0002_booking_per_period"
down_revision = "0001_booking"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("booking_rule") as batch:
        batch.add_column(sa.Column("max_per_period", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("booking_rule") as batch:
        batch.drop_column("max_per_period")
