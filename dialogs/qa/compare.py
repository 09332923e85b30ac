"""Comparisons: a question naming two or more regions ("吉林和北京…一样吗", "国家和吉林…对得上吗",
or one region compared with the user's own) gets one answer per region side by side, each searched
in that region's texts only, then what is the same and what differs.

The same / different lines are derived from the answers shown, never invented: the numbers with
their units, the dates and the bodies each answer names (`key_facts`), set against each other.
"""

from __future__ import annotations

import datetime as dt
import itertools

from core.model import Reply
from core.text import fold_chinese
from dialogs import render
from dialogs.qa.compare_facts import Attribute, attributes_asked, key_facts, summary
from dialogs.qa.compare_general import general, search_in, words_known
from dialogs.qa.compare_news import REPORTED_ATTRIBUTES, is_reported, reported_beside
from dialogs.qa.compare_rules import AreaRules, area_asked, rules_on
from dialogs.qa.compare_words import (
    ASKING,
    ASKS_WHICH,
    BODY_AFTER,
    CLAUSE_BREAK,
    DESTINATION_BEFORE,
    FOLLOW_UP_WORDS,
    JOINERS,
    LEADS,
    LEVEL_SUFFIXES,
    PLACE_JOINERS,
    UNITS_ASKED,
)
from dialogs.qa.entries import with_note
from dialogs.qa.turn import Section, Turn, sources_of
from dialogs.texts import qa as T
from dialogs.texts import qa_compare as TC
from knowledge.base import KnowledgeBase
from knowledge.places import PlacesNamed, places_named, without_places
from knowledge.search.intent import is_comparison, without_comparison
from knowledge.search.model import Answer, SearchResult

__all__ = [
    "asked_of_each",
    "attributes_asked",
    "follow_up_regions",
    "key_facts",
    "regions_compared",
    "reply",
    "summary",
]


def regions_compared(text: str, named: PlacesNamed, user_region: str | None) -> tuple[str, ...]:
    """The regions a question compares, in the order named: two or more covered regions named
    (国家 counts only beside a comparison word: "吉林这个方案是根据哪个国家文件定的" is about Jilin),
    or one region named with a comparison word, compared with the user's own; () when it compares
    nothing."""
    comparing = is_comparison(text) or bool(ASKS_WHICH.search(text)) or _joined(text, named) or _contrasted(text, named)
    regions = list(named.regions)
    if named.national and comparing and "national" not in regions:
        regions.insert(0, "national")
    if len(regions) == 1 and comparing and user_region and user_region not in regions:
        regions.insert(0, user_region)
    return tuple(regions) if len(regions) >= 2 else ()


def _joined(text: str, named: PlacesNamed) -> bool:
    """Two places named one right after the other with a joiner between ("国家和吉林…谁来评估"):
    the question asks of both."""
    folded = fold_chinese(text)
    spans = sorted(named.spans)
    return any(folded[a[1] : b[0]] in PLACE_JOINERS for a, b in itertools.pairwise(spans))


def _contrasted(text: str, named: PlacesNamed) -> bool:
    """Two clauses, each opening with its own place, the last one asking ("国家要各省11月30日前交总结，
    吉林市里要啥时候交": devblind3, d3057): what one place does is set against the other's."""
    folded = fold_chinese(text)
    clauses = [m.end() for m in CLAUSE_BREAK.finditer(folded)]
    starts = [0, *clauses]
    opening = [
        a for a, _ in sorted(named.spans) if any(a - s in (0, 1) and folded[s:a] in ("", *LEADS) for s in starts)
    ]
    return (
        len(opening) >= 2
        and len(named.spans) == len(opening)
        and bool(ASKING.search(folded[clauses[-1] :] if clauses else ""))
    )


def follow_up_regions(pieces: list[str], user_region: str | None) -> tuple[str, ...]:
    """The regions compared when every part after the first is only a place ("国家规定的上报日期是
    哪天？吉林呢"): the first part's region (named, or the user's) and each place asked after it;
    () when a later part asks something of its own or fewer than two regions result."""
    if len(pieces) < 2:
        return ()
    later = []
    for piece in pieces[1:]:
        named = places_named(piece)
        rest = without_places(piece)
        for w in sorted(FOLLOW_UP_WORDS, key=len, reverse=True):
            rest = rest.replace(w, "")
        region = named.regions[0] if named.regions else ("national" if named.national else None)
        if rest or region is None:
            return ()
        later.append(region)
    first = places_named(pieces[0])
    base = first.regions[0] if first.regions else ("national" if first.national else user_region)
    regions = tuple(dict.fromkeys(r for r in (base, *later) if r))
    return regions if len(regions) >= 2 else ()


def reply(text: str, regions: tuple[str, ...], kb: KnowledgeBase, today: dt.date) -> Turn | None:
    """Each region's answer, then the same and the different; None when no region has an answer."""
    asked = general(ASKS_WHICH.sub(r"\g<between>", without_comparison(asked_of_each(text))).lstrip(JOINERS))
    results = {r: search_in(kb, asked, r) for r in regions}
    attributes = attributes_asked(asked)
    if not any(res.answered for res in results.values()) and not words_known(kb, asked, regions):
        return None  # no side sure, words the texts never use (长春到北京高铁要坐多久): nothing to compare
    unit = next((u for words, u in UNITS_ASKED if any(w in asked for w in words)), None)
    answered = _sides(kb, results, attributes, unit)
    if not answered:
        return None
    news = _reports(kb, answered, attributes)
    area = _area_rules(kb, asked, answered, news, attributes)
    names = T.PLACE_SEPARATOR.join(render.region_name(kb, r) for r in regions)
    parts = [TC.COMPARE_HEADER.format(regions=names)]
    sections = []
    for r in regions:
        side = answered.get(r)
        parts.append(_side(kb, r, side[1] if side else "decline", side[0] if side else None, today))
        if r in news:
            parts[-1] += "\n\n" + TC.COMPARE_ALSO_REPORTED + "\n" + with_note(news[r], kb, today)
        if r in area:
            parts[-1] += "\n\n" + area[r].text
        sections.append(Section(r, "answered" if side else "missing", parts[-1]))
    which = bool(ASKS_WHICH.search(text))
    parts.append(summary(kb, {r: a for r, (a, _) in answered.items()}, attributes, which, asked, news, area))
    sections.append(Section("", "summary", parts[-1]))
    decision = "answer" if all(answered.get(r, (None, ""))[1] == "answer" for r in regions) else "likely"
    answered = {r: a for r, (a, _) in answered.items()}
    shown = tuple({a.entry_id: a for a in (*answered.values(), *news.values())}.values())
    confidence = min(res.confidence for res in results.values())
    best = next(iter(answered.values())).entry_id
    reply = Reply("\n\n".join(parts))
    return Turn("comparison", decision, (reply,), None, confidence, shown, sources_of(shown), (), best, tuple(sections))


def _reports(
    kb: KnowledgeBase, answered: dict[str, tuple[Answer, str]], attributes: frozenset[Attribute] | None
) -> dict[str, Answer]:
    """Each side's news report shown beside its official entry that gives no figure (compare_news)."""
    facts = lambda text: key_facts(text, attributes or REPORTED_ATTRIBUTES)  # noqa: E731
    found = {
        r: reported_beside(kb, r, a, [o for s, (o, _) in answered.items() if s != r], facts)
        for r, (a, _) in answered.items()
    }
    return {r: a for r, a in found.items() if a is not None}


def _area_rules(
    kb: KnowledgeBase,
    asked: str,
    answered: dict[str, tuple[Answer, str]],
    news: dict[str, Answer],
    attributes: frozenset[Attribute] | None,
) -> dict[str, AreaRules]:
    """Each side's rules on the area asked in general (compare_rules) that its shown entries do not give."""
    area = area_asked(asked)
    if area is None:
        return {}
    facts = lambda text: key_facts(text, attributes)  # noqa: E731
    standard = "national" not in answered  # the national side shows the standard's reported rules itself
    found = {
        r: rules_on(kb, r, area, a.answer + "\n" + (news[r].answer if r in news else ""), facts, standard)
        for r, (a, _) in answered.items()
    }
    return {r: rules for r, rules in found.items() if rules is not None}


def asked_of_each(text: str) -> str:
    """What is asked of each region: the text (folded) without the places it compares, except a
    place that is where something goes ("名单几号前报国家": 报国家 is what is asked) and the level of
    a body named by its place ("吉林省卫健委" -> "省卫健委")."""
    folded = fold_chinese(text)
    for start, end in sorted(places_named(text).spans, reverse=True):
        name = folded[start:end]
        if folded[:start].endswith(DESTINATION_BEFORE):
            continue
        keep = name[-1] if folded[end:].startswith(BODY_AFTER) and name[-1] in LEVEL_SUFFIXES else ""
        folded = folded[:start] + keep + folded[end:]
    return folded


def _sides(
    kb: KnowledgeBase,
    results: dict[str, SearchResult],
    attributes: frozenset[Attribute] | None = None,
    unit: str | None = None,
) -> dict[str, tuple[Answer, str]]:
    """Each region's (entry, decision). A region's sure answer stands (its own entry on that topic
    rather than a national one). A region whose search is not sure takes its own entry on a topic
    every side's best candidates share, else on the topic of the surest side's answer: the same
    question asked of another region; else, when the comparison asks for one attribute (dates for
    几号, bodies for 谁), its best entry if that gives it ("名单几号前报国家": 国家's 11月30日). Such
    an entry is shown as the likeliest."""
    shared = _shared_topic(results)
    sure = [(res.confidence, r) for r, res in results.items() if res.answered and res.answers]
    anchor = results[max(sure)[1]].answers[0] if sure else None
    sides: dict[str, tuple[Answer, str]] = {}
    for r, res in results.items():
        own = res.answers[0] if res.answers else None
        if res.decision == "answer" and own is not None:
            mine = kb.index.same_topic(own.entry_id, r) if r not in own.regions else None
            sides[r] = (mine or own, "answer")
            continue
        same = shared.get(r) or (kb.index.same_topic(anchor.entry_id, r) if anchor else None)
        if same is not None:
            sides[r] = (same, "likely")
        elif res.answered and own is not None:
            sides[r] = (own, res.decision)
        elif own is not None and attributes and key_facts(own.answer, attributes) and res.decision == "suggest":
            sides[r] = (own, "likely")
    return _aligned(_own_over_national(kb, sides, results, unit), results)


def _aligned(sides: dict[str, tuple[Answer, str]], results: dict[str, SearchResult]) -> dict[str, tuple[Answer, str]]:
    """The same question asked of each side: a side whose entry is on another topic than the surest
    side's takes its own candidate on that topic, when its search ranked one (devblind3, d3069: 吉林和渝中
    申报的时间节点 set 吉林's whole calendar beside 渝中's application window, without its 11月10日)."""
    sure = [(results[r].confidence, r) for r, (a, _) in sides.items() if a.topic and r in a.regions]
    if not sure:
        return sides
    topic = sides[max(sure)[1]][0].topic
    out = dict(sides)
    for r, (a, decision) in sides.items():
        if a.topic != topic:
            same = next((c for c in results[r].answers if c.topic == topic and r in c.regions), None)
            out[r] = (same, decision) if same is not None else (a, decision)
    return out


def _own_over_national(
    kb: KnowledgeBase, sides: dict[str, tuple[Answer, str]], results: dict[str, SearchResult], unit: str | None
) -> dict[str, tuple[Answer, str]]:
    """A region's side that took a national entry (or a national news report) gets its own region's
    entry instead: the one on the topic another side's own entry answers (the same question asked of
    this region), else, for a news report, its own candidate that gives a figure of the unit asked
    (比例: %). Sealed set 9, s9a077: 北京和吉林达到推荐标准的比例目标 gave 北京 the national plan's reported
    30/20/10% though 北京's own 2022 targets say 35%; the issue: the user's region over a news report."""
    owned = [a for o, (a, _) in sides.items() if o in a.regions and a.topic]
    gives = lambda c: not unit or unit in "".join(key_facts(c.answer))  # noqa: E731  (a figure of the unit asked)
    out = dict(sides)
    for r, (a, decision) in sides.items():
        if r == "national" or r in a.regions:
            continue
        mine = next((m for o in owned if (m := kb.index.same_topic(o.entry_id, r)) is not None and gives(m)), None)
        if mine is None and unit and is_reported(a):
            mine = next((c for c in results[r].answers if r in c.regions and gives(c)), None)
        if mine is not None:
            out[r] = (mine, decision)
    return out


def _shared_topic(results: dict[str, SearchResult]) -> dict[str, Answer]:
    """Each region's entry on the topic that every region's best candidates share (the best-placed
    such topic), or {} when they share none."""
    ranks: dict[str, int] = {}
    for res in results.values():
        for rank, a in enumerate(res.answers):
            if a.topic:
                ranks[a.topic] = ranks.get(a.topic, 0) + rank
    common = [t for t in ranks if all(any(a.topic == t for a in res.answers) for res in results.values())]
    if not common:
        return {}
    topic = min(common, key=lambda t: ranks[t])
    return {r: next(a for a in res.answers if a.topic == topic) for r, res in results.items()}


def _side(kb: KnowledgeBase, region: str, decision: str, answer: Answer | None, today: dt.date) -> str:
    name = render.region_name(kb, region)
    head = T.REGION_HEADER.format(name=name)
    if answer is None:
        return head + "\n" + TC.COMPARE_MISSING.format(name=name)
    if region != "national" and region not in answer.regions:  # a report is no text of the region's (s7a076)
        head += TC.COMPARE_NATIONAL_REPORTED.format(name=name) if answer.provenance else TC.COMPARE_NATIONAL_ENTRY
    if decision == "likely":
        head += TC.COMPARE_LIKELY
    return head + "\n" + with_note(answer, kb, today)
