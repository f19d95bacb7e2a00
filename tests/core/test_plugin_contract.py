"""The plugin contract: hooks documented, the example plugin works, every module's pages 404 when off."""
from __future__ import annotations

import re
from pathlib import Path

from werkzeug.routing import IntegerConverter

from core.extensions import db
from core.modules import service
from core.sites.service import site_by_slug
from examples.hello_plugin import plugin as noticeboard

ROOT = Path(__file__).resolve().parents[2]


EXTRA_PLUGINS = (noticeboard,)


def test_every_hook_is_documented_in_the_plugin_guide(app):
    guide = (ROOT / "docs" / "plugins.md").read_text()
    pm = app.extensions["tierslieux"].pm
    hooks = [name for name in dir(pm.hook) if not name.startswith("_")
             and getattr(pm.hook, name).spec is not None]
    assert "blueprints" in hooks and len(hooks) >= 17
    undocumented = [name for name in hooks if not re.search(rf"`{name}\(", guide)]
    assert not undocumented, f"hooks missing from docs/plugins.md: {undocumented}"


def test_every_hook_spec_says_what_it_is_for_with_types(app):
    pm = app.extensions["tierslieux"].pm
    for name in dir(pm.hook):
        caller = getattr(pm.hook, name)
        if not name.startswith("_") and caller.spec is not None:
            function = caller.spec.function
            assert (function.__doc__ or "").strip(), f"hook {name} has no docstring"
            hints = function.__annotations__
            assert "return" in hints, f"hook {name} has no return type"
            untyped = [arg for arg in caller.spec.argnames if arg not in hints]
            assert not untyped, f"hook {name}: no type for {untyped}"


def test_the_example_plugin_from_the_guide_works(app, client, make_site):
    make_site("figeac")
    make_site("aurillac", departement="15")
    assert client.get("/noticeboard").status_code == 404
    with app.test_request_context():
        service.set_enabled("noticeboard", True)
        db.session.commit()
    home = client.get("/").get_data(as_text=True)
    assert 'href="/noticeboard"' in home
    assert "The coffee machine is fixed." in client.get("/sites/figeac").get_data(as_text=True)
    with app.test_request_context():
        service.set_enabled("noticeboard", False, site=site_by_slug("figeac"))
        db.session.commit()
    assert client.get("/noticeboard/figeac").status_code == 404
    assert client.get("/noticeboard/aurillac").status_code == 200
    assert "The coffee machine is fixed." not in client.get("/sites/figeac").get_data(as_text=True)


def _sample_url(rule, slug: str) -> str:
    values = {}
    for arg in rule.arguments:
        numeric = isinstance(rule._converters[arg], IntegerConverter)
        values[arg] = slug if arg == "site_slug" else 1 if numeric else "x"
    return rule.build(values, append_unknown=False)[1]


# What members keep of a switched-off module: their invoices (legal documents) and stopping
# their membership (Stripe still renews it, or retries its refused renewal), their bookings
# (read, cancelled; their calendar feed), their event registrations (read, cancelled, forgotten).
KEPT_OPEN = {"billing.account", "billing.invoice", "billing.invoice_download", "billing.cancel_subscription",
             "billing.stop_subscription_now",
             "booking.mine", "booking.show", "booking.cancel", "booking.ics", "booking.feed",
             "booking_api.my_bookings", "booking_api.cancel_booking",
             "events.registration", "events.ics", "events.cancel_registration", "events.forget_registration"}


def test_every_module_route_answers_404_while_the_module_is_off(app, client, make_site):
    slug = make_site("figeac")
    registry = app.extensions["tierslieux"]
    bound = registry.blueprint_modules
    assert bound["noticeboard"] == "noticeboard"
    with app.test_request_context():
        for name in registry.modules:
            service.set_enabled(name, False)
            db.session.commit()
    checked = 0
    for rule in app.url_map.iter_rules():
        blueprint = rule.endpoint.rpartition(".")[0]
        if blueprint not in bound:
            continue
        if getattr(app.view_functions[rule.endpoint], "reachable_when_off", False):
            assert rule.endpoint in KEPT_OPEN  # only what members hold stays open
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(_sample_url(rule, slug), method=method)
            assert response.status_code == 404, (rule.rule, method, response.status_code)
            checked += 1
    assert checked >= 2


def test_plugin_template_names_are_prefixed_with_the_plugin_name(app):
    """Plugins' filters and context names reach every template (the core's pages render their
    widgets), so each starts with its plugin's name: booking's `kind_labels` once hid the
    core's own on the site page."""
    registry = app.extensions["tierslieux"]
    owners = {w.package: name for name, w in registry.wiring.items() if w.package}

    def owner(function):
        module = getattr(function, "__module__", "") or ""
        return next((name for package, name in owners.items()
                     if module == package or module.startswith(package + ".")), None)

    checked = []
    for filter_name, function in app.jinja_env.filters.items():
        if (name := owner(function)) is not None:
            assert filter_name.startswith(name + "_"), f"filter '{filter_name}' of {name}"
            checked.append(filter_name)
    with app.test_request_context():
        for processors in app.template_context_processors.values():
            for processor in processors:
                if (name := owner(processor)) is not None:
                    for key in processor():
                        assert key.startswith(name + "_"), f"template name '{key}' of {name}"
                        checked.append(key)
    assert "booking_local" in checked and "booking_kind_labels" in checked
