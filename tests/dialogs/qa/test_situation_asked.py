"""Newcomer trial 3, F1/F2: an introduction beside a plain question leads with the answer to the question
asked (≥30张 with its source), then the verdict on what was stated — never "您说到的一个，我没能对上"
(一个 is an article there) nor "准确数字已经帮您填好" when no figure was given; a bare figure said after a
question about one field (七成, 70%) is that field's figure and is compared."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import UserState
from dialogs import qa
from dialogs.texts import qa as T

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


def _text(kb, region: str | None, question: str) -> str:
    turn = qa.respond(UserState(user_id=1, region=region), question, kb, NOW)
    return "\n".join(r.text for r in turn.replies)


@pytest.mark.parametrize(
    "question",
    [
        "我们是长春的一个乡镇卫生院，想申请社区医院，床位要多少张？",
        "我们是一家社区卫生服务中心，床位最少要几张？",
        "你好，我们是梨树县的一个乡镇卫生院，床位要求多少",
    ],
)
def test_the_number_asked_for_leads_an_introduction(kb, question: str) -> None:
    text = _text(kb, "jilin", question)
    assert text.index("30张") < text.index(T.SITUATION_BESIDE), text
    assert "四（二）" in text.split(T.SITUATION_BESIDE)[0]
    assert "我没能对上" not in text and "准确数字已经帮您填好" not in text


def test_a_bare_figure_after_a_question_is_compared(kb) -> None:
    text = _text(kb, "jilin", "床位使用率要求多少？我们现在70%")
    lead, verdict = text.split(T.SITUATION_BESIDE)
    assert "75%" in lead and "还差5个百分点" in verdict


def test_a_situation_asking_if_it_qualifies_is_unchanged(kb) -> None:
    text = _text(kb, "jilin", "我们卫生院床位40张，使用率80%，能申请吗")
    assert T.SITUATION_BESIDE not in text and "✅ 实际开放床位数≥30张：符合" in text


@pytest.mark.parametrize(
    ("question", "said_back"),
    [
        ("是不是百强中心才能优先？", "属于示范/百强机构"),
        ("必须是社区卫生服务中心吗", "就您说到的情况"),
        ("要不要政府支持", "就您说到的情况"),
    ],
)
def test_a_fact_asked_about_is_not_stated(kb, question: str, said_back: str) -> None:
    """Newcomer trial 3, F18: "是不是百强中心才能优先？" got "属于示范/百强机构…符合" — a verdict on a fact
    the director never stated."""
    from dialogs.qa.facts import read_all

    assert read_all(question, kb.fields).found == {}
    assert said_back not in _text(kb, "jilin", question)
    assert read_all("我们是百强中心，能优先吗", kb.fields).found  # stated, it still counts


def test_a_place_not_covered_with_an_introduction_still_gets_the_national_reference(kb) -> None:
    """Newcomer trial 3, F12: "我们是上海浦东的社区卫生服务中心，国家对床位有啥要求" got only "我没有收录上海"
    — the introduction kept the national answer (317号 sets no bed number) from being found."""
    text = _text(kb, "national", "我们是上海浦东的社区卫生服务中心，国家对床位有啥要求")
    assert T.NATIONAL_FOR_REFERENCE in text and "317号" in text


def test_another_regions_way_asked_as_a_reference_is_shown_marked(kb) -> None:
    """Newcomer trial 3, F24: "想参考下重庆渝中的做法，验收要啥条件" from 上海闵行 was refused with nothing shown."""
    text = _text(kb, None, "我是上海闵行的社区卫生服务中心主任，想参考下重庆渝中的做法，验收要啥条件")
    assert "仅供参考" in text and "附件1" in text and "不能套用" in text
    assert "仅供参考" not in _text(kb, None, "河北廊坊的乡镇卫生院，离北京近，能按北京的方案来吗")
