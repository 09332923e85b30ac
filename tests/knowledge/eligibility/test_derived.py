"""Derived quantities the rules compare (knowledge/eligibility/derived.py)."""

from __future__ import annotations

import pytest

from knowledge.eligibility import load_fields
from knowledge.eligibility.derived import (
    DERIVED,
    compute,
    gps_per_10k_residents,
    health_staff_per_bed,
    primary_build_basis,
    visits_per_resident,
)
from knowledge.regions import DATA


def test_gps_per_10k_residents():
    assert gps_per_10k_residents(10, 50000) == 2.0
    assert gps_per_10k_residents(9, 50000) == pytest.approx(1.8)
    assert gps_per_10k_residents(0, 50000) == 0.0
    assert gps_per_10k_residents(None, 50000) is None
    assert gps_per_10k_residents(10, None) is None
    assert gps_per_10k_residents(10, 0) is None


def test_visits_per_resident():
    assert visits_per_resident(100000, 50000) == 2.0
    assert visits_per_resident(99999, 50000) < 2.0
    assert visits_per_resident(0, 50000) == 0.0
    assert visits_per_resident(None, 1) is None
    assert visits_per_resident(100, 0) is None


def test_health_staff_per_bed():
    assert health_staff_per_bed(21, 30) == pytest.approx(0.7)
    assert health_staff_per_bed(20, 30) < 0.7
    assert health_staff_per_bed(20, 0) is None
    assert health_staff_per_bed(None, 30) is None


def test_primary_build_basis():
    assert primary_build_basis("community_health_center", None) is True
    assert primary_build_basis("community_health_center", False) is True
    assert primary_build_basis("township_health_center", True) is True
    assert primary_build_basis("township_health_center", False) is False
    assert primary_build_basis("township_health_center", None) is None
    assert primary_build_basis(None, True) is None


def test_compute_reads_inputs_by_name_from_the_profile():
    fields = load_fields(DATA)
    assert compute("gps_per_10k_residents", {"general_practitioners": 6, "resident_population": 20000}) == 3.0
    assert compute("visits_per_resident", {"annual_visits": 100}) is None
    for name, spec in DERIVED.items():
        assert set(spec.inputs) <= set(fields), name
