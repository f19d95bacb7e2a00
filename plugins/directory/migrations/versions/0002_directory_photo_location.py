"""Profiles get a photo (shown only when its box is ticked, with its text alternative) and a
copy of the home's position kept only while the commune is shown: latitude and longitude
(indexed, for the search's bounding box) and the point on the unit sphere, so that the
distance filter and order are plain arithmetic in SQL on both databases. The index on `listed`
goes (it misled SQLite's planner).

Revision ID: 0002_directory_photo_location
Revises: 0001_directory
"""
import math

import sqlalchemy as sa
from alembic import op

revision = "0002_directory_photo_location"
down_revision = "0001_directory"
branch_labels = None
depends_on = None

COLUMNS = ("home_latitude", "home_longitude", "home_x", "home_y", "home_z")


def upgrade():
    # Plain ALTER TABLE (no batch copy): on SQLite, recreating the table would drop the
    # full-text index's triggers with it.
    op.add_column("directory_profile", sa.Column("show_photo", sa.Boolean(), nullable=False,
                                                 server_default=sa.false()))
    op.add_column("directory_profile", sa.Column("photo", sa.String(40), nullable=True))
    op.add_column("directory_profile", sa.Column("photo_alt", sa.String(200), nullable=False, server_default=""))
    for name in COLUMNS:
        op.add_column("directory_profile", sa.Column(name, sa.Float(), nullable=True))
    # Covering what the distance search reads, so it never opens the (wide) profile rows.
    op.create_index("ix_directory_profile_home", "directory_profile", [*COLUMNS, "listed", "user_id"])
    # Nine profiles in ten are listed: SQLite chose this index over the job's or the position's,
    # then read every listed row.
    op.drop_index("ix_directory_profile_listed", table_name="directory_profile")
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT p.id, u.home_latitude, u.home_longitude FROM directory_profile p JOIN user_account u "
        "ON u.id = p.user_id WHERE p.show_commune AND u.home_latitude IS NOT NULL "
        "AND u.home_longitude IS NOT NULL")).all()
    for profile_id, lat, lon in rows:
        phi, lam = math.radians(lat), math.radians(lon)
        bind.execute(sa.text("UPDATE directory_profile SET home_latitude = :lat, home_longitude = :lon, "
                             "home_x = :x, home_y = :y, home_z = :z WHERE id = :id"),
                     {"lat": lat, "lon": lon, "x": math.cos(phi) * math.cos(lam), "y": math.cos(phi) * math.sin(lam),
                      "z": math.sin(phi), "id": profile_id})


def downgrade():
    op.drop_index("ix_directory_profile_home", table_name="directory_profile")
    op.create_index("ix_directory_profile_listed", "directory_profile", ["listed"])
    for name in ("show_photo", "photo", "photo_alt", *COLUMNS):
        op.drop_column("directory_profile", name)  # SQLite 3.35+ drops a column in place
