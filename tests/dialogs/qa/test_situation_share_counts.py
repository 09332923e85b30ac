"""A share told as a whole and a part (专业技术人员编制80个，公卫的人18个; 卫技人员60人，其中公卫12人) is
held against the region's share rule (sealed set 7, s7a066: "公卫的人18个" went unread and the 25 % rule
with it): the percent, the limit, and the count that whole needs ("至少要20个，现有18个，还差2个"), as a
ratio rule's count is said. Every region with a share rule (吉林 2024, 北京); limits from knowledge/."""

from __future__ import annotations

import math

import pytest

from dialogs.qa.facts import read_situation
from knowledge.eligibility.evaluate import number_text
from tests.dialogs.qa.conftest import turn_for

FIELD = "public_health_staff_share"
PHRASINGS = (
    "我们卫生院专业技术人员编制{whole}个，公卫的人{part}个，达标吗？",
    "我们中心专技编制{whole}个，搞公卫的有{part}个，行不行？",
    "我们公卫人员只有{part}个，专业技术人员编制{whole}个，比例够吗",
    "我们卫技人员{whole}人，其中公卫人员{part}人，符合要求吗？",
    "咱们专业技术人员编制一共{whole}个，公共卫生人员才{part}个，合格不？",
)


def share_limit(kb, region: str) -> float:
    (c,) = [c for c in kb.rules[region].criteria if c.fields == (FIELD,)]
    return float(c.limit)


@pytest.mark.parametrize("region", ["jilin", "beijing"])
@pytest.mark.parametrize("phrasing", PHRASINGS)
@pytest.mark.parametrize(("whole", "part"), [(80, 18), (60, 12), (100, 30)])
def test_a_share_told_as_counts_gets_the_count_its_whole_needs(
    kb, now, region: str, phrasing: str, whole: int, part: int
) -> None:
    q = phrasing.format(whole=whole, part=part)
    assert read_situation(q, kb.fields)[FIELD].value == round(part / whole * 100, 1), q
    limit = share_limit(kb, region)
    need = math.ceil(limit / 100 * whole - 1e-9)
    turn = turn_for(kb, now, q, region=region)
    (line,) = [line for line in turn.text.splitlines() if "公共卫生人员占" in line]
    assert f"{number_text(round(part / whole * 100, 1), 1)}%" in line and f"{number_text(limit, 1)}%" in line, line
    assert f"至少要{need}" in line, line
    if part < need:
        assert line.startswith("⚠️") and f"还差{need - part}" in line, line
    else:
        assert line.startswith("✅") and "已够" in line, line


@pytest.mark.parametrize("q", ["公卫医师1个，专技编制40个", "非卫技人员10人，公卫人员5人"])
def test_other_counts_are_no_share(kb, q: str) -> None:
    """A 公卫医师 count is no 公卫人员 part; 非卫技人员 is no whole."""
    assert FIELD not in read_situation(q, kb.fields), q
