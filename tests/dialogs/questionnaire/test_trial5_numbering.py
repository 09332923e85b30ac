"""Newcomer trial 5, N19: 全国 /check went from "第 2/8 题" to "第 4/8 题" after 社区卫生服务中心 (a question
for 乡镇卫生院 only was skipped). The number counts the questions that matter on the answers so far: no
gap on any path, and the last question asked is "第 n/n 题"."""

from __future__ import annotations

import re

import pytest

from tests.dialogs.questionnaire.test_flow import director, valid_answer

NUMBER = re.compile(r"（第 (\d+)/(\d+) 题）")


@pytest.mark.parametrize("region", ["national", "jilin", "chongqing-yuzhong", "beijing"])
@pytest.mark.parametrize("path", [("是", "1", ""), ("否", "2", ""), ("不清楚", "1", "不清楚")])
def test_question_numbers_have_no_gap(kb, now, region: str, path: tuple[str, str, str]) -> None:
    yes, choice, figure = path
    d = director(kb, now, region=region)
    d.command("check")
    seen: list[tuple[int, int]] = []
    while d.state.dialog == "questionnaire" and len(seen) < 40:
        found = NUMBER.findall(d.text)
        assert found, d.text[-200:]
        seen.append(tuple(int(x) for x in found[-1]))
        kind = kb.fields[d.state.step].kind
        spec = kb.fields[d.state.step]
        d.say(yes if kind == "bool" else choice if kind == "choice" else figure or valid_answer(spec))
        if d.state.data.get("mode") == "confirm":
            d.say("是")
    numbers = [i for i, _ in dict.fromkeys(seen)]
    assert numbers == list(range(1, len(numbers) + 1)), seen
    assert seen[-1][0] == seen[-1][1], seen
