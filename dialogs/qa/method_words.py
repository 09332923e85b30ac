"""Words of a method question's answer (method.py): an answer that names how a figure is counted, or
says itself that no method is given, has one of these; a threshold ("75%以上") has none, whatever
else it says is not given (报道没有给出原文措辞 is about the wording, not the method)."""

from __future__ import annotations

import re

METHOD_GIVEN = re.compile(r"计算|算法|除以|公式|÷|×|口径|统计|是指|指的是|定义|意思是|也就是")
# A clause that says what a text does not give ("方案没有规定按哪一年、怎么计算", "也没有说按哪一段时间
# 统计"): its 计算/统计 names the method missing, not a method given.
NOT_GIVEN_CLAUSE = re.compile(r"[^。；;，,：:]*(?:没有|未|不)(?:给出|规定|写|说|定义|明确|解释|提)[^。；;，,]*")
# The opening sentence says the texts give no method or definition.
SAYS_NOT_GIVEN = re.compile(r"没有(?:给出|规定|写明|定义|说明|解释)|未(?:给出|规定|定义|说明)|没有找到")
# "2倍" restates a rule's multiple, never a figure of the institution (服务人口2倍 is not 2 people): needed.py
MULTIPLE = re.compile(r"\d+(?:\.\d+)?倍(?:以上)?")
# A count field's label without its 数 (全科医生数 -> 全科医生): how a question names the count.
COUNT_SUFFIX = "数"
