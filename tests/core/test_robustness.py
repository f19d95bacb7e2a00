"""Findings of review and fuzzing, each kept as a test: odd input is a clear 4xx, never a 500."""
from __future__ import annotations

from sqlalchemy import select

from core.extensions import db
from core.mail import MailMessage, queue_mail


def test_nul_bytes_are_refused_everywhere(client, make_user):
    assert client.post("/login", data={"email": "a\x00@example.org", "password": "x"}).status_code == 400
    assert client.get("/sites", query_string={"q": "a\x00b"}).status_code == 400
    response = client.post("/api/v1/sites", data='{"name": "a\\u0000b"}', content_type="application/json")
    assert response.status_code == 400


def test_time_zone_must_be_a_real_zone_not_a_folder(client, auth, make_user, make_site):
    make_site("figeac")
    auth.login(make_user("territory-admin"))
    for zone in ("America", "x" * 300, "../../etc"):
        response = client.post("/sites/figeac/edit", data={
            "name": "F", "kind": "telecentre", "address": "a", "postcode": "46100", "commune": "Figeac",
            "departement": "46", "latitude": "44", "longitude": "2", "timezone": zone})
        assert response.status_code == 400
        assert "Fuseau horaire inconnu." in response.get_data(as_text=True)


def test_a_site_on_the_greenwich_meridian_or_the_equator_can_be_saved(app, client, auth, make_user, make_site):
    """0 is a coordinate, not an empty field (DataRequired took it for one)."""
    from core.sites.service import site_by_slug

    make_site("figeac")
    auth.login(make_user("territory-admin"))
    response = client.post("/sites/figeac/edit", data={
        "name": "F", "kind": "telecentre", "address": "a", "postcode": "46100", "commune": "Figeac",
        "departement": "46", "latitude": "0", "longitude": "0.0", "timezone": "Europe/Paris"})
    assert response.status_code == 303, response.get_data(as_text=True)
    with app.app_context():
        site = site_by_slug("figeac")
        assert (site.latitude, site.longitude) == (0, 0)


def test_a_departement_code_must_be_a_real_one(client, auth, make_user, make_site):
    make_site("figeac")
    auth.login(make_user("territory-admin"))
    data = {"name": "F", "kind": "telecentre", "address": "a", "postcode": "46100", "commune": "Figeac",
            "latitude": "44.6", "longitude": "2.0", "timezone": "Europe/Paris"}
    communes = {"2A": "Ajaccio", "974": "Saint-Denis"}  # the commune must be one of the département's
    for code, status in (("99", 400), ("00", 400), ("2a", 400), ("2A", 303), ("974", 303), ("46", 303)):
        response = client.post("/sites/figeac/edit", data={**data, "departement": code,
                                                           "commune": communes.get(code, "Figeac")})
        assert response.status_code == status, code


def test_a_json_body_nested_past_the_parser_is_a_400(client, make_user, api_token):
    token = api_token(make_user())
    for body in ("[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000):
        response = client.post("/api/v1/bookings", data=body, content_type="application/json",
                               headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 400 and response.get_json()["error"]["code"] == "bad_request"


def test_an_id_that_is_not_a_whole_number_finds_nothing():
    from core.db import as_id

    assert [as_id(v) for v in (1.5, 1.0, True, "1.5", "7", 7)] == [None, None, None, None, 7, 7]
    # What int() reads but nobody types for an id: a sign, an underscore, other scripts' digits,
    # a superscript (int() refuses "²" though str.isdigit() accepts it); spaces around are dropped.
    assert [as_id(v) for v in ("+5", "1_0", "\u0661\u0662", "\u00b2", " 12 ", "9" * 30)] == \
        [None, None, None, None, 12, None]


def test_error_pages_without_a_sentence_of_their_own_are_still_french(client):
    response = client.get("/static/css/site.css", headers={"Range": "bytes=99999999-", "Accept-Language": "fr"})
    assert response.status_code == 416
    page = response.get_data(as_text=True)
    assert "Cette partie du fichier n’existe pas." in page or "Cette partie du fichier n'existe pas." in page
    assert "The server cannot provide" not in page


def test_audit_log_page_number_is_bounded(client, auth, make_user):
    auth.login(make_user("territory-admin"))
    assert client.get("/admin/audit", query_string={"page": 10**18}).status_code == 200


def test_seed_demo_refuses_to_run_in_production(runner, app):
    app.config["PRODUCTION"] = True
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code != 0 and "production" in result.output


def test_mail_queued_before_a_savepoint_is_sent_once_after_the_real_commit(app, mailbox, make_site):
    from core.sites.models import Site

    with app.test_request_context(method="POST"):
        queue_mail("someone@example.org", "reset_password", user=type("U", (), {"display_name": "A"}), link="x")
        with db.session.begin_nested():  # released: the real commit is still to come
            db.session.add(Site(slug="a", name="A", address="a", postcode="1", commune="A", departement="12",
                                latitude=1.0, longitude=1.0))
        try:
            with db.session.begin_nested():  # rolled back: must not forget the earlier message
                db.session.add(Site(slug="a", name="dup", address="a", postcode="1", commune="A",
                                    departement="12", latitude=1.0, longitude=1.0))
                db.session.flush()
        except Exception:
            pass
        assert mailbox.messages == []
        db.session.commit()
    [message] = mailbox.wait_for(1)
    assert message["To"] == "someone@example.org"
    with app.app_context():
        assert db.session.scalars(select(MailMessage.status)).all() == ["sent"]


def test_csv_cells_that_a_spreadsheet_would_run_are_quoted():
    from core.csvexport import csv_text, safe_cell

    for formula in ("=1+1", "+33 6 12", "-cmd", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x")'):
        assert safe_cell(formula) == "'" + formula
    assert [safe_cell(v) for v in ("-12.50", -3, 4.5, None, "Camille", "+1")] == ["-12.50", "-3", "4.5", "", "Camille", "+1"]
    assert csv_text(["a"], [["=2"]]) == "a\r\n'=2\r\n"


def test_french_csv_uses_semicolons_and_decimal_commas_english_commas_and_points():
    from decimal import Decimal

    from core.csvexport import csv_text

    rows = [["Figeac", Decimal("-12.50"), 3, "12.50 as text"]]
    assert csv_text(["site", "total", "n", "note"], rows, french_style=True) == \
        "site;total;n;note\r\nFigeac;-12,50;3;12.50 as text\r\n"
    assert csv_text(["site", "total", "n", "note"], rows, french_style=False) == \
        "site,total,n,note\r\nFigeac,-12.50,3,12.50 as text\r\n"


def test_date_and_number_filters_speak_the_readers_language(app):
    from datetime import date, datetime, timezone

    from flask_babel import force_locale

    from core import ui

    day = date(2026, 12, 3)
    instant = datetime(2026, 12, 3, 8, 0, tzinfo=timezone.utc)  # 09:00 in Paris (winter)
    with app.test_request_context("/"):
        with force_locale("fr"):
            assert ui.long_date(day) == "jeudi 3 décembre 2026"
            assert ui.short_day(day) == "jeu. 3 déc."
            assert ui.moment(instant, "Europe/Paris") == "jeudi 3 décembre 2026, 09:00"
            assert ui.percent(0.2) == "20\xa0%"
            assert ui.number(1234.5, 1) == "1\u202f234,5"
        with force_locale("en"):
            assert ui.long_date(day) == "Thursday, December 3, 2026"
            assert ui.percent(0.2) == "20%"
