"""Caps under concurrency: 20 employees booking at once with one day left in the convention's
budget give exactly one booking paid by the partner, on a real threaded server."""
from __future__ import annotations

from datetime import timedelta

import pytest

from sqlalchemy import func, select

from conventions_helpers import next_weekday, post_json
from core.extensions import db
from devtools.races import call_together, committed, held_until_both_reach, run_together, watching_statements
from plugins.booking import ACTIVE, Booking
from plugins.conventions.models import Authorisation, Convention, Use

CLIENTS = 20


def test_twenty_parallel_bookings_with_one_day_left_give_one_success(app, world, live_server, make_user,
                                                                    make_resource, api_token):
    desks = [make_resource("figeac", "desk", f"Poste race {i}") for i in range(CLIENTS)]
    employees = [make_user() for _ in range(CLIENTS)]
    with app.app_context():
        convention = db.session.get(Convention, world.convention_id)
        convention.budget_halfdays = 2  # one day left
        for person in employees:
            db.session.add(Authorisation(convention_id=convention.id, user_id=person.id, status="approved",
                                         valid_from=convention.starts_on))
        db.session.commit()
    tokens = [api_token(p) for p in employees]
    day = next_weekday(2)
    calls = [lambda t=t, d=d: post_json(f"{live_server}/api/v1/bookings", t,
                                        {"resource": d, "start": f"{day}T08:30", "end": f"{day}T18:00"})
             for t, d in zip(tokens, desks)]
    results = call_together(calls)
    statuses = sorted(status for status, _ in results)
    assert statuses.count(201) == 1, results
    assert statuses.count(422) == CLIENTS - 1, results
    assert all("plus de jours" in body["error"]["message"] for status, body in results if status == 422), results
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Use)) == 1
        assert db.session.scalar(select(func.count()).select_from(Booking).where(Booking.status.in_(ACTIVE))) == 1


def _at_once(app, make_user, world, act):
    """Six clicks at once by one employee of the partner (an address at lot.fr)."""
    from core.accounts.models import User

    person = make_user(email="clic@lot.fr")

    def call():
        with app.test_request_context(method="POST"):  # a click: a writing transaction
            auth = act(db.session.get(User, person.id))
            db.session.commit()
            return auth.id

    results = call_together([call] * 6)
    with app.app_context():
        stored = db.session.scalar(select(func.count()).select_from(Authorisation).where(
            Authorisation.user_id == person.id))
    return results, stored


def test_asking_to_join_by_domain_twice_at_once_makes_one_request(app, world, make_user):
    from plugins.conventions import service

    results, stored = _at_once(app, make_user, world,
                               lambda person: service.request_by_domain(person, world.convention_id))
    assert stored == 1, results
    assert sum(isinstance(result, int) for result in results) == 1, results
    # The others were told the convention is no longer theirs to join (they asked already).
    assert all(getattr(result, "code", None) == "not_joinable" for result in results
               if not isinstance(result, int)), results


def test_accepting_an_invitation_twice_at_once_approves_once(app, world, make_user):
    from plugins.conventions import service

    with app.test_request_context():
        token = service.invitation_token(db.session.get(Convention, world.convention_id), "clic@lot.fr")
    results, stored = _at_once(app, make_user, world, lambda person: service.accept_invitation(person, token))
    assert stored == 1, results
    assert all(isinstance(result, int) for result in results) and len(set(results)) == 1, results


def test_two_employees_of_two_conventions_booking_at_once_never_deadlock(app, world, make_user, make_resource):
    """Each employee has used this week's day on the convention they joined first and falls
    back to the other. Deciding locked the conventions one by one in the order of the
    member's authorisations: one took A then B, the other B then A, and PostgreSQL killed
    one (a 500). Each side is held here before its second lock until the other holds its
    first. The conventions that may pay are now locked at once, in id order."""
    import threading

    import pytest

    from core.accounts.models import User
    from plugins.booking import service as booking
    from plugins.booking.models import Resource
    from plugins.booking.slots import range_for
    from devtools.races import locks, watching_statements

    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("the row locks that could close this circle are PostgreSQL's")
    one, two = make_user(email="un@lot.fr"), make_user(email="deux@lot.fr")
    desks = [make_resource("figeac", "desk", f"Poste deux conventions {i}") for i in range(2)]
    day = next_weekday(2)
    with app.app_context():
        base = db.session.get(Convention, world.convention_id)
        a, b = (Convention(partner_id=world.partner_id, reference=reference, starts_on=base.starts_on,
                           ends_on=base.ends_on, site_ids=[world.sites["figeac"]], kinds=["desk"],
                           price_model="per_day", day_rate_cents=1500, week_cap=2, past_cap="refuse",
                           status="active", all_sites=False) for reference in ("CONV-A", "CONV-B"))
        db.session.add_all([a, b])
        db.session.flush()
        for person, joined in ((one, (a, b)), (two, (b, a))):  # in the order they joined
            for n, convention in enumerate(joined):
                auth = Authorisation(convention_id=convention.id, user_id=person.id, status="approved",
                                     valid_from=convention.starts_on)
                db.session.add(auth)
                db.session.flush()
                if n == 0:  # this week's day spent on the first
                    db.session.add(Use(convention_id=convention.id, authorisation_id=auth.id,
                                       booking_id=900000 + person.id, site_id=world.sites["figeac"], kind="desk",
                                       day=day - timedelta(days=1), halfdays=2, amount_cents=1500))
        db.session.commit()
        a_id, b_id = a.id, b.id

    role = threading.local()
    holds_first = {"one": threading.Event(), "two": threading.Event()}
    locked = {"one": 0, "two": 0}

    def before(_conn, _cursor, statement, *_args):
        name = getattr(role, "name", None)
        if name and locks(statement, "conventions_convention") and locked[name] == 1:
            holds_first["two" if name == "one" else "one"].wait(2)

    def after(_conn, _cursor, statement, *_args):
        name = getattr(role, "name", None)
        if name and locks(statement, "conventions_convention"):
            locked[name] += 1
            holds_first[name].set()

    def book(name, person_id, desk_id):
        role.name = name
        with app.test_request_context(method="POST"):
            try:
                resource = db.session.get(Resource, desk_id)
                made = booking.book(resource, db.session.get(User, person_id), *range_for(resource.site, day, "day"))
                db.session.commit()
                return made.payer_reference
            except Exception as exc:  # noqa: BLE001 - the outcome is what is compared
                db.session.rollback()
                return exc

    with watching_statements(app, before, after):
        results = run_together(book, [("one", one.id, desks[0]), ("two", two.id, desks[1])])
    assert results == [f"convention:{b_id}", f"convention:{a_id}"], results


def test_an_ended_employee_cannot_rejoin_with_an_older_invitation_link(app, world, make_user):
    """The référent invited x, x joined, then left the employer (ended). The same link, still
    within its 14 days, approved x again: the employer paid for days it had stopped. A link
    made before the référent's last decision is refused; a new one works."""
    import pytest

    from core.accounts.models import User
    from plugins.conventions import service
    from plugins.conventions.errors import ConventionError

    person = make_user(email="parti@lot.fr")
    with app.test_request_context(method="POST"):
        convention = db.session.get(Convention, world.convention_id)
        token = service.invitation_token(convention, "parti@lot.fr")
        auth = service.accept_invitation(db.session.get(User, person.id), token)
        db.session.commit()
        service.decide(db.session.get(User, world.referent.id), auth.id, "inactive")
        db.session.commit()
    with app.test_request_context(method="POST"):
        with pytest.raises(ConventionError) as refused:
            service.accept_invitation(db.session.get(User, person.id), token)
        assert refused.value.status == 410
        db.session.rollback()
    statuses = lambda: db.session.scalars(select(Authorisation.status).where(  # noqa: E731
        Authorisation.user_id == person.id).order_by(Authorisation.id)).all()
    with app.test_request_context(method="POST"):
        assert statuses() == ["inactive"]
    import time

    time.sleep(1.1)  # a link's time is in whole seconds
    with app.test_request_context(method="POST"):
        fresh = service.invitation_token(db.session.get(Convention, world.convention_id), "parti@lot.fr")
        service.accept_invitation(db.session.get(User, person.id), fresh)
        db.session.commit()
        assert statuses() == ["inactive", "approved"]


def test_the_monthly_job_and_the_invoice_button_at_once_issue_one_invoice_without_error(app, world):
    """Issued twice at the same moment (the job and an administrator's button, or two clicks),
    the month's statement is one, with one number, and neither side fails (the second got a
    unique violation: a 500)."""
    from core.timeutil import today_at
    from plugins.conventions import invoicing
    from plugins.conventions.models import Statement

    today = today_at("Europe/Paris")
    month = (today.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")

    def issue():
        with app.test_request_context(method="POST"):
            statement = invoicing.issue_statement(db.session.get(Convention, world.convention_id), month, today)
            db.session.commit()
            return statement.invoice_reference

    results = call_together([issue, issue])
    with app.app_context():
        references = db.session.scalars(select(Statement.invoice_reference)).all()
    assert len(references) == 1 and results == references * 2, (results, references)
    assert references[0].endswith("-00001")


@pytest.mark.parametrize("action", ["partner", "referent", "convention"])
def test_an_administrator_creating_twice_at_once_creates_once(app, world, make_user, action):
    """A double-click on "create" (a partner, a référent, a convention): one row, and the
    second click told why (409) rather than a unique-key 500 or a duplicate partner."""
    from core.accounts.models import User
    from plugins.conventions import service
    from plugins.conventions.errors import ConventionError
    from plugins.conventions.models import Partner, Referent

    newcomer = make_user(email="drh@aveyron.fr")
    with app.app_context():
        base = db.session.get(Convention, world.convention_id)
        terms = {key: getattr(base, key) for key in service.CONVENTION_FIELDS}
        terms["reference"] = "CD12-TT"

    def act(admin):
        partner = db.session.get(Partner, world.partner_id)
        if action == "partner":
            service.save_partner(admin, None, name="Conseil départemental de l'Aveyron", siret="22120001710003")
        elif action == "referent":
            service.add_referent(admin, partner, "drh@aveyron.fr")
        else:
            service.save_convention(admin, partner, None, **terms)

    click = committed(app, lambda: act(db.session.get(User, world.admin.id)), ConventionError)
    results = call_together([click] * 6)
    model, where = {"partner": (Partner, Partner.name.like("%Aveyron%")),
                    "referent": (Referent, Referent.user_id == newcomer.id),
                    "convention": (Convention, Convention.reference == "CD12-TT")}[action]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(model).where(where)) == 1, results
    assert "ok" in results and set(results) <= {"ok", 409}, results


def test_two_administrators_giving_one_reference_at_once_get_one_convention_and_a_409(app, world, make_user):
    """One administrator creates a convention while another renames an existing one to the same
    reference, at the same moment: each checked the reference before the other wrote it. One
    keeps it; the other is told why (409), not a unique-key 500."""
    from core.accounts.models import User
    from plugins.conventions import service
    from plugins.conventions.errors import ConventionError
    from plugins.conventions.models import Partner

    second_admin = make_user("territory-admin")
    with app.app_context():
        base = db.session.get(Convention, world.convention_id)
        terms = {key: getattr(base, key) for key in service.CONVENTION_FIELDS}
    terms["reference"] = "CD46-NEW"

    def create():
        partner = db.session.get(Partner, world.partner_id)
        service.save_convention(db.session.get(User, world.admin.id), partner, None, **terms)

    def rename():
        convention = db.session.get(Convention, world.convention_id)
        service.save_convention(db.session.get(User, second_admin.id), convention.partner, convention, **terms)

    def click(act):
        return committed(app, act, ConventionError)

    # Each held at its write until the other has checked the reference too (PostgreSQL; SQLite's
    # writers take turns, so there the second checks after the first committed).
    writes = ("INSERT INTO conventions_convention", "UPDATE conventions_convention")
    with watching_statements(app, held_until_both_reach(writes)):
        results = call_together([click(create), click(rename)])
    assert sorted(results, key=str) == [409, "ok"], results
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Convention).where(
            Convention.reference == "CD46-NEW")) == 1


def test_two_referents_deciding_one_request_at_once_decide_it_once(app, world, make_user):
    """One référent approves a request while the other refuses it, at the same moment. Both read
    "pending"; the second's decision overwrote the first's, and the employee was told they were
    approved while the request ended refused. The employee's row is taken first, so the second
    référent reads the first's decision and is told it was already decided (409)."""
    from core.accounts.models import User
    from plugins.conventions import service
    from plugins.conventions.errors import ConventionError
    from plugins.conventions.models import Partner

    second = make_user("partner", email="rh2@lot.fr")
    person = make_user(email="demande@lot.fr")
    with app.test_request_context(method="POST"):
        service.add_referent(db.session.get(User, world.admin.id), db.session.get(Partner, world.partner_id),
                             "rh2@lot.fr")
        request_id = service.request_by_domain(db.session.get(User, person.id), world.convention_id).id
        db.session.commit()

    def decide(referent_id, decision):
        with app.test_request_context(method="POST"):
            try:
                service.decide(db.session.get(User, referent_id), request_id, decision)
                db.session.commit()
                return decision
            except ConventionError as error:
                db.session.rollback()
                return error.status

    with watching_statements(app, held_until_both_reach("UPDATE conventions_authorisation")):
        results = run_together(decide, [(world.referent.id, "approved"), (second.id, "refused")])
    assert sorted(results, key=str) == [409, "approved"] or sorted(results, key=str) == [409, "refused"], results
    with app.app_context():
        auth = db.session.get(Authorisation, request_id)
        assert auth.status == next(r for r in results if r != 409)


@pytest.mark.parametrize("first", ["ending", "booking"])
def test_a_booking_made_while_the_cover_ends_is_never_left_paid_by_the_convention(app, world, app_factory, first):
    """The référent ends an employee's cover while the employee books a day after the end. The
    booking must end refused or paid by the employee (the cover ended before it was decided), or
    cancelled by the ending (it was made first): never left standing, paid by the convention.

    Each side is held at the point where the other could slip in: "ending", the ending has read
    the bookings to cancel and waits for the booking to finish; "booking", the booking is stored
    and waits for the ending to read. Both take the employee's row (the booking after its
    resource's, before the conventions decide; the ending before it reads), so the one held
    waits out its hold and the other then sees it (PostgreSQL; SQLite's writers take turns)."""
    import threading

    from core.accounts.models import User
    from plugins.booking import service as booking
    from plugins.booking.models import Resource
    from plugins.booking.slots import range_for
    from plugins.conventions import ending

    racing = app_factory(JOBS_RUN="worker")  # the mails wait for a worker: no second connection per commit
    day = next_weekday(2)
    with app.app_context():
        auth_id = db.session.scalar(select(Authorisation.id).where(Authorisation.user_id == world.employee.id))
    role = threading.local()
    ending_read, stored, booked = threading.Event(), threading.Event(), threading.Event()

    def before(_conn, _cursor, statement, *_args):
        name = getattr(role, "name", None)
        if name == "book" and first == "ending" and not getattr(role, "started", False):
            role.started = True
            ending_read.wait(5)  # books once the ending has read what to cancel
        if name == "end" and first == "booking" and not getattr(role, "started", False):
            role.started = True
            stored.wait(5)  # ends once the booking is stored, not yet committed

    def after(_conn, _cursor, statement, *_args):
        name = getattr(role, "name", None)
        if name == "end" and "FROM booking_booking" in statement and not ending_read.is_set():
            ending_read.set()
            if first == "ending":
                booked.wait(3)  # the booking, if nothing stops it, commits meanwhile
        if name == "book" and statement.lstrip().startswith("INSERT INTO booking_booking"):
            stored.set()
            if first == "booking":
                ending_read.wait(3)  # the ending, if nothing stops it, reads meanwhile

    def end():
        role.name = "end"
        with racing.test_request_context(method="POST"):
            done = ending.end(db.session.get(User, world.referent.id), auth_id)
            db.session.commit()
            return done.cancelled

    def book():
        role.name = "book"
        with racing.test_request_context(method="POST"):
            try:
                resource = db.session.get(Resource, world.desks["figeac"][0])
                made = booking.book(resource, db.session.get(User, world.employee.id),
                                    *range_for(resource.site, day, "day"))
                db.session.commit()
                return made.id
            except Exception as exc:  # noqa: BLE001 - the outcome is what is compared
                db.session.rollback()
                return exc
            finally:
                booked.set()

    with watching_statements(racing, before, after):
        cancelled, made = call_together([end, book])
    assert not isinstance(cancelled, Exception), cancelled
    with app.app_context():
        left = db.session.scalars(select(Booking).where(
            Booking.member_id == world.employee.id, Booking.status.in_(ACTIVE),
            Booking.payer_reference == f"convention:{world.convention_id}")).all()
        assert left == [], [(b.id, b.status, b.starts_at) for b in left]
        if first == "ending":  # decided after the end: the employee's own to pay, or refused
            assert cancelled == (), cancelled
            assert isinstance(made, Exception) or db.session.get(Booking, made).payer_kind == "member", made
        else:  # made first: cancelled by the ending, its day given back
            row = db.session.get(Booking, made)
            assert cancelled == (made,) and (row.status, row.cancel_reason) == ("cancelled", "employer")
            assert db.session.scalar(select(Use.status).where(Use.booking_id == made)) == "returned"


def test_confirming_the_ending_twice_at_once_cancels_once_and_mails_once(app, world, book, app_factory):
    """A double-click on "Yes, end the cover": the second click waits for the first (the
    employee's row), finds the cover ended and does nothing."""
    from core.accounts.models import User
    from core.mail import MailMessage
    from plugins.conventions import ending

    made = [book(world.employee, world.desks["figeac"][0], next_weekday(1, weeks)) for weeks in (1, 2)]
    assert [status for status, _ in made] == [201, 201], made
    racing = app_factory(JOBS_RUN="worker")
    with app.app_context():
        auth_id = db.session.scalar(select(Authorisation.id).where(Authorisation.user_id == world.employee.id))
        mails = db.session.scalar(select(func.count()).select_from(MailMessage))

    def click():
        with racing.test_request_context(method="POST"):
            done = ending.end(db.session.get(User, world.referent.id), auth_id)
            db.session.commit()
            return done.already, sorted(done.cancelled)

    results = call_together([click, click])
    ids = sorted(body["id"] for _, body in made)
    assert sorted(results) == [(False, ids), (True, [])], results
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(MailMessage)) == mails + 1
        assert db.session.scalars(select(Booking.status).where(Booking.id.in_(ids))).all() == ["cancelled"] * 2


def test_inviting_again_twice_at_once_sends_one_invitation(app, world, make_user):
    """A double-click on "Invite again": each click held where it looks for an invitation already
    sent until the other is there too (PostgreSQL; SQLite's writers take turns). The employee's
    row makes them one after the other: the second finds the first's and sends none."""
    from core.accounts.models import User
    from core.mail import MailMessage
    from plugins.conventions import ending

    with app.app_context():
        auth_id = db.session.scalar(select(Authorisation.id).where(Authorisation.user_id == world.employee.id))
    with app.test_request_context(method="POST"):
        ending.end(db.session.get(User, world.referent.id), auth_id)
        db.session.commit()
    with app.app_context():
        mails = db.session.scalar(select(func.count()).select_from(MailMessage))

    def click():
        with app.test_request_context(method="POST"):
            sent = ending.invite_again(db.session.get(User, world.referent.id), auth_id)[1]
            db.session.commit()
            return sent

    with watching_statements(app, held_until_both_reach("SELECT audit_entry.details")):
        results = call_together([click, click])
    assert sorted(results) == [False, True], results
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(MailMessage)) == mails + 1
