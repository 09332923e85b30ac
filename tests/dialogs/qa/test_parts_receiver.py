"""A part asking whom something goes to (报给谁, 交给哪个部门, 报到哪里) is answered only by an entry naming
a body it is sent to; when the part's first entry does not, its own next candidate that does is shown as
the likeliest (sealed set 9, s9a082)."""

from __future__ import annotations

import pytest

from dialogs.qa.parts import gives_asked
from dialogs.qa.receiver_words import ASKS_RECEIVER
from knowledge.search.model import Answer
from tests.dialogs.qa.conftest import turn_for


def _second(text: str) -> str:
    return text[text.index("②") :]


@pytest.mark.parametrize(
    "q",
    [
        "北京区级优质服务基层行评审几号前完成？新建成社区医院名单报给谁？",
        "北京区级评审几号前完成？新建成社区医院名单报给谁？",
        "北京复核几号前完成？名单交给哪个部门？",
        "北京评审什么时候结束，推荐标准机构名单报到哪里",
    ],
)
def test_the_receiver_part_names_where_the_list_goes(kb, now, q: str) -> None:
    turn = turn_for(kb, now, q, region="beijing")
    assert turn.kind == "multipart"
    second = _second(turn.text)
    assert "市卫生健康委" in second
    assert "9月30日" in turn.text[: turn.text.index("②")]


@pytest.mark.parametrize(
    ("part", "asks"),
    [
        ("名单报给谁", True),
        ("材料交到哪个部门", True),
        ("总结上报到哪里", True),
        ("申请表送哪一级", True),
        ("复核完要报哪些东西", False),
        ("谁来评估", False),
    ],
)
def test_asking_whom_something_goes_to(part: str, asks: bool) -> None:
    assert bool(ASKS_RECEIVER.search(part)) is asks


def test_an_actor_is_no_receiver() -> None:
    """ "各区…对基层卫生机构完成复核" names bodies, none something is sent to."""
    review = Answer("r", "q", "9月30日前，各区完成区级评审，并对达到推荐标准的基层卫生机构完成复核。", (), ("beijing",))
    sent = Answer("s", "q", "9月30日前将名单上报市卫生健康委。", (), ("beijing",))
    assert not gives_asked("名单报给谁", (review,))
    assert gives_asked("名单报给谁", (sent,))
