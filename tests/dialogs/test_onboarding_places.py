"""Issue 10, the conversation at the region prompt: a question typed there is answered (for the
region it names, or side by side for every region when it names none), and places are read through
the place lookup: provinces, cities, Chongqing's districts (重庆江北 is not 渝中), places not covered
said to be not covered with the national texts offered."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs import qa
from dialogs.router import handle
from dialogs.texts import common as C

NOW = dt.datetime(2026, 3, 10, 10, tzinfo=SHANGHAI)


def at_region_prompt(kb) -> UserState:  # type: ignore[no-untyped-def]
    out = handle(UserState(user_id=1), Event.command("start"), kb, NOW)
    assert out.state.step == "region"
    return out.state


def test_a_question_naming_a_region_sets_it_and_is_answered(kb) -> None:
    question = "吉林申请社区医院床位最少要多少张？"
    out = handle(at_region_prompt(kb), Event.say(question), kb, NOW)
    assert out.state.region == "jilin" and out.state.dialog is None
    texts = [r.text for r in out.replies]
    expected = qa.render_result(kb.search(question, "jilin"), kb, "jilin", NOW.date())[0].text
    assert texts[0].startswith(C.REGION_SET.format(name="吉林省")) and expected in texts, texts


def test_a_first_question_without_a_region_is_answered_for_each_region(kb) -> None:
    question = "床位最少要多少张？"
    out = handle(at_region_prompt(kb), Event.say(question), kb, NOW)
    texts = [r.text for r in out.replies]
    assert C.REGION_NOT_UNDERSTOOD.split("。")[0] not in "".join(texts)
    # said once: by the lead, or by the answer's own opening (newcomer trial 8, N31)
    assert texts[0] == C.ANSWERED_FOR_EACH_REGION or texts[0].startswith("这个问题各地规定不同"), texts
    assert "".join(texts).count("您还没有选择地区") == 1, texts
    expected = qa.render_result(kb.search(question, None), kb, None, NOW.date())[0].text
    assert expected in texts
    assert out.state.region is None and out.state.step == "region" and texts[-1] == C.ASK_REGION


@pytest.mark.parametrize(
    ("typed", "place"),
    [
        ("重庆江北", "江北区"),
        ("我在河北", "河北省"),
        ("上海浦东", "浦东"),
        ("广东深圳", "深圳市"),
        ("江北区", "江北区"),
    ],
)
def test_a_place_not_covered_is_said_and_the_national_texts_offered(kb, typed: str, place: str) -> None:
    out = handle(at_region_prompt(kb), Event.say(typed), kb, NOW)
    assert out.state.region is None, f"{typed} must not be set to a covered region"
    assert out.replies[0].text == C.REGION_NOT_COVERED.format(place=place)
    labels = [b.label for r in out.replies for row in r.buttons for b in row]
    assert any("全国" in label for label in labels)


def test_region_command_with_a_place_not_covered(kb) -> None:
    out = handle(UserState(user_id=1), Event.command("region", "重庆江北"), kb, NOW)
    assert out.state.region is None and out.replies[0].text == C.REGION_NOT_COVERED.format(place="江北区")


def test_chongqing_alone_is_only_partly_covered(kb) -> None:
    out = handle(at_region_prompt(kb), Event.say("重庆"), kb, NOW)
    assert out.state.region is None
    assert out.replies[0].text == C.REGION_PARTIAL.format(place="重庆市", region="重庆市渝中区")


@pytest.mark.parametrize(
    ("typed", "region"),
    [
        ("长春", "jilin"),
        ("吉林省长春市", "jilin"),
        ("渝中区", "chongqing-yuzhong"),
        ("重庆渝中", "chongqing-yuzhong"),
        ("北京海淀", "beijing"),
        ("全国", "national"),
        ("2", "jilin"),
    ],
)
def test_covered_places_set_their_region(kb, typed: str, region: str) -> None:
    out = handle(at_region_prompt(kb), Event.say(typed), kb, NOW)
    assert out.state.region == region, (typed, [r.text for r in out.replies])


@pytest.mark.parametrize(
    "question", ["床位使用率要多少？", "使用率得多少", "床位最少要多少张？", "申报截止是哪天", "我们床位40张能申请吗"]
)
def test_no_region_is_said_once_at_the_region_prompt(kb, question) -> None:
    """Newcomer trial 8, N31: "您还没有选择地区，先按各地区…" and then "这个问题各地规定不同。您还没有选择地区…"."""
    texts = [r.text for r in handle(at_region_prompt(kb), Event.say(question), kb, NOW).replies]
    joined = "".join(texts)
    assert joined.count("您还没有选择地区") + joined.count("您没有说在哪个地区") <= 1, texts
