"""The communes picker's JSON (for the optional autocomplete; the picker works without it)."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from core import geo

bp = Blueprint("geo", __name__)


def preferred() -> tuple[str, ...]:
    """The territory's départements: their communes come first among several of one name."""
    return tuple(current_app.config["TERRITORY"].territory.departements)


def pick(text: str | None) -> list[geo.Commune]:
    """What a typed commune may mean (core.geo.resolve), the territory's first."""
    return geo.resolve(text, preferred())


def choose(text: str | None, code: str | None = None) -> tuple[geo.Commune | None, list[geo.Commune]]:
    """The commune a person means: a code chosen from a list wins, else what they typed.

    :return: (the commune, []) when it is clear; (None, candidates) when several match;
        (None, []) when nothing does.
    """
    chosen = geo.commune(code) if code else None
    if chosen is not None:
        return chosen, []
    found = pick(text)
    return (found[0], []) if len(found) == 1 else (None, found)


@bp.get("/communes.json", endpoint="communes")
def communes():
    found = geo.suggest(request.args.get("q", ""), preferred())
    response = jsonify([{"code": c.code, "name": c.name, "departement": c.departement, "label": c.label}
                        for c in found])
    response.cache_control.public, response.cache_control.max_age = True, 86400
    return response
