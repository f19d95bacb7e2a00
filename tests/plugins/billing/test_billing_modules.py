"""Billing and the module switches: booking switched back on brings billing back; a site
manager's admin page shows no dead link; members' invoices stay readable with billing off."""
from __future__ import annotations

from sqlalchemy import select

from core.extensions import db
from plugins.billing.models import Invoice
from test_billing_bookings import desk  # noqa: F401 (fixture)


def _switch(client, module, on, site=None):
    url = f"/admin/modules/{module}" + (f"/sites/{site}" if site else "")
    assert client.post(url, data={"enabled": "on" if on else "off", "confirm": "yes"}).status_code == 303


def _is_on(app, module, site=None):
    from core.modules.service import is_enabled
    from core.sites.service import site_by_slug

    with app.test_request_context():
        return is_enabled(module, site_by_slug(site) if site else None)


def test_switching_booking_back_on_at_a_site_restores_billing_there(app, client, auth, shop):
    auth.login(shop["manager"])
    _switch(client, "booking", False, "figeac")
    assert not _is_on(app, "billing", "figeac")
    _switch(client, "booking", True, "figeac")
    assert _is_on(app, "booking", "figeac") and _is_on(app, "billing", "figeac")
    assert client.get("/billing/sites/figeac/prices").status_code == 200


def test_the_managers_admin_page_hides_the_links_of_a_switched_off_module(app, client, auth, shop):
    auth.login(shop["manager"])
    payments = "/billing/sites/figeac/manage"
    assert payments in client.get("/admin").get_data(as_text=True)
    _switch(client, "billing", False, "figeac")
    page = client.get("/admin").get_data(as_text=True)
    assert payments not in page
    assert client.get(payments).status_code == 404


def test_members_invoices_stay_readable_when_billing_is_off_territory_wide(app, client, auth, shop):
    auth.login(shop["manager"])
    client.post("/billing/sites/figeac/manage/payments", data={
        "pay-email": shop["member"].email, "pay-product": "day_pass", "pay-quantity": 1, "pay-method": "cheque"})
    with app.app_context():
        reference = db.session.scalar(select(Invoice.reference))
    auth.logout()
    auth.login(shop["admin"])
    _switch(client, "billing", False)
    assert client.get(f"/billing/invoices/{reference}").status_code == 404  # staff: only where billing is on
    auth.logout()
    auth.login(shop["member"])
    assert client.get("/billing/sites/figeac/prices").status_code == 404
    assert client.get(f"/billing/invoices/{reference}").status_code == 200
    pdf = client.get(f"/billing/invoices/{reference}.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    listing = client.get("/billing/").get_data(as_text=True)
    assert reference in listing


def test_a_paid_booking_cancelled_after_booking_went_off_at_its_site_is_still_refunded(
        app, client, auth, shop, desk, stripe_driver, mailbox):  # noqa: F811
    """Billing went off with booking at Figeac; the member cancels the day they paid for:
    the confirmation says the refund, the refund is made (what was paid is still owed), and the
    cancellation e-mail says it too (it asked the site's hooks, billing's gone there)."""
    from test_billing_refund_preview import paid_booking

    booking_id = paid_booking(client, auth, shop, desk, stripe_driver)
    auth.logout()
    auth.login(shop["manager"])
    _switch(client, "booking", False, "figeac")
    assert not _is_on(app, "billing", "figeac")
    _member_cancels_and_is_refunded(app, client, auth, shop, booking_id, mailbox)


def test_a_paid_booking_cancelled_after_booking_went_off_territory_wide_is_still_refunded(
        app, client, auth, shop, desk, stripe_driver, mailbox):  # noqa: F811
    """Booking, and billing with it, switched off for the whole territory: the member still
    cancels the day they paid for, and is refunded by the usual rules (the plugins that were on
    before the switch settle it). Billing said so on the page that asked before switching."""
    from test_billing_refund_preview import paid_booking

    booking_id = paid_booking(client, auth, shop, desk, stripe_driver)
    auth.logout()
    auth.login(shop["admin"])
    asked = client.get("/admin/modules/booking/off").get_data(as_text=True)
    assert "Une réservation déjà payée puis annulée reste remboursée" in asked
    _switch(client, "booking", False)
    assert not _is_on(app, "billing")
    _member_cancels_and_is_refunded(app, client, auth, shop, booking_id, mailbox)


def _member_cancels_and_is_refunded(app, client, auth, shop, booking_id, mailbox):
    """The member cancels the day they paid by card: the page says the refund, the card is
    refunded and the cancellation's e-mail says the amount."""
    from test_billing_refund_preview import credit_notes, preview

    auth.logout()
    auth.login(shop["member"])
    assert preview(client, booking_id) == "Remboursement : 15,00 € sur la carte utilisée pour payer."
    mailbox.clear()
    assert client.post(f"/booking/{booking_id}/cancel").status_code == 303
    assert credit_notes(app, booking_id) == ("refunded", [1500])
    cancelled = [m for m in mailbox.wait_for(1) if "annul" in str(m["Subject"]).lower()]
    assert cancelled and "15,00" in cancelled[0].get_body(("plain",)).get_content(), \
        [str(m["Subject"]) for m in mailbox.messages]


def test_a_member_still_stops_their_membership_while_billing_is_off_territory_wide(
        app, client, auth, shop, stripe_driver):
    """Stripe goes on renewing a membership whatever the switches (each month charged and
    invoiced): with billing, or booking and billing with it, switched off for the whole
    territory, its member may still stop it at the close of the month. Nothing new is bought
    meanwhile: keeping one they asked to stop waits until billing is back."""
    from test_billing_subscriptions import start_membership, subscription_of

    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    row = subscription_of(app, shop["member"].id)
    auth.logout()
    auth.login(shop["admin"])
    _switch(client, "booking", False)
    assert not _is_on(app, "billing")
    stripe_driver.renew(row.stripe_subscription_id, "paid")  # the next month is charged all the same
    stripe_driver.deliver(client)
    with app.app_context():
        assert db.session.query(Invoice).filter(Invoice.member_id == shop["member"].id).count() == 2
    auth.logout()
    auth.login(shop["member"])
    page = client.get("/billing/").get_data(as_text=True)
    assert f'action="/billing/subscriptions/{row.id}/cancel"' in page
    assert client.post(f"/billing/subscriptions/{row.id}/cancel").status_code == 303
    assert subscription_of(app, shop["member"].id).cancel_at_period_end is True
    stripe_subscription = stripe_driver.client().v1.subscriptions.retrieve(row.stripe_subscription_id)
    assert stripe_subscription.cancel_at_period_end is True
    page = client.get("/billing/").get_data(as_text=True)
    assert "prend fin à la fin du mois" in page and f"/billing/subscriptions/{row.id}/keep" not in page
    assert client.post(f"/billing/subscriptions/{row.id}/keep").status_code == 404
    assert subscription_of(app, shop["member"].id).cancel_at_period_end is True


def test_a_paid_booking_cancelled_after_billing_alone_went_off_is_still_refunded(
        app, client, auth, shop, desk, stripe_driver, mailbox):  # noqa: F811
    """Billing switched off by itself (booking stays on): new bookings are free, but a day paid
    before the switch and cancelled in time is refunded by the usual rules, as when booking
    took billing along."""
    from test_billing_refund_preview import paid_booking

    booking_id = paid_booking(client, auth, shop, desk, stripe_driver)
    auth.logout()
    auth.login(shop["admin"])
    asked = client.get("/admin/modules/billing/off").get_data(as_text=True)
    assert "Une réservation déjà payée puis annulée reste remboursée" in asked
    _switch(client, "billing", False)
    assert not _is_on(app, "billing") and _is_on(app, "booking")
    _member_cancels_and_is_refunded(app, client, auth, shop, booking_id, mailbox)


def test_a_member_still_stops_a_membership_whose_renewal_failed_while_billing_is_off(
        app, client, auth, shop, stripe_driver):
    """Stripe retries a refused renewal whatever the switches (and charges it when the card
    pays): with booking and billing switched off for the whole territory, its member may still
    stop it at once."""
    from test_billing_subscriptions import start_membership, subscription_of

    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    row = subscription_of(app, shop["member"].id)
    stripe_driver.renew(row.stripe_subscription_id, "failed")
    stripe_driver.deliver(client)
    auth.logout()
    auth.login(shop["admin"])
    _switch(client, "booking", False)
    assert not _is_on(app, "billing")
    auth.logout()
    auth.login(shop["member"])
    page = client.get("/billing/").get_data(as_text=True)
    assert f'action="/billing/subscriptions/{row.id}/stop-now"' in page
    assert client.post(f"/billing/subscriptions/{row.id}/stop-now").status_code == 303
    assert subscription_of(app, shop["member"].id).status == "canceled"
    assert stripe_driver.client().v1.subscriptions.retrieve(row.stripe_subscription_id).status == "canceled"
    assert "Votre abonnement est arrêté" in client.get("/billing/").get_data(as_text=True)
