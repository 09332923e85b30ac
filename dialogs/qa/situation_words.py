"""Words for reading an introduction beside a plain question (dialogs/qa/situation_asked.py): input
vocabulary, nothing here is shown to users."""

from __future__ import annotations

import re

# Where a question ends and the next clause begins: "？" or "?" (kept inside the question), "，。；".
CLAUSE_END = re.compile(r"(?<=[?？])|[，,。；;]")
# A clause that is only a figure, said after a question about one field ("我们现在大概七成左右",
# "目前70%吧"): the field's name is put before it. Group "figure" is what follows the lead words.
BARE_FIGURE = re.compile(
    r"^(?:我们|我院|本院|咱们|咱)?(?:这边|这里)?(?:现在|目前|今年|实际)?(?:是|有|能到|达到|在)?"
    r"(?P<figure>(?:大概|大约|约|差不多|将近|接近)?[0-9零〇一二两三四五六七八九十百千万.]+\s*"
    r"(?:成|%|％|个百分点|张|平方米|平米|平|种|名|人|个)?(?:左右|上下|多|出头)?(?:吧|了|的样子)?)$"
)
