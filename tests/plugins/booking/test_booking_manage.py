"""Site managers: resources (create, edit, retire), rules, day and week views, booking on behalf,
maintenance blocks, CSV export; and what they may not touch at another site."""
from __future__ import annotations

import csv
import io

import pytest

from booking_dates import next_weekday


def test_manager_creates_edits_and_retires_a_resource(client, auth, make_site, make_user):
    make_site("figeac")
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    created = client.post("/booking/manage/figeac/resources/new", data={
        "kind": "room", "name": "Salle Champollion", "group_name": "", "seats": 8, "equipment": "écran, visio",
        "accessible": "y", "photos": "https://img.example/1.jpg\njavascript:alert(1)", "description": "",
        "site_id": 99})
    assert created.status_code == 303
    listing = client.get("/booking/manage/figeac/resources").get_data(as_text=True)
    assert "Salle Champollion" in listing
    resource_id = client.get("/api/v1/sites/figeac/resources").get_json()[0]["id"]
    resource = client.get("/api/v1/sites/figeac/resources").get_json()[0]
    assert resource["equipment"] == ["écran", "visio"] and resource["photos"] == ["https://img.example/1.jpg"]
    edit = client.post(f"/booking/manage/figeac/resources/{resource_id}", data={
        "kind": "room", "name": "Salle Champollion 2", "seats": 10})
    assert edit.status_code == 303
    assert client.post(f"/booking/manage/figeac/resources/{resource_id}/retire").status_code == 303
    assert client.get("/api/v1/sites/figeac/resources").get_json() == []
    assert "Salle Champollion 2" in client.get("/booking/manage/figeac/resources").get_data(as_text=True)


def test_manager_sets_rules(client, auth, make_site, make_user, app):
    make_site("figeac")
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    response = client.post("/booking/manage/figeac/rules", data={"kind": "desk", "max_per_week": 2,
                                                                 "approval_required": "1"})
    assert response.status_code == 303
    with app.app_context():
        from core.sites.service import site_by_slug
        from plugins.booking.rules import effective_rules

        rules = effective_rules(site_by_slug("figeac").id, "desk")
        assert rules.max_per_week == 2 and rules.approval_required is True


@pytest.mark.parametrize("fields", [{"max_days_ahead": 3_000_000}, {"cancel_deadline_minutes": 2_000_000_000},
                                    {"min_notice_minutes": 99_999_999_999_999}, {"buffer_minutes": 9_999_999_999_999},
                                    {"max_minutes": 2**63}, {"max_per_week": 2**64}, {"min_minutes": 10**6},
                                    {"min_minutes": 600, "max_minutes": 60}])
def test_rules_out_of_bounds_are_refused_on_the_form_and_nothing_is_saved(client, auth, make_site, make_user, app,
                                                                          fields):
    """Saved, such a rule made every booking of the kind (or every page of a booking) a 500: a
    date computed from it fell outside what Python holds."""
    make_site("figeac")
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    response = client.post("/booking/manage/figeac/rules", data={"kind": "desk", **fields})
    assert response.status_code == 400
    assert 'class="error-summary"' in response.get_data(as_text=True)
    with app.app_context():
        from core.extensions import db
        from plugins.booking.models import Rule

        assert db.session.scalar(db.select(db.func.count()).select_from(Rule)) == 0


def test_a_minimum_above_an_inherited_maximum_is_refused_with_its_reason(client, auth, make_site, make_user):
    make_site("figeac")
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    assert client.post("/booking/manage/figeac/rules", data={"kind": "", "max_minutes": 120}).status_code == 303
    response = client.post("/booking/manage/figeac/rules", data={"kind": "desk", "min_minutes": 240})
    assert response.status_code == 400
    assert "la durée minimale dépasserait la durée maximale" in response.get_data(as_text=True)


def test_rules_stored_before_the_bounds_are_read_within_them(app, client, auth, site_with_desk, make_user):
    """A rule saved by an older version, out of bounds, no longer breaks bookings or their pages."""
    from core.extensions import db
    from core.sites.service import site_by_slug
    from plugins.booking.models import Rule

    with app.app_context():
        db.session.add(Rule(site_id=site_by_slug("figeac").id, kind="desk", max_days_ahead=3_000_000,
                            cancel_deadline_minutes=2_000_000_000, min_notice_minutes=0))
        db.session.commit()
    member = make_user()
    auth.login(member)
    day = next_weekday()
    response = client.post("/booking/sites/figeac/book", data={"resource": site_with_desk, "date": day.isoformat(),
                                                               "period": "afternoon"})
    assert response.status_code == 303, response.get_data(as_text=True)
    booking_path = response.headers["Location"]
    assert client.get(booking_path).status_code == 200
    assert client.get("/booking/mine", query_string={"page": 10**18}).status_code == 200


def test_day_week_views_book_on_behalf_block_and_export(client, auth, site_with_desk, make_resource, make_user):
    room = make_resource("figeac", "room", "Salle")
    member = make_user(name="Camille Martin")
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    day = next_weekday()
    booked = client.post("/booking/manage/figeac/book", data={"member_email": member.email, "resource": site_with_desk,
                                                              "date": day.isoformat(), "period": "morning"})
    assert booked.status_code == 303
    refused = client.post("/booking/manage/figeac/block", data={"resource": room, "date": day.isoformat(),
                                                                "period": "hours", "start": "", "note": "Peinture"})
    assert refused.status_code == 422  # no hours: the day asked, again, with what was typed and why
    page = refused.get_data(as_text=True)
    assert 'id="block-error"' in page and 'value="Peinture"' in page and f'value="{day.isoformat()}"' in page
    assert f'<option value="{room}" selected>' in page
    blocked = client.post("/booking/manage/figeac/block", data={"resource": room, "date": day.isoformat(),
                                                                "period": "day", "note": "Peinture"})
    assert blocked.status_code == 303 and blocked.headers["Location"].endswith(f"day={day.isoformat()}")
    page = client.get(f"/booking/manage/figeac?day={day}").get_data(as_text=True)
    assert "Camille Martin" in page and "Peinture" in page
    assert "Camille Martin" in client.get(f"/booking/manage/figeac/week?day={day}").get_data(as_text=True)
    export = client.get(f"/booking/manage/figeac/export.csv?from={day}&to={day}")
    assert export.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(export.get_data(as_text=True)), delimiter=";"))  # French: semicolons
    assert {r["E-mail"] for r in rows} == {member.email, ""} and rows[0]["Début"].startswith(f"{day}T08:30")
    assert {r["Statut"] for r in rows} == {"Confirmée"} and "Bloqué" in {r["Membre"] for r in rows}, rows
    assert client.get("/booking/manage/figeac/export.csv?from=garbage").status_code == 422


def test_a_manager_cannot_touch_another_site(client, auth, site_with_desk, make_site, make_user):
    make_site("aurillac")
    auth.login(make_user(role="site-manager", sites=["aurillac"]))
    assert client.get("/booking/manage/figeac").status_code == 403
    assert client.get("/booking/manage/figeac/export.csv").status_code == 403
    member = make_user()
    response = client.post("/booking/manage/aurillac/book", data={
        "member_email": member.email, "resource": site_with_desk, "date": next_weekday().isoformat(),
        "period": "morning"})
    assert response.status_code == 404


def test_members_are_refused_manager_pages(client, auth, site_with_desk, make_user):
    auth.login(make_user())
    assert client.get("/booking/manage/figeac").status_code == 403


def test_demo_seed_adds_resources_once(app):
    from core.demo import seed

    with app.app_context():
        assert any(line.startswith("Booking:") for line in seed())
        assert not any(line.startswith("Booking:") for line in seed())
        from core.sites.service import site_by_slug
        from plugins.booking.resources import resources_of

        assert [r.kind for r in resources_of(site_by_slug("figeac-maison-emploi"))].count("desk") == 4


def test_data_export_and_erase(app, site_with_desk, make_user):
    from core.accounts.models import User
    from core.extensions import db
    from plugins.booking import service
    from plugins.booking.plugin import user_data_erase, user_data_export
    from plugins.booking.slots import range_for

    member = make_user()
    with app.app_context():
        user = db.session.get(User, member.id)
        resource = service.get_resource(site_with_desk)
        service.book(resource, user, *range_for(resource.site, next_weekday(), "morning"))
        assert len(user_data_export(user)["bookings"]) == 1
        user_data_erase(user)
        db.session.commit()
        assert user_data_export(user)["bookings"] == []


def test_manager_approves_or_refuses_bookings_waiting_for_approval(client, auth, app, make_site, make_resource,
                                                                   make_user):
    make_site("figeac")
    office = make_resource("figeac", "office", "Bureau", approval_required=True)
    day = next_weekday()
    auth.login(make_user())
    client.post("/booking/sites/figeac/book", data={"resource": office, "date": day.isoformat(), "period": "morning"})
    client.post("/booking/sites/figeac/book", data={"resource": office, "date": day.isoformat(),
                                                   "period": "afternoon"})
    auth.logout()
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    page = client.get(f"/booking/manage/figeac?day={day}").get_data(as_text=True)
    assert page.count("/approve") == 2
    with app.app_context():
        from sqlalchemy import select

        from core.extensions import db
        from plugins.booking.models import Booking

        first, second = db.session.scalars(select(Booking.id).order_by(Booking.starts_at)).all()
    assert client.post(f"/booking/manage/figeac/bookings/{first}/approve").status_code == 303
    assert client.post(f"/booking/manage/figeac/bookings/{first}/approve").status_code == 422
    assert client.post(f"/booking/manage/figeac/bookings/{second}/cancel").status_code == 303
    with app.app_context():
        statuses = [(b.status, b.cancel_reason) for b in db.session.scalars(select(Booking).order_by(Booking.starts_at))]
    assert statuses == [("confirmed", None), ("cancelled", "approval_refused")]


def test_the_csv_export_neutralises_formulas_in_names(client, auth, site_with_desk, make_user):
    """A member named like a spreadsheet formula comes out as text, not as a live formula."""
    member = make_user(name='=HYPERLINK("http://x")')
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    day = next_weekday()
    client.post("/booking/manage/figeac/book", data={"member_email": member.email, "resource": site_with_desk,
                                                     "date": day.isoformat(), "period": "morning"})
    export = client.get(f"/booking/manage/figeac/export.csv?from={day}&to={day}").get_data(as_text=True)
    [row] = list(csv.DictReader(io.StringIO(export), delimiter=";"))
    assert row["Membre"] == """'=HYPERLINK("http://x")"""
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row.values())


def _mail_text(message) -> str:
    return message.get_body(("plain",)).get_content()


def test_a_manager_cancels_after_a_confirmation_page_and_the_member_is_told_who_and_why(
        client, auth, app, site_with_desk, make_user, mailbox):
    from core.extensions import db
    from plugins.booking.models import Booking

    member = make_user()
    auth.login(member)
    day = next_weekday()
    made = client.post("/booking/sites/figeac/book", data={"resource": site_with_desk, "date": day.isoformat(),
                                                           "period": "morning"})
    booking_id = int(made.headers["Location"].rstrip("/").rsplit("/", 1)[-1])
    auth.logout()
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    ask_url = f"/booking/manage/figeac/bookings/{booking_id}/cancel?day={day}"
    assert f'href="{ask_url}"' in client.get(f"/booking/manage/figeac?day={day}").get_data(as_text=True)
    html = client.get(ask_url).get_data(as_text=True)
    assert "Annuler cette réservation ?" in html and "Motif (facultatif)" in html
    assert "Ce qui est remboursé" in html and "Oui, l’annuler" in html
    with app.app_context():
        assert db.session.get(Booking, booking_id).status == "confirmed"  # asking cancelled nothing
    mailbox.clear()
    too_long = client.post(ask_url, data={"reason": "x" * 501, "day": day.isoformat()})
    assert too_long.status_code == 422 and 'class="error-summary"' in too_long.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Booking, booking_id).status == "confirmed"
    done = client.post(ask_url, data={"reason": "Dégât des eaux dans l’open space", "day": day.isoformat()})
    assert done.status_code == 303 and done.headers["Location"].endswith(f"/booking/manage/figeac?day={day}")
    with app.app_context():
        booking = db.session.get(Booking, booking_id)
        assert (booking.status, booking.cancel_reason) == ("cancelled", "manager")
    (mail,) = [m for m in mailbox.wait_for(1) if m["To"] == member.email]
    text = _mail_text(mail)
    assert "a annulé votre réservation." in text and "L’équipe de" in text
    assert "Motif indiqué : Dégât des eaux dans l’open space" in text
    assert "Le fichier joint retire cette réservation de votre calendrier." in text
    assert "ajoute cette réservation" not in text


def test_a_request_refused_tells_the_member_it_was_declined_and_why(client, auth, app, make_site, make_resource,
                                                                    make_user, mailbox):
    make_site("figeac")
    office = make_resource("figeac", "office", "Bureau", approval_required=True)
    member = make_user()
    auth.login(member)
    day = next_weekday()
    client.post("/booking/sites/figeac/book", data={"resource": office, "date": day.isoformat(), "period": "morning"})
    auth.logout()
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    with app.app_context():
        from sqlalchemy import select

        from core.extensions import db
        from plugins.booking.models import Booking

        booking_id = db.session.scalar(select(Booking.id))
    html = client.get(f"/booking/manage/figeac/bookings/{booking_id}/cancel").get_data(as_text=True)
    assert "Refuser cette demande ?" in html and "Oui, la refuser" in html
    mailbox.clear()
    client.post(f"/booking/manage/figeac/bookings/{booking_id}/cancel", data={"reason": "Bureau réservé aux ateliers"})
    (mail,) = [m for m in mailbox.wait_for(1) if m["To"] == member.email]
    text = _mail_text(mail)
    assert "a refusé votre demande de réservation." in text and "Motif indiqué : Bureau réservé aux ateliers" in text
    assert "Rien n’a été payé pour cette réservation : rien à rembourser." in text
    assert "À payer sur place" not in text  # it was said of a booking refused


def test_the_manager_cancel_page_writes_the_booking_the_french_way(client, auth, site_with_desk, make_user):
    """The page wrote "Poste 1, Figeac: mardi …", the colon glued the English way, from a
    pattern outside the catalogue (found by a review)."""
    import lxml.html

    member = make_user()
    auth.login(member)
    made = client.post("/booking/sites/figeac/book", data={"resource": site_with_desk,
                                                          "date": next_weekday().isoformat(), "period": "morning"})
    booking_id = int(made.headers["Location"].rstrip("/").rsplit("/", 1)[-1])
    auth.logout()
    auth.login(make_user(role="site-manager", sites=["figeac"]))
    html = client.get(f"/booking/manage/figeac/bookings/{booking_id}/cancel").get_data(as_text=True)
    sentence = lxml.html.fromstring(html).xpath("//main//h1/following-sibling::p[1]")[0].text_content()
    assert "Figeac\u00a0: " in sentence, sentence
