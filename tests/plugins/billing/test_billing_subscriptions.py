"""Monthly memberships through Checkout in subscription mode: start, renewal paid, renewal
failed, cancellation at period end; events arrive out of order and are applied forward only."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from core.extensions import db
from plugins.billing import credits
from plugins.billing.models import Invoice, Subscription


def start_membership(client, stripe_driver, product="membership_8"):
    response = client.post("/billing/sites/figeac/buy", data={"product": product})
    assert response.status_code == 303
    session_id = response.headers["Location"].rsplit("/", 1)[-1]
    assert stripe_driver.pay(session_id)[0] == 200
    events = stripe_driver.events()
    types = [e[0]["type"] for e in events]
    # Stripe's own order: the invoice is paid before the session says completed.
    assert types.index("invoice.paid") < types.index("checkout.session.completed")
    for kind, reply in stripe_driver.deliver(client, events):
        assert reply.status_code == 200, (kind, reply.get_data(as_text=True))
    return session_id


def subscription_of(app, member_id):
    with app.app_context():
        row = db.session.scalar(select(Subscription).where(Subscription.member_id == member_id))
        db.session.expunge(row)
        return row


def invoices(app):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Invoice))


def test_a_membership_starts_with_one_invoice_and_the_months_days(app, client, auth, shop, stripe_driver, mailbox):
    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    row = subscription_of(app, shop["member"].id)
    assert row.status == "active" and row.current_period_end is not None
    assert invoices(app) == 1
    with app.app_context():
        assert credits.balance(shop["member"].id) == 8
    assert len(mailbox.wait_for(1)) == 1


def test_a_paid_renewal_issues_a_new_invoice_and_adds_the_days(app, client, auth, shop, stripe_driver, mailbox):
    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    first = subscription_of(app, shop["member"].id)
    stripe_driver.renew(first.stripe_subscription_id, "paid")
    stripe_driver.deliver(client)
    row = subscription_of(app, shop["member"].id)
    assert row.status == "active" and row.current_period_end > first.current_period_end
    assert invoices(app) == 2
    with app.app_context():
        assert credits.balance(shop["member"].id) == 16
    assert len(mailbox.wait_for(2)) == 2


def test_a_failed_renewal_suspends_the_membership_and_tells_the_member(app, client, auth, shop, stripe_driver,
                                                                      mailbox):
    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    mailbox.wait_for(1)
    row = subscription_of(app, shop["member"].id)
    stripe_driver.renew(row.stripe_subscription_id, "failed")
    stripe_driver.deliver(client)
    assert subscription_of(app, shop["member"].id).status == "past_due"
    assert invoices(app) == 1
    messages = mailbox.wait_for(2)
    assert len(messages) == 2, [m["Subject"] for m in messages]  # the first invoice's, and this one
    assert "renouvel" in messages[1]["Subject"].lower()


def test_cancelling_ends_the_membership_at_period_end_and_a_stale_update_cannot_revive_it(app, client, auth, shop,
                                                                                        stripe_driver):
    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    row = subscription_of(app, shop["member"].id)
    assert client.post(f"/billing/subscriptions/{row.id}/cancel").status_code == 303
    updated = stripe_driver.events()
    stripe_driver.deliver(client, updated)
    assert subscription_of(app, shop["member"].id).cancel_at_period_end
    stripe_driver.renew(row.stripe_subscription_id, "paid")  # the period ends: Stripe deletes it
    stripe_driver.deliver(client)
    assert subscription_of(app, shop["member"].id).status == "canceled"
    # The older "updated" event, delivered again under a new id, re-fetches and changes nothing.
    event, body, signature = updated[0]
    stale = [(dict(event, id="evt_late_copy"), body.replace(event["id"].encode(), b"evt_late_copy"), None)]
    from devtools.stripe_emulator import sign_webhook_payload

    stale = [(e, b, sign_webhook_payload(b.decode(), "whsec_billing_tests")) for e, b, _ in stale]
    reply = stripe_driver.deliver(client, stale)[0][1]
    assert reply.status_code == 200 and reply.json["effect"] == "unchanged"
    assert subscription_of(app, shop["member"].id).status == "canceled"


def test_a_member_who_asked_to_stop_can_keep_their_membership_and_stop_again(app, client, auth, shop, stripe_driver):
    """Stop, keep, stop: each shows at once and reaches Stripe (no cached answer replayed)."""
    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    row = subscription_of(app, shop["member"].id)
    stripe_subscription = stripe_driver.client().v1.subscriptions.retrieve
    for path, ending, says in (("cancel", True, "prend fin à la fin du mois"), ("keep", False, "Votre abonnement continue"),
                               ("cancel", True, "prend fin à la fin du mois")):
        assert client.post(f"/billing/subscriptions/{row.id}/{path}").status_code == 303
        page = client.get("/billing/").get_data(as_text=True)
        assert says in page
        assert ("Garder mon abonnement" in page) is ending
        assert subscription_of(app, shop["member"].id).cancel_at_period_end is ending  # before any webhook
        assert stripe_subscription(row.stripe_subscription_id).cancel_at_period_end is ending
    # A second click (another tab) changes nothing and is no error.
    assert client.post(f"/billing/subscriptions/{row.id}/cancel").status_code == 303
    assert "Votre abonnement prendra fin" in client.get("/billing/").get_data(as_text=True)
    for kind, reply in stripe_driver.deliver(client):  # the webhooks say the same
        assert reply.status_code == 200, kind
    assert subscription_of(app, shop["member"].id).cancel_at_period_end is True
    with app.app_context():  # each decision that reached Stripe is in the log, in its member's name
        from core.audit import AuditEntry

        logged = db.session.execute(select(AuditEntry.action, AuditEntry.actor_id).where(
            AuditEntry.subject == f"subscription:{row.id}").order_by(AuditEntry.id)).all()
    assert logged == [("billing.membership_stop_asked", shop["member"].id), ("billing.membership_kept", shop["member"].id),
                      ("billing.membership_stop_asked", shop["member"].id)]


def test_stopping_a_membership_with_stripe_unreachable_says_so(app, client, auth, shop, stripe_driver):
    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    row = subscription_of(app, shop["member"].id)
    app.config["STRIPE_API_BASE"] = "http://127.0.0.1:9"  # nothing listens there
    assert client.post(f"/billing/subscriptions/{row.id}/cancel").status_code == 303
    assert "indisponible" in client.get("/billing/").get_data(as_text=True)
    assert subscription_of(app, shop["member"].id).cancel_at_period_end is False


def test_stopping_a_membership_on_an_instance_without_its_stripe_key_says_so(app, client, auth, shop, stripe_driver):
    """The key taken away after the membership began (a configuration mistake): a clear message,
    the row unchanged, never a 500."""
    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    row = subscription_of(app, shop["member"].id)
    app.config["STRIPE_SECRET_KEY"] = ""
    assert client.post(f"/billing/subscriptions/{row.id}/cancel").status_code == 303
    assert "indisponible" in client.get("/billing/").get_data(as_text=True)
    assert subscription_of(app, shop["member"].id).cancel_at_period_end is False


def test_an_ended_membership_cannot_be_kept(app, client, auth, shop, stripe_driver):
    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    row = subscription_of(app, shop["member"].id)
    client.post(f"/billing/subscriptions/{row.id}/cancel")
    stripe_driver.renew(row.stripe_subscription_id, "paid")  # the period ends: Stripe deletes it
    stripe_driver.deliver(client)
    assert client.post(f"/billing/subscriptions/{row.id}/keep").status_code == 303
    assert "Cet abonnement est terminé" in client.get("/billing/").get_data(as_text=True)
    assert subscription_of(app, shop["member"].id).status == "canceled"


def test_keeping_a_membership_stripe_ended_before_its_webhook_says_it_is_over(app, client, auth, shop, stripe_driver):
    """Stripe refuses to change an ended subscription: the member is told it is over (not "try
    again later", which could never work), and the row follows Stripe at once."""
    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    row = subscription_of(app, shop["member"].id)
    stripe_driver.client().v1.subscriptions.cancel(row.stripe_subscription_id)  # its event not delivered
    assert client.post(f"/billing/subscriptions/{row.id}/cancel").status_code == 303
    page = client.get("/billing/").get_data(as_text=True)
    assert "Cet abonnement est terminé" in page and "indisponible" not in page
    assert subscription_of(app, shop["member"].id).status == "canceled"


@pytest.mark.parametrize("stopping, weeks_ahead, pays", [(True, 5, False), (True, 0, True), (False, 5, True)],
                         ids=["stopping-beyond-its-end", "stopping-within-its-period", "renewing-beyond"])
def test_an_unlimited_membership_pays_only_the_days_it_will_cover(app, shop, desk, stopping, weeks_ahead, pays):
    """It asked whether the membership covered the site now, not on the booked day: a member
    whose membership ended in three days, who had asked to stop it, booked weeks ahead on it,
    and those days were never charged. One that renews still pays beyond its current period."""
    from datetime import time, timedelta

    from core.accounts.models import User
    from core.sites.service import site_by_slug
    from core.timeutil import local_to_utc
    from plugins.billing.checkout import create_order
    from plugins.billing.products import quote
    from plugins.booking import service
    from plugins.booking.models import Resource
    from test_billing_bookings import next_tuesday

    with app.test_request_context():
        person, site = db.session.get(User, shop["member"].id), site_by_slug("figeac")
        order = create_order(person, site, quote(site, "membership_unlimited", person.id), method="on_site")
        order.status = "paid"
        day = next_tuesday() + timedelta(weeks=weeks_ahead)
        # Paid until the day after the booked Tuesday when within, whatever day today is.
        period_end = local_to_utc(next_tuesday() + timedelta(days=1), time(23, 0), "Europe/Paris")
        db.session.add(Subscription(member_id=person.id, site_id=site.id, order_id=order.id,
                                    product_code="membership_unlimited", stripe_subscription_id="sub_period",
                                    status="active", cancel_at_period_end=stopping, current_period_end=period_end))
        db.session.commit()
        booking = service.book(db.session.get(Resource, desk["figeac"]), person,
                               local_to_utc(day, time(8, 30), "Europe/Paris"),
                               local_to_utc(day, time(18), "Europe/Paris"), person)
        assert (booking.payer_kind == "membership") == pays, booking.payer_kind


def test_a_membership_stopped_after_days_were_booked_beyond_its_end_leaves_them_to_pay(app, client, auth, shop,
                                                                                      desk, stripe_driver):
    """A renewing membership paid a day booked six weeks ahead; the member then stopped it, and
    that day stayed paid by it, never charged. It becomes a day to pay on site."""
    from datetime import timedelta

    from plugins.billing.models import Order
    from plugins.booking.models import Booking
    from test_billing_bookings import book_day, next_tuesday

    auth.login(shop["member"])
    start_membership(client, stripe_driver, product="membership_unlimited")
    row = subscription_of(app, shop["member"].id)
    far, near = next_tuesday() + timedelta(weeks=6), next_tuesday()
    for day in (near, far):
        assert book_day(client, desk["figeac"], day=day).status_code == 303
    with app.app_context():
        payers = db.session.execute(select(Booking.payer_kind).order_by(Booking.starts_at)).scalars().all()
    assert payers == ["membership", "membership"]
    assert client.post(f"/billing/subscriptions/{row.id}/cancel").status_code == 303
    stripe_driver.deliver(client)
    with app.app_context():
        rows = db.session.execute(select(Booking.id, Booking.payer_kind, Booking.payer_reference)
                                  .order_by(Booking.starts_at)).all()
        assert [(kind, ref) for _id, kind, ref in rows] == [("membership", f"subscription:{row.id}"),
                                                           ("member", "on_site")]
        order = db.session.scalar(select(Order).where(Order.booking_id == rows[1].id))
        assert (order.status, order.method) == ("pending", "on_site")


def test_a_membership_kept_after_all_pays_again_the_days_it_had_left_to_pay_on_site(app, client, auth, shop,
                                                                                    desk, stripe_driver):
    """Stopped, its days beyond its end became days to pay on site; kept after all, it renews
    and is charged for them: they are its again, and their on-site orders are cancelled (the
    member would have paid them twice)."""
    from datetime import timedelta

    from plugins.billing.models import Order
    from plugins.booking.models import Booking
    from test_billing_bookings import book_day, next_tuesday

    auth.login(shop["member"])
    start_membership(client, stripe_driver, product="membership_unlimited")
    row = subscription_of(app, shop["member"].id)
    assert book_day(client, desk["figeac"], day=next_tuesday() + timedelta(weeks=6)).status_code == 303
    assert client.post(f"/billing/subscriptions/{row.id}/cancel").status_code == 303
    stripe_driver.deliver(client)

    def state():
        with app.app_context():
            return [(b.payer_kind, b.payer_reference,
                     db.session.scalar(select(Order.status).where(Order.booking_id == b.id)))
                    for b in db.session.scalars(select(Booking).order_by(Booking.starts_at))]

    assert state() == [("member", "on_site", "pending")]
    assert client.post(f"/billing/subscriptions/{row.id}/keep").status_code == 303
    assert state() == [("membership", f"subscription:{row.id}", "cancelled")]
    stripe_driver.deliver(client)  # Stripe's events say the same again: nothing changes
    assert state() == [("membership", f"subscription:{row.id}", "cancelled")]
    assert "sur place" not in client.get("/booking/mine").get_data(as_text=True)
