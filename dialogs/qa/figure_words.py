"""Words that say which of a situation's figures is the criterion's own (input vocabulary, read by
dialogs/qa/mentions.py and facts.py; nothing here is shown to users).

- Another quantity whose name holds a field's word: 占地面积 and 绿化面积 are not 业务用房建筑面积,
  编制床位 and 家庭病床 are not 实际开放床位 (the criteria count "实际开放床位数" and "业务用房建筑面积").
- Two figures for one field: the one said to be past (去年, 2019年, 原来, 不是30张) gives way to
  the current one (今年, 现在, 实际, 是25张).
- A change is not a level: 增加了10张, 比去年多了10张, 差两张到30张.
- Local government support said with a particle or a negation in the middle (政府也支持, 政府不支持,
  县政府没表态).
"""

from __future__ import annotations

import re
from functools import cache

from core.lazy_re import lazy
from dialogs.field_words import NUMBER_WORDS
from dialogs.qa.vocabulary import NUMBER, UNIT

# Names of other quantities, matched before a field's own word inside them (longest at a position wins).
OTHER_QUANTITIES = (
    *("占地面积", "土地面积", "用地面积", "占地", "绿化面积", "绿地面积", "院区面积", "院落面积"),
    *("病房面积", "病区面积", "门诊面积", "科室面积"),
    *("编制床位数", "编制床位", "床位编制", "核定床位", "审批床位", "规划床位", "设计床位"),
    *("家庭病床", "家床", "编制床"),
)


@cache
def quantity_words() -> tuple[re.Pattern[str], dict[str, str]]:
    """Every numeric field's word (field_words.NUMBER_WORDS) and another quantity's (OTHER_QUANTITIES,
    field ""): one pattern trying the longest first (编制床位 before 床位), and each word's field. Built on
    first use, not at import (a cold `bot ask` compiles only what its question needs)."""
    pairs = [(w, f) for f, ws in NUMBER_WORDS.items() for w in ws] + [(w, "") for w in OTHER_QUANTITIES]
    fields: dict[str, str] = {}
    for word, field in sorted(pairs, key=lambda pair: -len(pair[0])):
        fields.setdefault(word, field)  # a word listed twice keeps the field found first in this order
    return re.compile("|".join(map(re.escape, fields))), fields


# Read in the clause before a figure, after the previous number in it (so "不是30张是25张" marks the 30 only).
PAST = lazy(r"去年|前年|往年|上年|以前|之前|原来|原先|原本|过去|曾经|当时|不是|从前|从")
# Fields counted over a year: last year's figure is the latest whole year, not a past level.
YEARLY = frozenset({"bed_occupancy_rate", "annual_visits"})
LAST_YEAR = lazy(r"去年|上年")
CURRENT = lazy(r"现在|目前|今年|现有|如今|当前|眼下|实际|提高到|增加到|增长到|提升到|降到|降低到|下降到|变成")
NUMBER_CHAR = lazy(r"[0-9零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]")
YEAR = lazy(r"((?:19|20)\d\d)年")
# A change, right before its figure (增加了10张, 多了10张, 差两张): not the level.
CHANGE = lazy(
    r"(?:(?:扩建|新建|加建|增建|增设|增加|增长|新增|提高|提升|降低|下降|减少|扩大|扩充|扩|加|减|涨|降|撤|砍)(?:了|出|出了)?"
    r"|多了|少了|多出|差)(?:大约|约)?$"
)
# A change that lowers the level (少了10张, 减少了10张, 下降了5%): subtracted from a past level, not added.
LOWERS = lazy(r"降|减|少|撤|砍")
# 差两张: a shortfall against a target, never a change to add to a past level.
SHORTFALL = "差"
# 去年使用率80%，今年只有60%: a figure with no field word in a later clause said to be current is the
# same field's current figure (the field named just before).
# 业务用房去年2000平，今年扩建了1500平: so is a change said in the next clause (a change of that field).
LATER_SAME = re.compile(
    r"[，,、；;\s]*(?:但是?|可是?|而|不过)?(?:(?P<when>今年|现在|目前|如今|眼下|当前)(?:的|呢|则)?)?(?:又|再|还|也)?"
    r"(?P<change>(?:扩建|新建|加建|增建|增设|增加|新增|减少|扩大|扩充|多|少|增|减)(?:了|出了?)?)?"
    r"(?:只有|只剩|才|就|是|为|有|达到|达|只|仅|仅有|剩|剩下)*"
    f"(?P<num>{NUMBER})(?P<unit>{UNIT})"
)
# 现在有15个的全科医生: the particle between a figure and the field word it names
FIGURE_TO_FIELD = "的"
TARGET_AFTER_SHORT = ("差",)  # 差两张到30张: the 30 after 到 is the target, not the level
TARGET_JOINER = "到"

# Local government support with a particle or a negation between the body and its verb.
_BODIES = r"党委政府|当地政府|当地党委|县政府|区政府|市政府|镇政府|乡政府|县委|区委|政府|党委|县里|区里|市里|镇里|领导"
_PARTICLES = r"(?:也|都|还|已经|已|很|非常|大力|明确|一直|对此|对这个|对这事)*"
_NEGATION = r"(?P<neg>不太|并不|从不|不|没有|没|未|尚未|还没)?"
SUPPORT = lazy(f"(?:{_BODIES}){_PARTICLES}{_NEGATION}{_PARTICLES}(?:表态)?(?:支持|同意|表态)")
SUPPORT_FIELD = "local_government_support"

# A figure the Q&A names as unread when nothing else of a situation was read: one of a field's own units,
# a land unit, a sign or letters in it (床位3o张, 面积5亩, 面积-3000平方米), not any count (3个月内).
FIELD_FIGURE = lazy(r"[a-z±+\-负]|张|平|m2|亩|公顷|%|成")
# 使用率从60%提高到80%: the figure after a change to (提高到) is the same field's later figure.
CONTINUES = lazy(
    f"(?:提高|增加|增长|提升|上升|降低|下降|减少|扩大|降|涨|变)(?:到|至|成|为)了?(?P<num>{NUMBER})(?P<unit>{UNIT})?"
)
# 使用率今年比去年提高了5个百分点，达到72%: a field word with no figure of its own, a change in its clause, and
# the level the next clause says it reached: that level is the field's.
REACHED = lazy(
    r"[^，,。；;？?！!]*?(?:提高|增加|增长|提升|上升|降低|下降|减少|多|少|涨|降|扩)[^，,。；;？?！!]*[，,]\s*"
    r"(?:现在|目前|今年)?(?:已经|已)?(?:达到|达|到了|升到|升至|降到|降至|变成|成了)了?"
    f"(?P<num>{NUMBER})(?P<unit>{UNIT})"
)


# "一个乡镇卫生院", "一家社区卫生服务中心", "一所卫生院": the article of an introduction, not a figure of the
# institution (newcomer trial 3, F1: "您说到的一个，我没能对上" under "我们是长春的一个乡镇卫生院").
ARTICLE = lazy(r"^[一1](?:个|家|所)$")
ARTICLE_BEFORE = lazy(r"^(?:小|普通|基层)?(?:乡镇|乡|镇|社区|街道|县|区|市|村|中心|卫生|医院|民营|公立|城市|农村)")

# A yes/no or choice fact right after 是不是/是否/必须/要不要 in its clause is asked about, not stated
# ("是不是百强中心才能优先？" does not say the centre is 百强: newcomer trial 3, F18).
QUESTIONED_BEFORE = lazy(r"(?:是不是|是否|必须|要不要|需不需要|需要|一定要|非得|只有|才能算)(?:是|要|得|有|达到|为)?$")

# Right after a count's word with no figure: none of them yet (精品家庭医生团队还没建起来, 团队还没有；r066) —
# a build verb or the clause's end after the negation (没问题, 没配齐 say nothing of the count).
NONE_AFTER = lazy(
    r"(?:也|都|还|目前|现在|暂时)*"
    r"(?:(?:还)?(?:没有|没|尚未|未)(?:建起来|建成|建立|建|组建|成立|设立|设)|(?:还)?没有(?=[，。,.！!？?；;\s呢]|$))"
)

# A ratio the rules compare, said as the ratio itself (全科医生每万人1.5个, 诊疗人次是常住人口的1.5倍,
# 每床0.6个卫技人员): read into the derived quantity's name (dialogs/qa/ratios.py), never skipped as a
# rule's figure when it is the institution's own (newcomer trial 7, N4/N5).
_RATIO_NUM = f"(?P<num>{NUMBER})"
# 万人比 / 万人全科医生数 say the same (全科医生万人比1.5, 我们万人全科医生数1.5: brk9 Q1)
# (not 十万人 / 5万人: a population, 辖区十万人全科医生12个 is 12 doctors)
_CN_NUMERALS = "〇零一二两三四五六七八九十百千"
_TEN_THOUSAND_ALONE = rf"(?<![每0-9.{_CN_NUMERALS}])万人口?比?(?=全科|[是有为达约0-9{_CN_NUMERALS}])"
_PER_10K = rf"(?:每(?:一)?万(?:名)?(?:常住|服务|辖区)?(?:人口|居民|人)|{_TEN_THOUSAND_ALONE})"
_GP = r"全科(?:医生|医师)?(?:数|人数)?"
_HEALTH_STAFF = r"卫(?:生)?技(?:术)?人员|卫技"
_PER_BED = r"每(?:张|一张)?(?:开放)?床(?:位)?"
_FILL = r"(?:是|有|为|达到|达|才|只有|只|仅|约|大约|大概|差不多|配备|配置|配了|配|拥有|平均|我们|咱们)*"
# 每万名常住人口配置2名及以上: the rule's wording (a minimum), so the figure is the rule's, not the institution's
RATIO_RULE_AFTER = lazy(r"(?:及|或)?(?:其)?以上|起步|打底|的要求|的标准|的规定")
STATED_RATIOS: dict[str, tuple[re.Pattern[str], ...]] = {
    "gps_per_10k_residents": (
        re.compile(f"{_GP}[^，,。；;？?0-9]{{0,6}}?{_PER_10K}{_FILL}{_RATIO_NUM}(?:名|个|人|位)?"),
        re.compile(f"{_PER_10K}{_FILL}{_RATIO_NUM}(?:名|个|人|位)?{_GP}"),
        # 每万人口拥有全科医生1.5名, 每万居民有全科医生1.5人, 每万人全科医生数是1.6 (brk9 Q1)
        re.compile(f"{_PER_10K}{_FILL}{_GP}{_FILL}{_RATIO_NUM}(?:名|个|人|位)?"),
    ),
    "visits_per_resident": (
        re.compile(
            f"诊疗(?:人次|量)[^，,。；;？?0-9]{{0,8}}?(?:常住|服务|辖区)[^，,。；;？?0-9]{{0,4}}?人口的?{_FILL}{_RATIO_NUM}倍"
        ),
    ),
    "health_staff_per_bed": (
        re.compile(f"(?:{_HEALTH_STAFF})[^，,。；;？?0-9]{{0,4}}?{_PER_BED}{_FILL}{_RATIO_NUM}(?:名|个|人|位)?"),
        re.compile(f"{_PER_BED}{_FILL}{_RATIO_NUM}(?:名|个|人|位)?(?:{_HEALTH_STAFF})"),
        re.compile(f"床人比{_FILL}1[:：比]{_RATIO_NUM}"),
    ),
}
