"""A message may carry a Reply-To (the directory's relayed messages: the writer's address).

Revision ID: 0007_mail_reply_to
Revises: 0006_operations
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_mail_reply_to"
down_revision = "0006_operations"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("mail_message") as batch_op:
        batch_op.add_column(sa.Column("reply_to", sa.String(length=254), nullable=True))


def downgrade():
    with op.batch_alter_table("mail_message") as batch_op:
        batch_op.drop_column("reply_to")
