"""What the assistant says when two or more regions are compared (dialogs/qa/compare*.py, higher.py,
dates_named.py): each region's answer side by side, then what is the same and what differs."""

COMPARE_HEADER = "分地区回答（{regions}）："
COMPARE_NATIONAL_ENTRY = "（国家文件，各地适用）"
COMPARE_NATIONAL_REPORTED = "（国家层面的新闻报道，不是{name}自己的规定）"
COMPARE_LIKELY = "（最可能的答案，不完全确定）"
COMPARE_MISSING = "没有找到{name}对这个问题的规定（也可能是我没理解问题，可以换个说法再问）。"
COMPARE_SUMMARY = "【比较】（只比较上面答案里写到的数字、日期和负责部门，具体以原文为准）"
COMPARE_SAME = "· 相同：各地都写了 {facts}。"
COMPARE_ALL_SAME = "· 上面各地答案里的数字、日期和部门都相同：{facts}。"
COMPARE_ONLY = "· 只有{name}写了：{facts}。"
# The same bodies named on every side but doing different jobs (sealed set 7, s7b079): never "都相同".
COMPARE_ROLES_DIFFER = "· 各地都写了 {facts}，但分工不同：{roles}。"
SIDE_ROLES, SIDES_SEPARATOR = "{name}：{roles}", "；"
COMPARE_ALSO_REPORTED = "正式文件没有写这个数字；新闻报道转述的是："
COMPARE_REPORTED_FACTS = "· 注意：{name}的 {facts} 来自新闻报道转述，不是正式文件原文，请以正式文件为准。"
COMPARE_ONE_SIDE = "· 只找到一个地区的规定，无法比较；另一地区可以单独再问。"
COMPARE_NO_FACTS = "· 答案里没有可以直接对比的数字、日期或部门，措辞上的异同请对照上面的原文。"
COMPARE_HIGHER = "· 数值上：{sides}。"
COMPARE_HIGHER_JOIN = " 高于 "
COMPARE_SIDE = "{name}（{facts}）"
COMPARE_EQUAL = "· 数值上：各地相同，都是 {facts}。"
COMPARE_MIXED = "· 数值上各地有高有低，不能简单说哪个高，请对照上面各地的原文。"
COMPARE_NOT_ONE_UNIT = (
    "· 各地答案里没有同一种单位、可以直接比的数字（有的地区没有写具体数字），不能直接说哪个高，请对照上面各地的原文。"
)
COMPARE_SAME_ENTRY = "· 这个问题各地用的是同一份文件的同一条规定，答案相同。"
# A date of a reporting step, with its level (F12): "9月30日（市级报省级卫生健康部门）".
DATE_STEP = "{date}（{sender}报{receiver}）"
DATE_STEP_NO_SENDER = "{date}（报{receiver}）"
SENDER_NAMES = {
    "institution": "申请机构",
    "district": "区县",
    "city": "市级",
    "municipality": "直辖市（省级）",
    "province": "省级",
    "national": "国家",
}
COMPARE_LEVELS = "· 注意：上面的日期是不同层级的上报（{steps}），不是同一件事的截止日期，不能直接比较。"
# Bodies compared by level (dialogs/qa/compare_words.py LEVEL_PREFIXES says which words name which).
LEVEL_NAMES = {
    "national": "国家卫生健康委",
    "province": "省级卫生健康部门",
    "city": "地市级卫生健康部门",
    "municipality": "直辖市卫生健康委（省级）",
    "district": "区县级卫生健康部门",
}
# Every rule of the asked area on a side (dialogs/qa/compare_rules.py), under the side's entry.
AREA_RULES = "{name}在这方面的规定还有："
AREA_RULE = "· {title}"
AREA_PROVENANCE = "⚠️ 报道出处：{provenance}（新闻报道转述，不是正式文件原文）。"
COMPARE_SAME_REPORTED = (
    "· 数字相同：都写了 {facts}；但{names}的只来自新闻报道转述，不是正式文件明文规定的，这一点不同。"
)
