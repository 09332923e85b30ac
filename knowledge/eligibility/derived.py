"""Derived quantities the rules compare, as named functions referenced by name from the rule YAML.

No text from YAML is ever evaluated: a rule says `derived: gps_per_10k_residents` and the loader
looks that name up in DERIVED. Each function returns None when an input is missing or the ratio is
undefined (zero population or beds), which makes the criterion "unknown", never "failed".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from knowledge.eligibility import texts as T


def gps_per_10k_residents(general_practitioners: float | None, resident_population: float | None) -> float | None:
    """全科医生数 per 10,000 resident population (每万人口全科医生数)."""
    if general_practitioners is None or not resident_population:
        return None
    return general_practitioners * 10000 / resident_population


def visits_per_resident(annual_visits: float | None, resident_population: float | None) -> float | None:
    """年诊疗人次数 as a multiple of the resident population (年诊疗人次 ÷ 辖区常住人口)."""
    if annual_visits is None or not resident_population:
        return None
    return annual_visits / resident_population


def health_staff_per_bed(health_technical_staff: float | None, open_beds: float | None) -> float | None:
    """卫生技术人员数 per open bed (床人比)."""
    if health_technical_staff is None or not open_beds:
        return None
    return health_technical_staff / open_beds


def primary_build_basis(institution_type: str | None, urban_rural_fringe: bool | None) -> bool | None:
    """Whether the institution is what national-2021 二 builds community hospitals on: an urban community
    health service centre, or a township health centre on the urban–rural fringe (尤其是城乡结合部)."""
    if institution_type == "community_health_center":
        return True
    if institution_type == "township_health_center":
        return urban_rural_fringe
    return None


@dataclass(frozen=True)
class Derived:
    function: Callable[..., float | bool | None]
    inputs: tuple[str, ...]  # profile fields, in the function's argument order
    label: str  # what the number is called in messages
    unit: str
    kind: str = "number"  # "number" (compared with >=, <= ...) or "bool" (is_true / is_false)


def _derived(function: Callable[..., float | bool | None], inputs: tuple[str, ...], kind: str = "number") -> Derived:
    label, unit = T.DERIVED_LABELS[function.__name__]
    return Derived(function, inputs, label, unit, kind)


DERIVED: dict[str, Derived] = {
    "gps_per_10k_residents": _derived(gps_per_10k_residents, ("general_practitioners", "resident_population")),
    "visits_per_resident": _derived(visits_per_resident, ("annual_visits", "resident_population")),
    "health_staff_per_bed": _derived(health_staff_per_bed, ("health_technical_staff", "open_beds")),
    "primary_build_basis": _derived(primary_build_basis, ("institution_type", "urban_rural_fringe"), kind="bool"),
}


def compute(name: str, profile: dict) -> float | bool | None:
    """The derived quantity `name` on a profile: a value said for the quantity itself (全科医生每万人1.5个,
    dialogs/qa/ratios.py) wins, else it is worked out from its inputs (None when one is missing)."""
    if profile.get(name) is not None:
        return profile[name]
    spec = DERIVED[name]
    return spec.function(*(profile.get(f) for f in spec.inputs))
