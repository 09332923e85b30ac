"""Breaker and newcomer findings of session 6, each as its kind, through dialogs.router.handle (what the
terminal chat and Telegram both run):

B8, B20 a region change said in words (换到吉林, 改成渝中, 切换到全国, 地区改为北京) or where the director is
        (我在长春, 我们是朝阳区的, 我在渝中区) sets the region, in the middle of /check too; words that are not a
        place (我在看床位要求) change nothing;
B18     deleting one's data in other words (把我的信息删了, 清除记录, 注销) is /forget, which asks first;
B11, B13, B24 a wish said before any region is chosen (详细, 开始自评, 提醒我, 看看申报进度) asks the region first
        and is then carried out, never dropped nor declined as a policy question;
B6      one live menu at a time: "床位要多少 /check" mid-check answers, then offers 继续/重新开始 only;
F28     a date with only a place ("吉林 10月底") asks what falls due there, it is not a reminder titled 吉林."""

from __future__ import annotations

import pytest

from core.model import Reply
from dialogs import buttons
from dialogs.texts import common as C
from dialogs.texts import questionnaire as Q
from dialogs.texts import tracking as TT
from tests.dialogs.questionnaire.test_flow import director

DECLINED = "资料库里没有答案"


def menus(replies: list[Reply]) -> int:
    return sum(1 for r in replies if any(buttons.parse(b.data)[0] == "dialog" for row in r.buttons for b in row))


# --- B8, B20: the region in words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "said", "region"),
    [
        ("beijing", "换到吉林", "jilin"),
        ("jilin", "改成渝中", "chongqing-yuzhong"),
        ("jilin", "切换到全国", "national"),
        ("jilin", "地区改为北京", "beijing"),
        ("beijing", "换成吉林省吧", "jilin"),
        ("jilin", "把地区换到重庆渝中区", "chongqing-yuzhong"),
        ("jilin", "我在长春", "jilin"),
        ("jilin", "我们是朝阳区的", "beijing"),
        ("jilin", "我在渝中区", "chongqing-yuzhong"),
        ("national", "本院位于海淀区", "beijing"),
        ("national", "我们是吉林的", "jilin"),
        ("national", "能换到吉林吗", "jilin"),
        ("national", "地区选渝中", "chongqing-yuzhong"),
        ("jilin", "切到全国文件", "national"),
        ("jilin", "我在北京朝阳", "beijing"),
        (None, "我在渝中区", "chongqing-yuzhong"),
    ],
)
def test_a_region_said_in_words_sets_it(kb, now, before, said: str, region: str) -> None:
    d = director(kb, now, region=before)
    d.say(said)
    assert d.state.region == region, d.text
    # the region already set: said to stay, not set again (newcomer trial 8, N27)
    said_set = C.REGION_UNCHANGED if before == region else C.REGION_SET
    assert d.replies[0].text.startswith(said_set.format(name=d.kb.regions.name(region))), d.text
    assert DECLINED not in d.text


@pytest.mark.parametrize(
    "said", ["我在看床位要求", "换个说法问一下床位", "我们是乡镇卫生院", "我在吉林，床位要多少", "能按北京的方案来吗"]
)
def test_words_that_name_no_place_change_no_region(kb, now, said: str) -> None:
    d = director(kb, now, region="jilin")
    d.say(said)
    assert d.state.region == "jilin" and C.REGION_SET.split("{")[0] not in d.text


def test_a_place_not_covered_said_as_where_one_is_is_said_not_covered(kb, now) -> None:
    d = director(kb, now, region="jilin")
    d.say("换到上海")
    assert d.state.region == "jilin"
    assert C.REGION_NOT_COVERED.format(place="上海市") in d.text


@pytest.mark.parametrize("typed", ["换到北京", "/region 北京"])
def test_a_region_change_in_the_middle_of_check_lets_the_old_run_go(kb, now, typed: str) -> None:
    """Not the Jilin question asked again under 北京 (the region set at once, the Jilin run kept on)."""
    d = director(kb, now, region="jilin")
    d.command("check")
    if typed.startswith("/"):
        d.command("region", typed.split()[1])
    else:
        d.say(typed)
    assert d.state.dialog is None and "第 1/10 题" not in d.text
    assert d.state.region == "beijing"
    assert C.CHECK_LEFT_FOR_REGION.format(region="吉林省") in d.text


def test_where_one_is_said_in_the_middle_of_check_is_offered_not_carried_out(kb, now) -> None:
    """我们是海淀区的 in the middle of /check: the switch offered with a button and the question kept (newcomer
    trial 7, N2: never switched silently); pressed, it lets the old run go as 换到北京 does."""
    d = director(kb, now, region="jilin")
    d.command("check")
    d.say("我们是海淀区的")
    assert d.state.region == "jilin" and d.state.dialog is not None and "第 1/10 题" in d.text
    d.press(C.REGION_SWITCH_BUTTON.format(short="北京"))
    assert d.state.region == "beijing" and d.state.dialog is None
    assert C.CHECK_LEFT_FOR_REGION.format(region="吉林省") in d.text


# --- B18: deleting in other words --------------------------------------------------------------------


@pytest.mark.parametrize(
    "said",
    [
        "把我的信息删了",
        "清除记录",
        "注销",
        "注销账号",
        "删号",
        "删除我的所有资料",
        "我的数据都清空吧",
        "帮我把数据删掉",
        "我不用了，把我的数据删了",
    ],
)
def test_deleting_in_other_words_asks_to_confirm(kb, now, said: str) -> None:
    d = director(kb, now, region="jilin")
    d.say(said)
    assert d.state.dialog == "forget" and C.FORGET_CONFIRM in d.text, d.text
    d.say("否")
    assert d.state.region == "jilin"


def test_deleting_a_reminder_is_not_deleting_everything(kb, now) -> None:
    d = director(kb, now, region="jilin")
    d.say("删除提醒")
    assert d.state.dialog == "tracking" and C.FORGET_CONFIRM not in d.text


# --- B11, B13, B24: a wish before the region ---------------------------------------------------------


@pytest.mark.parametrize(("said", "dialog"), [("开始自评", "questionnaire"), ("我想做个自评", "questionnaire")])
def test_check_wished_at_the_region_prompt_starts_once_the_region_is_chosen(kb, now, said: str, dialog: str) -> None:
    d = director(kb, now, region=None)
    d.command("start")
    d.say(said)
    assert Q.REGION_FIRST in d.text and "/check" not in Q.REGION_FIRST
    d.say("2")
    assert d.state.region == "jilin" and d.state.dialog == dialog


@pytest.mark.parametrize(
    ("said", "dialog", "shown"),
    [("提醒我", "tracking", "🔔"), ("设个提醒", "tracking", "🔔"), ("看看申报进度", None, "📋")],
)
@pytest.mark.parametrize("started", [True, False])
def test_a_tracking_wish_before_the_region_asks_it_then_is_carried_out(
    kb, now, said: str, dialog: str | None, shown: str, started: bool
) -> None:
    d = director(kb, now, region=None)
    if started:
        d.command("start")
    d.say(said)
    assert d.replies[0].text == C.WISH_REGION_FIRST and d.state.dialog == "onboarding"
    assert menus(d.replies) == 1
    d.say("吉林")
    assert d.state.region == "jilin" and d.state.dialog == dialog
    assert shown in d.text and DECLINED not in d.text


def test_a_tracking_wish_with_a_region_needs_no_region_prompt(kb, now) -> None:
    d = director(kb, now, region="jilin")
    d.say("提醒我")
    assert d.state.dialog == "tracking" and TT.NEED_REGION not in d.text


SITUATION = "床位40张 使用率70% 能申请吗"
FULL = "床位使用率70%，要求≥75%，还差5个百分点"


@pytest.mark.parametrize("details", ["详细", "详细说明", "说详细点"])
@pytest.mark.parametrize("started", [True, False])
def test_details_asked_before_the_region_answers_in_full_once_it_is_chosen(
    kb, now, details: str, started: bool
) -> None:
    d = director(kb, now, region=None)
    if started:
        d.command("start")
    d.say(SITUATION)
    d.say(details)
    assert d.replies[0].text == C.DETAILS_AFTER_REGION.format(asked=SITUATION)
    assert d.state.region is None and DECLINED not in d.text
    d.say("2")
    assert d.state.region == "jilin" and FULL in d.text, d.text


@pytest.mark.parametrize("region", [None, "jilin"])
def test_details_with_nothing_before_say_so_not_a_decline(kb, now, region: str | None) -> None:
    d = director(kb, now, region=region)
    d.say("详细")
    assert d.replies[0].text == C.NOTHING_TO_DETAIL and DECLINED not in d.text
    assert (d.state.dialog == "onboarding") is (region is None)


# --- B6: one live menu --------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "stage", "remind", "region"])
def test_a_command_typed_after_a_question_mid_check_leaves_one_live_menu(kb, now, command: str) -> None:
    d = director(kb, now, region="jilin")
    d.command("check")
    d.say(f"床位要多少 /{command}")
    assert "30张" in d.text
    assert menus(d.replies) == 1, [r.text[:30] for r in d.replies]
    assert C.PENDING_AGAIN not in [r.text for r in d.replies[:-1]] or command != "check"


def test_continue_after_a_trailing_check_resumes_the_run(kb, now) -> None:
    d = director(kb, now, region="jilin")
    d.command("check")
    d.say("床位要多少 /check")
    d.press("继续")
    assert d.state.dialog == "questionnaire" and "（第 1/10 题）" in d.text


# --- F28: a date with a place only -------------------------------------------------------------------


@pytest.mark.parametrize(("said", "found"), [("吉林 10月底", "10月底"), ("北京 6月30日", "6月30日")])
def test_a_place_and_a_date_ask_about_that_date_not_add_a_reminder(kb, now, said: str, found: str) -> None:
    d = director(kb, now, region="jilin")
    d.say(said)
    assert not d.state.reminders and d.state.dialog is None
    assert found in d.text and DECLINED not in d.text


def test_a_task_and_a_date_still_add_a_reminder(kb, now) -> None:
    d = director(kb, now, region="jilin")
    d.say("交表 10月底")
    assert [r.title for r in d.state.reminders] == ["交表"]


# --- B24: 提醒我 + a matter, no date --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "title"), [("提醒我交材料", "交材料"), ("记得提醒我打电话问区卫健委", "打电话问区卫健委")]
)
@pytest.mark.parametrize("date", ["下周五", "3月15日", "月底"])
def test_a_reminder_wished_without_its_date_asks_only_the_date(kb, now, said: str, title: str, date: str) -> None:
    d = director(kb, now, region="jilin")
    d.say(said)
    assert d.replies[0].text == TT.REMINDER_DATE_FOR.format(title=title) and DECLINED not in d.text
    d.say(date)
    assert [r.title for r in d.state.reminders] == [title], d.text


def test_a_question_about_reminders_is_not_an_undated_reminder(kb, now) -> None:
    d = director(kb, now, region="jilin")
    d.say("提醒我一下截止日期是哪天")
    assert d.state.dialog is None and not d.state.reminders
