"""What a multi-part turn works out once and keeps (knowledge/search/memo.py for the searches within a
turn, parts._words_of for the shown entries' words per index) changes nothing it replies: the same
turn from cold and from warm caches, and the same as with the keeping switched off."""

from __future__ import annotations

from unittest import mock

import pytest

from dialogs.qa import parts
from knowledge.search import memo
from knowledge.search.tokens import Analyzer
from tests.dialogs.qa.conftest import turn_for

# Multi-part questions of every shape the parts reading meets: siblings, a later part leaning on the
# first, a contact and its number, a date and whom to report to, parts naming another place.
QUESTIONS = [
    ("吉林遴选床位 使用率 面积分别卡多少", "jilin"),
    ("吉林申请社区医院要交什么材料 先报给谁 几号前", "jilin"),
    ("渝中验收啥时候搞 谁来验 要几项达标", "yuzhong"),
    ("北京月报几号报 碰上节假日咋办 已建成怎么算", "beijing"),
    ("吉林这块社区医院的事找谁 电话多少", "jilin"),
    ("信息管理员要几个 健康档案开放率多少 远程医疗覆盖多少", None),
]


def _seen(turn) -> tuple:
    return (turn.kind, turn.decision, turn.confidence, [(r.text, r.buttons) for r in turn.replies], turn.sections)


@pytest.mark.parametrize(("question", "region"), QUESTIONS)
def test_cold_warm_and_unkept_turns_are_the_same(kb, now, question: str, region: str | None) -> None:
    parts._WORDS.pop(kb.index, None)
    cold = _seen(turn_for(kb, now, question, region))
    warm = _seen(turn_for(kb, now, question, region))
    unkept_memo = mock.patch.object(memo, "_TURN", memo.ContextVar("unkept", default=None))
    with unkept_memo, mock.patch.object(parts, "_WORDS_KEPT", 0):  # cleared before every text is kept
        unkept = _seen(turn_for(kb, now, question, region))
    assert cold == warm == unkept


def test_a_warm_multi_part_turn_analyses_no_entry_text_again(kb, now) -> None:
    question, region = QUESTIONS[1]
    turn_for(kb, now, question, region)
    analysed: list[str] = []
    real = Analyzer.analyse.__wrapped__  # what the turn's memo (knowledge/search/memo.py) wraps

    def counted(self, text):
        analysed.append(text)
        return real(self, text)

    with mock.patch.object(Analyzer, "analyse", memo.per_turn(counted)):
        turn_for(kb, now, question, region)
    entry_texts = [t for t in analysed if any(a.answer in t for a in kb.index.answers if len(a.answer) > 20)]
    assert entry_texts == []
    assert len(analysed) == len(set(analysed))  # and each text of the turn once
