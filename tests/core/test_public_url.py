"""Links in e-mails come from the configured public address, never from the request; requests
for other hosts are refused; production refuses to start without its shared settings."""
from __future__ import annotations

import re

import pytest

from core.config import ConfigError
from tests.conftest import CONFIG, make_app

PUBLIC = "https://tierslieux.example.fr"


@pytest.fixture
def public_app(database_url, smtp_server, tmp_path):
    """An instance whose public address differs from the host the test client talks to."""
    from core.extensions import db

    app = make_app(database_url, smtp_server, tmp_path, PUBLIC_URL=PUBLIC, EXTRA_TRUSTED_HOSTS=["alias.example"])
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _member(app, email="victim@example.org"):
    from core.accounts.service import create_user
    from core.extensions import db

    with app.app_context():
        create_user(email, "a long enough password", "Victim", confirmed=True)
        db.session.commit()
    return email


def test_a_reset_link_never_points_at_the_host_the_request_named(public_app, mailbox):
    """The attack: `POST /password/forgot` with `Host: evil.example` mailed a working reset link
    to the attacker's domain."""
    victim = _member(public_app)
    client = public_app.test_client()
    refused = client.post("/password/forgot", data={"email": victim}, headers={"Host": "evil.example"})
    assert refused.status_code == 400
    forwarded = client.post("/password/forgot", data={"email": victim},
                            headers={"X-Forwarded-Host": "evil.example", "Host": "alias.example"})
    assert forwarded.status_code in (303, 400)
    client.post("/password/forgot", data={"email": victim}, headers={"Host": "alias.example"})
    messages = mailbox.wait_for(1)
    links = [re.search(r"https?://\S+", m.get_body(preferencelist=("plain",)).get_content()).group(0)
             for m in messages]
    assert links and all(link.startswith(f"{PUBLIC}/password/reset/") for link in links)
    assert "evil.example" not in "".join(m.as_string() for m in messages)


def test_behind_a_proxy_a_forged_forwarded_host_is_refused(public_app, mailbox):
    from werkzeug.middleware.proxy_fix import ProxyFix

    victim = _member(public_app)
    public_app.wsgi_app = ProxyFix(public_app.wsgi_app, x_for=1, x_proto=1, x_host=1)
    response = public_app.test_client().post("/password/forgot", data={"email": victim},
                                             headers={"X-Forwarded-Host": "evil.example"})
    assert response.status_code == 400
    assert mailbox.messages == []


def test_sign_up_and_booking_mails_link_to_the_public_address(public_app, mailbox):
    client = public_app.test_client()
    client.post("/signup", data={"display_name": "New", "email": "new@example.org",
                                 "password": "a long enough password", "confirm": "a long enough password",
                                 "accept_terms": "y", "accept_privacy": "y"},
                headers={"Host": "alias.example"})
    [message] = mailbox.wait_for(1)
    assert f"{PUBLIC}/confirm/" in message.get_body(preferencelist=("plain",)).get_content()


def test_external_urls_are_built_without_a_request(app, public_app):
    from core.urls import external_url

    with app.app_context():
        assert external_url("auth.login") == "http://tierslieux.test/login"
    with public_app.app_context():
        assert external_url("auth.reset_password", token="abc") == f"{PUBLIC}/password/reset/abc"


def test_the_demo_defaults_to_its_local_address(database_url, smtp_server, tmp_path):
    from core.urls import external_url

    app = make_app(database_url, smtp_server, tmp_path, SERVER_NAME=None)
    assert app.config["PUBLIC_URL"] == "http://127.0.0.1:5000"
    assert set(app.config["TRUSTED_HOSTS"]) == {"127.0.0.1", "localhost"}
    with app.app_context():
        assert external_url("auth.login") == "http://127.0.0.1:5000/login"
    client = app.test_client()
    assert client.get("/login", base_url="http://localhost:5000").status_code == 200
    assert client.get("/login", base_url="http://evil.example").status_code == 400
    with app.app_context():
        from core.extensions import db

        db.engine.dispose()


@pytest.fixture
def production(monkeypatch, tmp_path):
    monkeypatch.setenv("TIERSLIEUX_ENV", "production")
    monkeypatch.setenv("TIERSLIEUX_INSTANCE", str(tmp_path))
    monkeypatch.setenv("TIERSLIEUX_SECRET_KEY", "a-production-secret")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'prod.db'}")
    for name in ("TIERSLIEUX_PUBLIC_URL", "REDIS_URL", "RATELIMIT_STORAGE_URI", "TIERSLIEUX_TRUSTED_HOSTS"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_production_refuses_to_start_without_a_public_url(production):
    from core import create_app

    production.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    with pytest.raises(ConfigError, match="TIERSLIEUX_PUBLIC_URL must be set"):
        create_app(CONFIG)
    production.setenv("TIERSLIEUX_PUBLIC_URL", "http://tierslieux.example.fr")
    with pytest.raises(ConfigError, match="https://"):
        create_app(CONFIG)


def test_production_refuses_to_start_with_a_limiter_store_in_memory(production):
    """With memory://, each worker counted alone: 19 of 25 sign-in attempts went through with
    4 workers and a limit of 5 a minute."""
    from core import create_app

    production.setenv("TIERSLIEUX_PUBLIC_URL", PUBLIC)
    with pytest.raises(ConfigError, match="REDIS_URL"):
        create_app(CONFIG)
    production.setenv("RATELIMIT_STORAGE_URI", "memory://")
    with pytest.raises(ConfigError, match="shared by every worker"):
        create_app(CONFIG)


def test_production_starts_with_its_settings_and_trusts_only_its_hosts(production):
    from core import create_app

    production.setenv("TIERSLIEUX_PUBLIC_URL", PUBLIC + "/")
    production.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")  # connected on first use only
    production.setenv("TIERSLIEUX_TRUSTED_HOSTS", "www.tierslieux.example.fr, .internal.example")
    app = create_app(CONFIG)
    assert app.config["PUBLIC_URL"] == PUBLIC
    assert app.config["TRUSTED_HOSTS"] == ["tierslieux.example.fr", "www.tierslieux.example.fr", ".internal.example"]
