"""Baskets (an order's lines, one per booking) and business customers' invoicing details.

Revision ID: 0002_money_basket_and_customer
Revises: 0001_billing
Create Date: 2026-11-30 05:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0002_money_basket_and_customer'
down_revision = '0001_billing'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('billing_order_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('booking_id', sa.Integer(), nullable=False),
    sa.Column('product_code', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_cents', sa.Integer(), nullable=False),
    sa.Column('vat_rate_bp', sa.Integer(), nullable=False),
    sa.Column('total_cents', sa.Integer(), nullable=False),
    sa.Column('refunded_cents', sa.Integer(), nullable=False),
    sa.Column('service_date', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['billing_order.id'], name=op.f('fk_billing_order_line_order_id_billing_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_billing_order_line'))
    )
    with op.batch_alter_table('billing_order_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_billing_order_line_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_billing_order_line_booking_id'), ['booking_id'], unique=False)
    op.create_table('billing_customer',
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('company_name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('postcode', sa.String(length=12), nullable=False),
    sa.Column('city', sa.String(length=120), nullable=False),
    sa.Column('siret', sa.String(length=14), nullable=False),
    sa.Column('vat_number', sa.String(length=20), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['user_account.id'], name=op.f('fk_billing_customer_member_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('member_id', name=op.f('pk_billing_customer'))
    )


def downgrade():
    op.drop_table('billing_customer')
    with op.batch_alter_table('billing_order_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_billing_order_line_booking_id'))
        batch_op.drop_index(batch_op.f('ix_billing_order_line_order_id'))
    op.drop_table('billing_order_line')
