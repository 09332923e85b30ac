"""Signals about a candidate entry beyond word overlap: does its answer give the kind of thing
the question asks for (a date for 什么时候, a percentage for 比例 …), is it the asked region's own
entry, is it a news report. Each becomes a ranking term and a feature of the confidence.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache

from core.lazy_re import LazyPattern, lazy
from knowledge.search.intent import (
    asks_document,
    count_kinds,
    count_units,
    head_words,
    referral_named_each,
    referral_words,
)
from knowledge.search.model import Answer
from knowledge.search.tokens import is_cjk

OWN_FIRST_WITHIN = 6  # how far down the region's own entry may be to take the first place
NEWS_GAP = 0.25  # how far (in ranking score) below a news report the region's own official entry may be

# What an answer that gives each attribute contains. Deliberately loose: it only has to tell an
# answer that gives a date from one that does not.
PROVIDES: dict[str, LazyPattern] = {
    # (a year naming a text's edition, 2020年版, is no date: the 渝中 criteria's title held one)
    "time": lazy(r"\d{1,2}月|\d{4}年(?!版)|每年|每月|年底|年初|月底|季度|周|天内|日内|日前|常态化|随时|全年"),
    "month": lazy(r"\d{1,2}月|[一二三四五六七八九十]{1,2}月|每月|月底|月初|常态化|随时|全年"),
    "day": lazy(r"\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号]前|每月\d|月底|年底|月初|月中|[上中下]旬"),
    # a multiple or a figure per 10,000 is a ratio too (年诊疗人次与服务人口的比例: 2倍; brk9)
    "ratio": lazy(r"\d%|百分之|比例|占比|\d成|\d倍|[一二两三四五六七八九十]倍|每万"),
    "count": lazy(
        r"\d+(\.\d+)?\s*(多|余)?(张|名|人|个|家|项|种|次|支|位|万|所|类|条|级|倍)|[一二两三四五六七八九十]+(张|名|个|家|项|种|类|条|次|季度)"
    ),
    "money": lazy(r"\d\s*(万元|元)|经费|资金|补助|补贴|奖励|奖补|费用|收费|报销|薪酬|工资|财政"),
    "area": lazy(r"平方米|面积"),
    "who": lazy(r"卫生健康委|卫健委|卫生健康局|部门|政府|科|处|局|委员会|领导小组|专家|机构|负责"),
    "materials": lazy(r"材料|申请表|申请书|方案|附件|表|清单|报告|总结|名单|证明|资料"),
    "contact": lazy(r"\d{7,8}|\d{3,4}-\d{7,8}|电话|邮箱|@|联系人|咨询"),
    "method": lazy(r"计算|除以|公式|÷|×|口径|是指|指的是|定义|没有(给出|定义|规定|说明)|未(给出|定义|规定|说明)"),
    "meaning": lazy(r"是指|指的是|意思|含义|定义|也就是|即|没有(给出|定义|解释)|未(给出|定义|解释)"),
}


# A document's overview, for a fact asked of it (a rule like the step's, not fitted: 0.1–0.3 leave the
# fit splits' best entries as they are, 0.5 loses one; the spent sets' overviews led by 0.04–0.18).
OVERVIEW_PENALTY = 0.3
# A document's or a section's overview (faq `overview`, `section_overview`: it lists many items) for a
# question that does not ask for the whole (intent.asks_document) and whose words an entry on one item
# holds at least as much of (coverage): the overview's long answer and the document names in its
# phrasings match some words of any question on the text, so without this it takes the place of the
# entry holding the one item asked (全科人才培养安排了哪些培训 → the nine measures). An item only the
# overview names (供给足 环境美, 确保建设质量) leaves it first.
BROAD_PENALTY = 0.25


def is_broad(answer: Answer) -> bool:
    """An overview of a document or of a section: it lists many items."""
    return answer.overview or answer.section_overview


def broad_penalty(answer: Answer, fact_of_document: bool, whole: tuple[bool, bool], held_elsewhere: bool) -> float:
    """What an overview loses in the ranking. `fact_of_document`: the question asks a fact of a
    document it names; `whole`: it asks for a whole document, a whole section; `held_elsewhere`: an
    entry on one item holds as much of the question as this overview does."""
    if not is_broad(answer):
        return 0.0
    asked_whole = whole[0] if answer.overview else whole[1]
    # a question about the document itself (哪几家联合发的, 文号多少) asks nothing of one of its sections:
    # a section's list of items (the nine measures) is not its answer, however many of its words it holds
    of_document = answer.section_overview and whole[0] and not whole[1]
    broad = BROAD_PENALTY * ((held_elsewhere and not asked_whole) or of_document)
    return max(OVERVIEW_PENALTY * (fact_of_document and answer.overview), broad)


def broad_penalties(
    answers: Sequence[Answer], coverages: dict[int, float], question: str, fact: bool
) -> dict[int, float]:
    """`broad_penalty` of each candidate (`coverages`: index -> its coverage of the question's
    words) for `question`; `fact`: it asks a fact (a date, a number, a department)."""
    whole = (asks_document(question), asks_document(question, section=True))
    fact_of_document = fact and not whole[0]
    specific = max((c for i, c in coverages.items() if not is_broad(answers[i])), default=0.0)
    return {i: broad_penalty(answers[i], fact_of_document, whole, specific >= c) for i, c in coverages.items()}


# An answer that says the texts do not give it answers whatever was asked.
NOT_GIVEN = lazy(
    r"没有(?:直接)?(给出|规定|写|明确|具体|定义|说明|提到|要求)|未(规定|明确|给出|说明|提及)|不掌握|助手没有|文件里没有"
)
# An answer whose first sentence says the texts do not give it, in other words (文件都没有按常住人口
# 规定…的配置数): what follows is context (another region's figure), not the answer asked for.
NOT_GIVEN_LEAD = lazy(r"^[^。；]*?(?:没有|未)[^。，；]{0,12}?(?:规定|给出|写|明确|定义|说明|提到)")
NOT_GIVEN_MARK = "not_given"  # in provided(): the answer says the texts do not give it
NOT_GIVEN_YIELD = 0.05  # in ranking-score units (see not_given_yield); 0.1 moved 18 best entries, 0.05 the few asked
# An answer saying the texts give no figure ("国家文件没有规定床位数、面积等数字") answers how-many and
# what-share questions, but it is no answer to when / who / whom to call / what it costs / which
# papers unless it says that is what the texts leave open: those attributes it gives only when the
# sentence saying so names them (newcomer trial 4, F3: it was the confident answer to
# "国家文件要求每年几号前报总结"). Figures (count, ratio, area) and method/meaning keep the old reading.
NOT_GIVEN_SUBJECTS: dict[str, LazyPattern] = {
    "time": lazy(r"时间|日期|期限|截止|时限|几号|哪天|什么时候|节点|日子|年份|月份|时长|时段|几点|多久|多长"),
    "who": lazy(r"部门|谁|单位|机构|负责|主体"),
    "contact": lazy(r"电话|联系|邮箱|咨询"),
    "money": lazy(r"费|钱|补助|补贴|资金|奖励|财政|价格|支付"),
    "materials": lazy(r"材料|模板|格式|表|清单|附件|资料|报告|总结"),
}
NOT_GIVEN_SENTENCE = lazy(r"[^。；]*")
# Asked attributes that an answer's wording cannot show (a definition reads like any sentence).
UNCHECKED = frozenset({"meaning"})


# A figure, and an approximation between it and its unit (3800多家, 500余家): still a count in 家.
_NUMBER = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(?:多|余)?"


@cache
def _count_patterns() -> dict[str, re.Pattern[str]]:
    """count:KIND -> a figure in one of that kind's units (30张 for beds, 2名 for staff)."""
    return {
        f"count:{k}": re.compile(_NUMBER + "(?:" + "|".join(map(re.escape, count_units(k))) + ")")
        for k in count_kinds()
    }


def count_patterns() -> dict[str, re.Pattern[str]]:
    """count:KIND -> a figure in one of that kind's units (what a part asking 几家 / 几张床 wants)."""
    return _count_patterns()


def provided(answer_text: str) -> frozenset[str]:
    """The attributes an answer text gives (count:KIND too: a figure in that kind's unit); an answer
    that says the texts do not give it "gives" every one, and NOT_GIVEN_MARK besides when its
    first sentence says so (a not-given entry, not one that says it of a part)."""
    patterns = {**PROVIDES, **_count_patterns()}
    found = frozenset(name for name, pattern in patterns.items() if pattern.search(answer_text))
    lead = NOT_GIVEN_LEAD.match(answer_text)
    said = lead or NOT_GIVEN.search(answer_text)
    if said is None:
        return found
    start = answer_text.rfind("。", 0, said.start()) + 1
    sentence = NOT_GIVEN_SENTENCE.match(answer_text, start)
    subject = sentence.group() if sentence else ""
    left_open = {
        name for name in patterns if name not in NOT_GIVEN_SUBJECTS or NOT_GIVEN_SUBJECTS[name].search(subject)
    }
    gives = found | left_open
    # it opens with it: a not-given entry; said of a part: the rest may be the answer
    return frozenset({*gives, NOT_GIVEN_MARK}) if lead else frozenset(gives)


def attribute_fit(asked: Iterable[str], gives: frozenset[str]) -> float:
    """+0.5 when the answer gives everything asked, -0.5 when it gives none of it, in between for
    some; 0.0 when the question asks for no particular attribute."""
    asked = [a for a in asked if (a in PROVIDES or a in _count_patterns()) and a not in UNCHECKED]
    if not asked:
        return 0.0
    if "day" in asked and "day" not in gives:  # 几号: a year or 每年 gives no day, so no time either (s8a003)
        gives = gives - {"time"}
    return sum(a in gives for a in asked) / len(asked) - 0.5


def not_given_yield(asked: Iterable[str], gives: frozenset[str]) -> float:
    """What an answer that says the texts do not give it (NOT_GIVEN_MARK) loses in the ranking when
    the question asks how many (a count, not how one is counted: NOT_GIVEN_YIELD, in ranking-score
    units; else 0.0): it goes after an entry that gives the number asked, if one is that close
    (全科医生要几个: the reported ≥ 3, not "no per-10 000 figure is given"). Other attributes were
    tried and moved dates and fees to wrong entries. The confidence still counts it as giving what
    was asked (attribute_fit): it answers the question."""
    asked = frozenset(asked)
    counts = any(a == "count" or a.startswith("count:") for a in asked) and not asked & {"method", "meaning"}
    return NOT_GIVEN_YIELD if counts and NOT_GIVEN_MARK in gives else 0.0


def is_local(answer: Answer, region: str | None) -> float:
    """1.0 for an entry of the asked region itself (a national entry when the national texts are
    asked: 国家 named, or a place not covered), else 0.0. Ranking among national entries is not
    changed by it (all of them get it); the confidence learns that the entry is the asked region's
    own: with national entries at 0 (as before 2026-12-01) the fit on the spent sealed sets weighed
    `local` so high that right answers to "国家…" questions fell below answer_at."""
    return 1.0 if region and region in answer.regions else 0.0


def is_secondary(answer: Answer) -> float:
    """1.0 for a fact from a news report."""
    return 1.0 if answer.provenance or any(s.secondary for s in answer.sources) else 0.0


def matter_unmet(matters: Iterable[str], entry_text: str) -> float:
    """1.0 when the question names a matter another office handles (职称, 医保, 收费 …: `matters`,
    intent.referrals) and the entry's folded text names none of them, or not one that must be named
    itself (intent.referral_named_each): it answers another question, however well the rest matches
    (医生职称怎么评 → the news report's 主治医师 count; 主治医师职称考试啥时候报名 → the 主治医师 post's title
    rule, which names 职称 but no exam: sealed set 10, s10a108); else 0.0."""
    matters = list(matters)
    if not matters:
        return 0.0
    named = {m: any(w in entry_text for w in referral_words(m)) for m in matters}
    return 0.0 if any(named.values()) and all(named[m] for m in matters if referral_named_each(m)) else 1.0


def matter_decision(decision: str, matter_unmet_by: Sequence[float]) -> str:
    """The search's `decision` when the question names another office's matter (职称, 医保, 食堂 …):
    `matter_unmet_by` holds matter_unmet for the best candidate first, then the next ones shown. An answer
    or likeliest whose entry never names the matter is asked back when one of those names it
    (执业许可证加注: the naming entries), and declined when none does: nothing here is about it
    (食堂对外承包要办什么证 met 吉林's who-may-apply entry on 卫生院: sealed set 8, s8a108)."""
    if decision not in ("answer", "likely") or not matter_unmet_by or matter_unmet_by[0] < 1.0:
        return decision
    return "suggest" if any(m < 1.0 for m in matter_unmet_by[1:]) else "decline"


def heads_unmet(heads: Iterable[str], entry_text: str) -> tuple[str, ...]:
    """The heads the question names (`heads`, intent.heads_asked) that the entry's folded question,
    phrasings and answer never name: the entry is about another thing (公卫人员比例 → the 非卫技
    share; 每万人几名 → an absolute count), so it is at most suggested. Empty when all are named."""
    return tuple(h for h in heads if not any(w in entry_text for w in head_words(h)))


def heads_first(heads: Sequence[str], texts: Sequence[str]) -> tuple[tuple[str, ...], list[int]]:
    """For the distinct candidates' folded texts `texts` (best first): the heads the best one does
    not name (empty: nothing to do), and the candidates' order with those that name every head
    first (stable). When none names them the order is unchanged (order[0] == 0) and the reply says
    the texts lack it; `texts` must not be empty."""
    missing = heads_unmet(heads, texts[0])
    if not missing:
        return (), list(range(len(texts)))
    holding = [k for k, t in enumerate(texts) if not heads_unmet(heads, t)]
    return missing, holding + [k for k in range(len(texts)) if k not in holding]


def step_unmet(
    asked_steps: frozenset[str],
    entry_steps: frozenset[str],
    asked_days: frozenset[tuple[int, int]] = frozenset(),
    entry_days: frozenset[tuple[int, int]] = frozenset(),
) -> float:
    """1.0 when the entry's canonical question is about authority steps (`entry_steps`: 市州复核,
    专家评估, 名单报国家 …, intent.steps_named) of which the question names none (`asked_steps`):
    its date is that step's, not the one a director asking "哪天前报到省里" means (their own application); else 0.0.
    Also 0.0 when the question names a day (month, day) the entry's answer states: the question names
    that step by its day ("市级每年10月底前要报送哪些东西": step_days.py)."""
    if asked_days & entry_days:
        return 0.0
    return 1.0 if entry_steps and not entry_steps & asked_steps else 0.0


def own_first(scored: list[tuple[float, int, tuple[float, ...]]], region: str | None) -> int | None:
    """`scored`: (ranking score, entry index, (fuzz, coverage, attribute, local, secondary, matter)),
    best first. Put the asked region's own official entry first when the best one is a news report and
    the own entry scores at most NEWS_GAP below it, or a national official entry that matches
    the question's words no better (coverage) — in both cases giving what is asked no worse
    (attribute): 北京 "方案里要新建几个" is Beijing's 10家, not the national news
    report's 500家. In place; returns the entry displaced (it is the same question answered for
    the whole country, so it is no runner-up), or None. A question naming 国家 is searched as
    national and never gets here."""
    if not region or region == "national" or not scored:
        return None
    top_score, top, (_, coverage, attribute, local, secondary, _) = scored[0]
    if local:
        return None
    for k in range(1, min(len(scored), OWN_FIRST_WITHIN)):
        score, _, (_, cov, attr, loc, sec, _) = scored[k]
        if not loc or sec or attr < attribute - 1e-9:
            continue
        # A news report is second to the region's own official text that is nearly as close;
        # a national official text only to one that matches the question's words as fully.
        close = score >= top_score - NEWS_GAP if secondary else cov >= coverage - 1e-9
        if close:
            scored.insert(0, scored.pop(k))
            return top
    return None


def seams(words: Sequence[str], known: Callable[[str], bool]) -> set[str]:
    """The bigram terms ("b:") across the boundary of two neighbouring CJK words, both `known`,
    at least one of two or more characters (["申报", "成为"] → {"b:报成"}, ["验收", "归"] →
    {"b:收归"}). Unknown vocabulary shows as a run of single characters (世界杯 → 世 界 杯) or as a
    character no entry has (涨): the bigrams inside such a run or beside such a character are no
    seams."""
    out = set()
    for a, b in itertools.pairwise(words):
        if is_cjk(a[-1]) and is_cjk(b[0]) and known(a) and known(b) and (len(a) >= 2 or len(b) >= 2):
            out.add("b:" + a[-1] + b[0])
    return out
