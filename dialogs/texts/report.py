"""Text of the self-assessment document (dialogs/report.py): the Yuzhong acceptance form
(社区医院验收申请表, 附件4 of 渝中卫发〔2021〕49号) and the per-criterion report for the other regions."""

# The fonts of Chinese official forms: headings 黑体, body and tables 宋体, notes 仿宋.
FONT_HEADING = "黑体"
FONT_BODY = "宋体"
FONT_NOTE = "仿宋"
BLANK = "＿＿＿＿＿＿"  # a line to fill in by hand
REPORT_FILENAME = "社区医院自评报告.docx"
# Yuzhong: the report follows the fields of 社区医院验收申请表 (附件4), so it is named after the form.
REPORT_FILENAME_FORM = "社区医院验收申请表（自评草稿）.docx"
LIST_SEPARATOR = "、"
NOT_ANSWERED = "（未填写）"
YES = "是"
NO = "否"

VERDICT = {
    "eligible": "符合（按所填信息，决定结论的条件均已达到）",
    "not_eligible": "不符合（有条件未达到或存在否决情形）",
    "incomplete": "信息不全（没有不达标项，但有条件尚未填写，暂无法判断）",
    "reported_missed": (
        "待核实（决定结论的条件按所填回答均已达到，但所填数字有未达到新闻报道的基本标准数字的，请以正式文件为准）"
    ),
}
# The chat's wording (dialogs/texts/questionnaire.py CAUTIONS): the table may list items 未达到（只作提示）,
# so the headline never says every item is met (newcomer trial 3, F22).
CAUTIONS = "另有 {n} 项只作提示的要求未达到（不影响结论），见下表。"
CONDITIONAL = "说明：不符合仅因为“原则上”的要求未达到；能否例外，请向主管部门确认。"

STATUS = {
    "pass": "达标",
    "fail": "不达标",
    "unknown": "待补充",
    "warning": "未达到（只作提示）",
    "not_met": "不具备（优先条件，不影响资格）",
}
# The status in words by force, where it differs from STATUS: a ⚠️ means something else for a
# 原则上 requirement, a staffing norm and a news-reported figure.
FORCE_STATUS = {
    "disqualifier": {"pass": "无此情形", "fail": "存在此情形（否决）", "unknown": "待确认"},
    "priority": {"pass": "具备", "not_met": "不具备（不影响资格）", "unknown": "待补充"},
    "principle": {"warning": "原则上未达到（结论为有条件的不符合）"},
    "norm": {"warning": "未达到（不是申报条件，只作提示，不影响结论）"},
    "reported": {"warning": "未达到报道的数字（新闻报道，非正式文件，请核实）"},
}

LIMIT = {
    ">=": "≥{limit}{unit}",
    "<=": "≤{limit}{unit}",
    ">": "＞{limit}{unit}",
    "<": "＜{limit}{unit}",
    "is_true": "是",
    "is_false": "否",
}
LIMIT_ONE_OF = "或"
COUNT_MISSING = "；按{base_label}{base}{base_unit}计，{label}至少要{need}{unit}，现有{have}{unit}，还差{gap}{unit}"
SECONDARY_SOURCE = "【新闻报道，非正式文件原文】{provenance}；{source}"

# --- the per-criterion report (every region except chongqing-yuzhong) -----------------------------
REPORT_TITLE = "社区医院申报条件自评报告"
REPORT_REGION = "地区：{region}"
REPORT_BASIS = "依据：{title}"
INSTITUTION_NAME = "机构名称："
FILL_DATE = "填表日期："
VERDICT_HEADING = "自评结论"
CRITERIA_HEADING = "逐项自评"
CRITERIA_COLUMNS = ("条件", "类别", "填报值", "要求", "结果", "依据")
PROFILE_HEADING = "填报的机构信息"
PROFILE_COLUMNS = ("项目", "填报值")
DISCLAIMER = (
    "本报告由社区医院申报助手根据机构自行填写的信息生成，是自评参考，不是卫生健康行政部门的正式认定或审批结论；"
    "请以主管部门的评估、验收结果和正式文件为准。"
)

# --- the Yuzhong acceptance form (社区医院验收申请表) -------------------------------------------------
FORM_TITLE = "社区医院验收申请表"
FORM_SUBTITLE = "（自评草稿：由社区医院申报助手根据所填信息生成，请核对后誊写到正式申请表）"
FORM_HEADER_ROWS = (
    ("机构名称", BLANK),
    ("通讯地址", BLANK),
    ("邮编", BLANK),
    ("法定负责人", BLANK),
    ("联系电话", BLANK),
    ("医疗机构执业许可证号编码", BLANK),
)
FORM_SELF_CHECK = "自查结果"
FORM_GRADE_A_SINCE = "甲级社区卫生服务中心创建时间：{value}"
FORM_RESOURCES = (
    "资源配置是否达到《社区医院基本标准（试行）》（国卫办医函〔2019〕518号）要求：{passed} 达标 {failed} 未达标"
)
FORM_TICK = "（√）"
FORM_NO_TICK = "（ ）"
FORM_FEATURED = "特色科室名称：{name}\n特色科室日均门诊量：{visits} 人次"
FORM_POPULATION = "辖区常住人口数：{population} 万人\n机构年诊疗人次数：{visits} 人次"
FORM_TCM = "配备中药饮片：{pieces} 种\n门诊中医处方数占处方总数比例：{share} %"
FORM_GPS = "每万名常住人口配置全科医生人数：{gps} 名"
FORM_REFERRAL = "建立稳定的双向转诊和技术指导关系的上级医院数量：{hospitals} 家"
FORM_TEAMS = "精品家庭医生服务团队数量：{teams}"
FORM_PATIENT = "患者满意度：{value} %"
FORM_SIGNED = "家庭医生签约群众满意度：{value} %"
FORM_STAFF = "机构职工满意度：{value} %"
FORM_APPLY_DATE = ("申请时间", "    年    月    日")
FORM_PROMISE = (
    "申请承诺：坚决维护评审工作的公平、公正，如实提交所需资料，绝不弄虚作假。\n"
    "主要负责人签字：\n单位（盖章）\n    年    月    日"
)
FORM_OPINION = "区卫生健康行政部门意见：\n\n主要负责人签字：\n单位（盖章）\n    年    月    日"
FORM_RESULT_HEADING = "附：按《重庆市社区医院评价推荐标准（2020年版）》和验收条件的逐项自评"
