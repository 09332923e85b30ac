"""Newcomer trial 3, N20: a range typed at a confirmation ("实际开放床位数是 1 张 吗？") goes back to
the original question, not the confirmation of the value the range replaced — or, said the spoken way and
deciding nothing (十几张 at ≥30张), is recorded 按约数 like 十来张 (brk9 Q4)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.questionnaire.approximate import spoken_range
from dialogs.router import handle

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


@pytest.mark.parametrize("unusual", ["1", "0.5", "1平方米"])
@pytest.mark.parametrize("ranged", ["二三十张", "30到40", "十几张", "三四千"])
@pytest.mark.parametrize(("region", "field"), [("jilin", "open_beds"), ("jilin", "floor_area_m2")])
def test_a_range_at_a_confirmation_asks_the_question_again(kb, region, field, unusual, ranged) -> None:
    out = handle(UserState(user_id=1, region=region), Event.command("check"), kb, NOW)
    for _ in range(10):
        if out.state.step == field:
            break
        out = handle(out.state, Event.say("是" if kb.fields[out.state.step].kind == "bool" else "40"), kb, NOW)
    confirm = handle(out.state, Event.say(unusual), kb, NOW)
    if confirm.state.data.get("mode") != "confirm":
        pytest.skip(f"{unusual} is taken at once for {field}")
    again = handle(confirm.state, Event.say(ranged), kb, NOW)
    if field in again.state.profile:  # a spoken range deciding nothing (十几张 at ≥30张): recorded 按约数 (brk9 Q4)
        assert spoken_range(ranged, kb.fields[field], kb.fields) == again.state.profile[field] != 1
        assert again.state.step != field and again.state.data.get("mode") != "confirm"
        return
    assert again.state.step == field and again.state.data.get("mode") == "ask"
    assert "吗" not in again.replies[-1].text.splitlines()[0] or kb.fields[field].question in again.replies[-1].text
    assert field not in again.state.profile
