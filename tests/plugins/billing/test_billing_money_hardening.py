"""Money hardening (issue 8, items 1-6): approval and payment compose, refunds to credits are
whole days and refunding a bundle takes back its days, erasing an account stops what it pays
for, cash at the desk confirms the held booking, a booking is priced by the half-days it
blocks, and nobody grants reduced prices to themselves. Each test replays the attack."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from core.audit import AuditEntry
from core.extensions import db
from plugins.billing import credits
from plugins.billing.models import Invoice, Order, ReducedRate, Subscription
from plugins.booking.models import Booking
from test_billing_bookings import book_day, desk, hold_and_checkout, next_tuesday  # noqa: F401 (fixture)
from test_billing_onsite import record
from test_billing_subscriptions import start_membership


def _booking(app, booking_id):
    with app.app_context():
        row = db.session.get(Booking, booking_id)
        db.session.expunge(row)
        return row


def _approval_desk(app):
    from core.sites.service import site_by_slug
    from plugins.booking.resources import save_resource

    with app.app_context():
        resource_id = save_resource(site_by_slug("figeac"), None, kind="desk", name="Bureau 2",
                                    approval_required=True).id
        db.session.commit()
        return resource_id


def _booked_id(response):
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


# 1. Approval then payment ------------------------------------------------------------------


def test_an_approved_booking_is_held_for_its_payment_then_confirmed_once_paid(app, client, auth, shop, stripe_driver,
                                                                             mailbox):
    resource_id = _approval_desk(app)
    auth.login(shop["member"])
    response = book_day(client, resource_id)
    assert "/billing/" not in response.headers["Location"]  # nothing to pay before approval
    booking_id = _booked_id(response)
    assert _booking(app, booking_id).hold_reason == "approval"
    auth.logout()
    auth.login(shop["manager"])
    mailbox.clear()
    assert client.post(f"/booking/manage/figeac/bookings/{booking_id}/approve").status_code == 303
    row = _booking(app, booking_id)
    assert (row.status, row.hold_reason) == ("held", "payment")  # was: confirmed, nothing charged
    with app.app_context():
        assert db.session.scalar(select(Order).where(Order.status == "paid")) is None
    mail = next(m for m in mailbox.wait_for(1) if m["To"] == shop["member"].email)
    body = mail.get_body(("plain",)).get_content()
    assert f"/billing/bookings/{booking_id}/pay" in body and "15,00" in body  # what to pay, where, by when
    auth.logout()
    auth.login(shop["member"])
    page = client.get(f"/booking/{booking_id}").get_data(as_text=True)
    assert "15,00" in page and f"/billing/bookings/{booking_id}/pay" in page
    started = client.post(f"/billing/bookings/{booking_id}/pay")
    session_id = started.headers["Location"].rsplit("/", 1)[-1]
    stripe_driver.pay(session_id)
    stripe_driver.deliver(client)
    assert _booking(app, booking_id).status == "confirmed"
    with app.app_context():
        order = db.session.scalar(select(Order).where(Order.booking_id == booking_id, Order.status == "paid"))
        assert order.total_cents == 1500


def test_an_approved_booking_paid_with_credits_is_confirmed_at_approval(app, client, auth, shop, stripe_driver):
    resource_id = _approval_desk(app)
    auth.login(shop["manager"])
    record(client, shop["member"].email)  # a 10-day bundle, paid in cash
    auth.logout()
    auth.login(shop["member"])
    booking_id = _booked_id(book_day(client, resource_id))
    auth.logout()
    auth.login(shop["manager"])
    client.post(f"/booking/manage/figeac/bookings/{booking_id}/approve")
    assert _booking(app, booking_id).status == "confirmed"
    with app.app_context():
        assert credits.balance(shop["member"].id) == 9


def test_a_booking_that_spent_the_last_credit_at_its_hold_is_confirmed_at_approval(app, client, auth, shop,
                                                                                 stripe_driver):
    resource_id = _approval_desk(app)
    auth.login(shop["manager"])
    record(client, shop["member"].email, product="day_pass")
    with app.app_context():
        order_id = db.session.scalar(select(Order.id))
    _refund(client, order_id, "15.00", "credits")  # exactly one day of credit
    auth.logout()
    auth.login(shop["member"])
    booking_id = _booked_id(book_day(client, resource_id))
    with app.app_context():
        assert credits.balance(shop["member"].id) == 0  # spent at the hold
    auth.logout()
    auth.login(shop["manager"])
    client.post(f"/booking/manage/figeac/bookings/{booking_id}/approve")
    assert _booking(app, booking_id).status == "confirmed"  # not asked to pay a second time


# 2. Refunds and credits ----------------------------------------------------------------------


def _refund(client, order_id, amount, to):
    return client.post(f"/billing/sites/figeac/manage/orders/{order_id}/refund",
                       data={"refund-amount": amount, "refund-reason": "geste", "refund-to": to,
                             "refund-confirmed": "yes"})


def test_refunds_to_credits_give_whole_days_of_the_price_only(app, client, auth, shop):
    auth.login(shop["manager"])
    record(client, shop["member"].email, product="day_pass")  # 15.00 including VAT
    with app.app_context():
        order_id = db.session.scalar(select(Order.id))
    # No booking to pay: the pass is its own day of credit (test_billing_desk_passes.py).
    for _ in range(3):
        _refund(client, order_id, "0.02", "credits")
    with app.app_context():
        assert credits.balance(shop["member"].id) == 1  # was: 3 full days more
        assert db.session.scalar(select(Invoice).where(Invoice.kind == "credit_note")) is None
    _refund(client, order_id, "7.50", "credits")  # half a day: refused too
    with app.app_context():
        assert credits.balance(shop["member"].id) == 1
    assert _refund(client, order_id, "15.00", "credits").status_code == 303
    with app.app_context():
        assert credits.balance(shop["member"].id) == 1  # the pass's credit taken back, the refund's given
        assert db.session.get(Order, order_id).status == "refunded"


def test_a_partial_refunds_credit_note_is_the_money_given_back_to_the_cent(app, client, auth, shop):
    """10,05 EUR refunded of a 120 EUR bundle (20 % VAT): no amount excluding VAT gives 10,05
    once its VAT is rounded (8,37 + 1,67 = 10,04; 8,38 + 1,68 = 10,06), and the credit note said
    10,06 while the order and Stripe said 10,05, about one amount in six. Its VAT is now what is
    left once the amount excluding VAT is taken out."""
    auth.login(shop["manager"])
    record(client, shop["member"].email)  # 10 days for 120.00
    with app.app_context():
        order_id = db.session.scalar(select(Order.id))
    for amount, cents in (("10.05", 1005), ("0.03", 3), ("20.00", 2000)):
        assert _refund(client, order_id, amount, "card").status_code == 303
        with app.app_context():
            note = db.session.scalars(select(Invoice).where(Invoice.kind == "credit_note")
                                      .order_by(Invoice.id.desc())).first()
            assert (note.total_ttc_cents, note.total_ht_cents + note.total_vat_cents) == (cents, cents), amount
            assert [(b["ht_cents"], b["vat_cents"]) for b in note.vat_breakdown] == \
                [(note.total_ht_cents, note.total_vat_cents)]
            assert abs(note.total_vat_cents - note.total_ht_cents * 20 / 100) < 1  # still 20 % of it, within a cent
    with app.app_context():
        credited = sum(db.session.scalars(select(Invoice.total_ttc_cents).where(Invoice.kind == "credit_note")))
        assert credited == db.session.get(Order, order_id).refunded_cents == 1005 + 3 + 2000


def test_refunding_a_bundle_takes_back_its_unused_days(app, client, auth, shop, desk):  # noqa: F811
    auth.login(shop["manager"])
    record(client, shop["member"].email)  # 10 days for 120.00
    with app.app_context():
        order_id = db.session.scalar(select(Order.id))
    auth.logout()
    auth.login(shop["member"])
    book_day(client, desk["figeac"])  # one day used
    auth.logout()
    auth.login(shop["manager"])
    assert _refund(client, order_id, "", "credits").status_code == 303  # a bundle is refunded in money
    with app.app_context():
        assert db.session.get(Order, order_id).refunded_cents == 0
    _refund(client, order_id, "60.00", "card")  # half: 5 days go
    with app.app_context():
        assert credits.balance(shop["member"].id) == 4
    _refund(client, order_id, "", "card")  # the rest: the unused days go, the used one stays used
    with app.app_context():
        assert credits.balance(shop["member"].id) == 0  # was: 10 usable after a full refund
        taken = db.session.scalars(select(credits.CreditEntry).where(
            credits.CreditEntry.reason == "taken_back")).all()
        assert sum(e.delta for e in taken) == -9


# 3. Erasing an account -----------------------------------------------------------------------


def test_erasing_an_account_cancels_its_membership_and_its_future_bookings_with_refunds(
        app, client, auth, shop, desk, stripe_driver):  # noqa: F811
    member = shop["member"]
    auth.login(member)
    booking_id, session_id = hold_and_checkout(client, desk)
    stripe_driver.pay(session_id)
    stripe_driver.deliver(client)
    assert _booking(app, booking_id).status == "confirmed"
    start_membership(client, stripe_driver)
    with app.app_context():
        stripe_id = db.session.scalar(select(Subscription.stripe_subscription_id))
        intent = db.session.scalar(select(Order.stripe_payment_intent).where(Order.booking_id == booking_id))
    assert client.post("/account/erase", data={"password": member.password}).status_code == 303
    assert stripe_driver.client().v1.subscriptions.retrieve(stripe_id).status == "canceled"  # no renewal
    row = _booking(app, booking_id)
    assert (row.status, row.cancel_reason) == ("cancelled", "account_erased") and row.cancelled_at is not None
    with app.app_context():
        note = db.session.scalar(select(Invoice).where(Invoice.kind == "credit_note"))
        assert note is not None and note.total_ttc_cents == 1500
        assert db.session.scalar(select(Subscription.status)) == "canceled"
    assert [r.amount for r in stripe_driver.client().v1.refunds.list({"payment_intent": intent}).data] == [1500]


@pytest.mark.parametrize("when", ["arrived", "late"])
def test_erasing_an_account_refunds_no_day_worked_nor_cancelled_late(app, make_user, shop, desk, when):  # noqa: F811
    """Erasing an account cancelled every booking not yet over and refunded it in full, whatever
    the time: a member could work the day (checked in, which they cannot cancel) and then erase
    their account to get the money back. A day arrived at stays as it was; one starting within
    the site's notice is cancelled as the member's own late cancellation, without a refund."""
    from datetime import time as clock

    from core.accounts.models import User
    from core.timeutil import local_to_utc
    from plugins.billing.fulfilment import record_paid_on_site
    from plugins.booking import service
    from plugins.booking.checkin import check_in
    from plugins.booking.models import Resource

    day = next_tuesday()
    starts = local_to_utc(day, clock(8, 30), "Europe/Paris")
    with app.test_request_context():
        person = db.session.get(User, shop["member"].id)
        booking = service.book(db.session.get(Resource, desk["figeac"]), person, starts,
                               local_to_utc(day, clock(18), "Europe/Paris"), person,
                               now=starts - timedelta(days=3))
        db.session.commit()
        record_paid_on_site(db.session.scalar(select(Order).where(Order.booking_id == booking.id)))
        db.session.commit()
        now = starts + timedelta(hours=3) if when == "arrived" else None
        if when == "late":  # the booking starts within the notice: two weeks here
            configs = app.extensions["tierslieux"].configs
            configs["billing"] = configs["billing"].model_copy(update={"cancel_notice_hours": 24 * 14})
        if when == "arrived":
            check_in(booking.id, person, now=now)
            db.session.commit()
        service.cancel_future_bookings(person, "account_erased", now=now)  # as the erasure does
        db.session.commit()
        row = db.session.get(Booking, booking.id)
        assert row.status == ("checked_in" if when == "arrived" else "cancelled")
        assert db.session.scalar(select(Order.refunded_cents).where(Order.booking_id == booking.id)) == 0
        assert db.session.scalar(select(Invoice).where(Invoice.kind == "credit_note")) is None


def test_the_subscription_cancelling_job_is_idempotent(app, client, auth, shop, stripe_driver):
    from plugins.billing.privacy import cancel_subscription

    auth.login(shop["member"])
    start_membership(client, stripe_driver)
    with app.app_context():
        stripe_id = db.session.scalar(select(Subscription.stripe_subscription_id))
        cancel_subscription(stripe_id)
        cancel_subscription(stripe_id)  # a retry after a crash: no error, still canceled
    assert stripe_driver.client().v1.subscriptions.retrieve(stripe_id).status == "canceled"


# 4. Cash at the desk --------------------------------------------------------------------------


def test_cash_recorded_at_the_desk_confirms_the_members_held_booking(app, client, auth, shop, desk, stripe_driver):  # noqa: F811
    auth.login(shop["member"])
    response = book_day(client, desk["figeac"])
    booking_id = int(response.headers["Location"].rstrip("/").split("/")[-2])
    assert _booking(app, booking_id).status == "held"
    auth.logout()
    auth.login(shop["manager"])
    assert record(client, shop["member"].email, product="day_pass").status_code == 303
    assert _booking(app, booking_id).status == "confirmed"  # was: stays held, then expires
    with app.app_context():
        order = db.session.scalar(select(Order).where(Order.status == "paid"))
        assert order.booking_id == booking_id and order.method == "cash"


def test_a_pay_on_site_booking_tells_the_amount_due_on_its_page_and_in_its_mail(app, client, auth, shop, desk,  # noqa: F811
                                                                              mailbox):
    auth.login(shop["member"])
    response = book_day(client, desk["aurillac"], site="aurillac")
    booking_id = _booked_id(response)
    assert "12,00" in client.get(f"/booking/{booking_id}").get_data(as_text=True)
    mailbox.wait_for(2)  # the member's confirmation, and the managers' "to collect on site"
    [mail] = [m for m in mailbox.to(shop["member"].email) if m["Subject"].startswith("Réservation confirmée")]
    assert "12,00" in mail.get_body(("plain",)).get_content()


# 5. Priced by the half-days it blocks ----------------------------------------------------------


def test_a_desk_is_priced_by_the_half_days_it_is_booked_for_never_by_the_hour(app, client, auth, shop,
                                                                              desk):  # noqa: F811
    auth.login(shop["member"])
    day = next_tuesday().isoformat()
    # Across lunch by the hour, it was priced a half-day pass, then a day pass; a desk is not
    # booked by the hour at all now (booking's rules): refused, nothing stored, nothing to pay.
    across = client.post("/booking/sites/figeac/book", data={"resource": desk["figeac"], "date": day,
                                                            "period": "hours", "start": "10:30", "end": "15:30"})
    assert across.status_code == 422
    with app.app_context():
        assert db.session.scalar(select(Booking.id)) is None and db.session.scalar(select(Order.id)) is None
    whole = client.post("/booking/sites/figeac/book", data={"resource": desk["figeac"], "date": day, "period": "day"})
    booking_id = _booked_id(whole)
    assert _booking(app, booking_id).price_cents == 1250
    client.post(f"/booking/{booking_id}/cancel")
    morning = client.post("/booking/sites/figeac/book", data={"resource": desk["figeac"], "date": day,
                                                             "period": "morning"})
    assert _booking(app, _booked_id(morning)).price_cents == 700


# 6. Reduced prices ------------------------------------------------------------------------------


def _grant(client, email, site="figeac"):
    return client.post(f"/billing/sites/{site}/manage/reduced",
                       data={"reduced-email": email, "reduced-category": "student"})


def test_nobody_grants_reduced_prices_to_themselves_and_managers_only_to_their_sites_members(
        app, client, auth, shop, desk):  # noqa: F811
    auth.login(shop["manager"])
    assert _grant(client, shop["manager"].email).status_code == 403
    assert _grant(client, shop["member"].email).status_code == 403  # never booked nor bought at Figeac
    with app.app_context():
        assert db.session.scalar(select(ReducedRate)) is None
    auth.logout()
    auth.login(shop["member"])
    book_day(client, desk["figeac"])
    auth.logout()
    auth.login(shop["manager"])
    assert _grant(client, shop["member"].email).status_code == 303
    auth.logout()
    auth.login(shop["admin"])
    assert _grant(client, shop["admin"].email).status_code == 403
    assert _grant(client, shop["other_manager"].email).status_code == 303  # the administrator grants anyone
    with app.app_context():
        granted = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "billing.reduced_rate")
                                         .order_by(AuditEntry.id)).all()
        assert [e.actor_id for e in granted] == [shop["manager"].id, shop["admin"].id]
