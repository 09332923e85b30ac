"""Words of a question asking to confirm a figure of the rules (premise.py)."""

from __future__ import annotations

import re

# Asking to confirm a figure of the rules: "…要50人次对吧", "是不是要80%以上", "30张就够了吧" (premise.py).
PREMISE_ASKED = re.compile(
    r"对吧|是吧|对不对|对吗|没错吧|是不是(?:要|得|需要|至少|只要|就)|就够了?吗?|就行了?吗?|就可以了?吗?|吧[？?。！!]*$"
)
# The words of such a question around its figure, left out to read the figure as stated (the parser
# sets a figure after 要/得 aside as a requirement asked about).
PREMISE_WORDS = re.compile(
    r"是不是|是否|需要|至少|只要|就够了?|就行了?|就可以了?|对吧|是吧|对不对|对吗|没错吧|要|得|吧"
)
