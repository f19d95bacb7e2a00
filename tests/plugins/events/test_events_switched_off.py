"""Events switched off at a site or for the whole territory: someone registered still opens
their registration (the page their e-mails link to) and cancels it; the home page leads there;
the event's page, the lists and registering answer 404."""
from __future__ import annotations

from sqlalchemy import select

from core.extensions import db
from plugins.events.models import Registration

GUESSED = "Zq" * 21 + "Z"


def _switch_off(client, auth, person, site=None):
    auth.login(person)
    url = "/admin/modules/events" + (f"/sites/{site}" if site else "")
    assert client.post(url, data={"enabled": "off", "confirm": "yes"}).status_code == 303
    auth.logout()


def _token(app, event_id, email):
    with app.app_context():
        return db.session.scalar(select(Registration.token).where(Registration.event_id == event_id,
                                                                  Registration.email == email))


def _status(app, token):
    with app.app_context():
        return db.session.scalar(select(Registration.status).where(Registration.token == token))


def _registered(app, client, auth, member, event_id):
    auth.login(member)
    assert client.post(f"/events/{event_id}/register").status_code == 303
    auth.logout()
    return _token(app, event_id, member.email)


def _keeps_their_registration(app, client, auth, member, event_id, token):
    auth.login(member)
    home = client.get("/").get_data(as_text=True)
    assert f'href="/events/r/{token}"' in home  # "Your events" leads to the registration
    assert f'href="/events/{event_id}"' not in home
    page = client.get(f"/events/r/{token}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Journée d&#39;information" in html and "Vous êtes inscrit" in html
    assert f'href="/events/{event_id}"' not in html  # the event's page is not found meanwhile
    assert f'action="/events/r/{token}/cancel"' in html
    assert client.get(f"/events/r/{token}/event.ics").status_code == 200
    assert client.get(f"/events/{event_id}").status_code == 404
    assert client.post(f"/events/{event_id}/register").status_code == 404
    cancelled = client.post(f"/events/r/{token}/cancel")
    assert cancelled.status_code == 303 and cancelled.headers["Location"].endswith(f"/events/r/{token}")
    assert _status(app, token) == "cancelled"
    assert "Cette inscription est annulée." in client.get(f"/events/r/{token}").get_data(as_text=True)
    auth.logout()


def test_events_off_at_a_site_registrants_still_open_and_cancel_their_registration(
        app, client, auth, make_user, make_event, world):
    event_id = make_event(capacity=5)
    member = make_user()
    token = _registered(app, client, auth, member, event_id)
    _switch_off(client, auth, world.manager, "figeac")
    assert client.get("/events/sites/figeac").status_code == 404
    assert client.get(f"/events/r/{GUESSED}").status_code == 404  # a made-up link stays unknown
    assert client.post(f"/events/r/{GUESSED}/cancel").status_code == 404
    _keeps_their_registration(app, client, auth, member, event_id, token)


def test_events_off_everywhere_registrants_still_open_and_cancel_their_registration(
        app, client, auth, make_user, make_event, world):
    event_id = make_event(capacity=5)
    member, other = make_user(), make_user()
    token = _registered(app, client, auth, member, event_id)
    _switch_off(client, auth, world.admin)
    auth.login(other)
    assert client.get("/events").status_code == 404
    assert 'href="/events"' not in client.get("/").get_data(as_text=True)
    assert client.get(f"/events/r/{GUESSED}").status_code == 404
    assert client.post(f"/events/r/{GUESSED}/cancel").status_code == 404
    assert "Vos événements" not in client.get("/").get_data(as_text=True)  # registered nowhere
    auth.logout()
    assert _status(app, token) == "confirmed"
    _keeps_their_registration(app, client, auth, member, event_id, token)


def test_events_off_a_visitors_unconfirmed_registration_says_it_holds_no_seat(app, client, auth, make_event, world):
    """Its confirmation link is off with the module (confirming takes a seat, as registering
    does): the page no longer sends the visitor to their mailbox for it."""
    event_id = make_event(capacity=5)
    assert client.post(f"/events/{event_id}/visitor", data={"name": "Claire Visiteuse",
                                                            "email": "claire@example.org"}).status_code == 200
    token = _token(app, event_id, "claire@example.org")
    assert "confirmez votre inscription" in client.get(f"/events/r/{token}").get_data(as_text=True).lower()
    _switch_off(client, auth, world.admin)
    assert client.post(f"/events/r/{token}/confirm").status_code == 404
    html = client.get(f"/events/r/{token}").get_data(as_text=True)
    assert "Les inscriptions sont fermées pour le moment" in html and "messagerie" not in html
    assert _status(app, token) == "pending"
    assert client.post(f"/events/r/{token}/cancel").status_code == 303
    assert _status(app, token) == "cancelled"


def test_events_off_a_seat_given_back_is_not_offered_to_the_waitlist_who_could_not_pay_it(
        app, client, auth, stripe_driver, make_user, make_event, world, mailbox):
    """Paying is off with the module (the event's page and its payment answer 404): a seat of a
    paid event cancelled meanwhile is not offered to the first of the waitlist, whose offer
    would lapse unpaid and lose them their turn. Switched on again, the waitlist is offered the
    seat before anyone new registers."""
    from plugins.events.models import Event

    event_id = make_event(capacity=1, price_cents=1000)
    first, second = make_user(), make_user()
    auth.login(first)
    stripe_driver.pay(client.post(f"/events/{event_id}/register").headers["Location"].rsplit("/", 1)[-1])
    stripe_driver.deliver(client)
    token = _token(app, event_id, first.email)
    assert _status(app, token) == "confirmed"
    auth.logout()
    waiting = _registered(app, client, auth, second, event_id)
    assert _status(app, waiting) == "waiting"
    _switch_off(client, auth, world.admin)
    mailbox.clear()
    assert client.post(f"/events/r/{token}/cancel").status_code == 303
    assert _status(app, token) == "cancelled"
    assert _status(app, waiting) == "waiting"  # not offered a seat nobody can pay now
    mailbox.wait_for(9, timeout=1)
    assert not mailbox.to(second.email)  # nor mailed to pay on a page that is not found
    auth.login(world.admin)
    assert client.post("/admin/modules/events", data={"enabled": "on", "confirm": "yes"}).status_code == 303
    assert _status(app, waiting) == "held"  # its turn, kept: offered as soon as it can pay
    with app.app_context():
        assert db.session.get(Event, event_id).seats_taken == 1


def test_events_off_a_visitor_who_deletes_their_details_lands_on_a_page_not_a_404(app, client, auth, make_event,
                                                                                 world):
    """Deleting one's name and address gives the registration a new secret (the old link dies):
    with the event's page off too, the visitor is sent home, told it is done."""
    event_id = make_event(capacity=5)
    client.post(f"/events/{event_id}/visitor", data={"name": "Claire Visiteuse", "email": "claire@example.org"})
    token = _token(app, event_id, "claire@example.org")
    _switch_off(client, auth, world.admin)
    done = client.post(f"/events/r/{token}/forget")
    assert done.status_code == 303
    landed = client.get(done.headers["Location"])
    assert landed.status_code == 200
    assert "Vos nom et adresse sont effacés de cette inscription." in landed.get_data(as_text=True)
    assert _token(app, event_id, "claire@example.org") is None


def test_events_off_a_seat_held_for_payment_does_not_ask_to_pay(app, client, auth, stripe_driver, make_user,
                                                                 make_event, world):
    """Paying is off with the module (a payment arriving then is refunded: nobody takes the
    seat): the registration's page no longer tells its holder to pay to keep it, but until when
    it is held."""
    event_id = make_event(capacity=3, price_cents=1000)
    member = make_user()
    auth.login(member)
    assert client.post(f"/events/{event_id}/register").status_code == 303
    token = _token(app, event_id, member.email)
    assert _status(app, token) == "held"
    assert "payez votre billet pour la garder" in client.get(f"/events/r/{token}").get_data(as_text=True)
    auth.logout()
    _switch_off(client, auth, world.admin)
    auth.login(member)
    html = client.get(f"/events/r/{token}").get_data(as_text=True)
    assert "payez votre billet" not in html and "/pay" not in html
    assert "Les paiements sont fermés pour le moment" in html
    assert f'action="/events/r/{token}/cancel"' in html
