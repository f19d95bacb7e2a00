"""The JSON API: bearer tokens, JSON errors, an OpenAPI document that covers every route, fuzzed."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings

from core.accounts.models import User
from core.api.tokens import create_token
from core.extensions import db


@pytest.fixture
def token(app, make_user):
    member = make_user()
    with app.app_context():
        secret = create_token(db.session.get(User, member.id), "tests")
        db.session.commit()
    return {"Authorization": f"Bearer {secret}"}


def test_sites_list_gives_what_a_map_needs(client, make_site):
    make_site("figeac", name="Télécentre de Figeac", commune="Figeac")
    [site] = client.get("/api/v1/sites").get_json()
    assert site["slug"] == "figeac" and site["commune"] == "Figeac" and site["departement"] == "46"
    assert {"name", "latitude", "longitude", "timezone"} <= set(site)


def test_me_needs_a_token_and_says_so_in_json(client, token):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert response.get_json()["error"]["code"] == "unauthorized"
    assert client.get("/api/v1/me", headers={"Authorization": "Basic abc"}).status_code == 401
    assert client.get("/api/v1/me", headers={"Authorization": "Bearer tl_forged"}).status_code == 401
    assert client.get("/api/v1/me", headers=token).get_json()["role"] == "member"


def test_errors_are_json_in_the_users_language(client):
    response = client.get("/api/v1/nothing-here", headers={"Accept-Language": "fr"})
    assert response.status_code == 404
    assert response.get_json() == {"error": {"code": "not_found", "message":
                                             "Cette page n'existe pas, ou ce service n'est pas proposé ici."}}
    response = client.post("/api/v1/sites", headers={"Accept-Language": "en"})
    assert response.status_code == 405
    assert response.get_json()["error"]["code"] == "method_not_allowed"


def test_a_token_holder_is_answered_in_the_language_of_their_account(app, client, make_user, make_site):
    """The API takes no cookie session, so the language chosen on the account was never seen:
    a script without Accept-Language got French whatever its holder had chosen."""
    make_site("figeac")
    with app.app_context():
        secret = create_token(db.session.get(User, make_user(locale="en").id), "tests")
        db.session.commit()
    headers = {"Authorization": f"Bearer {secret}"}  # a script: no Accept-Language
    refused = client.post("/api/v1/bookings", json={"resource": 999, "start": "2030-01-07T09:00",
                                                    "end": "2030-01-07T12:00"}, headers=headers)
    assert (refused.status_code, refused.get_json()["error"]["message"]) == (404, "There is no such resource.")
    events = client.get("/api/v1/events?to=2030-13-01", headers=headers)  # a token the endpoint may do without
    assert events.status_code == 400 and "is not a date" in events.get_json()["error"]["message"]
    french = client.post("/api/v1/bookings", json={"resource": 999, "start": "2030-01-07T09:00",
                                                   "end": "2030-01-07T12:00"})  # no token: the territory's
    assert french.get_json()["error"]["message"] == "Un jeton d'API valide est requis."


def test_openapi_document_is_valid_and_covers_every_api_route(app, client):
    from openapi_spec_validator import validate

    document = client.get("/api/v1/openapi.json").get_json()
    validate(document)
    documented = {(path, method.upper()) for path, ops in document["paths"].items() for method in ops}
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/") or rule.endpoint.endswith("openapi_document"):
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule.removeprefix("/api/v1"))
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert (path, method) in documented, f"{method} {path} is not in the OpenAPI document"


@pytest.mark.one_database  # a fuzz of half a minute: on PostgreSQL, the stricter with bad input, when the suite has it
def test_api_never_answers_500_and_matches_its_document(app, token, make_site):
    """Schemathesis draws requests from the OpenAPI document; every answer must conform."""
    import schemathesis
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

    make_site("figeac")
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 3
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate(headers=token, checks=[not_a_server_error, status_code_conformance,
                                                          response_schema_conformance])

        check()


def test_every_blueprint_under_api_is_exempt_from_csrf_and_no_other(app):
    """A plugin's API blueprint needs no `csrf.exempt`: the core exempts it when registering."""
    exempt = {bp.name for bp in app.extensions["csrf"]._exempt_blueprints}
    api_blueprints = {name for name, bp in app.blueprints.items() if (bp.url_prefix or "").startswith("/api/")}
    assert {"api", "booking_api", "billing_api"} <= api_blueprints
    assert api_blueprints <= exempt
    pages = {name for name, bp in app.blueprints.items() if not (bp.url_prefix or "").startswith("/api/")}
    assert not pages & exempt


def test_api_posts_work_with_csrf_on(client, token):
    """The test client turns CSRF on for /api/ requests (see conftest); this says it does."""
    assert client.application.config["WTF_CSRF_ENABLED"] is False  # pages' tests post without tokens
    response = client.post("/api/v1/bookings", json={"resource": 999999, "start": "2030-01-07T09:00",
                                                     "end": "2030-01-07T12:00"}, headers=token)
    assert response.status_code == 404 and response.json["error"]["code"] == "not_found"
