"""Finding, registering and calling plugins.

One `pluggy.PluginManager` per app, built in `create_app`. Every offered plugin is registered
once at start-up; whether it is switched on is data (see `core.modules`), applied per call by
a hook view that leaves switched-off plugins out.

What a plugin's package folder holds is wired without hooks (`Wiring`): its migrations,
translations, templates, static files, hookspecs and CLI group. Its `[plugins.<name>]` table
is checked against the pydantic model its `MODULE` names, before anything starts.
"""
from __future__ import annotations

import functools
import sys
from dataclasses import dataclass, field
from importlib import import_module
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType
from typing import Iterable

import click
import pluggy
from flask import current_app, g
from pydantic import BaseModel, ValidationError

from core import hookspecs
from core.config import ConfigError, format_errors

ENTRY_POINT_GROUP = "tierslieux.plugins"

# Built-in features are plugins too; they are always on and cannot be switched off.
CORE_PLUGINS = (
    "core.accounts.plugin",
    "core.sites.plugin",
    "core.admin.plugin",
    "core.api.plugin",
    "core.modules.plugin",
    "core.jobs.plugin",
    "core.ops.plugin",
    "core.commands",
    "core.retention",
)


@dataclass(frozen=True)
class Module:
    """What a switchable plugin tells the core about itself (its `MODULE` attribute)."""

    name: str
    label: object  # a lazy_gettext string
    description: object = ""
    scope: str = "territory"  # or "site": a site manager may switch it off for their site
    requires: tuple[str, ...] = ()
    # The pydantic model of the plugin's `[plugins.<name>]` table (extra="forbid"), or None
    # when it takes no settings; read the checked values with `plugin_config(name)`.
    config: type[BaseModel] | None = None

    def __post_init__(self):
        if self.scope not in ("territory", "site"):
            raise ValueError(f"module {self.name}: scope must be 'territory' or 'site'")
        if self.config is not None and (not (isinstance(self.config, type) and issubclass(self.config, BaseModel))
                                        or self.config.model_config.get("extra") != "forbid"):
            # A typo in a key must stop start-up, so the model must refuse unknown keys.
            raise ValueError(f"module {self.name}: config must be a pydantic model with extra='forbid'")


@dataclass(frozen=True)
class Wiring:
    """What the core found in a plugin's package folder; absent parts are None."""

    package: str | None = None
    folder: Path | None = None
    migrations: Path | None = None  # <folder>/migrations/versions: an Alembic version location
    translations: Path | None = None  # <folder>/translations: a Babel translation directory
    templates: Path | None = None  # <folder>/templates: searched app-wide
    static: Path | None = None  # <folder>/static: served under /static/plugins/<name>/
    hookspecs: ModuleType | None = None  # <package>.hookspecs: hooks offered to other plugins
    cli: click.Group | None = None  # <package>.cli:cli, added as `tierslieux <name>`


def plugin_package(plugin) -> str | None:
    """The dotted package a plugin lives in: its entry-point module's package, or for a plugin
    object the package of the module defining its class. A plugin may say `PLUGIN_PACKAGE =
    "dotted.name"`, or `None` for a toy plugin without a folder."""
    if hasattr(plugin, "PLUGIN_PACKAGE"):
        return plugin.PLUGIN_PACKAGE
    module = plugin if isinstance(plugin, ModuleType) else sys.modules[type(plugin).__module__]
    return module.__package__ or None


def find_wiring(name: str, plugin) -> Wiring:
    package = plugin_package(plugin)
    if package is None:
        return Wiring()
    folder = Path(next(iter(import_module(package).__path__))).resolve()

    def present(*parts) -> Path | None:
        path = folder.joinpath(*parts)
        return path if path.is_dir() else None

    specs = import_module(f"{package}.hookspecs") if (folder / "hookspecs.py").is_file() else None
    group = None
    if (folder / "cli.py").is_file():
        group = getattr(import_module(f"{package}.cli"), "cli", None)
        if group is not None and not isinstance(group, click.Group):
            raise ConfigError(f"plugin '{name}': {package}.cli.cli must be a click group")
    return Wiring(package=package, folder=folder, migrations=present("migrations", "versions"),
                  translations=present("translations"), templates=present("templates"),
                  static=present("static"), hookspecs=specs, cli=group)


@dataclass
class Registry:
    """What the app knows about its plugins; lives in `app.extensions['tierslieux']`."""

    pm: pluggy.PluginManager
    modules: dict[str, Module] = field(default_factory=dict)
    default_enabled: frozenset[str] = frozenset()
    blueprint_modules: dict[str, str] = field(default_factory=dict)  # blueprint name -> module
    job_handlers: dict = field(default_factory=dict)  # job name -> callable (core.jobs)
    wiring: dict[str, Wiring] = field(default_factory=dict)  # module name -> its package's parts
    configs: dict[str, BaseModel] = field(default_factory=dict)  # module name -> its checked table
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


@functools.cache
def _installed_plugins() -> dict:
    # Reading the installed distributions' metadata costs about 0.1 s; what is installed does
    # not change while a process runs (a new plugin needs a restart), so read it once.
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def build_registry(config, extra_plugins=()) -> Registry:
    """Register the core's own plugins and every plugin the territory offers."""
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    for dotted in CORE_PLUGINS:
        pm.register(import_module(dotted), name=dotted)

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
        registry.wiring[name] = find_wiring(name, plugin)
    for name, module in registry.modules.items():
        for required in module.requires:
            if required not in registry.modules:
                raise ConfigError(f"modules.offered: '{name}' requires '{required}', which is not offered")
    registry.configs = check_plugin_tables(config.plugins, registry.modules)

    # Hooks the plugins offer each other are declared before any plugin is registered, so
    # pluggy checks every implementation against its spec.
    for wiring in registry.wiring.values():
        if wiring.hookspecs is not None:
            pm.add_hookspecs(wiring.hookspecs)
    for name, plugin in offered.items():
        pm.register(plugin, name=name)
    pm.check_pending()
    for plugin_name, handlers in call_each(pm, "job_handlers"):
        for job_name, handler in handlers.items():
            if job_name in registry.job_handlers:
                raise ConfigError(f"job handler '{job_name}' is given twice (again by {plugin_name})")
            registry.job_handlers[job_name] = handler
    return registry


def check_plugin_tables(tables: dict[str, dict], modules: dict[str, Module]) -> dict[str, BaseModel]:
    """Check each `[plugins.<name>]` table against its plugin's model; a table no offered
    plugin reads, or a key its model does not know, stops start-up naming it."""
    for name in sorted(tables):
        if name not in modules:
            raise ConfigError(f"plugins.{name}: no offered plugin has this name "
                              f"(offered: {', '.join(sorted(modules)) or 'none'})")
    checked = {}
    for name, module in modules.items():
        table = tables.get(name)
        if module.config is None:
            if table is not None:
                raise ConfigError(f"plugins.{name}: the '{name}' plugin takes no settings")
            continue
        try:
            checked[name] = module.config.model_validate(table or {})
        except ValidationError as exc:
            raise ConfigError(f"the [plugins.{name}] configuration is wrong:\n"
                              f"{format_errors(exc, prefix=('plugins', name))}") from None
    return checked


def registry() -> Registry:
    return current_app.extensions["tierslieux"]


def plugin_config(name: str) -> BaseModel:
    """The checked `[plugins.<name>]` table of the current app (an instance of the model the
    plugin's `MODULE.config` names; defaults where the table is absent)."""
    configs = registry().configs
    if name not in configs:
        raise LookupError(f"plugin '{name}' is not offered or declares no config model")
    return configs[name]


def hooks(site=None) -> HookView:
    """The hooks as seen territory-wide, or at one site; cached for the request."""
    from core.modules.service import disabled_modules

    cache = g.setdefault("_hook_views", {})
    key = getattr(site, "id", None)
    if key not in cache:
        cache[key] = registry().hook_view(disabled_modules(site))
    return cache[key]


def switched_off_hooks() -> HookView:
    """The hooks of the plugins switched off territory-wide only (for `kept_nav_items` and
    `kept_dashboard_widgets`); cached for the request."""
    from core.modules.service import disabled_modules

    cache = g.setdefault("_hook_views", {})
    if "off" not in cache:
        cache["off"] = registry().hook_view(set(registry().modules) - disabled_modules())
    return cache["off"]


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
