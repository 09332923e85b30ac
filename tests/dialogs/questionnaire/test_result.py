"""The questionnaire's result and next step say which text governs on the director's day and show
each criterion's force (issue 9): criteria grouped by force with what the force does to the verdict,
a headline that counts only what decides and says when the verdict rests only on news figures, and
no exception authority the texts do not name (audit R7)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs import router
from dialogs.questionnaire.result import governing_of, headline, render_next_step, render_result
from dialogs.texts import questionnaire as T
from knowledge.base import KnowledgeBase
from knowledge.eligibility import evaluate
from knowledge.eligibility.cases import load_cases
from knowledge.texts import FORCE, FORCE_EFFECT, REPORTED_ONLY

JILIN_2020 = "吉卫基层发〔2020〕5号"
JILIN_2024 = "吉卫联发〔2024〕17号"


def case(kb: KnowledgeBase, region: str, name: str) -> dict[str, Any]:
    return dict(next(c.profile for c in load_cases(kb.root, region) if c.name == name))


def section(force: str) -> str:
    return T.SECTION.format(force=FORCE[force], effect=FORCE_EFFECT[force])


def result_text(kb: KnowledgeBase, region: str, profile: dict[str, Any], today: dt.date) -> str:
    rule_set = kb.rules[region]
    return render_result(evaluate(profile, rule_set), rule_set, kb.fields, kb, today)


def governing_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("📜 适用文件：")]


# --- which text governs: a Jilin director in 2023, 2024 and 2026 ----------------------------------


def test_jilin_2023_names_the_2020_plan_for_conditions_and_procedure(kb: KnowledgeBase) -> None:
    today = dt.date(2023, 6, 1)
    profile = case(kb, "jilin", "全部达标，优先条件也具备")
    lines = governing_lines(result_text(kb, "jilin", profile, today))
    assert [line.split("：")[1] for line in lines] == ["哪些机构建设社区医院", "社区医院的遴选条件"]
    assert all(f"2023年6月1日适用{JILIN_2020}" in line for line in lines)
    assert not any(JILIN_2024 in line for line in lines)  # not out yet: not named as governing
    step = render_next_step(evaluate(profile, kb.rules["jilin"]), kb, "jilin", None, today)
    (procedure,) = governing_lines(step)
    assert f"2023年6月1日适用{JILIN_2020}" in procedure and "省卫生健康委组织专家评估" in procedure


def test_jilin_2024_names_the_2024_plan_and_what_it_changed(kb: KnowledgeBase) -> None:
    today = dt.date(2024, 6, 1)
    profile = case(kb, "jilin", "全部达标，优先条件也具备")
    who, conditions = governing_lines(result_text(kb, "jilin", profile, today))
    assert f"2024年6月1日适用{JILIN_2024}" in who and "主要依托社区卫生服务中心" in who
    # the 2024 plan is silent on the selection conditions: the 2020 text is named, with the silence
    assert f"适用{JILIN_2020}" in conditions and f"{JILIN_2024}没有重申这一点" in conditions
    step = render_next_step(evaluate(profile, kb.rules["jilin"]), kb, "jilin", None, today)
    (procedure,) = governing_lines(step)
    assert f"2024年6月1日适用{JILIN_2024}" in procedure and "地市级卫生健康行政部门负责社区医院评价和排序" in procedure
    assert f"此前{JILIN_2020}" in procedure and "已由吉卫联发〔2024〕17号改变" in procedure


def test_jilin_2026_says_no_loaded_text_covers_the_day_and_whom_to_ask(kb: KnowledgeBase) -> None:
    today = dt.date(2026, 3, 10)
    profile = case(kb, "jilin", "全部达标，优先条件也具备")
    who, conditions = governing_lines(result_text(kb, "jilin", profile, today))
    assert "2026年3月10日适用的文件尚未收录" in who and "市（州）卫生健康委" in who
    assert f"{JILIN_2024}已于2025年12月31日到期" in conditions
    step = render_next_step(evaluate(profile, kb.rules["jilin"]), kb, "jilin", None, today)
    (procedure,) = governing_lines(step)
    assert "2026年3月10日适用的文件尚未收录" in procedure and "不能当作现行规定" in procedure


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2023, f"2023年5月20日适用{JILIN_2020}"),
        (2024, f"2024年5月20日适用{JILIN_2024}"),
        (2026, "2026年5月20日适用的文件尚未收录"),
    ],
)
def test_the_chat_names_the_text_governing_on_the_day_of_the_run(kb: KnowledgeBase, year: int, expected: str) -> None:
    """Through the router: `today` is the director's day in Shanghai, taken from `now`."""
    now = dt.datetime(year, 5, 20, 10, 0, tzinfo=SHANGHAI)
    state = UserState(user_id=1, region="jilin")
    out = router.handle(state, Event.command("check"), kb, now)
    while out.state.dialog == "questionnaire":
        labels = [b.label for r in out.replies for row in r.buttons for b in row]
        skip = T.SKIP if T.SKIP in labels else T.UNKNOWN if T.UNKNOWN in labels else labels[0]
        data = next(b.data for r in out.replies for row in r.buttons for b in row if b.label.endswith(skip))
        out = router.handle(out.state, Event.press(data), kb, now)
    result, next_step = out.replies[-2].text, out.replies[-1].text
    assert "自评结论" in result and T.NEXT_HEADER in next_step
    lines = governing_lines(result)
    assert any(expected in line for line in lines)
    # the procedure's note is said once, in the result (newcomer trial 2, C13), not again below
    procedure = next(line for line in lines if "社区医院的评价、复核和上报程序" in line.split("：")[1])
    assert not governing_lines(next_step)
    assert expected in procedure


def test_a_region_whose_criteria_cite_no_point_names_its_procedure(kb: KnowledgeBase) -> None:
    (g,) = governing_of(kb, kb.rules["national"], dt.date(2026, 3, 10))
    assert (g.point.id, g.document) == ("procedure", "national-2021")
    (g,) = governing_of(kb, kb.rules["beijing"], dt.date(2026, 3, 10))
    assert g.point.id == "procedure" and not g.covered and g.ask == "所在区卫生健康委"


# --- forces ---------------------------------------------------------------------------------------


def test_criteria_are_grouped_by_force_with_the_effect_of_each(kb: KnowledgeBase) -> None:
    profile = {**case(kb, "jilin", "全部达标，优先条件也具备"), "open_beds": 28, "public_health_staff_share": 20}
    text = result_text(kb, "jilin", profile, dt.date(2023, 6, 1))
    condition, norm, priority = (text.index(section(f)) for f in ("condition", "norm", "priority"))
    assert condition < norm < priority
    assert section("disqualifier") not in text  # Jilin's texts make none (audit R3)
    assert "未达到即不符合" in text and "只提示，不影响自评结论" in text and "不影响是否符合" in text
    conditions, norms = text[condition:norm], text[norm:priority]
    assert "❌ 实际开放床位数≥30张" in conditions
    assert "⚠️ 公共卫生人员" in norms and "❌ 公共卫生人员" not in text


def test_headline_counts_what_decides_and_not_the_norms(kb: KnowledgeBase) -> None:
    profile = {
        **case(kb, "jilin", "全部达标，优先条件也具备"),
        "open_beds": 28,
        "bed_occupancy_rate": 70,
        "public_health_staff_share": 20,
        "public_health_physicians": 0,
    }
    verdict = evaluate(profile, kb.rules["jilin"])
    first = headline(verdict, kb.rules["jilin"].title)
    # the two staffing norms missed are not counted: only the two conditions decide
    assert first == T.VERDICT["not_eligible"].format(title=kb.rules["jilin"].title, missed="2 项必备条件未达到")
    text = render_result(verdict, kb.rules["jilin"], kb.fields, kb, dt.date(2023, 6, 1))
    assert T.CAUTIONS.format(n=2) in text


def test_beijing_24_percent_public_health_staff_is_a_warning_not_a_failure(kb: KnowledgeBase) -> None:
    profile = case(kb, "beijing", "公共卫生人员占比24%是⚠️不是❌")
    verdict = evaluate(profile, kb.rules["beijing"])
    assert verdict.verdict == "eligible"
    text = render_result(verdict, kb.rules["beijing"], kb.fields, kb, dt.date(2022, 6, 1))
    assert text.startswith("✅ 自评结论：符合")
    norms = text[text.index(section("norm")) :]
    assert "⚠️ 公共卫生人员占专业技术人员编制比例不低于25%" in norms and "还差1个百分点" in norms
    assert "❌" not in text and T.CAUTIONS.format(n=1) in text


def test_a_principle_not_met_is_conditional_and_names_no_authority_the_texts_do_not(kb: KnowledgeBase) -> None:
    profile = case(kb, "beijing", "只达到基本标准：原则上未达到，结论为有条件的不符合，文件没有写例外")
    text = result_text(kb, "beijing", profile, dt.date(2022, 6, 1))
    assert text.startswith("⚠️ 自评结论：有条件的不符合") and "1 项“原则上”要求未达到" in text
    assert T.CONDITIONAL.format(ask="所在区卫生健康委") in text
    assert "由卫生健康行政部门决定" not in text  # audit R7: the plan names no one deciding exceptions
    assert "⚠️ 原则上达到服务能力推荐标准" in text[text.index(section("principle")) :]


def test_a_national_profile_failing_only_reported_figures_says_so_in_the_headline(kb: KnowledgeBase) -> None:
    profile = case(kb, "national", "基本标准没填，只有报道的数字且床位25张：不符合，但只依据新闻报道")
    verdict = evaluate(profile, kb.rules["national"])
    assert verdict.reported_only
    text = render_result(verdict, kb.rules["national"], kb.fields, kb, dt.date(2026, 3, 10))
    first, second = text.splitlines()[:2]
    assert first == T.VERDICT["reported_only"].format(missed="1 项新闻报道的数字未达到")
    assert second == T.REPORTED_ONLY_NOTE.format(note=REPORTED_ONLY)
    reported = text[text.index(section("reported")) :]
    assert "⚠️ 实际开放床位不少于30张（新闻报道）" in reported and "据新华社2019年6月23日英文通稿报道" in reported
    step = render_next_step(verdict, kb, "national", None, dt.date(2026, 3, 10))
    assert T.NEXT_REPORTED_ONLY in step and "❌" not in step


def test_an_official_failure_is_not_said_to_rest_on_news_figures(kb: KnowledgeBase) -> None:
    profile = case(kb, "national", "基本标准自评未达到：不符合，不是只依据新闻报道")
    text = result_text(kb, "national", profile, dt.date(2026, 3, 10))
    assert text.startswith("❌ 自评结论：不符合（按") and "1 项必备条件未达到" in text.splitlines()[0]
    assert REPORTED_ONLY not in text


@pytest.mark.parametrize("region", ["national", "jilin", "beijing", "chongqing-yuzhong"])
def test_no_result_shows_a_gap_of_zero(kb: KnowledgeBase, region: str) -> None:
    """F19: every numeric criterion exactly at its limit — the result never says 高0 / 差0."""
    import re

    rule_set = kb.rules[region]
    profile = {
        c.fields[0]: c.limit
        for c in rule_set.criteria
        if not c.derived and isinstance(c.limit, int | float) and not isinstance(c.limit, bool)
    }
    text = render_result(evaluate(profile, rule_set), rule_set, kb.fields, kb, dt.date(2025, 3, 10))
    assert not re.search(r"(高|差|低)\s?0\s?(个|张|名|人|%|平)", text), text
    if region == "national":
        assert "正好" in text


CLASH = T.BASIC_STANDARD_CLASH.split("{")[0]


@pytest.mark.parametrize(
    ("figures", "clashes"),
    [
        ({"general_practitioners": 2}, ["至少有3名全科医师（新闻报道）"]),
        (
            {"open_beds": 20, "bed_occupancy_rate": 60},
            ["实际开放床位不少于30张（新闻报道）", "床位使用率75%以上（新闻报道）"],
        ),
        ({"general_practitioners": 5, "open_beds": 40}, []),
    ],
)
def test_an_answer_that_the_basic_standard_is_met_is_checked_against_the_directors_figures(
    kb: KnowledgeBase, figures: dict, clashes: list[str]
) -> None:
    # newcomer N4: 是 to "资源配置达到基本标准", then 2 全科医生 against the reported ≥3, under a green 符合
    rule_set = kb.rules["national"]
    verdict = evaluate({"meets_basic_standard_resources": True, **figures}, rule_set)
    text = render_result(verdict, rule_set, kb.fields, kb, dt.date(2026, 12, 1))
    head = text.split("\n【")[0]
    if clashes:
        assert CLASH in head and all(c in head for c in clashes), head
    else:
        assert CLASH not in text
    said_no = evaluate({"meets_basic_standard_resources": False, **figures}, rule_set)
    assert CLASH not in render_result(said_no, rule_set, kb.fields, kb, dt.date(2026, 12, 1))
