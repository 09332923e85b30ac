"""A command typed at the end of a question in one message ("床位要多少 /check"): the question is
answered and the command runs after it, as if the two had been sent one after the other. Before, the
whole text was searched as a question (with "/check" in it) and declined, and the command was lost."""

from __future__ import annotations

import pytest

from core.model import Event, UserState
from dialogs import router
from dialogs.router import trailing_command
from tests.dialogs.qa.conftest import ask, text_of


@pytest.mark.parametrize(
    ("q", "said", "name"),
    [
        ("床位要多少 /check", "床位要多少", "check"),
        ("床位要多少/check", "床位要多少", "check"),
        ("截止日期是哪天？/status", "截止日期是哪天？", "status"),
        ("业务用房面积要多大  /CHECK@hospital_bot", "业务用房面积要多大", "check"),
        ("我想换个地区 /region", "我想换个地区", "region"),
    ],
)
def test_a_known_command_at_the_end_is_split_off(q: str, said: str, name: str) -> None:
    assert trailing_command(q) == (said, name)


@pytest.mark.parametrize(
    "q", ["/check", "床位 /chek", "今天/明天 截止吗", "http://example.org/check", "床位要多少 /check 好的", "  /status"]
)
def test_no_command_or_no_words_before_it_is_left_alone(q: str) -> None:
    assert trailing_command(q) is None


@pytest.mark.parametrize("q", ["床位要多少 /check", "吉林床位最少几张？/check", "实际开放床位数要求多少张/check"])
def test_the_question_is_answered_then_the_questionnaire_starts(kb, now, q: str) -> None:
    out = ask(kb, now, q, region="jilin")
    text = text_of(out)
    assert "30张" in text, text[:200]
    assert out.state.dialog == "questionnaire"
    assert text.index("30张") < text.index("第 1/")  # the answer first, then the first question


def test_the_command_keeps_its_rules_in_a_group(kb, now) -> None:
    """/check is for private chats: typed after a question in a group, the question is answered and
    /check says so, as it does when sent alone."""
    event = Event.say("床位要多少 /check", in_group=True)
    out = router.handle(UserState(user_id=1, region="jilin"), event, kb, now)
    alone = router.handle(UserState(user_id=1, region="jilin"), Event.command("check", in_group=True), kb, now)
    assert "30张" in text_of(out)
    assert text_of(out).endswith(text_of(alone)) and out.state.dialog is None


def test_a_status_after_a_question_shows_both(kb, now) -> None:
    out = ask(kb, now, "吉林申请表几号前交 /status", region="jilin")
    alone = router.handle(UserState(user_id=1, region="jilin"), Event.command("status"), kb, now)
    head = alone.replies[0].text.splitlines()[0]  # 📋 申报进度 (its 📜 note is shortened: said above)
    text = text_of(out)
    assert "6月30日" in text and head in text and text.index("6月30日") < text.index(head)
