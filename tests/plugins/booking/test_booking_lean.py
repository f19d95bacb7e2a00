"""What a booking request does, and what it leaves to jobs (issue 16): its SQL statements stay
few, and its e-mail (templates and .ics) is rendered by a job after the commit, not inside it."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from booking_dates import next_weekday
from core.extensions import db
from core.jobs import Job, run_pending
from core.mail import MailMessage
from devtools.queries import Queries
from plugins.booking.notify import MAIL_JOB

# Statements of POST /api/v1/bookings by a member with no convention, credit or membership, the
# caches warm, every plugin on (SQLite's BEGIN and COMMIT left out; PostgreSQL adds its row locks,
# one statement): the versions, the token with its user, the resource as a row (its site's time
# zone), whether the slot is free (both read before the write lock, and before the resource is
# loaded as an object: two requests in three are refused there at a rush), the resource with its
# site, the closures, the member's limits (one statement), conventions (whether the member holds
# an authorisation), billing's payer (membership, credits), the lapsed holds, the insert (no
# savepoint: a refused single booking rolls the request back), the mail job, the managers' alert
# job, the order paid on site (one: the booking is new, so billing does not ask for its open
# order). (The bench's booking went from 42 statements to 17 with issue 16, then 16, then 14,
# then 15 for a refusal without objects.) Raising it needs a reason: each one is paid by every
# booking.
BOOKING_STATEMENTS = 15


def _post(client, token, resource, day, start="08:30", end="12:30"):
    return client.post("/api/v1/bookings", json={"resource": resource, "start": f"{day}T{start}",
                                                 "end": f"{day}T{end}"},
                       headers={"Authorization": f"Bearer {token}"})


def test_a_booking_request_sends_few_statements(app, client, site_with_desk, make_resource, make_user, api_token):
    app.config["JOBS_RUN"] = "worker"  # the jobs it enqueues run elsewhere, not in this request
    app.config["CACHE_CHECK_SECONDS"] = 0  # the cache versions' query counted every time, not once a second
    other = make_resource("figeac", "desk", "Poste 2")
    day = next_weekday()
    assert _post(client, api_token(make_user()), other, day).status_code == 201  # warms the caches
    token = api_token(make_user())
    with Queries(app) as queries:
        assert _post(client, token, site_with_desk, day).status_code == 201
    bound = BOOKING_STATEMENTS + (1 if queries.engine.dialect.name == "postgresql" else 0)
    assert queries.count <= bound, f"{queries.count} statements (bound {bound}):\n" + "\n".join(queries.statements)


def test_a_slot_taken_is_refused_from_rows_without_loading_the_place(app, client, site_with_desk, make_user,
                                                                   api_token):
    """Two requests in three are refused at a rush: the refusal reads the place's columns and
    whether the slot is free, and loads no object of the place or its site (a fifth of the
    refusal's time); nothing is written and no write lock is asked for."""
    app.config["CACHE_CHECK_SECONDS"] = 0
    day = next_weekday()
    assert _post(client, api_token(make_user()), site_with_desk, day).status_code == 201
    token = api_token(make_user())
    assert _post(client, token, site_with_desk, day).status_code == 409  # warms the caches
    with Queries(app) as queries:
        refused = _post(client, token, site_with_desk, day)
    assert refused.status_code == 409 and refused.get_json()["error"]["code"] == "slot_taken"
    loads = [s for s in queries.statements if "booking_resource.name" in s or "site.address" in s]
    assert loads == [], loads
    assert not [s for s in queries.statements if s.startswith(("INSERT", "UPDATE", "BEGIN IMMEDIATE"))]
    assert queries.count <= 4, queries.statements  # the versions, the token's holder, the place, the slot


def test_the_booking_forms_redirect_reads_nothing_again_after_the_commit(app, client, auth, site_with_desk,
                                                                          make_resource, make_user):
    """The page's booking form answers with a redirect (the booking, or the payment page) and a
    word of who pays: asked before the commit, not after it, when the commit's expiry loaded the
    booking with its place and site, then the site's hours, again for that (2 statements; only
    the signed-in member's row, expired by the commit, is not read again either: the answer's
    no-store header asks only whether someone is signed in)."""
    app.config["JOBS_RUN"] = "worker"
    app.config["CACHE_CHECK_SECONDS"] = 0
    other, day = make_resource("figeac", "desk", "Poste 2"), next_weekday()
    form = {"date": day.isoformat(), "period": "morning"}
    auth.login(make_user())
    assert client.post("/booking/sites/figeac/book", data={**form, "resource": other}).status_code == 303  # warm
    auth.logout()
    auth.login(make_user())
    with Queries(app) as queries:
        made = client.post("/booking/sites/figeac/book", data={**form, "resource": site_with_desk})
    assert made.status_code == 303 and made.headers["Location"].startswith("/booking/")
    inserted = next(i for i, s in enumerate(queries.statements) if s.startswith("INSERT INTO booking_booking"))
    again = [s for s in queries.statements[inserted:] if s.startswith("SELECT") and "FROM booking_booking" in s]
    assert again == [], again
    member_again = [s for s in queries.statements[inserted:] if "FROM user_account" in s]
    assert member_again == [], member_again
    bound = 17 + (1 if queries.engine.dialect.name == "postgresql" else 0)  # the row locks
    assert queries.count <= bound, f"{queries.count} statements (bound {bound}):\n" + "\n".join(queries.statements)


def test_the_confirmation_is_rendered_by_a_job_after_the_commit(app, client, site_with_desk, make_user,
                                                               api_token, mailbox):
    app.config["JOBS_RUN"] = "worker"  # nothing runs until a worker does
    member = make_user()
    created = _post(client, api_token(member), site_with_desk, next_weekday())
    assert created.status_code == 201
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(MailMessage)) == 0
        job = db.session.scalars(select(Job).where(Job.name == MAIL_JOB)).one()
        assert job.args == {"booking_id": created.get_json()["id"], "template": "booking_confirmed", "extra": {}}
        assert run_pending() >= 1
    message = mailbox.wait_for(1)[0]
    assert message["To"] == member.email
    assert any(part.get_content_type() == "text/calendar" for part in message.iter_attachments())


def test_a_member_who_erases_their_account_is_not_mailed_about_the_bookings_it_cancels(
        app, client, site_with_desk, make_user, api_token, mailbox):
    """Erasing an account cancels its bookings to come; the cancellation's mail job finds the
    member erased and writes to nobody (not to the anonymised address), and is done, not dead."""
    from core.accounts.models import User
    from core.accounts.service import erase_account

    member = make_user()
    assert _post(client, api_token(member), site_with_desk, next_weekday()).status_code == 201
    assert len(mailbox.wait_for(1)) == 1  # the confirmation
    mailbox.clear()
    with app.test_request_context(method="POST"):
        erase_account(db.session.get(User, member.id), member.password)
        db.session.commit()  # the jobs run now (inline)
    with app.app_context():
        statuses = db.session.scalars(select(Job.status).where(Job.name == MAIL_JOB)).all()
    assert statuses == ["done", "done"]  # the confirmation's and the cancellation's
    assert mailbox.wait_for(1, timeout=0.5) == []


def _hold_the_write_lock(app):
    """Another connection's write transaction, not committed (SQLite: BEGIN IMMEDIATE)."""
    import sqlite3

    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("SQLite's write lock: PostgreSQL's readers never wait for writers")
        path = db.engine.url.database
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    return writer


def _in_thread(answers, name, call):
    import threading

    thread = threading.Thread(target=lambda: answers.__setitem__(name, call().status_code))
    thread.start()
    return thread


def test_a_request_for_a_taken_slot_is_refused_without_waiting_for_the_writers(app, client, site_with_desk,
                                                                               make_user, api_token):
    """While another transaction holds the write lock (SQLite: BEGIN IMMEDIATE, which every
    writing request takes), a slot already taken is refused at once: the refusal is read in a
    read transaction, which WAL lets run beside the writer. A free slot waits for the lock."""
    app.config["CACHE_CHECK_SECONDS"] = 0  # the versions read before the view: read-only too
    day = next_weekday()
    assert _post(client, api_token(make_user()), site_with_desk, day).status_code == 201
    token = api_token(make_user())
    writer = _hold_the_write_lock(app)
    answers = {}
    try:
        _in_thread(answers, "taken", lambda: _post(app.test_client(), token, site_with_desk, day)).join(10)
        assert answers.get("taken") == 409  # at once, with the lock still held
        free = _in_thread(answers, "free", lambda: _post(app.test_client(), token, site_with_desk, day,
                                                         "13:30", "18:00"))
        free.join(0.5)
        assert "free" not in answers  # waits for the lock...
    finally:
        writer.execute("COMMIT")
        writer.close()
    free.join(30)
    assert answers["free"] == 201  # ...and is booked when it is released


def test_a_member_asking_for_a_desk_when_none_is_left_is_answered_without_waiting(app, client, auth, site_with_desk,
                                                                                 make_user, api_token):
    app.config["CACHE_CHECK_SECONDS"] = 0
    day = next_weekday()
    assert _post(client, api_token(make_user()), site_with_desk, day).status_code == 201  # the only desk
    auth.login(make_user())
    writer = _hold_the_write_lock(app)
    answers = {}
    ask = {"kind": "desk", "date": day.isoformat(), "period": "morning"}
    try:
        _in_thread(answers, "any", lambda: client.post("/booking/sites/figeac/book-any", data=ask)).join(10)
        assert answers.get("any") == 409  # "every place is taken": the waitlist is offered, at once
        _in_thread(answers, "that one", lambda: client.post("/booking/sites/figeac/book", data={
            "resource": site_with_desk, "date": day.isoformat(), "period": "morning"})).join(10)
        assert answers.get("that one") == 409
    finally:
        writer.execute("COMMIT")
        writer.close()
    ask["period"] = "afternoon"
    assert client.post("/booking/sites/figeac/book-any", data=ask).status_code == 303  # a free one is booked
