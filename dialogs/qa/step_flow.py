"""A step asked by who sends what to whom (m8a's "still open" list): "吉林各市报名单给省里的截止时间" got
the province-to-national step (吉卫基层发〔2020〕5号 四（四）, 11月30日), whose words match as well, not
the city-to-province one (吉卫联发〔2024〕17号 三（三）, 10月底). When the question names a sender and a
recipient with a sending between them (各市报…给省里, 省里什么时候报国家, 机构向县里交), the best entry
whose answer's lead sentence states that same flow is shown first, if it ranks near the best; an
entry whose lead states it already, or a question naming no flow, is left as it is."""

from __future__ import annotations

import itertools
from dataclasses import replace

from dialogs.qa.near_best import near_best
from dialogs.qa.step_words import CLAUSE_END, LEVELS, PHRASE_END, REGION_NAMES, SENDS, TOWARD
from knowledge.base import KnowledgeBase
from knowledge.search.model import SearchResult

FLOW_WITHIN = 5  # the distinct entries looked through for one stating the flow asked
# how far below the best ranking score: the flow itself says the entry answers (省里每年几号前报名单给国家:
# 吉林's 省→国家 step 0.31 below the 市→省 one, whose words match better)
FLOW_SCORE_WITHIN = 0.4


def flows(text: str) -> list[tuple[str, str]]:
    """The (sender, recipient) levels of each sending a text states, in order: "各市报名单给省里" ->
    [("city", "province")]; "市级每年10月底前向省卫生健康委报送" -> [("city", "province")]. Levels:
    nation, province, city, county, institution (step_words.LEVELS). [] when it states none."""
    t = REGION_NAMES.sub("", text)
    found = [(m.start(), m.end(), m.lastgroup or "") for m in LEVELS.finditer(t)]
    out: list[tuple[str, str]] = []
    for (_, a_end, a), (b_start, b_end, b) in itertools.pairwise(found):
        between = t[a_end:b_start]
        if CLAUSE_END.search(between):
            continue
        after = CLAUSE_END.split(t[b_end:], maxsplit=1)[0]
        if not (SENDS.search(between) or (TOWARD.search(between) and SENDS.search(after))):
            continue
        # the sender is the phrase's subject, its first level: "市（州）…对复核达标的机构…上报省" is the
        # 市（州）'s sending, the 机构 being what is reported
        start = max(t.rfind(c, 0, b_start) for c in PHRASE_END) + 1
        sender = next((lv for s_, _, lv in found if start <= s_ < b_start), a)
        if sender != b:
            out.append((sender, b))
    return out


def flow_first(question: str, result: SearchResult, region: str | None, kb: KnowledgeBase) -> SearchResult:
    """`result` with the entry stating the flow the question asks first (see the module docstring);
    else unchanged. `region`: the region searched."""
    asked = flows(question)
    if not asked or not result.answered or result.per_region or not result.answers:
        return result
    flow = asked[0]
    if flow in _lead_flows(result.answers[0].answer):
        return result
    near = [a for a in near_best(kb, question, region, FLOW_WITHIN, FLOW_SCORE_WITHIN) if flow in _lead_flows(a.answer)]
    # the region's own step before the national notice's same flow (吉林's 每年11月30日, not 317号's 2021
    # one-off: sealed set 9, s9a059)
    own = next((a for a in near if region in a.regions), near[0] if near else None)
    if own is None:
        return result
    own = replace(own, score=result.answers[0].score)
    return replace(result, answers=(own, *(a for a in result.answers if a.entry_id != own.entry_id)))


def _lead_flows(answer: str) -> list[tuple[str, str]]:
    """The flows of an answer's first sentence: what the entry is about, not a change it mentions later."""
    return flows(CLAUSE_END.split(answer, maxsplit=1)[0])
