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
