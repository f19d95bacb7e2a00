"""Billing tables: orders, credit ledger, subscriptions, reduced rates, invoices and their
gapless series, processed Stripe events. booking_id columns carry no foreign key (see models).

Revision ID: 0001_billing
Revises: 
Create Date: 2026-11-29 02:44:02.815776

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0001_billing'
down_revision = None
branch_labels = ('billing',)
depends_on = '0001_core'


def upgrade():
    op.create_table('billing_invoice_series',
    sa.Column('series', sa.String(length=20), nullable=False),
    sa.Column('next_number', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('series', name=op.f('pk_billing_invoice_series'))
    )
    op.create_table('billing_stripe_event',
    sa.Column('id', sa.String(length=100), nullable=False),
    sa.Column('type', sa.String(length=80), nullable=False),
    sa.Column('effect', sa.String(length=200), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_billing_stripe_event'))
    )
    op.create_table('billing_order',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('product_code', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_cents', sa.Integer(), nullable=False),
    sa.Column('vat_rate_bp', sa.Integer(), nullable=False),
    sa.Column('total_cents', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('discount_code', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('method', sa.String(length=12), nullable=False),
    sa.Column('booking_id', sa.Integer(), nullable=True),
    sa.Column('stripe_session_id', sa.String(length=100), nullable=True),
    sa.Column('stripe_payment_intent', sa.String(length=100), nullable=True),
    sa.Column('session_expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('refunded_cents', sa.Integer(), nullable=False),
    sa.Column('client_name', sa.String(length=200), nullable=False),
    sa.Column('client_email', sa.String(length=254), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('paid_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['member_id'], ['user_account.id'], name=op.f('fk_billing_order_member_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], name=op.f('fk_billing_order_recorded_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_billing_order_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_billing_order')),
    sa.UniqueConstraint('stripe_session_id', name=op.f('uq_billing_order_stripe_session_id'))
    )
    with op.batch_alter_table('billing_order', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_billing_order_booking_id'), ['booking_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_billing_order_discount_code'), ['discount_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_billing_order_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_billing_order_site_id'), ['site_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_billing_order_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_billing_order_stripe_payment_intent'), ['stripe_payment_intent'], unique=False)

    op.create_table('billing_reduced_rate',
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('granted_by_id', sa.Integer(), nullable=True),
    sa.Column('granted_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['granted_by_id'], ['user_account.id'], name=op.f('fk_billing_reduced_rate_granted_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['member_id'], ['user_account.id'], name=op.f('fk_billing_reduced_rate_member_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('member_id', name=op.f('pk_billing_reduced_rate'))
    )
    op.create_table('billing_credit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('site_id', sa.Integer(), nullable=True),
    sa.Column('grant_id', sa.Integer(), nullable=True),
    sa.Column('delta', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.Column('booking_id', sa.Integer(), nullable=True),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['grant_id'], ['billing_credit_entry.id'], name=op.f('fk_billing_credit_entry_grant_id_billing_credit_entry')),
    sa.ForeignKeyConstraint(['member_id'], ['user_account.id'], name=op.f('fk_billing_credit_entry_member_id_user_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_id'], ['billing_order.id'], name=op.f('fk_billing_credit_entry_order_id_billing_order')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_billing_credit_entry_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_billing_credit_entry'))
    )
    with op.batch_alter_table('billing_credit_entry', schema=None) as batch_op:
        batch_op.create_index('ix_billing_credit_member_grant', ['member_id', 'grant_id'], unique=False)

    op.create_table('billing_invoice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series', sa.String(length=20), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('credited_invoice_id', sa.Integer(), nullable=True),
    sa.Column('stripe_invoice_id', sa.String(length=100), nullable=True),
    sa.Column('stripe_refund_id', sa.String(length=100), nullable=True),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('service_date', sa.Date(), nullable=False),
    sa.Column('seller', sa.JSON(), nullable=False),
    sa.Column('client', sa.JSON(), nullable=False),
    sa.Column('lines', sa.JSON(), nullable=False),
    sa.Column('vat_breakdown', sa.JSON(), nullable=False),
    sa.Column('total_ht_cents', sa.Integer(), nullable=False),
    sa.Column('total_vat_cents', sa.Integer(), nullable=False),
    sa.Column('total_ttc_cents', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('payment_method', sa.String(length=12), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['credited_invoice_id'], ['billing_invoice.id'], name=op.f('fk_billing_invoice_credited_invoice_id_billing_invoice')),
    sa.ForeignKeyConstraint(['member_id'], ['user_account.id'], name=op.f('fk_billing_invoice_member_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['order_id'], ['billing_order.id'], name=op.f('fk_billing_invoice_order_id_billing_order')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_billing_invoice_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_billing_invoice')),
    sa.UniqueConstraint('reference', name=op.f('uq_billing_invoice_reference')),
    sa.UniqueConstraint('series', 'number', name='uq_billing_invoice_series_number'),
    sa.UniqueConstraint('stripe_invoice_id', name=op.f('uq_billing_invoice_stripe_invoice_id')),
    sa.UniqueConstraint('stripe_refund_id', name=op.f('uq_billing_invoice_stripe_refund_id'))
    )
    with op.batch_alter_table('billing_invoice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_billing_invoice_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_billing_invoice_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_billing_invoice_site_id'), ['site_id'], unique=False)

    op.create_table('billing_subscription',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('product_code', sa.String(length=64), nullable=False),
    sa.Column('stripe_subscription_id', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('cancel_at_period_end', sa.Boolean(), nullable=False),
    sa.Column('current_period_end', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['user_account.id'], name=op.f('fk_billing_subscription_member_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['order_id'], ['billing_order.id'], name=op.f('fk_billing_subscription_order_id_billing_order')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_billing_subscription_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_billing_subscription')),
    sa.UniqueConstraint('stripe_subscription_id', name=op.f('uq_billing_subscription_stripe_subscription_id'))
    )
    with op.batch_alter_table('billing_subscription', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_billing_subscription_member_id'), ['member_id'], unique=False)



def downgrade():
    with op.batch_alter_table('billing_subscription', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_billing_subscription_member_id'))

    op.drop_table('billing_subscription')
    with op.batch_alter_table('billing_invoice', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_billing_invoice_site_id'))
        batch_op.drop_index(batch_op.f('ix_billing_invoice_order_id'))
        batch_op.drop_index(batch_op.f('ix_billing_invoice_member_id'))

    op.drop_table('billing_invoice')
    with op.batch_alter_table('billing_credit_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_billing_credit_member_grant')

    op.drop_table('billing_credit_entry')
    op.drop_table('billing_reduced_rate')
    with op.batch_alter_table('billing_order', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_billing_order_stripe_payment_intent'))
        batch_op.drop_index(batch_op.f('ix_billing_order_status'))
        batch_op.drop_index(batch_op.f('ix_billing_order_site_id'))
        batch_op.drop_index(batch_op.f('ix_billing_order_member_id'))
        batch_op.drop_index(batch_op.f('ix_billing_order_discount_code'))
        batch_op.drop_index(batch_op.f('ix_billing_order_booking_id'))

    op.drop_table('billing_order')
    op.drop_table('billing_stripe_event')
    op.drop_table('billing_invoice_series')
