"""Text of suggestions for a question the loaded texts probably do not cover (dialogs/qa/entries.py):
said first, with whom to ask, then the suggestions."""

NOT_IN_TEXTS = (
    "收录的文件（国家文件和吉林省、重庆市渝中区、北京市的方案）里我没有找到回答这个问题的内容，"
    "它可能不在这些文件的范围内，我不想猜测。具体请咨询所在区县卫生健康行政部门（基层卫生科）。"
)
NOT_IN_TEXTS_OFFER = "如果您想问的是下面的问题之一，请点选查看，或换个说法再问："
