"""Reading an institution's situation from a question with the questionnaire's own parser."""

from __future__ import annotations

import pytest

from dialogs.qa.facts import read_situation


def values(kb, text: str) -> dict:
    return {f: s.value for f, s in read_situation(text, kb.fields).items()}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "我们卫生院床位40张 使用率70% 业务用房3500平 在吉林能申请社区医院吗",
            {
                "open_beds": 40,
                "bed_occupancy_rate": 70,
                "floor_area_m2": 3500,
                "institution_type": "township_health_center",
            },
        ),
        (
            "床位三十五张 使用率百分之八十 业务用房两千八百平",
            {"open_beds": 35, "bed_occupancy_rate": 80, "floor_area_m2": 2800},
        ),
        ("使用率九成", {"bed_occupancy_rate": 90}),
        ("常住人口8万 全科医生15个", {"resident_population": 80000, "general_practitioners": 15}),
        ("我们有15个全科医生", {"general_practitioners": 15}),
        ("40张床位够不够", {"open_beds": 40}),
        ("年诊疗11万人次", {"annual_visits": 110000}),
        ("特色科室日均门诊才25人次", {"featured_department_daily_visits": 25}),
        ("ＦＵＬＬ：床位　４０张", {"open_beds": 40}),
    ],
)
def test_figures_are_read_next_to_the_words_naming_them(kb, text: str, expected: dict) -> None:
    assert values(kb, text) == expected


def test_a_figure_of_a_rule_is_not_the_institutions(kb) -> None:
    assert values(kb, "每万人2个全科医生 常住人口6.5万要配几个") == {"resident_population": 65000}


def test_a_figure_that_does_not_fit_the_field_is_left_out(kb) -> None:
    assert "open_beds" not in values(kb, "床位40平方米"), "a bed count is not an area"


@pytest.mark.parametrize(("text", "rate"), [("使用率0.7", 70), ("床位使用率0.75", 75), ("使用率.8，床位40张", 80)])
def test_a_rate_written_as_a_fraction_is_read_as_its_percentage(kb, text: str, rate: int) -> None:
    """Breaker B8/B11: 0.75 was silently left unknown and .8 read as 8 %."""
    assert values(kb, text)["bed_occupancy_rate"] == rate


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("口腔科包给外面人做了", "outsourced_departments", True),
        ("没有承包科室", "outsourced_departments", False),
        ("两年内没有发生医疗事故", "major_malpractice_last_2_years", False),
        ("县里还没表态支持", "local_government_support", False),
        ("政府支持社区医院建设", "local_government_support", True),
        ("我们是全国百家乡镇卫生院", "demonstration_center", True),
        ("我们是乙级社区卫生服务中心", "community_grade_a", False),
        ("我们是乙级乡镇卫生院", "community_grade_a", True),
        ("已经是甲级了", "community_grade_a", True),
        ("达到了推荐标准", "service_capability_level", "recommended"),
    ],
)
def test_yes_no_and_choice_facts_and_their_negation(kb, text: str, field: str, value: object) -> None:
    assert values(kb, text)[field] == value


def test_a_question_form_is_not_a_negation(kb) -> None:
    assert values(kb, "我们口腔科外包了，能不能申请")["outsourced_departments"] is True


# F11: a figure in a question ABOUT the requirement is the rule's, not the institution's.
@pytest.mark.parametrize(
    "text",
    [
        "是不是要30张床",
        "吉林床位最少要30到40张吗",
        "要30到40张吗",
        "床位使用率百分之七十五算达标吗",
        "使用率75%就算达标吗",
        "业务用房至少要3000平方米吗",
        "是不是需要3000平米的业务用房",
        "全科医生起码要3个吗",
        "中药饮片不少于300种吗",
        "要求床位使用率不低于75%吗",
    ],
)
def test_a_figure_asked_about_is_not_the_institutions(kb, text: str) -> None:
    assert values(kb, text) == {}


def test_only_the_institutions_own_figure_is_read_beside_a_requirement_asked_about(kb) -> None:
    assert values(kb, "我们有40张床，是不是要30张") == {"open_beds": 40}
    assert values(kb, "我们使用率75%，算达标吗") == {"bed_occupancy_rate": 75}


def test_a_range_is_read_as_its_two_ends_and_kept_as_said(kb) -> None:
    for text in ("我们卫生院在吉林，床位30到40张", "我们床位30-40张", "床位30至40张 使用率80%", "床位30张到40张"):
        stated = read_situation(text, kb.fields)["open_beds"]
        assert stated.value == 30 and (stated.low, stated.high) == (30, 40)
        assert stated.range.startswith("30") and "40" in stated.range


@pytest.mark.parametrize(
    ("text", "field", "ends"),
    [
        ("我们床位二三十张", "open_beds", (20, 30)),
        ("床位十几张", "open_beds", (11, 19)),
        ("床位二十几张", "open_beds", (21, 29)),
        ("常住人口七八万", "resident_population", (70000, 80000)),
        ("全科医生七八个人", "general_practitioners", (7, 8)),
        ("业务用房三千左右平米", "floor_area_m2", (2700, 3300)),
        ("面积三千多平方米", "floor_area_m2", (3000, 3999)),  # up to, not including, the next round figure (N15)
        ("面积3000多平", "floor_area_m2", (3000, 3999)),
        ("使用率七成多", "bed_occupancy_rate", (70, 79)),
        ("面积两千九百来平", "floor_area_m2", (2900, 2999)),  # 来 as 多 (newcomer trial 7, N15)
        ("床位三十来张", "open_beds", (30, 39)),
        ("使用率八十左右", "bed_occupancy_rate", (72, 88)),
        ("床位将近30张", "open_beds", (27, 30)),
        ("床位大概35张", "open_beds", (32, 38)),
    ],
)
def test_a_vague_figure_is_read_as_a_range(kb, text: str, field: str, ends: tuple[int, int]) -> None:
    stated = read_situation(text, kb.fields)[field]
    assert stated.ranged and (stated.low, stated.high) == ends and stated.value == ends[0]


def test_an_exact_figure_is_not_a_range(kb) -> None:
    for stated in read_situation("床位40张、使用率70%、面积2500平方米", kb.fields).values():
        assert not stated.ranged and not stated.range


# F7: a hypothetical is a question about the disqualifier, and a grade the rule needs must be said.
@pytest.mark.parametrize(
    "text",
    [
        "两年内出了医疗事故还能申请吗",
        "如果出了二级医疗事故还能申请吗",
        "要是被医保处罚了还能申请验收吗",
        "万一科室外包了会不会影响",
        "有没有承包科室影响吗",
        "出了骗保的事还能申请吗",
        "假如发生了负主要责任的医疗事故怎么办",
    ],
)
def test_a_hypothetical_is_not_a_fact(kb, text: str) -> None:
    found = values(kb, text)
    disqualifiers = ("major_malpractice_last_2_years", "insurance_fraud_penalty", "outsourced_departments")
    assert not any(found.get(f) for f in disqualifiers)


# Newcomer trial 5, N5: the disqualifier is read only when every condition of its rule is said —
# 二级及以上, 负主要责任 and within two years (前年 may be more than two years ago).
@pytest.mark.parametrize(
    "text",
    [
        "我们去年出了一起医疗事故",
        "我们去年出了一起二级医疗事故",
        "去年出过一起医疗事故 我们负主要责任",
        "前年出过一起二级医疗事故，我们负主要责任",
        "出过一起二级医疗事故，负主要责任",
        "前年出过一起二级医疗事故，还能报吗",
    ],
)
def test_an_accident_without_every_condition_is_not_the_disqualifier(kb, text: str) -> None:
    assert "major_malpractice_last_2_years" not in values(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "去年出过一起二级医疗事故 我们负主要责任",
        "两年内发生过一起一级医疗事故，我们负主要责任",
        "今年出了起二级医疗事故，我们主责",
    ],
)
def test_an_accident_with_every_condition_is_the_disqualifier(kb, text: str) -> None:
    assert values(kb, text)["major_malpractice_last_2_years"] is True


def test_no_accident_is_read_without_conditions(kb) -> None:
    assert values(kb, "我们两年内没有发生医疗事故")["major_malpractice_last_2_years"] is False


def test_nothing_stated_reads_nothing(kb) -> None:
    assert values(kb, "床位使用率要到多少才够格") == {}


def test_none_of_a_counted_thing_reads_as_zero(kb) -> None:
    assert values(kb, "还没有精品家庭医生团队 影响验收吗") == {"elite_family_doctor_teams": 0}
    assert values(kb, "有没有全科医生的要求") == {}, "a question form is not a negation"


def test_the_population_of_the_area_said_as_辖区_is_read(kb) -> None:
    """F27: "我们中心辖区8万人，全科医生15个，能申请吗" was declined."""
    found = values(kb, "我们中心辖区8万人，全科医生15个，能申请吗")
    assert found["resident_population"] == 80000 and found["general_practitioners"] == 15


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "我们40张床，使用率七成五，3500平方，能报吗",
            {"open_beds": 40, "bed_occupancy_rate": 75, "floor_area_m2": 3500},
        ),
        ("使用率两成半", {"bed_occupancy_rate": 25}),
        ("业务用房3,000平方米，床位40张", {"floor_area_m2": 3000, "open_beds": 40}),
        (
            "我们中心开放床位40张，床位使用率百分之七十，业务用房面积2500平方米，辖区人口5万，全科医生8个，年诊疗人次12万",
            {
                "open_beds": 40,
                "bed_occupancy_rate": 70,
                "floor_area_m2": 2500,
                "resident_population": 50000,
                "general_practitioners": 8,
                "annual_visits": 120000,
            },
        ),
    ],
)
def test_every_stated_figure_is_read(kb, text: str, expected: dict) -> None:
    found = {f: s.value for f, s in read_situation(text, kb.fields).items() if f in expected}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure said exactly or as measured: 正好, 刚好, 测出来, 算下来 between the thing and its figure
        (
            "卫生院开放床位正好30张，使用率正好75%，面积正好3000平",
            {
                "open_beds": 30,
                "bed_occupancy_rate": 75,
                "floor_area_m2": 3000,
                "institution_type": "township_health_center",
            },
        ),
        ("床位刚好40张，使用率算下来76%", {"open_beds": 40, "bed_occupancy_rate": 76}),
        ("患者满意度测出来78%", {"patient_satisfaction": 78}),
        ("职工满意度调查82%", {"staff_satisfaction": 82}),
        # a share said as 占…的: the whole named between 占 and the figure
        ("公卫人员只占专技编制的20%", {"public_health_staff_share": 20}),
        ("公共卫生人员占专业技术人员编制的30%", {"public_health_staff_share": 30}),
        # shorter names of the TCM figures
        ("处方占比刚好30%，饮片300种", {"tcm_prescription_share": 30, "tcm_herbal_pieces": 300}),
        ("门诊处方占比35%", {"tcm_prescription_share": 35}),
    ],
)
def test_words_between_a_thing_and_its_figure_do_not_hide_it(kb, text: str, expected: dict) -> None:
    assert values(kb, text) == expected


def test_a_count_of_public_health_staff_is_not_read_as_their_share(kb) -> None:
    assert "public_health_staff_share" not in values(kb, "我们公共卫生人员12人")
    assert values(kb, "专业技术人员编制40个，其中公共卫生人员8个")["public_health_staff_share"] == 20


@pytest.mark.parametrize("whole", ["专业技术人员编制80个", "专技人员80人", "专技编制80个", "专技80人"])
@pytest.mark.parametrize("part", ["公卫人员20个", "其中公共卫生人员20人"])
def test_a_share_told_as_two_counts_reads_every_name_of_the_whole(kb, whole: str, part: str) -> None:
    """s067 (sealed set 5): 专技编制80个 — the short form of the whole — was not read, nor was the share."""
    assert values(kb, f"我们中心{whole}，{part}，合格不？")["public_health_staff_share"] == 25
