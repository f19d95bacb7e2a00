"""The demo wiring: `serve-demo` starts the emulator and points the app at it; the
`stripe-emulator` command wraps the emulator's own command line."""
from __future__ import annotations

from plugins.billing.demo import DemoStripe, servers


def test_the_demo_starts_the_emulator_and_learns_where_to_send_webhooks(app, client):
    app.config.update(STRIPE_SECRET_KEY=None, STRIPE_API_BASE=None)
    (demo,) = servers(app)
    assert isinstance(demo, DemoStripe)
    demo.port = 0
    demo.start()
    try:
        assert app.config["STRIPE_API_BASE"] == demo.server.url
        assert app.config["STRIPE_WEBHOOK_SECRET"].startswith("whsec_")
        client.get("/")
        (endpoint,) = demo.server.webhook_endpoints
        assert endpoint["url"] == "http://tierslieux.test/billing/stripe/webhook"
        assert endpoint["secret"] == app.config["STRIPE_WEBHOOK_SECRET"]
    finally:
        demo.stop()


def test_real_keys_without_an_emulator_url_talk_to_stripe_itself(app):
    app.config.update(STRIPE_SECRET_KEY="sk_live_x", STRIPE_API_BASE=None)
    assert servers(app) is None


def test_the_stripe_emulator_command_shows_the_emulators_options(runner):
    result = runner.invoke(args=["stripe-emulator", "--help"])
    assert result.exit_code == 0 and "--webhook" in result.output
