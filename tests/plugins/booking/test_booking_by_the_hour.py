"""Only rooms are booked by the hour: a desk (or an office) goes by the site's half-days or its
whole day, whatever a crafted form or an API call names (`rules.check_period`)."""
from __future__ import annotations

import lxml.html
from sqlalchemy import func, select

from booking_dates import next_weekday
from core.extensions import db
from plugins.booking.models import Booking, WaitlistEntry

FRENCH = "Un poste ou un bureau se réserve pour la matinée, l'après-midi ou la journée, pas à l'heure."


def _auth(token):
    return {"Authorization": f"Bearer {token}", "Accept-Language": "fr"}


def _text(response) -> str:
    return lxml.html.fromstring(response.get_data(as_text=True)).text_content()


def _stored(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Booking))


def test_a_desk_by_the_hour_through_the_api_is_refused_in_french(app, client, site_with_desk, make_resource,
                                                                  make_user, api_token):
    office = make_resource("figeac", "office", "Bureau")
    room = make_resource("figeac", "room", "Salle Lot")
    token = api_token(make_user())
    day = next_weekday()
    for resource in (site_with_desk, office):
        for start, end in (("09:00", "10:00"), ("09:00", "12:30"), ("08:30", "12:00"), ("10:30", "15:30")):
            response = client.post("/api/v1/bookings", json={"resource": resource, "start": f"{day}T{start}",
                                                             "end": f"{day}T{end}"}, headers=_auth(token))
            assert response.status_code == 422, (resource, start, end)
            assert response.get_json()["error"] == {"code": "not_by_the_hour", "message": FRENCH}
    assert _stored(app) == 0
    # The site's half-days and whole day are what a desk is booked for; a room goes by the hour.
    morning = client.post("/api/v1/bookings", json={"resource": site_with_desk, "start": f"{day}T08:30",
                                                    "end": f"{day}T12:30"}, headers=_auth(token))
    assert morning.status_code == 201
    hour = client.post("/api/v1/bookings", json={"resource": room, "start": f"{day}T09:00", "end": f"{day}T10:00"},
                       headers=_auth(token))
    assert hour.status_code == 201
    assert _stored(app) == 2


def test_hours_posted_for_a_desk_show_the_site_page_again_with_the_reason(app, client, auth, site_with_desk,
                                                                          make_user):
    """The site has no room: the room form is not on its page, and the reason was lost with it."""
    auth.login(make_user(locale="fr"))
    day = next_weekday()
    response = client.post("/booking/sites/figeac/book", data={"resource": site_with_desk, "date": day.isoformat(),
                                                              "period": "hours", "start": "09:00", "end": "10:00"})
    assert response.status_code == 422
    tree = lxml.html.fromstring(response.get_data(as_text=True))
    [error] = tree.xpath("//*[@id='room-error']")
    assert error.text_content().strip() == FRENCH and error.get("role") == "alert"
    assert _stored(app) == 0


def test_hours_posted_for_a_desk_beside_a_room_show_the_reason_in_the_room_form(app, client, auth, site_with_desk,
                                                                                make_resource, make_user):
    make_resource("figeac", "room", "Salle Lot")
    auth.login(make_user(locale="fr"))
    day = next_weekday()
    response = client.post("/booking/sites/figeac/book", data={"resource": site_with_desk, "date": day.isoformat(),
                                                              "period": "hours", "start": "14:00", "end": "16:00"})
    assert response.status_code == 422
    tree = lxml.html.fromstring(response.get_data(as_text=True))
    [error] = tree.xpath("//*[@id='room-error']")
    assert error.text_content().strip() == FRENCH
    assert tree.xpath("//input[@id='room-start']/@value") == ["14:00"]
    assert _stored(app) == 0


def test_a_desk_by_the_hour_is_refused_by_book_any_and_by_the_waitlist(app, client, auth, site_with_desk, make_user):
    auth.login(make_user(locale="fr"))
    day = next_weekday().isoformat()
    hours = {"kind": "desk", "date": day, "period": "hours", "start": "09:00", "end": "10:00"}
    refused = client.post("/booking/sites/figeac/book-any", data=hours)
    assert refused.status_code == 422 and FRENCH in _text(refused)
    waiting = client.post("/booking/sites/figeac/waitlist", data=hours)
    assert waiting.status_code == 422 and FRENCH in _text(waiting)
    by_resource = client.post("/booking/sites/figeac/waitlist", data={"resource": site_with_desk, **hours})
    assert by_resource.status_code == 422
    assert _stored(app) == 0
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(WaitlistEntry)) == 0


def test_a_manager_books_a_member_a_desk_by_half_days_not_by_the_hour(app, client, auth, site_with_desk, make_user):
    member = make_user()
    auth.login(make_user(role="site-manager", sites=["figeac"], locale="fr"))
    day = next_weekday().isoformat()
    refused = client.post("/booking/manage/figeac/book", data={"member_email": member.email,
                                                               "resource": site_with_desk, "date": day,
                                                               "period": "hours", "start": "09:00", "end": "11:00"})
    assert refused.status_code == 422
    [error] = lxml.html.fromstring(refused.get_data(as_text=True)).xpath("//*[@id='book-error']")
    assert error.text_content().strip() == FRENCH
    assert _stored(app) == 0
    # A maintenance block is the manager's own: any hours.
    blocked = client.post("/booking/manage/figeac/block", data={"resource": site_with_desk, "date": day,
                                                                "period": "hours", "start": "09:00", "end": "11:00"})
    assert blocked.status_code == 303


def test_the_forms_that_name_a_desk_or_a_room_offer_hours_for_rooms_only(app, client, auth, site_with_desk,
                                                                          make_user):
    """The series form and the manager's form list desks and rooms together: their "Heures" says
    it is for rooms; the maintenance block's, which takes any hours, does not."""
    auth.login(make_user(role="site-manager", sites=["figeac"], locale="fr"))

    def hours_labels(path):
        tree = lxml.html.fromstring(client.get(path).get_data(as_text=True))
        return [option.text_content().strip() for option in tree.xpath("//select[@name='period']/option[@value='hours']")]

    assert hours_labels("/booking/sites/figeac") == ["Heures (salles)"]  # the series form
    assert hours_labels("/booking/manage/figeac") == ["Heures (salles)", "Heures"]  # book, then block
