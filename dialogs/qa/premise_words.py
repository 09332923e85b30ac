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
# Asking whether the institution's figures reach the bar ("床位32张，使用率78%，硬杠杠都够了吧", "…达标了吧"):
# its figures are the asker's own, a situation, unless a requirement word puts one to the rule (床位得40张吧,
# 是不是要80%以上) or 就 makes it the bar asked (床位是不是30张就够了). s7a065 got "不是32张" for 够了吧.
MEETS_ASKED = re.compile(r"(?<!就)(?:够|达标|达到|符合|满足|合格|过线|过关|没问题)了?(?:吧|吗|没|不)")
PREMISE_REQUIRED = re.compile(r"是不是|要|得|需要|至少|就够|就行|就可以")
# Asking whether the one figure is enough ("够三千平就行吗", "30张就够了吧"): the answer adds that the other
# conditions still apply (newcomer trial 8, N9).
SUFFICES = re.compile(r"就够|就行|就可以|只要")
