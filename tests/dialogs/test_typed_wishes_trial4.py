"""Newcomer trial 4, F10/F34/F35: the bot's own features typed in words.

F35 "我想做个自评" runs /check, "帮我设个提醒" /remind, "删除我的数据" /forget (which still asks to confirm),
    "看看我的申报进度" /status, "换个地区" /region; "、check" / "／status" (a Chinese keyboard's slash) run the
    command — never a policy decline;
F10 a stage said in a sentence at /stage ("我们还在准备申请呢") sets it; a question there does not;
F34 a region change says what happens to the stage set before it."""

from __future__ import annotations

import pytest

from dialogs.texts import common as C
from tests.dialogs.questionnaire.test_flow import director


@pytest.mark.parametrize(
    ("said", "dialog"),
    [
        ("我想做个自评", "questionnaire"),
        ("做个自评吧", "questionnaire"),
        ("开始自评", "questionnaire"),
        ("、check", "questionnaire"),
        ("／check", "questionnaire"),
        ("帮我设个提醒", "tracking"),
        ("设置提醒", "tracking"),
        ("、remind", "tracking"),
        ("删除我的数据", "forget"),
        ("请删除我的数据", "forget"),
        ("换个地区", "onboarding"),
        ("、region", "onboarding"),
    ],
)
def test_a_feature_asked_for_in_words_runs_it(kb, now, said: str, dialog: str) -> None:
    d = director(kb, now, region="chongqing-yuzhong")
    d.say(said)
    assert d.state.dialog == dialog, d.text
    assert "资料库里没有答案" not in d.text


@pytest.mark.parametrize("said", ["看看我的申报进度", "／status", "、status", "申报进度"])
def test_progress_asked_for_in_words_shows_status(kb, now, said: str) -> None:
    d = director(kb, now, region="jilin")
    d.say(said)
    assert "申报进度" in d.text and "资料库里没有答案" not in d.text


def test_deleting_in_words_in_the_middle_of_check_still_asks(kb, now) -> None:
    d = director(kb, now, region="jilin")
    d.command("check")
    d.say("删除我的数据")
    assert d.state.dialog == "forget"
    d.say("否")
    assert d.state.region == "jilin"


@pytest.mark.parametrize(
    ("region", "said", "stage"),
    [
        ("jilin", "我们还在准备申请呢", "apply"),
        ("jilin", "在搞组织建设", "build"),
        ("chongqing-yuzhong", "正在准备验收", "acceptance"),
    ],
)
def test_a_stage_said_in_a_sentence_sets_it(kb, now, region: str, said: str, stage: str) -> None:
    d = director(kb, now, region=region)
    d.command("stage")
    d.say(said)
    assert d.state.stage == stage, d.text


@pytest.mark.parametrize("said", ["申请要交什么材料", "验收找谁"])
def test_a_question_at_stage_sets_nothing(kb, now, said: str) -> None:
    d = director(kb, now, region="jilin")
    d.command("stage")
    d.say(said)
    assert d.state.stage is None


def test_a_region_change_says_what_becomes_of_the_stage(kb, now) -> None:
    d = director(kb, now, region="chongqing-yuzhong")
    d.command("stage")
    d.say("2")
    assert d.state.stage == "build"
    d.command("region")
    d.say("北京")
    assert d.state.region == "beijing"
    assert C.STAGE_NOT_IN_REGION.format(stage="建设整改", region="北京市") in d.text
    d.command("region")
    d.say("吉林")
    assert "组织建设" in d.text and "/stage" in d.text
