"""Versions of the per-process caches (core.cache): one row per kind of cached data.

Revision ID: 0008_perf_cache_version
Revises: 0007_mail_reply_to
"""
import sqlalchemy as sa
from alembic import op

revision = "0008_perf_cache_version"
down_revision = "0007_mail_reply_to"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("cache_version",
                    sa.Column("name", sa.String(length=40), primary_key=True),
                    sa.Column("version", sa.Integer(), nullable=False, server_default="0"))


def downgrade():
    op.drop_table("cache_version")
