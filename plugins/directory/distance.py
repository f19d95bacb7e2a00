"""Distances as plain arithmetic: a home is kept as its point on the unit sphere, so "within r
km" and "nearest first" are a squared chord compared in SQL, the same on SQLite and PostgreSQL
(no trigonometry in the database) and exact: the chord grows with the great-circle distance."""
from __future__ import annotations

import math

EARTH_KM = 6371.0  # as core.geo.distance_km


def point(latitude: float | None, longitude: float | None) -> tuple[float | None, float | None, float | None]:
    """(x, y, z) on the unit sphere, or Nones when the position is unknown."""
    if latitude is None or longitude is None:
        return None, None, None
    phi, lam = math.radians(latitude), math.radians(longitude)
    return math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi)


def chord2_within(radius_km: float) -> float:
    """The squared chord of a great-circle distance of `radius_km`."""
    return (2 * math.sin(min(math.pi, radius_km / EARTH_KM) / 2)) ** 2


def km(chord2: float) -> float:
    """The great-circle distance of a squared chord."""
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(max(0.0, chord2)) / 2))
