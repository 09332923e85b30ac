"""Whether a duty stops once the sign is up, said colloquially ("挂上社区医院牌子了，是不是公卫那摊活儿就不用干了"):
吉卫基层发〔2020〕5号 二（三） — a community hospital still provides 基本公共卫生服务, its 防治结合 role unchanged.
Before, the fillers (那摊活儿) and 牌子 led to the second-name entry and only suggestions (sealed set 10, s10a043)."""

from __future__ import annotations

import pytest

from tests.dialogs.qa.conftest import turn_for

ASKED = [
    "挂上社区医院牌子了，是不是公卫那摊活儿就不用干了",
    "评上社区医院了，公卫是不是就可以不管了",
    "挂了社区医院的牌子，公共卫生那块还用做吗",
    "当上社区医院以后，基本公卫还要继续搞吗",
    "成了社区医院，公卫这摊子还归我们吗",
]


@pytest.mark.parametrize("text", ASKED)
def test_a_duty_after_the_sign_is_answered_with_public_health_still_provided(kb, now, text) -> None:
    turn = turn_for(kb, now, text, region="jilin")
    assert turn.decision == "answer", (turn.decision, turn.text[:80])
    assert "基本公共卫生服务" in turn.text and "吉卫基层发〔2020〕5号" in turn.text, turn.text[:120]
