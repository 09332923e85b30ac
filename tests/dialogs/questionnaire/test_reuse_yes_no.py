"""Newcomer trial 3, F23: on a second /check, "是" typed at a 是否 question whose earlier answer was 否
recorded 否 (是 meant 沿用). At every 是/否 question of every region, 是/否 (typed or pressed, or the
terminal's number for them) are the answer itself; 沿用 keeps the earlier one."""

from __future__ import annotations

import pytest

from dialogs.texts import questionnaire as T
from tests.dialogs.questionnaire.test_flow import REGIONS, answer_validly, director


def _profile(kb, region: str, flip: bool) -> dict:
    values = {"bool": not flip, "int": 50, "number": 3000, "percent": 80}
    specs = [kb.fields[f] for f in kb.rules[region].fields_needed()]
    return {s.name: (s.choices[0][0] if s.kind == "choice" else values[s.kind]) for s in specs}


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("earlier", [True, False])
def test_yes_no_at_a_reuse_screen_is_the_answer(kb, now, region: str, earlier: bool) -> None:
    d = director(kb, now, region=region, profile=_profile(kb, region, flip=not earlier))
    d.command("check")
    seen = 0
    for _ in range(40):
        field = d.state.step
        if field is None or d.state.dialog != "questionnaire":
            break
        spec = kb.fields[field]
        if spec.kind == "bool" and d.state.data.get("mode") == "reuse":
            assert d.state.profile[field] is earlier
            d.say("否" if earlier else "是")  # the opposite of last time: taken as said
            assert d.state.profile[field] is (not earlier), (field, d.text)
            seen += 1
        elif d.state.data.get("mode") == "reuse":
            d.press(T.KEEP)
        else:
            answer_validly(d, spec)
    assert seen >= 1


def test_keep_still_keeps_at_a_yes_no_reuse_screen(kb, now) -> None:
    d = director(kb, now, region="jilin", profile=_profile(kb, "jilin", flip=True))
    d.command("check")
    field = d.state.step
    assert kb.fields[field].kind == "bool" and d.state.data.get("mode") == "reuse"
    d.say("沿用")
    assert d.state.profile[field] is False and d.state.step != field
