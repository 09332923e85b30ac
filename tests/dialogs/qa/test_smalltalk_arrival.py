"""A courtesy on arriving (早上好，今天又来麻烦你了; 又来打扰了) is small talk: a welcome and what the
assistant does, never the decline (sealed set 10, s10b115 got "资料库里没有答案")."""

from __future__ import annotations

import pytest

from core.effects import LogUnanswered
from dialogs.qa.smalltalk import kind_of
from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import ask, text_of, turn_for

ARRIVALS = [
    "早上好，今天又来麻烦你了",
    "又来打扰了",
    "不好意思，又来打扰您了",
    "老师好，今天又来请教了",
    "院长好，又来麻烦您啦",
    "你好，我又来了",
    "下午好！今天有事来请教您",
]


@pytest.mark.parametrize("text", ARRIVALS)
@pytest.mark.parametrize("region", ["jilin", "chongqing-yuzhong", "beijing"])
def test_a_courtesy_on_arriving_gets_a_welcome_and_what_the_assistant_does(kb, now, text, region) -> None:
    out = ask(kb, now, text, region=region)
    reply = text_of(out)
    assert reply.startswith(T.SMALLTALK["arrival"]) and T.CAN_DO in reply, reply[:80]
    assert T.DECLINE not in reply and T.DID_YOU_MEAN not in reply
    assert not any(isinstance(e, LogUnanswered) for e in out.effects)


@pytest.mark.parametrize("text", ARRIVALS[:3])
def test_a_courtesy_on_arriving_before_any_region_is_greeted_like_a_greeting(kb, now, text) -> None:
    """No region yet: the welcome and the region prompt, as 你好 gets, never the decline."""
    greeted = text_of(ask(kb, now, "你好", region=None))
    assert text_of(ask(kb, now, text, region=None)) == greeted


@pytest.mark.parametrize("text", ["谢谢，又麻烦你了", "辛苦了，麻烦您了", "麻烦你了"])
def test_thanks_said_with_an_arrivals_words_is_thanks(text) -> None:
    assert kind_of(text) == "thanks"


@pytest.mark.parametrize(
    "text",
    [
        "早上好，又来麻烦你了，床位要多少张",
        "又来打扰，想问下床位要多少张",
        "不好意思又来打扰您了，床位要多少张？",
    ],
)
def test_a_question_after_a_courtesy_on_arriving_is_answered(kb, now, text) -> None:
    turn = turn_for(kb, now, text, region="jilin")
    assert turn.kind != "smalltalk" and turn.answered and "30张" in turn.text, turn.text[:80]


@pytest.mark.parametrize("text", ["新的方案又来了", "麻烦问一下床位要多少", "又来了新文件吗", "打扰一下，申报几号截止"])
def test_arrival_words_beside_a_matter_are_no_small_talk(text) -> None:
    assert kind_of(text) is None
