"""The eligibility package's own Chinese wording: what it says when a value is missing or invalid.

Criterion messages are policy content and live in the rule YAML; these templates are the
package's fixed phrasing around them. (knowledge/ may not import dialogs/texts, hence a module here.)"""

UNKNOWN_VALUE = "未知"
SECONDARY_SUFFIX = "（此项来自新闻报道（{provenance}），非正式文件原文，请以正式文件为准）"

# A criterion that cannot be decided yet.
UNKNOWN_INPUTS = "尚未填写{labels}，暂无法判断"
UNKNOWN_DERIVED = "{labels}尚未填写（或分母为0），无法计算{quantity}，暂无法判断"
# …when what is missing was answered 不清楚 (a key in the profile with no value).
UNSURE_INPUTS = "{labels}您答的是“不清楚”，暂无法判断"
UNSURE_DERIVED = "{labels}您答的是“不清楚”，无法计算{quantity}，暂无法判断"
LABEL = "「{label}」"
JOIN_ALL = "、"
JOIN_ANY = "或"

# Validating a profile (the `check` command's file, the questionnaire's typed answers).
FIELD_NAME = "字段 {name}（{label}）"
REQUIRED = "{field}必须填写"
NOT_BOOL = "{field}应为 true 或 false（是/否），收到的是 {value!r}"
NOT_A_CHOICE = "{field}应为以下之一：{options}，收到的是 {value!r}"
CHOICE_OPTION = "{value}（{label}）"
NOT_A_NUMBER = "{field}应为数字，收到的是 {value!r}"
NOT_AN_INTEGER = "{field}应为整数，收到的是 {value!r}"
BELOW_MIN = "{field}不能小于 {limit}{unit}，收到的是 {value}{unit}"
ABOVE_MAX = "{field}不能大于 {limit}{unit}，收到的是 {value}{unit}"
NOT_A_MAPPING = "机构信息文件应为“字段: 值”的映射（YAML 字典）"
UNKNOWN_FIELD = "未知字段 {key}：不是本助手使用的机构信息字段，请检查拼写"

# Derived quantities (knowledge/eligibility/derived.py): what each is called in messages, and its unit.
DERIVED_LABELS = {
    "gps_per_10k_residents": ("每万人口全科医生数", "人"),
    "visits_per_resident": ("年诊疗人次数与辖区常住人口之比", "倍"),
    "health_staff_per_bed": ("每床卫生技术人员数", "人"),
    "primary_build_basis": ("社区医院建设依托对象", ""),
}
