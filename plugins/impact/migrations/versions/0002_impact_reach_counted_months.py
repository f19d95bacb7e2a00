"""The months of a counted day on each reach row (`counted_months`): a month's members, to hide a
month of too few, read from these rows (one per member and year) rather than from the monthly
rows, which grow with every site and partner a member came through. Existing rows get their bits
from the monthly rows' counted months.

Revision ID: 0002_impact_reach_counted
Revises: 0001_impact
"""
import sqlalchemy as sa
from alembic import op

revision = "0002_impact_reach_counted"
down_revision = "0001_impact"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("impact_reach", schema=None) as batch_op:
        batch_op.add_column(sa.Column("counted_months", sa.Integer(), nullable=False, server_default="0"))
    connection = op.get_bind()
    bits: dict[tuple, int] = {}
    for month, site_id, partner_id, ref in connection.execute(sa.text(
            "SELECT DISTINCT month, site_id, partner_id, member_ref FROM impact_month WHERE counted")):
        # A date on PostgreSQL, its ISO text on SQLite.
        year, number = (month.year, month.month) if hasattr(month, "year") else (int(str(month)[:4]),
                                                                               int(str(month)[5:7]))
        scopes = [("t", 0), ("s", site_id)] + ([("p", partner_id)] if partner_id else [])
        for kind, scope_id in scopes:
            key = (kind, scope_id, year, ref)
            bits[key] = bits.get(key, 0) | (1 << (number - 1))
    update = sa.text("UPDATE impact_reach SET counted_months = :bits WHERE kind = :kind AND scope_id = :scope "
                     "AND year = :year AND member_ref = :ref")
    for (kind, scope_id, year, ref), value in bits.items():
        connection.execute(update, {"bits": value, "kind": kind, "scope": scope_id, "year": year, "ref": ref})


def downgrade():
    # In place (SQLite since 3.35): a batch would copy the table.
    op.execute("ALTER TABLE impact_reach DROP COLUMN counted_months")
