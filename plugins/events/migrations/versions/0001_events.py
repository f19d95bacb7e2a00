"""Events' tables: the first revision of its own branch.

Revision ID: 0001_events
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001_events"
down_revision = None
branch_labels = ("events",)
depends_on = "0001_core"


def upgrade():
    op.create_table(
        "events_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("online_url", sa.String(length=500), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("seats_taken", sa.Integer(), nullable=False),
        sa.Column("audience", sa.String(length=10), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("room_id", sa.Integer(), nullable=True),
        sa.Column("room_booking_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("seats_taken >= 0 AND seats_taken <= capacity", name=op.f("ck_events_event_seats")),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_events_event_site_id_site"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["created_by_id"], ["user_account.id"],
                                name=op.f("fk_events_event_created_by_id_user_account"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events_event")),
    )
    op.create_index("ix_events_event_site_id", "events_event", ["site_id"])
    op.create_index("ix_events_event_starts_at", "events_event", ["starts_at"])
    op.create_table(
        "events_registration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attended", sa.Boolean(), nullable=True),
        sa.Column("reminded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events_event.id"],
                                name=op.f("fk_events_registration_event_id_events_event"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"],
                                name=op.f("fk_events_registration_user_id_user_account"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events_registration")),
        sa.UniqueConstraint("event_id", "email", name="uq_events_registration_event_email"),
        sa.UniqueConstraint("token", name=op.f("uq_events_registration_token")),
    )
    op.create_index("ix_events_registration_user_id", "events_registration", ["user_id"])
    op.create_index("ix_events_registration_event_status", "events_registration", ["event_id", "status"])


def downgrade():
    op.drop_table("events_registration")
    op.drop_table("events_event")
