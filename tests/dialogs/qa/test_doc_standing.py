"""Where an open-ended text stands today, point by point (dialogs/qa/doc_standing.py): asked "was it
repealed / is it still valid / which is current", the answer says that no loaded text repeals it
(only while none uses words of repeal), which points a later text changed (with what it says now),
which it left unsaid (with whom to ask), which the text still governs, that the region's newest
loaded text has ended, and any later plan known only from news reports. The governing facts come
from knowledge/data/governing.yaml, so every Jilin point is checked against it, not against prose."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pytest

from dialogs.qa import doc_number
from dialogs.qa.doc_standing import standing_lines
from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import turn_for

TODAY = dt.date(2026, 11, 30)


def test_jilin_2020_point_by_point_from_the_governing_data(kb) -> None:
    doc = kb.catalogue["jilin-2020"]
    text = "\n".join(standing_lines(doc, kb, TODAY))
    assert T.DOC_NOT_REPEALED in text and T.DOC_BY_POINT in text
    for point in kb.governing.regions["jilin"].points.values():
        ids = [t.document for t in point.texts]
        if "jilin-2020" not in ids:
            continue
        if ids[-1] != "jilin-2020":  # a later text changed it: what that text says now
            # what 17号 gives, never that it replaced 5号 (it does not say so: newcomer trial 7, N10)
            assert point.name + "：后来的吉卫联发〔2024〕17号写的是——" + point.texts[-1].says in text
        else:  # 2024's plan is silent on it: the 2020 rule, to be confirmed with whom to ask
            assert point.name + "：吉卫联发〔2024〕17号没有重申" in text and point.texts[-1].says in text
            assert "市（州）卫生健康委" in text
    # the newest Jilin text ended on 2025-12-31: said, with whom to ask
    assert "吉卫联发〔2024〕17号已于2025年12月31日到期" in text


def test_a_national_text_still_governs_and_a_later_reported_plan_is_named(kb) -> None:
    text = "\n".join(standing_lines(kb.catalogue["national-2021"], kb, TODAY))
    assert "仍以国卫办基层函〔2021〕317号为准" in text
    assert "三年行动方案" in text and "2023—2025年" in text and "新闻报道" in text
    # news figures and reported standards have no period of their own: not a "later plan"
    assert "进展" not in text and "基本标准" not in text


def test_no_claim_that_nothing_repeals_it_once_a_loaded_text_speaks_of_repeal(kb) -> None:
    @dataclass
    class Base:
        documents: dict
        catalogue: object
        governing: object

    docs = dict(kb.documents)
    docs["jilin-2024"] = replace(docs["jilin-2024"], text=docs["jilin-2024"].text + "\n原方案同时废止。")
    fake = Base(docs, kb.catalogue, kb.governing)
    lines = standing_lines(kb.catalogue["jilin-2020"], fake, TODAY)  # type: ignore[arg-type]
    assert T.DOC_NOT_REPEALED not in lines and T.DOC_BY_POINT in lines


def test_the_loaded_texts_hold_no_words_of_repeal(kb) -> None:
    """The claim "收录的文件里没有哪一份写明废止或替代它" rests on this: if a text added later repeals one,
    this fails and the claim is withheld (the test above)."""
    from dialogs.qa.in_force_words import REPEAL_WORDS

    assert not [d for d, src in kb.documents.items() if not src.secondary and REPEAL_WORDS.search(src.text)]


@pytest.mark.parametrize(
    ("q", "region"),
    [
        ("吉林2020年那个实施方案是不是被2024年的新方案废止了？", "jilin"),
        ("2020年的方案废了没", "jilin"),
        ("5号文是不是被取代了", "jilin"),
        ("吉卫基层发〔2020〕5号还有效吗", None),
    ],
)
def test_repeal_questions_get_the_standing(kb, now, q: str, region: str | None) -> None:
    turn = turn_for(kb, now, q, region=region)
    assert turn.kind == "in_force" and turn.decision == "answer", turn.text[:200]
    assert T.DOC_NOT_REPEALED in turn.text and "社区医院的遴选条件：吉卫联发〔2024〕17号没有重申" in turn.text


@pytest.mark.parametrize(
    ("q", "region", "number"),
    [
        ("吉林2024年发的“优质服务基层行”和社区医院建设行动方案，管的是哪几年？", "jilin", "吉卫联发〔2024〕17号"),
        ("2024年出的那个行动方案管到哪年", "jilin", "吉卫联发〔2024〕17号"),
        ("2021年印发的那个渝中工作方案适用于哪几年", "chongqing-yuzhong", "渝中卫发〔2021〕49号"),
    ],
)
def test_a_text_named_by_the_year_it_was_issued_gets_its_period(kb, now, q: str, region: str, number: str) -> None:
    turn = turn_for(kb, now, q, region=region)
    assert turn.kind == "in_force" and "适用期" in turn.text and number in turn.text, turn.text[:200]


@pytest.mark.parametrize(
    "q",
    ["317号文和那个三年行动方案，哪个是现在国家的要求？", "三年行动方案和317号文哪个是现行的"],
)
def test_an_official_text_set_against_a_reported_plan(kb, now, q: str) -> None:
    turn = turn_for(kb, now, q, region="national")
    assert turn.kind == "in_force" and turn.decision == "answer", turn.text[:200]
    assert "国卫办基层函〔2021〕317号" in turn.text and "新闻报道" in turn.text and "全文未收录" in turn.text


@pytest.mark.parametrize(
    "q", ["国卫基层发〔2020〕12号还算数吗", "吉林2020年方案引用的国卫基层发〔2020〕12号现在还有效吗"]
)
def test_a_whole_number_no_loaded_text_has_is_not_read_as_a_loaded_text(kb, q: str) -> None:
    assert doc_number.reply(q, "jilin", kb, TODAY) is None


@pytest.mark.parametrize(
    ("q", "region", "expected", "wrong"),
    [
        ("317号文说年底前建成多少家", "jilin", "500家左右", "100家"),
        ("5号文说床位要多少", "jilin", "30张", "75%"),
        ("吉卫基层发〔2020〕5号说床位要多少", "jilin", "30张", "75%"),
        ("《吉林省社区医院建设实施方案》里说申请表什么时候交", "jilin", "6月30日", "http"),
    ],
)
def test_a_document_named_does_not_drown_the_question(kb, now, q: str, region: str, expected: str, wrong: str) -> None:
    """The 文号's digits read as a figure and a title's words outranked the fact asked; a document of
    another region than the user's is searched in its region (newcomer trial 5, N2)."""
    turn = turn_for(kb, now, q, region=region)
    assert turn.answered and expected in turn.text and wrong not in turn.text, turn.text[:200]


@pytest.mark.parametrize(
    ("q", "region"),
    [
        ("317号文说年底前建成多少家", "national"),
        ("吉卫联发〔2024〕17号讲了啥", "jilin"),
        ("跟国家文件比，吉林呢", "jilin"),
    ],
)
def test_the_region_of_a_document_named(kb, q: str, region: str) -> None:
    expected = None if "国家文件" in q else region
    assert doc_number.region_named(q, "jilin", kb) == expected
    assert doc_number.without_named("17号文讲了啥", "jilin", kb) == "17号文讲了啥"  # about the text itself


@pytest.mark.parametrize("q", ["中药得有多少样", "上级医院有哪些支持", "里面要写什么", "按时交材料了吗"])
def test_a_question_naming_no_document_is_searched_as_typed(kb, q: str) -> None:
    """The filler words left where a document was named (文件中, 里说, 按…) are only taken out when a
    document was: 中药 lost its 中 once."""
    assert doc_number.without_named(q, "chongqing-yuzhong", kb) == q
