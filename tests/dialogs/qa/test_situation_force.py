"""The situation reply says what each stated criterion's force is: a condition still open is "还不能
判断", never "not a deciding condition"; news figures are said to be news figures (newcomer trial 2,
A3), and a news figure whose Chinese term is unconfirmed keeps that caveat when restated as a count (A5)."""

from __future__ import annotations

from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import ask, text_of

NOT_DECIDING = "都不是决定能否申报的条件"


def test_an_open_condition_is_not_called_non_deciding(kb, now) -> None:
    text = text_of(ask(kb, now, "全科医生要几个 我们辖区常住人口八万", region="chongqing-yuzhong"))
    assert NOT_DECIDING not in text
    assert "全科医生数至少要16人" in text
    assert "❔ 结论：还不能判断" in text and "必须达到的条件" in text


def test_news_figures_are_said_to_be_news_figures(kb, now) -> None:
    question = "我们卫生院床位四十张 使用率百分之七十 业务用房3500平 能申请吗"
    text = text_of(ask(kb, now, question, region="national"))
    assert NOT_DECIDING not in text
    # 70% is below the reported 75%: the headline says so with its provenance (breaker B17), not ℹ️
    assert T.SITUATION_REPORTED_MISSED.format(n=1) in text
    met = text_of(ask(kb, now, "我们卫生院床位四十张 使用率百分之八十 能申请吗", region="national"))
    assert NOT_DECIDING not in met and T.SITUATION_FORCE_NOTE_SHORT["reported"] in met


def test_a_count_from_an_unconfirmed_term_keeps_its_caveat(kb, now) -> None:
    text = text_of(ask(kb, now, "我们卫生院床位四十张 能申请吗", region="national"))
    need = next(line for line in text.splitlines() if "卫生技术人员数至少要28人" in line)
    after = text[text.index(need) :]
    assert "尚未确认" in after.split("\n")[1], "the line after the count says the term is unconfirmed"


def test_the_beijing_principle_names_nobody_deciding_exceptions(kb, now) -> None:
    """北京's plan says 原则上 and names no exception and nobody who decides one (newcomer 4b)."""
    text = text_of(ask(kb, now, "我们中心只达到基本标准，能申请社区医院吗", region="beijing"))
    assert "由卫生健康行政部门决定" not in text
    assert "没有写明例外情形和由谁决定例外" in text
