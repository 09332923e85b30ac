"""Newcomer trial 3, N5: a question typed on any waiting screen — the /remind menu, its add prompt,
its day-count prompt, /stage, /forget's confirmation, the region prompt, a /check question — is
answered and the screen comes back; a text that is neither a question nor the screen's answer keeps
the screen's own reply. One mechanism (dialogs/asked.py), so every screen is walked here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from core.clock import SHANGHAI
from core.model import Event, Outcome, UserState
from dialogs.router import handle
from dialogs.texts import common as C
from dialogs.texts import tracking as TT
from dialogs.words import asks
from knowledge.base import KnowledgeBase

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


def _press(out: Outcome, label: str, kb: KnowledgeBase) -> Outcome:
    data = next(b.data for r in out.replies for row in r.buttons for b in row if label in b.label)
    return handle(out.state, Event.press(data), kb, NOW)


def _remind_menu(kb: KnowledgeBase, region: str) -> Outcome:
    return handle(UserState(user_id=1, region=region), Event.command("remind"), kb, NOW)


def _remind_add(kb: KnowledgeBase, region: str) -> Outcome:
    return _press(_remind_menu(kb, region), TT.BUTTON_ADD, kb)


def _remind_days(kb: KnowledgeBase, region: str) -> Outcome:
    return _press(_remind_menu(kb, region), TT.BUTTON_DAYS, kb)


def _stage(kb: KnowledgeBase, region: str) -> Outcome:
    return handle(UserState(user_id=1, region=region), Event.command("stage"), kb, NOW)


def _forget(kb: KnowledgeBase, region: str) -> Outcome:
    return handle(UserState(user_id=1, region=region), Event.command("forget"), kb, NOW)


def _check_bool(kb: KnowledgeBase, region: str) -> Outcome:
    return handle(UserState(user_id=1, region=region), Event.command("check"), kb, NOW)


SCREENS: dict[str, Callable[[KnowledgeBase, str], Outcome]] = {
    "remind menu": _remind_menu,
    "remind add": _remind_add,
    "remind days": _remind_days,
    "stage": _stage,
    "forget": _forget,
    "check": _check_bool,
}

QUESTIONS = {
    "chongqing-yuzhong": ["验收要几项达标", "渝中计划建几家社区医院", "社区科联系电话多少", "特色科室日均门诊量要多少"],
    "beijing": ["2022年北京要新建几家社区医院", "回头看比例", "基层卫生处联系人电话", "6月30日前要交什么材料？"],
    "jilin": [
        "床位最少要几张",
        "院长您好，我们卫生院在梨树县，床位不够三十张能不能先申报，后面再补？",
        "业务用房面积要求多少",
    ],
}
# Where a reminder's matter is expected (添加提醒), a bare topic (回头看比例) is that matter and its
# date is asked (newcomer trial 9, finding 4; dialogs/words.py: only a text asked as a question is a
# question there): those cases are the matter's, in test_a_bare_topic_at_the_add_prompt_is_the_matter.
CASES = [
    (screen, region, q)
    for screen in SCREENS
    for region, qs in QUESTIONS.items()
    for q in qs
    if screen != "remind add" or asks(q)
]
BARE_TOPICS = [(region, q) for region, qs in QUESTIONS.items() for q in qs if not asks(q)]


@pytest.mark.parametrize(("region", "topic"), BARE_TOPICS)
def test_a_bare_topic_at_the_add_prompt_is_the_matter(kb: KnowledgeBase, region: str, topic: str) -> None:
    shown = SCREENS["remind add"](kb, region)
    out = handle(shown.state, Event.say(topic), kb, NOW)
    texts = [r.text for r in out.replies]
    assert C.PENDING_AGAIN not in texts and topic in texts[-1], texts  # its date is asked for that matter
    assert (out.state.dialog, out.state.step) == (shown.state.dialog, shown.state.step)
    assert out.state.reminders == []  # nothing added before its date


@pytest.mark.parametrize(("screen", "region", "question"), CASES)
def test_a_question_on_any_screen_is_answered_and_the_screen_comes_back(
    kb: KnowledgeBase, screen: str, region: str, question: str
) -> None:
    shown = SCREENS[screen](kb, region)
    out = handle(shown.state, Event.say(question), kb, NOW)
    texts = [r.text for r in out.replies]
    assert C.PENDING_AGAIN in texts, (screen, texts)
    again = texts[texts.index(C.PENDING_AGAIN) + 1 :]
    assert again == [r.text for r in shown.replies[-len(again) :]], (screen, again)  # the same screen
    assert (out.state.dialog, out.state.step) == (shown.state.dialog, shown.state.step)
    assert out.state.reminders == [] and out.state.profile == {}  # nothing stored from the question
    answer = texts[0]
    assert "📄" in answer or "您是不是想问" in answer or "最可能" in answer, (screen, answer)


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("typed", ["随便", "abc xyz"])
def test_neither_a_question_nor_an_answer_keeps_the_screens_own_reply(
    kb: KnowledgeBase, screen: str, typed: str
) -> None:
    shown = SCREENS[screen](kb, "jilin")
    out = handle(shown.state, Event.say(typed), kb, NOW)
    texts = [r.text for r in out.replies]
    assert C.PENDING_AGAIN not in texts and "📄" not in texts[0], texts
    assert (out.state.dialog, out.state.step) == (shown.state.dialog, shown.state.step)


@pytest.mark.parametrize("region", ["beijing", "chongqing-yuzhong"])
def test_the_menu_survives_a_restart_and_a_question_is_still_answered(kb: KnowledgeBase, region: str) -> None:
    """The state of an open menu is what the database keeps; days later the same state comes back."""
    shown = _remind_menu(kb, region)
    later = NOW + dt.timedelta(days=5)
    out = handle(shown.state, Event.say("申报要交哪些材料"), kb, later)
    assert C.PENDING_AGAIN in [r.text for r in out.replies]
    assert out.state.step == shown.state.step


def test_a_reminder_is_still_added_on_the_add_prompt_and_the_menu(kb: KnowledgeBase) -> None:
    for shown in (_remind_add(kb, "jilin"), _remind_menu(kb, "jilin")):
        out = handle(shown.state, Event.say("自评完成 3月15日"), kb, NOW)
        assert [r.title for r in out.state.reminders] == ["自评完成"]
        assert C.PENDING_AGAIN not in [r.text for r in out.replies]
