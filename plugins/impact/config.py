"""The [plugins.impact] table of the territory file: the method's values, each with its source.

Every figure the reports show comes from here; the public method page prints them as they are.
Defaults: docs/impact.md (ADEME Impact CO2 for the CO2e factors, the barème kilométrique of the
tax administration for money, the Lot's 2012 pilot for the mean speed).
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Factor(BaseModel):
    """A CO2e factor, kg per km, with where it comes from."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    kg_per_km: float = Field(ge=0, le=2)
    year: int = Field(ge=1990, le=2100)
    source: str = Field(min_length=1, max_length=300)


def _factor(kg: float, source: str, year: int = 2023) -> Factor:
    return Factor(kg_per_km=kg, year=year, source=source)


# The sources are the territory's texts, shown as they are (in its language, marked so on pages in
# another): the defaults are in French, as the territories that use them.
IMPACT_CO2 = ("ADEME, Impact CO2 (impactco2.fr), comparateur des transports, par passager-km, fabrication du "
              "véhicule comprise")

DEFAULT_FACTORS = {
    "petrol": _factor(0.2176, IMPACT_CO2 + " : voiture thermique"),
    "diesel": _factor(0.2176, IMPACT_CO2 + " : voiture thermique"),
    "hybrid": _factor(0.1780, "ADEME, Base Empreinte : voiture hybride non rechargeable (à vérifier sur impactco2.fr)"),
    "electric": _factor(0.1034, IMPACT_CO2 + " : voiture électrique"),
    "public_transport": _factor(0.1130, IMPACT_CO2 + " : bus thermique"),
    "two_wheeler": _factor(0.0763, IMPACT_CO2 + " : scooter ou moto légère"),
    "bike_walk": _factor(0.0, IMPACT_CO2 + " : vélo ou marche"),
}

# Barème kilométrique 2024 (revenus 2023, reconduit en 2025), cars, first band (d <= 5,000 km):
# euros per km by fiscal horsepower.
DEFAULT_BAREME = {3: 0.529, 4: 0.606, 5: 0.636, 6: 0.665, 7: 0.697}


class Fuel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    per_100km: float = Field(ge=0, le=100)  # litres (kWh for electric)
    price: float = Field(ge=0, le=20)  # euros per litre (per kWh)


DEFAULT_FUEL = {
    "petrol": Fuel(per_100km=6.5, price=1.85),
    "diesel": Fuel(per_100km=5.5, price=1.75),
    "hybrid": Fuel(per_100km=4.5, price=1.85),
    "electric": Fuel(per_100km=17.0, price=0.25),
}


class ImpactConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    detour_factor: float = Field(default=1.3, ge=1.0, le=3.0)
    osrm_url: str = Field(default="", max_length=300)  # an OSRM server: road distances instead
    osrm_timeout_seconds: float = Field(default=2.0, gt=0, le=30)
    mean_speed_kmh: float = Field(default=50.0, gt=0, le=200)
    rebound_share: float = Field(default=0.31, ge=0, le=1)
    rebound_source: str = Field(default="ADEME, Caractérisation des effets rebond induits par le télétravail "
                                "(2020) : environ 31 % des gains perdus en moyenne", max_length=300)
    money: str = Field(default="bareme", pattern="^(bareme|fuel)$")
    bareme_year: int = Field(default=2024, ge=2000, le=2100)
    bareme_source: str = Field(default="Barème kilométrique 2024, impots.gouv.fr (première tranche, jusqu'à "
                                       "5 000 km)", max_length=300)
    bareme_eur_per_km: dict[int, float] = Field(default_factory=lambda: dict(DEFAULT_BAREME))
    electric_bonus: float = Field(default=0.20, ge=0, le=1)
    two_wheeler_eur_per_km: float = Field(default=0.395, ge=0, le=5)  # barème motos 1-2 CV, first band
    public_transport_eur_per_km: float = Field(default=0.0, ge=0, le=5)
    fuel: dict[str, Fuel] = Field(default_factory=lambda: dict(DEFAULT_FUEL))
    factors: dict[str, Factor] = Field(default_factory=lambda: dict(DEFAULT_FACTORS))
    min_group: int = Field(default=5, ge=1, le=100)  # groups of fewer members are not shown apart

    @field_validator("factors")
    @classmethod
    def _all_factors(cls, value: dict) -> dict:
        unknown = set(value) - set(DEFAULT_FACTORS)
        if unknown:
            raise ValueError(f"unknown mode(s): {', '.join(sorted(unknown))}")
        return {**DEFAULT_FACTORS, **value}

    @field_validator("fuel")
    @classmethod
    def _all_fuels(cls, value: dict) -> dict:
        unknown = set(value) - set(DEFAULT_FUEL)
        if unknown:
            raise ValueError(f"unknown car mode(s): {', '.join(sorted(unknown))}")
        return {**DEFAULT_FUEL, **value}

    @field_validator("bareme_eur_per_km")
    @classmethod
    def _all_columns(cls, value: dict) -> dict:
        if set(value) - set(DEFAULT_BAREME):
            raise ValueError("the barème's columns are 3 to 7 (fiscal horsepower)")
        return {**DEFAULT_BAREME, **value}
