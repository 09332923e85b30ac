"""Words of a method question's answer (method.py): an answer that names how a figure is counted, or
says itself that no method is given, has one of these; a threshold ("75%以上") has none, whatever
else it says is not given (报道没有给出原文措辞 is about the wording, not the method)."""

from __future__ import annotations

import re

METHOD_GIVEN = re.compile(r"计算|算法|除以|公式|÷|×|口径|统计|是指|指的是|定义")
