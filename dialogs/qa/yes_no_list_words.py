"""Words of a yes/no ask of papers (要交材料么), read by dialogs/qa/yes_no_list.py."""

from __future__ import annotations

from core.lazy_re import lazy

# 要交材料么 / 需要准备材料吗 / 要不要交资料 / 得提交申请材料不: the whole message, on text folded to simplified
YES_NO_PAPERS = lazy(
    r"^(?:请问)?(?:那|那么)?(?:我们|我)?(?:还)?(?:要不要|需不需要|用不用|需要|要|得|用)?"
    r"(?P<verb>交|提交|递交|上交|报|上报|报送|准备)(?:申请|申报)?(?P<noun>材料|资料)"
    r"(?:吗|么|嘛|不|没有|呢|啊)?[？?。!！~～]*$"
)
# The same ask put openly, searched in its place.
OPEN_ASK = "要{verb}哪些{noun}"
