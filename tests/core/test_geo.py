"""Communes of France: what a typed text means, the profile's home commune, the SVG map."""
from __future__ import annotations

from core import geo
from core.geo import svgmap
from core.extensions import db


def test_a_name_a_name_with_its_departement_and_an_insee_code_are_understood():
    assert [c.code for c in geo.resolve("Aurillac")] == ["15014"]
    assert [c.code for c in geo.resolve("  aurillac ")] == ["15014"]
    assert [c.label for c in geo.resolve("St Santin (12)")] == ["Saint-Santin (12)"]
    assert geo.resolve("15014")[0].name == "Aurillac"
    assert geo.resolve("99999") == [] and geo.resolve("") == [] and geo.resolve("((((") == []


def test_a_name_shared_by_several_communes_lists_them_the_territorys_first():
    found = geo.resolve("Sainte-Colombe", prefer=("46",))
    assert len(found) > 5 and found[0].label == "Sainte-Colombe (46)"


def test_suggestions_start_with_what_was_typed():
    assert all(c.name.startswith("Fig") for c in geo.suggest("fig"))
    assert geo.suggest("f") == []


def test_distance_as_the_crow_flies():
    aurillac, figeac = geo.commune("15014"), geo.commune("46102")
    assert 45 < geo.distance_km(aurillac.latitude, aurillac.longitude, figeac.latitude, figeac.longitude) < 50


def test_the_map_is_an_svg_with_a_title_links_and_nothing_from_elsewhere():
    svg = str(svgmap.render([svgmap.Point("Figeac <b>", 44.6086, 2.0317, "/sites/figeac")], {"46"},
                            svgmap.Point("Maurs", 44.71, 2.198), title="Carte", description="Les sites",
                            here_label="Maurs (vous)"))
    assert svg.startswith("<svg") and '<title id="map-title">Carte</title>' in svg
    assert 'href="/sites/figeac"' in svg and "Figeac &lt;b&gt;" in svg and "Maurs (vous)" in svg
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def _profile(client, **fields):
    data = {"display_name": "Camille", "locale": "fr", **fields}
    return client.post("/account", data=data)


def test_the_home_commune_is_chosen_from_the_communes_of_france(app, client, auth, make_user):
    from core.accounts.models import User

    member = make_user()
    auth.login(member)
    assert _profile(client, home_commune="Maurs").status_code == 303
    with app.app_context():
        user = db.session.get(User, member.id)
        assert (user.home_commune, user.home_commune_code) == ("Maurs", "15122")
        assert round(user.home_latitude, 1) == 44.7
    assert 'value="Maurs (15)"' in client.get("/account").get_data(as_text=True)

    ambiguous = _profile(client, home_commune="Sainte-Colombe")
    assert ambiguous.status_code == 400 and 'name="home_commune_code"' in ambiguous.get_data(as_text=True)
    assert _profile(client, home_commune="Sainte-Colombe", home_commune_code="46260").status_code == 303
    unknown = _profile(client, home_commune="Nulle-Part-Sur-Mer")
    assert unknown.status_code == 400 and "Aucune commune" in unknown.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, member.id).home_commune_code == "46260"
    assert _profile(client, home_commune="").status_code == 303
    with app.app_context():
        user = db.session.get(User, member.id)
        assert user.home_commune is None and user.home_latitude is None
