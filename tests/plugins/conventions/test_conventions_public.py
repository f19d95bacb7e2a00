""""They telework with us": the partners who chose to be listed, on a public page and on the
public pages of the sites their conventions cover."""
from __future__ import annotations

from core.extensions import db
from plugins.conventions.models import Convention, Partner

EN = {"Accept-Language": "en"}
LOT = "Conseil départemental du Lot"


def _listed(app, world, listed=True, status="active"):
    with app.app_context():
        db.session.get(Partner, world.partner_id).listed_publicly = listed
        db.session.get(Convention, world.convention_id).status = status
        db.session.commit()


def test_a_partner_who_chose_to_be_listed_is_on_the_public_page_with_its_sites(app, client, world):
    _listed(app, world)
    response = client.get("/conventions/partners", headers=EN)
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "They telework with us" in text and LOT in text
    assert 'href="/sites/figeac"' in text and 'href="/sites/aurillac"' not in text
    assert LOT in client.get("/sites/figeac", headers=EN).get_data(as_text=True)
    assert LOT not in client.get("/sites/aurillac", headers=EN).get_data(as_text=True)


def test_a_partner_not_listed_or_without_a_running_convention_is_not_shown(app, client, world):
    _listed(app, world, listed=False)
    assert LOT not in client.get("/conventions/partners", headers=EN).get_data(as_text=True)
    assert LOT not in client.get("/sites/figeac", headers=EN).get_data(as_text=True)
    _listed(app, world, listed=True, status="expired")
    assert LOT not in client.get("/conventions/partners", headers=EN).get_data(as_text=True)


def test_module_off_the_public_list_answers_404(app, client, world, runner):
    _listed(app, world)
    assert runner.invoke(args=["modules", "disable", "conventions"]).exit_code == 0
    assert client.get("/conventions/partners").status_code == 404
    assert LOT not in client.get("/sites/figeac", headers=EN).get_data(as_text=True)
