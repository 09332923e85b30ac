"""Multi-part questions: every part answered under its own mark, or said to be unanswered."""

from __future__ import annotations

from dialogs.texts import qa as T
from knowledge.search.intent import split_parts
from tests.dialogs.qa.conftest import ask, text_of, turn_for

QUESTION = "信息管理员要几个 健康档案开放率多少 远程医疗覆盖多少"


def test_a_space_separates_the_parts_as_a_comma_does() -> None:
    assert split_parts(QUESTION) == ["信息管理员要几个", "健康档案开放率多少", "远程医疗覆盖多少"]
    assert split_parts("吉林遴选社区医院 除了床位和面积还看啥条件") == ["吉林遴选社区医院 除了床位和面积还看啥条件"]


def test_every_part_is_answered_under_its_mark(kb, now) -> None:
    turn = turn_for(kb, now, QUESTION, region="jilin")
    assert turn.kind == "multipart" and turn.answered
    text = turn.text
    assert text.startswith(T.PARTS_HEADER.format(n=3))
    marks = [text.index(f"{m} {p}") for m, p in zip(T.PART_MARKS, split_parts(QUESTION), strict=False)]
    assert marks == sorted(marks)
    assert "98%" in text and "80%" in text
    assert len({a.entry_id for a in turn.shown}) >= 2


def test_one_entry_answering_every_part_is_shown_once(kb, now) -> None:
    entry = next(e for e in kb.faq if "？" in e.question.rstrip("？") and "jilin" in e.regions)
    turn = turn_for(kb, now, entry.question, region="jilin")
    if turn.kind == "multipart":
        assert len({a.entry_id for a in turn.shown}) > 1
    else:
        assert turn.text.count(entry.answer.strip()[:30]) <= 1


def test_a_short_part_is_read_with_the_first_part_in_front(kb, now) -> None:
    text = text_of(ask(kb, now, "渝中验收啥时候搞 谁来验 要几项达标", region="chongqing-yuzhong"))
    who = text[text.index("② 谁来验") : text.index("③")]
    if T.PART_SAME in who:  # the first part's answer already names who: it is shown once
        who = text[text.index("① ") : text.index("② ")]
    assert "区卫生健康委" in who
