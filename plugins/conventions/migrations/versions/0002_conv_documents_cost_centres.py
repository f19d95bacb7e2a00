"""Conventions: the signed copy and the cached PDF to sign; cost centres (a convention's list,
an employee's authorisation, each day used).

Revision ID: 0002_conv_documents_cost_centres
Revises: 0001_conventions
"""
from alembic import op
import sqlalchemy as sa

revision = "0002_conv_documents_cost_centres"
down_revision = "0001_conventions"
branch_labels = None
depends_on = None

INSTANT = sa.DateTime(timezone=True)


def upgrade():
    with op.batch_alter_table("conventions_convention") as batch:
        batch.add_column(sa.Column("cost_centres", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("signed_copy", sa.String(40), nullable=True))
        batch.add_column(sa.Column("signed_copy_sha256", sa.String(64), nullable=True))
        batch.add_column(sa.Column("signed_copy_at", INSTANT, nullable=True))
    with op.batch_alter_table("conventions_authorisation") as batch:
        batch.add_column(sa.Column("cost_centre", sa.String(60), nullable=False, server_default=""))
    with op.batch_alter_table("conventions_use") as batch:
        batch.add_column(sa.Column("cost_centre", sa.String(60), nullable=False, server_default=""))
    op.create_table(
        "conventions_rendered",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("convention_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", INSTANT, nullable=False),
        sa.ForeignKeyConstraint(["convention_id"], ["conventions_convention.id"],
                                name="fk_conventions_rendered_convention_id"),
        sa.UniqueConstraint("sha256", name="uq_conventions_rendered_sha256"),
        sa.PrimaryKeyConstraint("id", name="pk_conventions_rendered"),
    )
    op.create_index("ix_conventions_rendered_convention_id", "conventions_rendered", ["convention_id"])


def downgrade():
    op.drop_index("ix_conventions_rendered_convention_id", "conventions_rendered")
    op.drop_table("conventions_rendered")
    with op.batch_alter_table("conventions_use") as batch:
        batch.drop_column("cost_centre")
    with op.batch_alter_table("conventions_authorisation") as batch:
        batch.drop_column("cost_centre")
    with op.batch_alter_table("conventions_convention") as batch:
        for column in ("signed_copy_at", "signed_copy_sha256", "signed_copy", "cost_centres"):
            batch.drop_column(column)
