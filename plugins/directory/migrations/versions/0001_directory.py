"""The directory's tables, its full-text index (SQLite FTS5 / PostgreSQL with unaccent), and the
ROME 4.0 vocabulary shipped in plugins/directory/data/ (version 460).

Revision ID: 0001_directory
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001_directory"
down_revision = None
branch_labels = ("directory",)
depends_on = "0001_core"

FTS_SQLITE = [
    "CREATE VIRTUAL TABLE directory_profile_fts USING fts5(search_text, content='directory_profile', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER directory_profile_fts_ai AFTER INSERT ON directory_profile BEGIN "
    "INSERT INTO directory_profile_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER directory_profile_fts_ad AFTER DELETE ON directory_profile BEGIN "
    "INSERT INTO directory_profile_fts(directory_profile_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER directory_profile_fts_au AFTER UPDATE OF search_text ON directory_profile BEGIN "
    "INSERT INTO directory_profile_fts(directory_profile_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO directory_profile_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
]
# unaccent() is not IMMUTABLE (its dictionary could change), so an index cannot use it directly:
# the usual wrapper names the dictionary and is declared immutable.
FTS_POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE OR REPLACE FUNCTION directory_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE "
    "PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$",
    "CREATE INDEX ix_directory_profile_fts ON directory_profile "
    "USING gin (to_tsvector('simple'::regconfig, directory_unaccent(search_text)))",
]


def _id():
    return sa.Column("id", sa.Integer(), nullable=False)


def _fk(column, table, ondelete, name):
    return sa.ForeignKeyConstraint([column], [f"{table}.{'id'}"], name=op.f(f"fk_{name}_{column}_{table}"),
                                   ondelete=ondelete)


def upgrade():
    op.create_table(
        "directory_rome_job",
        sa.Column("code", sa.String(5), nullable=False), sa.Column("label", sa.String(255), nullable=False),
        sa.Column("domain_code", sa.String(3), nullable=False), sa.Column("domain_label", sa.String(255), nullable=False),
        sa.Column("grand_domain_code", sa.String(1), nullable=False),
        sa.Column("grand_domain_label", sa.String(255), nullable=False), sa.Column("key", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_directory_rome_job")))
    op.create_index("ix_directory_rome_job_domain_code", "directory_rome_job", ["domain_code"])
    op.create_table(
        "directory_rome_skill",
        sa.Column("code", sa.String(12), nullable=False), sa.Column("label", sa.String(500), nullable=False),
        sa.Column("is_macro", sa.Boolean(), nullable=False), sa.Column("category", sa.String(80), nullable=False),
        sa.Column("subcategory", sa.String(80), nullable=False), sa.Column("macro_code", sa.String(12), nullable=True),
        sa.Column("key", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_directory_rome_skill")))
    op.create_index("ix_directory_rome_skill_macro_code", "directory_rome_skill", ["macro_code"])
    op.create_table(
        "directory_organisation", _id(),
        sa.Column("name", sa.String(160), nullable=False), sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False), sa.Column("website", sa.String(300), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("site_id", "site", "SET NULL", "directory_organisation"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_organisation")))
    op.create_index("ix_directory_organisation_site_id", "directory_organisation", ["site_id"])
    shows = [sa.Column(f"show_{field}", sa.Boolean(), nullable=False)
             for field in ("presence", "organisation", "job", "bio", "skills", "commune", "sites", "available",
                           "links")]
    op.create_table(
        "directory_profile", _id(),
        sa.Column("user_id", sa.Integer(), nullable=False), sa.Column("listed", sa.Boolean(), nullable=False),
        sa.Column("contactable", sa.Boolean(), nullable=False), sa.Column("public", sa.Boolean(), nullable=False),
        *shows,
        sa.Column("job_code", sa.String(5), nullable=True), sa.Column("job_title", sa.String(120), nullable=False),
        sa.Column("bio", sa.Text(), nullable=False), sa.Column("available", sa.Boolean(), nullable=False),
        sa.Column("links", sa.JSON(), nullable=False), sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("user_id", "user_account", "CASCADE", "directory_profile"),
        _fk("organisation_id", "directory_organisation", "SET NULL", "directory_profile"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_profile")),
        sa.UniqueConstraint("user_id", name=op.f("uq_directory_profile_user_id")))
    op.create_index("ix_directory_profile_listed", "directory_profile", ["listed"])
    op.create_index("ix_directory_profile_job_code", "directory_profile", ["job_code"])
    op.create_index("ix_directory_profile_organisation_id", "directory_profile", ["organisation_id"])
    op.create_table(
        "directory_profile_skill", _id(),
        sa.Column("profile_id", sa.Integer(), nullable=False), sa.Column("code", sa.String(12), nullable=True),
        sa.Column("label", sa.String(200), nullable=False),
        _fk("profile_id", "directory_profile", "CASCADE", "directory_profile_skill"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_profile_skill")))
    op.create_index("ix_directory_profile_skill_profile_id", "directory_profile_skill", ["profile_id"])
    op.create_index("ix_directory_profile_skill_code", "directory_profile_skill", ["code"])
    op.create_table(
        "directory_profile_site",
        sa.Column("profile_id", sa.Integer(), nullable=False), sa.Column("site_id", sa.Integer(), nullable=False),
        _fk("profile_id", "directory_profile", "CASCADE", "directory_profile_site"),
        _fk("site_id", "site", "CASCADE", "directory_profile_site"),
        sa.PrimaryKeyConstraint("profile_id", "site_id", name=op.f("pk_directory_profile_site")))
    op.create_index("ix_directory_profile_site_site_id", "directory_profile_site", ["site_id"])
    op.create_table(
        "directory_message", _id(),
        sa.Column("sender_id", sa.Integer(), nullable=True), sa.Column("recipient_id", sa.Integer(), nullable=True),
        sa.Column("in_reply_to_id", sa.Integer(), nullable=True), sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("report_reason", sa.String(500), nullable=False),
        sa.Column("moderation", sa.String(12), nullable=False),
        _fk("sender_id", "user_account", "SET NULL", "directory_message"),
        _fk("recipient_id", "user_account", "SET NULL", "directory_message"),
        _fk("in_reply_to_id", "directory_message", "SET NULL", "directory_message"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_message")))
    for column in ("sender_id", "recipient_id", "created_at"):
        op.create_index(f"ix_directory_message_{column}", "directory_message", [column])
    op.create_table(
        "directory_block",
        sa.Column("blocker_id", sa.Integer(), nullable=False), sa.Column("blocked_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("blocker_id", "user_account", "CASCADE", "directory_block"),
        _fk("blocked_id", "user_account", "CASCADE", "directory_block"),
        sa.PrimaryKeyConstraint("blocker_id", "blocked_id", name=op.f("pk_directory_block")))
    op.create_table(
        "directory_suspension",
        sa.Column("user_id", sa.Integer(), nullable=False), sa.Column("by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("user_id", "user_account", "CASCADE", "directory_suspension"),
        _fk("by_id", "user_account", "SET NULL", "directory_suspension"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_directory_suspension")))
    bind = op.get_bind()
    for statement in FTS_POSTGRES if bind.dialect.name == "postgresql" else FTS_SQLITE:
        op.execute(statement)
    from plugins.directory.rome import load_shipped

    load_shipped(bind)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_directory_profile_fts")
        op.execute("DROP FUNCTION IF EXISTS directory_unaccent(text)")
    else:
        op.execute("DROP TABLE IF EXISTS directory_profile_fts")
    for table in ("directory_suspension", "directory_block", "directory_message", "directory_profile_site",
                  "directory_profile_skill", "directory_profile", "directory_organisation", "directory_rome_skill",
                  "directory_rome_job"):
        op.drop_table(table)
