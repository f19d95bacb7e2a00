"""The app factory: one territory configuration in, one Flask application out."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Blueprint, Flask
from flask_babel import Babel
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from core import cache, errors, i18n, pagecache, security, ui, urls
from core.config import ConfigError, flask_settings, load_config
from core.db import MAX_ID, configure_sqlite
from core.extensions import csrf, db, limiter, login_manager, migrate
from core.modules import guard
from core.ops import logs, metrics, sentry
from core.plugins import build_registry, call_each

ROOT = Path(__file__).resolve().parent.parent
CORE_MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _secret_key(app: Flask) -> str:
    """In production the key comes from the environment; locally it is made once and kept."""
    if app.config["PRODUCTION"]:
        raise ConfigError("TIERSLIEUX_SECRET_KEY must be set in the environment in production")
    path = Path(app.instance_path) / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def _check_limiter_store(app: Flask) -> None:
    """Sign-in limits count in a store; in memory, each worker counts alone and an attacker gets
    the limit once per worker (19 of 25 attempts went through with 4 workers and a limit of 5)."""
    if app.config["PRODUCTION"] and app.config["RATELIMIT_STORAGE_URI"].startswith("memory://"):
        raise ConfigError("Production needs a rate-limit store shared by every worker: set REDIS_URL "
                          "(or RATELIMIT_STORAGE_URI, e.g. redis://localhost:6379/0 or memcached://localhost:11211)")


class DatabaseId(IntegerConverter):
    """`<int:...>` in every route stops at PostgreSQL's integer range: a larger id is a 404,
    not a database error."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def is_api_blueprint(blueprint) -> bool:
    """The JSON API authenticates with bearer tokens only, never with the session cookie, so
    a cross-site form cannot act through it: every blueprint under /api/ is exempt from CSRF
    by construction (a plugin cannot forget it)."""
    prefix = blueprint.url_prefix or ""
    return prefix == "/api" or prefix.startswith("/api/")


def create_app(config_path=None, overrides: dict | None = None, extra_plugins=()) -> Flask:
    app = Flask("core", template_folder=str(ROOT / "templates"), instance_path=os.environ.get(
        "TIERSLIEUX_INSTANCE", str(ROOT / "instance")))
    os.makedirs(app.instance_path, exist_ok=True)
    app.url_map.converters["int"] = DatabaseId

    config = load_config(config_path or os.environ.get("TIERSLIEUX_CONFIG")
                         or os.path.join(app.instance_path, "tierslieux.toml"))
    app.config.update(flask_settings(config, app.instance_path))
    app.config.update(overrides or {})
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = _secret_key(app)
    urls.init_app(app)
    _check_limiter_store(app)
    app.config.setdefault("HEALTH_QUEUE_MAX_AGE", 600)  # seconds a due job may wait before /healthz fails
    app.config.setdefault("HEALTH_HEARTBEAT_MAX_AGE", 120)  # seconds since a worker's last heartbeat
    sentry.init(app)
    logs.init_app(app)  # first: every later before_request and log line has the request id
    app.before_request(metrics.before_request)
    app.after_request(metrics.after_request)

    registry = build_registry(config, extra_plugins)
    app.extensions["tierslieux"] = registry
    pm = registry.pm

    db.init_app(app)
    with app.app_context():
        configure_sqlite(db.engine)
    _init_migrations(app, registry)
    login_manager.init_app(app)
    csrf.init_app(app)
    pagecache.init_app(app)  # after csrf: it wraps the templates' csrf_token()
    limiter.init_app(app)
    translation_dirs = [str(Path(__file__).parent / "translations")]
    translation_dirs += [str(w.translations) for w in registry.wiring.values() if w.translations]
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = ";".join(translation_dirs)
    # One Babel per app: Flask-Babel caches the merged catalogues on its Babel object, and apps
    # of one process (tests) may offer different plugins, hence different catalogues.
    Babel(app, locale_selector=i18n.select_locale, timezone_selector=i18n.select_timezone)
    security.init_app(app)
    cache.init_app(app)
    i18n.init_app(app)
    ui.init_app(app)
    errors.init_app(app)

    _register_plugin_folders(app, registry)
    # Blueprints: each is bound to the module of the plugin that gave it, so the module
    # guard can answer 404 while that module is off.
    for plugin_name, blueprints in call_each(pm, "blueprints"):
        for blueprint in blueprints:
            if is_api_blueprint(blueprint):
                csrf.exempt(blueprint)
            app.register_blueprint(blueprint)
            if plugin_name in registry.modules:
                registry.blueprint_modules[blueprint.name] = plugin_name
    app.before_request(guard.check_request)

    for _, commands in call_each(pm, "cli_commands"):
        for command in commands:
            app.cli.add_command(command)
    for name, wiring in registry.wiring.items():
        if wiring.cli is not None:
            app.cli.add_command(wiring.cli, name=name)
    pm.hook.app_started(app=app)
    if app.config["PROXY_HOPS"]:
        hops = app.config["PROXY_HOPS"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    return app


def _register_plugin_folders(app: Flask, registry) -> None:
    """A plugin's `templates/` is searched app-wide (its pages, widgets and mails need no
    `template_folder`) and its `static/` is served at /static/plugins/<name>/, through one
    blueprint per plugin named `<name>_static`: `url_for("<name>_static.static", filename=...)`.
    Not bound to the module: stylesheets stay reachable while it is off, like the core's."""
    for name, wiring in registry.wiring.items():
        if wiring.templates is None and wiring.static is None:
            continue
        app.register_blueprint(Blueprint(
            f"{name}_static", wiring.package,
            template_folder=str(wiring.templates) if wiring.templates else None,
            static_folder=str(wiring.static) if wiring.static else None,
            static_url_path=f"/static/plugins/{name}" if wiring.static else None))


def _init_migrations(app: Flask, registry) -> None:
    """One Alembic environment; the core's revisions plus each plugin's own branch."""
    locations = [str(CORE_MIGRATIONS / "versions")]
    locations += [str(w.migrations) for w in registry.wiring.values() if w.migrations]
    app.config["MIGRATION_VERSION_LOCATIONS"] = locations
    migrate.init_app(app, db, directory=str(CORE_MIGRATIONS), render_as_batch=True, compare_type=True)


@migrate.configure
def _version_locations(alembic_config):
    from flask import current_app

    locations = current_app.config["MIGRATION_VERSION_LOCATIONS"]
    alembic_config.set_main_option("path_separator", "os")
    alembic_config.set_main_option("version_locations", os.pathsep.join(locations))
    return alembic_config
