"""The boards' tables: posts, their codes and communes, grants, welcome steps, placements, alerts.

Revision ID: 0001_boards
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001_boards"
down_revision = None
branch_labels = ("boards",)
depends_on = "0001_core"


def _user_fk(column, table, ondelete):
    return sa.ForeignKeyConstraint([column], ["user_account.id"], name=op.f(f"fk_{table}_{column}_user_account"),
                                   ondelete=ondelete)


def upgrade():
    op.create_table(
        "boards_post",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("title", sa.String(length=160), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("organisation", sa.String(length=160), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("source_url", sa.String(length=300), nullable=False),
        sa.Column("employment_type", sa.String(length=20), nullable=False),
        sa.Column("headcount", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("moderated_by_id", sa.Integer(), nullable=True),
        sa.Column("rejection_reason", sa.String(length=500), nullable=False),
        _user_fk("author_id", "boards_post", "SET NULL"),
        _user_fk("person_id", "boards_post", "CASCADE"),
        _user_fk("moderated_by_id", "boards_post", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_boards_post")),
    )
    for column in ("kind", "status", "author_id", "person_id", "ends_on"):
        op.create_index(f"ix_boards_post_{column}", "boards_post", [column])
    for table, column, length in (("boards_post_code", "code", 12), ("boards_post_commune", "code", 5)):
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("post_id", sa.Integer(), nullable=False),
            sa.Column(column, sa.String(length=length), nullable=False),
            sa.ForeignKeyConstraint(["post_id"], ["boards_post.id"], name=op.f(f"fk_{table}_post_id_boards_post"),
                                    ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        )
        op.create_index(f"ix_{table}_post_id", table, ["post_id"])
        op.create_index(f"ix_{table}_{column}", table, [column])
    op.create_table(
        "boards_grant",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("organisation", sa.String(length=160), nullable=False),
        sa.Column("granted_by_id", sa.Integer(), nullable=True),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        _user_fk("user_id", "boards_grant", "CASCADE"),
        _user_fk("granted_by_id", "boards_grant", "SET NULL"),
        sa.PrimaryKeyConstraint("user_id", "role", name=op.f("pk_boards_grant")),
    )
    op.create_table(
        "boards_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["post_id"], ["boards_post.id"], name=op.f("fk_boards_step_post_id_boards_post"),
                                ondelete="CASCADE"),
        _user_fk("officer_id", "boards_step", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_boards_step")),
    )
    op.create_index("ix_boards_step_post_id", "boards_step", ["post_id"])
    op.create_table(
        "boards_placement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("departement", sa.String(length=3), nullable=False),
        sa.ForeignKeyConstraint(["post_id"], ["boards_post.id"],
                                name=op.f("fk_boards_placement_post_id_boards_post"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_boards_placement")),
        sa.UniqueConstraint("post_id", name=op.f("uq_boards_placement_post_id")),
    )
    op.create_index("ix_boards_placement_year", "boards_placement", ["year"])
    op.create_table(
        "boards_alert",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("codes", sa.JSON(), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("radius_km", sa.Integer(), nullable=False),
        sa.Column("digest", sa.Boolean(), nullable=False),
        sa.Column("matchable", sa.Boolean(), nullable=False),
        sa.Column("last_sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _user_fk("user_id", "boards_alert", "CASCADE"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_boards_alert")),
    )


def downgrade():
    for table in ("boards_alert", "boards_placement", "boards_step", "boards_grant", "boards_post_commune",
                  "boards_post_code", "boards_post"):
        op.drop_table(table)
