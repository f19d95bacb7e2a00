"""A member's home commune is chosen from the communes of France: its INSEE code is kept.

Revision ID: 0005_search_home_commune
Revises: 0004_polish_consents
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_search_home_commune"
down_revision = "0004_polish_consents"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("user_account") as batch_op:
        batch_op.add_column(sa.Column("home_commune_code", sa.String(length=5), nullable=True))


def downgrade():
    with op.batch_alter_table("user_account") as batch_op:
        batch_op.drop_column("home_commune_code")
