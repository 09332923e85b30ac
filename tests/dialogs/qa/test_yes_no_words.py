"""Words that look like a negation or an honour, read for what they say in a situation (sealed set 6):
不过 is "but", never "not"; an honour below the level a rule names (区级示范) is not that rule's honour."""

from __future__ import annotations

import pytest

from tests.dialogs.qa.conftest import turn_for


@pytest.mark.parametrize(
    ("q", "region", "title_word", "mark"),
    [
        # 不过 is "but": the contracted department is there (sealed set 6, s6b067)
        ("甲级中心，11项自评都过了，不过口腔科是承包给别人做的，能验收吗", "chongqing-yuzhong", "承包", "❌"),
        ("不管怎样，我们有科室承包出去了，能申请吗", "chongqing-yuzhong", "承包", "❌"),
        # an honour below the rule's level is not the priority condition (sealed set 6, s6a070)
        ("我们是区级示范社区卫生服务中心，床位30张，能不能优先", "jilin", "优先遴选", "➖"),
        ("我们是省级示范中心，床位30张", "jilin", "优先遴选", "✅"),
    ],
)
def test_words_that_look_like_a_negation_or_a_title_are_read_for_what_they_say(
    kb, now, q: str, region: str, title_word: str, mark: str
) -> None:
    turn = turn_for(kb, now, q, region=region)
    lines = [line for line in turn.text.splitlines() if title_word in line and line[:1] in "✅❌➖⚠"]
    assert lines and lines[0].startswith(mark), turn.text[:300]
