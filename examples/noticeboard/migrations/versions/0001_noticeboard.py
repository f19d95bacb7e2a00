"""Noticeboard's tables: the first revision of its own branch.

Revision ID: 0001_noticeboard
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001_noticeboard"
down_revision = None
branch_labels = ("noticeboard",)
depends_on = "0001_core"


def upgrade():
    op.create_table(
        "noticeboard_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_noticeboard_note_site_id_site"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["author_id"], ["user_account.id"],
                                name=op.f("fk_noticeboard_note_author_id_user_account"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_noticeboard_note")),
    )
    op.create_index("ix_noticeboard_note_site_id", "noticeboard_note", ["site_id"])


def downgrade():
    op.drop_index("ix_noticeboard_note_site_id", table_name="noticeboard_note")
    op.drop_table("noticeboard_note")
