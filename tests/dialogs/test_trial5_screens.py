"""Newcomer trial 5, N18 and N20: what a waiting screen says.

N18: /check before any region said "选好后再输入 /check 开始自评", then started the check by itself once
the region was chosen: the message says what happens. N20: an emoji (👍) at a 是/否 question got
"请用文字输入问题"; on any waiting screen a message without words points at the screen's own options."""

from __future__ import annotations

import pytest

from dialogs.texts import common as C
from dialogs.texts import questionnaire as T
from tests.dialogs.questionnaire.test_flow import director


def test_check_before_a_region_starts_by_itself_as_it_says(kb, now) -> None:
    d = director(kb, now, region=None)
    d.command("check")
    assert "/check" not in d.replies[0].text and d.replies[0].text == T.REGION_FIRST
    d.press("吉林省")
    assert d.state.dialog == "questionnaire" and d.state.data["region"] == "jilin"


@pytest.mark.parametrize("typed", ["👍", "🙂🙂", "！？。…"])
@pytest.mark.parametrize("region", ["jilin", "national", "chongqing-yuzhong", "beijing"])
def test_no_words_on_a_screen_points_at_its_options(kb, now, typed: str, region: str) -> None:
    d = director(kb, now, region=region)
    d.command("check")
    step = d.state.step
    d.say(typed)
    assert d.replies[0].text == C.NO_WORDS_ON_SCREEN and "输入问题" not in d.replies[0].text
    assert d.state.step == step and d.state.dialog == "questionnaire"


def test_no_words_when_idle_still_asks_for_a_question(kb, now) -> None:
    d = director(kb, now, region="jilin")
    d.say("👍")
    assert d.replies[0].text == C.NO_WORDS
