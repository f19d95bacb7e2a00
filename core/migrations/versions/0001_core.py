"""Core tables: accounts, sites, modules, audit log, outbox, API tokens.

Revision ID: 0001_core
Revises: 
Create Date: 2026-11-29 02:01:34.138382

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0001_core'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    
    op.create_table('mail_message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recipient', sa.String(length=254), nullable=False),
    sa.Column('subject', sa.String(length=255), nullable=False),
    sa.Column('body_text', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=True),
    sa.Column('attachments', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.String(length=500), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_message'))
    )
    with op.batch_alter_table('mail_message', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mail_message_status'), ['status'], unique=False)

    op.create_table('site',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('host_organisation', sa.String(length=160), nullable=True),
    sa.Column('address', sa.String(length=255), nullable=False),
    sa.Column('postcode', sa.String(length=10), nullable=False),
    sa.Column('commune', sa.String(length=120), nullable=False),
    sa.Column('departement', sa.String(length=3), nullable=False),
    sa.Column('latitude', sa.Double(), nullable=False),
    sa.Column('longitude', sa.Double(), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('amenities', sa.JSON(), nullable=False),
    sa.Column('contact_email', sa.String(length=254), nullable=True),
    sa.Column('contact_phone', sa.String(length=30), nullable=True),
    sa.Column('closed_on_public_holidays', sa.Boolean(), nullable=False),
    sa.Column('is_published', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site')),
    sa.UniqueConstraint('slug', name=op.f('uq_site_slug'))
    )
    op.create_table('user_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=True),
    sa.Column('display_name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=True),
    sa.Column('home_commune', sa.String(length=120), nullable=True),
    sa.Column('home_latitude', sa.Double(), nullable=True),
    sa.Column('home_longitude', sa.Double(), nullable=True),
    sa.Column('email_confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('is_disabled', sa.Boolean(), nullable=False),
    sa.Column('session_version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('erased_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('email', name=op.f('uq_user_account_email'))
    )
    op.create_table('api_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('hint', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_api_token_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_token')),
    sa.UniqueConstraint('digest', name=op.f('uq_api_token_digest'))
    )
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_token_user_id'), ['user_id'], unique=False)

    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['user_account.id'], name=op.f('fk_audit_entry_actor_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_at'), ['at'], unique=False)

    op.create_table('consent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=64), nullable=False),
    sa.Column('wording', sa.String(length=1000), nullable=False),
    sa.Column('given_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_consent_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consent'))
    )
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consent_user_id'), ['user_id'], unique=False)

    op.create_table('module_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('module', sa.String(length=64), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=True),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_module_state_site_id_site'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], name=op.f('fk_module_state_updated_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_module_state')),
    sa.UniqueConstraint('module', 'site_id', name='uq_module_state_module_site')
    )
    with op.batch_alter_table('module_state', schema=None) as batch_op:
        batch_op.create_index('uq_module_state_territory', ['module'], unique=True, sqlite_where=sa.text('site_id IS NULL'), postgresql_where=sa.text('site_id IS NULL'))

    op.create_table('site_closure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.CheckConstraint('starts_on <= ends_on', name=op.f('ck_site_closure_starts_before_ends')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_site_closure_site_id_site'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site_closure'))
    )
    with op.batch_alter_table('site_closure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_site_closure_site_id'), ['site_id'], unique=False)

    op.create_table('site_manager',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_site_manager_site_id_site'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_site_manager_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'site_id', name=op.f('pk_site_manager'))
    )
    op.create_table('site_opening_hours',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('opens', sa.Time(), nullable=False),
    sa.Column('closes', sa.Time(), nullable=False),
    sa.CheckConstraint('opens < closes', name=op.f('ck_site_opening_hours_opens_before_closes')),
    sa.CheckConstraint('weekday BETWEEN 0 AND 6', name=op.f('ck_site_opening_hours_weekday_range')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_site_opening_hours_site_id_site'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site_opening_hours'))
    )
    with op.batch_alter_table('site_opening_hours', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_site_opening_hours_site_id'), ['site_id'], unique=False)




def downgrade():
    
    with op.batch_alter_table('site_opening_hours', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_site_opening_hours_site_id'))

    op.drop_table('site_opening_hours')
    op.drop_table('site_manager')
    with op.batch_alter_table('site_closure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_site_closure_site_id'))

    op.drop_table('site_closure')
    with op.batch_alter_table('module_state', schema=None) as batch_op:
        batch_op.drop_index('uq_module_state_territory', sqlite_where=sa.text('site_id IS NULL'), postgresql_where=sa.text('site_id IS NULL'))

    op.drop_table('module_state')
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consent_user_id'))

    op.drop_table('consent')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_at'))

    op.drop_table('audit_entry')
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_token_user_id'))

    op.drop_table('api_token')
    op.drop_table('user_account')
    op.drop_table('site')
    with op.batch_alter_table('mail_message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mail_message_status'))

    op.drop_table('mail_message')

