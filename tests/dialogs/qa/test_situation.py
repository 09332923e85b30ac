"""Situational questions: a verdict per stated criterion with its gap and force, what is still
unknown, the rules cited, and /check offered with the stated answers filled in."""

from __future__ import annotations

import pytest

from core.model import Event, UserState
from dialogs import prefill, router
from dialogs.questionnaire.flow import NAME
from dialogs.texts import qa as T
from dialogs.texts import questionnaire as Q
from tests.dialogs.qa.conftest import ask, buttons_of, full_text, text_of, turn_for

JILIN = "我们卫生院床位40张 使用率70% 业务用房3500平 在吉林能申请社区医院吗"


def test_each_stated_criterion_gets_a_verdict_with_its_gap(kb, now) -> None:
    turn = turn_for(kb, now, JILIN, region=None)
    assert turn.kind == "situation" and turn.decision == "answer" and turn.region == "jilin"
    text = turn.text
    assert "✅ 实际开放床位数≥30张：符合" in text
    assert "❌ 床位使用率≥75%：不符合" in text and "还差5个百分点" in text
    assert "✅ 业务用房建筑面积≥3000平方米：符合" in text
    assert T.SITUATION_FAILED_SHORT.format(n=1) in text and "现为70%，还差5个百分点" in text
    assert "吉卫基层发〔2020〕5号" in text, "the rule is cited"
    full = full_text(kb, now, JILIN, region=None)  # behind 详细说明: the headline with the titles, each message
    assert T.SITUATION_FAILED.format(n=1, titles="床位使用率≥75%") in full and "床位使用率70%，要求≥75%" in full


def test_what_is_still_unknown_is_named(kb, now) -> None:
    text = turn_for(kb, now, JILIN, region=None).text
    assert T.SITUATION_UNKNOWN_SHORT.format(titles="当地党委政府支持社区医院建设") in text
    full = full_text(kb, now, JILIN, region=None)
    assert T.SITUATION_UNKNOWN.format(titles="当地党委政府支持社区医院建设") in full


def test_a_norm_is_shown_but_never_decides(kb, now) -> None:
    text = turn_for(
        kb, now, "我们是社区卫生服务中心 床位50张 使用率80% 业务用房4000平 公卫人员占比20%", region="jilin"
    ).text
    assert "⚠️ 公共卫生人员占专业技术人员编制比例不低于25%" in text and "未达到（只作提示）" in text
    assert T.SITUATION_FAILED.split("，")[0] not in text, "a staffing norm does not make it 不符合"


def test_a_ratio_is_said_as_the_count_it_asks_for(kb, now) -> None:
    text = turn_for(kb, now, "常住人口8万 全科医生15个 渝中标准够吗", region=None).text
    assert "全科医生数至少要16人，现有15人，还差1人" in text
    text = turn_for(kb, now, "每万人2个全科医生 常住人口6.5万要配几个", region="chongqing-yuzhong").text
    assert "全科医生数至少要13人" in text


def test_a_disqualifier_stated_decides(kb, now) -> None:
    text = turn_for(kb, now, "口腔科包给外面人做了 这个影响验收吗", region="chongqing-yuzhong").text
    assert "不符合" in text and "承包" in text


def test_no_region_known_answers_per_region(kb, now) -> None:
    turn = turn_for(kb, now, "我们床位25张够吗", region=None)
    assert turn.kind == "situation" and T.SITUATION_NO_REGION in turn.text
    assert "【吉林省】" in turn.text
    assert not [b for b in buttons_of_turn(turn) if b.startswith("g:chk:")], "/check needs one region"


def buttons_of_turn(turn) -> list[str]:
    return [b.data for r in turn.replies for row in r.buttons for b in row]


def test_check_starts_with_the_stated_answers_filled_in(kb, now) -> None:
    out = ask(kb, now, JILIN, region=None)
    (button,) = [b for b in buttons_of(out) if b.startswith("g:chk:")]
    assert out.state.data[prefill.SLOT], "the answers wait in the idle user's data"
    started = router.handle(out.state, Event.press(button), kb, now)
    state = started.state
    assert state.dialog == NAME and state.region == "jilin"
    assert state.profile["open_beds"] == 40 and state.profile["bed_occupancy_rate"] == 70
    assert {"open_beds", "bed_occupancy_rate", "floor_area_m2"} <= set(state.data["answered"])
    assert state.step not in ("open_beds", "bed_occupancy_rate", "floor_area_m2"), "only the rest is asked"
    assert text_of(started).startswith(Q.PREFILLED.split("{")[0])


def test_a_check_button_whose_answers_are_gone_is_stale(kb, now) -> None:
    out = router.handle(UserState(user_id=1, region="jilin"), Event.press("g:chk:deadbeef"), kb, now)
    assert out.state.dialog is None and "过期" in text_of(out)


def test_mid_questionnaire_a_situation_offers_no_check_button(kb, now) -> None:
    state = UserState(user_id=1, region="jilin")
    started = router.handle(state, Event.command("check"), kb, now).state
    assert started.dialog == NAME
    out = router.handle(started, Event.say("床位40张够不够？"), kb, now)
    assert not [b for b in buttons_of(out) if b.startswith("g:chk:")]
    assert out.state.dialog == NAME


def test_the_check_button_works_in_private_chats_only(kb, now) -> None:
    out = ask(kb, now, JILIN, region="jilin")
    (button,) = [b for b in buttons_of(out) if b.startswith("g:chk:")]
    pressed = router.handle(out.state, Event.press(button, in_group=True, group_admin=True), kb, now)
    assert pressed.state.dialog is None and "私聊" in text_of(pressed)


# F11: a question ABOUT a requirement gets the rule, never a verdict on invented figures nor a
# /check pre-filled with them.
REQUIREMENT_QUESTIONS = [
    ("jilin", "吉林床位最少要30到40张吗"),
    ("jilin", "是不是要30张床"),
    ("jilin", "床位使用率百分之七十五算达标吗"),
    ("jilin", "业务用房至少要3000平方米吗"),
    ("chongqing-yuzhong", "中药饮片是不是要300种"),
    ("chongqing-yuzhong", "特色科室日均门诊量要30人次吗"),
]


@pytest.mark.parametrize(("region", "text"), REQUIREMENT_QUESTIONS)
def test_a_question_about_a_requirement_gets_the_rule_and_nothing_prefilled(kb, now, region, text) -> None:
    out = ask(kb, now, text, region=region)
    turn = turn_for(kb, now, text, region=region)
    assert turn.kind != "situation", turn.text
    assert not [b for b in buttons_of(out) if b.startswith("g:chk:")]
    assert not out.state.data.get(prefill.SLOT), "nothing waits to be pre-filled"


def test_a_range_wholly_on_one_side_gets_its_verdict_said_as_a_range(kb, now) -> None:
    text = full_text(kb, now, "我们卫生院在吉林，床位30到40张，使用率80%，能申请吗", region="jilin")
    assert "✅ 实际开放床位数≥30张：符合" in text
    assert "30到40张（按30到40张算）" in text and "整个范围都符合" in text
    text = full_text(kb, now, "我们床位十几张能申请吗", region="jilin")
    assert "❌ 实际开放床位数≥30张：不符合" in text and "11到19张" in text and "整个范围都不符合" in text
    assert "还差" not in text, "no gap from one end of a range"


@pytest.mark.parametrize(
    ("text", "criterion", "said"),
    [
        ("我们床位二三十张，能申请吗", "实际开放床位数≥30张", "二三十张（按20到30张算）"),
        ("我们业务用房三千左右平米，能申请吗", "业务用房建筑面积≥3000平方米", "按2700到3300平方米算"),
        ("我们使用率七成多，能申请吗", "床位使用率≥75%", "七成多（按70到79%算）"),
        ("我们床位将近30张 能申请吗", "实际开放床位数≥30张", "按27到30张算"),
    ],
)
def test_a_range_across_the_limit_says_it_depends_and_gives_the_limit(kb, now, text, criterion, said) -> None:
    out = ask(kb, now, text, region="jilin")
    reply = full_text(kb, now, text, region="jilin")
    assert f"❔ {criterion}：{T.SITUATION_DEPENDS_STATUS}" in text_of(out)
    assert said in reply and f"要求是{criterion}" in reply
    assert "❌ 结论" not in reply and "✅ 您说到的条件都符合" not in reply
    assert not [b for b in buttons_of(out) if b.startswith("g:chk:")], "a range is not pre-filled"


def test_every_stated_figure_is_read_and_verdicted(kb, now) -> None:
    question = "我们床位三四十张，使用率八十左右，业务用房三千多平方米，能申请吗"
    text = turn_for(kb, now, question, region="jilin").text
    assert "✅ 实际开放床位数≥30张：符合" in text
    assert f"❔ 床位使用率≥75%：{T.SITUATION_DEPENDS_STATUS}" in text
    assert "✅ 业务用房建筑面积≥3000平方米：符合" in text
    assert T.SITUATION_DEPENDS_SHORT.format(titles="床位使用率≥75%") in text
    assert T.SITUATION_DEPENDS.format(titles="床位使用率≥75%") in full_text(kb, now, question, region="jilin")


def test_a_ratio_of_two_ranges_is_judged_at_every_corner(kb, now) -> None:
    # 7 to 8 GPs for 70,000 to 80,000 residents: at most 1.14 per 10,000, below 2 whichever way
    text = turn_for(kb, now, "我们全科医生七八个人，常住人口七八万，能申请吗", region="chongqing-yuzhong").text
    assert "❌ 第6项：每万名常住人口配置2名及以上全科医生：不符合" in text
    # 15 to 16 GPs for 70,000 to 80,000: 1.9 to 2.3 per 10,000 — it depends
    text = turn_for(kb, now, "我们全科医生十五六个人，常住人口七八万，能申请吗", region="chongqing-yuzhong").text
    assert f"第6项：每万名常住人口配置2名及以上全科医生：{T.SITUATION_DEPENDS_STATUS}" in text


# F7: "出了…还能申请吗" asks about a disqualifier: the rule, not a ❌ verdict, nothing pre-filled.
@pytest.mark.parametrize(
    "text", ["两年内出了医疗事故还能申请吗", "如果出了二级医疗事故还能申请吗", "要是被医保处罚了还能申请验收吗"]
)
def test_a_hypothetical_disqualifier_is_answered_with_the_rule(kb, now, text) -> None:
    out = ask(kb, now, text, region="chongqing-yuzhong")
    turn = turn_for(kb, now, text, region="chongqing-yuzhong")
    assert turn.kind != "situation" and "❌" not in turn.text
    assert not [b for b in buttons_of(out) if b.startswith("g:chk:")]


def test_a_stated_graded_accident_still_decides(kb, now) -> None:
    turn = turn_for(kb, now, "去年出过一起二级医疗事故 我们负主要责任 今年还能申请验收不", region="chongqing-yuzhong")
    assert turn.kind == "situation" and "❌" in turn.text


# F14: a situation must not swallow an unrelated question asked beside the facts.
@pytest.mark.parametrize(
    ("region", "text"),
    [
        ("beijing", "我是朝阳区某某社区卫生服务中心主任王小明，手机13912345678，我们能拿多少奖金"),
        ("jilin", "我们是乡镇卫生院，什么时候截止"),
        ("jilin", "我们卫生院床位40张，谁来验收"),
    ],
)
def test_a_situation_does_not_swallow_an_unrelated_question(kb, now, region, text) -> None:
    turn = turn_for(kb, now, text, region=region)
    assert turn.kind != "situation", turn.text


def test_a_question_about_what_the_institution_still_needs_stays_a_situation(kb, now) -> None:
    for text in ("我们床位28张，还差几张", "常住人口8万 全科医生15个 渝中标准够吗"):
        assert turn_for(kb, now, text, region="chongqing-yuzhong" if "渝中" in text else "jilin").kind == "situation"


@pytest.mark.parametrize(
    ("region", "text", "verdict"),
    [
        ("jilin", "卫生院开放床位正好30张，使用率正好75%，面积正好3000平，够格吗", "✅ 业务用房建筑面积≥3000平方米"),
        ("jilin", "我们床位刚好40张，使用率算下来70%，能申请吗", "❌ 床位使用率≥75%"),
        ("chongqing-yuzhong", "我们中心患者满意度测出来78%，其他都达标了，能过验收吗", "❌ 第9项：患者满意度≥80%"),
        (
            "chongqing-yuzhong",
            "我们处方占比刚好30%，饮片280种，中医这块行吗",
            "❌ 第5项（一）：配备中药饮片不少于300种",
        ),
    ],
)
def test_a_figure_said_exactly_or_as_measured_gets_its_verdict(kb, now, region, text, verdict) -> None:
    turn = turn_for(kb, now, text, region=region)
    assert turn.kind == "situation", text
    assert verdict in turn.text, text
    assert "没能对上" not in turn.text, "every figure stated was read"
