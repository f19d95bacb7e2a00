"""A member's "stop my membership" and "keep it" clicked in two tabs at once: Stripe and the row
end alike (the last decision), and Stripe is asked once per change, never twice for one. The
clicks take turns under a lock named for the membership (PostgreSQL: SQLite's write lock is
never held while Stripe answers, see `flows.end_membership_at_period_end`)."""
from __future__ import annotations

import threading

import pytest
from stripe._subscription_service import SubscriptionService

from core.extensions import db
from devtools.races import errors, run_together
from tests.plugins.billing.test_billing_checkout_races import twin
from tests.plugins.billing.test_billing_subscriptions import start_membership, subscription_of

pytestmark = pytest.mark.one_database


@pytest.fixture
def postgres_only(app):
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            pytest.skip("the clicks take turns on PostgreSQL only")


class Updates(list):
    """The `cancel_at_period_end` of every subscription update sent to Stripe, in order; a test
    sets `before` and `after`, run around each call with that value."""
    def before(self, end):
        pass

    def after(self, end):
        pass


@pytest.fixture
def stripe_updates(monkeypatch):
    sent = Updates()
    original = SubscriptionService.update

    def update(self, subscription, params=None, options=None):
        sent.before(params["cancel_at_period_end"])
        answer = original(self, subscription, params, options)
        sent.append(params["cancel_at_period_end"])
        sent.after(params["cancel_at_period_end"])
        return answer

    monkeypatch.setattr(SubscriptionService, "update", update)
    return sent


def test_two_tabs_stopping_at_once_ask_stripe_once(app, client, auth, shop, stripe_driver, stripe_updates,
                                                     postgres_only):
    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    row = subscription_of(app, shop["member"].id)
    asked, second = [], threading.Event()
    # The first answered waits (3 s at most) for the other tab's call: without the turns both
    # asked; with them the other reads the first's outcome afterwards and asks nothing.
    stripe_updates.before = lambda end: (asked.append(end), len(asked) == 2 and second.set())
    stripe_updates.after = lambda end: second.wait(3) if len(stripe_updates) == 1 else None
    tabs = [twin(app, client) for _ in range(2)]
    replies = run_together(lambda tab: tab.post(f"/billing/subscriptions/{row.id}/cancel"), tabs)
    assert errors(replies) == [] and [r.status_code for r in replies] == [303, 303]
    assert stripe_updates == [True]
    assert subscription_of(app, shop["member"].id).cancel_at_period_end is True
    assert stripe_driver.client().v1.subscriptions.retrieve(row.stripe_subscription_id).cancel_at_period_end is True


def test_stop_and_keep_at_once_leave_the_row_as_stripe_has_it(app, client, auth, shop, stripe_driver, stripe_updates,
                                                              postgres_only):
    """The bad interleaving, forced: "stop" has Stripe's answer, then "keep" asks Stripe and
    commits, then "stop" commits its older answer: the row said the membership ends while Stripe
    renews it. In turns, the second click reads the first's outcome."""
    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    row = subscription_of(app, shop["member"].id)
    stop_answered, keep_done = threading.Event(), threading.Event()
    stripe_updates.after = lambda end: (stop_answered.set(), keep_done.wait(3)) if end else None
    stripe_updates.before = lambda end: None if end else stop_answered.wait(3)
    stop_tab, keep_tab = twin(app, client), twin(app, client)

    def click(path):
        tab = stop_tab if path == "cancel" else keep_tab
        if path == "keep":
            stop_answered.wait(3)  # "keep" is clicked while "stop" waits for Stripe
        try:
            return tab.post(f"/billing/subscriptions/{row.id}/{path}")
        finally:
            if path == "keep":
                keep_done.set()

    replies = run_together(click, ["cancel", "keep"])
    assert errors(replies) == [] and [r.status_code for r in replies] == [303, 303]
    at_stripe = stripe_driver.client().v1.subscriptions.retrieve(row.stripe_subscription_id).cancel_at_period_end
    assert subscription_of(app, shop["member"].id).cancel_at_period_end is at_stripe
    assert stripe_updates == [True, False]  # each decision asked once, "keep" last
    assert at_stripe is False


def test_two_tabs_stopping_a_failed_membership_at_once_cancel_it_once(app, client, auth, shop, stripe_driver,
                                                                      monkeypatch, postgres_only):
    """"Stop now" on a membership whose renewal failed, clicked in two tabs: the same turns as
    "stop" and "keep". The first cancels it at Stripe; the other, waiting for its turn, reads the
    row ended and asks Stripe nothing (without the turns it asked too, and Stripe refused)."""
    from core.audit import AuditEntry
    from plugins.billing.models import Subscription
    from sqlalchemy import func, select
    from stripe._subscription_service import SubscriptionService

    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    row = subscription_of(app, shop["member"].id)
    stripe_driver.renew(row.stripe_subscription_id, "failed")
    stripe_driver.deliver(client)
    asked, second = [], threading.Event()
    original_retrieve, original_cancel = SubscriptionService.retrieve, SubscriptionService.cancel

    def retrieve(self, subscription, params=None, options=None):
        asked.append(subscription)
        if len(asked) == 2:
            second.set()
        return original_retrieve(self, subscription, params, options)

    def cancel(self, subscription, params=None, options=None):
        answer = original_cancel(self, subscription, params, options)
        second.wait(3)  # the other tab's turn comes after this one's commit, or it asks at once
        return answer

    monkeypatch.setattr(SubscriptionService, "retrieve", retrieve)
    monkeypatch.setattr(SubscriptionService, "cancel", cancel)
    tabs = [twin(app, client) for _ in range(2)]
    replies = run_together(lambda tab: tab.post(f"/billing/subscriptions/{row.id}/stop-now"), tabs)
    assert errors(replies) == [] and [r.status_code for r in replies] == [303, 303]
    assert asked == [row.stripe_subscription_id]  # one tab asked Stripe, the other read its outcome
    with app.app_context():
        assert db.session.get(Subscription, row.id).status == "canceled"
        assert db.session.scalar(select(func.count()).select_from(AuditEntry)
                                 .where(AuditEntry.action == "billing.membership_ended_now")) == 1
    monkeypatch.undo()
    assert stripe_driver.client().v1.subscriptions.retrieve(row.stripe_subscription_id).status == "canceled"
