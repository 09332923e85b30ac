"""Newcomer trial 8, N23: a 乡镇卫生院 where the plan builds mainly on 社区卫生服务中心 is no failed item —
neither in a situation's answer nor in /check's summary — and the chat says the plan does not exclude it."""

from __future__ import annotations

import pytest

from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import questionnaire as T

# Regions whose plan builds mainly on 社区卫生服务中心 (a norm on the institution's type).
REGIONS = ("jilin", "beijing")
SAID = (
    "我们是乡镇卫生院，床位40张，能申请吗",
    "卫生院床位40张，使用率80%，够条件吗",
    "我们乡镇卫生院能申请社区医院吗？床位40张",
)


def _texts(outcome) -> str:
    return "\n".join(r.text for r in outcome.replies)


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("said", SAID)
def test_a_township_centres_type_is_said_not_failed_in_a_situation(kb, now, region, said) -> None:
    text = _texts(handle(UserState(region=region), Event.say(said), kb, now))
    type_lines = [line for line in text.splitlines() if "依托" in line and "社区卫生服务中心建设" in line]
    for line in type_lines:
        assert "未达到" not in line and T.TYPE_STATUS.format(value="乡镇卫生院") in line, line


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("typed", ("乡镇卫生院", "我们是卫生院", "2"))
def test_a_township_centres_type_is_no_missed_item_in_the_check_summary(kb, now, region, typed) -> None:
    state = handle(UserState(region=region), Event.command("check"), kb, now).state
    for _ in range(30):
        if state.step == "institution_type":
            break
        answer = (
            "1"
            if kb.fields[state.step].kind == "choice"
            else "是"
            if kb.fields[state.step].kind == "bool"
            else "不清楚"
        )
        state = handle(state, Event.say(answer), kb, now).state
    out = handle(state, Event.say(typed), kb, now)
    summary = out.replies[0].text
    assert state.step == "institution_type" and "乡镇卫生院" in summary, summary
    missed = [line for line in summary.splitlines() if line.startswith(("⚠️", "❌"))]
    assert not any("依托" in line for line in missed), summary
    assert T.TYPE_STATUS.format(value="乡镇卫生院") in summary
