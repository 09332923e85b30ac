"""Newcomer trial 4, F1: a question typed at a /check yes/no question showed its suggestions as
[1][2][3] and the question again as [1] 是 [2] 否 — typing "1" to read suggestion 1 silently
answered 是. In one turn only the last reply with buttons is numbered; earlier ones are lettered."""

from __future__ import annotations

import pytest

from bot.terminal import render_turn
from core.model import Button, Reply
from tests.dialogs.questionnaire.test_flow import Terminal


def test_keys_of_one_turn_never_collide() -> None:
    suggestions = Reply("您是不是想问", ((Button("甲", "g:ask:1"),), (Button("乙", "g:ask:2"),)))
    question = Reply("第 2/4 题", ((Button("是", "q:y"), Button("否", "q:n"), Button("上一步", "q:b", key="b")),))
    texts, choices = render_turn([suggestions, question])
    assert choices == {"a": "g:ask:1", "c": "g:ask:2", "1": "q:y", "2": "q:n", "b": "q:b"}
    assert "[a] 甲" in texts[0] and "[1] 是" in texts[1]


@pytest.mark.parametrize("question", ["床位要多少张才算达标", "材料", "那个标准"])
@pytest.mark.parametrize("region", ["北京", "吉林"])
async def test_a_question_at_a_yes_no_prompt_then_1_answers_the_prompt_only(
    sqlite_db, kb, tmp_path, question, region
) -> None:
    t = Terminal(sqlite_db, kb, tmp_path)
    await t.send(f"/region {region}")
    await t.send("/check")
    before = await t.stored()
    spec = kb.fields[before.step]
    assert spec.kind in ("bool", "choice")
    seen = len(t.out.getvalue())
    await t.send(question)
    shown = t.out.getvalue()[seen:]
    numbered = [ln for ln in shown.splitlines() if ln.strip().startswith("[1]")]
    assert len(numbered) <= 1, shown  # one "[1]" on the screen: the question's own
    state = await t.stored()
    assert state.step == before.step and before.step not in state.profile
    if any(ln.strip().startswith("[a]") for ln in shown.splitlines()):
        await t.send("a")  # a suggestion read: still nothing recorded
        state = await t.stored()
        assert before.step not in state.profile
    await t.send("1")  # the question's first answer, as shown
    expected = True if spec.kind == "bool" else spec.choices[0][0]
    assert (await t.stored()).profile[before.step] == expected
