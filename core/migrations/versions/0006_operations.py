"""Operations: the request id a job was enqueued by, and the workers' heartbeats (/healthz).

Revision ID: 0006_operations
Revises: 0005_search_home_commune
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_operations"
down_revision = "0005_search_home_commune"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("job") as batch_op:
        batch_op.add_column(sa.Column("request_id", sa.String(length=64), nullable=True))
    op.create_table(
        "job_worker",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("beat_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_job_worker")),
    )


def downgrade():
    op.drop_table("job_worker")
    with op.batch_alter_table("job") as batch_op:
        batch_op.drop_column("request_id")
