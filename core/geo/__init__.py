"""Where places are: the communes of France (a picker resolving what a person typed), distances,
and the network map drawn as SVG on the server (core.geo.svgmap). Data: core/geo/data/README.md."""
from __future__ import annotations

import bisect
import csv
import gzip
import io
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
CODE = re.compile(r"^(\d{5}|2[AB]\d{3})$", re.IGNORECASE)
NAME_AND_DEP = re.compile(r"^(.*?)\s*\(\s*(\d{2,3}|2[AB])\s*\)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Commune:
    code: str  # INSEE code (2016)
    name: str
    departement: str
    latitude: float
    longitude: float

    @property
    def label(self) -> str:
        """How a person names it unambiguously: "Aurillac (15)"."""
        return f"{self.name} ({self.departement})"


def normalise(text: str) -> str:
    """Lower case, no accents, hyphens and apostrophes as spaces, "St" as "Saint"."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    expand = {"st": "saint", "ste": "sainte"}
    return " ".join(expand.get(word, word) for word in words)


class _Index:
    def __init__(self, communes: list[Commune]):
        self.by_code = {c.code: c for c in communes}
        self.keys = sorted((normalise(c.name), c.code) for c in communes)
        self.names = [key for key, _code in self.keys]

    def exact(self, key: str) -> list[Commune]:
        start = bisect.bisect_left(self.names, key)
        out = []
        while start < len(self.names) and self.names[start] == key:
            out.append(self.by_code[self.keys[start][1]])
            start += 1
        return out

    def prefix(self, key: str, limit: int) -> list[Commune]:
        start = bisect.bisect_left(self.names, key)
        out = []
        while start < len(self.names) and self.names[start].startswith(key) and len(out) < limit:
            out.append(self.by_code[self.keys[start][1]])
            start += 1
        return out


@lru_cache(maxsize=1)
def _index() -> _Index:
    with gzip.open(DATA / "communes.csv.gz", "rb") as handle:
        rows = csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8"))
        return _Index([Commune(r["insee"], r["name"], r["dep"], float(r["lat"]), float(r["lon"])) for r in rows])


@lru_cache(maxsize=1)
def departements() -> dict[str, str]:
    """The départements the communes list covers (metropolitan France and Corsica), code -> name."""
    import json

    outlines = json.loads((DATA / "departements.json").read_text(encoding="utf-8"))
    return {code: entry["name"] for code, entry in sorted(outlines.items())}


@lru_cache(maxsize=1)
def communes_departements() -> frozenset[str]:
    """The départements whose communes the reference data lists (overseas ones included)."""
    return frozenset(c.departement for c in _index().by_code.values())


def commune(code: str | None) -> Commune | None:
    """A commune by its INSEE code, or None."""
    return _index().by_code.get((code or "").strip().upper())


def _ordered(found: list[Commune], prefer: tuple[str, ...]) -> list[Commune]:
    return sorted(found, key=lambda c: (c.departement not in prefer, normalise(c.name), c.departement))


def resolve(text: str | None, prefer: tuple[str, ...] = (), limit: int = 20) -> list[Commune]:
    """The communes a typed text may mean: one when it is clear, several to choose from, none.

    Understood: an INSEE code ("15014"), a name ("Aurillac", accents and hyphens optional),
    a name and its département ("Saint-Santin (12)"); failing an exact name, the names starting
    with it. `prefer` (the territory's départements) come first among several.
    """
    text = (text or "").strip()[:120]
    if not text:
        return []
    if CODE.match(text):
        found = commune(text)
        return [found] if found else []
    departement = None
    match = NAME_AND_DEP.match(text)
    if match:
        text, departement = match.group(1), match.group(2).upper().zfill(2)
    key = normalise(text)
    if not key:
        return []
    index = _index()
    found = index.exact(key)
    if departement:
        found = [c for c in found if c.departement == departement]
    if not found:
        found = [c for c in index.prefix(key, 2000) if departement in (None, c.departement)]
    return _ordered(found, prefer)[:limit]


def suggest(text: str | None, prefer: tuple[str, ...] = (), limit: int = 10) -> list[Commune]:
    """Communes whose name starts with what was typed (for an autocomplete), preferred first."""
    key = normalise((text or "")[:120])
    if len(key) < 2:
        return []
    return _ordered(_index().prefix(key, 2000), prefer)[:limit]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), as the crow flies."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))
