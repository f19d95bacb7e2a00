"""Two administrators creating a site with one address name at the same moment."""
from __future__ import annotations

from sqlalchemy import func, select

from core.extensions import db
from core.sites.models import Site
from devtools.races import held_until_both_reach, run_together, watching_statements


def test_two_sites_created_at_once_with_one_address_name_make_one_and_say_why(app, make_user):
    """Both read the address name as free and inserted; the second failed on the unique key (a
    500). It is now told, on the form, that another site uses it."""
    admins = [make_user("territory-admin"), make_user("territory-admin")]

    def create(admin):
        browser = app.test_client()
        browser.post("/login", data={"email": admin.email, "password": admin.password})
        response = browser.post("/sites/new", headers={"Accept-Language": "en"}, data={
            "name": "Figeac", "slug": "figeac", "kind": "coworking", "address": "1 rue", "postcode": "46100",
            "commune": "Figeac", "departement": "46", "latitude": "44.6", "longitude": "2.03",
            "timezone": "Europe/Paris"})
        return response.status_code, "Another site already uses" in response.get_data(as_text=True)

    with watching_statements(app, held_until_both_reach("INSERT INTO site ")):
        results = run_together(create, admins)
    assert sorted(results) == [(303, False), (400, True)], results
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Site).where(Site.slug == "figeac")) == 1
