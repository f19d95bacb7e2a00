"""Finding a place: each site once per search, what is free per period with its price (TTC), one
button that books "a desk", the commune picker, the map, amenity filters, closures."""
from __future__ import annotations

import pytest

import re
from datetime import timedelta

from booking_dates import next_weekday
from core.extensions import db
from core.modules.service import set_enabled
from core.sites.service import site_by_slug


def _sites(make_site, make_resource):
    make_site("figeac", name="Télécentre de Figeac", commune="Figeac", departement="46", latitude=44.6086,
              longitude=2.0317, amenities=["wifi", "parking"])
    make_site("aurillac", name="Télécentre d'Aurillac", commune="Aurillac", departement="15", latitude=44.9264,
              longitude=2.4397, amenities=["wifi"])
    for n in range(1, 4):
        make_resource("figeac", "desk", f"Poste F{n}")
        make_resource("aurillac", "desk", f"Poste A{n}")
    make_resource("aurillac", "room", "Salle A")


def test_search_shows_each_site_once_with_free_places_per_period_and_one_button(client, auth, make_site,
                                                                                make_resource, make_user):
    _sites(make_site, make_resource)
    auth.login(make_user(home_commune_code="15014", home_latitude=44.9245, home_longitude=2.4416))
    day = next_weekday()
    page = client.get(f"/booking?date={day}&kind=desk").get_data(as_text=True)
    assert "Poste F1" not in page  # places are not listed one by one
    assert page.count("Réserver un poste") == 6  # two sites x morning, afternoon, day
    assert page.count("Places libres : 3") == 6
    assert page.index("Télécentre d&#39;Aurillac") < page.index("Télécentre de Figeac")  # nearest first
    assert 'value="Aurillac (15)"' in page  # the member's home commune


def test_search_shows_ttc_prices_and_none_with_billing_off(app, client, make_site, make_resource):
    _sites(make_site, make_resource)
    day = next_weekday()
    page = client.get(f"/booking?date={day}&kind=desk&period=day").get_data(as_text=True)
    assert len(re.findall(r"[\d ,]+\xa0€ TTC", page)) == 2  # one whole day at each site
    with app.app_context():
        set_enabled("billing", False, site=site_by_slug("figeac"))
        db.session.commit()
    page = client.get(f"/booking?date={day}&kind=desk&period=day").get_data(as_text=True)
    assert page.count("TTC") == 1  # Aurillac's only


def test_the_price_shown_is_the_price_the_booking_gets(app, client, auth, make_site, make_resource, make_user):
    from plugins.booking.models import Booking

    _sites(make_site, make_resource)
    auth.login(make_user())
    day = next_weekday()
    page = client.get(f"/booking?date={day}&kind=desk&period=morning&commune=Figeac").get_data(as_text=True)
    shown = re.search(r"([\d ,]+)\xa0€ TTC", page).group(1)
    response = client.post("/booking/sites/figeac/book-any", data={"kind": "desk", "date": day.isoformat(),
                                                                   "period": "morning"})
    assert response.status_code == 303
    with app.app_context():
        booking = db.session.scalars(db.select(Booking)).one()
        from plugins.booking.payment import Price
        ttc = Price(booking.price_cents, booking.currency).ttc_cents  # default rate, as the demo's
    assert shown.replace(",", "").replace(" ", "") == str(ttc)


def test_a_visitor_searches_by_commune_and_sees_the_map(client, make_site, make_resource):
    _sites(make_site, make_resource)
    page = client.get(f"/booking?commune=Maurs&date={next_weekday()}").get_data(as_text=True)
    assert "près de Maurs (15)" in page
    assert "<svg" in page and "Maurs (vous)" in page and 'href="/booking/sites/figeac"' in page
    assert "Se connecter pour réserver" in page and "Réserver un poste" not in page
    assert "TTC" in page


def test_an_ambiguous_commune_offers_a_list_to_choose_from(client, make_site, make_resource):
    _sites(make_site, make_resource)
    page = client.get("/booking?commune=Sainte-Colombe").get_data(as_text=True)
    assert page.count('name="commune_code"') > 5
    chosen = client.get("/booking?commune=Sainte-Colombe&commune_code=46260").get_data(as_text=True)
    assert 'value="Sainte-Colombe (46)"' in chosen
    unknown = client.get("/booking?commune=Nulle-Part-Sur-Mer")
    assert unknown.status_code == 400 and "Aucune commune" in unknown.get_data(as_text=True)


def test_amenity_filter_and_sites_without_places_are_left_out(client, make_site, make_resource):
    _sites(make_site, make_resource)
    make_site("empty", name="Tiers-lieu tout neuf")
    day = next_weekday()
    page = client.get(f"/booking?date={day}").get_data(as_text=True)
    assert "Tiers-lieu tout neuf" not in page
    parked = client.get(f"/booking?date={day}&amenities=parking").get_data(as_text=True)
    assert "Télécentre de Figeac" in parked and "Télécentre d&#39;Aurillac" not in parked


def test_a_closed_site_says_so_and_gives_its_next_open_day(client, make_site, make_resource):
    _sites(make_site, make_resource)
    saturday = next_weekday(5)
    page = client.get(f"/booking?date={saturday}&kind=desk").get_data(as_text=True)
    assert page.count("Fermé ce jour-là.") == 2
    assert "Prochain jour d’ouverture : lundi" in page or "Prochain jour d'ouverture : lundi" in page


def test_rooms_show_their_free_hours(client, make_site, make_resource):
    _sites(make_site, make_resource)
    page = client.get(f"/booking?date={next_weekday()}&kind=room").get_data(as_text=True)
    assert "08:30–12:30, 13:30–17:30" in page and "Choisir les heures" in page


def test_book_a_desk_picks_a_free_one_and_a_full_period_offers_the_waitlist(app, client, auth, make_site,
                                                                            make_resource, make_user):
    from plugins.booking.models import Booking

    make_site("figeac")
    make_resource("figeac", "desk", "Poste 1")
    make_resource("figeac", "desk", "Poste 2")
    day = next_weekday()
    data = {"kind": "desk", "date": day.isoformat(), "period": "morning"}
    for _ in range(2):
        auth.login(make_user())
        assert client.post("/booking/sites/figeac/book-any", data=data).status_code == 303
        auth.logout()
    with app.app_context():
        names = sorted(b.resource.name for b in db.session.scalars(db.select(Booking)))
    assert names == ["Poste 1", "Poste 2"]
    auth.login(make_user())
    page = client.get(f"/booking?date={day}&kind=desk&period=morning").get_data(as_text=True)
    assert "Complet" in page and "Rejoindre la liste d’attente" in page
    refused = client.post("/booking/sites/figeac/book-any", data=data)
    assert refused.status_code == 409 and 'name="kind" value="desk"' in refused.get_data(as_text=True)
    joined = client.post("/booking/sites/figeac/waitlist", data=data)
    assert joined.status_code == 303


@pytest.mark.parametrize("fields,reason", [
    ({"kind": "office"}, "aucune place de ce type"),
    ({"period": "hours", "start": "00:00", "end": "23:59"}, "pas ouvert"),
    ({"date": "2020-01-06"}, "à venir"),
])
def test_the_waitlist_refuses_a_wait_no_freed_place_could_end(app, client, auth, make_site, make_resource,
                                                               make_user, fields, reason):
    """An office at a site without offices, a night at a day-time site, a past day: refused
    with the reason, and nothing stored."""
    from plugins.booking.models import WaitlistEntry

    make_site("figeac")
    make_resource("figeac", "desk", "Poste 1")
    auth.login(make_user())
    data = {"kind": "desk", "date": next_weekday().isoformat(), "period": "morning", **fields}
    refused = client.post("/booking/sites/figeac/waitlist", data=data)
    assert refused.status_code == 422 and reason in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(WaitlistEntry)) == 0


def test_book_a_desk_refuses_an_unknown_kind_or_site(client, auth, make_site, make_resource, make_user):
    make_site("figeac")
    make_resource("figeac", "desk", "Poste 1")
    auth.login(make_user())
    day = next_weekday().isoformat()
    assert client.post("/booking/sites/figeac/book-any", data={"kind": "office", "date": day,
                                                               "period": "morning"}).status_code == 404
    assert client.post("/booking/sites/figeac/book-any", data={"kind": "sofa", "date": day,
                                                               "period": "morning"}).status_code == 422
    assert client.post("/booking/sites/nowhere/book-any", data={"kind": "desk", "date": day,
                                                                "period": "morning"}).status_code == 404


def test_communes_json_suggests_the_territorys_first(client):
    found = client.get("/communes.json?q=saint-sant").get_json()
    assert found[0]["departement"] in ("12", "15", "46") and found[0]["label"].startswith("Saint-Santin")
    assert client.get("/communes.json?q=").get_json() == []


def test_the_default_date_moves_to_tomorrow_when_today_is_over(app, client, make_site, make_resource):
    """With nothing left to book today anywhere (here, every site closed today), the search
    without a date shows tomorrow's places; given a date, it shows that date."""
    from core.sites.service import add_closure
    from core.timeutil import today_at

    _sites(make_site, make_resource)
    today = today_at("Europe/Paris")
    with app.test_request_context(headers={"Accept-Language": "fr"}):
        long_date = app.jinja_env.filters["long_date"]
        shown_today, shown_tomorrow = long_date(today), long_date(today + timedelta(days=1))
        for slug in ("figeac", "aurillac"):
            add_closure(site_by_slug(slug), today, today, "Inventaire", None)
        db.session.commit()

    def heading(path):
        page = client.get(path).get_data(as_text=True)
        return re.search(r'<h2 id="results-title">(.*?)</h2>', page, re.S).group(1)

    assert shown_tomorrow in heading("/booking") and shown_today not in heading("/booking")
    assert shown_today in heading(f"/booking?date={today.isoformat()}")  # asked for today: today, closed
    assert client.get(f"/booking?date={next_weekday() + timedelta(days=400 * 30)}").status_code == 400


def test_the_site_page_shows_closures_and_when_closed_the_next_open_day(app, client, make_site, make_resource):
    from core.sites.service import add_closure
    from core.timeutil import today_at

    make_site("figeac")
    make_resource("figeac", "desk", "Poste 1")
    today = today_at("Europe/Paris")
    with app.app_context():
        add_closure(site_by_slug("figeac"), today, today + timedelta(days=1), "Travaux", None)
        db.session.commit()
    for path in ("/sites/figeac", "/booking/sites/figeac"):
        page = client.get(path).get_data(as_text=True)
        assert "Fermé aujourd’hui." in page and "Prochain jour d’ouverture" in page, path
        assert "Travaux" in page, path


def test_the_public_list_of_sites_has_the_map(client, make_site):
    make_site("figeac", name="Télécentre de Figeac")
    page = client.get("/sites").get_data(as_text=True)
    assert '<svg' in page and 'href="/sites/figeac"' in page


def test_each_kind_of_place_shows_its_own_price_for_a_period(app, make_site, make_resource):
    """A room is paid by the hour (free here), a desk by the half-day pass: the search showed a
    room's morning at the desk's price, the first kind quoted at the site for that slot."""
    from plugins.booking import availability
    from plugins.booking.models import Resource
    from plugins.booking.quotes import quote

    _sites(make_site, make_resource)
    day = next_weekday()
    with app.test_request_context():
        aurillac = next(o for o in availability.offers(day) if o.site.slug == "aurillac")
        shown = {(k.kind, p.slot.period): p.price for k in aurillac.kinds for p in k.periods}
        for kind in ("desk", "room"):
            place = db.session.scalars(db.select(Resource).where(Resource.site_id == aurillac.site.id,
                                                                 Resource.kind == kind)).first()
            for k in aurillac.kinds:
                if k.kind == kind:
                    for p in k.periods:
                        assert shown[(kind, p.slot.period)] == quote(place, p.slot.starts_at, p.slot.ends_at), \
                            (kind, p.slot.period)
        assert shown[("desk", "morning")] is not None and shown[("room", "morning")] is None  # rooms free here
