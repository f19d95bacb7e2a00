"""Build core/geo/data from the shared reference data (run once, by hand, when it changes).

    python -m devtools.geo_data /path/to/shared/data

Communes: INSEE code, name, département, latitude and longitude (4 decimals, about 10 m), gzip.
Départements: outlines simplified (Ramer-Douglas-Peucker) and rounded to 3 decimals; enough for
a map a few hundred pixels wide.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "core" / "geo" / "data"
TOLERANCE = 0.004  # degrees, about 400 m


def _simplify(points, tolerance):
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    norm = (dx * dx + dy * dy) ** 0.5
    far, index = -1.0, 0
    for i in range(1, len(points) - 1):
        x, y = points[i]
        d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
        if d > far:
            far, index = d, i
    if far <= tolerance:
        return [points[0], points[-1]]
    return _simplify(points[:index + 1], tolerance)[:-1] + _simplify(points[index:], tolerance)


def build(source: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["insee", "name", "dep", "lat", "lon"])
    with open(source / "communes-fr.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            writer.writerow([row["insee_code"], row["name"], row["departement"],
                             f"{float(row['latitude']):.4f}", f"{float(row['longitude']):.4f}"])
    with gzip.GzipFile(OUT / "communes.csv.gz", "wb", mtime=0) as out:
        out.write(buffer.getvalue().encode("utf-8"))

    outlines = {}
    features = json.loads((source / "departements-fr.geojson").read_text(encoding="utf-8"))["features"]
    for feature in features:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings = []
        for polygon in polygons:
            ring = _simplify(polygon[0], TOLERANCE)  # the outer ring: no département has holes worth drawing
            if len(ring) >= 4:
                rings.append([[round(x, 3), round(y, 3)] for x, y in ring])
        outlines[feature["properties"]["code"]] = {"name": feature["properties"]["nom"], "rings": rings}
    (OUT / "departements.json").write_text(json.dumps(outlines, ensure_ascii=False, separators=(",", ":")),
                                           encoding="utf-8")


if __name__ == "__main__":
    build(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
