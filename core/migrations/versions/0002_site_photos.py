"""Site photos, each with its text alternative.

Revision ID: 0002_site_photos
Revises: 0001_core
"""
import sqlalchemy as sa
from alembic import op

revision = "0002_site_photos"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "site_photo",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=40), nullable=False),
        sa.Column("alt_text", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_site_photo_site_id_site"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_photo")),
        sa.UniqueConstraint("filename", name=op.f("uq_site_photo_filename")),
    )
    with op.batch_alter_table("site_photo") as batch_op:
        batch_op.create_index(batch_op.f("ix_site_photo_site_id"), ["site_id"], unique=False)


def downgrade():
    op.drop_table("site_photo")
