"""Per-process caches (core.cache) stay right across processes: two app instances on one
database stand for two workers (or machines); a change through one is seen by the other at its
next request. And the hot pages keep a small, fixed number of SQL queries per request."""
from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from core.extensions import db
from devtools.queries import Queries


def _slugs(client) -> list[str]:
    response = client.get("/api/v1/sites")
    assert response.status_code == 200
    return [s["name"] for s in response.get_json()]


def _workers(app_factory, interval=0):
    """Two apps on one database, as two workers; with `interval` 0 each reads the versions at
    every request (the mechanics of invalidation, without the interval's delay)."""
    return app_factory(CACHE_CHECK_SECONDS=interval), app_factory(CACHE_CHECK_SECONDS=interval)


def test_a_site_changed_through_one_worker_is_seen_by_the_other(app_factory, make_site):
    from core.sites.models import Site
    from core.sites.service import save_site, site_by_slug

    make_site("figeac", name="Figeac")
    one, two = _workers(app_factory)
    c1, c2 = one.test_client(), two.test_client()
    assert _slugs(c1) == _slugs(c2) == ["Figeac"]  # both caches are warm now
    with one.app_context():
        site = site_by_slug("figeac")
        site.name = "Figeac, Maison de l'Emploi"
        save_site(site, None)
        db.session.commit()
    assert _slugs(c2) == ["Figeac, Maison de l'Emploi"]
    with two.app_context():  # a new site, then an unpublished one, through the other app
        db.session.add(Site(slug="aurillac", name="Aurillac", address="x", postcode="15000", commune="Aurillac",
                            departement="15", latitude=44.9, longitude=2.4))
        db.session.commit()
    assert _slugs(c1) == ["Aurillac", "Figeac, Maison de l'Emploi"]
    with one.app_context():
        site_by_slug("aurillac").is_published = False
        db.session.commit()
    assert _slugs(c2) == ["Figeac, Maison de l'Emploi"]


def test_a_rolled_back_change_leaves_every_cache_as_it_was(app_factory, make_site):
    from core.sites.service import site_by_slug

    make_site("figeac", name="Figeac")
    one, two = _workers(app_factory)
    assert _slugs(two.test_client()) == ["Figeac"]
    with one.app_context():
        site_by_slug("figeac").name = "Renamed"
        db.session.flush()
        db.session.rollback()
    assert _slugs(two.test_client()) == ["Figeac"]


def test_an_update_statement_on_a_watched_model_is_seen_by_the_other_worker(app_factory, make_site):
    """`update(Site)` changes rows without a flush: the kind is bumped all the same, and only
    when the transaction commits."""
    from sqlalchemy import delete, update

    from core.sites.models import Closure, Site

    make_site("figeac", name="Figeac")
    one, two = _workers(app_factory)
    assert _slugs(two.test_client()) == ["Figeac"]
    with one.app_context():
        db.session.execute(update(Site).where(Site.slug == "figeac").values(name="Renamed"))
        db.session.rollback()
    assert _slugs(two.test_client()) == ["Figeac"]
    with one.app_context():
        db.session.execute(update(Site).where(Site.slug == "figeac").values(name="Figeac-Centre"))
        db.session.commit()
    assert _slugs(two.test_client()) == ["Figeac-Centre"]
    with one.app_context():
        before = dict(db.session.connection().exec_driver_sql("SELECT name, version FROM cache_version").all())
        db.session.execute(delete(Closure).where(Closure.reason == "none such"))
        db.session.commit()
        after = dict(db.session.connection().exec_driver_sql("SELECT name, version FROM cache_version").all())
    assert after["sites"] == before["sites"] + 1


def test_hours_and_closures_changed_elsewhere_reach_the_availability_of_the_other(app_factory, make_site):
    from core.sites.service import add_closure, set_hours, site_by_slug
    from core.timeutil import today_at

    make_site("figeac", hours={d: [(time(8, 30), time(18, 0))] for d in range(7)})
    one, two = _workers(app_factory)
    with one.app_context():
        day = today_at("Europe/Paris") + timedelta(days=10)
    c2 = two.test_client()

    def open_on(d: date) -> bool:
        body = c2.get(f"/api/v1/availability?date={d}").get_json()
        return any(s["site"] == "figeac" for s in body["sites"]) and bool(
            [e for e in body["sites"] if e["site"] == "figeac"][0]["resources"] is not None)

    def hours_of(d: date):
        with two.test_request_context("/"):
            from core.sites.service import published_site_rows, opening_intervals

            return opening_intervals(published_site_rows()[0], d)

    assert hours_of(day) == [(time(8, 30), time(18, 0))]
    with one.app_context():
        site = site_by_slug("figeac")
        set_hours(site, {d: [(time(9, 0), time(12, 0))] for d in range(7)})
        db.session.commit()
    assert hours_of(day) == [(time(9, 0), time(12, 0))]
    with one.app_context():
        add_closure(site_by_slug("figeac"), day, day, "Travaux", None)
        db.session.commit()
    assert hours_of(day) == []
    assert open_on(day)


def test_a_module_switched_through_one_worker_is_off_in_the_other(app_factory, make_site):
    from core.modules.service import set_enabled

    make_site("figeac")
    one, two = _workers(app_factory)
    c2 = two.test_client()
    assert c2.get("/api/v1/sites/figeac/resources").status_code == 200
    with one.app_context():
        set_enabled("booking", False)
        db.session.commit()
    assert c2.get("/api/v1/sites/figeac/resources").status_code == 404
    with one.app_context():
        set_enabled("booking", True)
        db.session.commit()
    assert c2.get("/api/v1/sites/figeac/resources").status_code == 200


def test_another_worker_sees_a_change_within_its_interval_and_the_changer_at_once(app_factory, make_site,
                                                                                 make_user):
    """Workers read the versions at most once per CACHE_CHECK_SECONDS: another worker shows a
    change once its interval has passed, never later; the browser that made the change sees it
    at once on any worker (the `tl_cache` cookie), and so does the worker that made it."""
    from core.cache import COOKIE

    make_site("figeac", name="Figeac")
    admin = make_user("territory-admin")
    one, two = _workers(app_factory, interval=60)
    for app in (one, two):
        app.config["WTF_CSRF_ENABLED"] = False
    changer, other = one.test_client(), two.test_client()
    changer.post("/login", data={"email": admin.email, "password": admin.password})
    assert _slugs(changer) == _slugs(other) == ["Figeac"]  # both workers read their versions now
    assert other.get("/api/v1/sites/figeac/resources").status_code == 200  # and cached the modules' states

    assert changer.post("/admin/modules/booking", data={"enabled": "off", "confirm": "yes"}).status_code == 303
    host = one.config["SERVER_NAME"]
    stamp = changer.get_cookie(COOKIE, domain=host)
    assert stamp is not None and stamp.max_age and stamp.max_age <= 65
    assert one.test_client().get("/api/v1/sites/figeac/resources").status_code == 404  # its worker: at once
    assert other.get("/api/v1/sites/figeac/resources").status_code == 200  # the other: within its interval
    browser = two.test_client()
    browser.set_cookie(COOKIE, stamp.value, domain=host)  # the changer's next request reaching the other worker
    assert browser.get("/api/v1/sites/figeac/resources").status_code == 404
    two.extensions["tierslieux_cache"].read_at -= 61  # the other worker's interval has passed
    assert other.get("/api/v1/sites/figeac/resources").status_code == 404
    browser.set_cookie(COOKIE, "not a time", domain=host)  # a forged cookie is ignored, not an error
    assert browser.get("/api/v1/sites/figeac/resources").status_code == 404


@pytest.fixture
def territory(app, make_site):
    for slug in ("figeac", "aurillac", "montmurat"):
        make_site(slug)
    return app


def _tomorrow() -> date:
    return date.today() + timedelta(days=1)


# Queries a warm worker makes per request (the versions' query included). Raising a bound
# needs a reason: each query is paid at every request of the busiest pages.
HOT_PAGES = [
    ("/api/v1/sites", 1, False),
    ("/sites", 2, False),
    ("/", 7, True),  # the member, and one per panel: next bookings, credits, events, impact, directory, job alert
    ("/sites/figeac", 11, False),
    ("/api/v1/availability?date={day}", 3, False),
    ("/booking?date={day}", 4, False),
    ("/booking/sites/figeac", 5, True),  # the member, the site (once: the module guard asked for it) and its hours, the places, the closures
]


@pytest.mark.parametrize("path,bound,signed_in", HOT_PAGES)
def test_hot_pages_keep_their_number_of_queries(territory, client, auth, make_user, path, bound, signed_in):
    if signed_in:
        auth.login(make_user())
    path = path.format(day=_tomorrow())
    assert client.get(path).status_code == 200  # warms the caches
    with Queries(territory) as queries:
        assert client.get(path).status_code == 200
    assert queries.count <= bound, f"{path}: {queries.count} queries (bound {bound}):\n" + "\n".join(
        queries.statements)


def test_a_value_read_in_a_transaction_that_changed_it_is_not_kept(app_factory, make_site):
    """A worker reads the sites inside the transaction that renamed one, which then rolls back;
    another worker's commit then gives the kind the same version number the rolled-back one had
    reached. The first worker must not serve the rolled-back name as that version's."""
    from core.sites.service import published_site_rows

    inside, _after, served = _renamed_rolled_back_then_committed_elsewhere(
        app_factory, make_site, inside=lambda: [row.name for row in published_site_rows()])
    assert inside == ["Rolled back"]  # its own change
    assert served == ["Committed"]


def _renamed_rolled_back_then_committed_elsewhere(app_factory, make_site, inside, after=lambda: None):
    """Worker one (its caches warm) renames a site in a transaction, which raises the sites'
    version there, calls `inside()`, rolls back and calls `after()`; worker two then commits
    another name: the same version number, other rows. Returns what `inside()` and `after()`
    gave, and the names worker one serves then."""
    from core.sites.service import site_by_slug

    make_site("figeac", name="Figeac")
    one, two = _workers(app_factory)
    c1 = one.test_client()
    assert _slugs(c1) == ["Figeac"]
    with one.test_request_context():
        site_by_slug("figeac").name = "Rolled back"
        db.session.flush()  # the kind's version is raised in this transaction
        seen_inside = inside()
        db.session.rollback()
        seen_after = after()
    with two.app_context():
        site_by_slug("figeac").name = "Committed"
        db.session.commit()  # the same version number, other rows
    return seen_inside, seen_after, _slugs(c1)


def test_a_boards_grant_and_its_revocation_reach_the_other_worker(app_factory, make_user):
    """The boards' roles are kept per process (every member's home asks them): a recruiter
    approved, then revoked, through one worker is one, then is not, in the other."""
    from core.accounts.models import User
    from plugins.boards import access

    admin, employer = make_user("territory-admin"), make_user(email="rh@employeur.fr")
    one, two = _workers(app_factory)

    def may_see_spouses(app) -> bool:
        with app.test_request_context():
            return access.may_see_spouses(db.session.get(User, employer.id))

    assert not may_see_spouses(two)  # its copy is warm now
    with one.test_request_context():
        access.grant(db.session.get(User, admin.id), "rh@employeur.fr", access.RECRUITER)
        db.session.commit()
    assert may_see_spouses(two)
    with one.test_request_context():
        access.revoke(db.session.get(User, admin.id), employer.id, access.RECRUITER)
        db.session.commit()
    assert not may_see_spouses(two)


def test_a_reduced_rate_granted_through_one_worker_prices_the_other(app_factory, make_site, make_user):
    """Billing keeps who has the reduced prices per process (every booking and every price
    shown asks): a grant, then its removal with the account's data, reach the other worker."""
    from sqlalchemy import delete

    from core.sites.service import site_by_slug
    from plugins.billing.models import ReducedRate
    from plugins.billing.products import quote

    make_site("figeac")
    admin, student = make_user("territory-admin"), make_user()
    one, two = _workers(app_factory)

    def day_pass(app) -> int:
        with app.test_request_context():
            return quote(site_by_slug("figeac"), "day_pass", student.id).unit_cents

    assert day_pass(two) == 1250  # its copy is warm now
    with one.test_request_context():
        db.session.add(ReducedRate(member_id=student.id, category="student", granted_by_id=admin.id))
        db.session.commit()
    assert day_pass(two) == 800
    with one.test_request_context():
        db.session.execute(delete(ReducedRate).where(ReducedRate.member_id == student.id))
        db.session.commit()
    assert day_pass(two) == 1250


def test_a_value_whose_build_flushed_a_change_of_its_kind_is_not_kept(app_factory, make_user):
    """The build's own query autoflushes a pending change of the kind (its version raised in this
    transaction only then): the value holds that change, not yet committed. After a rollback,
    the worker must not keep serving it as the committed version's."""
    from plugins.billing.models import ReducedRate
    from plugins.billing.products import has_reduced_rate

    admin, student = make_user("territory-admin"), make_user()
    one = app_factory(CACHE_CHECK_SECONDS=0)
    with one.test_request_context():  # nothing kept yet (or kept at an older version)
        db.session.add(ReducedRate(member_id=student.id, category="student", granted_by_id=admin.id))
        assert has_reduced_rate(student.id)  # its own pending change, flushed by the build's query
        db.session.rollback()
    with one.test_request_context():
        assert not has_reduced_rate(student.id)


def test_a_version_read_in_a_transaction_that_changed_it_is_not_kept(app_factory, make_site):
    """After its change, the transaction reads the versions (for another kind): it sees its own
    raised, not committed, version number. Kept for the request (or the worker), that number
    outlived the rollback: the sites read afterwards were kept under it, and another worker's
    commit then gave the kind that number with other rows."""
    from core.sites.service import published_site_rows
    from plugins.billing.products import has_reduced_rate

    _inside, after, served = _renamed_rolled_back_then_committed_elsewhere(
        app_factory, make_site,
        inside=lambda: has_reduced_rate(1),  # another kind: the versions are read, with the raised one
        after=lambda: [row.name for row in published_site_rows()])
    assert after == ["Figeac"]  # kept, under which number?
    assert served == ["Committed"]
