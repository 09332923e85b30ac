"""Words that tell an introduction that matters to the question from one that only says who asks
(read by dialogs/qa/smalltalk.py's without_preamble)."""

from __future__ import annotations

import re

# An introduction that says what the institution is ("我们是乡镇卫生院，能不能搞社区医院"): kept before a
# question whether it may apply, which asks it of that kind of institution (s6a044: without it, "能不能
# 搞社区医院" read as the veto conditions); one that says who asks (院长, 主任) is dropped as before.
INSTITUTION_INTRODUCED = re.compile(r"(?:卫生院|服务中心|服务站|医院|中心)[的啊呀哈]?$")
MAY_APPLY = re.compile(
    r"能不能|能否|可不可以|可以不|行不行|有没有资格|有资格|够格|够不够|(?:能|可以)(?:申请|申报|搞|建|办|报|参加|做)"
)
# A clause that opens the question after a long lead-in ("…病房也改造了，想问一下我们这种情况到底什么时候能申报"):
# what comes before it is the story, not what is searched (newcomer trial 8, N16).
ASK_LEAD = re.compile(r"^(?:我?想(?:问问?|请教|咨询|了解)(?:一下)?|请问|麻烦问(?:一下)?|问一下|请教(?:一下)?)")
MIN_LEAD_IN = 3  # clauses of story before it, from which only the question is searched
