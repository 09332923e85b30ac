"""Kind 4 of sealed set 7's time-and-texts misses (s7a042, s7a061): who starts an application (上头指派
还是自己报) is answered with 机构自愿申请 (吉卫基层发〔2020〕5号四（一）, the one text that says it: Jilin),
and a later part asking a 文号 and naming no text (…是哪年出的 文号多少) is answered for the text the part
before it is about, never with another text's entry. Phrasings of our own, never the set's questions."""

from __future__ import annotations

import pytest

from tests.dialogs.qa.conftest import turn_for


@pytest.mark.parametrize(
    "question",
    [
        "社区医院是上面指定的还是我们自己报的",
        "建社区医院要等上级派任务还是自己申请",
        "是不是卫健委点名才让建社区医院",
        "社区医院申请是自愿的不",
        "咱这社区医院得上头安排还是自个儿去申请",
    ],
)
def test_who_starts_an_application_in_jilin_is_the_institution(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "jilin")
    assert turn.answered
    assert "自愿申请" in turn.text and "吉卫基层发〔2020〕5号" in turn.text and "吉卫联发〔2024〕17号" in turn.text


@pytest.mark.parametrize(
    ("question", "region", "number"),
    [
        ("社区医院基本标准哪年发的 文号是多少", "national", "518号"),
        ("社区医院基本标准是哪一年印发的？它的文号呢", "jilin", "518号"),
        ("吉林2024年那个方案是哪年发的 文号多少", "jilin", "吉卫联发〔2024〕17号"),
        ("吉林2020年的社区医院建设方案啥时候发的？文号多少", "jilin", "吉卫基层发〔2020〕5号"),
        ("渝中的社区医院方案是哪年出的？发文字号是啥", "chongqing-yuzhong", "渝中卫发〔2021〕49号"),
        ("国家加快推进社区医院建设的通知是哪年发的？文号多少", "national", "国卫办基层函〔2021〕317号"),
    ],
)
def test_a_number_asked_of_no_text_is_the_earlier_parts_text(kb, now, question: str, region: str, number: str) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.answered
    if turn.kind == "multipart":
        last = turn.sections[-1]
        text = turn.sections[last.same_as].text if last.status == "same" and last.same_as is not None else last.text
        assert number in text and "文号不详" not in text and "30张" not in text
    else:
        assert number in turn.text
