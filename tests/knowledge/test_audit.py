"""Every item of the knowledge audit (../shared/audits/knowledge-audit-2026-11.md) has a guard that
would have caught it. Where a general check catches the kind of fault (governing texts, one fact in
one place, forces, stand-alone answers), the audited wording is run through that check and must be
reported, and today's must not. Rule cases that guard items carry `audit:` tags
(knowledge/data/rules/cases/*.yaml); calendar items K1-K3 are in tests/knowledge/calendar/.

The audited wording is quoted from the knowledge base at commit a09392d.
"""

from __future__ import annotations

import copy

import pytest

from knowledge.base import KnowledgeBase
from knowledge.check import BARE_OPENER
from knowledge.consistency import Text, disagreements
from knowledge.documents import Citation
from knowledge.eligibility import RuleError
from knowledge.eligibility.cases import load_cases
from knowledge.eligibility.loader import rule_set_from_dict
from knowledge.governing_check import missing_names
from knowledge.regions import DATA
from knowledge.schema import read_yaml

OLD = {
    "jilin-2020-who-can-apply": "按吉林省方案（吉卫基层发〔2020〕5号），由各地区组织遴选辖区内基层医疗卫生机构，以机构自愿申请为原则。方案写明社区卫生服务中心和乡镇卫生院建成后第一名称保持不变，优先遴选条件里也列了“全国百家乡镇卫生院”，所以两类机构都在范围内；还要满足遴选条件（床位、使用率、面积等）。",  # noqa: E501
    "jilin-2020-calendar": "按吉林省方案（吉卫基层发〔2020〕5号），每年：6月30日前申请报省卫生健康委；8月31日前备案机构完成基本建设任务；9月30日前市（州）把复核达标机构和工作总结报省；10月31日前省组织专家评估；11月30日前省把建成名单报国家卫生健康委基层司。",  # noqa: E501
    "jilin-2020-responsibilities": "按吉林省方案（吉卫基层发〔2020〕5号）：县（市、区）卫生健康行政部门制订实施方案并审核申请；市（州）卫生健康行政部门负责本地区社区医院建设的监督指导和复核；省级卫生健康行政部门负责全省的监督指导和评估。",  # noqa: E501
    "jilin-2020-review-chain": "按吉林省方案（吉卫基层发〔2020〕5号），达到建设标准的机构向县（市、区）卫生健康行政部门申请审核；县里审核后，把达到基本标准的机构上报市（州）卫生健康行政部门复核；市（州）对复核达标的机构于9月30日前上报省卫生健康委。",  # noqa: E501
    "jilin-2020-review-deadline": "每年9月30日前。按吉林省方案（吉卫基层发〔2020〕5号），市（州）卫生健康行政部门对复核达标的机构于9月30日前上报省卫生健康委，同时上报社区医院建设工作总结。",  # noqa: E501
    "jilin-2020-naming": "按吉林省方案（吉卫基层发〔2020〕5号），对完成建设任务并达到建设标准的机构，按照《医疗机构管理条例》有关规定，由负责相应审批权限的卫生健康行政部门及时在《医疗机构执业许可证》中加注社区医院名称，机构加挂社区医院牌子。",  # noqa: E501
    "jilin-2020-first-name": "保留。吉林省方案（吉卫基层发〔2020〕5号）规定，社区卫生服务中心和乡镇卫生院作为机构的第一名称保持不变，社区医院是加注、加挂的名称。",  # noqa: E501
    "jilin-2020-selection-conditions": "吉林省方案（吉卫基层发〔2020〕5号）的遴选条件：当地党委政府支持社区医院建设；机构具备较强的服务能力和一定规模的服务人口；实际开放床位数≥30张；床位使用率≥75%；业务用房建筑面积≥3000平方米。",  # noqa: E501
    "jilin-2024-who-evaluates": "地市级评价排序，省级复核。按吉卫联发〔2024〕17号，地市级卫生健康行政部门负责社区医院评价和排序，省卫生健康委采取适当方式复核。",  # noqa: E501
    "jilin-2024-based-on-chc": "主要依托社区卫生服务中心。按吉卫联发〔2024〕17号，吉林主要依托社区卫生服务中心开展社区医院建设，评价和排序由地市级卫生健康行政部门负责。",  # noqa: E501
    "jilin-2024-report-deadline": "每年10月底前，由市级报省卫生健康委基层处。按吉卫联发〔2024〕17号，市级卫生健康行政部门每年10月底前，将年度工作总结、达到基本标准机构名单、达到服务能力标准村卫生室名单、新建成社区医院名单报送省卫生健康委基层处。这是市级向省级报送，不是机构直接报省。",  # noqa: E501
    "beijing-2022-monthly-progress": "要。按北京方案附件2备注，以区为单位，自9月起，每月1日前报送截至上月底的社区医院建设进展情况，遇法定节日顺延。",  # noqa: E501
    "beijing-2022-report-deadline": "年度报告和两份名单，9月30日前报。按北京方案，9月30日前，各区对达到推荐标准的基层卫生机构完成复核，并将两项工作年度报告（盖章PDF版）、当年达到推荐标准机构名单（附件1）及新建成社区医院机构名单（附件2）上报市卫生健康委。上报邮箱为bjsgzxzgk@wjw.beijing.gov.cn。",  # noqa: E501
}
OLD_STAGE_APPLY = "省级备案后进入组织建设阶段，于当年8月31日前完成基本建设任务。"


def entry(kb: KnowledgeBase, entry_id: str):
    return next(e for e in kb.faq if e.id == entry_id)


# ---------------------------------------------------------------- which text governs (a general check)


@pytest.mark.parametrize(
    ("item", "entry_id"),
    [
        ("F1", "jilin-2020-who-can-apply"),
        ("F2", "jilin-2020-calendar"),
        ("F3", "jilin-2020-responsibilities"),
        ("F4", "jilin-2020-review-chain"),
        ("F6", "jilin-2020-naming"),
        ("C-5", "jilin-2024-who-evaluates"),
        ("C-6", "jilin-2024-based-on-chc"),
        ("C-10", "jilin-2020-first-name"),
        ("G1", "jilin-2020-selection-conditions"),
    ],
)
def test_an_answer_on_a_changed_point_names_every_text(kb: KnowledgeBase, item: str, entry_id: str) -> None:
    e = entry(kb, entry_id)
    assert missing_names(kb.governing, e.citations, OLD[entry_id]), f"{item}: the audited answer must be reported"
    assert missing_names(kb.governing, e.citations, e.answer) == [], item


def test_R4_the_jilin_rule_set_says_which_text_governs_and_reads_institution_type(kb: KnowledgeBase) -> None:
    jilin = kb.rules["jilin"]
    citations = tuple(c.citation for c in jilin.criteria)
    old_notes = (
        "申请由机构自愿提出，填报《社区医院建设机构申请表》，经县（市、区）、市（州）卫生健康行政部门审核后报省卫生健康委。"
    )
    assert missing_names(kb.governing, citations, old_notes)
    assert missing_names(kb.governing, citations, "\n".join(jilin.notes)) == []
    assert "institution_type" in jilin.fields_needed()


# ---------------------------------------------------------------- one fact, one place (a general check)


@pytest.mark.parametrize(
    ("item", "entry_id"),
    [
        ("F12", "jilin-2024-report-deadline"),
        ("F15", "beijing-2022-monthly-progress"),
        ("C-8", "beijing-2022-monthly-progress"),
        ("F16", "beijing-2022-report-deadline"),
    ],
)
def test_a_date_in_an_answer_agrees_with_the_calendar(kb: KnowledgeBase, item: str, entry_id: str) -> None:
    criteria = [c for s in kb.rules.values() for c in s.criteria]
    deadlines = list({r.id: r for cal in kb.calendars.values() for r in cal.rules}.values())
    e = entry(kb, entry_id)
    old = Text(e.id, OLD[entry_id], e.citations)
    assert disagreements(old, criteria, deadlines, kb.catalogue), f"{item}: the audited answer must be reported"
    assert disagreements(Text(e.id, e.answer, e.citations), criteria, deadlines, kb.catalogue) == [], item


@pytest.mark.parametrize("item", ["K2", "C-4"])
def test_a_stage_text_does_not_call_a_yearly_date_当年(kb: KnowledgeBase, item: str) -> None:
    stage = kb.calendars["jilin"].stage("apply")
    assert stage is not None and stage.citation is not None
    deadlines = list(kb.calendars["jilin"].rules)
    cite = (stage.citation, Citation("jilin-2020", "四（三）", "于每年8月31日前完成基本建设任务"))
    old = disagreements(Text("stage", OLD_STAGE_APPLY, cite), [], deadlines, kb.catalogue)
    assert any("当年8月31日" in p for p in old), item
    assert disagreements(Text("stage", stage.next_step, cite), [], deadlines, kb.catalogue) == []


def test_C2_the_faq_and_the_b4_rule_agree_on_under_15_percent(kb: KnowledgeBase) -> None:
    (b4,) = [c for c in kb.rules["national"].criteria if c.id == "b4-non-technical-staff"]
    assert b4.compare == "<" and b4.limit == 15
    assert "低于15%" in entry(kb, "basic-standard-non-technical-staff").answer
    # tests/knowledge/test_consistency.py::test_a_changed_rule_makes_the_answers_disagree runs the old rule


# ---------------------------------------------------------------- forces (a general check in the loader)


def _jilin_raw() -> dict:
    return read_yaml(DATA / "rules" / "jilin.yaml")


@pytest.mark.parametrize(
    ("item", "region", "criterion", "old_force", "fault"),
    [
        (
            "R1",
            "jilin",
            "public-health-staff-share",
            "condition",
            "a condition must cite a passage listed in conditions_from",
        ),
        (
            "R2",
            "jilin",
            "public-health-physician",
            "condition",
            "a condition must cite a passage listed in conditions_from",
        ),
        ("R3", "jilin", "serious-inspection-findings", "disqualifier", "a disqualifier must cite a passage listed"),
        (
            "R6",
            "beijing",
            "public-health-staff-share",
            "condition",
            "a condition must cite a passage listed in conditions_from",
        ),
    ],
)
def test_a_rule_from_another_procedure_cannot_decide(kb, item, region, criterion, old_force, fault) -> None:
    raw = copy.deepcopy(read_yaml(DATA / "rules" / f"{region}.yaml"))
    (c,) = [c for c in raw["criteria"] if c["id"] == criterion]
    assert c["force"] == "norm", item
    c["force"] = old_force
    with pytest.raises(RuleError) as excinfo:
        rule_set_from_dict(raw, kb.fields, f"{region}.yaml", kb.catalogue)
    assert f"{region}.yaml: {criterion}: {fault}" in str(excinfo.value), item


def test_R5_C3_the_covid_priority_clause_is_said_to_read_two_ways(kb: KnowledgeBase) -> None:
    assert any("原文没有说清楚" in n for n in kb.rules["jilin"].notes)
    assert "原文没有说清楚" in entry(kb, "jilin-2020-priority").answer


def test_R7_C6_no_exception_procedure_is_invented(kb: KnowledgeBase) -> None:
    beijing = kb.rules["beijing"]
    texts = [*beijing.notes, *(c.why for c in beijing.criteria), *(c.messages.fail for c in beijing.criteria)]
    assert not any("可以例外由" in t or "例外由卫生健康行政部门决定" in t or "一般不予推荐" in t for t in texts)
    assert "没有写由谁决定例外" in "\n".join(beijing.notes)
    assert not any("可申请例外" in c.name for c in load_cases(DATA, "beijing"))


def test_R8_C5_fifteen_percent_does_not_meet_under_fifteen(kb: KnowledgeBase) -> None:
    (case,) = [c for c in load_cases(DATA, "national") if "C5" in c.audit]
    assert case.profile["non_technical_staff_share"] == 15 and case.statuses["b4-non-technical-staff"] == "warning"


def test_R9_reported_figures_never_give_a_hard_不符合(kb: KnowledgeBase) -> None:
    from knowledge.eligibility import evaluate

    verdict = evaluate({"meets_basic_standard_resources": True, "open_beds": 25}, kb.rules["national"])
    assert verdict.verdict == "eligible" and [r.id for r in verdict.cautions()] == ["b1-open-beds"]


def test_R10_C9_the_b3_message_says_the_chinese_term_is_unconfirmed(kb: KnowledgeBase) -> None:
    (b3,) = [c for c in kb.rules["national"].criteria if c.id == "b3-staff-per-bed"]
    assert "中文术语未确认" in b3.messages.fail and "报道的要求为每床至少{limit}名医务人员" in b3.messages.fail


def test_R11_build_basis_is_no_priority(kb: KnowledgeBase) -> None:
    assert kb.rules["national"].criterion("build-basis").force == "norm"  # type: ignore[union-attr]
    # tests/knowledge/eligibility/test_loader.py: kb check reports it as a priority (no 优先 in 二)


@pytest.mark.parametrize("item", ["C1", "C2", "C3", "C4", "C5", "C6", "R1", "R2", "R3", "R6", "R7", "R8", "R9", "R11"])
def test_rule_cases_guard_the_item(item: str) -> None:
    """The cases tagged with the item pass in kb check and tests/knowledge/eligibility/test_cases.py."""
    tagged = [c for region in ("jilin", "beijing", "national") for c in load_cases(DATA, region) if item in c.audit]
    assert tagged, item


# ---------------------------------------------------------------- field help says only what a source says


def test_R12_C1_open_beds_help_does_not_decide_family_beds(kb: KnowledgeBase) -> None:
    help_text = kb.fields["open_beds"].help
    assert "不含家庭病床" not in help_text and "没有说明家庭病床" in help_text
    assert "是否计入" in entry(kb, "jilin-2020-home-beds").answer


def test_R13_no_invented_daily_visits_formula(kb: KnowledgeBase) -> None:
    help_text = kb.fields["featured_department_daily_visits"].help
    assert "÷" not in help_text and "没有规定计算方法" in help_text


def test_R14_support_is_党委政府_support(kb: KnowledgeBase) -> None:
    help_text = kb.fields["local_government_support"].help
    assert "当地党委政府支持社区医院建设" in help_text and "卫生健康行政部门已同意" not in help_text


def test_R15_no_reference_period_is_invented(kb: KnowledgeBase) -> None:
    spec = kb.fields["bed_occupancy_rate"]
    assert "去年" not in spec.question and "没有规定按哪一段时间" in spec.help


# ---------------------------------------------------------------- FAQ wording the texts support


def test_F5_the_september_clause_is_said_to_lack_每年(kb: KnowledgeBase) -> None:
    assert "没有写“每年”" in entry(kb, "jilin-2020-review-deadline").answer
    assert not BARE_OPENER.match(entry(kb, "jilin-2020-review-deadline").answer)


def test_F7_C7_the_fever_clinic_answers_agree(kb: KnowledgeBase) -> None:
    answer = entry(kb, "jilin-2020-fever-clinic").answer
    assert not answer.startswith("不是硬性要求")
    cited = {(c.document, c.section) for c in entry(kb, "jilin-2020-fever-clinic").citations}
    assert {("national-2021", "三"), ("jilin-2024", "二（五）")} <= cited


def test_F8_the_priority_clause_is_not_read_silently(kb: KnowledgeBase) -> None:
    assert "可以读作对前面所列机构的限定，也可以读作单独一项优先条件" in entry(kb, "jilin-2020-priority").answer


def test_F9_home_beds_are_not_said_to_be_required(kb: KnowledgeBase) -> None:
    answer = entry(kb, "jilin-2020-home-beds").answer
    assert "方案要求结合实际开设家庭病床" not in answer and "没有说清楚" in answer


def test_F10_the_2020_phone_number_is_dated_wherever_it_is_given(kb: KnowledgeBase) -> None:
    for e in kb.faq:
        if "0431-88906350" in e.answer:
            assert "2020年发文时" in e.answer, e.id


def test_F11_the_inspection_rule_is_no_disqualifier_topic(kb: KnowledgeBase) -> None:
    inspection = entry(kb, "jilin-2024-inspection-disqualifies")
    assert inspection.topic is None and "吉林一票否决" not in inspection.phrasings
    assert "没有把它列为社区医院申报的否决条件" in inspection.answer
    (jilin_disqualifiers,) = [e for e in kb.faq if e.topic == "disqualifiers" and "jilin" in e.regions]
    assert "都没有列出社区医院申报的否决情形" in jilin_disqualifiers.answer


def test_F13_no_inferred_sentence_on_诊疗科目(kb: KnowledgeBase) -> None:
    assert "诊疗科目仍按执业登记核准的范围执行" not in entry(kb, "national-2021-scope-of-practice").answer


def test_F14_beijings_issuer_and_year_are_said_to_be_inferred(kb: KnowledgeBase) -> None:
    answer = entry(kb, "beijing-2022-overview").answer
    assert "原文没有写发文机关、日期和文号" in answer and kb.catalogue["beijing-2022"].inferred


def test_F17_the_covid_instructions_are_dated(kb: KnowledgeBase) -> None:
    assert "2022年" in entry(kb, "beijing-2022-epidemic-prevention").answer


def test_F18_the_8_31_filing_is_not_a_community_hospital_deadline(kb: KnowledgeBase) -> None:
    answer = entry(kb, "beijing-2022-application-deadline").answer
    assert "没有单独规定社区医院的申报截止日期" in answer and "不是社区医院的申报" in answer


def test_F19_jilin_seeks_insurance_support(kb: KnowledgeBase) -> None:
    answer = entry(kb, "not-covered-insurance-rates").answer
    assert "争取支持" in answer and "吉林省方案要求推动医保政策向社区医院倾斜。" not in answer


# ---------------------------------------------------------------- uncovered facts, now answered


@pytest.mark.parametrize(
    ("item", "document", "phrase"),
    [
        ("G1", "jilin-2020", "（二）遴选条件。"),  # with the 2024 plan named: see the governing test above
        ("G2", "jilin-2020", "506c2359448b4201b5c8a1b41245072d.docx"),
        ("G3", "yuzhong-2021", "血液透析科"),
        ("G4", "yuzhong-2021", "不断提高病床使用效率"),
        ("G5", "jilin-2024", "吉林省关于进一步深化改革促进乡村医疗卫生体系健康发展的实施意见"),
        ("G6", "jilin-2024", "“十四五”行动计划"),
        ("G7", "jilin-2024", "梅河新区"),
        ("G8", "yuzhong-2021", "互联网+医疗"),
        ("G9", "jilin-2020", "长效机制"),
        ("G9", "beijing-2022", "长效机制"),
        ("G10", "national-2021", "举办培训班"),
    ],
)
def test_an_uncovered_fact_is_now_cited_by_an_answer(kb: KnowledgeBase, item: str, document: str, phrase: str) -> None:
    assert any(c.document == document and phrase in c.quote for e in kb.faq for c in e.citations), item


def test_G3_every_department_of_the_information_form_is_listed(kb: KnowledgeBase) -> None:
    form = kb.documents["yuzhong-2021"].sections["附件2"]
    row = next(line for line in form.splitlines() if "内科□" in line)
    departments = [d.split("|")[-1].strip() for d in row.split("□")]
    departments = [d for d in departments if d and not d.startswith("其他")]
    assert len(departments) == 20
    answer = entry(kb, "yuzhong-2021-info-form").answer
    assert all(d in answer for d in departments), [d for d in departments if d not in answer]


# ---------------------------------------------------------------- issue 12, item 8: answers that stand alone


@pytest.mark.parametrize(
    "old",
    ["要。按北京方案附件2备注……", "不能。按吉卫联发〔2024〕17号……", "可以争取。国卫办基层函……", "保留。吉林省方案……"],
)
def test_issue12_a_bare_yes_no_opener_is_reported(old: str) -> None:
    assert BARE_OPENER.match(old)


def test_issue12_no_shipped_answer_opens_with_a_bare_yes_or_no(kb: KnowledgeBase) -> None:
    assert [e.id for e in kb.faq if BARE_OPENER.match(e.answer)] == []
    assert not BARE_OPENER.match("吉林要求乡镇卫生院、社区卫生服务中心至少明确1名信息管理人员。")
