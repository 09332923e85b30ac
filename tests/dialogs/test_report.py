"""The self-assessment .docx: opened again with python-docx, its content checked."""

from __future__ import annotations

import io

import docx
import pytest

from dialogs.report import build_docx
from knowledge.base import KnowledgeBase
from knowledge.eligibility import evaluate, load_fields
from knowledge.eligibility.cases import load_cases


@pytest.fixture(scope="module")
def fields(kb: KnowledgeBase):
    return load_fields(kb.root)


def case_profile(kb: KnowledgeBase, region: str, name: str) -> dict:
    return next(c.profile for c in load_cases(kb.root, region) if c.name == name)


def open_docx(content: bytes) -> docx.document.Document:
    assert content[:2] == b"PK"  # a .docx is a zip file
    return docx.Document(io.BytesIO(content))


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def form_rows(document) -> dict[str, str]:
    """The application form's table, as label -> text (the right-hand cell)."""
    rows = {}
    for row in document.tables[0].rows:
        cells = row.cells
        rows.setdefault(cells[0].text, "")
        rows[cells[0].text] += cells[1].text + "\n"
    return rows


def test_yuzhong_follows_the_acceptance_application_form(kb: KnowledgeBase, fields):
    profile = {
        **case_profile(kb, "chongqing-yuzhong", "11项全部恰好达标，无否决情形"),
        "resident_population": 52300,
        "general_practitioners": 11,
        "annual_visits": 120000,
        "community_grade_a_year": 2020,
        "tcm_prescription_share": 32.5,
        "patient_satisfaction": 91,
    }
    verdict = evaluate(profile, kb.rules["chongqing-yuzhong"])
    document = open_docx(build_docx(verdict, profile, fields, "重庆市渝中区"))
    assert document.paragraphs[0].text == "社区医院验收申请表"
    rows = form_rows(document)
    assert rows["机构名称"].strip() == "＿＿＿＿＿＿"  # left blank for the director to fill in
    assert "医疗机构执业许可证号编码" in rows
    check = rows["自查结果"]
    assert "甲级社区卫生服务中心创建时间：2020" in check
    assert "要求：（√） 达标 （ ） 未达标" in check
    assert "特色科室日均门诊量：30 人次" in check
    assert "辖区常住人口数：5.23 万人" in check  # persons converted to 万人 as the form asks
    assert "机构年诊疗人次数：120000 人次" in check
    assert "配备中药饮片：300 种" in check
    assert "门诊中医处方数占处方总数比例：32.5 %" in check
    assert "每万名常住人口配置全科医生人数：2.1 名" in check  # 11 × 10000 ÷ 52300
    assert "上级医院数量：1 家" in check
    assert "精品家庭医生服务团队数量：1" in check
    assert "患者满意度：91 %" in check
    assert "家庭医生签约群众满意度：80 %" in check
    assert "机构职工满意度：80 %" in check
    assert any("申请承诺" in k for k in rows)
    text = all_text(document)
    assert "符合（按所填信息，决定结论的条件均已达到）" in text
    assert "不是卫生健康行政部门的正式认定" in text


def test_yuzhong_form_leaves_unknown_values_blank_and_ticks_not_met(kb: KnowledgeBase, fields):
    profile = {"meets_basic_standard_resources": False, "outsourced_departments": True}
    verdict = evaluate(profile, kb.rules["chongqing-yuzhong"])
    document = open_docx(build_docx(verdict, profile, fields, "重庆市渝中区"))
    check = form_rows(document)["自查结果"]
    assert "要求：（ ） 达标 （√） 未达标" in check
    assert "辖区常住人口数：＿＿＿＿＿＿ 万人" in check
    assert "每万名常住人口配置全科医生人数：＿＿＿＿＿＿ 名" in check
    criteria = document.tables[1]
    outsourced = next(r for r in criteria.rows if r.cells[0].text == "无对外出租或承包内部科室")
    assert outsourced.cells[1].text == "否决情形"
    assert outsourced.cells[4].text == "存在此情形（否决）"
    assert "不符合（有条件未达到或存在否决情形）" in all_text(document)


def criteria_rows(document) -> dict[str, list[str]]:
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "条件")
    return {row.cells[0].text: [c.text for c in row.cells] for row in table.rows[1:]}


def test_jilin_report_lists_each_criterion_with_value_limit_status_and_citation(kb: KnowledgeBase, fields):
    profile = {**case_profile(kb, "jilin", "全部达标，优先条件也具备"), "open_beds": 28, "demonstration_center": False}
    verdict = evaluate(profile, kb.rules["jilin"])
    document = open_docx(build_docx(verdict, profile, fields, "吉林省", kb.rules["jilin"].title))
    text = all_text(document)
    assert document.paragraphs[0].text == "社区医院申报条件自评报告"
    assert "地区：吉林省" in text and "依据：吉林省社区医院建设遴选条件" in text
    assert "不符合（有条件未达到或存在否决情形）" in text
    assert "是自评参考，不是卫生健康行政部门的正式认定或审批结论" in text
    rows = criteria_rows(document)
    _title, kind, value, limit, status, basis = rows["实际开放床位数≥30张"]
    assert (kind, value, limit, status) == ("必备条件", "28张", "≥30张", "不达标")
    assert "实际开放床位28张，要求≥30张，还差2张" in basis
    assert "《吉林省社区医院建设实施方案》（吉卫基层发〔2020〕5号）四（二）：“实际开放床位数≥30张”" in basis
    assert rows["床位使用率≥75%"][2:5] == ["75%", "≥75%", "达标"]
    assert rows["通过“优质服务基层行”活动达到推荐标准（优先遴选）"][2:5] == ["推荐标准", "推荐标准", "具备"]
    demo = rows["省级及以上示范、百强社区卫生服务中心或全国百家乡镇卫生院（优先遴选）"]
    assert demo[1:5] == ["优先条件", "否", "是", "不具备（不影响资格）"]
    serious = rows["基层医疗机构巡查中未发现严重问题（关系到当年服务能力标准复核）"]
    assert serious[1] != "否决情形"  # audit R3: the 2024–2025 plan makes it no disqualifier of the name
    assert serious[2:5] == ["否", "否", "达标"]
    assert "吉卫联发〔2024〕17号" in serious[5]


def test_report_marks_unknown_and_in_principle(kb: KnowledgeBase, fields):
    profile = {"service_capability_level": "basic", "meets_basic_standard_resources": True}
    verdict = evaluate(profile, kb.rules["beijing"])
    document = open_docx(build_docx(verdict, profile, fields, "北京市"))
    rows = criteria_rows(document)
    assert rows["原则上达到服务能力推荐标准"][2:5] == ["基本标准", "推荐标准", "原则上未达到（结论为有条件的不符合）"]
    assert rows["公共卫生人员占专业技术人员编制比例不低于25%（人员配备要求，不是建设条件）"][2:5] == [
        "（未填写）", "≥25%", "待补充"
    ]  # fmt: skip
    text = all_text(document)
    assert "不符合仅因为“原则上”的要求未达到" in text
    # no title given: the cited documents are named
    assert "依据：《北京市统筹开展“优质服务基层行”活动与社区医院建设工作方案》" in text
    profile_table = document.tables[-1]
    assert profile_table.rows[0].cells[0].text == "项目"
    assert ["“优质服务基层行”服务能力达标情况", "基本标准"] in [[c.text for c in r.cells] for r in profile_table.rows]


def test_national_report_never_shows_a_news_report_as_official(kb: KnowledgeBase, fields):
    profile = case_profile(kb, "national", "社区卫生服务中心，全部达标")
    verdict = evaluate(profile, kb.rules["national"])
    document = open_docx(build_docx(verdict, profile, fields, "全国（国家文件）"))
    rows = criteria_rows(document)
    beds = rows["实际开放床位不少于30张（新闻报道）"]
    assert beds[5].count("【新闻报道，非正式文件原文】据新华社2019年6月23日英文通稿报道") == 1
    # the reported words are quoted as the wire wrote them; the notes' own item label (B1) is not shown
    assert "的报道：“at least 30”" in beds[5] and "B1" not in beds[5]
    assert "《《" not in beds[5]
    official = rows["达到《社区医院基本标准（试行）》要求"]
    assert "新闻报道" not in official[5]
    assert "国卫办基层函〔2021〕317号" in official[5]
    assert rows["每床至少配备0.7名医务人员（新闻报道）"][2:4] == ["0.7人", "≥0.7人"]


def test_status_words_follow_the_force(kb: KnowledgeBase, fields):
    """A ⚠️ is 原则上未达到 only for a 原则上 requirement: a staffing norm or a news figure says what it is."""
    from dialogs.texts import report as T

    profile = {**case_profile(kb, "beijing", "全部达标"), "service_capability_level": "basic"}
    profile["public_health_staff_share"] = 24
    verdict = evaluate(profile, kb.rules["beijing"])
    rows = criteria_rows(open_docx(build_docx(verdict, profile, fields, "北京市")))
    principle = rows["原则上达到服务能力推荐标准"]
    norm = rows["公共卫生人员占专业技术人员编制比例不低于25%（人员配备要求，不是建设条件）"]
    assert principle[4] == T.FORCE_STATUS["principle"]["warning"] and principle[1] == "“原则上”要求"
    assert norm[4] == T.FORCE_STATUS["norm"]["warning"] and "原则上" not in norm[4]
    assert "不是申报条件" in norm[1]


def test_a_verdict_resting_only_on_news_figures_says_so(kb: KnowledgeBase, fields):
    from knowledge.texts import REPORTED_ONLY

    profile = case_profile(kb, "national", "基本标准没填，只有报道的数字且床位25张：不符合，但只依据新闻报道")
    verdict = evaluate(profile, kb.rules["national"])
    document = open_docx(build_docx(verdict, profile, fields, "全国（国家文件）"))
    assert REPORTED_ONLY in all_text(document)
    beds = criteria_rows(document)["实际开放床位不少于30张（新闻报道）"]
    assert beds[1] == "新闻报道的数字（非正式文件）" and "新闻报道" in beds[4] and "原则上" not in beds[4]
    official = case_profile(kb, "national", "基本标准自评未达到：不符合，不是只依据新闻报道")
    content = build_docx(evaluate(official, kb.rules["national"]), official, fields, "全国（国家文件）")
    assert REPORTED_ONLY not in all_text(open_docx(content))


def test_an_eligible_report_with_cautions_never_says_every_item_is_met(kb: KnowledgeBase, fields):
    """Newcomer trial 3, F22: the headline said "各项条件均已达到" above a table listing 未达到（只作提示）."""
    from dialogs.texts import report as T

    profile = {**case_profile(kb, "jilin", "全部达标，优先条件也具备"), "institution_type": "township_health_center"}
    profile["public_health_staff_share"] = 20
    verdict = evaluate(profile, kb.rules["jilin"])
    assert verdict.verdict == "eligible" and verdict.cautions()
    text = all_text(open_docx(build_docx(verdict, profile, fields, "吉林省", kb.rules["jilin"].title)))
    assert "各项条件均已达到" not in text
    assert T.CAUTIONS.format(n=len(verdict.cautions())) in text
