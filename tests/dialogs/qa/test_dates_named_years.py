"""Newcomer trial 3, N1: when a question names a date the region's texts do not set, the list of the
region's own dates gives each date with its year or period (Beijing's are all 2022's, past), says
when they are past, and never mixes the national text's dates in among the region's own."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs import render
from dialogs.router import handle
from dialogs.texts import qa_dates as D
from dialogs.texts import tracking as TT
from tests.dialogs.qa.conftest import turn_for

LATE = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
EARLY = dt.datetime(2021, 1, 5, 10, tzinfo=SHANGHAI)
WHEN = r"20\d\d年\d+月\d+日|每年\d+月\d+日（20\d\d[^）]*）|20\d\d年\d+月至20\d\d年\d+月每月\d+日"
QUESTIONS = ["5月20日前要交什么材料？", "七月十五号之前要报什么", "3月3日要干啥"]


def _head(text: str) -> list[str]:
    return text.split(D.DATE_ANSWER_FOLLOWS)[0].splitlines()


@pytest.mark.parametrize("region", ["beijing", "chongqing-yuzhong", "jilin"])
@pytest.mark.parametrize("question", QUESTIONS)
def test_every_listed_date_has_its_year_and_the_national_ones_are_apart(kb, region, question) -> None:
    text = turn_for(kb, LATE, question, region=region).text
    head = _head(text)
    name = render.region_name(kb, region)
    own_line = next(line for line in head if line.startswith(D.DATE_OWN_LIST.format(region=name, dates="")[:-1]))
    national = {r.title for r in kb.calendars["national"].rules}
    own = [r for r in kb.calendars[region].rules if r.title not in national]
    for rule in own:  # each with its year: 2022年8月31日, 每年6月30日（2020—2023年）, 2022年9月至…每月1日
        dated = rf"({WHEN})（{re.escape(rule.title)}）"
        assert re.search(dated, own_line), (rule.title, own_line)
    assert not any(title in own_line for title in national), "a national date among the region's own"
    national_line = next(line for line in head if line.startswith(D.DATE_NATIONAL_LIST[:6]))
    assert "2021年11月30日" in national_line
    assert D.DATE_ALL_PAST in head, "every date loaded is past in December 2026: said once"
    assert D.DATE_PAST not in own_line


def test_a_date_still_ahead_is_not_called_past(kb) -> None:
    head = _head(turn_for(kb, EARLY, "5月20日前要交什么材料？", region="chongqing-yuzhong").text)
    assert D.DATE_ALL_PAST not in head and D.DATE_PAST not in "\n".join(head)


def test_mixed_past_and_coming_dates_are_marked_one_by_one(kb) -> None:
    midway = dt.datetime(2021, 10, 1, 10, tzinfo=SHANGHAI)  # 渝中's 3/31 and 9/30 past, 10/31 … ahead
    head = "\n".join(_head(turn_for(kb, midway, "5月20日前要交什么材料？", region="chongqing-yuzhong").text))
    assert head.count(D.DATE_PAST) == 2 and D.DATE_ALL_PAST not in head


def test_at_the_add_reminder_prompt_the_question_is_a_question(kb) -> None:
    menu = handle(UserState(user_id=1, region="beijing"), Event.command("remind"), kb, LATE)
    add = next(b.data for r in menu.replies for row in r.buttons for b in row if TT.BUTTON_ADD in b.label)
    prompt = handle(menu.state, Event.press(add), kb, LATE)
    out = handle(prompt.state, Event.say("6月30日前要交什么材料？"), kb, LATE)
    assert out.state.reminders == [] and "2022年8月31日" in out.replies[0].text
