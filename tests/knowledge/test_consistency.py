"""One fact, one place (knowledge/consistency.py): every number and date in an answer agrees with the
rule or deadline that holds it. The shipped data passes; each kind of disagreement is caught."""

from __future__ import annotations

import dataclasses

import pytest

from knowledge.base import KnowledgeBase
from knowledge.consistency import Text, check_one_place, disagreements
from knowledge.documents import Citation

BEDS = Citation("jilin-2020", "四（二）", "实际开放床位数≥30张")
APPLY = Citation("jilin-2020", "四（一）", "于每年6月30日（2020年度于8月31日）前报送省卫生健康委")
CITY_2024 = Citation("jilin-2024", "三（三）", "市级卫生健康行政部门每年10月底前将年度工作总结")
BEIJING_REPORT = Citation("beijing-2022", "二（三）", "9月30日前，请各区对达到推荐标准的基层卫生机构完成复核")
NATIONAL = Citation("national-2021", "结尾", "请各省份于11月30日前将社区医院建设年度工作总结及新建成社区医院名单报送")
MONTHLY = Citation("beijing-2022", "附件2", "自9月起，每月1日前（遇法定节日 顺延）")


@pytest.fixture(scope="module")
def held(kb: KnowledgeBase):
    criteria = [c for s in kb.rules.values() for c in s.criteria]
    deadlines = list({r.id: r for cal in kb.calendars.values() for r in cal.rules}.values())
    return criteria, deadlines


def problems(kb: KnowledgeBase, held, text: str, *citations: Citation) -> list[str]:
    criteria, deadlines = held
    cited = "\n".join(kb.documents[c.document].sections[c.section] for c in citations)
    return disagreements(Text("t", text, citations), criteria, deadlines, kb.catalogue, cited)


def test_the_shipped_knowledge_base_holds_each_fact_in_one_place(kb: KnowledgeBase) -> None:
    assert check_one_place(kb) == []


@pytest.mark.parametrize(
    ("text", "citation", "fault"),
    [
        (
            "实际开放床位数不少于20张。",
            BEDS,
            "says '不少于20张', but the rule that holds this passage says open-beds >=30张",
        ),
        ("床位使用率超过75%。", BEDS, "says '超过75%', but rule bed-occupancy says >=75%"),
        (
            "每年7月30日前报送省卫生健康委。",
            APPLY,
            "says '7月30日', a date none of the deadlines holding this passage has",
        ),
        ("于当年6月30日前报送。", APPLY, "says 当年6月30日, but deadline jilin-application is yearly"),
        (
            "于每年6月30日前报送省卫生健康委。",
            APPLY,
            "runs only to 2023: give the years, or name the text that took over",
        ),
        ("市级每年10月底前报送名单。", CITY_2024, "deadline jilin-city-annual-report runs only to 2025"),
        (
            "9月30日前，各区上报市卫生健康委。",
            BEIJING_REPORT,
            "without its year, but deadline beijing-2022-report belongs to 2022 only",
        ),
        (
            "各省份每年11月30日前报送。",
            NATIONAL,
            "says 每年11月30日, but deadline national-2021-annual-summary belongs to 2021 only",
        ),
        (
            "以区为单位，每月1日前报送进展。",
            MONTHLY,
            "says '每月1日' with no year, but deadline beijing-2022-progress runs only",
        ),
    ],
)
def test_a_disagreement_is_reported(kb: KnowledgeBase, held, text: str, citation: Citation, fault: str) -> None:
    found = problems(kb, held, text, citation)
    assert any(fault in p for p in found), found


@pytest.mark.parametrize(
    ("text", "citation"),
    [
        ("实际开放床位数≥30张，即至少30张。", BEDS),
        ("床位使用率在75%以上。", BEDS),  # 以上 reads as ≥ or >
        ("于每年6月30日前报送（2020年度于8月31日前）；2024年起吉卫联发〔2024〕17号改变了程序。", APPLY),
        ("2020—2023年，每年6月30日前报送。", APPLY),
        ("市级每年10月底前报送（2024—2025年方案）。", CITY_2024),
        ("2022年9月30日前，各区上报。", BEIJING_REPORT),
        ("各省份于（2021年）11月30日前报送。", NATIONAL),
        ("原文写的是“每年11月30日前”。", NATIONAL),  # quoted wording is not a claim
        ("自（2022年）9月起，每月1日前报送。", MONTHLY),
    ],
)
def test_an_agreeing_text_passes(kb: KnowledgeBase, held, text: str, citation: Citation) -> None:
    assert problems(kb, held, text, citation) == []


def test_a_number_of_another_item_of_the_same_passage_is_not_a_disagreement(kb: KnowledgeBase, held) -> None:
    """basic-standard B6's 'at least 1 physician' next to B3/B5's figures: the cited passage has it."""
    b5 = Citation("basic-standard-2019-reports", "B5", "at least 3")
    b6 = Citation("basic-standard-2019-reports", "B6", "each clinical department has at least 1 physician")
    assert problems(kb, held, "至少3名全科医师，每个临床科室至少1名主治医师。", b5, b6) == []
    assert problems(kb, held, "至少4名全科医师。", b5) != []


def test_a_changed_rule_makes_the_answers_disagree(kb: KnowledgeBase, held) -> None:
    """Audit C-2: with B4 as '≤15' (the low-reliability reading) the answer '低于15%' disagrees."""
    criteria, deadlines = held
    old_b4 = [dataclasses.replace(c, compare="<=") if c.id == "b4-non-technical-staff" else c for c in criteria]
    b4 = Citation("basic-standard-2019-reports", "B4", "under 15%")
    text = Text("t", "非卫生技术人员低于15%。", (b4,))
    assert any(
        "rule b4-non-technical-staff says <=15%" in p for p in disagreements(text, old_b4, deadlines, kb.catalogue)
    )
    assert disagreements(text, criteria, deadlines, kb.catalogue) == []
