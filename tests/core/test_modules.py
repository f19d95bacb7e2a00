"""Module toggles: data, not registration; per site; dependencies both ways; audited; 404 when off."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from core.audit import AuditEntry
from core.extensions import db
from core.modules import service
from core.plugins import hooks
from core.sites.service import site_by_slug
from tests.core.toy_plugins import Alpha, plugins


EXTRA_PLUGINS = plugins()


@pytest.fixture
def sites(make_site):
    return make_site("figeac"), make_site("aurillac", departement="15")


def _enabled(app, name, slug=None):
    with app.test_request_context():
        return service.is_enabled(name, site_by_slug(slug) if slug else None)


def _set(app, name, on, slug=None):
    with app.test_request_context():
        changed = service.set_enabled(name, on, site=site_by_slug(slug) if slug else None)
        db.session.commit()
        return changed


def test_modules_not_in_the_configuration_start_off(app, sites):
    assert not _enabled(app, "alpha") and not _enabled(app, "alpha", "figeac")


def test_switching_on_follows_requirements_and_off_follows_dependents(app, sites):
    assert _set(app, "beta", True) == ["alpha", "beta"]
    assert _enabled(app, "alpha") and _enabled(app, "beta")
    assert _set(app, "alpha", False) == ["alpha", "beta"]
    assert not _enabled(app, "beta")


def test_a_site_switches_a_site_module_off_for_itself_only(app, sites):
    _set(app, "alpha", True)
    _set(app, "alpha", False, "figeac")
    assert not _enabled(app, "alpha", "figeac")
    assert _enabled(app, "alpha", "aurillac")
    assert _enabled(app, "alpha")


def test_a_site_cannot_switch_on_what_the_territory_switched_off(app, sites):
    with pytest.raises(service.ModuleError, match="désactivé pour tout le territoire"):
        _set(app, "alpha", True, "figeac")


def test_a_territory_module_cannot_be_switched_at_a_site(app, sites):
    _set(app, "beta", True)
    with pytest.raises(service.ModuleError, match="que pour tout le territoire"):
        _set(app, "beta", False, "figeac")


def test_unknown_module_is_refused(app, sites):
    with pytest.raises(service.ModuleError):
        _set(app, "gamma", True)


def test_switched_off_module_pages_answer_404_and_come_back(app, client, sites):
    assert client.get("/alpha").status_code == 404
    _set(app, "alpha", True)
    assert client.get("/alpha").status_code == 200
    _set(app, "alpha", False, "figeac")
    assert client.get("/alpha/figeac").status_code == 404
    assert client.get("/alpha/aurillac").status_code == 200
    assert client.get("/alpha/nowhere").status_code == 404
    _set(app, "alpha", True, "figeac")
    assert client.get("/alpha/figeac").get_data(as_text=True) == "alpha at figeac"


def test_menu_entries_vanish_with_their_module(app, client, sites):
    _set(app, "beta", True)
    page = client.get("/").get_data(as_text=True)
    assert 'href="/alpha"' in page and 'href="/beta"' in page
    _set(app, "beta", False)
    page = client.get("/").get_data(as_text=True)
    assert 'href="/alpha"' in page and 'href="/beta"' not in page


def test_hooks_at_a_site_skip_plugins_switched_off_there(app, client, sites):
    _set(app, "alpha", True)
    _set(app, "alpha", False, "figeac")
    Alpha.calls.clear()
    client.get("/sites/figeac")
    client.get("/sites/aurillac")
    assert Alpha.calls == ["aurillac"]
    with app.test_request_context():
        def alpha_impls(slug):  # other offered plugins (booking) answer this hook too
            return [i for i in hooks(site_by_slug(slug)).site_page_sections.get_hookimpls()
                    if i.plugin_name == "alpha"]

        assert alpha_impls("figeac") == []
        assert len(alpha_impls("aurillac")) == 1


def test_every_toggle_is_audited(app, sites, auth, client, make_user):
    admin = make_user("territory-admin")
    auth.login(admin)
    response = client.post("/admin/modules/beta", data={"enabled": "on"})
    assert response.status_code == 303
    with app.app_context():
        entries = db.session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        toggles = [(e.action, e.details["module"], e.details["site"], e.actor_id) for e in entries
                   if e.action.startswith("module.")]
    assert toggles == [("module.enabled", "alpha", "territory", admin.id),
                       ("module.enabled", "beta", "territory", admin.id)]


def test_site_manager_switches_only_their_own_site(app, sites, auth, client, make_user):
    _set(app, "alpha", True)
    manager = make_user("site-manager", sites=["figeac"])
    auth.login(manager)
    assert client.post("/admin/modules/alpha/sites/figeac", data={"enabled": "off", "confirm": "yes"}).status_code == 303
    assert not _enabled(app, "alpha", "figeac")
    assert client.post("/admin/modules/alpha/sites/aurillac", data={"enabled": "off", "confirm": "yes"}).status_code == 403
    assert client.post("/admin/modules/alpha", data={"enabled": "off", "confirm": "yes"}).status_code == 403
    assert client.get("/admin/modules/alpha/sites/aurillac/off").status_code == 403
    assert client.get("/admin/modules/alpha/off").status_code == 403
    assert _enabled(app, "alpha", "aurillac") and _enabled(app, "alpha")
    page = client.get("/admin/modules").get_data(as_text=True)
    assert '<th scope="col">Figeac</th>' in page and '<th scope="col">Aurillac</th>' not in page


def test_switching_off_asks_first_naming_the_dependents_and_changes_nothing_until_confirmed(
        app, sites, auth, client, make_user):
    _set(app, "beta", True)
    auth.login(make_user("territory-admin"))
    listing = client.get("/admin/modules").get_data(as_text=True)
    assert 'href="/admin/modules/alpha/off"' in listing  # a link to the question, not a button that acts
    page = client.get("/admin/modules/alpha/off")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Désactiver Alpha pour tout le territoire ?" in html
    dependents = html.split('class="panel module-off-dependents"')[1].split("</div>")[0]
    assert "<li>Beta</li>" in dependents
    # Neither the question nor a POST without the page's confirmation switches anything.
    answer = client.post("/admin/modules/alpha", data={"enabled": "off"})
    assert answer.status_code == 303 and answer.headers["Location"].endswith("/admin/modules/alpha/off")
    assert _enabled(app, "alpha") and _enabled(app, "beta")
    answer = client.post("/admin/modules/alpha", data={"enabled": "off", "confirm": "yes"}, follow_redirects=True)
    assert "Enregistré : Alpha, Beta." in answer.get_data(as_text=True)
    assert not _enabled(app, "alpha") and not _enabled(app, "beta")
    # Already off: nothing to ask.
    assert client.get("/admin/modules/alpha/off").status_code == 303


def test_a_site_switch_off_asks_only_of_that_sites_manager(app, sites, auth, client, make_user):
    _set(app, "alpha", True)
    auth.login(make_user("site-manager", sites=["figeac"]))
    html = client.get("/admin/modules/alpha/sites/figeac/off").get_data(as_text=True)
    assert "Désactiver Alpha pour Figeac ?" in html and "Aucun autre module." in html
    assert _enabled(app, "alpha", "figeac")
    assert client.get("/admin/modules/nothing/sites/figeac/off").status_code == 303  # unknown: told on the list


def test_members_cannot_toggle_anything(app, sites, auth, client, make_user):
    auth.login(make_user("member"))
    assert client.get("/admin/modules").status_code == 403
    assert client.post("/admin/modules/alpha", data={"enabled": "on"}).status_code == 403
    assert not _enabled(app, "alpha")


def test_bad_toggle_value_is_refused_with_its_reason(app, sites, auth, client, make_user):
    auth.login(make_user("territory-admin"))
    before = _enabled(app, "alpha")
    response = client.post("/admin/modules/alpha", data={"enabled": "maybe"})
    assert response.status_code == 422 and "Valeur non valide" in response.get_data(as_text=True)  # AnyOf, in French
    assert _enabled(app, "alpha") == before


def test_command_line_lists_and_switches_modules(app, sites, runner):
    result = runner.invoke(args=["modules", "enable", "beta"])
    assert result.exit_code == 0 and "alpha, beta" in result.output
    result = runner.invoke(args=["modules", "disable", "alpha", "--site", "figeac"])
    assert result.exit_code == 0, result.output
    listing = runner.invoke(args=["modules", "list"]).output
    assert "alpha          on" in listing and "figeac                   off" in listing
    assert "aurillac                 on" in listing
    result = runner.invoke(args=["modules", "enable", "alpha", "--site", "nowhere"])
    assert result.exit_code != 0 and "no site with slug" in result.output


def test_api_reports_effective_state_per_site(app, sites, client):
    _set(app, "alpha", True)
    _set(app, "alpha", False, "aurillac")
    modules = {m["name"]: m for m in client.get("/api/v1/modules").get_json()}
    assert modules["alpha"]["enabled"] is True
    assert modules["alpha"]["sites"] == {"aurillac": False, "figeac": True}
    assert modules["beta"]["requires"] == ["alpha"]


def test_switching_a_site_on_when_it_already_follows_the_territory_changes_nothing(app, sites):
    from core.modules.models import ModuleState

    _set(app, "alpha", True)
    with app.app_context():
        before = db.session.scalar(select(db.func.count()).select_from(AuditEntry))
    assert _set(app, "alpha", True, "figeac") == []
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(AuditEntry)) == before
        assert db.session.scalars(select(ModuleState).where(ModuleState.site_id.is_not(None))).all() == []


def test_switching_on_again_restores_what_the_cascade_switched_off(app, sites):
    _set(app, "beta", True)
    assert _set(app, "alpha", False) == ["alpha", "beta"]
    assert _set(app, "alpha", True) == ["alpha", "beta"]  # beta was off only because alpha was
    assert _enabled(app, "beta")


def test_switching_on_again_leaves_off_what_was_switched_off_by_hand(app, sites):
    _set(app, "beta", True)
    _set(app, "beta", False)
    _set(app, "alpha", False)
    assert _set(app, "alpha", True) == ["alpha"]
    assert not _enabled(app, "beta")


def test_menus_hide_links_that_a_switched_off_module_would_answer_404(app, client, auth, sites, make_user):
    from core.modules.guard import reachable

    _set(app, "alpha", True)
    with app.test_request_context():
        assert reachable("alpha.alpha_site", {"site_slug": "figeac"})
    _set(app, "alpha", False, "figeac")
    with app.test_request_context():
        assert not reachable("alpha.alpha_site", {"site_slug": "figeac"})
        assert reachable("alpha.alpha_site", {"site_slug": "aurillac"})
        assert not reachable("alpha.alpha_site", {"site_slug": "nowhere"})
        assert reachable("alpha.alpha_index") and reachable("home.index")
    assert client.get("/alpha/figeac").status_code == 404
