"""Conventions' tables: partners, référents, conventions, authorisations, uses, statements.

Revision ID: 0001_conventions
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001_conventions"
down_revision = None
branch_labels = ("conventions",)
depends_on = "0001_core"

INSTANT = sa.DateTime(timezone=True)


def _pk(table):
    return sa.PrimaryKeyConstraint("id", name=f"pk_{table}")


def upgrade():
    op.create_table(
        "conventions_partner",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("siret", sa.String(14), nullable=False),
        sa.Column("vat_number", sa.String(20), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("public_buyer", sa.Boolean(), nullable=False),
        sa.Column("chorus_service_code", sa.String(100), nullable=False),
        sa.Column("engagement_number", sa.String(50), nullable=False),
        sa.Column("listed_publicly", sa.Boolean(), nullable=False),
        sa.Column("created_at", INSTANT, nullable=False),
        _pk("conventions_partner"),
    )
    op.create_table(
        "conventions_referent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["partner_id"], ["conventions_partner.id"],
                                name="fk_conventions_referent_partner_id", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"], name="fk_conventions_referent_user_id",
                                ondelete="CASCADE"),
        sa.UniqueConstraint("partner_id", "user_id", name="uq_conventions_referent"),
        _pk("conventions_referent"),
    )
    op.create_index("ix_conventions_referent_user_id", "conventions_referent", ["user_id"])
    op.create_table(
        "conventions_convention",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(40), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("tacit_renewal", sa.Boolean(), nullable=False),
        sa.Column("notice_days", sa.Integer(), nullable=False),
        sa.Column("all_sites", sa.Boolean(), nullable=False),
        sa.Column("site_ids", sa.JSON(), nullable=False),
        sa.Column("kinds", sa.JSON(), nullable=False),
        sa.Column("price_model", sa.String(12), nullable=False),
        sa.Column("day_rate_cents", sa.Integer(), nullable=False),
        sa.Column("half_day_rate_cents", sa.Integer(), nullable=False),
        sa.Column("seat_fee_cents", sa.Integer(), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("vat_rate_bp", sa.Integer(), nullable=False),
        sa.Column("week_cap", sa.Integer(), nullable=True),
        sa.Column("month_cap", sa.Integer(), nullable=True),
        sa.Column("year_cap", sa.Integer(), nullable=True),
        sa.Column("budget_halfdays", sa.Integer(), nullable=True),
        sa.Column("budget_cents", sa.Integer(), nullable=True),
        sa.Column("past_cap", sa.String(12), nullable=False),
        sa.Column("cancel_notice_hours", sa.Integer(), nullable=False),
        sa.Column("no_show_counts", sa.Boolean(), nullable=False),
        sa.Column("email_domains", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("budget_alerted_at", INSTANT, nullable=True),
        sa.Column("ending_notice_at", INSTANT, nullable=True),
        sa.Column("created_at", INSTANT, nullable=False),
        sa.ForeignKeyConstraint(["partner_id"], ["conventions_partner.id"],
                                name="fk_conventions_convention_partner_id"),
        sa.UniqueConstraint("reference", name="uq_conventions_convention_reference"),
        _pk("conventions_convention"),
    )
    op.create_index("ix_conventions_convention_partner_id", "conventions_convention", ["partner_id"])
    op.create_table(
        "conventions_authorisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("convention_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("weekdays", sa.JSON(), nullable=False),
        sa.Column("joined_by", sa.String(12), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", INSTANT, nullable=True),
        sa.Column("created_at", INSTANT, nullable=False),
        sa.ForeignKeyConstraint(["convention_id"], ["conventions_convention.id"],
                                name="fk_conventions_authorisation_convention_id"),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"], name="fk_conventions_authorisation_user_id",
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["decided_by_id"], ["user_account.id"],
                                name="fk_conventions_authorisation_decided_by_id", ondelete="SET NULL"),
        _pk("conventions_authorisation"),
    )
    op.create_index("ix_conventions_authorisation_convention_id", "conventions_authorisation", ["convention_id"])
    op.create_index("ix_conventions_authorisation_user_id", "conventions_authorisation", ["user_id"])
    op.create_table(
        "conventions_use",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("convention_id", sa.Integer(), nullable=False),
        sa.Column("authorisation_id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("halfdays", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", INSTANT, nullable=False),
        sa.ForeignKeyConstraint(["convention_id"], ["conventions_convention.id"],
                                name="fk_conventions_use_convention_id"),
        sa.ForeignKeyConstraint(["authorisation_id"], ["conventions_authorisation.id"],
                                name="fk_conventions_use_authorisation_id"),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name="fk_conventions_use_site_id"),
        sa.UniqueConstraint("booking_id", name="uq_conventions_use_booking_id"),
        _pk("conventions_use"),
    )
    op.create_index("ix_conventions_use_convention_day", "conventions_use", ["convention_id", "day"])
    op.create_table(
        "conventions_statement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("convention_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("halfdays", sa.Integer(), nullable=False),
        sa.Column("total_ht_cents", sa.Integer(), nullable=False),
        sa.Column("total_ttc_cents", sa.Integer(), nullable=False),
        sa.Column("invoice_reference", sa.String(40), nullable=True),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", INSTANT, nullable=False),
        sa.ForeignKeyConstraint(["convention_id"], ["conventions_convention.id"],
                                name="fk_conventions_statement_convention_id"),
        sa.UniqueConstraint("convention_id", "month", name="uq_conventions_statement_month"),
        _pk("conventions_statement"),
    )


def downgrade():
    for table in ("conventions_statement", "conventions_use", "conventions_authorisation",
                  "conventions_convention", "conventions_referent", "conventions_partner"):
        op.drop_table(table)
