"""An index on a member's bookings by start (`member_id`, `starts_at`): the API's list of a
member's bookings (`GET /api/v1/bookings`, `service.bookings_page`) pages by (start, id), and a
member's next bookings are read by start; both read it instead of every booking of the member.

Revision ID: 0004_booking_member_starts
Revises: 0003_booking_cancel_note
"""
from alembic import op

revision = "0004_booking_member_starts"
down_revision = "0003_booking_cancel_note"
branch_labels = None
depends_on = None


def upgrade():
    # Not in a batch: on SQLite a batch may copy the table and drop the old one, and with it the
    # triggers that refuse overlapping bookings. Both databases create an index in place.
    op.create_index("ix_booking_booking_member_starts", "booking_booking", ["member_id", "starts_at"])


def downgrade():
    op.drop_index("ix_booking_booking_member_starts", table_name="booking_booking")
