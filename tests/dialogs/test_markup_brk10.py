"""Breaker brk10, markup around a message's words (dialogs/input_check.py): HTML tags and entities, a Markdown
link's address, an @username. Its letters (b, br, nbsp, mybot) were words no entry has, and "床位要多少<br>",
"床位要多少 @mybot" were declined where "床位要多少" is answered; at /check "30<br>" was not read."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.input_check import clean_text, without_markup
from dialogs.router import handle
from tests.dialogs.check_steps import at_question

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
QUESTIONS = ("床位要多少张", "床位使用率要多少", "申报要交哪些材料")
WRAPS = (
    "<b>{q}</b>",
    "<p>{q}</p>",
    "{q}<br>",
    "{q}<br/>",
    '<span style="color:red">{q}</span>',
    "{q}&nbsp;",
    "{q} @shequ_yiyuan_bot",
    "@shequ_yiyuan_bot {q}",
    "[{q}](https://example.com/a?b=1)",
)


def _first(text: str, kb, region: str = "jilin") -> str:
    return handle(UserState(user_id=1, region=region), Event.say(text), kb, NOW).replies[0].text


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("wrap", WRAPS)
def test_a_question_in_markup_is_answered_as_without(kb, question: str, wrap: str) -> None:
    assert _first(wrap.format(q=question), kb) == _first(question, kb)


@pytest.mark.parametrize(
    ("typed", "value"), [("<b>35</b>", 35), ("35张<br>", 35), ("35&nbsp;张", 35), ("@shequ_yiyuan_bot 35", 35)]
)
def test_a_figure_in_markup_is_read_at_check(kb, typed: str, value: int) -> None:
    state = at_question(kb, "jilin", "open_beds", NOW)
    assert handle(state, Event.say(typed), kb, NOW).state.profile.get("open_beds") == value


@pytest.mark.parametrize(
    "kept",
    [
        "床位<30张能申请吗",  # a bound, no tag
        "床位 < 30 张",
        "A&B两家医院",  # no entity
        "发到 wjw@jl.gov.cn 吗",  # an e-mail address is no @username
        "[床位]要多少",  # brackets without an address
        "30~40张",
    ],
)
def test_what_only_looks_like_markup_is_kept(kept: str) -> None:
    assert without_markup(kept) == kept


def test_markup_alone_is_an_empty_message(kb) -> None:
    assert clean_text("<br>&nbsp;<b></b>") == ""
    out = handle(UserState(user_id=1, region="jilin"), Event.say("<br>&nbsp;"), kb, NOW)
    assert out.replies[0].text == handle(UserState(user_id=1, region="jilin"), Event.say(""), kb, NOW).replies[0].text


@pytest.mark.parametrize("typed", ["/status@shequ_yiyuan_bot", "／status@shequ_yiyuan_bot", "/region@mybot_bot 北京"])
def test_a_command_with_a_bot_name_typed_as_text_is_the_command(kb, typed: str) -> None:
    """A caption or a pasted line is text, not a command entity: /status@bot is still /status."""
    out = handle(UserState(user_id=1, region="jilin"), Event.say(typed), kb, NOW)
    said = "\n".join(r.text for r in out.replies)
    assert "没有答案" not in said and ("申报进度" in said or out.state.region == "beijing"), said[:120]
