"""Newcomer trial 7, N10/N11: whether a text is in force is answered first in one sentence (没有写明已废止;
有的事项后来的文件另有写法 / 仍可参照), and a later text's points are said as what it gives and that it does
not say it replaces the earlier one — never "已改为…（不再按…）", which 17号 does not say. A 文号 typed
without its 〔〕 (国卫办基层函2021 317号) names the text as the whole 文号 does."""

from __future__ import annotations

import pytest

from dialogs.texts import qa_docs as D
from knowledge.documents import _typed_loosely
from tests.dialogs.qa.conftest import ask, text_of

LEAD = "简单说："


@pytest.mark.parametrize(
    ("region", "question", "lead"),
    [
        ("jilin", "吉卫基层发〔2020〕5号这个文现在还管用不？", D.DOC_LEAD_PARTLY),
        ("jilin", "5号文还算数吗", D.DOC_LEAD_PARTLY),
        ("jilin", "吉卫基层发2020年5号还管用吗", D.DOC_LEAD_PARTLY),
        ("national", "国卫办基层函2021 317号还有效吗？", D.DOC_LEAD_STILL),
        ("national", "317号文还有效吗", D.DOC_LEAD_STILL),
        ("chongqing-yuzhong", "渝中卫发〔2021〕49号还有效吗", D.DOC_LEAD_STILL),
    ],
)
def test_in_force_answer_leads_with_the_standing(kb, now, region, question, lead) -> None:
    text = text_of(ask(kb, now, question, region))
    number = {"jilin": "吉卫基层发〔2020〕5号", "national": "国卫办基层函〔2021〕317号"}.get(
        region, "渝中卫发〔2021〕49号"
    )
    assert text.startswith(lead.format(number=number)), text


@pytest.mark.parametrize(
    "question", ["吉卫基层发〔2020〕5号这个文现在还管用不？", "5号文还算数吗", "2020年的方案还有效吗"]
)
def test_no_inferred_replacement_is_stated(kb, now, question) -> None:
    text = text_of(ask(kb, now, question, "jilin"))
    assert "已改为" not in text and "不再按" not in text, text
    assert "没有说它替代" in text, text


@pytest.mark.parametrize(
    "typed",
    ["国卫办基层函2021 317号", "国卫办基层函2021年317号", "国卫办基层函(2021)317号", "国卫办基层函2021，317号"],
)
def test_a_number_typed_without_brackets_names_the_text(typed) -> None:
    assert _typed_loosely("国卫办基层函〔2021〕317号").search(typed)


def test_another_number_is_not_the_text() -> None:
    assert not _typed_loosely("国卫办基层函〔2021〕317号").search("国卫办基层函2021 3170号")


@pytest.mark.parametrize("question", ["今年还能申报吗", "现在还能报吗", "还来得及吗"])
def test_the_calendar_note_states_no_replacement_either(kb, question) -> None:
    """The same clash in Jilin's calendar note after 2025 (…已由该方案改变): 17号 writes its own steps and
    does not say it replaces 5号."""
    import datetime as dt

    from core.clock import SHANGHAI

    late = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
    text = text_of(ask(kb, late, question, "jilin"))
    assert "已由该方案改变" not in text and "没有说它替代吉卫基层发〔2020〕5号" in text, text
