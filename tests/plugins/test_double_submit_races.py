"""A double-click on a form that creates the member's own row the first time (their commute,
their job alert, their directory profile, a block): the two requests run at once, and on
PostgreSQL both would read "no row yet" and insert it, the second failing on the primary key
(a 500). The member's row is locked first, so the second waits and updates the first's row."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from core.accounts.models import User
from core.extensions import db
from devtools.races import call_together

CLICKS = 8


def _clicks(app, person_id, act):
    def call():
        with app.test_request_context(method="POST"):  # a form posted: a writing transaction
            act(db.session.get(User, person_id))
            db.session.commit()
            return "ok"

    return call_together([call] * CLICKS)


def _impact(user):
    from core import geo
    from plugins.impact import service

    service.save_profile(user, home=geo.resolve("Capdenac-Gare", ("46", "12"))[0],
                         work=geo.resolve("Rodez", ("12", "46"))[0], mode="petrol", fiscal_hp=5, consent=True)


def _alert(user):
    from plugins.boards import alerts

    alerts.save(user, codes="M1607", commune="Figeac", radius_km=30, digest=True, matchable=False)


def _directory(user):
    from plugins.directory import profiles

    profiles.save(user, job_title="Secrétaire", bio="Bonjour")


def _count(model_path):
    module, name = model_path.rsplit(".", 1)
    model = getattr(__import__(module, fromlist=[name]), name)
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("act, model", [(_impact, "plugins.impact.models.ImpactProfile"),
                                        (_alert, "plugins.boards.models.Alert"),
                                        (_directory, "plugins.directory.models.Profile")],
                         ids=["impact-commute", "boards-alert", "directory-profile"])
def test_a_double_click_on_a_first_save_stores_one_row_and_fails_no_click(app, make_user, act, model):
    person = make_user()
    with app.app_context():  # the home commune already on the account: saving it again changes no row there
        from core import geo

        user, home = db.session.get(User, person.id), geo.resolve("Capdenac-Gare", ("46", "12"))[0]
        user.home_commune, user.home_commune_code = home.name, home.code
        user.home_latitude, user.home_longitude = home.latitude, home.longitude
        db.session.commit()
    results = _clicks(app, person.id, act)
    assert results == ["ok"] * CLICKS, results
    with app.app_context():
        assert _count(model) == 1


def test_blocking_a_writer_twice_at_once_stores_one_block(app, make_user):
    from plugins.directory import relay
    from plugins.directory.models import Block

    writer, reader = make_user(), make_user()
    with app.test_request_context(method="POST"):
        message_id = relay.relay_message(db.session.get(User, writer.id), db.session.get(User, reader.id),
                                         "Bonjour, un poste vous intéresserait-il ?").id
        db.session.commit()
    results = _clicks(app, reader.id, lambda user: relay.block(user, message_id))
    assert results == ["ok"] * CLICKS, results
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Block)) == 1


def test_a_skill_added_twice_at_once_is_on_the_profile_once(app, make_user):
    """Both clicks read the profile's skills before either added it (PostgreSQL): the skill
    twice, and parallel clicks could pass the cap. One is added; the others are told."""
    from plugins.directory import profiles
    from plugins.directory.errors import DirectoryError
    from plugins.directory.models import ProfileSkill

    person = make_user()
    with app.test_request_context(method="POST"):
        profiles.save(db.session.get(User, person.id), job_title="Comptable", bio="")
        db.session.commit()

    def add(user):
        try:
            profiles.add_skill(user, code="300416")
        except DirectoryError:
            db.session.rollback()

    results = _clicks(app, person.id, add)
    assert results == ["ok"] * CLICKS, results
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ProfileSkill)) == 1


def test_two_administrators_suspending_one_reported_writer_at_once_suspend_once(app, make_user):
    """Both read the report as still to handle and both inserted the writer's suspension: the
    second failed on its primary key (a 500). One decides; the other is told it was handled."""
    from core.errors import NotFound
    from plugins.directory import relay
    from plugins.directory.models import Suspension

    writer, reader, admin = make_user(), make_user(), make_user("territory-admin")
    with app.test_request_context(method="POST"):
        message_id = relay.relay_message(db.session.get(User, writer.id), db.session.get(User, reader.id),
                                         "Achetez mes formations, offre unique !").id
        relay.report(db.session.get(User, reader.id), message_id, "publicité")
        db.session.commit()

    def suspend(user):
        try:
            relay.moderate(user, message_id, "suspend")
        except NotFound:
            db.session.rollback()

    results = _clicks(app, admin.id, suspend)
    assert results == ["ok"] * CLICKS, results
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Suspension)) == 1


def test_joining_the_directory_twice_at_once_records_one_consent(app, make_user):
    """Both clicks read "not listed yet" and each recorded the consent: two rows for one
    decision. One consent row; the profile listed."""
    from core.accounts.models import Consent
    from plugins.directory import profiles

    person = make_user()
    with app.test_request_context(method="POST"):  # a profile already there, not listed
        profiles.save(db.session.get(User, person.id), job_title="Comptable", bio="")
        db.session.commit()
    results = _clicks(app, person.id, lambda user: profiles.set_consents(user, listed=True))
    assert results == ["ok"] * CLICKS, results
    with app.app_context():
        purpose = profiles.CONSENTS["listed"][0]
        assert db.session.scalar(select(func.count()).select_from(Consent).where(
            Consent.user_id == person.id, Consent.purpose == purpose)) == 1


def test_a_calendar_feed_made_twice_at_once_is_one_and_renewing_it_stops_every_old_address(app, make_user):
    """Two clicks on "make my private address" stored two feeds; "make a new address" renewed
    only the first, and a leaked address went on serving the member's bookings."""
    from devtools.races import held_until_both_reach, watching_statements
    from plugins.booking import feeds
    from plugins.booking.models import Feed

    person = make_user()
    with watching_statements(app, held_until_both_reach("INSERT INTO booking_feed")):
        results = _clicks(app, person.id, feeds.create_member_feed)
    assert results == ["ok"] * CLICKS, results
    with app.app_context():
        assert _count("plugins.booking.models.Feed") == 1
        # One left by the code before this fix: renewing removes it too.
        db.session.add(Feed(user_id=person.id, site_id=None, token="ancienne-adresse"))
        db.session.commit()
        old = set(db.session.scalars(select(Feed.token)))
    with app.test_request_context(method="POST"):
        new = feeds.create_member_feed(db.session.get(User, person.id)).token
        db.session.commit()
        assert [token for token in old if feeds.render(token) is not None] == []
        assert feeds.render(new) is not None and _count("plugins.booking.models.Feed") == 1


def test_a_sites_booking_rules_saved_twice_at_once_are_stored_once(app, make_user, make_site):
    """Both saves read "no rule for desks yet" and inserted one; the second failed on the unique
    key (a 500). The site's row is now taken first, and the second updates the first's rule."""
    from devtools.races import held_until_both_reach, run_together, watching_statements
    from plugins.booking.models import Rule

    make_site("figeac")
    manager = make_user("site-manager", sites=["figeac"])

    def save(limit):
        browser = app.test_client()
        browser.post("/login", data={"email": manager.email, "password": manager.password})
        return browser.post("/booking/manage/figeac/rules", data={"kind": "desk", "max_per_week": limit}).status_code

    with watching_statements(app, held_until_both_reach("INSERT INTO booking_rule")):
        results = run_together(save, ["3", "4"])
    assert results == [303, 303], results
    with app.app_context():
        assert db.session.scalars(select(Rule.max_per_week).where(Rule.kind == "desk")).all() in ([3], [4])



@pytest.mark.parametrize("table", ["billing_customer", "billing_reduced_rate"])
def test_a_members_billing_row_saved_twice_at_once_is_one_row(app, app_factory, make_user, make_site, table):
    """Company details saved twice, or reduced prices granted from two tabs (or by two managers),
    at once. Each request is held at its insert until both are there, so both have read "no row
    yet" first (PostgreSQL; SQLite's writers take turns): the second was a unique-key 500."""
    from core.sites.service import site_by_slug
    from devtools.races import committed, held_until_both_reach, watching_statements
    from plugins.billing import customers, rates
    from plugins.billing.models import Customer, ReducedRate

    slug = make_site("figeac")
    admin, member = make_user("territory-admin"), make_user()

    def save():
        user = db.session.get(User, member.id)
        if table == "billing_customer":
            customers.save(user, "Scop du Lot", "1 rue Gambetta", "46100", "Figeac", "12345678200010", "")
        else:
            rates.grant_reduced_rate(db.session.get(User, admin.id), site_by_slug(slug), user, "student")

    racing = app_factory(JOBS_RUN="worker")
    with watching_statements(racing, held_until_both_reach(f"INSERT INTO {table}")):
        results = call_together([committed(racing, save)] * 2)
    assert results == ["ok", "ok"], results
    with app.app_context():
        model = Customer if table == "billing_customer" else ReducedRate
        assert db.session.scalar(select(func.count()).select_from(model)) == 1
