"""Newcomer trial 4, F17: a ratio rule missed (每万名常住人口全科医生, 年诊疗人次 ÷ 常住人口, 每床卫生技术人员)
is said in the /check summary — the one message a busy director reads — as the count missing for their own base
(全科医生数还差 11人，按辖区常住人口60000人计至少要12人), never as the per-10,000 gap with a bare head-count unit
("还差 1.83人" when 11 doctors are missing). Every ratio rule of every region, several bases; the .docx says
the count too; the chat says it on the terminal (Telegram: tests/bot/telegram/test_ratio_gap_telegram.py)."""

from __future__ import annotations

import io
import math
import re

import docx
import pytest

from dialogs.questionnaire.summary import render_summary
from dialogs.report import build_docx
from knowledge.base import load as load_kb
from knowledge.eligibility import evaluate
from knowledge.eligibility.derived import DERIVED
from tests.dialogs.questionnaire.test_flow import Terminal, director, valid_answer

RATIO_RULES = [
    (region, c.id)
    for region in ("national", "jilin", "chongqing-yuzhong", "beijing")
    for c in load_kb().rules[region].criteria
    if c.derived and DERIVED[c.derived].kind == "number" and c.compare == ">="
]


def _low_profile(kb, region: str, cid: str, base: int) -> tuple[dict, int, int]:
    """A profile missing the ratio rule: the base given, the count at a quarter of what it needs."""
    criterion = kb.rules[region].criterion(cid)
    numerator, denominator = DERIVED[criterion.derived].inputs
    per_one = DERIVED[criterion.derived].function(1, base)
    need = math.ceil(float(criterion.limit) / per_one - 1e-9)
    have = need // 4
    return {numerator: have, denominator: base}, need, have


def test_every_region_has_ratio_rules_to_check() -> None:
    assert {cid for _, cid in RATIO_RULES} >= {"c6-gps-per-10k", "c4-annual-visits", "b3-staff-per-bed"}


@pytest.mark.parametrize("base", [60000, 35000, 123456, 45])
@pytest.mark.parametrize(("region", "cid"), RATIO_RULES)
def test_the_summary_says_the_count_missing_for_the_base(kb, region: str, cid: str, base: int) -> None:
    profile, need, have = _low_profile(kb, region, cid, base)
    rule_set = kb.rules[region]
    verdict = evaluate(profile, rule_set)
    result = next(r for r in verdict.criteria if r.id == cid)
    assert result.status in ("fail", "warning")
    summary = render_summary(verdict, rule_set, kb, profile)
    line = next(ln for ln in summary.splitlines() if ln.startswith(("❌", "⚠️")) and "还差" in ln)
    numerator, denominator = DERIVED[result.derived].inputs
    num, den = kb.fields[numerator], kb.fields[denominator]
    assert f"还差 {need - have}{num.unit}" in line, line
    assert f"至少要{need}{num.unit}" in line and f"{den.label}{base}{den.unit}" in line, line
    # the per-unit gap is never shown with the head-count unit alone
    per_unit = re.escape(str(round(result.gap, 2)).rstrip("0").rstrip("."))
    assert not re.search(rf"还差 {per_unit}{num.unit}", line), line


@pytest.mark.parametrize(
    ("population", "doctors", "missing", "needed"), [(60000, 1, 11, 12), (55000, 3, 8, 11), (9000, 0, 2, 2)]
)
def test_the_chat_summary_of_yuzhong_says_the_doctors_missing(kb, now, population, doctors, missing, needed) -> None:
    d = director(kb, now, region="chongqing-yuzhong")
    d.command("check")
    answers = {"resident_population": f"{population // 10000}万" if population % 10000 == 0 else f"{population}人"}
    answers["general_practitioners"] = f"{doctors}个"
    _walk(d, kb, answers)
    summary = d.replies[0].text
    assert f"全科医生数还差 {missing}人（按辖区常住人口{population}人计至少要{needed}人）" in summary, summary


def test_without_the_base_the_summary_says_per_unit_in_the_ratios_words(kb) -> None:
    """A result shown without the profile (no base to count with) still names the ratio, not a bare 人."""
    profile = {"general_practitioners": 1, "resident_population": 60000}
    rule_set = kb.rules["chongqing-yuzhong"]
    summary = render_summary(evaluate(profile, rule_set), rule_set, kb)
    assert "每万人口全科医生数还差 1.83人" in summary and "：还差 1.83人" not in summary


def test_the_report_says_the_count_missing(kb) -> None:
    profile = {"general_practitioners": 1, "resident_population": 60000, "annual_visits": 90000}
    verdict = evaluate(profile, kb.rules["chongqing-yuzhong"])
    content = build_docx(verdict, profile, kb.fields, "重庆市渝中区")
    text = "\n".join(c.text for t in docx.Document(io.BytesIO(content)).tables for row in t.rows for c in row.cells)
    assert "全科医生数至少要12人，现有1人，还差11人" in text
    assert "年诊疗人次数至少要120000人次，现有90000人次，还差30000人次" in text


def _walk(d, kb, answers: dict[str, str]) -> None:
    for _ in range(40):
        if d.state.dialog != "questionnaire":
            return
        step = d.state.step
        spec = kb.fields[step]
        if d.state.data.get("mode") == "confirm":
            d.say("是")
        elif step in answers:
            d.say(answers[step])
        elif spec.kind == "bool":
            d.say("是")
        elif spec.kind == "choice":
            d.say(str(len(spec.choices)))
        else:
            d.say(valid_answer(spec))
    raise AssertionError("the questionnaire did not finish")


async def test_on_the_terminal(sqlite_db, kb, tmp_path) -> None:
    t = Terminal(sqlite_db, kb, tmp_path)
    await t.send("/region 渝中")
    await t.send("/check")
    answers = {"resident_population": "6万", "general_practitioners": "1"}
    shown = []
    for _ in range(40):
        state = await t.stored()
        if state.dialog != "questionnaire":
            break
        spec = kb.fields[state.step]
        if state.data.get("mode") == "confirm":
            await t.send("y")
        elif state.step in answers:
            await t.send(answers[state.step])
        elif spec.kind == "bool":
            await t.send("是")
        elif spec.kind == "choice":
            await t.send(str(len(spec.choices)))
        else:
            await t.send(valid_answer(spec))
        shown.append(t.text)
    assert "全科医生数还差 11人（按辖区常住人口60000人计至少要12人）" in shown[-1]
    assert "：还差 1.83人" not in shown[-1]
