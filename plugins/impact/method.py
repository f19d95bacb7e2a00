"""The method, as plain functions: distances, avoided kilometres, CO2e, money and time.

No database, no Flask: values in, values out, so each step can be checked by hand
(tests/plugins/impact/test_method.py) and shown on the public method page with the territory's
settings (`plugins.impact.config.ImpactConfig`). docs/impact.md explains every choice.
"""
from __future__ import annotations

import json
import math
import urllib.error
import urllib.request
from dataclasses import dataclass

# How a member would have travelled to their usual workplace.
MODES = ("petrol", "diesel", "hybrid", "electric", "public_transport", "two_wheeler", "bike_walk")
CAR_MODES = ("petrol", "diesel", "hybrid", "electric")
FISCAL_HP = (3, 4, 5, 6, 7)  # the barème's columns: 3 CV and less ... 7 CV and more


def crow_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine on a 6,371 km sphere)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def road_km(a: tuple[float, float], b: tuple[float, float], detour: float) -> float:
    """The road distance estimated from the crow-flies one: times the detour factor."""
    return crow_km(a[0], a[1], b[0], b[1]) * detour


def osrm_km(url: str, a: tuple[float, float], b: tuple[float, float], timeout: float = 2.0) -> float | None:
    """The driving distance between two (lat, lon) points from an OSRM server, or None when it
    does not answer, answers an error, or answers something else than a route."""
    base = url.rstrip("/")
    query = f"{base}/route/v1/driving/{a[1]:.6f},{a[0]:.6f};{b[1]:.6f},{b[0]:.6f}?overview=false"
    try:
        with urllib.request.urlopen(query, timeout=timeout) as answer:  # noqa: S310 (a configured URL)
            data = json.loads(answer.read().decode("utf-8"))
        if data.get("code") != "Ok" or not data.get("routes"):
            return None
        return float(data["routes"][0]["distance"]) / 1000.0
    except (OSError, ValueError, KeyError, TypeError, IndexError, urllib.error.URLError):
        return None


def avoided_km(home_to_work: float, home_to_telecentre: float) -> float:
    """One day: the return trip to the usual workplace, less the return trip to the
    telecentre; never below zero (a telecentre further than the office avoids nothing)."""
    return max(0.0, 2.0 * (home_to_work - home_to_telecentre))


def co2e_kg(km: float, factor_kg_per_km: float) -> float:
    return km * factor_kg_per_km


def co2e_range(kg: float, rebound_share: float) -> tuple[float, float]:
    """(low, high): what is left once a rebound effect eats `rebound_share` of the gain, and
    the gross gain. The rebound is shown, never hidden."""
    return kg * (1.0 - rebound_share), kg


def bareme_rate(fiscal_hp: int | None, rates: dict[int, float], electric: bool, electric_bonus: float) -> float:
    """Euros per km from the barème kilométrique (first band, up to 5,000 km a year), by fiscal
    horsepower (below 3 counts as 3, above 7 as 7); electric cars get the bonus (+20 %)."""
    hp = min(max(fiscal_hp or 5, min(rates)), max(rates))
    rate = rates[hp]
    return rate * (1.0 + electric_bonus) if electric else rate


def fuel_rate(litres_per_100km: float, price_per_litre: float) -> float:
    """Euros per km counting fuel (or electricity: kWh per 100 km x price per kWh) only."""
    return litres_per_100km / 100.0 * price_per_litre


def euros(km: float, rate_per_km: float) -> float:
    return km * rate_per_km


def hours(km: float, mean_speed_kmh: float) -> float:
    return km / mean_speed_kmh


@dataclass(frozen=True)
class Day:
    """What one checked-in day avoided."""

    km: float
    co2e_kg: float
    cents: int
    hours: float


def day_figures(home_to_work: float, home_to_telecentre: float, *, co2_factor: float, rate_per_km: float,
                mean_speed: float) -> Day:
    """The figures of one day (one return trip, however many half-days were booked)."""
    km = avoided_km(home_to_work, home_to_telecentre)
    return Day(km=km, co2e_kg=co2e_kg(km, co2_factor), cents=round(euros(km, rate_per_km) * 100),
               hours=hours(km, mean_speed))
