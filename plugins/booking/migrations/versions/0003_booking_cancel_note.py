"""A booking keeps the reason its cancellation was given to the member (`cancel_note`: a
manager's words, or the closure's reason): the member's booking page and the manager's day show
it, where it was only in the cancellation e-mail. Erased with the member's other data.

Revision ID: 0003_booking_cancel_note
Revises: 0002_booking_per_period
"""
from alembic import op
import sqlalchemy as sa

revision = "0003_booking_cancel_note"
down_revision = "0002_booking_per_period"
branch_labels = None
depends_on = None


def upgrade():
    # Not in a batch: on SQLite a batch may copy the table and drop the old one, and with it the
    # triggers that refuse overlapping bookings. Both databases add a column in place.
    op.add_column("booking_booking", sa.Column("cancel_note", sa.String(length=500), nullable=False,
                                               server_default=""))


def downgrade():
    # In place too (SQLite since 3.35).
    op.execute("ALTER TABLE booking_booking DROP COLUMN cancel_note")
