"""Where their employer's convention pays, the search and a site's prices tell the employee so
("Pris en charge par <partner>") in place of, or beside, the usual price: they took the price
for what they would pay. Only where it pays: that site, that kind of place, that day. Visitors
and members without a convention see what they always saw."""
from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

import pytest

from conventions_helpers import next_weekday, set_convention
from core.extensions import db
from devtools.queries import Queries

FR, EN = {"Accept-Language": "fr"}, {"Accept-Language": "en"}
PAID_FR = "Pris en charge par Conseil départemental du Lot"
PAID_EN = "Paid for by Conseil départemental du Lot"
HINT_FR = "Dans la limite du quota de votre convention, vérifié à la réservation."
HINT_EN = "Within your convention's quota, checked when you book."
PRICE = re.compile(r"\d+,\d\d\xa0€")


def _text(response) -> str:
    assert response.status_code == 200
    return re.sub(r"[ \t\r\n]+", " ", unescape(response.get_data(as_text=True)))  # no-break spaces kept


def _offers(client, day, headers=FR, **args) -> dict[str, str]:
    """The search's result of each site, by its name, as text."""
    query = "&".join(f"{k}={v}" for k, v in {"date": day.isoformat(), **args}.items())
    page = _text(client.get(f"/booking?{query}", headers=headers))
    blocks = re.findall(r'<li class="site-offer">(.*?)</li> (?=<li class="site-offer">|</ol>)', page)
    return {re.search(r"<h3[^>]*><a[^>]*>([^<]+)</a>", block).group(1): block for block in blocks}


def _kinds(block: str) -> dict[str, str]:
    """A site's result by kind of place (its heading's label)."""
    return {label.strip(): rest for label, rest in re.findall(r"<h4>([^<]+)<small.*?</h4>(.*?)</ul>", block)}


def _authorisation(app, world, **values):
    from plugins.conventions.models import Authorisation

    with app.app_context():
        row = db.session.query(Authorisation).filter_by(user_id=world.employee.id).one()
        for key, value in values.items():
            setattr(row, key, value)
        db.session.commit()


def test_the_employee_sees_who_pays_on_the_sites_and_kinds_their_convention_covers(
        client, auth, world, make_resource):
    make_resource("figeac", "office", "Bureau Figeac")  # the convention pays desks only
    auth.login(world.employee)
    offers = _offers(client, next_weekday())
    figeac, aurillac = _kinds(offers["Figeac"]), _kinds(offers["Aurillac"])
    assert figeac["Poste de travail"].count(PAID_FR) == 3  # morning, afternoon, day
    assert not PRICE.search(figeac["Poste de travail"])  # in place of the price
    assert HINT_FR in offers["Figeac"]
    assert PAID_FR not in figeac["Bureau fermé"] and len(PRICE.findall(figeac["Bureau fermé"])) == 3
    assert PAID_FR not in offers["Aurillac"] and HINT_FR not in offers["Aurillac"]  # a site it does not cover
    assert len(PRICE.findall(aurillac["Poste de travail"])) == 3


def test_the_note_reads_in_english(client, auth, world):
    auth.login(world.employee)
    offers = _offers(client, next_weekday(), EN)
    assert offers["Figeac"].count(PAID_EN) == 3 and HINT_EN in offers["Figeac"]
    assert PAID_EN not in offers["Aurillac"]


def test_no_note_on_a_day_outside_the_employees_weekdays_or_validity(app, client, auth, world):
    tuesday = next_weekday(1)
    _authorisation(app, world, weekdays=[3])  # Thursdays only
    auth.login(world.employee)
    assert PAID_FR not in _offers(client, tuesday)["Figeac"]
    assert PRICE.search(_offers(client, tuesday)["Figeac"])
    assert _offers(client, tuesday + timedelta(days=2))["Figeac"].count(PAID_FR) == 3  # its Thursday
    _authorisation(app, world, weekdays=[], valid_until=tuesday - timedelta(days=1))  # ends before
    assert PAID_FR not in _offers(client, tuesday)["Figeac"]
    _authorisation(app, world, valid_until=None, valid_from=tuesday + timedelta(days=1))  # starts after
    assert PAID_FR not in _offers(client, tuesday)["Figeac"]
    _authorisation(app, world, valid_from=tuesday - timedelta(days=30))
    set_convention(app, world.convention_id, ends_on=tuesday - timedelta(days=1))  # the convention ends before
    assert PAID_FR not in _offers(client, tuesday)["Figeac"]


def _without_conventions(app, runner, fetch) -> tuple[str, str]:
    """What `fetch()` gives with conventions on, then switched off (what a member saw before)."""
    on = fetch()
    assert runner.invoke(args=["modules", "disable", "conventions"]).exit_code == 0
    off = fetch()
    assert runner.invoke(args=["modules", "enable", "conventions"]).exit_code == 0
    return on, off


@pytest.mark.parametrize("path", ["/booking?date={day}", "/sites/figeac", "/billing/sites/figeac/prices",
                                  "/booking/sites/figeac"])
def test_visitors_and_members_without_a_convention_see_exactly_what_they_saw(
        app, client, auth, runner, world, make_user, path):
    path = path.format(day=next_weekday().isoformat())

    def fetch():  # the forms' CSRF tokens left out: signed with the second they were made
        return re.sub(r'name="csrf_token" value="[^"]+"', 'name="csrf_token"', _text(client.get(path, headers=FR)))

    for member in (None, make_user()):
        if member is not None:
            auth.login(member)
        on, off = _without_conventions(app, runner, fetch)
        assert on == off
        assert PRICE.search(on) and "Pris en charge" not in on
    auth.logout()
    auth.login(world.employee)  # the module switched off: no note for the employee either
    on, off = _without_conventions(app, runner, fetch)
    assert PAID_FR in on and "Pris en charge" not in off and PRICE.search(off)


def test_a_sites_prices_say_who_pays_for_the_passes_of_the_kinds_it_covers(app, client, auth, world):
    auth.login(world.employee)
    page = _text(client.get("/sites/figeac", headers=FR))
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th> <td class="num"[^>]*>(.*?)</td>', page))
    # A pass prices desks and offices; the convention pays desks only: it says which.
    assert PAID_FR + " (Poste de travail)" in rows["Pass demi-journée"]
    assert PAID_FR + " (Poste de travail)" in rows["Pass journée"] and PRICE.search(rows["Pass journée"])
    assert PAID_FR not in rows["Carnet de 10 journées"]  # not a booking's price
    assert HINT_FR in page
    assert PAID_FR not in _text(client.get("/sites/aurillac", headers=FR))
    set_convention(app, world.convention_id, kinds=["desk", "office"])
    _authorisation(app, world, weekdays=[1, 3])  # a price list has no day: it names theirs
    page = _text(client.get("/billing/sites/figeac/prices", headers=EN))
    assert f"{PAID_EN}</strong>" in page  # every kind a pass prices: none named
    assert "On your days (Tuesday, Thursday), within your convention's quota, checked when you book." in page
    auth.logout()
    assert "Pris en charge" not in _text(client.get("/sites/figeac", headers=FR))


def test_the_search_asks_once_per_site_and_reads_the_authorisations_once(
        app, client, auth, world, make_site, make_resource, monkeypatch):
    """Not once per price (a search shows some forty): the statements do not grow with the
    sites covered."""
    from plugins.conventions import notes, service

    app.config["CACHE_CHECK_SECONDS"] = 0
    auth.login(world.employee)
    day = next_weekday()

    def statements() -> int:
        client.get(f"/booking?date={day}")  # warms the caches
        with Queries(app) as queries:
            assert client.get(f"/booking?date={day}").status_code == 200
        return queries.count

    two_sites = statements()
    for slug in ("cahors", "gourdon"):
        make_site(slug)
        make_resource(slug, "desk")
        make_resource(slug, "room")
    set_convention(app, world.convention_id, all_sites=True)
    assert statements() == two_sites
    asked, read = [], []
    real_note, real_read = notes.price_note, service.authorisations_of
    monkeypatch.setattr(notes, "price_note", lambda member, site, day: asked.append(site.id) or real_note(
        member, site, day))
    monkeypatch.setattr(service, "authorisations_of", lambda *args: read.append(args) or real_read(*args))
    offers = _offers(client, day)
    assert len(offers) == 4 and all(block.count(PAID_FR) == 3 for block in offers.values())  # their desks
    assert len(asked) == 4 == len(set(asked))  # once per site, not per price
    assert len(read) == 1


def _week_prices(client, path="/booking/sites/figeac", headers=FR) -> dict[str, str]:
    """A site's week page: its prices by kind of place (their headings' labels), as text."""
    page = _text(client.get(path, headers=headers))
    section = page.split('id="prices-title"', 1)[1] if 'id="prices-title"' in page else ""
    return {label.strip(): rest for label, rest in re.findall(r"<h3>([^<]+)</h3>(.*?)</ul>", section)}


def test_a_sites_week_shows_its_prices_per_kind_as_the_search_does(
        client, auth, world, make_resource, make_user, monkeypatch):
    """The site's week page showed no price, unlike its page and the search."""
    from plugins.booking import Price, availability

    make_resource("figeac", "office", "Bureau Figeac")
    make_resource("figeac", "room", "Salle Figeac")
    for person in (None, make_user()):  # a visitor, a member paying themselves
        if person is not None:
            auth.login(person)
        prices = _week_prices(client)
        assert set(prices) == {"Poste de travail", "Bureau fermé"}  # rooms are free here: no price to show
        assert len(PRICE.findall(prices["Poste de travail"])) == 3  # morning, afternoon, day
        assert "Pris en charge" not in str(prices)
    assert "Prices on" in _text(client.get("/booking/sites/figeac", headers=EN))
    real_quote = availability.quote  # a territory selling rooms by the hour: 10,00 € excl. VAT
    monkeypatch.setattr(availability, "quote", lambda resource, starts_at, ends_at, member_id: Price(
        1000 * int((ends_at - starts_at).total_seconds() // 3600)) if resource.kind == "room"
        else real_quote(resource, starts_at, ends_at, member_id))
    room = _week_prices(client)["Salle de réunion"]
    assert "12,00\xa0€ TTC l’heure" in room and len(PRICE.findall(room)) == 4


def test_the_employee_reads_who_pays_on_a_sites_week_with_their_days(app, client, auth, world, make_resource):
    make_resource("figeac", "office", "Bureau Figeac")  # the convention pays desks only
    _authorisation(app, world, weekdays=[1, 3])  # a week has many days: the hint names theirs
    auth.login(world.employee)
    prices = _week_prices(client)
    assert prices["Poste de travail"].count(PAID_FR) == 3 and not PRICE.search(prices["Poste de travail"])
    assert PAID_FR not in prices["Bureau fermé"] and len(PRICE.findall(prices["Bureau fermé"])) == 3
    page = _text(client.get("/booking/sites/figeac", headers=EN))
    assert page.count("On your days (Tuesday, Thursday), within your convention's quota, checked when you book.") == 1
    assert PAID_FR not in str(_week_prices(client, "/booking/sites/aurillac"))  # a site it does not cover


def test_a_sites_week_asks_the_note_once_and_quotes_no_more_with_more_places(
        app, client, auth, world, make_resource, monkeypatch):
    from plugins.conventions import notes

    app.config["CACHE_CHECK_SECONDS"] = 0
    auth.login(world.employee)

    def statements() -> int:
        client.get("/booking/sites/figeac")  # warms the caches
        with Queries(app) as queries:
            assert client.get("/booking/sites/figeac").status_code == 200
        return queries.count

    before = statements()
    for kind in ("office", "office", "room", "room", "visio"):
        make_resource("figeac", kind)
    assert statements() == before  # no query per price nor per place
    asked = []
    real_note = notes.price_note
    monkeypatch.setattr(notes, "price_note", lambda member, site, day: asked.append(day) or real_note(
        member, site, day))
    assert PAID_FR in _text(client.get("/booking/sites/figeac", headers=FR))
    assert asked == [None]  # once a page, for no one day
