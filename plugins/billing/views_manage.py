"""Managers' pages: a site's orders and revenue, payments taken on site, refunds by hand,
reduced prices; the territory's revenue for administrators. Thin: rules live elsewhere."""
from __future__ import annotations

import secrets
from decimal import Decimal

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _, ngettext
from flask_login import current_user, login_required
from sqlalchemy import select

from core import audit
from core.accounts.views_desk import just_made, visitor_form as new_visitor_form
from core.csvexport import csv_response
from core.extensions import db
from core.sites.access import managed_site_or_abort
from plugins.billing.desk import member_by_email, record_at_desk
from plugins.billing.errors import BillingError
from plugins.billing.forms import MarkPaidForm, OnSitePaymentForm, ReducedRateForm, RefundForm
from plugins.billing.fulfilment import record_paid_on_site
from plugins.billing.models import Order
from plugins.billing import rates
from plugins.billing.orders import lock_member, lock_order
from plugins.billing.products import products_at, quote
from plugins.billing.refunds import CREDIT_KINDS, refund, refund_amount, refund_words
from plugins.billing.reports import invoices_csv, revenue

# Desk refusals the manager corrects in the form, by the field they concern (`desk.desk_order`).
DESK_FORM_ERRORS = {"room_not_booked": "product", "room_hours_differ": "quantity"}
MAX_ID = 2**31  # ids are PostgreSQL integers: a bigger number in a URL must be a 404, not a 500
manage = Blueprint("billing_manage", __name__, url_prefix="/billing")


def _payment_form(site):
    form = OnSitePaymentForm(prefix="pay")
    form.product.choices = [(code, quote(site, code).label) for code in products_at(site)]
    return form


def _new_payment_form(site):
    """The form as the page shows it first: a key of its own; the address of the visitor whose
    account was just made at this desk, when there is one."""
    form = _payment_form(site)
    form.key.data = secrets.token_urlsafe(24)
    visitor = just_made(site)
    if visitor is not None:
        form.email.data = visitor.email
    return form


def _page(site, payment_form=None, refund_form=None, reduced_form=None, refused_order=None, visitor_form=None,
          status=200):
    """The payments page; `refused_order`: the order whose refund form `refund_form` came back
    from (its row shows the errors and what was typed)."""
    orders = db.session.scalars(select(Order).where(Order.site_id == site.id).order_by(Order.id.desc()).limit(50)).all()
    return render_template("billing/manage.html", site=site, orders=orders, rows=revenue([site.id]),
                           payment_form=payment_form or _new_payment_form(site),
                           refund_form=refund_form or RefundForm(prefix="refund"), refused_order=refused_order,
                           reduced_form=reduced_form or ReducedRateForm(prefix="reduced"),
                           visitor_form=visitor_form or new_visitor_form(),
                           visitor_next=url_for(".site_billing", site_slug=site.slug, _anchor="onsite-title")), status


@manage.get("/sites/<site_slug>/manage")
@login_required
def site_billing(site_slug):
    return _page(managed_site_or_abort(site_slug))


@manage.post("/sites/<site_slug>/manage/payments")
@login_required
def record_payment(site_slug):
    site = managed_site_or_abort(site_slug)
    form = _payment_form(site)
    if not form.validate_on_submit():
        return _page(site, payment_form=form, status=422)
    member = member_by_email(form.email.data)
    if member is None:
        # A walk-in visitor has no account yet: say what to do, not only what is wrong.
        form.email.errors.append(_("No member has this e-mail address. Make the visitor's account first (\"A "
                                   "visitor without an account\", on this page), then record their pass."))
        return _page(site, payment_form=form, status=422)
    try:
        done = record_at_desk(member, site, quote(site, form.product.data, member.id), form.quantity.data,
                              form.method.data, current_user, key=form.key.data)
    except BillingError as exc:
        db.session.rollback()
        if exc.code in DESK_FORM_ERRORS:  # the product or the quantity to correct: beside it, what was typed kept
            form[DESK_FORM_ERRORS[exc.code]].errors.append(str(exc))
            return _page(site, payment_form=form, status=exc.status)
        flash(str(exc), "error")
        return redirect(url_for(".site_billing", site_slug=site.slug), 303)
    if done.again:
        db.session.rollback()
        flash(_("This payment was recorded already (the form was sent twice): invoice %(reference)s.",
                reference=done.invoice.reference), "info")
        return redirect(url_for(".site_billing", site_slug=site.slug), 303)
    return _recorded(site, done.order, done.invoice)


def _recorded(site, order, invoice):
    """Audit a payment the manager took on site, commit, and say what it paid."""
    audit.record(current_user, "billing.payment_recorded", f"order:{order.id}", method=order.method,
                 amount_cents=order.total_cents)
    db.session.commit()
    if order.booking_id is None and order.kind in CREDIT_KINDS:
        flash(ngettext("Payment recorded: invoice %(reference)s. No booking waits for it: it is %(num)d credit of "
                       "this pass, which pays %(name)s's next booking of this kind here.",
                       "Payment recorded: invoice %(reference)s. No booking waits for them: they are %(num)d "
                       "credits of this pass, which pay %(name)s's next bookings of this kind here.",
                       order.quantity, reference=invoice.reference, name=order.client_name), "success")
    elif order.booking_id is not None:
        flash(_("Payment recorded: invoice %(reference)s. It pays %(name)s's booking.", reference=invoice.reference,
                name=order.client_name), "success")
    else:
        flash(_("Payment recorded: invoice %(reference)s.", reference=invoice.reference), "success")
    return redirect(url_for(".site_billing", site_slug=site.slug), 303)


@manage.post("/sites/<site_slug>/manage/orders/<int:order_id>/paid")
@login_required
def mark_paid(site_slug, order_id):
    """A booking at a site paid on site: the manager records how it was paid."""
    site = managed_site_or_abort(site_slug)
    order = db.session.get(Order, order_id) if 0 < order_id < MAX_ID else None
    form = MarkPaidForm(prefix="paid")
    if order is None or order.site_id != site.id:
        abort(404)
    lock_member(order.member_id)  # before the order, as a payment recorded by the form above takes them
    order = lock_order(order.id)
    if order.status != "pending" or order.method != "on_site" or not form.validate_on_submit():
        db.session.rollback()
        flash(_("This order cannot be marked as paid."), "error")
        return redirect(url_for(".site_billing", site_slug=site.slug), 303)
    order.method, order.recorded_by_id = form.method.data, current_user.id
    return _recorded(site, order, record_paid_on_site(order))


@manage.post("/sites/<site_slug>/manage/orders/<int:order_id>/refund")
@login_required
def refund_order(site_slug, order_id):
    """The row's form asks first: a page saying how much goes back and where, whose button
    posts the same form again, confirmed; only then is the order refunded and the member told."""
    site = managed_site_or_abort(site_slug)
    order = db.session.get(Order, order_id) if 0 < order_id < MAX_ID else None
    if order is None or order.site_id != site.id:
        abort(404)
    form = RefundForm(prefix="refund")
    if not form.validate_on_submit():
        return _page(site, refund_form=form, refused_order=order.id, status=422)
    amount = int(form.amount.data * 100) if isinstance(form.amount.data, Decimal) else None
    try:
        if form.confirmed.data != "yes":
            cents, days = refund_amount(order, amount, form.to.data)
            # "All that is left" is sent back as the amount it is now: a refund made meanwhile
            # makes the confirmed one refused (more than is left), never smaller than it said.
            typed = amount if amount is not None else order.total_cents - order.refunded_cents
            return render_template("billing/refund_confirm.html", site=site, order=order, form=form,
                                   words=refund_words(order, form.to.data, cents, days),
                                   amount_field=f"{typed // 100}.{typed % 100:02d}")
        lock_member(order.member_id)  # before the order (the lock order: its seller may cancel a ticket)
        note = refund(order, amount, form.reason.data, actor=current_user, to=form.to.data, tell_member=True)
        db.session.commit()
    except BillingError as exc:
        db.session.rollback()
        flash(str(exc), "error")
    else:
        flash(_("Refund recorded: credit note %(reference)s.", reference=note.reference), "success")
    return redirect(url_for(".site_billing", site_slug=site.slug), 303)


@manage.post("/sites/<site_slug>/manage/reduced")
@login_required
def grant_reduced_rate(site_slug):
    site = managed_site_or_abort(site_slug)
    form = ReducedRateForm(prefix="reduced")
    if not form.validate_on_submit():
        return _page(site, reduced_form=form, status=422)
    member = member_by_email(form.email.data)
    if member is None:
        form.email.errors.append(_("No member has this e-mail address."))
        return _page(site, reduced_form=form, status=422)
    try:
        rates.grant_reduced_rate(current_user, site, member, form.category.data)
    except BillingError as exc:
        db.session.rollback()
        form.email.errors.append(str(exc))
        return _page(site, reduced_form=form, status=exc.status or 403)
    db.session.commit()
    flash(_("Reduced prices granted."), "success")
    return redirect(url_for(".site_billing", site_slug=site.slug), 303)


def _csv(site_ids, name):
    return csv_response(invoices_csv(site_ids), name)


@manage.get("/sites/<site_slug>/manage/invoices.csv")
@login_required
def site_csv(site_slug):
    site = managed_site_or_abort(site_slug)
    return _csv([site.id], f"invoices-{site.slug}")


@manage.get("/revenue")
@login_required
def territory_revenue():
    if not current_user.is_territory_admin:
        abort(403)
    return render_template("billing/revenue.html", rows=revenue())


@manage.get("/revenue/invoices.csv")
@login_required
def territory_csv():
    if not current_user.is_territory_admin:
        abort(403)
    return _csv(None, "invoices")
