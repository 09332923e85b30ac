"""Newcomer trial 3, F23: on a second /check, an answer that is itself a value of the question wins
over 沿用 — "是" at "是否发生过医疗事故？ 上次选的是“否”" records 是, never 否 — for every yes/no and
choice question of every region. Only keep-words (沿用, 和上次一样, 按原来的 …) keep the earlier answer,
and the screen shows the answers themselves beside "沿用 <earlier answer>"."""

from __future__ import annotations

import pytest

from dialogs.texts import questionnaire as T
from tests.dialogs.questionnaire.test_flow import REGIONS, director, expected_value


def _earlier(kb, region: str) -> dict:
    """A finished first run: 否 to every yes/no, the first choice, a usual number."""
    specs = [kb.fields[f] for f in kb.rules[region].fields_needed()]
    first = {"bool": lambda s: False, "choice": lambda s: s.choices[0][0]}
    return {s.name: first.get(s.kind, expected_value)(s) for s in specs}


def _other(spec) -> tuple[str, object]:
    """What the director types now, and the value it must record: 是 / the last choice's label."""
    if spec.kind == "bool":
        return "是", True
    value, label = spec.choices[-1]
    return label, value


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("by_number", [False, True])
def test_a_value_typed_at_the_keep_offer_is_recorded(kb, now, region, by_number) -> None:
    d = director(kb, now, region=region, profile=_earlier(kb, region))
    d.command("check")
    changed = {}
    for _ in range(40):
        if d.state.dialog is None:
            break
        spec = kb.fields[d.state.step]
        assert d.state.data.get("mode") == "reuse", spec.name
        if spec.kind in ("bool", "choice"):
            assert T.REUSE_OFFER_CHOICE.split("“")[0] in d.question.text
            typed, value = _other(spec)
            if by_number:
                typed = typed if spec.kind == "bool" else str(len(spec.choices))  # a bool's 1 is the terminal's key
            d.say(typed)
            assert d.state.profile[spec.name] == value, (spec.name, typed)
            changed[spec.name] = value
        else:
            d.say("沿用")
    assert changed, "no yes/no or choice question in " + region
    for name, value in changed.items():
        assert d.state.profile[name] == value


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("typed", ["沿用", "和上次一样", "还是那样", "按原来的", "不变", "是的，沿用"])
def test_keep_words_keep_the_earlier_answer(kb, now, region, typed) -> None:
    earlier = _earlier(kb, region)
    d = director(kb, now, region=region, profile=earlier)
    d.command("check")
    for _ in range(40):
        if d.state.dialog is None:
            break
        step = d.state.step
        d.say(typed)
        assert d.state.step != step, (step, typed)
        assert d.state.profile[step] == earlier[step]


@pytest.mark.parametrize("region", REGIONS)
def test_the_keep_button_keeps_and_a_number_replaces(kb, now, region) -> None:
    earlier = _earlier(kb, region)
    d = director(kb, now, region=region, profile=earlier)
    d.command("check")
    for _ in range(40):
        if d.state.dialog is None:
            break
        spec = kb.fields[d.state.step]
        if spec.kind in ("bool", "choice"):
            keep = next(b.label for r in d.replies for row in r.buttons for b in row if b.label.startswith(T.KEEP))
            d.press(keep)
            assert d.state.profile[spec.name] == earlier[spec.name]
        else:
            d.say(str(expected_value(spec) - 1))
            if d.state.step == spec.name:  # outside the usual range: confirmed
                d.press(T.YES)
            assert d.state.profile[spec.name] == expected_value(spec) - 1, spec.name
