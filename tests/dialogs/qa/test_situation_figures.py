"""Which figure of a situation is the criterion's own (the breaker's B1–B9, B11): another quantity
whose name holds the field's word (占地面积, 编制床位) is not the field; of two figures for one field
the current or corrected one wins (去年…今年, 2019年…现在, 不是30张是25张); a change (增加了10张) is
not the level; the whole number token is read (a sign, a leading ".", capital numerals, keycaps, 亩),
and a figure that cannot be read is named, never silently dropped; government support is read with a
particle or negation in the middle (政府不支持, 党委政府也支持)."""

from __future__ import annotations

import pytest

from dialogs.qa.facts import read_situation
from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import turn_full

UNREAD = T.SITUATION_UNREAD.split("{")[0]


def values(kb, text: str) -> dict:
    return {f: s.value for f, s in read_situation(text, kb.fields).items()}


# ---------------------------------------------------------------- another quantity (B1, B2)


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("占地面积5000平方米，建筑面积2500平方米", "floor_area_m2", 2500),
        ("建筑面积2500平方米，占地面积5000平方米", "floor_area_m2", 2500),
        ("占地5000平米，业务用房2800平米", "floor_area_m2", 2800),
        ("绿化面积1000平方米，业务用房面积3200平方米", "floor_area_m2", 3200),
        ("编制床位50张，实际开放床位25张", "open_beds", 25),
        ("实际开放床位25张，编制床位50张", "open_beds", 25),
        ("我们有家庭病床50张，实际床位20张", "open_beds", 20),
        ("核定床位60张，开放床位28张", "open_beds", 28),
    ],
)
def test_another_quantity_named_with_the_fields_word_is_not_the_field(kb, text, field, value) -> None:
    assert values(kb, text)[field] == value


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("占地面积5000平方米", "floor_area_m2"),
        ("绿化面积3000平方米", "floor_area_m2"),
        ("病房面积500平方米", "floor_area_m2"),
        ("用地面积8000平米", "floor_area_m2"),
        ("家庭病床20张", "open_beds"),
        ("编制床位50张", "open_beds"),
    ],
)
def test_another_quantity_alone_leaves_the_field_unknown(kb, text, field) -> None:
    assert field not in values(kb, text)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("床位40张，使用率80%，占地面积5000平方米，能申请吗", "5000平方米"),
        ("床位40张，使用率80%，绿化面积3000平方米，能申请吗", "3000平方米"),
        ("编制床位50张，使用率80%，能申请吗", "50张"),
    ],
)
def test_another_quantitys_figure_is_named_not_judged(kb, now, text, figure) -> None:
    turn = turn_full(kb, now, text, region="jilin")
    assert turn.kind == "situation"
    assert T.SITUATION_UNREAD.format(figures=figure) in turn.text
    assert f"业务用房建筑面积{figure}" not in turn.text and f"实际开放床位{figure}" not in turn.text


# ---------------------------------------------------------------- two figures for one field (B3)


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("床位40张，去年使用率60%，今年使用率80%", "bed_occupancy_rate", 80),
        ("使用率今年80%，去年60%", "bed_occupancy_rate", 80),
        ("我们2019年床位20张，现在40张", "open_beds", 40),
        ("2023年床位28张，2025年床位32张", "open_beds", 32),
        ("原来床位25张，目前35张", "open_beds", 35),
        ("床位不是30张是25张", "open_beds", 25),
        ("我们不是30张床，是35张", "open_beds", 35),
        ("床位从30张增加到40张", "open_beds", 40),
        ("使用率从60%提高到80%", "bed_occupancy_rate", 80),
        ("使用率从80%降到了70%", "bed_occupancy_rate", 70),
        ("我们没有30张床，只有28张", "open_beds", 28),
    ],
)
def test_of_two_figures_the_current_or_corrected_one_wins(kb, text, field, value) -> None:
    assert values(kb, text)[field] == value


def test_a_figure_set_aside_as_past_is_not_called_unread(kb, now) -> None:
    turn = turn_full(kb, now, "床位40张，去年使用率60%，今年使用率80%，能申请吗", region="jilin")
    assert "床位使用率80%" in turn.text and "60%" not in turn.text
    turn = turn_full(kb, now, "床位40张，使用率从60%提高到80%，能申请吗", region="jilin")
    assert "床位使用率80%" in turn.text and UNREAD not in turn.text
    turn = turn_full(kb, now, "床位不是30张是25张，能申请吗", region="jilin")
    assert "还差5张" in turn.text and UNREAD not in turn.text


# ---------------------------------------------------------------- a change is not the level (B4)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("床位增加了10张，现在40张", 40),
        ("床位新增了5张，一共35张", 35),
        ("床位比去年多了10张", None),
        ("床位差两张到30张", None),
        ("床位今年扩了8张", None),
    ],
)
def test_a_change_is_not_the_count(kb, text, value) -> None:
    assert values(kb, text).get("open_beds") == value


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("床位比去年多了10张，能申请吗", "10张"),
        ("床位差两张到30张，能申请吗", "两张、30张"),
        ("我们床位增加了5张，够吗", "5张"),
    ],
)
def test_a_change_alone_is_said_to_be_no_count(kb, now, text, figures) -> None:
    turn = turn_full(kb, now, text, region="jilin")
    assert turn.kind == "situation" and T.SITUATION_CHANGE_ONLY.format(figures=figures) in turn.text
    assert "实际开放床位" not in turn.text


# ---------------------------------------------------------------- the whole number token (B5–B8)


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("床位4️⃣0️⃣张", "open_beds", 40),
        ("建筑面积叁仟平方米", "floor_area_m2", 3000),
        ("床位叁拾伍张", "open_beds", 35),
        ("使用率捌拾%", "bed_occupancy_rate", 80),
        ("业务用房.3万平方米", "floor_area_m2", 3000),
    ],
)
def test_every_way_of_writing_one_number_is_read(kb, text, field, value) -> None:
    assert values(kb, text)[field] == value


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("面积-3000平方米", "floor_area_m2"),
        ("床位-5张", "open_beds"),
        ("床位负五张", "open_beds"),
        ("床位±40张", "open_beds"),
        ("面积5亩", "floor_area_m2"),
        ("面积3000亩", "floor_area_m2"),
        ("面积0.5公顷", "floor_area_m2"),
        ("床位3O张", "open_beds"),
        ("床位1e3张", "open_beds"),
        ("床位.5张", "open_beds"),
        ("床位一亿亿张", "open_beds"),
    ],
)
def test_a_figure_that_is_not_one_number_of_the_field_is_not_read(kb, text, field) -> None:
    assert field not in values(kb, text)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("床位40张，使用率80%，面积-3000平方米，能申请吗", "-3000平方米"),
        ("床位40张，使用率80%，面积5亩，能申请吗", "5亩"),
        ("床位40张，面积3000亩，能申请吗", "3000亩"),
        ("使用率80%，床位3O张，能申请吗", "3o张"),
        ("使用率80%，床位1e3张，能申请吗", "1e3张"),
        ("床位3O张，能申请吗", "3o张"),
        ("面积5亩，能申请吗", "5亩"),
    ],
)
def test_a_figure_that_cannot_be_read_is_named(kb, now, text, figure) -> None:
    turn = turn_full(kb, now, text, region="jilin")
    assert turn.kind == "situation" and figure in turn.text


# ---------------------------------------------------------------- government support (B9)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("床位40张，当地政府不支持", False),
        ("床位40张，党委政府不支持", False),
        ("县政府没表态，床位40张", False),
        ("县里还没表态支持", False),
        ("党委政府也支持，床位40张", True),
        ("县政府都很支持，床位40张", True),
        ("政府支持", True),
    ],
)
def test_support_with_a_particle_or_negation_in_the_middle_is_read(kb, text, value) -> None:
    assert values(kb, text)["local_government_support"] is value


def test_support_in_a_hypothetical_is_no_fact(kb) -> None:
    assert "local_government_support" not in values(kb, "如果政府不支持还能申请吗")


def test_support_denied_decides_the_verdict(kb, now) -> None:
    turn = turn_full(kb, now, "床位40张，当地政府不支持，能申请吗", region="jilin")
    assert "❌ 结论" in turn.text


# ---------------------------------------------------------------- a figure no criterion uses (B11)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("床位40张，使用率75%，面积3000平方米，全科医生5名，能申请吗", "general_practitioners"),
        ("床位40张，使用率75%，年诊疗5万人次，能申请吗", "annual_visits"),
    ],
)
def test_a_figure_the_regions_criteria_do_not_use_is_named(kb, now, text, label) -> None:
    turn = turn_full(kb, now, text, region="jilin")
    said = T.SITUATION_NOT_TAKEN.split("{regions}")[0].format(labels=kb.fields[label].label)
    assert said in turn.text and T.SITUATION_NOT_TAKEN.split("{regions}")[1] in turn.text
    assert T.SITUATION_PASSED.format(aside="") not in turn.text


@pytest.mark.parametrize("text", ["我们床位40.使用率80%.能申请吗", "床位40. 面积3000平方米，能申请吗"])
def test_a_full_stop_after_a_number_ends_it(kb, text) -> None:
    assert values(kb, text)["open_beds"] == 40
