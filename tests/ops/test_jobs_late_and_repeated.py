"""Jobs and the outbox under retries, slow servers and downtime: an erased member gets no mail, a
late reminder is not sent, a mail sent again keeps its id, a final refusal is not retried, a slow
handler keeps its lease (found by a review; each test failed before its fix)."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from core.extensions import db
from core.jobs import Job, run_pending
from core.db import utcnow
from core.mail import MailMessage
from tests.plugins.billing.conftest import shop, stripe_driver, stripe_emulator  # noqa: F401 - fixtures
from tests.plugins.billing.test_billing_checkout import buy
from tests.plugins.events.conftest import make_event, world  # noqa: F401 - fixtures


# --------------------------------------------------------------------------------------------
# 1. The invoice mail job run after the member erased their account
# --------------------------------------------------------------------------------------------



def test_invoice_mail_queued_before_an_erasure_is_not_sent_to_nobody(app, client, auth, shop,  # noqa: F811
                                                                     stripe_driver, mailbox):  # noqa: F811
    """The payment is fulfilled (its invoice mail is a job), then the member erases their account
    before a worker runs: the job must send nothing (the outbox forgot them), not queue a mail
    to an empty address that fails for six hours and dies on the admin's page."""
    app.config["JOBS_RUN"] = "worker"
    member = shop["member"]
    auth.login(member)
    session_id = buy(client)
    stripe_driver.pay(session_id)
    stripe_driver.deliver(client)
    with app.app_context():
        assert db.session.scalar(select(Job.status).where(Job.name == "billing.mail_invoice")) == "pending"
        db.session.rollback()
    assert client.post("/account/erase", data={"password": member.password}).status_code == 303
    app.config["JOBS_BACKOFF_SECONDS"] = 0
    with app.app_context():
        for _ in range(3):
            run_pending()
        recipients = db.session.scalars(select(MailMessage.recipient)).all()
        failing = db.session.scalars(select(Job.name).where(Job.last_error.is_not(None))).all()
        db.session.rollback()
    assert recipients == [] and failing == [], (recipients, failing)
    assert mailbox.messages == []


# --------------------------------------------------------------------------------------------
# 2. An event's reminder ("Tomorrow: ...") sent after the event, when the worker was down
# --------------------------------------------------------------------------------------------



def test_an_event_reminder_is_not_sent_after_the_event_once_workers_come_back(app, client, auth, make_user,  # noqa: F811
                                                                              make_event, mailbox):  # noqa: F811
    """The workers were down for a few days (or the job backed off): the reminder job of an
    event that has taken place since runs when they come back and mails every registrant
    "Tomorrow: ..." about an event that is over. Booking's reminders check the start is still
    to come (`sweep.send_reminders`); events' `service.remind` does not."""
    from plugins.events.models import Event

    app.config["JOBS_RUN"] = "worker"
    event_id = make_event(days=3)
    person = make_user()
    auth.login(person)
    assert client.post(f"/events/{event_id}/register").status_code == 303
    with app.app_context():
        run_pending()  # the registration's own mail
        db.session.rollback()
    before = len(mailbox.wait_for(1))
    with app.app_context():  # as if this was last week: the event took place while no worker ran
        event = db.session.get(Event, event_id)
        event.starts_at -= timedelta(days=5)
        event.ends_at -= timedelta(days=5)
        job = db.session.scalar(select(Job).where(Job.name == "events.remind"))
        job.args = {**job.args, "starts_at": event.starts_at.isoformat()}
        job.run_at = event.starts_at - timedelta(days=1)
        db.session.commit()
        assert event.ends_at < utcnow()
        run_pending()  # the workers are back
        run_pending()
        db.session.rollback()
    late = [str(m["Subject"]) for m in mailbox.messages[before:]]
    assert late == [], late


# --------------------------------------------------------------------------------------------
# 3. An SMTP answer that times out after the server took the message: sent again, as a new mail
# --------------------------------------------------------------------------------------------

def _queue_a_mail(app, server, to="someone@example.org", **config):
    """One mail in the outbox, to be sent by workers through `server` (its job not run yet)."""
    from core.mail import queue_mail

    app.config.update(JOBS_RUN="worker", MAIL_SERVER="127.0.0.1", MAIL_PORT=server.controller.port, **config)
    user = type("U", (), {"display_name": "Ada"})
    with app.test_request_context(method="POST"):
        queue_mail(to, "reset_password", locale="en", user=user, link="http://x")
        db.session.commit()


class SlowToAnswer:
    """An SMTP server that keeps every message, but answers the first DATA too late."""

    def __init__(self, delay: float):
        import email
        import email.policy
        from aiosmtpd.controller import Controller

        from devtools.ports import free_port

        self.delay, self.messages, self._email = delay, [], (email, email.policy)
        self.controller = Controller(self, hostname="127.0.0.1", port=free_port())
        self.controller.start()

    async def handle_DATA(self, server, session, envelope):
        import asyncio

        email, policy = self._email
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        if len(self.messages) == 1:
            await asyncio.sleep(self.delay)  # the mail is in; its "250" comes after the client gave up
        return "250 OK"


@pytest.mark.job_failures(r"\(mail\.send\) failed .*(timed out|TimeoutError)")
def test_a_mail_retried_after_an_smtp_timeout_keeps_its_message_id(app):
    """Delivery is at least once: an SMTP timeout after the server queued the message makes the
    job send it again. The copies must be the same message (one Message-ID), so mail servers
    and clients that dedupe by Message-ID show one. Each attempt got a new Message-ID
    (`_as_email` called `make_msgid()` per attempt), so the member got two distinct mails."""

    server = SlowToAnswer(delay=2.5)
    try:
        _queue_a_mail(app, server, MAIL_TIMEOUT=1, JOBS_BACKOFF_SECONDS=0)
        with app.app_context():
            run_pending()  # times out waiting for the 250: retried
            db.session.rollback()
        import time
        time.sleep(3)
        with app.app_context():
            run_pending()
            assert db.session.scalar(select(MailMessage.status)) == "sent"
            db.session.rollback()
        assert len(server.messages) == 2  # at least once: the second attempt delivered it again
        ids = {m["Message-ID"] for m in server.messages}
        assert len(ids) == 1, ids
    finally:
        server.controller.stop()


# --------------------------------------------------------------------------------------------
# 4. A permanent SMTP refusal (unknown mailbox, message too large) retried for six hours
# --------------------------------------------------------------------------------------------

class Refusing:
    """An SMTP server refusing one recipient for good (550), as for a mistyped address."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        from devtools.ports import free_port

        self.tries = 0
        self.controller = Controller(self, hostname="127.0.0.1", port=free_port())
        self.controller.start()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.tries += 1
        return "550 5.1.1 No such user here"


@pytest.mark.job_failures(r"\(mail\.send\) failed .*SMTPRecipientsRefused")
def test_a_mail_refused_for_good_dies_at_once_instead_of_being_retried(app):
    """A 5xx answer is final (RFC 5321): retrying cannot help. The job should be dead (shown to
    the admin) after the first refusal, like a message that cannot be built (`Permanent`).
    `deliver` re-raised every `SMTPException`, so it was tried 15 times over about six
    hours (and the erased member's empty address of test 1 the same)."""

    server = Refusing()
    try:
        _queue_a_mail(app, server, "nobody@example.org", JOBS_BACKOFF_SECONDS=0)
        with app.app_context():
            for _ in range(3):
                run_pending()
            job = db.session.scalar(select(Job).where(Job.name == "mail.send"))
            status, attempts = job.status, job.attempts
            db.session.rollback()
        assert (status, attempts, server.tries) == ("dead", 1, 1)
    finally:
        server.controller.stop()


# --------------------------------------------------------------------------------------------
# 5. A mail slower to send than the job's lease is sent again by another worker
# --------------------------------------------------------------------------------------------

def test_a_mail_slower_to_send_than_the_lease_is_sent_once(app):
    """The lease (5 min) was never renewed while a handler ran. A mail that took longer than
    that to send (a large attachment on a slow link; here a 1 s lease and a server taking 2 s)
    was taken back by another worker and sent a second time while the first was still sending.
    Scaled down with JOBS_LEASE_SECONDS=1; the lease is now renewed every third of it."""
    import threading

    from core.jobs.runner import run_pending as run

    server = SlowToAnswer(delay=0)
    server.delay_all = 2.0

    async def slow(srv, session, envelope, _server=server):
        import asyncio

        email, policy = _server._email
        _server.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        await asyncio.sleep(_server.delay_all)
        return "250 OK"

    server.handle_DATA = slow
    try:
        _queue_a_mail(app, server, MAIL_TIMEOUT=10, JOBS_LEASE_SECONDS=1)

        def first():
            with app.app_context():
                run(worker="worker-a")

        thread = threading.Thread(target=first)
        thread.start()
        import time
        time.sleep(1.3)  # worker A is still talking to the server; its lease has run out
        with app.app_context():
            run(worker="worker-b")
        thread.join()
        assert len(server.messages) == 1, [m["Message-ID"] for m in server.messages]
    finally:
        server.controller.stop()
