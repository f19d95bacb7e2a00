"""Every route of the app (core and every plugin) tried by the wrong person, so that a route
added without its check fails here rather than in production.

A member, Bob, owns things at Aurillac: a booking and its orders, an invoice, a membership, a
waitlist entry, a calendar feed, an API token, a directory profile with hidden fields, a message,
a board post waiting for moderation, an event registration, an employment on partner P's
convention. Then every route is built with Bob's ids (and Aurillac's slug) and sent by another
member, the manager of another site and the référent of another partner, with their sessions or
their API tokens: each must refuse (404 or 403; a form refused before its owner is checked may
say 400 or 422), unless `OTHERS_MAY` says why anyone may use it; and at the end, nothing of Bob's
or Aurillac's has changed. A visitor is sent to sign in (the API: 401) except on `VISITORS_MAY`.
Once Bob has erased his account, no page, export or API answer names him any more. No GET
writes to the database (`GET_WRITES` says which two do, and why).
"""
from __future__ import annotations

import io
import json
from datetime import time, timedelta

import pytest
from sqlalchemy import select

from core.extensions import db
from tests.plugins.booking.booking_dates import next_weekday
from tests.plugins.conventions.conventions_helpers import SIGNED_PDF

# Who may reach what does not depend on the database: each sweep runs once (PostgreSQL in CI).
pytestmark = pytest.mark.one_database

BOB_NAME, BOB_EMAIL = "Bob Lacombe", "bob.lacombe@lacombe.fr"
# What nobody but Bob (and the staff of his site and employer) ever reads.
PRIVATE = (BOB_EMAIL, "Message privé de Bob", "Compétence cachée", "Intitulé caché")
GUESSED_TOKEN = "Zq" * 21 + "Z"  # the shape of the links' secrets, made up

# Routes with a path argument that another signed-in person may use, and why.
OTHERS_MAY = {
    "static": "public files", "media.serve": "public photos (site photos)",
    "billing_static.static": "public files", "booking_static.static": "public files",
    "conventions_static.static": "public files", "directory_static.static": "public files",
    "conventions.static": "public files",
    "auth.legal_document": "the published terms", "auth.confirm": "a signed link, checked (400 when not valid)",
    "auth.reset_password": "a signed link, checked when the form is sent",
    "auth.welcome": "a signed link, checked (400 when not valid)",
    "sites.show": "a published site's page", "booking.site": "a published site's week",
    "billing.prices": "a published site's prices", "events.site": "a published site's events",
    "events.feed": "a published site's public events", "directory.here": "who chose to show they are here",
    "booking_api.site_resources": "a published site's resources",
    "booking.book": "books for the caller", "booking.book_any": "books for the caller",
    "booking.series": "books for the caller", "booking.waitlist_join": "the caller waits",
    "booking_arrive.arrive": "the day's code is the secret (422 when wrong)",
    "booking_arrive.check_in": "the day's code is the secret (422 when wrong)",
    "billing.basket_page": "the caller's own basket at a site", "billing.pay_basket": "the caller's own basket",
    "billing.buy": "the caller buys for themselves",
    "events.show": "an event open to members", "events_api.get_event": "an event open to members",
    "events.register": "registers the caller", "events.pay": "the caller's own held seat",
    "events.visitor": "a visitor's registration by e-mail (refused for a members' event)",
    "directory.profile": "a listed profile, as its owner chose to show it",
    "directory.photo": "a listed profile's photo, when shown", "directory.contact": "writes to a contactable member",
    "directory.organisation": "an organisation's public page",
    "directory.unblock": "removes the caller's own block", "directory.me_skill_remove": "the caller's own skill",
    "boards.new": "the caller's own new post",
}
VISITORS_MAY = set(OTHERS_MAY) - {"directory.here", "booking.book", "booking.book_any", "booking.series",
                                  "booking.waitlist_join", "booking_arrive.arrive", "booking_arrive.check_in",
                                  "billing.basket_page", "billing.pay_basket", "billing.buy", "events.register",
                                  "events.pay", "directory.profile", "directory.photo", "directory.contact",
                                  "directory.organisation", "directory.unblock", "directory.me_skill_remove",
                                  "boards.new"} | {
    "home.index", "sites.index", "booking.search", "booking.feed", "events.member_feed", "billing_webhook.stripe_webhook",
    "boards.index", "boards.skills_wanted", "boards.feed", "boards.show", "geo.communes", "auth.login",
    "auth.signup", "auth.forgot_password", "i18n.choose_language", "conventions.partners", "conventions.join",
    "events.index", "events.registration", "events.confirm", "events.ics", "events.cancel_registration",
    "events.forget_registration", "ops.healthz", "ops.metrics_view", "impact.method", "impact.open_data_csv",
    "impact.open_data_json", "api.list_sites", "api.list_modules", "api.openapi_document",
    "booking_api.get_availability", "events_api.list_events", "boards_api.list_posts",
}
# GETs that write, and why that is no change of state.
GET_WRITES = {
    "conventions.document": "keeps the PDF it rendered (a cache by content)",
    "billing.checkout_success": "fulfils a payment Stripe took (idempotent, as the webhook)",
}
# Path arguments naming someone's thing (the others name a page, a kind, a module, a file).
OWNED = {"booking_id", "order_id", "reference", "number", "convention_id", "partner_id", "authorisation_id",
         "message_id", "profile_id", "post_id", "user_id", "event_id", "subscription_id", "entry_id", "job_id",
         "closure_id", "photo_id", "resource_id", "organisation_id", "skill_id", "token_id"}
# A form's fields, filled as a caller would (each route reads the ones it knows).
FORM = {"confirmed": "yes", "confirm": "yes", "decision": "approved", "reason": "Piégé", "body": "Piégé",
        "name": "Piégé", "title": "Piégé", "kind": "company", "website": "https://evil.example/",
        "description": "Piégé", "status": "terminated", "enabled": "off", "note": "Piégé", "outcome": "placed",
        "capacity": "1", "month": "2026-01", "role": "recruiter", "public": "y", "code": "Piégé",
        "email": "alice@example.org", "refund-amount": "1.00", "refund-to": "card", "refund-reason": "Piégé",
        "refund-confirmed": "yes", "paid-method": "cash", "method": "cash", "alt_text": "Piégé"}


@pytest.fixture
def bob_world(app, make_site, make_user, api_token):
    """Bob's things at Aurillac, the people who must not reach them, and their ids."""
    from core.accounts.models import User
    from core.api.tokens import ApiToken
    from core.jobs.models import Job
    from core.sites import service as sites
    from core.sites.models import SitePhoto
    from core.sites.service import site_by_slug
    from core.timeutil import local_to_utc, today_at
    from plugins.billing.models import Invoice, Order, Subscription
    from plugins.boards import posts
    from plugins.booking import feeds, waitlist
    from plugins.booking import service as booking
    from plugins.booking.resources import save_resource
    from plugins.booking.slots import range_for
    from plugins.conventions import service as conventions
    from plugins.conventions.models import Authorisation
    from plugins.directory import profiles, relay
    from plugins.directory.models import Organisation
    from plugins.events import service as events

    make_site("figeac")
    make_site("aurillac")
    w = {"admin": make_user("territory-admin"), "mF": make_user("site-manager", sites=["figeac"]),
         "mA": make_user("site-manager", sites=["aurillac"]), "alice": make_user(email="alice@example.org"),
         "bob": make_user(email=BOB_EMAIL, name=BOB_NAME), "carol": make_user(email="carol@example.org"),
         "refP": make_user("partner"), "refQ": make_user("partner")}
    day = next_weekday(2)
    with app.test_request_context():
        person = lambda key: db.session.get(User, w[key].id)  # noqa: E731
        aurillac, admin, bob = site_by_slug("aurillac"), person("admin"), person("bob")
        desk = save_resource(aurillac, None, kind="desk", name="Poste A")
        save_resource(site_by_slug("figeac"), None, kind="desk", name="Poste F")
        at = lambda hour: local_to_utc(day, time(hour, 30), "Europe/Paris")  # noqa: E731
        w["booking"] = booking.book(desk, bob, *range_for(aurillac, day, "morning"), bob).id
        w["entry"] = waitlist.join(aurillac, "desk", bob, *range_for(aurillac, day, "afternoon")).id
        w["closure"] = sites.add_closure(aurillac, day + timedelta(days=30), day + timedelta(days=31), "Travaux",
                                         admin).id
        photo = SitePhoto(site_id=aurillac.id, filename="0" * 32 + ".jpg", alt_text="La salle")
        db.session.add(photo)
        feeds.create_member_feed(bob)
        organisation = Organisation(name="Cantal Compta", site_id=aurillac.id)
        db.session.add(organisation)
        db.session.flush()
        w["photo"], w["organisation"], w["resource"], w["aurillac"] = (photo.id, organisation.id, desk.id,
                                                                       aurillac.id)
        profiles.set_consents(bob, listed=True, contactable=True, show_presence=True)
        w["profile"] = profiles.save(bob, shown=["bio"], job_code="M1203", job_title="Intitulé caché",
                                     bio="Comptable à Aurillac", organisation_id=organisation.id).id
        w["skill"] = profiles.add_skill(bob, label="Compétence cachée").id
        profiles.set_consents(person("carol"), listed=True, contactable=True)
        w["message"] = relay.write(bob, profile_id=profiles.profile_of(person("carol")).id,
                                   body="Message privé de Bob").id
        w["post"] = posts.create(bob, "job_offer", title="Comptable", organisation="Lacombe SARL", codes="M1203",
                                 communes="Aurillac", ends_on=today_at("Europe/Paris") + timedelta(days=20)).id
        event = events.save_event(person("mA"), None, site=aurillac, title="Atelier", description="",
                                  online_url="", starts_at=at(14), ends_at=at(15), capacity=10, audience="members")
        db.session.flush()
        w["event"] = event.id
        events.register_member(event, bob)
        partner = conventions.save_partner(admin, None, name="Lacombe SARL", siret="22460001500016", address="Aurillac")
        conventions.add_referent(admin, partner, w["refP"].email)
        convention = conventions.save_convention(
            admin, partner, None, reference="LAC-1", starts_on=day - timedelta(days=100),
            ends_on=day + timedelta(days=100), site_ids=[aurillac.id], kinds=["desk"], price_model="per_day",
            day_rate_cents=1500, half_day_rate_cents=800, past_cap="refuse", email_domains=["lacombe.fr"])
        conventions.attach_signed_copy(admin, convention, io.BytesIO(SIGNED_PDF))
        conventions.move(admin, convention, "active")
        employment = Authorisation(convention_id=convention.id, user_id=bob.id, status="approved",
                                   valid_from=convention.starts_on)
        db.session.add(employment)
        other = conventions.save_partner(admin, None, name="Autre employeur", siret="732829320", address="Rodez")
        conventions.add_referent(admin, other, w["refQ"].email)
        db.session.flush()
        w["convention"], w["partner"], w["authorisation"] = convention.id, partner.id, employment.id
        db.session.commit()
    manager = _signed_in(app, w["mA"])  # Bob pays at the desk: an order, an invoice
    paid = manager.post("/billing/sites/aurillac/manage/payments", data={
        "pay-email": BOB_EMAIL, "pay-product": "day_pass", "pay-quantity": 1, "pay-method": "cheque"})
    assert paid.status_code == 303
    w["token_bob"] = api_token(w["bob"])
    with app.app_context():
        w["order"] = db.session.scalar(select(Order.id).where(Order.member_id == w["bob"].id).order_by(Order.id))
        w["invoice"] = db.session.scalar(select(Invoice.reference).where(Invoice.member_id == w["bob"].id))
        subscription = Subscription(member_id=w["bob"].id, site_id=w["aurillac"], order_id=w["order"],
                                    product_code="membership_8", stripe_subscription_id="sub_bob")
        db.session.add(subscription)
        db.session.commit()
        w["subscription"] = subscription.id
        w["token_id"] = db.session.scalar(select(ApiToken.id).where(ApiToken.user_id == w["bob"].id))
        w["job"] = db.session.scalar(select(Job.id).order_by(Job.id.desc()))
    return w


def _signed_in(app, person):
    client = app.test_client()
    assert client.post("/login", data={"email": person.email, "password": person.password}).status_code == 303
    return client


def _path(rule, w, site="aurillac") -> str:
    values = {"booking_id": w["booking"], "order_id": w["order"], "reference": w["invoice"], "number": w["invoice"],
              "convention_id": w["convention"], "partner_id": w["partner"], "authorisation_id": w["authorisation"],
              "message_id": w["message"], "profile_id": w["profile"], "post_id": w["post"], "user_id": w["bob"].id,
              "event_id": w["event"], "site_slug": site, "subscription_id": w["subscription"], "entry_id": w["entry"],
              "job_id": w["job"], "closure_id": w["closure"], "photo_id": w["photo"], "resource_id": w["resource"],
              "organisation_id": w["organisation"], "skill_id": w["skill"], "token_id": w["token_id"],
              "token": GUESSED_TOKEN, "month": "2026-01", "kind": "job_offer", "name": "booking",
              "role": "recruiter", "filename": "style.css", "slug": "privacy"}
    return rule.build({name: values[name] for name in rule.arguments}, append_unknown=False)[1]


def _routes(app):
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint)):
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            if rule.endpoint == "auth.logout":
                continue  # would end the session the sweep goes on with
            yield rule, method


def _send(client, rule, method, path, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token and path.startswith("/api/") else {}
    if method == "GET":
        return client.get(path, headers=headers)
    if path.startswith("/api/"):
        return client.post(path, json={}, headers=headers)
    return client.post(path, data=FORM, headers=headers)


def _text(response) -> str:
    return response.get_data().decode("utf-8", "replace")


def _state(app, w) -> str:
    """What Bob holds (his data download) and what Aurillac's and the partners' staff keep: none
    of it may change when someone else tries every route."""
    from core.accounts.models import User
    from core.accounts.service import export_data
    from core.modules.models import ModuleState
    from core.sites.models import Closure, Site, SitePhoto
    from plugins.billing.models import Order, ReducedRate
    from plugins.boards.models import Grant, Post
    from plugins.booking.models import Booking, Resource, Rule
    from plugins.conventions.models import Authorisation, Convention, Partner, Referent
    from plugins.directory.models import Organisation, Suspension
    from plugins.events.models import Event

    def rows(model, *columns, where=()):
        return sorted(tuple(str(getattr(row, c)) for c in columns)
                      for row in db.session.scalars(select(model).where(*where)))

    with app.test_request_context():
        bob = json.loads(export_data(db.session.get(User, w["bob"].id)))
        bob["account"].pop("last_login_at")
        site = w["aurillac"]
        return json.dumps({
            "bob": bob, "site": rows(Site, "name", "description", "is_published", where=[Site.id == site]),
            "closures": rows(Closure, "starts_on", "ends_on", "reason", where=[Closure.site_id == site]),
            "photos": rows(SitePhoto, "filename", where=[SitePhoto.site_id == site]),
            "resources": rows(Resource, "name", "kind", "retired_at", where=[Resource.site_id == site]),
            "rules": rows(Rule, "kind", "max_per_week", where=[Rule.site_id == site]),
            "bookings": rows(Booking, "id", "status", "member_id", where=[Booking.site_id == site]),
            "orders": rows(Order, "id", "status", "method", "refunded_cents", where=[Order.site_id == site]),
            "reduced": rows(ReducedRate, "member_id", "category"),
            "events": rows(Event, "title", "status", "capacity", "starts_at", "site_id"),
            "organisations": rows(Organisation, "name", "website", "site_id"),
            "conventions": rows(Convention, "reference", "status", "partner_id"),
            "partners": rows(Partner, "name"), "referents": rows(Referent, "partner_id", "user_id"),
            "employees": rows(Authorisation, "convention_id", "user_id", "status", "cost_centre"),
            "posts": rows(Post, "id", "status", "ends_on"), "grants": rows(Grant, "user_id", "role"),
            "suspensions": rows(Suspension, "user_id"), "modules": rows(ModuleState, "module", "site_id", "enabled"),
        }, sort_keys=True)


@pytest.mark.parametrize("who", ["alice", "mF", "refQ"])
def test_nobody_else_reaches_a_members_things_or_another_sites(app, bob_world, api_token, who):
    """Another member, the manager of Figeac, the référent of another partner: every route built
    with Bob's ids and Aurillac's slug refuses them, pages and API alike; the manager of Figeac
    naming his own site with Aurillac's ids too. Nothing of Bob's or Aurillac's changes."""
    _nobody_else(app, bob_world, api_token, who)


@pytest.mark.parametrize("who", ["alice", "mF"])
def test_nobody_else_reaches_a_members_things_while_every_module_is_off(app, bob_world, api_token, who):
    """Every module switched off territory-wide: the views kept open for what members hold
    (`@reachable_when_off`: invoices, bookings, registrations) still refuse another member and
    another site's manager, and nothing of Bob's changes."""
    from core.modules import service

    with app.test_request_context():
        for name in app.extensions["tierslieux"].modules:
            service.set_enabled(name, False)
        db.session.commit()
    _nobody_else(app, bob_world, api_token, who)


def _nobody_else(app, w, api_token, who):
    before = _state(app, w)
    client, token = _signed_in(app, w[who]), api_token(w[who])
    wrong = []
    for rule, method in _routes(app):
        sites = ["aurillac"] + (["figeac"] if who == "mF" and "site_slug" in rule.arguments
                                and rule.arguments & OWNED else [])
        for site in sites:
            open_to_all = not rule.arguments or rule.endpoint in OTHERS_MAY
            if open_to_all and method != "GET":
                continue  # the caller's own action (booking, registering...): not Bob's
            path = _path(rule, w, site)
            response = _send(client, rule, method, path, token)
            if any(secret in _text(response) for secret in PRIVATE):
                wrong.append(f"{method} {path} shows Bob's private data")
            refused = {403, 404} | ({400, 422} if method == "POST" else set())
            if not open_to_all and response.status_code not in refused:
                wrong.append(f"{method} {path}: {response.status_code}")
    assert wrong == []
    assert _state(app, w) == before


def test_a_visitor_is_sent_to_sign_in_and_shown_nothing_private(app, bob_world):
    """Not signed in: every page but the public ones (`VISITORS_MAY`) sends to the sign-in page,
    the API answers 401; nothing private of Bob's shows anywhere, nothing of his changes."""
    w = bob_world
    before = _state(app, w)
    client, wrong = app.test_client(), []
    for rule, method in _routes(app):
        path = _path(rule, w)
        response = _send(client, rule, method, path)
        if any(secret in _text(response) for secret in PRIVATE):
            wrong.append(f"{method} {path} shows Bob's private data")
        if rule.endpoint in VISITORS_MAY:
            continue
        to_login = response.status_code in (302, 303) and "/login" in response.headers.get("Location", "")
        if not (to_login or (path.startswith("/api/") and response.status_code == 401)):
            wrong.append(f"{method} {path}: {response.status_code} {response.headers.get('Location', '')}")
    assert wrong == []
    assert _state(app, w) == before


@pytest.mark.job_failures(r"billing\.cancel_subscription.*STRIPE_SECRET_KEY")  # his membership, ended in Stripe
def test_an_erased_member_is_named_nowhere_any_more(app, bob_world, api_token):
    """After Bob erased his account, every page, export and API answer, read by the
    administrator, his site's manager, his employer's référent and the member he wrote to, with
    his old ids: none gives his name or his address. Only his invoices keep the client they were
    issued to, as the law requires (the invoice and the invoice exports)."""
    from core.accounts import service
    from core.accounts.models import User

    w = bob_world
    kept_by_law = {"billing.invoice", "billing_manage.site_csv", "billing_manage.territory_csv"}
    readers = {who: (_signed_in(app, w[who]), api_token(w[who])) for who in ("admin", "mA", "refP", "carol")}
    with app.test_request_context():
        service.erase_account(db.session.get(User, w["bob"].id), w["bob"].password)
        db.session.commit()
    named = []
    for who, (client, token) in readers.items():
        for rule, method in _routes(app):
            if method != "GET" or rule.endpoint in kept_by_law:
                continue
            path = _path(rule, w)
            text = _text(_send(client, rule, method, path, token))
            named += [f"{who}: {path}" for name in (BOB_NAME, BOB_EMAIL, "Comptable à Aurillac") if name in text]
    assert named == []


@pytest.mark.parametrize("who", ["bob", "admin"])
def test_no_get_changes_anything(app, bob_world, who):
    """Mail scanners and prefetching browsers follow links: a GET never acts. Its owner and the
    administrator open every page (and API answer) of Bob's things: not one INSERT, UPDATE or
    DELETE, but for the caches of `GET_WRITES`."""
    from devtools.races import watching_statements

    w = bob_world
    client, token = _signed_in(app, w[who]), w["token_bob"] if who == "bob" else None
    sent, wrote = [], []

    def note(_conn, _cursor, statement, *_args):
        if statement.lstrip()[:6].upper() in ("INSERT", "UPDATE", "DELETE"):
            sent.append(statement.split("(")[0].strip()[:60])

    with watching_statements(app, note):
        for rule, method in _routes(app):
            if method != "GET" or rule.endpoint in GET_WRITES:
                continue
            sent.clear()
            path = _path(rule, w)
            _send(client, rule, method, path, token)
            wrote += [f"{path}: {statement}" for statement in sorted(set(sent))]
    assert wrote == []
