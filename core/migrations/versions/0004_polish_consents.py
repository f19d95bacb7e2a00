"""Consents to legal documents: the version accepted and the very text (stored once per text).

Revision ID: 0004_polish_consents
Revises: 0003_jobs
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_polish_consents"
down_revision = "0003_jobs"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "legal_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("first_accepted_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_document")),
        sa.UniqueConstraint("kind", "sha256", name=op.f("uq_legal_document_kind")),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("document_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_consent_document_id_legal_document"), "legal_document",
                                    ["document_id"], ["id"])


def downgrade():
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_consent_document_id_legal_document"), type_="foreignkey")
        batch_op.drop_column("document_id")
        batch_op.drop_column("version")
    op.drop_table("legal_document")
