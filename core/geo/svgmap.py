"""The network's map as an SVG drawn on the server: département outlines, the sites as labelled
points linked to their pages, a chosen commune marked. Nothing is fetched from anyone.

The list beside the map is its accessible equivalent; the SVG is a group with a title and a
description, its points are ordinary links.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from core.geo import DATA

WIDTH = 560
FONT = 17
PAD = 0.06  # of the span, around what must be seen


@dataclass(frozen=True)
class Point:
    label: str
    latitude: float
    longitude: float
    url: str | None = None
    name: str = ""  # the full name, the link's accessible name and tooltip (the label may be shorter)


@lru_cache(maxsize=1)
def outlines() -> dict:
    return json.loads((DATA / "departements.json").read_text(encoding="utf-8"))


def _bbox(rings):
    xs = [x for ring in rings for x, _y in ring]
    ys = [y for ring in rings for _x, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def _place_labels(points, boxes_taken):
    """Greedy placement: right, left, above, below the point; the first free spot wins."""
    placed = []
    for x, y, text in points:
        width, height = 0.56 * FONT * len(text), FONT
        spots = [(x + 9, y + 5, "start", (x + 8, y - height / 2, x + 9 + width, y + height / 2)),
                 (x - 9, y + 5, "end", (x - 9 - width, y - height / 2, x - 8, y + height / 2)),
                 (x, y - 10, "middle", (x - width / 2, y - 10 - height, x + width / 2, y - 8)),
                 (x, y + 22, "middle", (x - width / 2, y + 8, x + width / 2, y + 24))]
        chosen = spots[0]
        for spot in spots:
            box = spot[3]
            if box[0] >= 0 and box[2] <= WIDTH and not any(
                    box[0] < b[2] and box[2] > b[0] and box[1] < b[3] and box[3] > b[1] for b in boxes_taken):
                chosen = spot
                break
        boxes_taken.append(chosen[3])
        placed.append(chosen[:3])
    return placed


def render(sites: list[Point], departements: set[str], here: Point | None = None, *, title: str,
           description: str, here_label: str = "") -> Markup:
    """`_render`, kept per process for the same arguments: drawing the outlines costs milliseconds
    and the same few maps (the network's, a search's) are asked again and again."""
    return _render_cached(tuple(sites), frozenset(departements), here, str(title), str(description),
                          str(here_label))


@lru_cache(maxsize=256)
def _render_cached(sites, departements, here, title, description, here_label) -> Markup:
    return _render(list(sites), set(departements), here, title=title, description=description,
                   here_label=here_label)


def _render(sites: list[Point], departements: set[str], here: Point | None = None, *, title: str,
            description: str, here_label: str = "") -> Markup:
    """An SVG map of the given départements (and any it overlaps) with the sites and `here`.

    :param departements: the codes of the network's départements (drawn darker).
    :param here: the chosen commune, marked with a diamond.
    """
    data = outlines()
    focus = [ring for code in departements if code in data for ring in data[code]["rings"]]
    extra = [(p.longitude, p.latitude) for p in sites + ([here] if here else [])]
    if not focus and not extra:
        return Markup("")
    xs = [x for ring in focus for x, _y in ring] + [x for x, _y in extra]
    ys = [y for ring in focus for _x, y in ring] + [y for _x, y in extra]
    west, south, east, north = min(xs), min(ys), max(xs), max(ys)
    span = max(east - west, north - south, 0.2)
    west, east, south, north = west - PAD * span, east + PAD * span, south - PAD * span, north + PAD * span
    shrink = math.cos(math.radians((north + south) / 2))  # one degree of longitude is shorter
    scale = WIDTH / ((east - west) * shrink)
    height = round((north - south) * scale)

    def xy(lon, lat):
        return round((lon - west) * shrink * scale, 1), round((north - lat) * scale, 1)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" class="network-map" '
             f'role="group" aria-labelledby="map-title map-desc">',
             f'<title id="map-title">{escape(title)}</title><desc id="map-desc">{escape(description)}</desc>',
             '<g aria-hidden="true">']
    for code, outline in sorted(data.items()):
        w, s, e, n = _bbox(outline["rings"]) if outline["rings"] else (0, 0, 0, 0)
        if e < west or w > east or n < south or s > north:
            continue
        path = " ".join("M" + " L".join("%s %s" % xy(x, y) for x, y in ring) + " Z" for ring in outline["rings"])
        ours = code in departements
        parts.append(f'<path d="{path}" fill="{"#e3ecf2" if ours else "#f7f7f7"}" '
                     f'stroke="{"#4a4a4a" if ours else "#b0b0b0"}" stroke-width="{1.2 if ours else 0.8}"/>')
        if ours:
            cx, cy = xy((w + e) / 2, (s + n) / 2)
            parts.append(f'<text x="{cx}" y="{cy}" text-anchor="middle" font-size="{FONT + 2}" fill="#4a4a4a" '
                         f'opacity="0.6">{escape(outline["name"])}</text>')
    parts.append("</g>")
    taken = []
    marks = [(*xy(p.longitude, p.latitude), p.label) for p in sites]
    if here is not None:
        hx, hy = xy(here.longitude, here.latitude)
        taken.append((hx - 8, hy - 8, hx + 8, hy + 8))
    labels = _place_labels(marks, taken)
    if here is not None:
        (lx, ly, anchor), = _place_labels([(hx, hy, here_label or here.label)], taken)
        parts.append(f'<g class="map-here"><path d="M{hx} {hy - 9} L{hx + 9} {hy} L{hx} {hy + 9} L{hx - 9} {hy} Z" '
                     f'fill="#a10e0e" stroke="#fff" stroke-width="2"/>'
                     f'<text x="{lx}" y="{ly}" text-anchor="{anchor}" font-size="{FONT}" font-weight="700" '
                     f'fill="#a10e0e" stroke="#fff" stroke-width="4" paint-order="stroke">'
                     f'{escape(here_label or here.label)}</text></g>')
    for point, (x, y, _text), (lx, ly, anchor) in zip(sites, marks, labels):
        dot = (f'<circle cx="{x}" cy="{y}" r="7" fill="#00507a" stroke="#fff" stroke-width="2"/>'
               f'<text x="{lx}" y="{ly}" text-anchor="{anchor}" font-size="{FONT}" fill="#003a5a" '
               f'stroke="#fff" stroke-width="4" paint-order="stroke">{escape(point.label)}</text>')
        if point.name:
            dot = f"<title>{escape(point.name)}</title>" + dot
        if point.url:
            label = f' aria-label="{escape(point.name)}"' if point.name else ""
            parts.append(f'<a href="{escape(point.url)}" class="map-site"{label}>{dot}</a>')
        else:
            parts.append(f'<g class="map-site">{dot}</g>')
    parts.append("</svg>")
    return Markup("".join(parts))
