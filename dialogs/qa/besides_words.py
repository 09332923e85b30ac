"""Words of a question that asks for what is not a named thing ("遴选除了床位面积这些硬指标，还有什么条件",
"除了申请表以外还要交啥", "评估除了基本标准还看哪个文件"): besides.py."""

from __future__ import annotations

from core.lazy_re import lazy

# 除了 X [以外 / 之外 / 外] [，] then the rest: X is the group named before the asked rest. Without 以外 /
# 之外 / 外, X stops at a comma or at the word that opens the rest ("除了床位还有什么" reads 床位).
EXCLUDED = lazy(
    r"除(?:了|去|开)(?P<x>[^，,。？?！!；;：:]{1,24}?)"
    r"(?:(?:以外|之外|外)[，,、\s]*|[，,]\s*|[、\s]*(?=还|另外|其他|其它|别的|也|又|再))"
)
# The asked rest says a "what else" in its clause: only then is X left out of what is searched (除了X都行吗
# is not; "除了30张床位之外，遴选还有别的条件吗" is).
ELSE_ASKED = lazy(r"^[^。？?！!；;]*?(?:还(?:有|要|需|得|看|包括|能|可以|差)|另外|其他|其它|别的)")
