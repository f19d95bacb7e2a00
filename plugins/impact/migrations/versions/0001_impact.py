"""Impact's tables: the first revision of its own branch.

Revision ID: 0001_impact
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001_impact"
down_revision = None
branch_labels = ("impact",)
depends_on = "0001_core"


def upgrade():
    op.create_table(
        "impact_profile",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("work_commune_code", sa.String(length=5), nullable=True),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("fiscal_hp", sa.Integer(), nullable=True),
        sa.Column("consent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"], name=op.f("fk_impact_profile_user_id_user_account"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_impact_profile")),
    )
    op.create_table(
        "impact_day",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("counted", sa.Boolean(), nullable=False),
        sa.Column("home_code", sa.String(length=5), nullable=True),
        sa.Column("mode", sa.String(length=20), nullable=True),
        sa.Column("km", sa.Float(), nullable=False),
        sa.Column("co2e_kg", sa.Float(), nullable=False),
        sa.Column("cents", sa.Integer(), nullable=False),
        sa.Column("hours", sa.Float(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["user_account.id"], name=op.f("fk_impact_day_member_id_user_account"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_impact_day")),
        sa.UniqueConstraint("member_id", "day", name="uq_impact_day_member_day"),
    )
    op.create_index("ix_impact_day_site_id", "impact_day", ["site_id"])
    op.create_table(
        "impact_month",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("member_ref", sa.String(length=40), nullable=False),
        sa.Column("home_code", sa.String(length=5), nullable=False),
        sa.Column("counted", sa.Boolean(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("km", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_impact_month")),
        sa.UniqueConstraint("month", "site_id", "partner_id", "member_ref", name="uq_impact_month"),
    )
    op.create_index("ix_impact_month_member_id", "impact_month", ["member_id"])
    op.create_index("ix_impact_month_month", "impact_month", ["month", "counted"])
    op.create_table(
        "impact_reach",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=1), nullable=False),
        sa.Column("scope_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("member_ref", sa.String(length=40), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("home_code", sa.String(length=5), nullable=False),
        sa.Column("counted", sa.Boolean(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_impact_reach")),
        sa.UniqueConstraint("kind", "scope_id", "year", "member_ref", name="uq_impact_reach"),
    )
    op.create_index("ix_impact_reach_member_id", "impact_reach", ["member_id"])
    op.create_table(
        "impact_total",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("km", sa.Float(), nullable=False),
        sa.Column("co2e_kg", sa.Float(), nullable=False),
        sa.Column("cents", sa.Integer(), nullable=False),
        sa.Column("hours", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_impact_total")),
        sa.UniqueConstraint("month", "site_id", "partner_id", name="uq_impact_total"),
    )
    op.create_table(
        "impact_route",
        sa.Column("from_code", sa.String(length=5), nullable=False),
        sa.Column("to_code", sa.String(length=12), nullable=False),
        sa.Column("km", sa.Float(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("from_code", "to_code", name=op.f("pk_impact_route")),
    )
    op.create_table(
        "impact_option",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_impact_option")),
    )


def downgrade():
    for table in ("impact_option", "impact_route", "impact_total", "impact_reach", "impact_month", "impact_day", "impact_profile"):
        op.drop_table(table)
