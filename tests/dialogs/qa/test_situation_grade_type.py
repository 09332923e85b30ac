"""An institution's grade read with its type (sealed set 7, s7a070): where a rule asks 社区甲级 of a
社区卫生服务中心 and 乡镇乙级以上 of a 乡镇卫生院 (渝中's 评价推荐标准第1项, the only rule set with a
grade), a grade below its type's is told plainly that it cannot apply yet, with the part of the rule
for its type — never only the whole "社区甲级（乡镇乙级以上）" a 乙级 centre may read as met — and a
township centre of 乙级 passes. The rule's wording comes from its citation in knowledge/."""

from __future__ import annotations

import pytest

from dialogs.qa.vocabulary import GRADE_FIELD
from tests.dialogs.qa.conftest import turn_for

REGION = "chongqing-yuzhong"


def grade_quote(kb) -> str:
    (c,) = [c for c in kb.rules[REGION].criteria if c.fields == (GRADE_FIELD,)]
    return c.citation.quote


@pytest.mark.parametrize(
    ("q", "user_region", "needed"),
    [
        ("俺们现在是乙级社区卫生服务中心，能直接申请渝中的社区医院吗？", "jilin", "社区甲级标准"),
        ("我们是乙级社区卫生服务中心，能申请吗？", REGION, "社区甲级标准"),
        ("我们社区卫生服务中心目前是乙级，可以申请社区医院吗", REGION, "社区甲级标准"),
        ("咱中心是社区卫生服务中心，等级评审才到乙级，能报吗", REGION, "社区甲级标准"),
        ("我们是丙级乡镇卫生院，能申请吗？", REGION, "乡镇乙级以上标准"),
        ("俺们卫生院还是丙级，渝中能不能申请社区医院", None, "乡镇乙级以上标准"),
    ],
)
def test_a_grade_below_its_type_cannot_apply_yet(kb, now, q: str, user_region: str | None, needed: str) -> None:
    assert needed in grade_quote(kb)
    turn = turn_for(kb, now, q, region=user_region)
    assert turn.kind == "situation" and turn.region == REGION, turn.text[:200]
    (line,) = [line for line in turn.text.splitlines() if line.startswith("❌ 第1项")]
    kind = "社区卫生服务中心" if needed.startswith("社区") else "乡镇卫生院"
    assert f"{kind}要达到{needed}" in line and "目前还不能申请" in line, line
    assert "结论：目前不符合" in turn.text


@pytest.mark.parametrize("q", ["我们是乙级乡镇卫生院，能申请吗？", "我们是甲级社区卫生服务中心，能申请吗"])
def test_a_grade_its_type_needs_passes(kb, now, q: str) -> None:
    turn = turn_for(kb, now, q, region=REGION)
    (line,) = [line for line in turn.text.splitlines() if "第1项" in line and "：符合" in line]
    assert line.startswith("✅"), line
