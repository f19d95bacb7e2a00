"""Counting checked-in days, the reports (pages and API agree), groups, open data, erasure."""
from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlsplit
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from impact_dates import next_weekday
from core import geo
from core.accounts.models import User
from core.extensions import db
from core.plugins import registry
from plugins.impact import method, service
from plugins.impact.models import ImpactDay, ImpactMonth, ImpactTotal


def _expected_km(home="Capdenac-Gare", work="Rodez", site="Figeac"):
    h, w, s = (geo.resolve(name, ("46", "12"))[0] for name in (home, work, site))
    return method.avoided_km(method.road_km((h.latitude, h.longitude), (w.latitude, w.longitude), 1.3),
                             method.road_km((h.latitude, h.longitude), (s.latitude, s.longitude), 1.3))


def test_a_checked_in_day_counts_once_with_its_figures(app, make_user, profile, attend):
    member = make_user()
    profile(member)
    day = next_weekday()
    attend(member, day, "morning")
    attend(member, day, "afternoon")  # a half-day more the same day: the same trip
    with app.app_context():
        rows = db.session.scalars(select(ImpactDay)).all()
        assert len(rows) == 1 and rows[0].counted and rows[0].day == day
        km = _expected_km()
        assert km > 50  # Capdenac-Gare is far nearer Figeac than Rodez
        assert rows[0].km == pytest.approx(km)
        assert rows[0].co2e_kg == pytest.approx(km * 0.2176)
        assert rows[0].cents == round(km * 0.636 * 100)
        total = db.session.scalar(select(ImpactTotal))
        assert total.days == 1 and total.km == pytest.approx(km)


def test_a_member_without_consent_sees_their_day_but_is_not_in_the_totals(app, make_user, profile, attend):
    member = make_user()
    profile(member, consent=False)
    attend(member)
    with app.test_request_context():
        user = db.session.get(User, member.id)
        mine = service.member_report(user, next_weekday() - timedelta(days=40), next_weekday())
        assert mine.totals.days == 1 and mine.totals.km > 0
        assert db.session.scalar(select(func.count()).select_from(ImpactTotal)) == 0
        territory = service.group_report("territory", None, next_weekday(), next_weekday())
        assert territory.members_seen == 1 and territory.members_counted == 0


def test_a_booked_day_never_checked_in_is_declared_apart(app, make_user, profile, attend):
    member = make_user()
    profile(member)
    booking_id = attend(member, check_in=False)
    with app.test_request_context():
        from plugins.booking.models import Booking

        booking = db.session.get(Booking, booking_id)
        shift = timedelta(days=28)
        db.session.execute(update(Booking).where(Booking.id == booking_id).values(
            starts_at=booking.starts_at - shift, ends_at=booking.ends_at - shift))
        db.session.commit()
        user = db.session.get(User, member.id)
        day = next_weekday() - shift
        mine = service.member_report(user, day - timedelta(days=3), day + timedelta(days=3))
        assert mine.declared == 1 and mine.totals.days == 0


def _period():
    day = next_weekday()
    return f"from={day:%Y-%m}&to={day:%Y-%m}"


def _five_members(make_user, profile, attend, n=5):
    people = [make_user() for _ in range(n)]
    for i, person in enumerate(people):
        profile(person, home="Capdenac-Gare" if i % 2 else "Bagnac-sur-Célé")
        attend(person)
    return people


def test_a_group_of_fewer_than_five_is_not_shown_apart(app, client, auth, make_user, profile, attend, api_token):
    admin = make_user(role="territory-admin")
    for person in _five_members(make_user, profile, attend, n=4):
        pass
    auth.login(admin)
    page = client.get(f"/impact/territory?{_period()}", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Fewer than 5 members are counted here" in page
    assert 'data-figure="km"' not in page
    token = api_token(admin)
    body = client.get(f"/api/v1/impact?scope=territory&{_period()}", headers={"Authorization": f"Bearer {token}"}).get_json()
    assert body["hidden"] is True and "km_avoided" not in body


def test_a_month_of_fewer_than_five_members_is_not_shown_nor_given_back_by_the_total(app, client, auth, make_user,
                                                                                   make_site, api_token):
    """Five members at a site in January, one alone there in February: the period (six members)
    was shown, and February's bar and row showed that one member's days and kilometres (their
    commute). February is hidden now, and January with it: the total minus January would give
    February back."""
    from datetime import date

    from core.sites.service import site_by_slug
    from plugins.impact import service

    make_site("capdenac")
    people = [make_user() for _ in range(6)]
    with app.app_context():
        site_id = site_by_slug("capdenac").id
        day = lambda person, when, km: {"member_id": person.id, "site_id": site_id, "partner_id": 0,  # noqa: E731
                                        "day": when, "counted": True, "home_code": "46102", "mode": "petrol",
                                        "km": km, "co2e_kg": km / 5, "cents": int(km * 50), "hours": km / 60}
        service.bulk_load([day(p, date(2025, 1, 6), 20.0) for p in people[:5]] + [day(people[5], date(2025, 2, 3), 73.4)])
        db.session.commit()
        report = service.group_report("site", site_id, date(2025, 1, 1), date(2025, 3, 31))
    assert not report.hidden and report.totals.days == 6
    assert [(m.month, t.hidden) for m, t in report.months] == [(1, True), (2, True), (3, False)]
    assert all(t.days == 0 and t.km == 0 for m, t in report.months)  # nothing of anyone's month left
    admin = make_user(role="territory-admin")
    body = client.get("/api/v1/impact?scope=site&id=capdenac&from=2025-01&to=2025-03",
                      headers={"Authorization": f"Bearer {api_token(admin)}"}).get_json()
    assert [m.get("hidden", False) for m in body["months"]] == [True, True, False]
    assert "km_avoided" not in body["months"][1] and body["km_avoided"] == pytest.approx(173.4)
    auth.login(admin)
    page = client.get("/impact/sites/capdenac?from=2025-01&to=2025-03", headers={"Accept-Language": "en"})
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and text.count("Not shown: too few members that month.") == 2
    assert 'data-month="2025-02"' not in text and "73" not in text.split("Figures month by month")[-1]


def test_open_data_never_lets_the_territorys_month_give_back_a_small_site(app, make_user, make_site):
    """January: five members at Figeac, one alone at Capdenac. Open data left Capdenac out but
    showed Figeac, and the territory's January (its page may be public) minus Figeac gave the
    lone member's figures back. A site is left out with it until those left out are five."""
    from datetime import date

    from core.sites.service import site_by_slug
    from plugins.impact import service

    make_site("figeac")
    make_site("capdenac")
    people = [make_user() for _ in range(11)]
    with app.app_context():
        figeac, capdenac = site_by_slug("figeac").id, site_by_slug("capdenac").id
        day = lambda person, site, when: {"member_id": person.id, "site_id": site, "partner_id": 0,  # noqa: E731
                                          "day": when, "counted": True, "home_code": "46102", "mode": "petrol",
                                          "km": 20.0, "co2e_kg": 4.0, "cents": 1000, "hours": 0.5}
        january, february = date(2025, 1, 6), date(2025, 2, 3)
        service.bulk_load([day(p, figeac, january) for p in people[:5]] + [day(people[5], capdenac, january)]
                          + [day(p, figeac, february) for p in people[:5]]
                          + [day(p, capdenac, february) for p in people[5:]])
        db.session.commit()
        rows = {(r["month"], r["site"]): r["km_avoided"] for r in service.open_data(date(2025, 1, 1),
                                                                                      date(2025, 2, 28))}
    assert rows == {("2025-01", "capdenac"): None, ("2025-01", "figeac"): None,  # both left out
                    ("2025-02", "capdenac"): 120.0, ("2025-02", "figeac"): 100.0}  # six and five: shown


def test_the_api_and_the_pages_give_the_same_totals(app, client, auth, make_user, profile, attend, api_token):
    people = _five_members(make_user, profile, attend)
    admin = make_user(role="territory-admin")
    token = api_token(admin)
    body = client.get(f"/api/v1/impact?scope=territory&{_period()}", headers={"Authorization": f"Bearer {token}"}).get_json()
    assert body["days"] == 5 and body["members_counted"] == 5 and body["members_seen"] == 5
    assert body["co2e_kg_range"][0] == pytest.approx(body["co2e_kg"] * 0.69, abs=0.1)
    assert body["method"]["factors"]["petrol"]["kg_per_km"] == 0.2176
    auth.login(admin)
    page = client.get(f"/impact/territory?{_period()}", headers={"Accept-Language": "en"}).get_data(as_text=True)
    with app.test_request_context(headers={"Accept-Language": "en"}):
        from core.ui import number

        assert f'data-figure="days">{number(5)}<' in page
        assert f'data-figure="km">{number(body["km_avoided"], 0)} km<' in page
    site = client.get(f"/api/v1/impact?scope=site&id=figeac&{_period()}", headers={"Authorization": f"Bearer {token}"}).get_json()
    assert site["km_avoided"] == body["km_avoided"]
    auth.logout()
    with app.app_context():  # the member's day is today (tests check in ahead of time)
        from plugins.impact.access import today

        db.session.execute(update(ImpactDay).where(ImpactDay.member_id == people[0].id).values(day=today()))
        db.session.commit()
    member_token = api_token(people[0])
    mine = client.get("/api/v1/impact?scope=me", headers={"Authorization": f"Bearer {member_token}"}).get_json()
    assert mine["days"] == 1 and mine["km_avoided"] > 50
    auth.login(people[0])
    page = client.get("/impact/me", headers={"Accept-Language": "en"}).get_data(as_text=True)
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert f'data-figure="km">{number(mine["km_avoided"], 0)} km<' in page


@pytest.mark.parametrize("query, status", [
    ("scope=galaxy", 400), ("scope=site", 400), ("scope=site&id=nowhere", 404), ("scope=partner&id=x", 400),
    ("scope=me&from=2026-13", 400), ("scope=me&from=2026-05&to=2026-01", 400), ("scope=territory", 403),
    ("scope=site&id=figeac", 403), ("scope=partner&id=1", 403),
    # Digits Python reads as numbers but int() does not ("²"), and ids past any column (500s before)
    ("scope=site&id=%C2%B2", 404), ("scope=site&id=99999999999999999999999", 404),
    ("scope=partner&id=%C2%B2", 400), ("scope=partner&id=99999999999999999999999", 400)])
def test_bad_or_forbidden_questions_get_a_clear_answer(client, make_user, api_token, desk, query, status):
    token = api_token(make_user())
    response = client.get(f"/api/v1/impact?{query}", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == status and response.get_json()["error"]["message"]


def test_the_territory_page_is_public_once_the_admin_switches_it_on(client, auth, make_user):
    """Not public: a visitor is sent to sign in and come back, a member who is not the territory's
    administrator is refused; public: a visitor sees it."""
    response = client.get("/impact/territory?from=2026-01")
    assert response.status_code == 302
    location = urlsplit(response.headers["Location"])
    assert location.path == "/login" and parse_qs(location.query)["next"] == ["/impact/territory?from=2026-01"]
    auth.login(make_user())
    assert client.get("/impact/territory").status_code == 403
    auth.logout()
    auth.login(make_user(role="territory-admin"))
    assert client.post("/impact/territory/public", data={"public": "y"}).status_code == 303
    auth.logout()
    assert client.get("/impact/territory").status_code == 200


def test_open_data_has_the_factors_and_no_person(app, client, make_user, profile, attend):
    people = _five_members(make_user, profile, attend)
    text = client.get(f"/impact/open-data.csv?{_period()}").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1 and rows[0]["site"] == "figeac" and rows[0]["days"] == "5" and rows[0]["members"] == "5"
    assert "petrol=0.2176" in rows[0]["co2e_factors_kg_per_km"]
    data = client.get(f"/impact/open-data.json?{_period()}").get_json()
    assert data["rows"][0]["days"] == 5 and data["method"]["mean_speed_kmh"] == 50
    for person in people:
        for needle in (person.email, person.email.split("@")[0], "Capdenac", "Bagnac"):
            assert needle not in text and needle not in str(data)


def test_an_erased_member_leaves_their_figures_but_not_the_totals(app, client, auth, make_user, profile, attend):
    people = _five_members(make_user, profile, attend)
    with app.test_request_context():
        user = db.session.get(User, people[0].id)
        exported = registry().pm.hook.user_data_export(user=user)
        mine = next(part["impact"] for part in exported if part and "impact" in part)
        assert mine["profile"]["mode"] == "petrol" and len(mine["days"]) == 1
        before = service.group_report("territory", None, next_weekday(), next_weekday())
        registry().pm.hook.user_data_erase(user=user)
        db.session.commit()
        assert db.session.scalar(select(func.count()).select_from(ImpactDay).where(
            ImpactDay.member_id == people[0].id)) == 0
        assert db.session.scalar(select(func.count()).select_from(ImpactMonth).where(
            ImpactMonth.member_id == people[0].id)) == 0
        after = service.group_report("territory", None, next_weekday(), next_weekday())
        assert after.totals == before.totals and after.members_counted == 5


def test_the_osrm_server_is_used_cached_and_skipped_when_down(app, desk, osrm_server):
    from plugins.impact.models import ImpactRoute

    capdenac, rodez = geo.resolve("Capdenac-Gare")[0], geo.resolve("Rodez", ("12",))[0]
    url = f"http://127.0.0.1:{osrm_server.server_port}"
    with app.app_context(), _osrm(url):
        assert service.distance_km(capdenac, rodez) == pytest.approx(61.5)
        db.session.commit()
    osrm_server.shutdown()
    osrm_server.server_close()
    with app.app_context(), _osrm(url):  # the server is down now: the cache answers
        assert service.distance_km(capdenac, rodez) == pytest.approx(61.5)
        assert db.session.scalar(select(func.count()).select_from(ImpactRoute)) == 1
        other = geo.resolve("Aurillac", ("15",))[0]  # never asked: crow-flies x detour
        crow = method.road_km((capdenac.latitude, capdenac.longitude), (other.latitude, other.longitude), 1.3)
        assert service.distance_km(capdenac, other) == pytest.approx(crow)


class _osrm:
    """Point [plugins.impact].osrm_url at a server for the block."""

    def __init__(self, url):
        self.url = url

    def __enter__(self):
        configs = registry().configs
        self.before = configs["impact"]
        configs["impact"] = self.before.model_copy(update={"osrm_url": self.url, "osrm_timeout_seconds": 1})

    def __exit__(self, *exc):
        registry().configs["impact"] = self.before


def test_a_sites_managers_see_its_report_and_members_do_not(app, client, auth, make_user, desk):
    auth.login(make_user())
    assert client.get("/impact/sites/figeac").status_code == 403
    assert client.get("/impact/method", headers={"Accept-Language": "fr"}).status_code == 200
    auth.logout()
    auth.login(make_user(role="site-manager", sites=("figeac",)))
    page = client.get("/impact/sites/figeac", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Moins de 5 membres sont comptés ici" in page
    assert "/impact/sites/figeac" in client.get("/admin", headers={"Accept-Language": "fr"}).get_data(as_text=True)


def test_the_api_gives_no_report_of_a_site_where_impact_is_off(app, client, auth, make_user, api_token, desk):
    """With booking switched off at a site, impact (which counts booking's days) is off there:
    its page answered 404 while `GET /api/v1/impact?scope=site` still gave its figures (found by
    the access review)."""
    from core.modules.service import set_enabled
    from core.sites.service import site_by_slug

    with app.app_context():
        set_enabled("booking", False, site=site_by_slug("figeac"))
        db.session.commit()
    manager = make_user(role="site-manager", sites=("figeac",))
    auth.login(manager)
    assert client.get("/impact/sites/figeac").status_code == 404
    answer = client.get("/api/v1/impact?scope=site&id=figeac",
                        headers={"Authorization": f"Bearer {api_token(manager)}"})
    assert answer.status_code == 404 and answer.get_json()["error"]["code"] == "not_found"


def test_the_method_page_shows_the_territorys_values_and_sources(client):
    page = client.get("/impact/method", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    for needle in ("0,2176", "0,1034", "Impact CO2", "Barème kilométrique 2024", "50 km/h", "31"):
        assert needle in page


def test_the_method_pages_sources_are_french_texts_marked_so_in_english(client):
    """The default sources were English sentences ("about 31 % of the gains lost on average",
    "first band, up to 5,000 km") printed as they are on the French page; they are the
    territory's texts, in its language, and marked so on the English page."""
    import lxml.html

    french = client.get("/impact/method", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    for english in ("transport comparator", "combustion car", "gains lost", "first band", "5,000"):
        assert english not in french, english
    assert "environ 31 % des gains perdus en moyenne" in french and "jusqu'à 5 000 km" in french.replace("&#39;", "'")
    page = lxml.html.fromstring(client.get("/impact/method", headers={"Accept-Language": "en"}).get_data(as_text=True))
    sources = [node for node in page.xpath("//main//*[@lang='fr']") if "ADEME" in node.text_content()
               or "Barème" in node.text_content()]
    assert len(sources) >= 8  # the seven factors' sources, the rebound's and the barème's


def test_the_home_panel_sums_the_members_days_as_the_report_does(app, client, auth, make_user, profile, attend):
    member = make_user()
    profile(member)
    first, second = next_weekday(), next_weekday() + timedelta(days=7)
    attend(member, first)
    attend(member, second, "afternoon")
    with app.test_request_context():
        user = db.session.get(User, member.id)
        report = service.member_report(user, first, second).totals
        totals = service.member_totals(user, first, second)  # what the home page's panel reads
        assert totals.days == report.days == 2 and totals.km > 0
        assert (totals.km, totals.co2e_kg, totals.cents, totals.hours) == pytest.approx(
            (report.km, report.co2e_kg, report.cents, report.hours))
        assert service.member_totals(user, first, first).days == 1
    with app.app_context():  # the panel counts this year up to today: move the first day there
        from plugins.impact import access

        db.session.execute(update(ImpactDay).where(ImpactDay.member_id == member.id, ImpactDay.day == first)
                           .values(day=access.today()))
        db.session.commit()
    auth.login(member)
    html = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "This year: 1 day at a telecentre" in html  # one day, not "1 days" (nor "0 journées")


def test_a_month_whose_days_are_one_members_stays_hidden_when_others_consent_later_in_the_year(
        app, make_user, make_site):
    """February: one member's counted day (73.4 km, their commute) and four members who came
    before consenting (their February days are in no total). They consent in March. The reach
    row says "counted" for the whole year, so February was counted as five members and shown:
    its figures are that one member's days and kilometres. The monthly rows said one."""
    from core.sites.service import site_by_slug

    make_site("capdenac")
    people = [make_user() for _ in range(10)]
    with app.app_context():
        site_id = site_by_slug("capdenac").id

        def day(person, when, km, counted=True):
            return {"member_id": person.id, "site_id": site_id, "partner_id": 0, "day": when, "counted": counted,
                    "home_code": "46102", "mode": "petrol", "km": km, "co2e_kg": km / 5, "cents": int(km * 50),
                    "hours": km / 60}

        service.bulk_load([day(p, date(2025, 1, 6), 20.0) for p in people[:5]]
                          + [day(people[5], date(2025, 2, 3), 73.4)]
                          + [day(p, date(2025, 2, 4), 30.0, counted=False) for p in people[6:]]
                          + [day(p, date(2025, 3, 3), 25.0) for p in people[6:] + people[:1]])
        db.session.commit()
        report = service.group_report("site", site_id, date(2025, 1, 1), date(2025, 3, 31))
    february = dict(report.months)[date(2025, 2, 1)]
    assert february.hidden, f"February shows one member's figures: {february.days} day, {february.km} km"


def test_the_reach_rows_counted_months_are_found_again_on_upgrade(app, make_user, make_site):
    """impact 0002 adds each reach row's months of a counted day; rows made before get them from
    the monthly rows (a member who consented in March: March counted, February not)."""
    import flask_migrate

    from core.sites.service import site_by_slug
    from plugins.impact.models import ImpactReach

    make_site("capdenac")
    person = make_user()
    with app.app_context():
        site_id = site_by_slug("capdenac").id
        service.bulk_load([{"member_id": person.id, "site_id": site_id, "partner_id": 0, "day": day,
                            "counted": counted, "home_code": "46102", "mode": "petrol", "km": 10.0,
                            "co2e_kg": 2.0, "cents": 500, "hours": 0.2}
                           for day, counted in ((date(2025, 2, 4), False), (date(2025, 3, 4), True))])
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
        flask_migrate.downgrade(revision="0001_impact")
        flask_migrate.upgrade(revision="heads")
        rows = db.session.execute(select(ImpactReach.kind, ImpactReach.counted_months, ImpactReach.months)).all()
        db.session.remove()
        db.engine.dispose()
    assert sorted(rows) == [("s", 0b100, 0b110), ("t", 0b100, 0b110)]


def test_withdrawing_the_consent_takes_the_member_out_of_every_report(app, make_user, profile, attend):
    """Unticking the consent only cleared its date: the member's days stayed in the totals and
    their rows said "counted", so every report made afterwards still counted them."""
    member = make_user()
    profile(member)
    attend(member)
    day = next_weekday()
    with app.test_request_context():
        before = service.group_report("territory", None, day, day)
        assert (before.members_counted, before.totals.days) == (1, 1)
    profile(member, consent=False)
    with app.test_request_context():
        after = service.group_report("territory", None, day, day)
        assert (after.members_counted, after.totals.days, after.totals.km) == (0, 0, 0)
        assert service.member_report(db.session.get(User, member.id), day, day).totals.days == 1  # their own page


def test_the_charts_highest_month_tells_its_days_with_their_plural(app, client, auth, make_user, profile, attend,
                                                                   monkeypatch):
    """The chart of days said "Mois le plus haut : 1 jours" with gettext and a unit apart, and
    "1" before any day was counted (its scale's floor, not a month's figure)."""
    import re
    from html import unescape

    from plugins.impact import access

    monkeypatch.setattr(access, "today", lambda: date(2030, 6, 15))  # this year's chart: June's days
    member = make_user()
    profile(member)
    auth.login(member)

    def highest():
        page = unescape(client.get("/impact/me", headers={"Accept-Language": "fr"}).get_data(as_text=True))
        return dict(re.findall(r'<desc id="impact-me-(days|km)-desc">Mois le plus haut[\u00a0 ]: ([^.]+)\.', page))

    assert highest() == {"days": "0 jour", "km": "0 km"}
    for count, said in ((1, "1 jour"), (2, "2 jours")):
        booking_id = attend(member, next_weekday(weeks_ahead=count), "morning")
        with app.app_context():
            db.session.execute(update(ImpactDay).where(ImpactDay.booking_id == booking_id)
                               .values(day=date(2030, 6, 10 + count)))
            db.session.commit()
        assert highest()["days"] == said
