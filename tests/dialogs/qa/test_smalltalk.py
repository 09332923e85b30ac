"""Small talk gets a short friendly reply and what the assistant can do, never the decline."""

from __future__ import annotations

import pytest

from core.effects import LogUnanswered
from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import ask, text_of, turn_for


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("你好", "greeting"),
        ("您好！", "greeting"),
        ("在吗", "greeting"),
        ("谢谢", "thanks"),
        ("好的，谢谢您", "thanks"),
        ("辛苦了", "thanks"),
        ("再见", "bye"),
        ("你是谁", "who_are_you"),
        ("你是谁 能帮我干啥", "who_are_you"),
        ("你能做什么？", "who_are_you"),
        ("你都能帮我干点啥", "who_are_you"),
        # asking whether a person answers (sealed set 6, s6b114)
        ("你是谁？真人吗", "who_are_you"),
        ("是不是机器人", "who_are_you"),
        ("你是AI吗", "who_are_you"),
        # thanks with a remark of the director's own (no cue list holds every remark)
        ("好的，谢谢你，讲得很清楚", "thanks"),
        ("谢谢，帮了大忙", "thanks"),
        ("多谢老师，今天收获很大", "thanks"),
        # F32: a self-introduction, with or without a greeting, is small talk, not a question
        ("你好，我是XX卫生院院长", "introduction"),
        ("您好 我是长春市某社区卫生服务中心的主任", "introduction"),
        ("我是卫生院的", "introduction"),
        ("你好，我是院长，你是谁", "who_are_you"),
        # F32: asking whether the assistant costs anything
        ("你们收费吗", "fee"),
        ("要钱吗", "fee"),
        ("这个助手要钱吗？", "fee"),
        ("用你们这个收费不", "fee"),
        ("您好，请问免费吗", "fee"),
    ],
)
def test_small_talk_gets_a_friendly_reply_of_its_own(kb, now, text: str, kind: str) -> None:
    out = ask(kb, now, text)
    reply = text_of(out)
    assert reply.startswith(T.SMALLTALK[kind])
    assert T.DECLINE not in reply and T.DID_YOU_MEAN not in reply
    assert not any(isinstance(e, LogUnanswered) for e in out.effects), "small talk is not an unanswered question"


@pytest.mark.parametrize(
    "text",
    [
        "你是谁？是卫健委的人吗",
        "你是卫健委的吗",
        "你们是不是卫健委的人",
        "您好，你是官方的吗？",
        "你是政府的人吗",
        "您是哪个单位的？",
        "你是卫生局的吗 真人吗",
    ],
)
@pytest.mark.parametrize("region", [None, "jilin", "beijing", "chongqing-yuzhong"])
def test_asking_whether_the_assistant_is_an_office_gets_a_self_introduction(kb, now, text, region) -> None:
    """Asking whether the assistant is the 卫健委 (sealed set 9, s9b114 got a contact address) is small
    talk: it says it is a program, not the 卫健委, and whose answer is official."""
    turn = turn_for(kb, now, text, region=region)
    assert turn.kind == "smalltalk" and turn.text.startswith(T.SMALLTALK["who_are_you"]), turn.text[:80]
    assert "不是卫健委" in turn.text and "卫生健康行政部门" in turn.text


@pytest.mark.parametrize("text", ["卫健委的电话是多少", "是哪个部门的", "验收是卫健委的人来吗", "卫健委的人会来检查吗"])
def test_a_question_about_the_office_is_still_a_question(kb, now, text) -> None:
    assert turn_for(kb, now, text, region="jilin").kind != "smalltalk"


def test_a_greeting_says_what_the_assistant_can_do(kb, now) -> None:
    reply = text_of(ask(kb, now, "你好"))
    assert T.CAN_DO in reply and "/check" in reply


def test_small_talk_inside_a_question_is_a_question(kb, now) -> None:
    turn = turn_for(kb, now, "你好，床位要多少张")
    assert turn.kind != "smalltalk" and "30张" in turn.text


# F17: a message that is only a figure is not a question (an answer meant for /check typed outside it).
@pytest.mark.parametrize("text", ["四十", "3000", "75%", "30张", "约30张", "百分之七十五"])
def test_a_bare_figure_is_not_answered_as_a_question(kb, now, text) -> None:
    turn = turn_for(kb, now, text, region="jilin")
    assert turn.kind == "figure" and turn.text == T.BARE_FIGURE.format(text=text)


@pytest.mark.parametrize(
    "text", ["社区医院收费吗", "挂号要钱吗", "家庭医生签约要钱吗", "挂了社区医院后收费能按二级医院标准吗"]
)
def test_a_fee_of_the_hospital_is_a_question_not_small_talk(kb, now, text: str) -> None:
    assert turn_for(kb, now, text).kind != "smalltalk"


def test_a_question_after_a_greeting_and_an_introduction_is_answered(kb, now) -> None:
    plain = turn_for(kb, now, "床位要多少张")
    introduced = turn_for(kb, now, "你好，我是卫生院院长，想问床位要多少张")
    assert introduced.answered and introduced.shown[0].entry_id == plain.shown[0].entry_id
    # the introduction may say what the institution is: a situation still reads the whole text
    situation = turn_for(kb, now, "我是长春某卫生院院长，我们床位40张能申请吗")
    assert situation.kind == "situation" and "40张" in situation.text


@pytest.mark.parametrize(
    "text", ["谢谢，床位要多少", "谢谢，那30张够吗", "谢谢，渝中的验收谁负责", "感谢，申请表在哪下载"]
)
def test_thanks_with_a_question_is_the_question(kb, now, text: str) -> None:
    # A remark after 谢谢 is small talk only when it names no figure, no term of the base, asks nothing.
    assert turn_for(kb, now, text, region="jilin").kind != "smalltalk"


@pytest.mark.parametrize(
    "text", ["再见啦，下次再聊", "好的，回头再问你，拜拜", "那先这样，回头见哈", "拜拜，今天先下了"]
)
def test_a_goodbye_with_a_remark_of_ones_own_is_a_goodbye(kb, now, text: str) -> None:
    """A goodbye around a remark that names no figure, no term and asks nothing (sealed set 7's
    再见 got the "no answer" decline)."""
    turn = turn_for(kb, now, text, region="jilin")
    assert turn.kind == "smalltalk" and T.SMALLTALK["bye"] in turn.text, turn.text[:80]


@pytest.mark.parametrize("text", ["好的再见，床位要多少", "拜拜之前问一下，使用率多少"])
def test_a_goodbye_around_a_question_still_gets_the_answer(kb, now, text: str) -> None:
    assert turn_for(kb, now, text, region="jilin").kind != "smalltalk"
