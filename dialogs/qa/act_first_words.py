"""Input vocabulary of asking to do an act first, before its condition is met ("还没够基本标准，能先把社区医院
牌子挂上不", "11项有10项达标了，能先挂牌吗"): the act, said as people say it, and the words that ask
whether it may come first (dialogs/qa/act_first.py). Sealed set 8, s8b047 / s8b071."""

import re

# The act (knowledge/data/preconditions.yaml's key) by the words that name it after 先.
ACTS = (("sign", r"(挂牌|挂上|挂起|加挂|挂[^，。？?！!]{0,8}牌子|牌子[^，。？?！!]{0,3}挂|命名|加注)"),)

# 先 and the act within a few characters ("先把社区医院牌子挂上", "先挂牌"): the act asked to come first.
FIRST = r"先[^，。？?！!]{0,10}?"

# Asked as a question: 能/可以/行 … or a question ending (吗, 不, 么, ？).
ASKS = re.compile(
    r"能不能|可不可以|行不行|成不成|能否|可否|允许|(能|可以|行|成|中)[^，。]{0,12}(吗|么|不|没|？|\?)|(吗|么|不)[？?]?$"
)

# "先评估还是先挂牌": an order asked about, not permission to skip a condition.
EITHER_OR = re.compile(r"还是")

# The condition said to be met already (验收合格了, 评估通过了): what comes first then is no skipped condition.
MET = re.compile(r"(验收|评估|审核|复核)[^，。？?]{0,3}(合格|通过)(了|啦)|已(经)?(通过|合格)|(合格|通过)了")
