"""The source documents: normalisation of the PDF/DOCX artefacts and the section paths."""

from __future__ import annotations

import re

import pytest

from knowledge.sources import clean_spaces, normalise, split_sections

CJK_SPACE_CJK = re.compile(r"[\u4e00-\u9fff，。、；：（）《》“”〔〕] +[\u4e00-\u9fff，。、；：（）《》“”〔〕]")
OFFICIAL = ("jilin-2020", "national-2021", "jilin-2024", "yuzhong-2021", "beijing-2022")
SECONDARY = ("basic-standard-2019-reports", "three-year-plan-reports", "progress-reports")


@pytest.mark.parametrize("doc_id", OFFICIAL)
def test_no_space_left_between_chinese_characters(kb, doc_id: str) -> None:
    text = kb.documents[doc_id].text
    assert not CJK_SPACE_CJK.findall(text)
    assert "[bookmark" not in text


def test_known_broken_spots_are_repaired(kb) -> None:
    jilin = kb.documents["jilin-2020"].text
    assert "吉卫基层发〔2020〕5号" in jilin
    assert jilin.count("国卫基层发〔2020〕12号") == 2  # once split as "〔202\n0〕" in the raw text
    assert not re.search(r"\d \d", jilin)
    assert "统筹做好疫情防控和基本医疗卫生服务工作" in jilin  # spaced out "统 筹 做 好"
    assert "实际开放床位数≥30张，床位使用率≥75%，业务用房建筑面积≥3000平方米" in jilin
    assert "2020年8月12日" in jilin
    assert "长春市人民大街1485号" in jilin
    national = kb.documents["national-2021"].text
    assert "国卫办医函〔2019〕518号" in national
    assert "拟于年底前再推进建成500家左右社区医院" in national
    beijing = kb.documents["beijing-2022"].text
    assert "每月1日前（遇法定节日顺延）" in beijing  # a line broken inside the brackets


def test_wrapped_lines_become_one_paragraph(kb) -> None:
    paragraphs = kb.documents["jilin-2020"].text.split("\n")
    whole = next(p for p in paragraphs if p.startswith("（四）评估挂牌"))
    assert whole.endswith("将建成的社区医院名单报送国家卫生健康委基层司。")
    assert "一、总体要求" in paragraphs  # a heading stays its own paragraph


def test_tables_are_rows_of_cells(kb) -> None:
    annex = kb.documents["yuzhong-2021"].sections["附件1"]
    assert "6 | 每万名常住人口配置2名及以上全科医生。 | 查阅资料。 | 达标□不达标□" in annex.split("\n")


def test_clean_spaces_rules() -> None:
    assert clean_spaces("  统 筹 做 好 疫 情 防 控 ") == "统筹做好疫情防控"
    assert clean_spaces("吉卫基层发〔2020〕5 号 ") == "吉卫基层发〔2020〕5号"
    assert clean_spaces("2020 年 8 月 12 日") == "2020年8月12日"
    assert clean_spaces("电子邮箱：jlwstnw@126.com ") == "电子邮箱：jlwstnw@126.com"
    # Two signatures on one line are two lines, not one run-together name.
    assert clean_spaces("吉林省卫生健康委员会     吉林省中医药管理局") == "吉林省卫生健康委员会\n吉林省中医药管理局"


def test_normalise_joins_hard_wrapped_text_and_keeps_urls_apart() -> None:
    wide = "这是一个很长的句子用来模拟按固定宽度折行的文本内容测试测试"
    raw = f"一、总体要求\n\n{wide}\n\n{wide}\n\n{wide}\n\n结尾。\n\n二、下一节\n\n{wide}\n\n{wide}\n\n短。\nhttp://example.org/a\n"
    paragraphs, links = normalise(raw)
    assert paragraphs == ["一、总体要求", wide * 3 + "结尾。", "二、下一节", wide * 2 + "短。"]
    assert links == ["http://example.org/a"]


EXPECTED_PATHS = {
    "jilin-2020": ["引言", "一", "二（三）", "三（二）", "四", "四（一）", "四（二）", "四（三）", "四（四）", "结尾"],
    "national-2021": ["引言", "一", "四", "七", "结尾"],
    "jilin-2024": ["引言", "一", "二（三）", "二（九）", "三（三）", "结尾"],
    "yuzhong-2021": ["引言", "二（三）", "四（一）1", "四（三）7", "四（六）12", "五（三）", "附件1", "附件4"],
    "beijing-2022": ["引言", "一（一）", "二（三）", "三（四）", "结尾", "附件1", "附件2"],
    "basic-standard-2019-reports": ["B1", "B7", "B12", "Not found"],
    "three-year-plan-reports": ["P1", "P5", "Targets as reported"],
    "progress-reports": ["National progress", "Local examples"],
}


@pytest.mark.parametrize("doc_id", list(EXPECTED_PATHS))
def test_expected_sections_exist(kb, doc_id: str) -> None:
    sections = kb.documents[doc_id].sections
    missing = [p for p in EXPECTED_PATHS[doc_id] if p not in sections]
    assert not missing, f"{doc_id} lacks {missing}; has {list(sections)}"


def test_section_contents_are_the_right_ones(kb) -> None:
    jilin = kb.documents["jilin-2020"].sections
    assert jilin["四（二）"].startswith("（二）遴选条件。")
    assert "实际开放床位数≥30张" in jilin["四"]  # a section includes its sub-sections
    assert "联系人：郭永毅" in jilin["结尾"] and "郭永毅" not in jilin["五（三）"]
    assert list(jilin) == sorted(jilin, key=list(jilin).index)  # document order
    national = kb.documents["national-2021"].sections
    assert national["结尾"].startswith("请各省份于11月30日前")
    assert "11月30日" not in national["七"]
    yuzhong = kb.documents["yuzhong-2021"].sections
    assert yuzhong["四（三）7"].startswith("7.强化队伍建设")
    assert "附件1" not in yuzhong["六（五）"]
    assert "11项评价内容全部达标" in yuzhong["附件1"]


def test_split_sections_numbering() -> None:
    paragraphs = ["标题", "一、甲", "（一）乙", "1.丙", "2.丁", "（二）戊", "二、己", "联系人：某某", "附件1", "表"]
    sections = split_sections(paragraphs)
    assert list(sections) == ["引言", "一", "一（一）", "一（一）1", "一（一）2", "一（二）", "二", "结尾", "附件1"]
    assert sections["一"] == "一、甲\n（一）乙\n1.丙\n2.丁\n（二）戊"


@pytest.mark.parametrize("doc_id", OFFICIAL + SECONDARY)
def test_metadata_is_complete(kb, doc_id: str) -> None:
    doc = kb.documents[doc_id]
    assert doc.title and doc.short and doc.issuer and doc.region and doc.date
    assert doc.kind == ("secondary" if doc_id in SECONDARY else "official")
    assert re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", doc.date)


def test_numbers_match_the_texts(kb) -> None:
    for doc in kb.documents.values():
        if doc.kind == "official" and doc.number:
            assert doc.number in doc.sections["引言"], doc.id
    assert kb.documents["beijing-2022"].number == ""
    assert kb.documents["jilin-2020"].links[1].endswith(".docx")
