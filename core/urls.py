"""The instance's public address, and links built from it for e-mails, calendars and Stripe.

A link that leaves the site (a password reset in an e-mail, a calendar feed, Stripe's return
address) is built from the configured public URL, never from the request's `Host` or
`X-Forwarded-Host`: otherwise `POST /password/forgot` with `Host: evil.example` mails the
victim a working reset link to the attacker's domain. Requests naming any other host are
refused (Flask's TRUSTED_HOSTS), so pages' own links cannot be poisoned either.

`external_url` works outside a request too (the CLI, a job worker rendering a mail).
"""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app

from core.config import ConfigError

DEVELOPMENT_URL = "http://127.0.0.1:5000"  # where `make run` serves the demo
LOCAL_HOSTS = ["localhost", "127.0.0.1"]


def _check(url: str, production: bool) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ConfigError(f"TIERSLIEUX_PUBLIC_URL: '{url}' is not an address like https://tierslieux.example.fr")
    if production and parts.scheme != "https":
        raise ConfigError(f"TIERSLIEUX_PUBLIC_URL: '{url}' must start with https:// in production")
    return url.rstrip("/")


def init_app(app) -> None:
    """Settle PUBLIC_URL and TRUSTED_HOSTS once the configuration and overrides are known."""
    config = app.config
    url = config.get("PUBLIC_URL")
    if not url:
        if config["PRODUCTION"]:
            raise ConfigError("TIERSLIEUX_PUBLIC_URL must be set in production: the https:// address members "
                              "use, from which links in e-mails are built (e.g. https://tierslieux.example.fr)")
        server_name = config.get("SERVER_NAME")
        url = f"{config.get('PREFERRED_URL_SCHEME') or 'http'}://{server_name}" if server_name else DEVELOPMENT_URL
    config["PUBLIC_URL"] = _check(url, config["PRODUCTION"])
    if config.get("TRUSTED_HOSTS") is None:
        hosts = [urlsplit(config["PUBLIC_URL"]).hostname] + list(config.get("EXTRA_TRUSTED_HOSTS") or [])
        if config.get("SERVER_NAME"):
            hosts.append(config["SERVER_NAME"].partition(":")[0])
        if not config["PRODUCTION"]:
            hosts += LOCAL_HOSTS
        config["TRUSTED_HOSTS"] = list(dict.fromkeys(hosts))


def public_url() -> str:
    return current_app.config["PUBLIC_URL"]


def external_url(endpoint: str, /, **values) -> str:
    """An absolute URL to `endpoint` on the public address, with or without a request. `endpoint`
    is positional only: a query parameter may have that name too (a list's next page keeps the
    request's parameters, whatever they are called)."""
    app = current_app._get_current_object()
    parts = urlsplit(app.config["PUBLIC_URL"])
    adapter = app.url_map.bind(parts.netloc, script_name=parts.path or "/", url_scheme=parts.scheme)
    app.inject_url_defaults(endpoint, values)
    anchor = values.pop("_anchor", None)
    url = adapter.build(endpoint, values, force_external=True)
    return f"{url}#{anchor}" if anchor else url
