"""`tierslieux territory init`: a new territory's file from a few questions (or options).

Every answer is checked as it is given (a département by its code against the communes list,
the SIRET and the VAT number by their keys), and the file written is checked as start-up checks
it (the territory file, the offered plugins and their tables) before it is kept.
"""
from __future__ import annotations

import json
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from importlib.metadata import entry_points
from pathlib import Path

import click
from stdnum.eu import vat as eu_vat
from stdnum.exceptions import ValidationError as NumberError
from stdnum.fr import siret as fr_siret

from core import geo
from core.config import ConfigError, parse_config

LOCALES = ("fr", "en")
# The booking periods billing prices (plugins.billing.config.PERIODS), asked when billing is chosen.
PERIOD_QUESTIONS = (("day_pass", "Pass journée", "Day pass", "Price of a day at a desk, excl. VAT, in euros (0: free)"),
                    ("half_day_pass", "Pass demi-journée", "Half-day pass",
                     "Price of a half-day at a desk, excl. VAT, in euros (0: free)"),
                    ("room_hour", "Salle de réunion (l'heure)", "Meeting room (per hour)",
                     "Price of an hour of meeting room, excl. VAT, in euros (0: free)"))


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:60] or "territoire"


def _q(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


class Departements(click.ParamType):
    name = "codes"

    def convert(self, value, param, ctx):
        if isinstance(value, list):
            return value
        known = geo.departements()
        codes = []
        for part in filter(None, re.split(r"[\s,;]+", str(value))):
            code = part.upper().zfill(2)
            if code not in known:
                self.fail(f"'{part}' is not a département code of the communes list (e.g. 19 for Corrèze, 2A)",
                          param, ctx)
            codes.append(code)
        if not codes:
            self.fail("give at least one département code, e.g. 19", param, ctx)
        return list(dict.fromkeys(codes))


class Siret(click.ParamType):
    name = "siret"

    def convert(self, value, param, ctx):
        digits = re.sub(r"\s", "", str(value))
        if not re.fullmatch(r"\d{14}", digits) or not fr_siret.is_valid(digits):
            self.fail(f"'{value}' is not a valid SIRET: 14 digits whose check key must match", param, ctx)
        return digits


class VatNumber(click.ParamType):
    name = "vat"

    def convert(self, value, param, ctx):
        if str(value).strip().lower() in ("", "none", "exempt"):
            return ""
        try:
            return eu_vat.validate(value)
        except NumberError:
            self.fail(f"'{value}' is not a valid EU VAT number (e.g. FR44732829320; its key must match)",
                      param, ctx)


class Postcode(click.ParamType):
    name = "postcode"

    def convert(self, value, param, ctx):
        if not re.fullmatch(r"\d{5}", str(value).strip()):
            self.fail(f"'{value}' is not a postcode: 5 digits, e.g. 19000", param, ctx)
        return str(value).strip()


class Euros(click.ParamType):
    name = "euros"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        try:
            amount = Decimal(str(value).replace(",", ".").replace("€", "").strip())
        except InvalidOperation:
            self.fail(f"'{value}' is not an amount in euros (e.g. 12.50)", param, ctx)
        if amount < 0 or amount != amount.quantize(Decimal("0.01")):
            self.fail(f"'{value}': a positive amount with at most 2 decimals", param, ctx)
        return int(amount * 100)


def _installed() -> list[str]:
    return sorted(ep.name for ep in entry_points(group="tierslieux.plugins"))


@click.group("territory", help="A new territory's configuration file.")
def territory_cli():
    pass


@territory_cli.command("init")
@click.option("--name", prompt="Name of the network", help="The territory's network, as members read it.")
@click.option("--slug", default="", help="Short name in lower case (default: made from the name).")
@click.option("--departements", type=Departements(), prompt="Département codes (e.g. 19, or 19 23 87)",
              help="Codes of the départements covered, comma- or space-separated.")
@click.option("--operator-name", prompt="Operator's legal name", help="Who runs the platform and invoices.")
@click.option("--legal-form", prompt="Operator's legal form (e.g. Syndicat mixte, Association loi 1901)")
@click.option("--address", prompt="Operator's street address")
@click.option("--postcode", type=Postcode(), prompt="Operator's postcode")
@click.option("--city", prompt="Operator's city")
@click.option("--siret", type=Siret(), prompt="Operator's SIRET (14 digits)",
              help="The invoicing establishment; its first 9 digits are the SIREN.")
@click.option("--vat-number", type=VatNumber(), prompt="VAT number (empty if exempt, art. 293 B du CGI)",
              default="", show_default=False, help="Empty or 'exempt': VAT exemption (franchise en base).")
@click.option("--contact-email", prompt="Contact e-mail shown to members (may be empty)", default="",
              show_default=False)
@click.option("--locales", prompt="Languages (fr, en)", default="fr,en", show_default=True)
@click.option("--modules", prompt=f"Modules ({', '.join(_installed())})", default=",".join(_installed()),
              show_default=True, help="Comma-separated plugins to offer and enable.")
@click.option("--day-pass", type=Euros(), default=None, help="With billing: a day at a desk, euros excl. VAT.")
@click.option("--half-day-pass", type=Euros(), default=None, help="With billing: a half-day, euros excl. VAT.")
@click.option("--room-hour", type=Euros(), default=None, help="With billing: an hour of room, euros excl. VAT.")
@click.option("--mail-sender", default="", help='From: of e-mails, e.g. "Réseau <no-reply@example.fr>".')
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("instance/tierslieux.toml"), show_default=True)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(name, slug, departements, operator_name, legal_form, address, postcode, city, siret, vat_number,
         contact_email, locales, modules, day_pass, half_day_pass, room_hour, mail_sender, output, force):
    """Write a territory file from questions (or options, for scripts), checked as start-up does."""
    if output.exists() and not force:
        raise click.ClickException(f"{output} exists: nothing written (--force to overwrite it)")
    chosen_locales = [code for code in re.split(r"[\s,;]+", locales.lower()) if code]
    if not chosen_locales or set(chosen_locales) - set(LOCALES):
        raise click.BadParameter("fr, en or both", param_hint="--locales")
    chosen_modules = [m for m in re.split(r"[\s,;]+", modules) if m]
    unknown = sorted(set(chosen_modules) - set(_installed()))
    if unknown:
        raise click.BadParameter(f"not installed: {', '.join(unknown)} (installed: {', '.join(_installed())})",
                                 param_hint="--modules")
    prices = {}
    if "billing" in chosen_modules:
        given = {"day_pass": day_pass, "half_day_pass": half_day_pass, "room_hour": room_hour}
        for code, _fr, _en, question in PERIOD_QUESTIONS:
            prices[code] = given[code] if given[code] is not None else click.prompt(question, type=Euros())
    text = render(name=name, slug=slug or slugify(name), departements=departements, operator_name=operator_name,
                  legal_form=legal_form, address=address, postcode=postcode, city=city, siret=siret,
                  vat_number=vat_number, contact_email=contact_email, locales=chosen_locales,
                  modules=chosen_modules, prices=prices, mail_sender=mail_sender)
    try:
        check_text(text, str(output))
    except ConfigError as exc:
        raise click.ClickException(f"nothing written: {exc}") from None
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    click.echo(f"wrote {output}. Next: export TIERSLIEUX_CONFIG={output.resolve()}, then "
               "`tierslieux check`, `tierslieux db upgrade` and `tierslieux sites import FILE.csv` "
               "(docs/territory.md).")


def check_text(text: str, source: str) -> None:
    """What start-up checks, without a database: the file, its plugins and their tables."""
    from core.plugins import build_registry

    build_registry(parse_config(text, source))


def _default_sender(name: str, contact_email: str) -> str:
    domain = contact_email.rsplit("@", 1)[-1] if "@" in contact_email else "localhost"
    return f"{name} <no-reply@{domain}>"


def render(*, name, slug, departements, operator_name, legal_form, address, postcode, city, siret, vat_number,
           contact_email, locales, modules, prices, mail_sender) -> str:
    names = geo.departements()
    covered = ", ".join(f"{code} {names.get(code, '')}".strip() for code in departements)
    vat = f"vat_number = {_q(vat_number)}" if vat_number else "vat_exempt = true               # TVA non applicable, art. 293 B du CGI"
    lines = [
        f"# {name}: written by `tierslieux territory init`. Reference: examples/territories/aveyron-lot-cantal.toml",
        "# and docs/territory.md. Secrets never go here: TIERSLIEUX_SECRET_KEY, DATABASE_URL, REDIS_URL,",
        "# MAIL_PASSWORD and the Stripe keys come from the environment.",
        "",
        "[territory]",
        f"name = {_q(name)}",
        f"slug = {_q(slug)}",
        f"departements = [{', '.join(_q(c) for c in departements)}]    # {covered}",
        f"default_locale = {_q(locales[0])}",
        f"locales = [{', '.join(_q(c) for c in locales)}]",
        'timezone = "Europe/Paris"',
        'currency = "EUR"',
    ]
    if contact_email:
        lines.append(f"contact_email = {_q(contact_email)}")
    lines += [
        "",
        "[operator]",
        "# The seller printed on invoices.",
        f"name = {_q(operator_name)}",
        f"legal_form = {_q(legal_form)}",
        f"siren = {_q(siret[:9])}",
        f"siret = {_q(siret)}",
        f"address = {_q(address)}",
        f"postcode = {_q(postcode)}",
        f"city = {_q(city)}",
        vat,
        "",
        "[modules]",
        f"offered = [{', '.join(_q(m) for m in modules)}]",
        f"enabled = [{', '.join(_q(m) for m in modules)}]",
        "",
        "[mail]",
        "# The SMTP server (MAIL_SERVER, MAIL_PORT, MAIL_USERNAME and MAIL_PASSWORD in the environment",
        "# win over server, port and username). See docs/territory.md, \"Mail\".",
        'server = "localhost"',
        "port = 25",
        "use_tls = false                 # STARTTLS after connecting (port 587)",
        "use_ssl = false                 # TLS from the start (port 465)",
        f"sender = {_q(mail_sender or _default_sender(name, contact_email))}",
        "timeout = 10.0                  # seconds",
    ]
    if "billing" in modules:
        free = [code for code, cents in prices.items() if cents == 0]
        lines += ["", "[plugins.billing]", "# Prices in cents, excluding VAT: 1250 is 12.50 €.",
                  "vat_rate_bp = 2000              # 20 %, in basis points"]
        if free:
            lines.append(f"free = [{', '.join(_q(c) for c in free)}]   # booked without paying")
        for code, label_fr, label_en, _question in PERIOD_QUESTIONS:
            if prices.get(code):
                lines += ["", f"[plugins.billing.products.{code}]", f'kind = "{code}"', f"label_fr = {_q(label_fr)}",
                          f"label_en = {_q(label_en)}", f"price_cents = {prices[code]}"]
    return "\n".join(lines) + "\n"
