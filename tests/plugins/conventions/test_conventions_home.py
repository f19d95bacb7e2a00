"""The home page tells an employee what their employer's convention pays for them (where, on
which days, how much of each cap is used: they found out only by booking), and a référent how
their conventions stand (the budget used, who waits for their decision)."""
from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

from conventions_helpers import next_weekday
from core.extensions import db
from devtools.queries import Queries


def _home(client) -> str:
    page = client.get("/", headers={"Accept-Language": "fr"})
    assert page.status_code == 200
    return re.sub(r"\s+", " ", unescape(page.get_data(as_text=True)))


def _covers(app, user_id, day):
    from core.accounts.models import User
    from plugins.conventions.dashboard import covers_of

    with app.test_request_context():
        return covers_of(db.session.get(User, user_id), day)


def test_an_employee_sees_where_and_until_when_their_employer_pays_and_the_week_used(
        app, client, auth, world, book):
    auth.login(world.employee)
    home = _home(client)
    assert "Votre employeur prend en charge vos journées" in home
    assert "Conseil départemental du Lot prend en charge vos journées de télétravail jusqu’au" in home
    assert "Où : Figeac" in home and "Aurillac" not in home.split("Où :")[1].split("</li>")[0]
    assert "Cette semaine : 0 sur 1,5 jour utilisé" in home
    assert "Types d’espace : Poste de travail" in home or "Types d'espace : Poste de travail" in home  # desks only
    assert 'href="/booking"' in home

    day = next_weekday()
    assert book(world.employee, world.desks["figeac"][0], day)[0] == 201  # a whole day, paid by the convention
    (cover,) = _covers(app, world.employee.id, day)
    assert cover.caps == (("week", 2, 3),)  # two half-days of the three the week allows
    assert (cover.all_sites, cover.site_names, cover.kinds, cover.weekdays) == (False, ("Figeac",), ("desk",), ())
    assert cover.partner == "Conseil départemental du Lot"
    assert _covers(app, world.employee.id, day + timedelta(days=400)) == []  # past the convention's end


def test_fixed_weekdays_are_named_and_nothing_is_shown_to_other_members(app, client, auth, world, make_user):
    from plugins.conventions.models import Authorisation, Convention

    with app.app_context():
        auth_row = db.session.query(Authorisation).filter_by(user_id=world.employee.id).one()
        auth_row.weekdays = [3, 1]
        db.session.commit()
    auth.login(world.employee)
    assert "Vos jours : mardi, jeudi" in _home(client)
    with app.test_request_context():  # booking off at its one site: no place to book is named
        from core.modules.service import set_enabled
        from core.sites.service import site_by_slug

        set_enabled("booking", False, site_by_slug("figeac"))
        db.session.commit()
    home = _home(client)
    assert "Votre employeur prend en charge" in home and "Où :" not in home
    with app.test_request_context():
        set_enabled("booking", True, site_by_slug("figeac"))
        db.session.commit()
    assert "Où : Figeac" in _home(client)
    with app.app_context():  # its one site unpublished: the panel names no place, and not "every site"
        from core.sites.models import Site

        db.session.get(Site, world.sites["figeac"]).is_published = False
        db.session.commit()
    home = _home(client)
    assert "Votre employeur prend en charge" in home and "Où :" not in home and "tous les tiers-lieux" not in home
    with app.app_context():
        db.session.get(Convention, world.convention_id).all_sites = True
        db.session.commit()
    assert "Dans tous les tiers-lieux du réseau." in _home(client)
    auth.logout()
    auth.login(make_user())
    home = _home(client)
    assert "Votre employeur prend en charge" not in home and "Vos conventions" not in home


def test_a_referent_sees_their_conventions_and_who_waits_for_a_decision(app, client, auth, world, make_user):
    from core.accounts.models import User
    from plugins.conventions import service

    newcomer = make_user(email="nouvel.agent@lot.fr")
    with app.test_request_context(method="POST"):
        service.request_by_domain(db.session.get(User, newcomer.id), world.convention_id)
        db.session.commit()
    auth.login(world.referent)
    home = _home(client)
    assert "Vos conventions" in home
    panel = home.split("Vos conventions")[1].split("</section>")[0]
    assert f'href="/conventions/{world.convention_id}"' in panel and "CD46-TT" in panel and "En vigueur" in panel
    assert "1 agent attend votre décision" in panel
    auth.logout()
    auth.login(world.employee)  # an employee speaks for no partner
    assert "Vos conventions" not in _home(client)
    auth.logout()

    app.config["CACHE_CHECK_SECONDS"] = 0  # the workers' copies follow the version at once (not within 1 s)
    auth.login(newcomer)
    assert "Votre employeur prend en charge" not in _home(client)  # asked, not approved
    with app.test_request_context(method="POST"):
        from plugins.conventions.models import Authorisation

        pending = db.session.query(Authorisation).filter_by(user_id=newcomer.id).one()
        service.decide(db.session.get(User, world.referent.id), pending.id, "approved")
        db.session.commit()
    assert "Votre employeur prend en charge vos journées" in _home(client)


def test_a_member_without_a_convention_pays_no_query_for_these_panels(app, client, auth, world, make_user):
    """Most members hold no authorisation and speak for no partner: the home asks the database
    nothing more for them than before (per-process copies of the few ids concerned)."""
    auth.login(make_user())
    app.config["CACHE_CHECK_SECONDS"] = 3600  # the copies' versions read once, as a warm worker does
    _home(client)
    with Queries(app) as queries:
        _home(client)
    assert not [s for s in queries.statements if "conventions_authorisation" in s or "conventions_referent" in s]


def test_an_employee_reads_that_they_pay_nothing_and_where_they_are_told_who_pays(app, client, auth, world):
    """The search showed each place's usual price ("15,00 € TTC"): the home page says they pay
    nothing, and that the search and the sites' prices say who pays (test_conventions_price_notes)."""
    auth.login(world.employee)
    assert ("Là où votre employeur vous prend en charge, vous ne payez rien : la recherche et les tarifs des "
            "tiers-lieux indiquent qui paie pour vous.") in _home(client)


def test_an_employee_who_asked_to_join_reads_that_the_request_waits(app, client, auth, world, make_user):
    """Once asked, the home page said nothing: the button went and no word of the request stayed."""
    auth.login(make_user(email="paul@lot.fr"))
    assert "Demander à rejoindre" in _home(client)
    assert client.post(f"/conventions/domain/{world.convention_id}").status_code == 303
    home = _home(client)
    assert "Demander à rejoindre" not in home
    assert ("Conseil départemental du Lot : votre demande pour rejoindre sa convention attend la décision du "
            "référent de votre employeur.") in home
