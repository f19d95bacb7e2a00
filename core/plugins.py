"""Finding, registering and calling plugins.

One `pluggy.PluginManager` per app, built in `create_app`. Every offered plugin is registered
once at start-up; whether it is switched on is data (see `core.modules`), applied per call by
a hook view that leaves switched-off plugins out.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Iterable

import pluggy
from flask import current_app, g

from core import hookspecs
from core.config import ConfigError

ENTRY_POINT_GROUP = "tierslieux.plugins"

# Built-in features are plugins too; they are always on and cannot be switched off.
CORE_PLUGINS = (
    "core.accounts.plugin",
    "core.sites.plugin",
    "core.admin.plugin",
    "core.api.plugin",
    "core.modules.plugin",
    "core.commands",
)


@dataclass(frozen=True)
class Module:
    """What a switchable plugin tells the core about itself (its `MODULE` attribute)."""

    name: str
    label: object  # a lazy_gettext string
    description: object = ""
    scope: str = "territory"  # or "site": a site manager may switch it off for their site
    requires: tuple[str, ...] = ()

    def __post_init__(self):
        if self.scope not in ("territory", "site"):
            raise ValueError(f"module {self.name}: scope must be 'territory' or 'site'")


@dataclass
class Registry:
    """What the app knows about its plugins; lives in `app.extensions['tierslieux']`."""

    pm: pluggy.PluginManager
    modules: dict[str, Module] = field(default_factory=dict)
    default_enabled: frozenset[str] = frozenset()
    blueprint_modules: dict[str, str] = field(default_factory=dict)  # blueprint name -> module
    _subset_cache: dict = field(default_factory=dict)

    def hook_view(self, disabled: Iterable[str]) -> "HookView":
        return HookView(self, frozenset(disabled))


class HookView:
    """`pm.hook` as seen from one place: switched-off plugins are not called."""

    def __init__(self, registry: Registry, disabled: frozenset[str]):
        self._registry = registry
        self._disabled = disabled

    def __getattr__(self, name):
        pm = self._registry.pm
        if not self._disabled:
            return getattr(pm.hook, name)
        key = (name, self._disabled)
        caller = self._registry._subset_cache.get(key)
        if caller is None:
            plugins = [pm.get_plugin(module) for module in self._disabled]
            caller = pm.subset_hook_caller(name, [p for p in plugins if p is not None])
            self._registry._subset_cache[key] = caller
        return caller


def _import(dotted: str):
    from importlib import import_module

    return import_module(dotted)


def _installed_plugins() -> dict:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def build_registry(config, extra_plugins=()) -> Registry:
    """Register the core's own plugins and every plugin the territory offers."""
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    for dotted in CORE_PLUGINS:
        pm.register(_import(dotted), name=dotted)

    installed = _installed_plugins()
    offered = {}
    for name in config.modules.offered:
        if name not in installed:
            known = ", ".join(sorted(installed)) or "none"
            raise ConfigError(f"modules.offered: no installed plugin named '{name}' (installed: {known})")
        offered[name] = installed[name].load()
    for plugin in extra_plugins:
        offered[plugin.MODULE.name] = plugin

    registry = Registry(pm=pm, default_enabled=frozenset(config.modules.enabled))
    for name, plugin in offered.items():
        module = getattr(plugin, "MODULE", None)
        if not isinstance(module, Module) or module.name != name:
            raise ConfigError(f"modules.offered: plugin '{name}' has no MODULE = Module(name='{name}', ...)")
        registry.modules[name] = module
        pm.register(plugin, name=name)
    for name, module in registry.modules.items():
        for required in module.requires:
            if required not in registry.modules:
                raise ConfigError(f"modules.offered: '{name}' requires '{required}', which is not offered")

    # Plugins may offer hooks to each other; declare them before anyone calls them.
    pm.hook.add_hookspecs(pluginmanager=pm)
    pm.check_pending()
    return registry


def registry() -> Registry:
    return current_app.extensions["tierslieux"]


def hooks(site=None) -> HookView:
    """The hooks as seen territory-wide, or at one site; cached for the request."""
    from core.modules.service import disabled_modules

    cache = g.setdefault("_hook_views", {})
    key = getattr(site, "id", None)
    if key not in cache:
        cache[key] = registry().hook_view(disabled_modules(site))
    return cache[key]


def call_each(pm: pluggy.PluginManager, hook_name: str, **kwargs):
    """Call one hook's implementations one by one, yielding `(plugin_name, result)`.

    For start-up collectors where the core must know which plugin gave what (e.g. to bind a
    blueprint to its module).
    """
    hook = getattr(pm.hook, hook_name)
    for impl in reversed(hook.get_hookimpls()):
        result = impl.function(**{name: kwargs[name] for name in impl.argnames})
        if result is not None:
            yield impl.plugin_name, result
