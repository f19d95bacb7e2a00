"""Members' pages: prices at a site, buying a bundle or a membership, the billing history,
invoices in HTML and PDF. Thin: parse, call the rules, render."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from core.db import writing
from core.forms import refuse
from core.extensions import db
from core.jobs import enqueue, run_now
from core.modules.guard import reachable_when_off
from core.modules.service import is_enabled
from core.sites.access import visible_site_or_abort
from plugins.billing import basket, credits, customers, memberships
from plugins.billing.errors import BillingError
from plugins.billing.forms import ORDER_STATUSES, BuyForm, CustomerForm, ForgetCustomerForm, PayForm
from plugins.billing.flows import (BUYABLE, checkout_basket, checkout_product, end_membership_at_period_end,
                                   end_membership_now)
from plugins.billing.customers import is_business, vat_exempt
from plugins.billing.vat import vat_of
from plugins.billing.fulfilment import FULFIL_JOB
from plugins.billing.invoices import invoice_by_reference, visible_invoices
from plugins.billing.models import Invoice, Order, Subscription
from plugins.billing.pdf import invoice_html, invoice_pdf
from plugins.booking import Booking
from plugins.billing.products import payment_modes, price_notes, products_at, quote

bp = Blueprint("billing", __name__, url_prefix="/billing")


# App-wide: billing's price table renders inside the core's site page too.
@bp.app_template_global("billing_is_business")
def _is_business_global() -> bool:
    """The signed-in member buys as a business: prices excluding VAT are shown beside."""
    return current_user.is_authenticated and is_business(current_user.id)


@bp.app_template_global("billing_order_status")
def _order_status_global(status: str) -> str:
    """An order's status in the reader's language."""
    return str(ORDER_STATUSES.get(status, status))


@bp.app_template_global("billing_ttc")
def _ttc_global(ht_cents: int, vat_rate_bp: int) -> int:
    """A unit price including VAT (what consumers are shown), rounded as invoices round."""
    return ht_cents + vat_of(ht_cents, vat_rate_bp)


@bp.get("/sites/<site_slug>/prices")
def prices(site_slug):
    site = visible_site_or_abort(site_slug)
    member_id = current_user.id if current_user.is_authenticated else None
    offers = [quote(site, code, member_id) for code in products_at(site)]
    online, on_site = payment_modes(site)
    held = memberships.held_membership(member_id, site.id) if member_id is not None else None
    return render_template("billing/prices.html", site=site, offers=offers, online=online, on_site=on_site,
                           buyable=BUYABLE, form=BuyForm(), membership=held, notes=price_notes(site, current_user))


@bp.post("/sites/<site_slug>/buy")
@login_required
def buy(site_slug):
    site = visible_site_or_abort(site_slug)
    form = BuyForm()
    if not form.validate_on_submit():
        refuse(form)
    try:
        session = checkout_product(current_user, site, form.product.data, form.discount_code.data or None)
    except BillingError as exc:
        if exc.status == 409:
            raise  # a membership held, or being paid: its own page says so
        db.session.rollback()
        flash(str(exc), "error")
        return redirect(url_for(".prices", site_slug=site_slug), 303)
    return redirect(session.url, 303)


@bp.get("/checkout/success")
@login_required
def checkout_success():
    session_id = request.args.get("session_id", "")
    order = db.session.scalar(select(Order).where(Order.stripe_session_id == session_id))
    if order is None or order.member_id != current_user.id:
        abort(404)
    order_id = order.id
    # A job, committed first: if this process dies while Stripe answers, a worker finishes it.
    db.session.rollback()  # end this GET's read transaction: the next one writes
    with writing():
        job_id = enqueue(FULFIL_JOB, key=f"fulfil:{session_id}", session_id=session_id)
        db.session.commit()
    run_now(job_id)
    order = db.session.get(Order, order_id)
    invoice = db.session.scalar(select(Invoice).where(Invoice.order_id == order.id, Invoice.kind == "invoice"))
    return render_template("billing/success.html", order=order, invoice=invoice, booking_url=_booking_url(order),
                           item_url=order.seller_url)


def _booking_url(order) -> str | None:
    from werkzeug.routing import BuildError

    try:
        return url_for("booking.show", booking_id=order.booking_id) if order.booking_id else None
    except BuildError:  # booking's pages are not there
        return None


@bp.get("/checkout/cancelled/<int:order_id>")
@login_required
def checkout_cancelled(order_id):
    return render_template("billing/cancelled.html", order=_own_or_404(Order, order_id))


def _own_or_404(model, object_id: int):
    """A row of the signed-in member's (an order, a membership), or 404."""
    row = db.session.get(model, object_id) if 0 < object_id < 2**31 else None
    if row is None or row.member_id != current_user.id:
        abort(404)
    return row


@bp.get("/")
@reachable_when_off  # legal documents: readable after billing is switched off
@login_required
def account():
    return _account_page()


def _account_page(customer_form=None, status=200):
    invoices = db.session.scalars(select(Invoice).where(Invoice.member_id == current_user.id)
                                  .order_by(Invoice.issued_at.desc())).all()
    subscriptions = db.session.scalars(select(Subscription).where(Subscription.member_id == current_user.id)
                                       .order_by(Subscription.id.desc())).all()
    row = customers.customer(current_user.id)
    if customer_form is None:
        customer_form = CustomerForm(obj=row, formdata=None) if row is not None else CustomerForm(formdata=None)
    return render_template("billing/account.html", held=credits.held_words(credits.held(current_user.id)),
                           history=credits.history(current_user.id), invoices=invoices,
                           subscriptions=subscriptions, billing_on=is_enabled("billing"),
                           customer_form=customer_form, customer=row, forget_form=ForgetCustomerForm()), status


@bp.post("/customer")
@login_required
def save_customer():
    """A member's company details, printed on their next invoices (HT shown beside TTC)."""
    form = CustomerForm()
    if not form.validate_on_submit():
        return _account_page(form, 422)
    customers.save(current_user, form.company_name.data.strip(), form.address.data.strip(),
                   form.postcode.data.strip(), form.city.data.strip(), form.siret.data or "",
                   form.vat_number.data or "")
    db.session.commit()
    flash(_("Your company details are saved: your next invoices are made out to it."), "success")
    return redirect(url_for(".account") + "#customer-title", 303)


@bp.post("/customer/forget")
@login_required
def forget_customer():
    if not ForgetCustomerForm().validate_on_submit():
        abort(400)
    customers.forget(current_user)
    db.session.commit()
    flash(_("Your next invoices are made out to you again."), "success")
    return redirect(url_for(".account") + "#customer-title", 303)


def _visible_or_404(reference: str) -> Invoice:
    # Invoices stay readable by their member even where billing was later switched off:
    # they are legal documents. Staff see them only where billing is on (invoice_by_reference).
    invoice = invoice_by_reference(current_user, reference)
    if invoice is None:
        abort(404)
    return invoice


@bp.get("/invoices/<reference>")
@reachable_when_off  # legal documents: readable after billing is switched off
@login_required
def invoice(reference):
    return invoice_html(_visible_or_404(reference))


@bp.get("/invoices/<reference>.pdf")
@reachable_when_off  # legal documents: readable after billing is switched off
@login_required
def invoice_download(reference):
    document = _visible_or_404(reference)
    return invoice_pdf(document), 200, {
        "Content-Type": "application/pdf",
        "Content-Disposition": f'attachment; filename="{document.reference}.pdf"'}


@bp.post("/subscriptions/<int:subscription_id>/cancel")
@reachable_when_off  # its member's only: Stripe renews a membership (and charges) whatever the switches
@login_required
def cancel_subscription(subscription_id):
    return _end_at_period_end(subscription_id, True, _("Your membership will end at the close of the current month."))


@bp.post("/subscriptions/<int:subscription_id>/keep")
@login_required
def keep_subscription(subscription_id):
    return _end_at_period_end(subscription_id, False, _("Your membership goes on: it renews every month."))


@bp.post("/subscriptions/<int:subscription_id>/stop-now")
@reachable_when_off  # its member's only: Stripe retries the failed renewal (and charges) whatever the switches
@login_required
def stop_subscription_now(subscription_id):
    """A membership whose renewal failed, stopped at once: Stripe no longer retries the card."""
    row = _own_or_404(Subscription, subscription_id)
    try:
        ended = end_membership_now(row.id, current_user)
    except BillingError as exc:
        db.session.rollback()
        flash(str(exc), "error")
    else:
        flash(_("Your membership is stopped: the failed payment will not be taken again and nothing more will be "
                "charged.") if ended else _("This membership has ended already: nothing more will be charged."),
              "success")
    return redirect(url_for(".account"), 303)


def _end_at_period_end(subscription_id: int, end: bool, done: str):
    row = _own_or_404(Subscription, subscription_id)
    try:
        end_membership_at_period_end(row.id, end, current_user)
    except BillingError as exc:
        db.session.rollback()
        flash(str(exc), "error")
    else:
        flash(done, "success")
    return redirect(url_for(".account"), 303)


__all__ = ["bp", "visible_invoices"]


def _held_booking_or_404(booking_id: int):
    booking = db.session.get(Booking, booking_id) if 0 < booking_id < 2**31 else None
    if booking is None or booking.member_id != current_user.id or not is_enabled("billing", booking.resource.site):
        abort(404)
    return booking


@bp.get("/bookings/<int:booking_id>/pay")
@login_required
def pay_booking(booking_id):
    booking = _held_booking_or_404(booking_id)
    return _basket_page(booking.resource.site, booking)


@bp.post("/bookings/<int:booking_id>/pay")
@login_required
def start_booking_payment(booking_id):
    """Pay the basket this booking is in (the member's bookings held for payment at its site)."""
    booking = _held_booking_or_404(booking_id)
    if not PayForm().validate_on_submit():
        abort(400)
    try:
        if booking.status != "held" or booking.hold_reason != "payment":
            raise BillingError(_("This booking is not waiting for a payment."), status=409)
        session = checkout_basket(current_user, booking.resource.site)
    except BillingError as exc:
        db.session.rollback()
        flash(str(exc), "error")
        return redirect(url_for("billing.account"), 303)
    return redirect(session.url, 303)


@bp.get("/sites/<site_slug>/basket")
@login_required
def basket_page(site_slug):
    return _basket_page(visible_site_or_abort(site_slug))


@bp.post("/sites/<site_slug>/basket")
@login_required
def pay_basket(site_slug):
    site = visible_site_or_abort(site_slug)
    if not PayForm().validate_on_submit():
        abort(400)
    try:
        session = checkout_basket(current_user, site)
    except BillingError as exc:
        db.session.rollback()
        flash(str(exc), "error")
        return redirect(url_for(".basket_page", site_slug=site.slug), 303)
    return redirect(session.url, 303)


def _basket_page(site, booking=None):
    """The member's basket at a site: each booking held for their payment, its price, the
    total, when the holds lapse, one button paying them all."""
    held = basket.held(current_user.id, site.id)
    lines, figures = basket.priced(current_user, site, held) if held else ([], None)
    expires = min((b.hold_expires_at for b in held if b.hold_expires_at), default=None)
    return render_template("billing/basket.html", site=site, booking=booking, lines=lines, figures=figures,
                           expires=expires, form=PayForm(), business=is_business(current_user.id),
                           vat_exempt=vat_exempt(), booking_pages=_has_booking_pages())


def _has_booking_pages() -> bool:
    from werkzeug.routing import BuildError

    try:
        url_for("booking.mine")
    except BuildError:
        return False
    return True
