"""The territory configuration: one TOML file per deployment, checked before anything starts.

A territory copies `examples/territories/blank.toml`, fills it in and has its own platform.
Secrets and the database URL come from the environment so the file can be shared.
"""
from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from stdnum.eu import vat as eu_vat
from stdnum.exceptions import ValidationError as NumberError
from stdnum.fr import siren as fr_siren
from stdnum.fr import siret as fr_siret

from core.timeutil import is_time_zone

DEFAULT_CONFIG = "instance/tierslieux.toml"

# Money is integer cents: `price_cents = 10.00` is refused, never read as 10 cents. Plugins'
# config models use it for every amount they read.
Cents = Annotated[int, Field(strict=True, ge=0)]


class ConfigError(Exception):
    """The configuration file is missing, unreadable or wrong; the message names the key."""


class _Section(BaseModel):
    # A typo in a key must stop start-up, not be silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Territory(_Section):
    name: str = Field(min_length=1)
    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    departements: list[str] = Field(min_length=1)
    default_locale: Literal["fr", "en"] = "fr"
    locales: list[Literal["fr", "en"]] = ["fr", "en"]
    timezone: str = "Europe/Paris"
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$")
    contact_email: str | None = None

    @field_validator("departements")
    @classmethod
    def _departement_codes(cls, codes):
        for code in codes:
            if not re.fullmatch(r"(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])", code):
                raise ValueError(f"'{code}' is not a French département code (e.g. '12', '2A', '971')")
        return codes

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, name):
        if not is_time_zone(name):
            raise ValueError(f"unknown time zone '{name}'")
        return name

    @model_validator(mode="after")
    def _default_is_offered(self):
        if self.default_locale not in self.locales:
            raise ValueError("default_locale must be one of locales")
        return self


class Operator(_Section):
    """The legal identity printed on invoices (the seller).

    An invoice must name the seller's legal form, full address and SIRET (Code de commerce,
    art. R123-237 and L441-9; CGI, art. 242 nonies A): `legal_form`, `postcode`, `city` and
    `siret` may be left out only while no module sells anything (see `TerritoryConfig`).
    """

    name: str = Field(min_length=1)
    legal_form: str | None = Field(default=None, min_length=1, max_length=120)  # "Syndicat mixte", "SAS au capital de 10 000 €"
    siren: str
    siret: str | None = None  # the establishment invoicing: the SIREN and 5 more digits
    address: str = Field(min_length=1)  # street and number
    postcode: str | None = Field(default=None, pattern=r"^\d{5}$")
    city: str | None = Field(default=None, min_length=1, max_length=120)
    vat_number: str | None = None
    vat_exempt: bool = False  # franchise en base de TVA, art. 293 B du CGI

    @field_validator("siren")
    @classmethod
    def _siren(cls, value):
        digits = value.replace(" ", "")
        if not re.fullmatch(r"\d{9}", digits) or not fr_siren.is_valid(digits):
            raise ValueError("must be a valid 9-digit SIREN number")
        return digits

    @field_validator("siret")
    @classmethod
    def _siret(cls, value):
        if value is None:
            return value
        digits = value.replace(" ", "")
        # python-stdnum knows La Poste's establishments (SIREN 356000000), which use another key.
        if not re.fullmatch(r"\d{14}", digits) or not fr_siret.is_valid(digits):
            raise ValueError("must be a valid 14-digit SIRET number (its check key is wrong or a digit is missing)")
        return digits

    @field_validator("vat_number")
    @classmethod
    def _vat_number(cls, value):
        if value is None:
            return value
        try:
            return eu_vat.validate(value)  # compacts it: "FR 44 732829320" -> "FR44732829320"
        except NumberError:
            raise ValueError(f"'{value}' is not a valid EU VAT number (country code, then digits whose "
                             "check key must match, e.g. FR44732829320)") from None

    @model_validator(mode="after")
    def _vat(self):
        if self.vat_exempt and self.vat_number:
            raise ValueError("give either vat_number or vat_exempt = true, not both")
        if not self.vat_exempt and not self.vat_number:
            raise ValueError("vat_number is required unless vat_exempt = true (art. 293 B du CGI)")
        if self.siret and not self.siret.startswith(self.siren):
            raise ValueError("siret must start with the siren (its first 9 digits)")
        if self.vat_number and self.vat_number.startswith("FR") and self.vat_number[4:] != self.siren:
            raise ValueError(f"vat_number {self.vat_number} is not the SIREN {self.siren}'s: a French VAT number "
                             "is FR, a 2-digit key, then the SIREN")
        return self

    def missing_for_invoices(self) -> list[str]:
        """The seller's keys an invoice needs that the file leaves out."""
        return [key for key in ("legal_form", "siret", "postcode", "city") if not getattr(self, key)]

    @property
    def full_address(self) -> str:
        return ", ".join(part for part in (self.address, " ".join(p for p in (self.postcode, self.city) if p)) if part)


class Modules(_Section):
    offered: list[str] = []
    enabled: list[str] = []

    @model_validator(mode="after")
    def _enabled_are_offered(self):
        missing = sorted(set(self.enabled) - set(self.offered))
        if missing:
            raise ValueError(f"enabled modules must also be offered: {', '.join(missing)}")
        return self


class Mail(_Section):
    server: str = "localhost"
    port: int = Field(default=25, ge=1, le=65535)
    use_tls: bool = False
    use_ssl: bool = False
    username: str | None = None
    sender: str = "Tiers-Lieux <no-reply@localhost>"
    timeout: float = 10.0


class Security(_Section):
    session_idle_minutes: int = Field(default=120, ge=5)
    session_absolute_hours: int = Field(default=12, ge=1)
    remember_days: int = Field(default=14, ge=0)
    login_limits: str = "10 per minute"
    login_limits_per_account: str = "5 per minute;30 per hour"


class Monitoring(_Section):
    """Who may read /metrics without the token (TIERSLIEUX_METRICS_TOKEN): addresses or networks."""

    metrics_allow: list[str] = ["127.0.0.0/8", "::1/128"]

    @field_validator("metrics_allow")
    @classmethod
    def _networks(cls, values):
        import ipaddress

        for value in values:
            try:
                ipaddress.ip_network(value, strict=False)
            except ValueError:
                raise ValueError(f"'{value}' is not an IP address or network (e.g. '10.0.0.5', '10.0.0.0/24')") from None
        return values


class Retention(_Section):
    """How many days the core keeps what it no longer needs (`tierslieux retention purge`,
    daily): e-mails, sent or not (long enough to answer "I never got it"), and the audit log. The
    territory's data protection officer sets them; plugins' periods are in their own tables."""

    mails_days: int = Field(default=90, ge=1, le=3660)
    audit_days: int = Field(default=1095, ge=30, le=3660)


class LegalDocument(_Section):
    """A text members accept at sign-up: Markdown, given inline (`text`) or as a file shipped
    with the territory (`path`, relative to the territory file). A new `version` asks members
    who accepted an older one to accept again at their next sign-in."""

    version: str = Field(min_length=1, max_length=32)
    title: str = Field(min_length=1, max_length=200)
    text: str | None = None
    path: str | None = None

    @model_validator(mode="after")
    def _text_or_path(self):
        if (self.text is None) == (self.path is None):
            raise ValueError("give either text or path")
        return self


class Legal(_Section):
    terms_of_sale: LegalDocument
    privacy_notice: LegalDocument


class TerritoryConfig(_Section):
    territory: Territory
    operator: Operator
    modules: Modules = Modules()
    mail: Mail = Mail()
    security: Security = Security()
    monitoring: Monitoring = Monitoring()
    retention: Retention = Retention()
    # Without it sign-up asks no acceptance (a territory that sells nothing online may skip it).
    legal: Legal | None = None
    # One table per plugin, e.g. [plugins.billing], checked at start-up against the model
    # its MODULE declares (core.plugins.check_plugin_tables).
    plugins: dict[str, dict] = {}

    @model_validator(mode="after")
    def _seller_complete_when_selling(self):
        # Billing issues invoices: the seller's identity must then be complete, or the first
        # invoice would be unlawful. Checked at start-up, naming each missing key.
        if "billing" in self.modules.offered:
            missing = self.operator.missing_for_invoices()
            if missing:
                keys = ", ".join(f"operator.{key}" for key in missing)
                raise ValueError(f"billing issues invoices, which must name the seller's legal form, full "
                                 f"address and SIRET: add {keys}")
        return self


# What a pattern means, for the messages (the model's regular expressions stay out of them).
PATTERN_HINTS = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": 'lower-case letters, digits and single hyphens, e.g. "correze"',
    r"^[A-Z]{3}$": 'a 3-letter currency code in capitals, e.g. "EUR"',
    r"^\d{5}$": 'a 5-digit postcode, e.g. "19000"',
    r"^[A-Z]{1,4}$": 'one to four capital letters, e.g. "F"',
}


def _toml(value) -> str:
    """A value as it is written in the file: 19, 10.0, "19", true."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _plain(item: dict) -> str:
    """One pydantic error as a sentence an operator understands (no pydantic vocabulary)."""
    kind, ctx, given = item["type"], item.get("ctx") or {}, item.get("input")
    names = [str(part) for part in item["loc"]]
    wrote = f" (the file says {_toml(given)})"
    if kind == "missing":
        return "missing (required)"
    if kind == "extra_forbidden":
        return "unknown key (a typing mistake? remove it or correct its name)"
    if kind in ("int_type", "int_from_float", "int_parsing"):
        if any(name.endswith("_cents") or name == "prices" for name in names):
            return f"must be a whole number of cents, without a decimal point: 1000 for 10.00{wrote}"
        return f"must be a whole number{wrote}"
    if kind in ("float_type", "float_parsing"):
        return f"must be a number{wrote}"
    if kind in ("string_type", "str_type"):
        return f"must be text in quotes, e.g. \"{given}\"{wrote}" if isinstance(given, int | float) \
            else f"must be text in quotes{wrote}"
    if kind in ("bool_type", "bool_parsing"):
        return f"must be true or false{wrote}"
    if kind == "literal_error":
        return f"must be one of {str(ctx.get('expected', '')).replace(chr(39), chr(34))}{wrote}"
    if kind == "string_pattern_mismatch":
        hint = PATTERN_HINTS.get(ctx.get("pattern", ""))
        return f"must be {hint}{wrote}" if hint else f"is not written in the expected form{wrote}"
    if kind == "string_too_short":
        return "must not be empty" if ctx.get("min_length") == 1 else f"needs at least {ctx['min_length']} characters"
    if kind == "string_too_long":
        return f"is too long: {ctx.get('max_length')} characters at most"
    if kind == "too_short":
        return "must list at least one value" if ctx.get("min_length") == 1 else \
            f"must list at least {ctx.get('min_length')} values"
    if kind in ("greater_than_equal", "greater_than"):
        return f"must be {'at least' if kind.endswith('equal') else 'more than'} {ctx.get('ge', ctx.get('gt'))}{wrote}"
    if kind in ("less_than_equal", "less_than"):
        return f"must be {'at most' if kind.endswith('equal') else 'less than'} {ctx.get('le', ctx.get('lt'))}{wrote}"
    if kind == "list_type":
        return f"must be a list in square brackets, e.g. [\"19\"]{wrote}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"must be a table (a [section] or {{ key = value }}){wrote}"
    if kind.startswith("date"):
        return f"must be a date, e.g. 2027-12-31 (no quotes){wrote}"
    return item["msg"].removeprefix("Value error, ")


def _where(loc: tuple) -> str:
    """("territory", "departements", 0) -> "territory.departements (1st value)"."""
    names = ".".join(str(part) for part in loc if not isinstance(part, int))
    positions = [part + 1 for part in loc if isinstance(part, int)]
    if positions:
        n = positions[-1]
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        names += f" ({n}{suffix} value)"
    return names


def format_errors(error: ValidationError, prefix: tuple[str, ...] = ()) -> str:
    """One plain sentence per mistake, naming its key (`plugins.billing.prise: unknown key`)."""
    lines = []
    for item in error.errors():
        key = _where((*prefix, *item["loc"])) or "(the whole file)"
        lines.append(f"  {key}: {_plain(item)}")
    return "\n".join(lines)


def parse_config(text: str, source: str = "<string>") -> TerritoryConfig:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not valid TOML: {exc}") from None
    try:
        config = TerritoryConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{source}: the territory configuration is wrong:\n{format_errors(exc)}") from None
    return _read_legal_files(config, Path(source).parent if not source.startswith("<") else Path.cwd(), source)


def _read_legal_files(config: TerritoryConfig, base: Path, source: str) -> TerritoryConfig:
    """Load each legal document given by `path` into its `text`, once, at start-up."""
    if config.legal is None:
        return config
    documents = {}
    for name in ("terms_of_sale", "privacy_notice"):
        document = getattr(config.legal, name)
        if document.path is not None:
            try:
                text = (base / document.path).read_text(encoding="utf-8")
            except OSError as exc:
                raise ConfigError(f"{source}: the territory configuration is wrong:\n"
                                  f"  legal.{name}.path: cannot read {document.path}: {exc.strerror}") from None
            document = document.model_copy(update={"text": text})
        documents[name] = document
    return config.model_copy(update={"legal": config.legal.model_copy(update=documents)})


def load_config(path: str | os.PathLike | None = None) -> TerritoryConfig:
    path = Path(path or os.environ.get("TIERSLIEUX_CONFIG") or DEFAULT_CONFIG)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: no territory configuration here. Write one with `tierslieux territory init`, "
            "or copy examples/territories/blank.toml, "
            "and set TIERSLIEUX_CONFIG, or run `make run` for the demo."
        ) from None
    return parse_config(text, str(path))


def flask_settings(config: TerritoryConfig, instance_path: str) -> dict:
    """Translate the territory file and the environment into Flask settings."""
    env = os.environ
    default_db = "sqlite:///" + os.path.join(instance_path, "tierslieux.db")
    redis_url = env.get("REDIS_URL")
    security = config.security
    production = env.get("TIERSLIEUX_ENV", "development") == "production"
    from datetime import timedelta

    return {
        "TERRITORY": config,
        "SECRET_KEY": env.get("TIERSLIEUX_SECRET_KEY") or env.get("SECRET_KEY"),
        "SQLALCHEMY_DATABASE_URI": env.get("DATABASE_URL") or default_db,
        "PRODUCTION": production,
        # Reverse proxies in front of the app whose X-Forwarded-* headers are trusted: needed
        # for HTTPS detection and for per-address sign-in throttling to see the real client.
        "PROXY_HOPS": int(env.get("TIERSLIEUX_PROXY_HOPS") or (1 if production else 0)),
        "BABEL_DEFAULT_LOCALE": config.territory.default_locale,
        "BABEL_DEFAULT_TIMEZONE": config.territory.timezone,
        # The address members use; links in e-mails are built from it (see core/urls.py).
        "PUBLIC_URL": env.get("TIERSLIEUX_PUBLIC_URL"),
        "EXTRA_TRUSTED_HOSTS": [h.strip() for h in env.get("TIERSLIEUX_TRUSTED_HOSTS", "").split(",") if h.strip()],
        # Shared by every worker, or each worker counts its own sign-in attempts (see factory.py).
        "RATELIMIT_STORAGE_URI": env.get("RATELIMIT_STORAGE_URI") or redis_url or "memory://",
        "RATELIMIT_HEADERS_ENABLED": True,
        "MAIL_SERVER": env.get("MAIL_SERVER") or config.mail.server,
        "MAIL_PORT": int(env.get("MAIL_PORT") or config.mail.port),
        "MAIL_USE_TLS": config.mail.use_tls,
        "MAIL_USE_SSL": config.mail.use_ssl,
        "MAIL_USERNAME": env.get("MAIL_USERNAME") or config.mail.username,
        "MAIL_PASSWORD": env.get("MAIL_PASSWORD"),
        "MAIL_SENDER": config.mail.sender,
        "MAIL_TIMEOUT": config.mail.timeout,
        # Who runs queued jobs (core.jobs): "worker" processes (`tierslieux worker`), a thread
        # inside this process ("thread": `serve-demo`), or right after each commit ("inline": tests).
        "JOBS_RUN": env.get("TIERSLIEUX_JOBS", "worker"),
        "JOBS_LEASE_SECONDS": 300,
        # How often a worker reads the cached kinds' versions (core/cache.py): another worker's
        # change to a site or a module shows within this; the person who made it sees it at once.
        "CACHE_CHECK_SECONDS": float(env.get("TIERSLIEUX_CACHE_CHECK_SECONDS", "1")),
        # How long a public page's HTML is kept for visitors not signed in (core/pagecache.py).
        "PAGE_CACHE_SECONDS": float(env.get("TIERSLIEUX_PAGE_CACHE_SECONDS", "5")),
        "JOBS_BACKOFF_SECONDS": 10,
        "PERMANENT_SESSION_LIFETIME": timedelta(minutes=security.session_idle_minutes),
        "SESSION_ABSOLUTE_LIFETIME": timedelta(hours=security.session_absolute_hours),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_DURATION": timedelta(days=security.remember_days),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": production,
        "LOGIN_LIMITS": security.login_limits,
        "LOGIN_LIMITS_PER_ACCOUNT": security.login_limits_per_account,
        "WTF_CSRF_TIME_LIMIT": None,  # the token lives as long as the session
        "MAX_CONTENT_LENGTH": 8 * 1024 * 1024,
        "METRICS_ALLOW": config.monitoring.metrics_allow,
        "METRICS_TOKEN": env.get("TIERSLIEUX_METRICS_TOKEN"),
    }
