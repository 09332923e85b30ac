"""Sealed set 5, r066: "精品家庭医生团队还没建起来" — a count's word with the negation after it — was not
read, and the reply said every stated condition was met. A count field's word followed by a negation
and a build verb, or by 没有 at the clause's end, is none of them (as 还没有精品家庭医生团队 already
was); a negation that says nothing of the count (没问题, 没配齐) is not."""

from __future__ import annotations

import pytest

from dialogs.qa.facts import read_situation
from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import ask, text_of

COUNTS = {"elite_family_doctor_teams": "精品家庭医生团队", "general_practitioners": "全科医生"}
NONE = ["{w}还没建起来", "{w}尚未组建", "{w}目前还没成立呢", "{w}还没有", "{w}没有"]
NOT_NONE = ["{w}没问题", "{w}还没配齐", "{w}没变"]


@pytest.mark.parametrize("field", sorted(COUNTS))
@pytest.mark.parametrize("said", NONE)
def test_a_count_negated_after_its_word_is_none(kb, field: str, said: str) -> None:
    stated = read_situation(said.format(w=COUNTS[field]) + "，能验收吗", kb.fields)
    assert stated[field].value == 0


@pytest.mark.parametrize("field", sorted(COUNTS))
@pytest.mark.parametrize("said", NOT_NONE)
def test_a_negation_about_something_else_is_not_none(kb, field: str, said: str) -> None:
    assert field not in read_situation(said.format(w=COUNTS[field]) + "，能验收吗", kb.fields)


def test_the_reply_fails_the_team_it_does_not_have(kb, now) -> None:
    q = "我们有个区县级特色科室，日均门诊32人次，就是精品家庭医生团队还没建起来，能通过验收不"
    text = text_of(ask(kb, now, q, region="chongqing-yuzhong"))
    assert text.splitlines()[0].endswith(T.SITUATION_FAILED_SHORT.format(n=1)), text
    assert "❌ 第8项：至少有1支精品家庭医生服务团队" in text
