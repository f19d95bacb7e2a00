"""Switching modules on and off: the rules, with no Flask request in sight.

A module is on at a place when the territory offers it, it is on territory-wide, (for a
site-scoped module) the site has not switched it off, and every module it requires is on there
too. Switching follows dependencies both ways: switching billing on switches booking on;
switching booking off switches billing off, and switching booking on again switches back on
what that cascade switched off (the audit log says which: `cascade_from`), not what someone
switched off by hand. Nothing is ever deleted.
"""
from __future__ import annotations

from flask import g
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from core import audit
from core.cache import cached, forget_versions
from core.errors import DomainError
from core.extensions import db
from core.modules.models import ModuleState
from core.plugins import hooks, registry


class ModuleError(DomainError):
    """A toggle that cannot be done; the message is for the user."""


def _read_states() -> dict:
    rows = db.session.execute(select(ModuleState.module, ModuleState.site_id, ModuleState.enabled))
    return {(module, site_id): enabled for module, site_id, enabled in rows}


def _states() -> dict:
    """All stored states: kept by each process while the "modules" version holds (core.cache),
    looked up once per request."""
    if "_module_states" not in g:
        g._module_states = cached("modules", "states", _read_states)
    return g._module_states


def forget_cached_states() -> None:
    g.pop("_module_states", None)
    g.pop("_hook_views", None)
    forget_versions()


def _territory_on(name: str, states: dict) -> bool:
    return states.get((name, None), name in registry().default_enabled)


def is_enabled(name: str, site=None, _seen=None) -> bool:
    modules = registry().modules
    module = modules.get(name)
    if module is None:
        return False
    states = _states()
    if not _territory_on(name, states):
        return False
    if site is not None and module.scope == "site" and states.get((name, site.id)) is False:
        return False
    seen = (_seen or set()) | {name}
    return all(is_enabled(req, site, seen) for req in module.requires if req not in seen)


def disabled_modules(site=None) -> set[str]:
    return {name for name in registry().modules if not is_enabled(name, site)}


def _requirements(name: str) -> list[str]:
    """`name` and everything it requires, requirements first."""
    modules, order = registry().modules, []

    def visit(n):
        for req in modules[n].requires:
            visit(req)
        if n not in order:
            order.append(n)

    visit(name)
    return order


def _dependents(name: str) -> list[str]:
    """`name` and every module that requires it, directly or not."""
    modules, found = registry().modules, [name]
    for candidate in found:
        for other, module in modules.items():
            if candidate in module.requires and other not in found:
                found.append(other)
    return found


def _store(name: str, site, enabled: bool, actor, **why) -> None:
    site_id = getattr(site, "id", None)
    row = db.session.scalar(select(ModuleState).where(ModuleState.module == name,
                                                      ModuleState.site_id.is_(None) if site_id is None
                                                      else ModuleState.site_id == site_id))
    if row is None:
        row = ModuleState(module=name, site_id=site_id, enabled=enabled)
        db.session.add(row)
    row.enabled = enabled
    row.updated_by_id = getattr(actor, "id", None)
    where = site.slug if site is not None else "territory"
    audit.record(actor, "module.enabled" if enabled else "module.disabled", f"module:{name}",
                 module=name, site=where, **why)


def _switched_off_by_cascade(name: str, site) -> list[str]:
    """The modules that depend on `name` and are off here because switching `name` off took
    them along, as the last audited switch of each at this place says."""
    where = site.slug if site is not None else "territory"
    site_id = getattr(site, "id", None)
    found = []
    for dependent in _dependents(name)[1:]:
        if _states().get((dependent, site_id)) is not False:
            continue
        entries = db.session.scalars(select(audit.AuditEntry).where(
            audit.AuditEntry.subject == f"module:{dependent}",
            audit.AuditEntry.action.in_(["module.enabled", "module.disabled"]))
            .order_by(audit.AuditEntry.id.desc()))
        last = next((e for e in entries if (e.details or {}).get("site") == where), None)
        if last is not None and last.action == "module.disabled" and last.details.get("cascade_from") == name:
            found.append(dependent)
    return found


def _planned(name: str, enabled: bool, site=None) -> list[str]:
    """The modules whose stored state switching `name` would change here, in the order they
    are switched (`name`'s requirements or dependents included). Stores nothing.

    :raises ModuleError: as `set_enabled`.
    """
    modules = registry().modules
    if name not in modules:
        raise ModuleError(_("There is no module named %(name)s.", name=name))
    if site is not None and modules[name].scope != "site":
        raise ModuleError(_("The module %(name)s can only be switched for the whole territory.", name=name))

    chain = _requirements(name) if enabled else _dependents(name)
    if site is not None:
        chain = [n for n in chain if modules[n].scope == "site"]
        if enabled:
            blocked = [n for n in _requirements(name) if not _territory_on(n, _states())]
            if blocked:
                raise ModuleError(_("The module %(name)s is switched off for the whole territory.",
                                    name=blocked[0]))
    if enabled:  # and what switching it off took along, in requirement order
        restored = _switched_off_by_cascade(name, site)
        chain += [n for n in _dependents(name) if n in restored and n not in chain]
    planned = []
    states = _states()
    for module_name in chain:
        stored = states.get((module_name, getattr(site, "id", None)))
        if stored is None:  # the default: the file's for the territory; a site follows the territory
            stored = module_name in registry().default_enabled if site is None else True
        if stored is not enabled:
            planned.append(module_name)
    return planned


def switch_off_preview(name: str, site=None) -> tuple[list[str], list[str]]:
    """What switching `name` off here would do, for the page that asks before it is done: the
    modules that would go off (`name` first, then those needing it, as `set_enabled` computes
    them), and what each plugin says stays standing (`module_switch_off_impact`: bookings still
    valid, events still listed), asked of the plugins on here now. Writes nothing.

    :raises ModuleError: as `set_enabled`.
    """
    going = _planned(name, False, site)
    said = []
    for module_name in going:
        for sentences in hooks(site).module_switch_off_impact(module=module_name, site=site):
            said.extend(str(s) for s in sentences or ())
    return going, said


def set_enabled(name: str, enabled: bool, site=None, actor=None) -> list[str]:
    """Switch a module on or off, territory-wide (site=None) or at one site.

    :return: the names of the modules whose stored state changed, dependencies included.
    :raises ModuleError: unknown module, a territory-scoped module at a site, or a site
        switch-on while the territory has the module off.
    """
    changed = _planned(name, enabled, site)
    for module_name in changed:
        why = {"cascade_from": name} if module_name != name else {}
        _store(module_name, site, enabled, actor, **why)
    try:
        with db.session.begin_nested():
            db.session.flush()
    except IntegrityError:  # another admin stored the same switch at the same moment
        raise ModuleError(_("Someone else changed this module at the same time. Please try again.")) from None
    finally:
        forget_cached_states()
    for module_name in changed:
        registry().pm.hook.module_toggled(module=module_name, site=site, enabled=enabled, actor=actor)
    return changed
