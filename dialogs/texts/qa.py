"""Text of the question-and-answer turn."""

SOURCE_LINE = "📄 出处：{document}{number}，{section}"
SOURCE_NUMBER = "（{number}）"
SECONDARY_NOTE = "⚠️ 以上内容来自{provenance}，并非官方原文，请以正式文件为准。"
DID_YOU_MEAN = "没有完全确定您想问什么。您是不是想问："
DECLINE = (
    "抱歉，我的资料库里没有这个问题的答案，我不想猜测。\n"
    "我能回答的是社区医院申报相关的问题：申报条件（床位、使用率、面积、人员）、流程步骤、"
    "申报时间、需要提交的材料和联系方式，覆盖国家文件以及吉林、重庆渝中、北京的方案。\n"
    "具体情况请咨询所在区县卫生健康行政部门（基层卫生科）。"
)
DECLINE_NEAR = "和您的问题最接近的是："
REGION_DIFFERS = "这个问题各地规定不同。您还没有选择地区，下面是各地的简要答案（用 /region 选择地区后只显示本地答案）："
REGION_HEADER = "【{name}】"
ANSWER_FOR_REGION = "（按{name}的文件回答）"
