"""Words of a figure said of several fields at once ("三个满意度都在八成五以上"), read by collective.py."""

from __future__ import annotations

import re

from dialogs.qa.vocabulary import NUMBER

# The collective noun and the fields it names: a field is named when one of its words ends in it.
COLLECTIVE_NOUNS = ("满意度",)
# 三个满意度, 各项满意度, 这些满意度 … and 都/均 after: the figure is said of all of them, not of one
HOW_MANY = r"(?:[三3两2四4]个|[三3两2四4]项|几个|几项|各项|各个|每个|每项|所有的?|这几个|这三个|这些|几类|三类)"
ALL = r"(?:也都|全都|全部|都|均|全)"
FILL = r"(?:在|是|有|达到|达|到|为|能到|能达到|了)*"
# a bound word before the figure (都超过90%, 都不到八成); 不低于 is read here, as bounds.py takes its 低于
NOT_BELOW = ("不低于", "不少于")
BOUND = r"(?P<bw>不低于|不少于|超过|高于|大于|不到|低于|不足|没有|没到|达不到|不够)?"
COLLECTIVE = re.compile(
    f"(?P<many>{HOW_MANY})?(?P<noun>{'|'.join(COLLECTIVE_NOUNS)})(?P<all>{ALL})?{FILL}{BOUND}{FILL}"
    f"(?P<num>{NUMBER})(?P<unit>成|%)?"
)
