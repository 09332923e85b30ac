"""Text of the question-and-answer turn."""

SECONDARY_NOTE = "⚠️ 报道出处：{provenance}。"  # the answer itself ends with "以正式文件为准"

LIKELY_HEADER = "我理解您问的是“{question}”，最可能的答案是："
LIKELY_OTHERS = "如果不是您想问的，请点选下面的问题，或换个说法再问。"

DID_YOU_MEAN = "我不太确定您想问的是哪一个。您是不是想问（点选一个查看答案，或换个说法再问）："

DECLINE = (
    "抱歉，这个问题我的资料库里没有答案，我不想猜测。\n"
    "我能回答的是申报社区医院的问题：申报条件（床位、床位使用率、业务用房面积、人员、特色科室、满意度等）、"
    "申报流程和步骤、各环节的截止日期、要提交的材料和表格、各级卫生健康部门的职责和联系方式。"
    "资料来自国家文件以及吉林省、重庆市渝中区、北京市的方案。\n"
    "您的具体情况，请咨询所在区县卫生健康行政部门（基层卫生科）。"
)

REGION_DIFFERS = "这个问题各地规定不同。您还没有选择地区，下面分地区列出："
REGION_DIFFERS_HINT = "用 /region 选择地区后，我只显示本地区的答案。"
REGION_HEADER = "【{name}】"
NO_REGION = "各地"
REGION_SEPARATOR = "、"
ANSWER_FOR_REGION = "（按{name}的文件回答）"
