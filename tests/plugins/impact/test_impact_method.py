"""The method against hand-computed cases (no database)."""
from __future__ import annotations

import pytest

from plugins.impact import method
from plugins.impact.config import DEFAULT_BAREME, ImpactConfig

FIGEAC = (44.6086, 2.0317)
CAHORS = (44.4475, 1.4406)


def test_home_in_the_telecentres_commune_avoids_the_whole_trip_and_home_at_work_avoids_nothing():
    assert method.avoided_km(30.0, 0.0) == 60.0
    assert method.avoided_km(0.0, 0.0) == 0.0


def test_a_telecentre_closer_than_the_workplace_avoids_the_difference_twice():
    # Home 40 km from the office, 12 km from the telecentre: 2 x (40 - 12) = 56 km a day.
    assert method.avoided_km(40.0, 12.0) == pytest.approx(56.0)


def test_a_telecentre_further_than_the_workplace_avoids_nothing_never_less():
    assert method.avoided_km(10.0, 25.0) == 0.0


def test_crow_flies_times_the_detour_factor():
    crow = method.crow_km(*FIGEAC, *CAHORS)
    # By hand: 0.1611 deg of latitude = 17.9 km; 0.5911 deg of longitude x cos(44.53 deg) = 46.9 km;
    # sqrt(17.9^2 + 46.9^2) = 50.2 km.
    assert crow == pytest.approx(50.2, abs=0.2)
    assert method.road_km(FIGEAC, CAHORS, 1.3) == pytest.approx(crow * 1.3)


def test_electric_versus_petrol_for_the_same_day():
    cfg = ImpactConfig()
    petrol = method.day_figures(40.0, 12.0, co2_factor=cfg.factors["petrol"].kg_per_km,
                                rate_per_km=method.bareme_rate(5, cfg.bareme_eur_per_km, False, 0.2), mean_speed=50)
    electric = method.day_figures(40.0, 12.0, co2_factor=cfg.factors["electric"].kg_per_km,
                                  rate_per_km=method.bareme_rate(5, cfg.bareme_eur_per_km, True, 0.2), mean_speed=50)
    assert petrol.km == electric.km == pytest.approx(56.0)
    assert petrol.co2e_kg == pytest.approx(56 * 0.2176)  # 12.19 kg
    assert electric.co2e_kg == pytest.approx(56 * 0.1034)  # 5.79 kg
    assert petrol.cents == round(56 * 0.636 * 100)  # 35.62 EUR at 5 CV
    assert electric.cents == round(56 * 0.636 * 1.2 * 100)  # +20 % for an electric car: 42.74 EUR
    assert petrol.hours == pytest.approx(56 / 50)


def test_the_bareme_clamps_the_fiscal_horsepower_to_its_columns():
    assert method.bareme_rate(2, DEFAULT_BAREME, False, 0.2) == DEFAULT_BAREME[3]
    assert method.bareme_rate(11, DEFAULT_BAREME, False, 0.2) == DEFAULT_BAREME[7]
    assert method.fuel_rate(6.5, 1.85) == pytest.approx(0.12025)


def test_the_rebound_is_a_range():
    assert method.co2e_range(100.0, 0.31) == pytest.approx((69.0, 100.0))


def test_the_lots_2012_figures_worked_backwards():
    km = 38_735
    assert round(method.hours(km, 50) / 24, 1) == 32.3  # "32 days" of travel time, at 50 km/h
    assert round(4500 / km * 1000) == 116  # g CO2 per km: an exhaust-only factor, below 217.6
    assert round(1583 / km, 3) == 0.041  # EUR per km: below fuel alone and far below the barème
    assert 1583 / km < method.fuel_rate(6.5, 1.85) < DEFAULT_BAREME[3]


def test_unknown_settings_are_refused():
    with pytest.raises(ValueError):
        ImpactConfig(factors={"rocket": {"kg_per_km": 1, "year": 2023, "source": "x"}})
    partial = ImpactConfig(factors={"petrol": {"kg_per_km": 0.2, "year": 2024, "source": "mine"}})
    assert partial.factors["petrol"].kg_per_km == 0.2 and partial.factors["electric"].kg_per_km == 0.1034


def test_osrm_gives_road_kilometres_and_none_once_it_is_down(osrm_server):
    url = f"http://127.0.0.1:{osrm_server.server_port}"
    assert method.osrm_km(url, FIGEAC, CAHORS) == pytest.approx(61.5)
    osrm_server.shutdown()
    osrm_server.server_close()
    assert method.osrm_km(url, FIGEAC, CAHORS, timeout=1) is None
