"""A membership whose renewal failed (the card refused, "paiement échoué") stopped at once by its
member: Stripe cancels it, so the unpaid renewal is no more retried nor charged; the row ends as
Stripe has it, whichever comes first of the click and Stripe's deletion event; audited; once."""
from __future__ import annotations

import pytest
from sqlalchemy import select
from stripe._subscription_service import SubscriptionService

from core.audit import AuditEntry
from core.db import utcnow
from core.extensions import db
from tests.plugins.billing.test_billing_subscriptions import start_membership, subscription_of

STOP_NOW = "Arrêter l'abonnement maintenant"


@pytest.fixture
def cancels(monkeypatch):
    """The subscriptions the app asks Stripe to cancel, in order."""
    asked = []
    original = SubscriptionService.cancel

    def cancel(self, subscription, params=None, options=None):
        asked.append(subscription)
        return original(self, subscription, params, options)

    monkeypatch.setattr(SubscriptionService, "cancel", cancel)
    return asked


def failed_renewal(app, client, stripe_driver, member_id):
    """A membership started, then its renewal refused by the card (Stripe: past_due)."""
    start_membership(client, stripe_driver)
    row = subscription_of(app, member_id)
    stripe_driver.renew(row.stripe_subscription_id, "failed")
    for kind, reply in stripe_driver.deliver(client):
        assert reply.status_code == 200, kind
    row = subscription_of(app, member_id)
    assert row.status == "past_due"
    return row


def audited(app, row_id):
    with app.app_context():
        return db.session.scalars(select(AuditEntry).where(AuditEntry.action == "billing.membership_ended_now",
                                                           AuditEntry.subject == f"subscription:{row_id}")).all()


def test_a_member_stops_a_membership_whose_renewal_failed_and_stripe_charges_nothing_more(
        app, client, auth, shop, stripe_driver, cancels):
    auth.login(shop["member"])
    row = failed_renewal(app, client, stripe_driver, shop["member"].id)
    page = client.get("/billing/").get_data(as_text=True)
    assert STOP_NOW in page and f'action="/billing/subscriptions/{row.id}/stop-now"' in page
    reply = client.post(f"/billing/subscriptions/{row.id}/stop-now")
    assert reply.status_code == 303 and reply.headers["Location"].endswith("/billing/")
    page = client.get("/billing/").get_data(as_text=True)
    assert "Votre abonnement est arrêté" in page and STOP_NOW not in page
    ended = subscription_of(app, shop["member"].id)
    assert ended.status == "canceled" and ended.current_period_end <= utcnow()  # ended now, not at the period's end
    stripe = stripe_driver.client().v1
    at_stripe = stripe.subscriptions.retrieve(row.stripe_subscription_id)
    assert at_stripe.status == "canceled" and cancels == [row.stripe_subscription_id]
    unpaid = stripe.invoices.retrieve(at_stripe.latest_invoice)
    assert unpaid.status == "open" and unpaid.auto_advance is False  # Stripe collects it no more
    status, retried = stripe_driver.retry(unpaid.id)  # Stripe's next retry: nothing is charged
    assert status == 200 and retried["invoice"]["amount_paid"] == 0 and retried["invoice"]["status"] == "open"
    [entry] = audited(app, row.id)
    assert entry.actor_id == shop["member"].id
    for kind, reply in stripe_driver.deliver(client):  # Stripe's deletion event, after: nothing changes
        assert reply.status_code == 200, kind
        if kind == "customer.subscription.deleted":
            assert reply.json["effect"] == "unchanged"
    assert subscription_of(app, shop["member"].id).status == "canceled"


def test_without_the_stop_stripe_retries_the_refused_renewal_and_charges_it(app, client, auth, shop, stripe_driver):
    """What the member escapes: left as it is, Stripe's retry of the renewal charges the card."""
    auth.login(shop["member"])
    row = failed_renewal(app, client, stripe_driver, shop["member"].id)
    invoice_id = stripe_driver.client().v1.subscriptions.retrieve(row.stripe_subscription_id).latest_invoice
    status, retried = stripe_driver.retry(invoice_id)
    assert status == 200 and retried["invoice"]["status"] == "paid" and retried["subscription"]["status"] == "active"


def test_a_second_click_changes_nothing_and_asks_stripe_nothing(app, client, auth, shop, stripe_driver, cancels):
    auth.login(shop["member"])
    row = failed_renewal(app, client, stripe_driver, shop["member"].id)
    assert client.post(f"/billing/subscriptions/{row.id}/stop-now").status_code == 303
    first = subscription_of(app, shop["member"].id)
    retrieved = []
    original = SubscriptionService.retrieve
    SubscriptionService.retrieve = lambda self, *a, **k: (retrieved.append(a[0]), original(self, *a, **k))[1]
    try:
        assert client.post(f"/billing/subscriptions/{row.id}/stop-now").status_code == 303  # another tab
    finally:
        SubscriptionService.retrieve = original
    assert "Cet abonnement est déjà terminé" in client.get("/billing/").get_data(as_text=True)
    assert cancels == [row.stripe_subscription_id] and retrieved == []
    again = subscription_of(app, shop["member"].id)
    assert (again.status, again.current_period_end) == (first.status, first.current_period_end)
    assert len(audited(app, row.id)) == 1


def test_another_member_cannot_stop_it(app, client, auth, shop, stripe_driver, make_user, cancels):
    auth.login(shop["member"])
    row = failed_renewal(app, client, stripe_driver, shop["member"].id)
    auth.logout()
    auth.login(make_user())
    assert client.post(f"/billing/subscriptions/{row.id}/stop-now").status_code == 404
    assert subscription_of(app, shop["member"].id).status == "past_due"
    assert cancels == [] and audited(app, row.id) == []
    assert stripe_driver.client().v1.subscriptions.retrieve(row.stripe_subscription_id).status == "past_due"


def test_stopping_with_stripe_unreachable_says_so_and_changes_nothing(app, client, auth, shop, stripe_driver):
    auth.login(shop["member"])
    row = failed_renewal(app, client, stripe_driver, shop["member"].id)
    base = app.config["STRIPE_API_BASE"]
    app.config["STRIPE_API_BASE"] = "http://127.0.0.1:9"  # nothing listens there
    assert client.post(f"/billing/subscriptions/{row.id}/stop-now").status_code == 303
    page = client.get("/billing/").get_data(as_text=True)
    assert "Le service de paiement est injoignable" in page and "votre abonnement n&#39;a pas été arrêté" in page
    assert STOP_NOW in page  # to try again
    after = subscription_of(app, shop["member"].id)
    assert (after.status, after.cancel_at_period_end, after.current_period_end) == \
        (row.status, row.cancel_at_period_end, row.current_period_end)
    assert audited(app, row.id) == []
    app.config["STRIPE_API_BASE"] = base
    assert stripe_driver.client().v1.subscriptions.retrieve(row.stripe_subscription_id).status == "past_due"


def test_stripes_deletion_event_applied_while_the_click_waits_leaves_one_state(app, client, auth, shop,
                                                                               stripe_driver, monkeypatch):
    """The worst order: Stripe cancels, its deletion event is applied at once (another worker),
    then the click stores Stripe's answer. The row ends once, as Stripe has it."""
    from tests.plugins.billing.test_billing_checkout_races import twin

    auth.login(shop["member"])
    row = failed_renewal(app, client, stripe_driver, shop["member"].id)
    webhook_tab, effects = twin(app, client), []
    original = SubscriptionService.cancel

    def cancel(self, subscription, params=None, options=None):
        answer = original(self, subscription, params, options)
        effects.extend((kind, reply.json["effect"]) for kind, reply in stripe_driver.deliver(webhook_tab))
        return answer

    monkeypatch.setattr(SubscriptionService, "cancel", cancel)
    assert client.post(f"/billing/subscriptions/{row.id}/stop-now").status_code == 303
    assert effects == [("customer.subscription.deleted", "subscription canceled")]
    ended = subscription_of(app, shop["member"].id)
    assert ended.status == "canceled" and ended.current_period_end <= utcnow()
    assert "Votre abonnement est arrêté" in client.get("/billing/").get_data(as_text=True)
    assert len(audited(app, row.id)) == 1


def test_a_membership_stripe_ended_before_its_event_arrives_is_told_ended(app, client, auth, shop, stripe_driver,
                                                                          cancels):
    """Stripe ended it (its dashboard, the end of its retries) and its event is not here yet:
    the click asks no cancellation, the row follows Stripe, the member is told it has ended."""
    auth.login(shop["member"])
    row = failed_renewal(app, client, stripe_driver, shop["member"].id)
    stripe_driver.client().v1.subscriptions.cancel(row.stripe_subscription_id)
    cancels.clear()
    assert client.post(f"/billing/subscriptions/{row.id}/stop-now").status_code == 303
    assert "Cet abonnement est déjà terminé" in client.get("/billing/").get_data(as_text=True)
    assert subscription_of(app, shop["member"].id).status == "canceled" and cancels == []
    for kind, reply in stripe_driver.deliver(client):  # then the event: nothing changes
        assert reply.status_code == 200, kind
    assert subscription_of(app, shop["member"].id).status == "canceled" and audited(app, row.id) == []


def test_a_renewal_paid_meanwhile_is_not_thrown_away(app, client, auth, shop, stripe_driver, cancels):
    """Stripe's retry paid the renewal a moment before the click (its events not here yet): the
    membership is not cancelled, the row says active, and the member is told why."""
    auth.login(shop["member"])
    row = failed_renewal(app, client, stripe_driver, shop["member"].id)
    invoice_id = stripe_driver.client().v1.subscriptions.retrieve(row.stripe_subscription_id).latest_invoice
    assert stripe_driver.retry(invoice_id)[1]["subscription"]["status"] == "active"
    assert client.post(f"/billing/subscriptions/{row.id}/stop-now").status_code == 303
    page = client.get("/billing/").get_data(as_text=True)
    assert "Votre renouvellement a été payé entre-temps" in page and STOP_NOW not in page
    assert subscription_of(app, shop["member"].id).status == "active" and cancels == []
    assert stripe_driver.client().v1.subscriptions.retrieve(row.stripe_subscription_id).status == "active"


def test_a_refusal_told_by_stripe_after_the_stop_mails_nothing(app, client, auth, shop, stripe_driver, mailbox):
    """Stripe's "payment failed" event may arrive after the member stopped the membership at once
    (events are late, or come back): it changes nothing and does not write "your renewal failed"
    to someone who just ended it."""
    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    row = subscription_of(app, shop["member"].id)
    stripe_driver.renew(row.stripe_subscription_id, "failed")
    events = stripe_driver.events()
    failed = [e for e in events if e[0]["type"] == "invoice.payment_failed"]
    assert failed
    stripe_driver.deliver(client, [e for e in events if e[0]["type"] != "invoice.payment_failed"])
    assert subscription_of(app, shop["member"].id).status == "past_due"
    mailbox.wait_for(1)  # the membership's first mails (welcome, invoice)
    mailbox.clear()
    assert client.post(f"/billing/subscriptions/{row.id}/stop-now").status_code == 303
    [(kind, reply)] = stripe_driver.deliver(client, failed)
    assert reply.status_code == 200 and reply.json["effect"] == "ended: unchanged"
    assert subscription_of(app, shop["member"].id).status == "canceled"
    assert not [m for m in mailbox.wait_for(1, timeout=1) if "renouvel" in str(m["Subject"]).lower()]
