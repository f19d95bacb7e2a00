"""The language a registration was made in: a visitor's reminder and notices, sent by jobs, are
written in it (they were in the territory's language whatever the visitor read).

Revision ID: 0003_events_registration_locale
Revises: 0002_events_tickets
"""
from alembic import op
import sqlalchemy as sa

revision = "0003_events_registration_locale"
down_revision = "0002_events_tickets"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("events_registration", schema=None) as batch_op:
        batch_op.add_column(sa.Column("locale", sa.String(length=10), nullable=True))


def downgrade():
    # In place (SQLite since 3.35): a batch would copy the table and drop the old one.
    op.execute("ALTER TABLE events_registration DROP COLUMN locale")
