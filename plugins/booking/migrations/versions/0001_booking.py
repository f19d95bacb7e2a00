"""Booking tables: resources, rules, bookings (with the no-overlap guarantee), waitlist, feeds.

Revision ID: 0001_booking
Revises:
Create Date: 2026-11-29 02:25:00

"""
from alembic import op
import sqlalchemy as sa

revision = "0001_booking"
down_revision = None
branch_labels = ("booking",)
depends_on = "0001_core"

TZ = sa.DateTime(timezone=True)

# SQLite: writers are serialised by BEGIN IMMEDIATE; these triggers refuse an active row that
# overlaps another active row of the same resource. Expired holds are marked first by the app.
SQLITE_TRIGGER = """
CREATE TRIGGER booking_no_overlap_{event} BEFORE {event} ON booking_booking
FOR EACH ROW WHEN NEW.status IN ('held', 'confirmed', 'checked_in')
BEGIN
    SELECT RAISE(ABORT, 'booking_overlap') WHERE EXISTS (
        SELECT 1 FROM booking_booking b
        WHERE b.resource_id = NEW.resource_id AND b.id IS NOT NEW.id
          AND b.status IN ('held', 'confirmed', 'checked_in')
          AND b.starts_at < NEW.ends_at AND b.ends_at > NEW.starts_at
          AND b.starts_at > datetime(NEW.starts_at, '-1 day'));
END
"""


def upgrade():
    op.create_table(
        "booking_resource",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("group_name", sa.String(length=120), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("equipment", sa.JSON(), nullable=False),
        sa.Column("accessible", sa.Boolean(), nullable=False),
        sa.Column("photos", sa.JSON(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("approval_required", sa.Boolean(), nullable=False),
        sa.Column("retired_at", TZ, nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_booking_resource_site_id_site"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_booking_resource")),
    )
    op.create_index("ix_booking_resource_site_id", "booking_resource", ["site_id"])

    op.create_table(
        "booking_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("min_minutes", sa.Integer(), nullable=True),
        sa.Column("max_minutes", sa.Integer(), nullable=True),
        sa.Column("max_days_ahead", sa.Integer(), nullable=True),
        sa.Column("min_notice_minutes", sa.Integer(), nullable=True),
        sa.Column("cancel_deadline_minutes", sa.Integer(), nullable=True),
        sa.Column("buffer_minutes", sa.Integer(), nullable=True),
        sa.Column("max_per_week", sa.Integer(), nullable=True),
        sa.Column("approval_required", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_booking_rule_site_id_site"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_booking_rule")),
    )
    op.create_index("uq_booking_rule_site_kind", "booking_rule", ["site_id", "kind"], unique=True)

    op.create_table(
        "booking_booking",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resource_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("starts_at", TZ, nullable=False),
        sa.Column("ends_at", TZ, nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("is_block", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=255), nullable=False),
        sa.Column("hold_expires_at", TZ, nullable=True),
        sa.Column("hold_reason", sa.String(length=20), nullable=True),
        sa.Column("series_id", sa.String(length=32), nullable=True),
        sa.Column("checkin_code", sa.String(length=12), nullable=False),
        sa.Column("checked_in_at", TZ, nullable=True),
        sa.Column("cancelled_at", TZ, nullable=True),
        sa.Column("cancel_reason", sa.String(length=20), nullable=True),
        sa.Column("payer_kind", sa.String(length=20), nullable=True),
        sa.Column("payer_reference", sa.String(length=80), nullable=True),
        sa.Column("price_cents", sa.Integer(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("reminded_at", TZ, nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.CheckConstraint("starts_at < ends_at", name="ck_booking_booking_range"),
        sa.CheckConstraint("status IN ('held', 'confirmed', 'checked_in', 'cancelled', 'expired', 'no_show')",
                           name="ck_booking_booking_status"),
        sa.ForeignKeyConstraint(["resource_id"], ["booking_resource.id"],
                                name=op.f("fk_booking_booking_resource_id_booking_resource")),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_booking_booking_site_id_site")),
        sa.ForeignKeyConstraint(["member_id"], ["user_account.id"],
                                name=op.f("fk_booking_booking_member_id_user_account"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["created_by_id"], ["user_account.id"],
                                name=op.f("fk_booking_booking_created_by_id_user_account"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_booking_booking")),
    )
    op.create_index("ix_booking_booking_resource_starts", "booking_booking", ["resource_id", "starts_at"])
    op.create_index("ix_booking_booking_site_starts", "booking_booking", ["site_id", "starts_at"])
    op.create_index("ix_booking_booking_member_id", "booking_booking", ["member_id"])
    op.create_index("ix_booking_booking_series_id", "booking_booking", ["series_id"])

    op.create_table(
        "booking_waitlist",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", TZ, nullable=False),
        sa.Column("ends_at", TZ, nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("offered_resource_id", sa.Integer(), nullable=True),
        sa.Column("offer_expires_at", TZ, nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_booking_waitlist_site_id_site"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["user_account.id"],
                                name=op.f("fk_booking_waitlist_member_id_user_account"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["offered_resource_id"], ["booking_resource.id"],
                                name=op.f("fk_booking_waitlist_offered_resource_id_booking_resource")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_booking_waitlist")),
    )
    op.create_index("ix_booking_waitlist_site_starts", "booking_waitlist", ["site_id", "starts_at"])
    op.create_index("ix_booking_waitlist_member_id", "booking_waitlist", ["member_id"])

    op.create_table(
        "booking_feed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"], name=op.f("fk_booking_feed_user_id_user_account"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_booking_feed_site_id_site"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_booking_feed")),
        sa.UniqueConstraint("token", name=op.f("uq_booking_feed_token")),
    )
    op.create_index("ix_booking_feed_user_id", "booking_feed", ["user_id"])

    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        op.execute("ALTER TABLE booking_booking ADD CONSTRAINT booking_no_overlap EXCLUDE USING gist "
                   "(resource_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) "
                   "WHERE (status IN ('held', 'confirmed', 'checked_in'))")
    else:
        op.execute(SQLITE_TRIGGER.format(event="INSERT"))
        op.execute(SQLITE_TRIGGER.format(event="UPDATE"))


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TRIGGER IF EXISTS booking_no_overlap_INSERT")
        op.execute("DROP TRIGGER IF EXISTS booking_no_overlap_UPDATE")
    for table in ("booking_feed", "booking_waitlist", "booking_booking", "booking_rule", "booking_resource"):
        op.drop_table(table)
