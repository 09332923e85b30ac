"""Reading answers the way directors type them: quantities, choices and the words that steer the
questionnaire. Field specs are the real ones from knowledge/data/fields.yaml."""

from __future__ import annotations

import dataclasses

import pytest

from dialogs.quantities import ParsedValue, ParseError, parse_quantity
from dialogs.words import (
    asks_why,
    is_back,
    looks_like_question,
    parse_choice,
    parse_choice_index,
    parse_unknown,
    parse_yes_no,
)
from knowledge.eligibility import FieldSpec, load_fields


@pytest.fixture(scope="module")
def fields(kb) -> dict[str, FieldSpec]:
    return load_fields(kb.root)


def value(text: str, spec: FieldSpec) -> ParsedValue:
    parsed = parse_quantity(text, spec)
    assert isinstance(parsed, ParsedValue), (text, parsed)
    return parsed


def error(text: str, spec: FieldSpec) -> ParseError:
    parsed = parse_quantity(text, spec)
    assert isinstance(parsed, ParseError), (text, parsed)
    return parsed


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("30", 30),
        ("３０", 30),
        ("三十", 30),
        ("30张", 30),
        ("30 张", 30),
        ("30张床位", 30),
        ("三十张床", 30),
        ("共30张", 30),
        ("一百二十", 120),
        ("30个", 30),  # 个 counts anything
        ("0", 0),
    ],
)
def test_beds_in_every_form(fields, typed: str, expected: int) -> None:
    parsed = value(typed, fields["open_beds"])
    assert parsed.value == expected and isinstance(parsed.value, int)
    assert not parsed.approximate and not parsed.confirm_percent


@pytest.mark.parametrize("typed", ["约30", "30左右", "大约30张", "30张左右", "30多张", "目前大约有30张", "将近三十张"])
def test_approximate_numbers_are_taken_and_marked(fields, typed: str) -> None:
    parsed = value(typed, fields["open_beds"])
    assert parsed.value == 30 and parsed.approximate


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("75%", 75), ("７５％", 75), ("75", 75), ("百分之七十五", 75), ("75.5%", 75.5), ("百分之七十五点五", 75.5)],
)
def test_percentages(fields, typed: str, expected: float) -> None:
    parsed = value(typed, fields["bed_occupancy_rate"])
    assert parsed.value == expected and not parsed.confirm_percent


def test_a_fraction_for_a_percentage_is_read_as_percent_but_must_be_confirmed(fields) -> None:
    parsed = value("0.75", fields["bed_occupancy_rate"])
    assert parsed.value == 75 and parsed.confirm_percent
    assert value("０．７５", fields["bed_occupancy_rate"]).confirm_percent
    # with a percent sign it is meant literally: 0.75 %
    literal = value("0.75%", fields["bed_occupancy_rate"])
    assert literal.value == 0.75 and not literal.confirm_percent


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("3,000平方米", 3000),
        ("3000", 3000),
        ("3千", 3000),
        ("三千平米", 3000),
        ("3000㎡", 3000),
        ("3000m²", 3000),
        ("2800.5平方米", 2800.5),
        ("３，０００", 3000),
    ],
)
def test_floor_area(fields, typed: str, expected: float) -> None:
    assert value(typed, fields["floor_area_m2"]).value == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("1.2万", 12000), ("1.2万人", 12000), ("一万二", 12000), ("12000", 12000), ("1万2千", 12000), ("两万", 20000)],
)
def test_resident_population_with_wan(fields, typed: str, expected: int) -> None:
    parsed = value(typed, fields["resident_population"])
    assert parsed.value == expected and isinstance(parsed.value, int)


def test_other_units_fit_their_fields(fields) -> None:
    assert value("3万人次", fields["annual_visits"]).value == 30000
    assert value("3万人", fields["annual_visits"]).value == 30000  # what people say for 人次
    assert value("200人次/天", fields["featured_department_daily_visits"]).value == 200
    assert value("2所", fields["referral_partner_hospitals"]).value == 2
    assert value("3支", fields["elite_family_doctor_teams"]).value == 3
    assert value("300种", fields["tcm_herbal_pieces"]).value == 300
    assert value("5名", fields["general_practitioners"]).value == 5
    assert value("二〇二〇年", fields["community_grade_a_year"]).value == 2020


@pytest.mark.parametrize(
    ("typed", "field", "reason"),
    [
        ("-3", "open_beds", "negative"),
        ("负三十", "open_beds", "negative"),
        ("30.5", "open_beds", "not_integer"),
        ("30.5张", "open_beds", "not_integer"),
        ("160%", "bed_occupancy_rate", "too_large"),
        ("151", "bed_occupancy_rate", "too_large"),
        ("101%", "patient_satisfaction", "too_large"),
        ("5000张", "open_beds", "too_large"),
        ("1989", "community_grade_a_year", "too_small"),
        ("30平方米", "open_beds", "wrong_unit"),
        ("75%", "open_beds", "wrong_unit"),
        ("30人", "open_beds", "wrong_unit"),
        ("3000张", "floor_area_m2", "wrong_unit"),
        ("75张", "bed_occupancy_rate", "wrong_unit"),
        ("30-40", "open_beds", "range"),
        ("30到40张", "open_beds", "range"),
        ("30~40", "open_beds", "range"),
        ("30张，其中20张在用", "open_beds", "several"),
        ("30,40", "open_beds", "several"),
        ("很多", "open_beds", "not_number"),
        ("床位怎么算", "open_beds", "not_number"),
        ("30张床位够吗", "open_beds", "not_number"),
        ("有", "open_beds", "not_number"),
    ],
)
def test_impossible_or_unclear_values_are_rejected_with_a_reason(fields, typed: str, field: str, reason: str) -> None:
    assert error(typed, fields[field]).reason == reason


def test_a_rejection_keeps_what_was_read(fields) -> None:
    too_big = error("160%", fields["bed_occupancy_rate"])
    assert too_big.value == 160
    unit = error("30平方米", fields["open_beds"])
    assert (unit.value, unit.unit_seen) == (30, "平方米")


def test_steering_words_and_questions() -> None:
    for typed in ["不清楚", "不知道", "跳过", "跳过/不清楚", "不确定", "没统计"]:
        assert parse_unknown(typed), typed
    assert not parse_unknown("30")
    assert is_back("上一步") and is_back("返回") and not is_back("下一步")
    assert asks_why("为什么问这个") and asks_why("为什么？") and asks_why("为啥")
    assert not asks_why("为什么床位要30张")  # a real question, for the knowledge base
    for typed in ["床位使用率怎么算？", "需要多少床位", "要交哪些材料", "这个必须填吗"]:
        assert looks_like_question(typed), typed
    for typed in ["30", "是", "约30张", "不清楚"]:
        assert not looks_like_question(typed), typed


def test_yes_no_and_choices(fields) -> None:
    assert parse_yes_no("是") is True and parse_yes_no("没有") is False and parse_yes_no("30") is None
    level = fields["service_capability_level"].choices
    assert parse_choice("3", level) == "recommended"
    assert parse_choice("三", level) == "recommended"
    assert parse_choice("推荐标准", level) == "recommended"
    assert parse_choice("推荐", level) == "recommended"
    assert parse_choice("达到了推荐标准", level) == "recommended"
    assert parse_choice("basic", level) == "basic"
    assert parse_choice("未达到", level) == "none"
    assert parse_choice("标准", level) is None  # fits two labels: ask again
    assert parse_choice("5", level) is None
    kinds = fields["institution_type"].choices
    assert parse_choice("乡镇卫生院", kinds) == "township_health_center"
    assert parse_choice("我们是社区卫生服务中心", kinds) == "community_health_center"
    assert parse_choice_index("第2个", 3) == 1


@pytest.mark.parametrize("typed", ["9" * 400, "1" + "0" * 330 + "平方米", "1" + "0" * 400 + "%"])
def test_a_number_too_long_for_a_float_is_not_read_as_infinity(fields, typed: str) -> None:
    # Without a max in the spec, inf used to be accepted and saved: JSON (PostgreSQL) has no inf.
    for name in ("floor_area_m2", "bed_occupancy_rate", "open_beds"):
        spec = dataclasses.replace(fields[name], max=None)
        parsed = parse_quantity(typed, spec)
        assert isinstance(parsed, ParseError) and parsed.reason == "not_number", (name, parsed)


@pytest.mark.parametrize("typed", ["፩", "第፩个", "𐩀"])
def test_a_digit_int_cannot_read_is_no_choice(typed: str) -> None:
    # "፩".isdigit() is true but int("፩") raised: typing it at the region question crashed the turn.
    assert parse_choice_index(typed, 4) is None


# ---------------------------------------------------------------- the breaker's B5–B8, B17


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("床位30张", "open_beds", 30),
        ("实际开放床位30张", "open_beds", 30),
        ("实际开放床位数：30", "open_beds", 30),
        ("开放床位有30张", "open_beds", 30),
        ("业务用房3000平方米", "floor_area_m2", 3000),
        ("建筑面积3000平米", "floor_area_m2", 3000),
        ("床位使用率80%", "bed_occupancy_rate", 80),
    ],
)
def test_the_fields_own_name_before_the_number_is_read(fields, text: str, field: str, expected: int) -> None:
    assert value(text, fields[field]).value == expected


@pytest.mark.parametrize(("text", "field"), [("占地5000平方米", "floor_area_m2"), ("家庭病床30张", "open_beds")])
def test_another_quantitys_name_is_not_taken_for_the_field(fields, text: str, field: str) -> None:
    assert isinstance(parse_quantity(text, fields[field]), ParseError)


@pytest.mark.parametrize(
    ("text", "field", "expected", "confirm"),
    [
        (".3万平方米", "floor_area_m2", 3000, False),
        (".25万", "floor_area_m2", 2500, False),
        (".8", "bed_occupancy_rate", 80, True),
        ("．9", "bed_occupancy_rate", 90, True),
        ("4️⃣0️⃣", "open_beds", 40, False),
        ("3️⃣0️⃣张", "open_beds", 30, False),
    ],
)
def test_a_leading_point_and_keycap_digits_are_read(fields, text, field, expected, confirm) -> None:
    parsed = value(text, fields[field])
    assert (parsed.value, parsed.confirm_percent) == (expected, confirm)


@pytest.mark.parametrize(
    ("text", "field", "reason"),
    [
        (".5", "open_beds", "not_integer"),
        ("5亩", "floor_area_m2", "wrong_unit"),
        ("0.5公顷", "floor_area_m2", "wrong_unit"),
        ("3O张", "open_beds", "not_number"),
        ("1e3张", "open_beds", "several"),
        ("±40张", "open_beds", "not_number"),
    ],
)
def test_what_is_not_one_figure_of_the_field_is_refused(fields, text, field, reason) -> None:
    parsed = parse_quantity(text, fields[field])
    assert isinstance(parsed, ParseError) and parsed.reason == reason, parsed


@pytest.mark.parametrize(
    "figure",
    ["40张", "-5张", "负五张", "+40张", "±40张", ".5张", "3O张", "1e3张", "4️⃣0️⃣张", "叁拾伍张", "一亿亿张", "两千五张"],
)
def test_the_qa_and_the_questionnaire_read_a_figure_alike(kb, fields, figure: str) -> None:
    """One reader (B5–B8): the Q&A's figure after 床位 is what /check would record, or nothing when /check refuses."""
    from dialogs.qa.facts import read_situation

    parsed = parse_quantity(figure, fields["open_beds"])
    stated = read_situation("床位" + figure, kb.fields).get("open_beds")
    assert (stated.value if stated else None) == (parsed.value if isinstance(parsed, ParsedValue) else None)


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("三十张吧", "open_beds", 30),
        ("四十张左右吧", "open_beds", 40),
        ("30张🛏️", "open_beds", 30),
        ("30张整", "open_beds", 30),
        ("3000平方米左右吧", "floor_area_m2", 3000),
        ("80%呢", "bed_occupancy_rate", 80),
    ],
)
def test_particles_and_emoji_after_the_answer_are_not_the_figure(fields, text, field, expected) -> None:
    """Breaker B18: these were "没有看懂"; a parenthesis (40张(编制)) still is, it may name another quantity."""
    assert value(text, fields[field]).value == expected
    assert isinstance(parse_quantity("40张(编制)", fields["open_beds"]), ParseError)
