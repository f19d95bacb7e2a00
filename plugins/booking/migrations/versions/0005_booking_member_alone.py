"""The index on a booking's member alone goes: the one on (`member_id`, `starts_at`) of 0004 serves
every query by member (a member's bookings, a user's erasure setting theirs to NULL), and each
booking stored paid for both.

Revision ID: 0005_booking_member_alone
Revises: 0004_booking_member_starts
"""
from alembic import op

revision = "0005_booking_member_alone"
down_revision = "0004_booking_member_starts"
branch_labels = None
depends_on = None


def upgrade():
    # Not in a batch, as 0004: a batch may copy the table on SQLite, and drop its triggers with it.
    op.drop_index("ix_booking_booking_member_id", table_name="booking_booking")


def downgrade():
    op.create_index("ix_booking_booking_member_id", "booking_booking", ["member_id"])
