"""Newcomer trial 9's Q&A findings, each as a kind:

- N12: a day asked with 几号 / 几日 / 哪日 (月报几号交) reads like 哪天, not 多少 + 号 (whose bigrams no entry
  holds), so the entry that gives the day answers instead of being offered as a button;
- N15: one 📄 出处 line per document, its sections joined, not one line per section of the same text;
- N16: the reported figure of 《社区医院基本标准（试行）》 follows "新闻报道转述的是：" directly, and the
  criterion's source is not repeated when the answer above already cites it;
- N13: a city only partly covered named alone (重庆 while 吉林 is set) asks whether the director means the
  covered region, with the switch button, and keeps the region (see also tests/dialogs/test_region_offer.py).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from tests.dialogs.qa.conftest import ask, text_of, turn_for

MONTHLY = "beijing-2022-monthly-progress"
NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


@pytest.mark.parametrize("question", ["月报几号交", "月报每月几号报", "进展几号前交", "月报几日报", "月报哪日交"])
def test_a_day_asked_with_ji_hao_is_answered(kb, now, question) -> None:
    turn = turn_for(kb, now, question, "beijing")
    assert turn.decision == "answer" and turn.shown and turn.shown[0].entry_id == MONTHLY, turn.text
    assert "每月1日前" in turn.text


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("北京申报要什么条件", "beijing"),
        ("申亲条件是啥", "beijing"),
        ("吉林申报要什么条件", "jilin"),
        ("渝中申报要什么条件", "chongqing-yuzhong"),
        ("床位要多少張", "chongqing-yuzhong"),
    ],
)
def test_one_source_line_per_document(kb, now, question, region) -> None:
    reply = text_of(ask(kb, now, question, region))
    for block in reply.split("\n\n"):
        titles = [m.group(1) for m in re.finditer(r"^📄 [^：]*：(《[^》]+》)", block, re.M)]
        assert len(titles) == len(set(titles)), block


@pytest.mark.parametrize("question", ["床位要多少張", "床位最少几张", "床位要多少张", "那这边床位最少几张"])
def test_the_reported_figure_follows_its_lead(kb, now, question) -> None:
    reply = text_of(ask(kb, now, question, "chongqing-yuzhong"))
    _, _, after = reply.partition("新闻报道转述的是：\n")
    assert after, reply
    assert not after.startswith("📄"), reply  # the sentence is not cut by a source line
    assert after.splitlines()[0].startswith("据"), reply


@pytest.mark.parametrize("current", ["jilin", "beijing", "national"])
@pytest.mark.parametrize("typed", ["重庆", "重庆市", "重庆。", "重庆吧"])
def test_a_partly_covered_city_alone_asks_to_switch(kb, current, typed) -> None:
    out = handle(UserState(region=current), Event.say(typed), kb, NOW)
    assert out.state.region == current
    text = "\n".join(r.text for r in out.replies)
    assert "您是想切换到重庆市渝中区吗" in text and kb.regions.name(current) in text, text
    button = next(b for r in out.replies for row in r.buttons for b in row if b.data == "g:rgn:chongqing-yuzhong")
    assert handle(out.state, Event.press(button.data), kb, NOW).state.region == "chongqing-yuzhong"


def test_the_covered_region_itself_is_not_asked(kb) -> None:
    out = handle(UserState(region="chongqing-yuzhong"), Event.say("重庆"), kb, NOW)
    assert "您是想切换到" not in "\n".join(r.text for r in out.replies)


MATERIALS = {"jilin": "jilin-2020-materials", "chongqing-yuzhong": "yuzhong-2021-acceptance-form"}


@pytest.mark.parametrize("region", list(MATERIALS))
@pytest.mark.parametrize(
    "question", ["要交材料么", "需要准备材料吗", "要不要交资料", "得提交申请材料不", "要交材料吗？"]
)
def test_papers_asked_as_yes_or_no_are_answered(kb, now, region, question) -> None:
    """N11: a yes/no ask of papers gets the materials entry, not "您是不是想问" with it as the first button."""
    turn = turn_for(kb, now, question, region)
    assert turn.answered and turn.shown[0].entry_id == MATERIALS[region], turn.text


@pytest.mark.parametrize("question", ["材料什么时候交", "要交材料么，几号截止", "交材料找谁"])
def test_other_asks_of_papers_are_not_rewritten(kb, now, question) -> None:
    turn = turn_for(kb, now, question, "jilin")
    assert not (turn.shown and turn.shown[0].entry_id == MATERIALS["jilin"] and turn.kind == "search"), turn.text


def _summary(kb, now, question: str) -> str:
    return text_of(ask(kb, now, question, "beijing")).partition("【比较】")[2]


REQUIREMENTS_COMPARED = [
    "北京跟吉林的要求有什么不同",
    "北京和吉林申报条件一样吗",
    "吉林跟北京的标准有啥区别",
    "北京吉林门槛比一比",
]


@pytest.mark.parametrize("question", REQUIREMENTS_COMPARED)
def test_requirements_compared_are_figures_not_bodies(kb, now, question) -> None:
    """N18: the body that evaluates (区县级卫生健康部门) is no requirement of the institution."""
    summary = _summary(kb, now, question)
    assert "30张" in summary and "卫生健康部门" not in summary, summary


@pytest.mark.parametrize("question", ["北京和吉林申报流程有什么不同", "北京和吉林谁来评估有什么不同"])
def test_a_procedure_compared_keeps_its_bodies(kb, now, question) -> None:
    assert "卫生健康部门" in _summary(kb, now, question)
