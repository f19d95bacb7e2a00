"""`tierslieux sites import FILE.csv`: a territory's sites from a spreadsheet, all or nothing.

Every row is checked first; one bad row and nothing is loaded, each bad row reported with its
line number and a plain reason. A site is found again by its slug: importing the same file twice
updates the sites (idempotent), never duplicates them. The columns are in docs/territory.md.
Plugins add columns through the `site_import_columns` hook (booking: `desks`, `rooms`).
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import force_locale

from core import geo
from core.extensions import db
from core.plugins import call_each
from core.sites.models import AMENITIES, KINDS, Site
from core.sites.service import SiteError, parse_hours, save_site, set_hours, site_by_slug

REQUIRED = ("slug", "name", "insee", "address", "postcode")
OPTIONAL = ("kind", "host_organisation", "description", "contact_email", "contact_phone", "amenities",
            "published", "mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
YES, NO = {"yes", "y", "oui", "o", "true", "1", "x"}, {"no", "n", "non", "false", "0", ""}
LIMITS = {"slug": 80, "name": 160, "address": 255, "host_organisation": 160, "description": 5000,
          "contact_email": 254, "contact_phone": 30}


class SitesImportError(click.ClickException):
    """The file cannot be read, or some rows are wrong: nothing was loaded."""

    def show(self, file=None):
        click.echo(f"Error: {self.format_message()}", err=True)


@dataclass
class Row:
    line: int
    values: dict
    hours: dict | None = None
    commune: geo.Commune | None = None
    extras: list = field(default_factory=list)  # callables(site) from the plugins' columns


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")  # a spreadsheet's "CSV UTF-8" starts with a BOM
    except UnicodeDecodeError:
        raise SitesImportError("the file is not UTF-8: save it as \"CSV UTF-8\" from the spreadsheet") from None


def read_rows(data: bytes) -> tuple[list[str], list[tuple[int, dict]]]:
    """The header (lower-cased) and each data row with its line number; `;` or `,` separated."""
    text = _decode(data)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        raise SitesImportError("the file is empty") from None
    rows = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            rows.append((reader.line_num, {"__extra__": len(cells) - len(header)}))
            continue
        rows.append((reader.line_num, {name: (cells[i].strip() if i < len(cells) else "")
                                       for i, name in enumerate(header)}))
    return header, rows


def _check_header(header: list[str], plugin_columns: dict) -> None:
    known = set(REQUIRED) | set(OPTIONAL) | set(plugin_columns)
    unknown = [name for name in header if name not in known]
    missing = [name for name in REQUIRED if name not in header]
    problems = []
    if missing:
        problems.append(f"missing column(s): {', '.join(missing)}")
    if unknown:
        problems.append(f"unknown column(s): {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    if len(set(header)) != len(header):
        problems.append("a column name appears twice")
    if problems:
        raise SitesImportError("; ".join(problems) + ". Nothing was loaded.")


def check_row(line: int, values: dict, plugin_columns: dict, seen: dict) -> tuple[Row | None, list[str]]:
    """A checked row, or the reasons it is wrong (plain sentences)."""
    if "__extra__" in values:
        return None, [f"{values['__extra__']} more cell(s) than the header has columns (a separator inside a "
                      "value? put that value in double quotes)"]
    reasons = []
    for name in REQUIRED:
        if not values.get(name):
            reasons.append(f"{name} is empty")
    for name, limit in LIMITS.items():
        if len(values.get(name, "")) > limit:
            reasons.append(f"{name} is longer than {limit} characters")
    slug = values.get("slug", "")
    if slug and not SLUG.match(slug):
        reasons.append(f"slug '{slug}': lower-case letters, digits and single hyphens only (e.g. tulle-centre)")
    elif slug in seen:
        reasons.append(f"slug '{slug}' is already on line {seen[slug]}")
    elif slug:
        seen[slug] = line
    commune = None
    if values.get("insee"):
        commune = geo.commune(values["insee"])
        if commune is None:
            reasons.append(f"insee '{values['insee']}' is not a commune's INSEE code (5 characters, e.g. 19272 "
                           "for Tulle; not the postcode)")
    if values.get("postcode") and not re.fullmatch(r"\d{5}", values["postcode"]):
        reasons.append(f"postcode '{values['postcode']}' must be 5 digits")
    kind = values.get("kind") or "telecentre"
    if kind not in KINDS:
        reasons.append(f"kind '{kind}' must be one of {', '.join(KINDS)}")
    email = values.get("contact_email", "")
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        reasons.append(f"contact_email '{email}' is not an e-mail address")
    amenities = [a for a in re.split(r"[\s,|;]+", values.get("amenities", "")) if a]
    wrong = [a for a in amenities if a not in AMENITIES]
    if wrong:
        reasons.append(f"amenities: unknown {', '.join(wrong)} (known: {', '.join(AMENITIES)})")
    published = values.get("published", "yes").lower()
    if published not in YES | NO:
        reasons.append(f"published '{values['published']}' must be yes or no")
    hours = None
    if any(day in values for day in DAYS):
        hours = {}
        for index, day in enumerate(DAYS):
            try:
                with force_locale("en"):
                    hours[index] = parse_hours(values.get(day, ""))
            except SiteError as exc:
                reasons.append(f"{day} '{values[day]}': {exc.message}")
    extras = []
    for name, column in plugin_columns.items():
        if name in values:
            try:
                extras.append(column(values[name]))
            except ValueError as exc:
                reasons.append(f"{name} '{values[name]}': {exc}")
    if reasons:
        return None, reasons
    values = dict(values, kind=kind, amenities=amenities, published=published in YES)
    return Row(line, values, hours, commune, extras), []


def _plugin_columns() -> dict:
    columns = {}
    for _plugin, given in call_each(current_app.extensions["tierslieux"].pm, "site_import_columns"):
        columns.update(given)
    return columns


def load(rows: list[Row]) -> tuple[int, int]:
    """Create or update each site (found by slug); flushes. Returns (created, updated)."""
    created = updated = 0
    timezone = current_app.config["TERRITORY"].territory.timezone
    for row in rows:
        v = row.values
        site = site_by_slug(v["slug"])
        is_new = site is None
        if is_new:
            site = Site(slug=v["slug"], timezone=timezone)
        site.name, site.kind, site.address, site.postcode = v["name"], v["kind"], v["address"], v["postcode"]
        site.commune, site.departement = row.commune.name, row.commune.departement
        site.latitude, site.longitude = row.commune.latitude, row.commune.longitude
        site.is_published = v["published"]
        for name in ("host_organisation", "description", "contact_email", "contact_phone"):
            if name in v:
                setattr(site, name, v[name] or (None if name != "description" else ""))
        if "amenities" in v and v["amenities"] is not None:
            site.amenities = v["amenities"]
        if row.hours is not None:
            set_hours(site, row.hours)
        save_site(site, None, created=is_new)
        for apply in row.extras:
            apply(site)
        created, updated = created + is_new, updated + (not is_new)
    return created, updated


def import_sites(data: bytes) -> tuple[int, int]:
    """Check every row, then load them all in one transaction (the caller commits).

    :raises SitesImportError: naming each bad row; nothing was written.
    """
    header, raw = read_rows(data)
    columns = _plugin_columns()
    _check_header(header, columns)
    seen, rows, problems = {}, [], []
    for line, values in raw:
        row, reasons = check_row(line, values, columns, seen)
        if reasons:
            problems.append(f"  line {line}: " + "; ".join(reasons))
        else:
            rows.append(row)
    if problems:
        raise SitesImportError(f"{len(problems)} bad row(s); nothing was loaded. Correct them and import again:\n"
                           + "\n".join(problems))
    if not rows:
        raise SitesImportError("no site in the file (only a header?)")
    return load(rows)


@click.group("sites", help="The territory's sites.")
def sites_cli():
    pass


@sites_cli.command("import")
@click.argument("path", type=click.File("rb"))
@with_appcontext
def import_command(path):
    """Load sites from a CSV file (UTF-8, `;` or `,`): all rows or none. See docs/territory.md."""
    try:
        created, updated = import_sites(path.read())
    except SitesImportError:
        db.session.rollback()
        raise
    db.session.commit()
    click.echo(f"{created} site(s) created, {updated} updated.")
