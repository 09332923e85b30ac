"""Issue 10, numbers: every kind of numeral a Chinese keyboard produces, and approximate ranges.

Table tests name the examples of the issue; property tests (hypothesis) generate the kind: any
number written by cn2an in lower-case, financial (大写) or traditional form reads back as itself;
any pair of neighbouring digits (八九, 三四十, 十七八) is a range to be asked again, never a number;
any 成 reads as tenths of a hundred per cent."""

from __future__ import annotations

import cn2an
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from opencc import OpenCC

from dialogs.quantities import ParsedValue, ParseError, parse_quantity
from knowledge.eligibility import FieldSpec, load_fields

_TRADITIONAL = OpenCC("s2t")
_PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
DIGITS = "一二三四五六七八九"


@pytest.fixture(scope="module")
def fields(kb) -> dict[str, FieldSpec]:
    return load_fields(kb.root)


def parsed(text: str, spec: FieldSpec) -> ParsedValue | ParseError:
    return parse_quantity(text, spec)


@pytest.mark.parametrize(
    ("typed", "field"),
    [
        ("八九张", "open_beds"),
        ("七八人次", "featured_department_daily_visits"),
        ("三四十", "open_beds"),
        ("三四十张", "open_beds"),
        ("两三百平米", "floor_area_m2"),
        ("十七八张", "open_beds"),
        ("二十七八", "open_beds"),
        ("五六千人次", "annual_visits"),
        ("十几张", "open_beds"),
        ("几十张", "open_beds"),
        ("二十几", "open_beds"),
        ("百分之七八十", "bed_occupancy_rate"),
        ("七八成", "bed_occupancy_rate"),
    ],
)
def test_an_approximate_range_is_asked_again_not_read_as_one_number(fields, typed: str, field: str) -> None:
    result = parsed(typed, fields[field])
    assert isinstance(result, ParseError) and result.reason == "range", (typed, result)


@pytest.mark.parametrize(
    ("typed", "field", "expected"),
    [
        ("1.2萬", "resident_population", 12000),
        ("1.2萬人", "resident_population", 12000),
        ("壹萬貳仟", "resident_population", 12000),
        ("叁拾张", "open_beds", 30),
        ("叁拾", "open_beds", 30),
        ("贰佰", "tcm_herbal_pieces", 200),
        ("兩千平方米", "floor_area_m2", 2000),
        ("三十張", "open_beds", 30),
        ("三十張牀位", "open_beds", 30),
        ("九成", "bed_occupancy_rate", 90),
        ("两成半", "bed_occupancy_rate", 25),
        ("九成五", "bed_occupancy_rate", 95),
        ("9成", "bed_occupancy_rate", 90),
        ("十成", "bed_occupancy_rate", 100),
        ("七成多", "bed_occupancy_rate", 70),
        ("百分之七十五", "bed_occupancy_rate", 75),
        ("百分之九十点五", "patient_satisfaction", 90.5),
        ("1万2", "resident_population", 12000),
        ("三千五", "floor_area_m2", 3500),
        ("二〇二〇", "community_grade_a_year", 2020),
    ],
)
def test_numerals_of_every_form_are_read(fields, typed: str, field: str, expected: float) -> None:
    result = parsed(typed, fields[field])
    assert isinstance(result, ParsedValue) and result.value == expected, (typed, result)


def test_cheng_is_a_percentage_not_a_count(fields) -> None:
    result = parsed("九成", fields["open_beds"])
    assert isinstance(result, ParseError) and result.reason == "wrong_unit"


def test_cheng_with_approximate_words_is_marked_approximate(fields) -> None:
    result = parsed("七成左右", fields["bed_occupancy_rate"])
    assert isinstance(result, ParsedValue) and result.value == 70 and result.approximate


# --- properties ----------------------------------------------------------------------------------


@_PROPERTY
@given(n=st.integers(min_value=0, max_value=2000), form=st.sampled_from(["low", "up", "traditional"]))
def test_property_any_bed_count_in_any_script_reads_back(fields, n: int, form: str) -> None:
    text = cn2an.an2cn(n, "up" if form == "up" else "low")
    if form == "traditional":
        text = _TRADITIONAL.convert(text)
    result = parsed(text + "张", fields["open_beds"])
    assert isinstance(result, ParsedValue) and result.value == n, (text, result)


@_PROPERTY
@given(n=st.integers(min_value=1, max_value=3_000_000))
def test_property_populations_with_wan_read_back(fields, n: int) -> None:
    for text in (cn2an.an2cn(n), _TRADITIONAL.convert(cn2an.an2cn(n)), f"{n:,}人"):
        result = parsed(text, fields["resident_population"])
        assert isinstance(result, ParsedValue) and result.value == n, (text, result)


@_PROPERTY
@given(
    first=st.integers(min_value=1, max_value=8),
    before=st.sampled_from(["", "十", "二十", "三十"]),
    after=st.sampled_from(["", "十", "百"]),
    unit=st.sampled_from(["", "张", "张床位"]),
    two=st.booleans(),
)
def test_property_neighbouring_digits_are_a_range(
    fields, first: int, before: str, after: str, unit: str, two: bool
) -> None:
    if before and after:
        return  # 二十三四百 is no numeral anyone writes
    a = "两" if (two and first == 2) else DIGITS[first - 1]
    text = f"{before}{a}{DIGITS[first]}{after}{unit}"
    result = parsed(text, fields["open_beds"])
    assert isinstance(result, ParseError) and result.reason == "range", (text, result)


@_PROPERTY
@given(tenths=st.integers(min_value=1, max_value=10), half=st.booleans(), digits=st.booleans())
def test_property_cheng_is_tenths(fields, tenths: int, half: bool, digits: bool) -> None:
    numeral = str(tenths) if digits else ("十" if tenths == 10 else DIGITS[tenths - 1])
    if half and tenths == 10:
        return  # 十成半 would be 105 %, no one says it
    text = numeral + "成" + ("半" if half else "")
    result = parsed(text, fields["bed_occupancy_rate"])
    assert isinstance(result, ParsedValue), (text, result)
    assert result.value == tenths * 10 + (5 if half else 0)


@_PROPERTY
@given(st.text(max_size=12))
def test_property_any_text_gives_a_value_or_a_reason(fields, text: str) -> None:
    for name in ("open_beds", "bed_occupancy_rate", "floor_area_m2", "resident_population"):
        result = parsed(text, fields[name])
        assert isinstance(result, (ParsedValue, ParseError))
        if isinstance(result, ParsedValue):
            spec = fields[name]
            assert spec.min is None or result.value >= spec.min
            assert spec.max is None or result.value <= spec.max


def test_numeral_forms_are_cn2ans_own_table() -> None:
    """dialogs.quantities spells cn2an's numeral table so that its import does not load cn2an (issue
    12, cold start); the two must stay one table, or a numeral cn2an reads would not be seen."""
    from cn2an.conf import NORMAL_CN_NUMBER

    from dialogs.quantities import NUMERAL_FORMS

    assert list(NUMERAL_FORMS.items()) == list(NORMAL_CN_NUMBER.items())
